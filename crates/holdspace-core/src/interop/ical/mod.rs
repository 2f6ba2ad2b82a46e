//! iCalendar (RFC 5545): import of what real calendars write (Google, Outlook and Exchange,
//! Apple, Meetup, Thunderbird), and export of the user's meeting schedules.

mod follow;
mod read;
mod values;
mod vtimezone;
mod windows_zones;
mod write;
mod zones;

use serde::{Deserialize, Serialize};

pub use follow::{follow, CalendarChoice, FollowedEvent};
pub use read::{parse, MAX_EVENTS};
pub use write::{export, CalendarExport};

/// One moved or cancelled occurrence of a series (a RECURRENCE-ID override).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct EventOverride {
    pub original_start_utc: String,
    /// Where it moved to; none when that occurrence is cancelled.
    pub start_utc: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CalendarEvent {
    pub uid: String,
    pub title: String,
    /// IANA, or `UTC` for a start written in UTC.
    pub time_zone: String,
    /// The calendar named no zone Holdspace knows for this event: `time_zone` is the
    /// calendar's own zone or the user's, and the preview says so.
    pub zone_guessed: bool,
    /// YYYY-MM-DDTHH:MM in `time_zone`.
    pub start_local: String,
    pub first_start_utc: String,
    pub duration_minutes: u32,
    /// The RRULE value, when the event repeats.
    pub rrule: Option<String>,
    pub exdates_utc: Vec<String>,
    pub overrides: Vec<EventOverride>,
    pub location: String,
    pub description: String,
    /// An online meeting's link (CONFERENCE, Google's or Teams' own properties, or URL).
    pub conference_url: String,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Calendar {
    pub events: Vec<CalendarEvent>,
    /// All-day events and events whose start could not be read.
    pub skipped: u32,
}

/// For the fuzz target: parse and report how many events came out.
#[doc(hidden)]
pub fn parse_for_fuzzing(input: &[u8]) -> usize {
    parse(input, chrono_tz::UTC).events.len()
}
