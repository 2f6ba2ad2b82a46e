//! The demo vault behind the desktop app's `--demo`: made whole and unlocked, filled through
//! the domain functions, the same for the same day, and never made over an existing vault.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use holdspace_core::attendance::{self, awaiting_record};
use holdspace_core::buddies::{self, my_card, ContactFilter};
use holdspace_core::demo::{create_demo_session, fill, DemoSummary, ProcessKeyring};
use holdspace_core::groups::{self, MyRole};
use holdspace_core::journal::{self, Entry, EntryKind};
use holdspace_core::vault::{
    CreateRequest, KdfCost, KdfTuning, KeyStore, KeyringFailure, Phase, ProtectorKind, Session,
    UnlockRequest, Vault, VaultPaths,
};
use holdspace_core::Language;
use holdspace_core::{facilitation, meetings, reminders, ErrorCode, Secret};

const ZONE: &str = "Europe/London";

/// A fixed past day, so attendance (which must not be in the future) can always be recorded.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-10-15T11:30:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn demo_in(language: Language) -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let session = create_demo_session(dir.path(), today(), now(), ZONE, language).unwrap();
    (dir, session)
}

/// The English demo: most tests are about its shape, which every language shares.
fn demo() -> (tempfile::TempDir, Session) {
    demo_in(Language::En)
}

/// A new, empty, unlocked vault, for [`fill`] to write into.
fn empty_vault() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(
        VaultPaths::new(dir.path()),
        Arc::new(ProcessKeyring::new()),
        KdfTuning::Fixed(KdfCost::MINIMUM),
    );
    session
        .create(CreateRequest {
            use_keyring: true,
            passphrase: None,
        })
        .unwrap();
    (dir, session)
}

fn entries(vault: &Vault) -> Vec<Entry> {
    journal::page(vault, false, None, 200).unwrap()
}

#[test]
fn a_demo_vault_opens_unlocked_with_sample_groups_meetings_entries_and_buddies() {
    let (_dir, session) = demo();
    let state = session.state();
    assert_eq!(
        state.phase,
        Phase::Unlocked,
        "the app shows the demo straight away, without an unlock screen"
    );
    let status = state.status.unwrap();
    assert!(
        status.protectors.contains(&ProtectorKind::Keyring)
            && !status.protectors.contains(&ProtectorKind::Passphrase),
        "the process keyring protects a demo, with no passphrase to type"
    );
    let vault = session.vault().unwrap();

    let groups = groups::list(&vault, false).unwrap();
    assert_eq!(groups.len(), 4, "the demo has four sample groups");
    let kinds: HashSet<&str> = groups.iter().map(|g| g.kind.as_str()).collect();
    assert_eq!(kinds.len(), 4, "each sample group is of a different kind");
    assert!(
        groups.iter().all(|g| !g.norms.is_empty()),
        "every sample group has norms, so the norms view has something to show"
    );
    let facilitated: Vec<_> = groups
        .iter()
        .filter(|g| g.my_role == MyRole::Facilitator)
        .collect();
    assert_eq!(
        facilitated.len(),
        1,
        "the user facilitates exactly one group, so the facilitator tools show there"
    );
    assert_eq!(
        facilitation::list(&vault, facilitated[0].id).unwrap().len(),
        1,
        "the facilitated group has one facilitation log entry"
    );

    let meetings = meetings::list(&vault, None).unwrap();
    assert_eq!(meetings.len(), 4, "each group has one meeting");
    assert!(
        meetings
            .iter()
            .all(|m| m.rrule.is_some() && m.time_zone == ZONE),
        "sample meetings recur, in the zone the demo was made for"
    );

    let records = attendance::list(&vault, None).unwrap();
    let attended = records.iter().filter(|r| r.status.attended()).count();
    assert!(
        records.len() >= 15,
        "about eight weeks of four groups' meetings are recorded, not {}",
        records.len()
    );
    assert!(
        attended * 4 >= records.len() * 3 && attended < records.len(),
        "the user went to most meetings but not all ({attended} of {})",
        records.len()
    );
    assert!(
        records.iter().any(|r| r.shared) && records.iter().any(|r| !r.shared),
        "the user shared at some meetings and only listened at others"
    );
    let midnight = DateTime::parse_from_rfc3339("2026-10-14T23:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(
        awaiting_record(&vault, midnight, 14, None).unwrap().len(),
        1,
        "one recent meeting is left unrecorded, so the \"did you go?\" prompt has something to ask"
    );

    let entries = entries(&vault);
    assert_eq!(entries.len(), 12, "the journal has a dozen sample entries");
    let recorded: HashSet<&str> = records
        .iter()
        .filter(|r| r.status.attended())
        .map(|r| r.occurrence_id.as_str())
        .collect();
    let reflections: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Reflection)
        .collect();
    assert!(
        !reflections.is_empty()
            && reflections.iter().all(|e| e
                .occurrence_id
                .as_deref()
                .is_some_and(|id| recorded.contains(id))
                && e.group_id.is_some()),
        "every reflection is linked to a meeting the user went to, and to its group"
    );
    assert!(
        entries
            .iter()
            .any(|e| e.kind == EntryKind::CheckIn && e.mood.is_some())
            && entries.iter().any(|e| e.kind == EntryKind::Note),
        "the journal holds check-ins with moods and notes as well"
    );

    let contacts = buddies::list(&vault, &ContactFilter::default()).unwrap();
    assert_eq!(contacts.len(), 3, "the demo has three contacts");
    assert!(
        contacts.iter().all(
            |c| c.phones.iter().all(|p| p.value.starts_with("+44 7700 900"))
                && c.emails.iter().all(|e| e.value.ends_with("@example.org"))
        ),
        "sample numbers are from the drama range and addresses on example.org: never real"
    );
    assert!(
        !my_card::get(&vault).unwrap().fields.is_empty(),
        "the user's own card is filled in, so sharing it can be tried"
    );

    let rules = reminders::list_rules(&vault).unwrap();
    let reminded: HashSet<Option<i64>> = rules.iter().map(|r| r.group_id).collect();
    assert_eq!(
        reminded.len(),
        2,
        "two groups have reminders before their meetings"
    );
}

