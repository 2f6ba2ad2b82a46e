//! The sample data in German, written as a member would write in their own journal: warm,
//! plain, "du" in a group's notes. Places are made up ("Stadtteilzentrum Lindenstraße") and the
//! journal speaks only of the user: what others shared stays in the room.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{
    AttendanceNotes, CardText, ContactText, EntryText, FacilitationText, GroupText, JournalText,
    PerCircle, Texts,
};

/// Our own names: chrono knows only English ones, and one of those in a German title would
/// give the demo away as a translation.
const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Montag",
        Weekday::Tue => "Dienstag",
        Weekday::Wed => "Mittwoch",
        Weekday::Thu => "Donnerstag",
        Weekday::Fri => "Freitag",
        Weekday::Sat => "Samstag",
        Weekday::Sun => "Sonntag",
    }
}

/// "Donnerstag, 8. Oktober".
fn spoken(date: NaiveDate) -> String {
    // month0 is 0-11 by chrono's contract; the fallback only keeps this free of a panic path.
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    format!("{}, {}. {month}", weekday(date.weekday()), date.day())
}

/// The headings of the built-in "After a meeting" prompts.
macro_rules! after_meeting {
    ($heard:literal, $shared:literal, $feedback:literal) => {
        concat!(
            "### Was habe ich gehört, das ich behalten möchte?\n\n",
            $heard,
            "\n\n### Was habe ich erzählt, und wie hat es sich angefühlt?\n\n",
            $shared,
            "\n\n### Möchte ich um eine Rückmeldung bitten?\n\n",
            $feedback
        )
    };
}

