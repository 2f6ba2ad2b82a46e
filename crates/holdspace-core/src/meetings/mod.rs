//! When groups meet. A meeting is a wall-clock start in an IANA zone, a duration, and an
//! optional RRULE with exceptions; its occurrences are expanded on read for any window.

mod from_calendar;
pub mod model;
mod store;

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDateTime, SecondsFormat, Utc};

pub use from_calendar::{
    check as check_calendar_schedule, meeting_for as calendar_meeting, sync as sync_from_calendar,
    uids as calendar_uids, CalendarSchedule, Synced,
};
pub use model::{
    ExceptionKind, Meeting, MeetingException, NewMeeting, Occurrence, OccurrenceStatus,
};

use crate::groups::model::text;
use crate::time::{parse_local, parse_zone, resolve, Recurrence, LOCAL_FORMAT};
use crate::vault::Vault;
use crate::{Error, Result};

pub(crate) fn utc_text(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn recurrence(meeting: &Meeting) -> Result<Recurrence> {
    let start = parse_local("start", &meeting.start_local)?;
    let zone = parse_zone("time_zone", &meeting.time_zone)?;
    Recurrence::new(start, zone, meeting.rrule.as_deref())
}

/// Checks a new meeting's own fields as [`add`] does (not its group), writing nothing:
/// importers check every meeting before writing the first.
pub fn check_new(new: &NewMeeting) -> Result<()> {
    validate_new(new).map(|_| ())
}

fn validate_new(
    new: &NewMeeting,
) -> Result<(String, chrono::NaiveDateTime, chrono_tz::Tz, Option<&str>)> {
    let title = text("title", new.title.as_deref().unwrap_or(""), 200, false)?;
    let start = parse_local("start", &new.start_local)?;
    let zone = parse_zone("time_zone", &new.time_zone)?;
    if !(1..=1440).contains(&new.duration_minutes) {
        return Err(Error::invalid("duration: between 1 and 1440 minutes"));
    }
    let rule = new
        .rrule
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    Recurrence::new(start, zone, rule)?;
    Ok((title, start, zone, rule))
}

pub fn add(vault: &Vault, new: &NewMeeting) -> Result<Meeting> {
    let (title, start, zone, rule) = validate_new(new)?;
    if !vault.read(|conn| crate::groups::exists(conn, new.group_id))? {
        return Err(Error::NotFound { what: "group" });
    }
    let start_local = start.format(LOCAL_FORMAT).to_string();
    let id = vault.write(|tx| {
        store::insert(
            tx,
            &store::MeetingRow {
                group_id: new.group_id,
                title: &title,
                start_local: &start_local,
                time_zone: zone.name(),
                duration_minutes: new.duration_minutes,
                rrule: rule,
            },
            &utc_text(Utc::now()),
        )
    })?;
    get(vault, id)
}

pub fn get(vault: &Vault, id: i64) -> Result<Meeting> {
    vault
        .read(|conn| store::get(conn, id))?
        .ok_or(Error::NotFound { what: "meeting" })
}

pub fn list(vault: &Vault, group_id: Option<i64>) -> Result<Vec<Meeting>> {
    vault.read(|conn| store::list(conn, group_id))
}

/// `<meeting id>@<original start in UTC>`
pub fn occurrence_id(meeting_id: i64, original_start: DateTime<Utc>) -> String {
    format!("{meeting_id}@{}", utc_text(original_start))
}

pub(crate) fn parse_occurrence_id(id: &str) -> Result<(i64, DateTime<Utc>)> {
    let invalid = || {
        Error::invalid(
            "occurrence: expected <meeting id>@<start in UTC>, as listed by meeting occurrences",
        )
    };
    let (meeting, start) = id.split_once('@').ok_or_else(invalid)?;
    let meeting = meeting.parse::<i64>().map_err(|_| invalid())?;
    let start = DateTime::parse_from_rfc3339(start)
        .map_err(|_| invalid())?
        .with_timezone(&Utc);
    Ok((meeting, start))
}

/// The meeting an occurrence id names, checked to be a real occurrence of it.
pub(crate) fn find_occurrence(vault: &Vault, id: &str) -> Result<(Meeting, DateTime<Utc>)> {
    let (meeting_id, original) = parse_occurrence_id(id)?;
    let meeting = get(vault, meeting_id)?;
    let expansion =
        recurrence(&meeting)?.expand(original, original + Duration::seconds(1), None)?;
    let skipped = meeting
        .exceptions
        .iter()
        .any(|e| e.kind == ExceptionKind::Skipped && e.original_start_utc == utc_text(original));
    if expansion.starts.first() != Some(&original) || skipped {
        return Err(Error::NotFound {
            what: "occurrence of that meeting",
        });
    }
    Ok((meeting, original))
}

/// Skips, cancels or moves one occurrence (`moved_start_local` in the meeting's zone).
pub fn set_exception(
    vault: &Vault,
    occurrence: &str,
    kind: ExceptionKind,
    moved_start_local: Option<&str>,
) -> Result<Meeting> {
    let (meeting, original) = find_occurrence(vault, occurrence)?;
    let moved = match (kind, moved_start_local) {
        (ExceptionKind::Moved, Some(text)) => Some(
            parse_local("moved_start", text)?
                .format(LOCAL_FORMAT)
                .to_string(),
        ),
        (ExceptionKind::Moved, None) => {
            return Err(Error::invalid(
                "moved_start: required to move an occurrence",
            ))
        }
        _ => None,
    };
    let exception = MeetingException {
        original_start_utc: utc_text(original),
        kind,
        moved_start_local: moved,
    };
    vault.write(|tx| store::upsert_exception(tx, meeting.id, &exception))?;
    get(vault, meeting.id)
}

/// Occurrences of every meeting of the groups not archived (or of one group) starting in
/// `[from, to)`, sorted by start. Moved occurrences appear at their new time under their
/// original id; skipped ones not at all.
pub fn occurrences(
    vault: &Vault,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    group_id: Option<i64>,
) -> Result<Vec<Occurrence>> {
    if to <= from {
        return Err(Error::invalid("to: must be after from"));
    }
    let (meetings, cursors) =
        vault.read(|conn| Ok((store::list(conn, group_id)?, store::cursors(conn)?)))?;
    let mut all = Vec::new();
    let mut advanced = Vec::new();
    for meeting in &meetings {
        let cursor = cursors
            .get(&meeting.id)
            .and_then(|c| NaiveDateTime::parse_from_str(c, LOCAL_FORMAT).ok());
        let (found, next_cursor) = expand_meeting(meeting, from, to, cursor)?;
        all.extend(found);
        // The cursor serves "what is next": only a window starting by now may move it, so
        // browsing far ahead never leaves it past the present.
        if let Some(wall) = next_cursor.filter(|_| from <= Utc::now()) {
            advanced.push((meeting.id, wall.format(LOCAL_FORMAT).to_string()));
        }
    }
    if !advanced.is_empty() {
        vault.write(|tx| {
            for (id, wall) in &advanced {
                store::save_cursor(tx, *id, wall)?;
            }
            Ok(())
        })?;
    }
    all.sort_by(|a, b| {
        a.start_utc
            .cmp(&b.start_utc)
            .then(a.meeting_id.cmp(&b.meeting_id))
    });
    Ok(all)
}

/// Forgets every cursor (the benchmark's "from the first start" baseline).
pub(crate) fn forget_cursors(vault: &Vault) -> Result<()> {
    vault.write(store::forget_cursors)
}

/// One meeting's occurrences in the window, with its exceptions applied.
pub(crate) fn expand_meeting(
    meeting: &Meeting,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    cursor: Option<NaiveDateTime>,
) -> Result<(Vec<Occurrence>, Option<NaiveDateTime>)> {
    let rule = recurrence(meeting)?;
    let exceptions: HashMap<&str, &MeetingException> = meeting
        .exceptions
        .iter()
        .map(|e| (e.original_start_utc.as_str(), e))
        .collect();
    let length = Duration::minutes(i64::from(meeting.duration_minutes));
    let occurrence = |original: DateTime<Utc>, start: DateTime<Utc>, status| Occurrence {
        occurrence_id: occurrence_id(meeting.id, original),
        meeting_id: meeting.id,
        group_id: meeting.group_id,
        title: meeting.title.clone(),
        start_utc: utc_text(start),
        end_utc: utc_text(start + length),
        time_zone: meeting.time_zone.clone(),
        status,
        original_start_utc: utc_text(original),
    };
    let expansion = rule.expand(from, to, cursor)?;
    let mut found = Vec::new();
    for original in expansion.starts {
        match exceptions.get(utc_text(original).as_str()).map(|e| e.kind) {
            None => found.push(occurrence(original, original, OccurrenceStatus::Scheduled)),
            Some(ExceptionKind::Cancelled) => {
                found.push(occurrence(original, original, OccurrenceStatus::Cancelled))
            }
            Some(ExceptionKind::Skipped | ExceptionKind::Moved) => {}
        }
    }
    // A moved occurrence belongs to the window of its new time, wherever it came from.
    for exception in meeting
        .exceptions
        .iter()
        .filter(|e| e.kind == ExceptionKind::Moved)
    {
        let (Some(moved), Ok(original)) = (
            exception.moved_start_local.as_deref(),
            DateTime::parse_from_rfc3339(&exception.original_start_utc),
        ) else {
            continue;
        };
        let start = resolve(parse_local("moved_start", moved)?, rule.zone());
        if start >= from && start < to {
            found.push(occurrence(
                original.with_timezone(&Utc),
                start,
                OccurrenceStatus::Moved,
            ));
        }
    }
    Ok((found, expansion.cursor))
}