#[test]
fn a_demo_vault_locks_and_unlocks_again_with_the_process_keyring() {
    let (_dir, session) = demo();
    assert_eq!(
        session.lock().unwrap().phase,
        Phase::Locked,
        "locking a demo works as for any vault"
    );
    assert_eq!(
        session.unlock(UnlockRequest::Keyring).unwrap().phase,
        Phase::Unlocked,
        "the key kept in this process's memory opens the demo again"
    );
    assert_eq!(
        groups::list(&session.vault().unwrap(), false)
            .unwrap()
            .len(),
        4,
        "the sample data is still there after unlocking"
    );
}

#[test]
fn the_process_keyring_keeps_keys_in_memory_and_forgets_deleted_ones() {
    let keyring = ProcessKeyring::new();
    assert_eq!(
        keyring.get("vault").unwrap_err(),
        KeyringFailure::Missing,
        "a fresh keyring holds nothing"
    );
    keyring.set("vault", &Secret::new([7u8; 32])).unwrap();
    assert_eq!(
        keyring.get("vault").unwrap().expose(),
        &[7u8; 32],
        "a stored key comes back unchanged"
    );
    keyring.delete("vault").unwrap();
    keyring.delete("vault").unwrap();
    assert_eq!(
        keyring.get("vault").unwrap_err(),
        KeyringFailure::Missing,
        "a deleted key is gone, and deleting twice is not an error"
    );
}

#[test]
fn a_demo_refuses_a_folder_that_already_holds_a_vault() {
    let (dir, session) = demo();
    let manifest = session.vault().unwrap().paths().manifest();
    let before = std::fs::read(&manifest).unwrap();
    let error = create_demo_session(dir.path(), today(), now(), ZONE, Language::En).unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::Conflict,
        "a folder with a vault is refused as a conflict, never written over"
    );
    assert_eq!(
        std::fs::read(&manifest).unwrap(),
        before,
        "the vault already there is left byte for byte as it was"
    );
    assert_eq!(
        groups::list(&session.vault().unwrap(), false)
            .unwrap()
            .len(),
        4,
        "the first demo's data is untouched: nothing was filled in twice"
    );
}

#[test]
fn a_demo_refuses_a_time_zone_it_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let error = create_demo_session(
        dir.path(),
        today(),
        now(),
        "Mars/Olympus_Mons",
        Language::En,
    )
    .unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::InvalidInput,
        "meetings need a real IANA zone, as they do when a person adds one"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "the zone is checked before the vault is made, so a refusal leaves the folder empty"
    );
}

/// Everything the demo wrote that a person can see, leaving out the moments it was written
/// (the journal and contacts stamp the present, which differs between two runs).
fn visible(vault: &Vault) -> String {
    let groups = groups::list(vault, true).unwrap();
    let journal: Vec<_> = entries(vault)
        .into_iter()
        .map(|e| {
            (
                e.kind,
                e.title,
                e.body,
                e.mood,
                e.feelings,
                e.tags,
                e.group_id,
                e.occurrence_id,
            )
        })
        .collect();
    let contacts: Vec<_> = buddies::list(vault, &ContactFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| {
            let mut c = c;
            c.updated_utc.clear();
            c
        })
        .collect();
    let facilitation: Vec<_> = groups
        .iter()
        .map(|g| facilitation::list(vault, g.id).unwrap())
        .collect();
    format!(
        "{groups:?}\n{:?}\n{:?}\n{journal:?}\n{contacts:?}\n{:?}\n{:?}\n{facilitation:?}",
        meetings::list(vault, None).unwrap(),
        attendance::list(vault, None).unwrap(),
        my_card::get(vault).unwrap(),
        reminders::list_rules(vault).unwrap(),
    )
}

