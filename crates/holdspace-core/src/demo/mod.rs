//! A throw-away demo vault full of made-up but lifelike data, for the desktop app's `--demo`
//! flag: four groups with their meetings, two months of attendance, a journal, contacts,
//! reminders and a facilitation log, in English or German.
//!
//! What must hold:
//! - everything goes in through the public domain functions the app's commands call, so the
//!   samples pass the same validation a person's input does;
//! - the same day, zone and time give the same data (no randomness), so a demo can be
//!   described, screenshotted and tested;
//! - every language has the same data in other words: only the text a person reads changes;
//! - nothing real: made-up names and places, phone numbers from the drama range, addresses
//!   on example.org, and keys that live only in this process, never in the OS keyring;
//! - a folder that already holds a vault is refused untouched.

mod attendance;
mod buddies;
mod calendar;
mod facilitation;
mod folder;
mod groups;
mod journal;
mod keyring;
mod reminders;
mod texts;

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

pub use folder::new_demo_folder;
pub use keyring::ProcessKeyring;

use calendar::Calendar;

use crate::time::parse_zone;
use crate::vault::{CreateRequest, KdfCost, KdfTuning, Session, Vault, VaultPaths};
use crate::{Error, Language, Result};

/// How much sample data [`fill`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub groups: usize,
    pub meetings: usize,
    pub attendance_records: usize,
    pub journal_entries: usize,
    pub contacts: usize,
    pub reminder_rules: usize,
}

/// A new demo vault in `dir`, filled and unlocked, behind a [`ProcessKeyring`]: it can be
/// opened only by this process, and its recovery code is never shown (a demo is thrown away).
///
/// `today` and `now_utc` are the present (attendance cannot be recorded for meetings that have
/// not happened); `time_zone` is the IANA zone the sample meetings are held in; `language` is
/// the one every sample text is written in.
///
/// Refuses (`conflict`, nothing changed) when `dir` holds a vault or part of one. If filling
/// fails, the half-filled vault is left in `dir` for the caller to throw away with the folder.
pub fn create_demo_session(
    dir: &Path,
    today: NaiveDate,
    now_utc: DateTime<Utc>,
    time_zone: &str,
    language: Language,
) -> Result<Session> {
    // Checked before anything else: a demo must never be taken for, or written over, a real
    // vault, and opening a session may already finish work left in a vault's folder.
    let paths = VaultPaths::new(dir);
    if paths.hold_any_vault_file() {
        return Err(Error::Conflict(
            "a vault (or part of one) already exists in this folder; a demo vault needs a \
             folder of its own, and nothing was changed"
                .into(),
        ));
    }
    // Checked before the vault is made, so a bad zone or day leaves the folder empty.
    let calendar = Calendar::new(today, parse_zone("time_zone", time_zone)?)?;
    // Argon2 at its floor: only the recovery code, which nobody will see, is derived with it.
    let session = Session::new(
        paths,
        Arc::new(ProcessKeyring::new()),
        KdfTuning::Fixed(KdfCost::MINIMUM),
    );
    session.create(CreateRequest {
        use_keyring: true,
        passphrase: None,
    })?;
    fill_in(&*session.vault()?, &calendar, now_utc, language)?;
    Ok(session)
}

/// Writes the sample data into an unlocked, empty vault. Meetings are held in `time_zone`;
/// attendance covers the eight weeks before `today` (up to its local midnight); reminder rules
/// and the facilitation log are stamped `now_utc`. The journal stamps its own entries with
/// the present, as it does for a person. Every sample text is in `language`.
pub fn fill(
    vault: &Vault,
    today: NaiveDate,
    now_utc: DateTime<Utc>,
    time_zone: &str,
    language: Language,
) -> Result<DemoSummary> {
    let calendar = Calendar::new(today, parse_zone("time_zone", time_zone)?)?;
    fill_in(vault, &calendar, now_utc, language)
}

fn fill_in(
    vault: &Vault,
    calendar: &Calendar,
    now_utc: DateTime<Utc>,
    language: Language,
) -> Result<DemoSummary> {
    let texts = texts::for_language(language);
    let planted = groups::plant(vault, calendar, &texts.groups)?;
    let recorded = attendance::record(vault, calendar, &planted, &texts.attendance)?;
    let journal_entries = journal::write(vault, calendar, &planted, &recorded, &texts.journal)?;
    let contacts = buddies::add_contacts(vault, calendar, &planted, &texts.contacts)?;
    buddies::make_my_card(vault, &texts.card)?;
    let reminder_rules = reminders::add_rules(vault, &planted, now_utc)?;
    facilitation::log(
        vault,
        calendar,
        &planted,
        &recorded,
        now_utc,
        &texts.facilitation,
    )?;
    Ok(DemoSummary {
        groups: planted.len(),
        meetings: planted.len(),
        attendance_records: recorded.len(),
        journal_entries,
        contacts,
        reminder_rules,
    })
}
