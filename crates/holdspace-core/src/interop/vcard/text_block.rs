//! The copyable text block: a card as lines a person can read in any messenger ("Phone
//! (mobile): +49 ..."), in the sharer's language, and read back when pasted into Holdspace
//! whichever language it was written in.

use super::card::Card;
use crate::buddies::model::Labelled;
use crate::Language;

/// The block's words, as the window names the same fields.
struct Words {
    name: &'static str,
    pronouns: &'static str,
    phone: &'static str,
    email: &'static str,
    messenger: &'static str,
    available: &'static str,
    any_time: &'static str,
    note: &'static str,
}

const ENGLISH: Words = Words {
    name: "Name",
    pronouns: "Pronouns",
    phone: "Phone",
    email: "Email",
    messenger: "Messenger",
    available: "Available",
    any_time: "OK to call any time",
    note: "Note",
};

const GERMAN: Words = Words {
    name: "Name",
    pronouns: "Pronomen",
    phone: "Telefon",
    email: "E-Mail",
    messenger: "Messenger",
    available: "Erreichbarkeit",
    any_time: "Anruf jederzeit okay",
    note: "Notiz",
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &ENGLISH,
        Language::De => &GERMAN,
    }
}

/// Which field a key names, in either language.
fn key_of(key: &str) -> Option<&'static str> {
    [&ENGLISH, &GERMAN].iter().find_map(|w| {
        let is = |word: &str| key.eq_ignore_ascii_case(word);
        if is(w.name) {
            Some("name")
        } else if is(w.pronouns) {
            Some("pronouns")
        } else if is(w.phone) {
            Some("phone")
        } else if is(w.email) {
            Some("email")
        } else if is(w.messenger) {
            Some("messenger")
        } else if is(w.available) {
            Some("available")
        } else if is(w.note) {
            Some("note")
        } else {
            None
        }
    })
}

fn labelled(out: &mut String, what: &str, point: &Labelled) {
    if point.label.is_empty() {
        out.push_str(&format!("{what}: {}\n", point.value));
    } else {
        out.push_str(&format!("{what} ({}): {}\n", point.label, point.value));
    }
}

/// Multi-line values continue on lines indented by two spaces.
fn field(out: &mut String, what: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    out.push_str(what);
    out.push_str(": ");
    out.push_str(&value.replace('\n', "\n  "));
    out.push('\n');
}

pub fn write(card: &Card, language: Language) -> String {
    let w = words(language);
    let mut out = String::new();
    field(&mut out, w.name, &card.name);
    field(&mut out, w.pronouns, &card.pronouns);
    for phone in &card.phones {
        labelled(&mut out, w.phone, phone);
    }
    for email in &card.emails {
        labelled(&mut out, w.email, email);
    }
    for messenger in &card.messengers {
        labelled(&mut out, w.messenger, messenger);
    }
    field(&mut out, w.available, &card.availability);
    if card.ok_to_call_any_time {
        out.push_str(w.any_time);
        out.push('\n');
    }
    field(&mut out, w.note, &card.notes);
    out
}

/// `Key (label): value` lines; unknown keys are skipped.
pub fn read(text: &str) -> Card {
    let mut card = Card::default();
    let mut last: Option<&'static str> = None;
    for line in text.lines() {
        if let Some(more) = line.strip_prefix("  ") {
            match last {
                Some("note") => {
                    card.notes.push('\n');
                    card.notes.push_str(more);
                }
                Some("available") => {
                    card.availability.push(' ');
                    card.availability.push_str(more.trim());
                }
                _ => {}
            }
            continue;
        }
        let line = line.trim();
        if [&ENGLISH, &GERMAN]
            .iter()
            .any(|w| line.eq_ignore_ascii_case(w.any_time))
        {
            card.ok_to_call_any_time = true;
            last = None;
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            last = None;
            continue;
        };
        let value = value.trim().to_string();
        let (key, label) = match key.split_once('(') {
            Some((key, label)) => (key.trim(), label.trim_end_matches(')').trim().to_string()),
            None => (key.trim(), String::new()),
        };
        let point = Labelled {
            label,
            value: value.clone(),
        };
        last = match key_of(key).unwrap_or_default() {
            "name" => {
                card.name = value;
                None
            }
            "pronouns" => {
                card.pronouns = value;
                None
            }
            "phone" => {
                card.phones.push(point);
                None
            }
            "email" => {
                card.emails.push(point);
                None
            }
            "messenger" => {
                card.messengers.push(point);
                None
            }
            "available" => {
                card.availability = value;
                Some("available")
            }
            "note" => {
                card.notes = value;
                Some("note")
            }
            _ => None,
        };
    }
    card
}

#[cfg(test)]
mod tests {
    use super::*;

    fn robin() -> Card {
        let point = |label: &str, value: &str| Labelled {
            label: label.into(),
            value: value.into(),
        };
        Card {
            name: "Robin Weber".into(),
            pronouns: "dey/denen".into(),
            phones: vec![point("mobil", "+49 30 1111111")],
            emails: vec![point("", "robin@example.org")],
            messengers: vec![point("Signal", "@robin.01")],
            availability: "abends nach 19 Uhr,\nnicht sonntags".into(),
            ok_to_call_any_time: true,
            notes: "Aus dem Dienstagskreis.\nMag Tee.".into(),
            ..Card::default()
        }
    }

    #[test]
    fn a_block_written_in_german_uses_the_windows_words_and_reads_back_whole() {
        let block = write(&robin(), Language::De);
        for line in [
            "Name: Robin Weber\n",
            "Pronomen: dey/denen\n",
            "Telefon (mobil): +49 30 1111111\n",
            "E-Mail: robin@example.org\n",
            "Messenger (Signal): @robin.01\n",
            "Erreichbarkeit: abends nach 19 Uhr,\n  nicht sonntags\n",
            "Anruf jederzeit okay\n",
            "Notiz: Aus dem Dienstagskreis.\n  Mag Tee.\n",
        ] {
            assert!(block.contains(line), "German block has {line:?}: {block}");
        }
        let back = read(&block);
        assert_eq!(back.phones, robin().phones);
        assert_eq!(back.notes, robin().notes, "a note keeps its lines");
        assert!(back.ok_to_call_any_time);
        assert_eq!(
            back.availability, "abends nach 19 Uhr, nicht sonntags",
            "availability is one line, as when read from English"
        );
        assert_eq!(
            (back.name, back.pronouns, back.emails, back.messengers),
            (
                robin().name,
                robin().pronouns,
                robin().emails,
                robin().messengers
            )
        );
    }

    #[test]
    fn a_block_reads_the_same_whichever_language_wrote_it() {
        assert_eq!(
            read(&write(&robin(), Language::De)),
            read(&write(&robin(), Language::En)),
            "a card pasted from a German Holdspace into an English one loses nothing"
        );
        assert!(write(&robin(), Language::En).contains("Phone (mobil): +49 30 1111111\n"));
    }
}
