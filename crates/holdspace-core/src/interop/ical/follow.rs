//! Following calendar events: each chosen event becomes a meeting of a group the user names, or
//! of a new group made from the event; an event imported before (same UID) is updated in place.

use serde::{Deserialize, Serialize};

use super::{Calendar, CalendarEvent};
use crate::groups::{self, NewGroup, Venue};
use crate::interop::clip;
use crate::meetings::{self, CalendarSchedule, ExceptionKind, MeetingException};
use crate::time::{instant, parse_zone, LOCAL_FORMAT};
use crate::vault::Vault;
use crate::{Error, Result};

/// An event to follow, by UID: into a group the user has, or a new group named after it.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct CalendarChoice {
    pub uid: String,
    pub group_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct FollowedEvent {
    pub uid: String,
    pub meeting_id: i64,
    pub group_id: i64,
    /// The event had been imported before and was updated, not added again.
    pub updated: bool,
}

fn exceptions(event: &CalendarEvent) -> Result<Vec<MeetingException>> {
    let zone = parse_zone("time_zone", &event.time_zone)?;
    let mut out: Vec<MeetingException> = event
        .exdates_utc
        .iter()
        .map(|start| MeetingException {
            original_start_utc: start.clone(),
            kind: ExceptionKind::Skipped,
            moved_start_local: None,
        })
        .collect();
    for change in &event.overrides {
        let moved = change
            .start_utc
            .as_deref()
            .and_then(instant)
            .map(|t| t.with_timezone(&zone).format(LOCAL_FORMAT).to_string());
        out.push(MeetingException {
            original_start_utc: change.original_start_utc.clone(),
            kind: if moved.is_some() {
                ExceptionKind::Moved
            } else {
                ExceptionKind::Cancelled
            },
            moved_start_local: moved,
        });
    }
    Ok(out)
}

/// `meeting_id`: the meeting of this vault the event was exported from, if it was.
fn schedule(
    event: &CalendarEvent,
    group_id: i64,
    meeting_id: Option<i64>,
) -> Result<CalendarSchedule> {
    Ok(CalendarSchedule {
        uid: event.uid.clone(),
        meeting_id,
        group_id,
        title: clip(&event.title, 200),
        start_local: event.start_local.clone(),
        time_zone: event.time_zone.clone(),
        duration_minutes: event.duration_minutes,
        rrule: event.rrule.clone(),
        exceptions: exceptions(event)?,
    })
}

/// A group for an event the user did not put into one of theirs.
fn new_group(event: &CalendarEvent) -> NewGroup {
    let link = &event.conference_url;
    let online =
        event.location.is_empty() && (link.starts_with("https://") || link.starts_with("http://"));
    NewGroup {
        name: if event.title.trim().is_empty() {
            "Meeting".into()
        } else {
            clip(&event.title, 200)
        },
        kind: "other".into(),
        venue: Some(if online {
            Venue::Online
        } else {
            Venue::CommunityCentre
        }),
        address: Some(clip(&event.location, 500)),
        meeting_link: Some(if online {
            clip(link, 2000)
        } else {
            String::new()
        }),
        ..NewGroup::default()
    }
}

/// Follows the chosen events. Every choice is checked (a known UID, not cancelled, a schedule
/// the recurrence rules accept, an existing group or a new one as it will be stored) before
/// any group is made.
pub fn follow(
    vault: &Vault,
    calendar: &Calendar,
    choices: &[CalendarChoice],
) -> Result<Vec<FollowedEvent>> {
    let vault_id = vault.status()?.vault_id;
    let mut planned = Vec::with_capacity(choices.len());
    for choice in choices {
        let event = calendar
            .events
            .iter()
            .find(|e| e.uid == choice.uid)
            .ok_or_else(|| Error::invalid("uid: no event in the file has this UID"))?;
        if event.cancelled {
            return Err(Error::invalid("a cancelled event cannot be followed"));
        }
        // Known already: imported before under this UID, or one of this vault's own exports.
        let by_uid = meetings::calendar_meeting(vault, &event.uid)?;
        let own = match &by_uid {
            Some(_) => None,
            None => super::write::own_meeting(&event.uid, &vault_id)
                .and_then(|id| meetings::get(vault, id).ok()),
        };
        let group = match choice.group_id {
            Some(id) => Some(groups::get(vault, id)?.id),
            None => by_uid.or(own.clone()).map(|m| m.group_id),
        };
        let own = own.map(|m| m.id);
        meetings::check_calendar_schedule(&schedule(event, group.unwrap_or(0), own)?)?;
        if group.is_none() {
            groups::check_new(&new_group(event))?;
        }
        planned.push((event, group, own));
    }
    let mut schedules = Vec::with_capacity(planned.len());
    for (event, group, own) in planned {
        let group_id = match group {
            Some(id) => id,
            None => groups::add(vault, &new_group(event))?.id,
        };
        schedules.push(schedule(event, group_id, own)?);
    }
    Ok(meetings::sync_from_calendar(vault, &schedules)?
        .into_iter()
        .zip(&schedules)
        .map(|(synced, schedule)| FollowedEvent {
            uid: schedule.uid.clone(),
            meeting_id: synced.meeting.id,
            group_id: synced.meeting.group_id,
            updated: synced.updated,
        })
        .collect())
}
