//! A vault that has been lived in: two groups, weekly meetings (one since 2024, one online),
//! a one-off far ahead, a record, a cancelled occurrence, a milestone and two reminders. A
//! refused input must leave all of it as it was, and the ids the app would pass around exist.
//!
//! It is made once per run and copied for every case: copying its files and unlocking them is
//! about three times quicker than making it again, and keeps the whole binary within a minute.

use std::ffi::OsString;
use std::sync::{Arc, OnceLock};

use chrono::{Duration, Local, Utc};
use holdspace_core::attendance::{self, AttendanceInput, AttendanceStatus};
use holdspace_core::groups::{self, NewGroup};
use holdspace_core::meetings::{self, ExceptionKind};
use holdspace_core::milestone;
use holdspace_core::reminders::{self, RuleInput, RuleKind};
use holdspace_core::vault::{Unlock, Vault, VaultPaths};
use holdspace_core::Secret;
use proptest::sample::Index;

use crate::support;

pub struct LivedIn {
    /// Removed with the vault's files when the case ends.
    pub dir: tempfile::TempDir,
    pub vault: Vault,
    pub group: i64,
    /// Occurrence ids of the last four months and the next month, oldest first.
    pub occurrences: Vec<String>,
}

/// The lived-in vault's files, locked, and what the cases need to know about it.
struct Template {
    files: Vec<(OsString, Vec<u8>)>,
    group: i64,
    occurrences: Vec<String>,
}

static TEMPLATE: OnceLock<Template> = OnceLock::new();

/// A copy of the lived-in vault in a folder of its own, unlocked with its passphrase.
pub fn lived_in() -> LivedIn {
    let template = TEMPLATE.get_or_init(|| {
        let lived = make();
        lived.vault.lock().unwrap();
        let files = std::fs::read_dir(lived.dir.path())
            .unwrap()
            .flatten()
            .filter(|entry| entry.path().is_file())
            .map(|entry| (entry.file_name(), std::fs::read(entry.path()).unwrap()))
            .collect();
        Template {
            files,
            group: lived.group,
            occurrences: lived.occurrences,
        }
    });
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in &template.files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let vault = Vault::load(VaultPaths::new(dir.path()), Arc::new(support::NoKeyring)).unwrap();
    // support::vault's passphrase.
    vault
        .unlock(Unlock::Passphrase(Secret::new(
            "a passphrase for tests".to_string(),
        )))
        .unwrap();
    LivedIn {
        dir,
        vault,
        group: template.group,
        occurrences: template.occurrences.clone(),
    }
}

fn make() -> LivedIn {
    let (dir, vault) = support::vault();
    let group = support::group(&vault, "2024-01-01");
    support::meeting(
        &vault,
        group,
        "2024-01-02T19:00",
        "Europe/Berlin",
        Some("FREQ=WEEKLY"),
    );
    let online = groups::add(
        &vault,
        &NewGroup {
            name: "Thursday online".into(),
            kind: "mental-health".into(),
            joined: Some("2025-06-01".into()),
            ..NewGroup::default()
        },
    )
    .unwrap()
    .id;
    support::meeting(
        &vault,
        online,
        "2025-06-05T18:30",
        "America/New_York",
        Some("FREQ=WEEKLY;BYDAY=TH"),
    );
    support::meeting(
        &vault,
        online,
        "2199-12-31T23:00",
        "Pacific/Kiritimati",
        None,
    );
    let now = Utc::now();
    let occurrences: Vec<String> = meetings::occurrences(
        &vault,
        now - Duration::days(120),
        now + Duration::days(30),
        None,
    )
    .unwrap()
    .into_iter()
    .map(|o| o.occurrence_id)
    .collect();
    attendance::record(
        &vault,
        &AttendanceInput {
            occurrence_id: occurrences[0].clone(),
            status: AttendanceStatus::AttendedInPerson,
            shared: true,
            role: None,
            mood_before: Some(2),
            mood_after: Some(4),
            note: Some("Felt heard".into()),
        },
    )
    .unwrap();
    meetings::set_exception(&vault, &occurrences[1], ExceptionKind::Cancelled, None).unwrap();
    milestone::start(&vault, "Since", "2024-03-01", Local::now().date_naive()).unwrap();
    for input in [
        RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(group),
            minutes_before: Some(60),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::DailyCheckIn),
            time_of_day: Some("09:00".into()),
            ..RuleInput::default()
        },
    ] {
        reminders::add_rule(&vault, &input, now).unwrap();
    }
    LivedIn {
        dir,
        vault,
        group,
        occurrences,
    }
}

/// An occurrence id as the UI would send it: one of `real` (as listed, with its instant
/// written another way, or a second off), or one made up.
pub fn occurrence(real: &[String], pick: &(Option<Index>, u8, String)) -> String {
    let (index, variant, made_up) = pick;
    let Some(chosen) = index.map(|i| i.get(real)) else {
        return made_up.clone();
    };
    match variant % 4 {
        0 => chosen.clone(),
        1 => chosen.replace('Z', "+00:00"),
        2 => chosen.replace(":00Z", ":01Z"),
        _ => format!("{chosen} "),
    }
}