#[test]
fn filling_is_the_same_for_the_same_day() {
    let (_first_dir, first) = demo();
    let (_second_dir, second) = demo();
    assert_eq!(
        visible(&first.vault().unwrap()),
        visible(&second.vault().unwrap()),
        "the demo is derived from the day alone: no randomness, so it can be described and tested"
    );

    let (_dir, session) = empty_vault();
    let vault = session.vault().unwrap();
    let later_the_same_day = now() + Duration::hours(6);
    let summary = fill(&vault, today(), later_the_same_day, ZONE, Language::En).unwrap();
    assert_eq!(
        summary,
        DemoSummary {
            groups: 4,
            meetings: 4,
            attendance_records: attendance::list(&vault, None).unwrap().len(),
            journal_entries: 12,
            contacts: 3,
            reminder_rules: 4,
        },
        "the summary counts what the vault holds"
    );
    assert_eq!(
        attendance::list(&vault, None).unwrap().len(),
        attendance::list(&first.vault().unwrap(), None)
            .unwrap()
            .len(),
        "the hour of the day does not change which meetings have a record"
    );
}

/// English names of days and months that German spells otherwise (April, August, September
/// and November are the same in both, so finding them would prove nothing).
const ENGLISH_ONLY_DATE_WORDS: [&str; 15] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "May",
    "June",
    "July",
    "October",
    "December",
];

/// What the demo's data is, leaving out the words: the same in every language.
fn shape(vault: &Vault) -> String {
    // By id, not as listed: the list is sorted by name, which a language reorders.
    let mut groups: Vec<_> = groups::list(vault, true)
        .unwrap()
        .into_iter()
        .map(|g| {
            (
                g.id,
                g.kind,
                g.my_role,
                g.colour,
                g.norms,
                g.own_norms.len(),
            )
        })
        .collect();
    groups.sort_by_key(|g| g.0);
    let meetings: Vec<_> = meetings::list(vault, None)
        .unwrap()
        .into_iter()
        .map(|m| (m.group_id, m.start_local, m.rrule, m.duration_minutes))
        .collect();
    let attendance: Vec<_> = attendance::list(vault, None)
        .unwrap()
        .into_iter()
        .map(|a| {
            let noted = !a.note.is_empty();
            (
                a.occurrence_id,
                a.status,
                a.shared,
                a.role,
                a.mood_before,
                a.mood_after,
                noted,
            )
        })
        .collect();
    let journal: Vec<_> = entries(vault)
        .into_iter()
        .map(|e| {
            let sizes = (e.feelings.len(), e.tags.len());
            (e.kind, e.mood, sizes, e.group_id, e.occurrence_id)
        })
        .collect();
    let contacts: Vec<_> = buddies::list(vault, &ContactFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| {
            let numbers: Vec<String> = c.phones.into_iter().map(|p| p.value).collect();
            let emails: Vec<String> = c.emails.into_iter().map(|e| e.value).collect();
            (c.display_name, c.relation, numbers, emails, c.group_ids)
        })
        .collect();
    format!("{groups:?}\n{meetings:?}\n{attendance:?}\n{journal:?}\n{contacts:?}")
}

#[test]
fn a_german_demo_has_the_same_shape_in_german_words() {
    let (_en_dir, english) = empty_vault();
    let (_de_dir, german) = empty_vault();
    let (english, german) = (english.vault().unwrap(), german.vault().unwrap());
    let en_summary = fill(&english, today(), now(), ZONE, Language::En).unwrap();
    let de_summary = fill(&german, today(), now(), ZONE, Language::De).unwrap();
    assert_eq!(
        de_summary, en_summary,
        "a language changes the words only, so both demos hold as much of everything"
    );
    assert_eq!(
        shape(&german),
        shape(&english),
        "groups, meetings, attendance, journal and contacts line up one for one: only their \
         text differs"
    );

    let en_names: HashSet<String> = groups::list(&english, true)
        .unwrap()
        .into_iter()
        .map(|g| g.name)
        .collect();
    let de_names: Vec<String> = groups::list(&german, true)
        .unwrap()
        .into_iter()
        .map(|g| g.name)
        .collect();
    assert!(
        de_names.iter().all(|n| !en_names.contains(n)),
        "every group is named in German, none keeps its English name: {de_names:?}"
    );
    assert!(
        de_names.iter().any(|n| n.contains("Trauer")),
        "the grief group has a German name a German speaker would use: {de_names:?}"
    );
    assert!(
        de_names
            .iter()
            .any(|n| n.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', 'ß'])),
        "German names keep their umlauts, so the app's text handling is shown with them: \
         {de_names:?}"
    );

    let journal = entries(&german);
    for entry in &journal {
        for word in ENGLISH_ONLY_DATE_WORDS {
            assert!(
                !entry.title.contains(word) && !entry.body.contains(word),
                "a German entry names no English day or month (\"{word}\" in \"{}\"): its \
                 dates are written with German names",
                entry.title
            );
        }
    }
    let weekdays = [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ];
    assert!(
        journal
            .iter()
            .filter(|e| e.kind == EntryKind::Reflection)
            .all(|e| weekdays
                .iter()
                .any(|d| e.title.contains(&format!(", {d}, ")))),
        "a German reflection is titled with its meeting's day in German, as in \
         \"Nach dem Trauerkreis, Donnerstag, 8. Oktober\""
    );
}