pub(super) const TEXTS: Texts = Texts {
    groups: PerCircle {
        grief: GroupText {
            name: "Trauerkreis am Donnerstag",
            description: "Ein kleiner, verlässlicher Kreis für alle, die mit dem Verlust eines \
                          nahen Menschen leben. Wenn du neu bist, darfst du gern so lange \
                          einfach zuhören, wie du möchtest.",
            address: "Gemeinschaftsraum, Stadtteilzentrum Lindenstraße",
            meeting_link: "",
            venue_notes: "Seiteneingang bei den Fahrradständern; der Raum ist im Erdgeschoss. \
                          Tee und Taschentücher stehen auf dem Tisch am Fenster.",
            own_norms: &["Du darfst jederzeit kurz rausgehen, um durchzuatmen, und \
                          wiederkommen, wenn du so weit bist."],
            meeting_title: "Trauerkreis",
        },
        recovery: GroupText {
            name: "Neustart – Genesungsgruppe (online)",
            description: "Ein Online-Meeting für alle, die mit dem Trinken oder Konsumieren \
                          aufhören möchten. Kamera an oder aus, wie du magst.",
            address: "",
            meeting_link: "https://meet.example.org/neustart-montag",
            venue_notes: "Der Warteraum öffnet zehn Minuten vorher. Ändere deinen \
                          Anzeigenamen bitte in einen Vornamen oder einen Anfangsbuchstaben.",
            own_norms: &["Was wir hier hören und wen wir hier sehen, bleibt hier."],
            meeting_title: "Montagabend-Meeting",
        },
        carers: GroupText {
            name: "Kaffeerunde für pflegende Angehörige",
            description: "Pflegende Angehörige treffen sich jeden zweiten Samstag auf einen \
                          Kaffee: eine Pause, ein offenes Ohr und Tipps, die nur andere \
                          Pflegende kennen.",
            address: "Wohnzimmer bei Sam, Birkenweg (Türcode steht im Gruppenchat)",
            meeting_link: "",
            venue_notes: "Bring gern deine eigene Tasse mit. Stufenloser Zugang durchs \
                          Gartentor.",
            own_norms: &["Wer später kommt oder früher gehen muss, muss nichts erklären."],
            meeting_title: "Kaffeerunde",
        },
        chronic_illness: GroupText {
            name: "Gut leben mit chronischen Schmerzen",
            description: "Eine Selbsthilfegruppe für Menschen mit langanhaltenden Schmerzen \
                          oder Erschöpfung: Pacing, Arzttermine, gute und schlechte Tage.",
            address: "Gruppenraum 2, Stadtbücherei am Mühlbach",
            meeting_link: "",
            venue_notes: "Mit dem Aufzug in den ersten Stock; Stühle mit Armlehnen stehen an \
                          der Tür. Hinlegen oder herumlaufen ist während des Treffens jederzeit \
                          in Ordnung.",
            own_norms: &[
                "Niemand gibt medizinische Ratschläge; wir erzählen, was uns geholfen hat.",
                "Wer an einem schlechten Tag früher geht, muss nichts erklären.",
            ],
            meeting_title: "Gruppentreffen",
        },
    },
    attendance: AttendanceNotes {
        grief_excused: "Ein paar Tage bei meiner Schwester; der Kreisleitung vorher Bescheid \
                        gesagt.",
        grief_first_share: "Zum ersten Mal Papas Namen im Kreis laut ausgesprochen.",
        recovery_missed: "Auf dem Sofa eingeschlafen. Nächste Woche bin ich wieder dabei.",
        carers_cancelled: "Sam war krank; im Gruppenchat abgesagt.",
        chronic_illness_facilitated: "Die Runde zum Thema Pacing geleitet. Zeit eingehalten.",
    },
    journal: JournalText {
        entries: [
            EntryText {
                title: "Zäher Start",
                body: "### Wie komme ich heute an?\n\nSchon wieder um vier aufgewacht. Tee \
                       gemacht und am Fenster gesessen, bis es hell wurde.\n\n### Was \
                       brauche ich heute, und von wem?\n\nEinen Spaziergang in der \
                       Mittagspause und früh ins Bett. Vielleicht schreibe ich Priya.",
                feelings: &["müde", "ängstlich"],
                tags: &["schlaf"],
            },
            EntryText {
                title: "Bald ist der Jahrestag",
                body: "Nächsten Monat ist Papas Todestag, und ich spüre ihn jetzt schon in den \
                       Schultern. Ich schreibe es auf, damit es nicht nur in meinem Kopf ist. \
                       Vielleicht bringe ich es am Donnerstag in den Kreis mit, wenn Raum \
                       dafür ist.",
                feelings: &["traurig", "unruhig"],
                tags: &["trauer", "familie"],
            },
            EntryText {
                title: "Was an schweren Abenden hilft",
                body: "- Priya oder Mark anrufen, bevor der Abend lang wird\n\
                       - Heiß duschen, dann das Radio an\n\
                       - Einmal um den Block gehen, auch wenn es regnet\n\
                       - Drei Zeilen hier schreiben statt zu scrollen\n\
                       - Um elf im Bett",
                feelings: &[],
                tags: &["selbstfürsorge"],
            },
            EntryText {
                title: "Etwas stabiler",
                body: "Wieder eine Woche ohne Alkohol. Nichts Großes, einfach ein ganz \
                       normaler Abend, und der Abwasch ist gemacht. Mark sagt, ich soll die \
                       normalen Tage bewusst wahrnehmen, also: wahrgenommen.",
                feelings: &["ruhig", "zuversichtlich"],
                tags: &["genesung"],
            },
            EntryText {
                title: "Schmerzschub",
                body: "Seit Dienstag ein heftiger Schub. Das Kino abgesagt und mich schuldig \
                       gefühlt, dann fiel mir ein, was ich in der Gruppe immer übers Pacing \
                       sage. Wärmekissen, kurze Spaziergänge und netter zu mir sein, als mir \
                       gerade danach ist.",
                feelings: &["frustriert", "müde"],
                tags: &["pacing", "gesundheit"],
            },
            EntryText {
                title: "Zwei Stunden für mich",
                body: "Mama hatte eine ruhige Nacht, also hatte ich zwei Stunden für mich. \
                       Komisch, wie viel leichter ich mich nach einem Vormittag fühle, an dem \
                       ich niemandem etwas erklären muss.",
                feelings: &["dankbar", "verbunden"],
                tags: &["pflege"],
            },
            EntryText {
                title: "Fragen für die Schmerzambulanz",
                body: "1. Können die Physiotermine auf den Vormittag gelegt werden?\n\
                       2. Gibt es einen Pacing-Kurs, bei dem ich mitmachen kann?\n\
                       3. Nach einer Bescheinigung für die Arbeit fragen, wegen flexibler \
                       Arbeitszeiten.",
                feelings: &[],
                tags: &["gesundheit", "termine"],
            },
            EntryText {
                title: "Ein guter Tag",
                body: "Zum ersten Mal seit zwei Wochen durchgeschlafen. Pfannkuchen, ein \
                       Spaziergang am Fluss und ab vier keine Pläne mehr. Ich will mir merken, \
                       dass ein guter Tag auch einfach so passieren kann.",
                feelings: &["zuversichtlich", "ruhig"],
                tags: &["schlaf", "dankbarkeit"],
            },
        ],
        reflections: PerCircle {
            grief: EntryText {
                title: "Nach dem Trauerkreis",
                body: after_meeting!(
                    "Dass Trauer sich an keinen Zeitplan hält und dass das zweite Jahr \
                     schwerer sein kann als das erste.",
                    "Ich habe erzählt, wie ich Papas Schuppen ausgeräumt habe. Meine Stimme \
                     hat gezittert, aber ich habe zu Ende gesprochen, und die Stille danach \
                     hat sich freundlich angefühlt.",
                    "Diesmal nicht."
                ),
                feelings: &["traurig", "erleichtert"],
                tags: &["trauer"],
            },
            recovery: EntryText {
                title: "Nach dem Montagsmeeting",
                body: after_meeting!(
                    "„Einen Abend nach dem anderen“ – das hilft mehr, als an „für immer“ zu \
                     denken.",
                    "Ich habe die Präambel vorgelesen und erzählt, dass ich einen schweren \
                     Freitag hatte, aber durchgekommen bin. Das ging mir leichter über die \
                     Lippen als letzten Monat.",
                    "Mark nach den Wochenenden fragen."
                ),
                feelings: &["dankbar", "zuversichtlich"],
                tags: &["genesung"],
            },
            carers: EntryText {
                title: "Kaffeerunde",
                body: after_meeting!(
                    "Den Tipp, bei der Pflegekasse nach einer Pflegeberatung zu fragen.",
                    "Dass ich das Pflegen manchmal richtig leid bin und mich dann dafür \
                     schäme. Niemand hat mit der Wimper gezuckt.",
                    "Nein."
                ),
                feelings: &["verbunden", "müde"],
                tags: &["pflege"],
            },
            chronic_illness: EntryText {
                title: "Gruppe moderiert",
                body: after_meeting!(
                    "Dass Pacing etwas ist, das man übt, und keine Prüfung, die man besteht \
                     oder nicht.",
                    "Am Ende kurz etwas über meinen eigenen Schub. Die Gruppe zu leiten und am \
                     selben Abend selbst etwas zu erzählen, ist ganz schön viel.",
                    "Meine Co-Moderation fragen, ob die Zeiteinteilung gepasst hat."
                ),
                feelings: &["stolz", "erschöpft"],
                tags: &["moderation", "pacing"],
            },
        },
        spoken,
    },
    contacts: [
        ContactText {
            pronouns: "sie/ihr",
            phone_label: "Handy",
            email_label: "privat",
            availability: "Abends ab sechs; am besten erst eine Nachricht schreiben",
            notes: "Wir haben ausgemacht, uns nach dem Trauerkreis kurz zu melden – und an den \
                    schweren Tagen.",
        },
        ContactText {
            pronouns: "er/ihm",
            phone_label: "Handy",
            email_label: "privat",
            availability: "Jederzeit, ehrlich – und er meint das so",
            notes: "Anrufen, bevor der Abend lang wird, nicht erst hinterher.",
        },
        ContactText {
            pronouns: "dey/denen",
            phone_label: "Handy",
            email_label: "",
            availability: "Werktags vormittags, wenn die Kinder in der Schule sind",
            notes: "Kennt sich mit den Anträgen fürs Pflegegeld bestens aus.",
        },
    ],
    card: CardText {
        pronouns: "dey/denen",
        phone_label: "Handy",
        email_label: "privat",
        availability: "Werktags abends; Nachrichten jederzeit",
        preset_name: "Für Neue in der Gruppe",
    },
    facilitation: FacilitationText {
        how_it_went: "Pünktlich angefangen und die Beiträge in den Runden auf drei Minuten \
                      begrenzt. Das Thema Pacing ist gut angekommen; ich habe zum ersten Mal den Timer für die \
                      Redebeiträge benutzt.",
        what_i_need: "Eine Co-Moderation für die nächsten zwei Treffen, bis mein eigener Schub \
                      abklingt. Am Ende des nächsten Treffens danach fragen.",
        self_care: "Danach ein ruhiger Abend, keine Bildschirme, und das Wärmekissen. Am \
                    Freitag bei Priya melden.",
    },
};
