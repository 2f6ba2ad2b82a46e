//! The user's own record of each occurrence: whether they went, in person or online, whether
//! they shared, the role they held, and their mood before and after. Never anything about
//! other members.

mod awaiting;
mod store;

use chrono::Utc;
use serde::{Deserialize, Serialize};

pub use awaiting::{awaiting_record, MAX_DAYS as MAX_AWAITING_DAYS};

use crate::groups::model::text;
use crate::meetings::{find_occurrence, utc_text};
use crate::vault::Vault;
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum AttendanceStatus {
    AttendedInPerson,
    AttendedOnline,
    Missed,
    Excused,
    /// Cancelled by the group.
    Cancelled,
}

impl AttendanceStatus {
    pub fn attended(self) -> bool {
        matches!(self, Self::AttendedInPerson | Self::AttendedOnline)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum RoleHeld {
    Facilitator,
    CoFacilitator,
    Timekeeper,
    Greeter,
    Reader,
    SetUp,
    None,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct AttendanceInput {
    pub occurrence_id: String,
    pub status: AttendanceStatus,
    pub shared: bool,
    pub role: Option<RoleHeld>,
    pub mood_before: Option<u8>,
    pub mood_after: Option<u8>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Attendance {
    pub occurrence_id: String,
    pub meeting_id: i64,
    pub original_start_utc: String,
    pub status: AttendanceStatus,
    pub shared: bool,
    pub role: RoleHeld,
    pub mood_before: Option<u8>,
    pub mood_after: Option<u8>,
    pub note: String,
}

fn mood(field: &str, value: Option<u8>) -> Result<Option<u8>> {
    match value {
        Some(m) if !(1..=5).contains(&m) => Err(Error::invalid(format!("{field}: from 1 to 5"))),
        other => Ok(other),
    }
}

/// Records (or replaces) the attendance of one occurrence, which must exist.
pub fn record(vault: &Vault, input: &AttendanceInput) -> Result<Attendance> {
    let mood_before = mood("mood_before", input.mood_before)?;
    let mood_after = mood("mood_after", input.mood_after)?;
    let note = text("note", input.note.as_deref().unwrap_or(""), 2000, false)?;
    let (meeting, original) = find_occurrence(vault, &input.occurrence_id)?;
    // Being excused or hearing of a cancellation ahead is real; going or missing is not yet.
    let ahead = matches!(
        input.status,
        AttendanceStatus::Excused | AttendanceStatus::Cancelled
    );
    if original > Utc::now() && !ahead {
        return Err(Error::invalid("status: this meeting has not started yet; only excused or cancelled can be recorded ahead"));
    }
    let record = Attendance {
        occurrence_id: crate::meetings::occurrence_id(meeting.id, original),
        meeting_id: meeting.id,
        original_start_utc: utc_text(original),
        status: input.status,
        shared: input.shared,
        role: input.role.unwrap_or(RoleHeld::None),
        mood_before,
        mood_after,
        note,
    };
    vault.write(|tx| store::upsert(tx, &record, &utc_text(Utc::now())))?;
    Ok(record)
}

pub(crate) use store::all as all_records;

/// Stores many records in one transaction without per-record checks (the benchmark's fixture).
pub(crate) fn insert_unchecked(vault: &Vault, records: &[Attendance]) -> Result<()> {
    let now = utc_text(Utc::now());
    vault.write(|tx| records.iter().try_for_each(|r| store::upsert(tx, r, &now)))
}

/// The user's records, newest first, for one group or all.
pub fn list(vault: &Vault, group_id: Option<i64>) -> Result<Vec<Attendance>> {
    let mut records: Vec<Attendance> = vault.read(|conn| store::for_group(conn, group_id))?;
    records.sort_by(|a, b| b.original_start_utc.cmp(&a.original_start_utc));
    Ok(records)
}
