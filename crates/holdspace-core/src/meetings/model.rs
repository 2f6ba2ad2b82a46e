//! Meeting types that cross the IPC boundary and the CLI.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Meeting {
    pub id: i64,
    pub group_id: i64,
    pub title: String,
    /// YYYY-MM-DDTHH:MM, wall-clock time in `time_zone`.
    pub start_local: String,
    pub time_zone: String,
    pub duration_minutes: u32,
    /// An RFC 5545 RRULE value; absent for a one-off meeting.
    pub rrule: Option<String>,
    pub exceptions: Vec<MeetingException>,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NewMeeting {
    pub group_id: i64,
    pub title: Option<String>,
    pub start_local: String,
    pub time_zone: String,
    pub duration_minutes: u32,
    pub rrule: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ExceptionKind {
    /// The occurrence does not happen and is not shown.
    Skipped,
    /// The group cancelled it; shown as cancelled.
    Cancelled,
    /// It happens at another time; its id stays the same.
    Moved,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct MeetingException {
    pub original_start_utc: String,
    pub kind: ExceptionKind,
    pub moved_start_local: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum OccurrenceStatus {
    Scheduled,
    Cancelled,
    Moved,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Occurrence {
    /// `<meeting id>@<original start in UTC>`: survives a move.
    pub occurrence_id: String,
    pub meeting_id: i64,
    pub group_id: i64,
    pub title: String,
    pub start_utc: String,
    pub end_utc: String,
    pub time_zone: String,
    pub status: OccurrenceStatus,
    pub original_start_utc: String,
}
