//! Reminder types that cross the IPC boundary and the CLI, and their validation.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::time::{parse_local, parse_zone, Recurrence};
use crate::{Error, Result};

/// Up to a week ahead; a reminder further out than that is a calendar's job.
pub const MAX_MINUTES_BEFORE: u32 = 10_080;
const MAX_LABEL_BYTES: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// Before each occurrence of a group's meetings.
    BeforeMeeting,
    /// Every day at a time of day, wherever the user is.
    DailyCheckIn,
    /// Once a week, on a weekday at a time of day.
    WeeklyBuddyCall,
    /// The user's own, with its own recurrence.
    Custom,
}

/// Weekdays are numbers, 0 = Sunday to 6 = Saturday (DESIGN.md, the CLI contract).
pub(crate) fn weekday(field: &str, number: u8) -> Result<chrono::Weekday> {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    [Sun, Mon, Tue, Wed, Thu, Fri, Sat]
        .get(usize::from(number))
        .copied()
        .ok_or_else(|| Error::invalid(format!("{field}: 0 (Sunday) to 6 (Saturday)")))
}

/// A rule as stored. Which fields are set depends on `kind`; the others are `None`.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ReminderRule {
    pub id: i64,
    pub kind: RuleKind,
    pub group_id: Option<i64>,
    pub minutes_before: Option<u32>,
    /// HH:MM in the user's current time zone.
    pub time_of_day: Option<String>,
    /// 0 = Sunday to 6 = Saturday.
    pub weekday: Option<u8>,
    /// YYYY-MM-DDTHH:MM in `time_zone`.
    pub start_local: Option<String>,
    pub time_zone: Option<String>,
    pub rrule: Option<String>,
    /// The user's name for a custom reminder; shown in the app, never in a notification.
    pub label: String,
    pub enabled: bool,
    pub created_utc: String,
    /// Reminders due before this (creation, the last edit, resuming) are never shown: they
    /// belong to the rule as it was, or to its pause.
    pub active_from_utc: String,
}

/// A new rule, or the whole new content of one.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct RuleInput {
    pub kind: Option<RuleKind>,
    pub group_id: Option<i64>,
    pub minutes_before: Option<u32>,
    pub time_of_day: Option<String>,
    /// 0 = Sunday to 6 = Saturday.
    pub weekday: Option<u8>,
    pub start_local: Option<String>,
    pub time_zone: Option<String>,
    pub rrule: Option<String>,
    pub label: Option<String>,
}

/// What became of one reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct LogEntry {
    pub rule_id: i64,
    pub due_utc: String,
    pub occurrence_id: Option<String>,
    /// `delivered`, `missed`, `dismissed` or `snoozed`.
    pub outcome: String,
    pub snoozed_until_utc: Option<String>,
    pub recorded_utc: String,
}

/// Quiet hours (both or neither, HH:MM in the user's zone, may span midnight) and "pause all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ReminderSettings {
    pub quiet_start: Option<String>,
    pub quiet_end: Option<String>,
    pub paused: bool,
    /// Groups whose reminders may name the group and its place.
    pub detail_group_ids: Vec<i64>,
}

pub(crate) fn parse_time_of_day(field: &str, text: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| Error::invalid(format!("{field}: a time of day as HH:MM")))
}

fn absent<T>(field: &str, value: &Option<T>, kind: &str) -> Result<()> {
    if value.is_some() {
        return Err(Error::invalid(format!(
            "{field}: not used by a {kind} reminder"
        )));
    }
    Ok(())
}

fn present<'a, T>(field: &str, value: &'a Option<T>, kind: &str) -> Result<&'a T> {
    value
        .as_ref()
        .ok_or_else(|| Error::invalid(format!("{field}: required for a {kind} reminder")))
}

/// Checks that `input` holds exactly the fields its kind uses, each valid; returns the kind.
pub(crate) fn validate(input: &RuleInput) -> Result<RuleKind> {
    let kind = input.kind.ok_or_else(|| Error::invalid("kind: required"))?;
    let label = input.label.as_deref().unwrap_or("");
    if label.len() > MAX_LABEL_BYTES || label.contains('\0') {
        return Err(Error::invalid(format!(
            "label: at most {MAX_LABEL_BYTES} bytes, no NUL"
        )));
    }
    match kind {
        RuleKind::BeforeMeeting => {
            let name = "before-meeting";
            present("group_id", &input.group_id, name)?;
            let minutes = *present("minutes_before", &input.minutes_before, name)?;
            if !(1..=MAX_MINUTES_BEFORE).contains(&minutes) {
                return Err(Error::invalid(format!(
                    "minutes_before: from 1 to {MAX_MINUTES_BEFORE}"
                )));
            }
            absent("time_of_day", &input.time_of_day, name)?;
            absent("weekday", &input.weekday, name)?;
            absent("start_local", &input.start_local, name)?;
            absent("rrule", &input.rrule, name)?;
        }
        RuleKind::DailyCheckIn | RuleKind::WeeklyBuddyCall => {
            let name = if kind == RuleKind::DailyCheckIn {
                "daily check-in"
            } else {
                "weekly buddy call"
            };
            parse_time_of_day(
                "time_of_day",
                present("time_of_day", &input.time_of_day, name)?,
            )?;
            if kind == RuleKind::WeeklyBuddyCall {
                weekday("weekday", *present("weekday", &input.weekday, name)?)?;
            } else {
                absent("weekday", &input.weekday, name)?;
            }
            absent("group_id", &input.group_id, name)?;
            absent("minutes_before", &input.minutes_before, name)?;
            absent("start_local", &input.start_local, name)?;
            absent("rrule", &input.rrule, name)?;
        }
        RuleKind::Custom => {
            let name = "custom";
            let start = parse_local(
                "start_local",
                present("start_local", &input.start_local, name)?,
            )?;
            let zone = parse_zone("time_zone", present("time_zone", &input.time_zone, name)?)?;
            Recurrence::new(start, zone, input.rrule.as_deref())?;
            absent("group_id", &input.group_id, name)?;
            absent("minutes_before", &input.minutes_before, name)?;
            absent("time_of_day", &input.time_of_day, name)?;
            absent("weekday", &input.weekday, name)?;
        }
    }
    if kind != RuleKind::Custom {
        absent("time_zone", &input.time_zone, "non-custom")?;
    }
    Ok(kind)
}

pub(crate) fn validate_settings(
    settings: &ReminderSettings,
) -> Result<(Option<NaiveTime>, Option<NaiveTime>)> {
    match (&settings.quiet_start, &settings.quiet_end) {
        (None, None) => Ok((None, None)),
        (Some(start), Some(end)) => {
            let (start, end) = (
                parse_time_of_day("quiet_start", start)?,
                parse_time_of_day("quiet_end", end)?,
            );
            if start == end {
                return Err(Error::invalid("quiet hours: start and end must differ"));
            }
            Ok((Some(start), Some(end)))
        }
        _ => Err(Error::invalid(
            "quiet hours: give both a start and an end, or neither",
        )),
    }
}
