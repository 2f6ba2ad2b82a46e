//! Meetings that come from a calendar file, identified by the event's UID: importing the same
//! file again updates them in place. The calendar's exceptions (EXDATE, cancelled and moved
//! occurrences) replace those an earlier import brought; exceptions the user made are kept.

use chrono::Utc;

use super::model::{ExceptionKind, Meeting, MeetingException};
use super::{store, utc_text};
use crate::groups::model::text;
use crate::time::{parse_local, parse_zone, Recurrence, LOCAL_FORMAT};
use crate::vault::Vault;
use crate::{Error, Result};

/// One event's schedule as a meeting of `group_id`.
#[derive(Debug, Clone)]
pub struct CalendarSchedule {
    pub uid: String,
    /// A meeting of this vault the event came from (its own export): updated in place.
    pub meeting_id: Option<i64>,
    pub group_id: i64,
    pub title: String,
    pub start_local: String,
    pub time_zone: String,
    pub duration_minutes: u32,
    pub rrule: Option<String>,
    pub exceptions: Vec<MeetingException>,
}

/// A meeting written from a calendar, and whether it existed before (an update).
#[derive(Debug, Clone)]
pub struct Synced {
    pub meeting: Meeting,
    pub updated: bool,
}

const MAX_UID_BYTES: usize = 1000;

/// Checks a schedule without writing anything (the importer checks every event before it
/// creates any group for one).
pub fn check(schedule: &CalendarSchedule) -> Result<()> {
    validate(schedule).map(|_| ())
}

/// The meeting that came from the calendar event `uid`, if any.
pub fn meeting_for(vault: &Vault, uid: &str) -> Result<Option<Meeting>> {
    match vault.read(|conn| store::by_calendar_uid(conn, uid.trim()))? {
        Some(id) => super::get(vault, id).map(Some),
        None => Ok(None),
    }
}

/// The calendar UID of each meeting that came from a calendar file (export writes them back, so
/// a calendar that exported them recognises its own events).
pub fn uids(vault: &Vault) -> Result<std::collections::HashMap<i64, String>> {
    vault.read(store::calendar_uids)
}

fn validate(schedule: &CalendarSchedule) -> Result<CalendarSchedule> {
    let title = text("title", &schedule.title, 200, false)?;
    let start = parse_local("start", &schedule.start_local)?;
    let zone = parse_zone("time_zone", &schedule.time_zone)?;
    if !(1..=1440).contains(&schedule.duration_minutes) {
        return Err(Error::invalid("duration: between 1 and 1440 minutes"));
    }
    let uid = schedule.uid.trim();
    if uid.is_empty() || uid.len() > MAX_UID_BYTES {
        return Err(Error::invalid(format!(
            "uid: between 1 and {MAX_UID_BYTES} bytes"
        )));
    }
    let rule = schedule
        .rrule
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    Recurrence::new(start, zone, rule)?;
    for exception in &schedule.exceptions {
        if crate::time::instant(&exception.original_start_utc).is_none() {
            return Err(Error::invalid(
                "exceptions: an occurrence's start is not an instant",
            ));
        }
        if let Some(moved) = &exception.moved_start_local {
            parse_local("moved_start", moved)?;
        }
        if (exception.kind == ExceptionKind::Moved) != exception.moved_start_local.is_some() {
            return Err(Error::invalid(
                "exceptions: a moved occurrence needs its new start",
            ));
        }
    }
    Ok(CalendarSchedule {
        uid: uid.to_string(),
        meeting_id: schedule.meeting_id,
        group_id: schedule.group_id,
        title,
        start_local: start.format(LOCAL_FORMAT).to_string(),
        time_zone: zone.name().to_string(),
        duration_minutes: schedule.duration_minutes,
        rrule: rule.map(String::from),
        exceptions: schedule.exceptions.clone(),
    })
}

/// Adds or updates every schedule in one transaction: all of them, or (on any invalid one)
/// none.
pub fn sync(vault: &Vault, schedules: &[CalendarSchedule]) -> Result<Vec<Synced>> {
    let valid = schedules.iter().map(validate).collect::<Result<Vec<_>>>()?;
    let now = utc_text(Utc::now());
    let written = vault.write(|tx| {
        let mut written = Vec::with_capacity(valid.len());
        for schedule in &valid {
            if !crate::groups::exists(tx, schedule.group_id)? {
                return Err(Error::NotFound { what: "group" });
            }
            let row = store::MeetingRow {
                group_id: schedule.group_id,
                title: &schedule.title,
                start_local: &schedule.start_local,
                time_zone: &schedule.time_zone,
                duration_minutes: schedule.duration_minutes,
                rrule: schedule.rrule.as_deref(),
            };
            let known = match schedule.meeting_id {
                Some(id) => Some(id),
                None => store::by_calendar_uid(tx, &schedule.uid)?,
            };
            let (id, updated) = match known {
                Some(id) => {
                    store::update_schedule(tx, id, &row)?;
                    (id, true)
                }
                None => {
                    let id = store::insert(tx, &row, &now)?;
                    store::set_calendar_uid(tx, id, &schedule.uid)?;
                    (id, false)
                }
            };
            store::replace_calendar_exceptions(tx, id, &schedule.exceptions)?;
            written.push((id, updated));
        }
        Ok(written)
    })?;
    written
        .into_iter()
        .map(|(id, updated)| {
            Ok(Synced {
                meeting: super::get(vault, id)?,
                updated,
            })
        })
        .collect()
}
