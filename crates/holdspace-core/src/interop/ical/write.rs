//! iCalendar export of the user's meeting schedules (RFC 5545 with RFC 7986 CONFERENCE).
//! Discreet by default: every event is titled "Meeting" (in the person's language), with no
//! group name, kind, notes or address, and its alarms say only that; `detailed` is a
//! per-export opt-in.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use super::vtimezone;
use crate::groups::{self, Group, Venue};
use crate::interop::content::write::{escape, push_line};
use crate::meetings::{self, ExceptionKind, Meeting};
use crate::reminders::{self, RuleKind};
use crate::time::{instant, parse_local, parse_zone};
use crate::vault::Vault;
use crate::{Language, Result};

#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct CalendarExport {
    /// One group's schedules, or every group's (not archived) when absent.
    pub group_id: Option<i64>,
    /// Name the group, its place, link and description in the events.
    pub detailed: bool,
}

/// How many years of zone transitions to write past the latest start (and the export date).
const ZONE_YEARS_AHEAD: i32 = 10;

fn local_text(local: chrono::NaiveDateTime) -> String {
    local.format("%Y%m%dT%H%M%S").to_string()
}

fn utc_text(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// `DTSTART;TZID=Europe/Berlin:20260106T190000`, or the UTC form for UTC meetings.
fn date_time(name: &str, zone: Tz, local: chrono::NaiveDateTime) -> String {
    if zone == Tz::UTC {
        format!("{name}:{}", local_text(local) + "Z")
    } else {
        format!("{name};TZID={}:{}", zone.name(), local_text(local))
    }
}

struct Exported<'a> {
    meeting: &'a Meeting,
    zone: Tz,
    start: chrono::NaiveDateTime,
    group: Option<&'a Group>,
}

/// The discreet title of every event and alarm.
fn meeting_word(language: Language) -> &'static str {
    match language {
        Language::En => "Meeting",
        Language::De => "Treffen",
    }
}

fn summary(event: &Exported<'_>, detailed: bool, language: Language) -> String {
    match (detailed, event.group) {
        (true, Some(group)) if !event.meeting.title.is_empty() => {
            format!("{}: {}", group.name, event.meeting.title)
        }
        (true, Some(group)) => group.name.clone(),
        _ => meeting_word(language).into(),
    }
}

fn details(out: &mut String, group: &Group) {
    if group.venue != Venue::Online && !group.address.is_empty() {
        push_line(out, &format!("LOCATION:{}", escape(&group.address)));
    }
    if !group.description.is_empty() {
        push_line(out, &format!("DESCRIPTION:{}", escape(&group.description)));
    }
    // A link is written as it is (a URI, not TEXT): one with spaces or control characters
    // could break the line or add a property, so it is left out.
    let link_is_clean = !group
        .meeting_link
        .chars()
        .any(|c| c.is_control() || c.is_whitespace());
    if !group.meeting_link.is_empty() && link_is_clean {
        push_line(
            out,
            &format!(
                "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join:{}",
                group.meeting_link
            ),
        );
        push_line(out, &format!("URL:{}", group.meeting_link));
    }
}

fn alarms(out: &mut String, minutes: &[u32], text: &str) {
    for before in minutes {
        push_line(out, "BEGIN:VALARM");
        push_line(out, "ACTION:DISPLAY");
        push_line(out, &format!("TRIGGER:-PT{before}M"));
        push_line(out, &format!("DESCRIPTION:{}", escape(text)));
        push_line(out, "END:VALARM");
    }
}

/// A short tag of the vault (not its id) so exports of two vaults do not share UIDs.
fn vault_tag(vault_id: &str) -> String {
    use blake2::{Blake2b512, Digest};
    hex::encode(&Blake2b512::digest(vault_id.as_bytes())[..4])
}

/// The UID an export gives a meeting: `meeting-<id>-<vault tag>@holdspace`.
fn own_uid(meeting_id: i64, vault_id: &str) -> String {
    format!("meeting-{meeting_id}-{}@holdspace", vault_tag(vault_id))
}

/// The meeting an exported UID of this vault names, so re-importing an export updates it.
pub(crate) fn own_meeting(uid: &str, vault_id: &str) -> Option<i64> {
    let rest = uid.strip_prefix("meeting-")?.strip_suffix("@holdspace")?;
    let (id, tag) = rest.split_once('-')?;
    (tag == vault_tag(vault_id))
        .then(|| id.parse().ok())
        .flatten()
}

/// The calendar text for `options`, stamped `now`; a discreet title is in `language`.
pub fn export(
    vault: &Vault,
    options: &CalendarExport,
    language: Language,
    now: DateTime<Utc>,
) -> Result<String> {
    let meetings = meetings::list(vault, options.group_id)?;
    let groups: HashMap<i64, Group> = groups::list(vault, true)?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    let uids = meetings::calendar_uids(vault)?;
    let vault_id = vault.status()?.vault_id;
    let mut alarms_by_group: HashMap<i64, Vec<u32>> = HashMap::new();
    for rule in reminders::list_rules(vault)? {
        if let (RuleKind::BeforeMeeting, true, Some(group), Some(minutes)) =
            (rule.kind, rule.enabled, rule.group_id, rule.minutes_before)
        {
            alarms_by_group.entry(group).or_default().push(minutes);
        }
    }
    let events: Vec<Exported<'_>> = meetings
        .iter()
        .map(|meeting| {
            Ok(Exported {
                meeting,
                zone: parse_zone("time_zone", &meeting.time_zone)?,
                start: parse_local("start", &meeting.start_local)?,
                group: groups.get(&meeting.group_id),
            })
        })
        .collect::<Result<_>>()?;

    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, "PRODID:-//Holdspace//Holdspace//EN");
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    let zones: BTreeSet<&str> = events
        .iter()
        .filter(|e| e.zone != Tz::UTC)
        .map(|e| e.zone.name())
        .collect();
    let first_year = events
        .iter()
        .map(|e| e.start.year())
        .min()
        .unwrap_or(now.year());
    let last_year = events
        .iter()
        .map(|e| e.start.year())
        .max()
        .unwrap_or(now.year())
        .max(now.year())
        + ZONE_YEARS_AHEAD;
    for name in zones {
        if let Ok(zone) = name.parse::<Tz>() {
            vtimezone::write(&mut out, zone, first_year - 1, last_year);
        }
    }
    let stamp = utc_text(now);
    for event in &events {
        let meeting = event.meeting;
        // A discreet file carries no UID an invitation or a Meetup event came with (it could
        // point back to the group); ours names neither the group nor the vault.
        let uid = match uids.get(&meeting.id) {
            Some(theirs) if options.detailed => theirs.clone(),
            _ => own_uid(meeting.id, &vault_id),
        };
        let title = summary(event, options.detailed, language);
        let alarm_text = if options.detailed {
            title.clone()
        } else {
            meeting_word(language).to_string()
        };
        let minutes = alarms_by_group
            .get(&meeting.group_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape(&uid)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &date_time("DTSTART", event.zone, event.start));
        push_line(
            &mut out,
            &format!("DURATION:PT{}M", meeting.duration_minutes),
        );
        if let Some(rule) = &meeting.rrule {
            push_line(
                &mut out,
                &format!("RRULE:{}", rule.trim_start_matches("RRULE:")),
            );
        }
        let mut moved = Vec::new();
        for exception in &meeting.exceptions {
            let Some(original) = instant(&exception.original_start_utc) else {
                continue;
            };
            let original_local = original.with_timezone(&event.zone).naive_local();
            match exception.kind {
                // A cancelled meeting is as absent from a calendar as a skipped one.
                ExceptionKind::Skipped | ExceptionKind::Cancelled => {
                    push_line(&mut out, &date_time("EXDATE", event.zone, original_local));
                }
                ExceptionKind::Moved => moved.push((original_local, exception)),
            }
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape(&title)));
        if let (true, Some(group)) = (options.detailed, event.group) {
            details(&mut out, group);
        }
        alarms(&mut out, minutes, &alarm_text);
        push_line(&mut out, "END:VEVENT");
        for (original_local, exception) in moved {
            let Some(new_start) = exception
                .moved_start_local
                .as_deref()
                .and_then(|t| parse_local("moved_start", t).ok())
            else {
                continue;
            };
            push_line(&mut out, "BEGIN:VEVENT");
            push_line(&mut out, &format!("UID:{}", escape(&uid)));
            push_line(&mut out, &format!("DTSTAMP:{stamp}"));
            push_line(
                &mut out,
                &date_time("RECURRENCE-ID", event.zone, original_local),
            );
            push_line(&mut out, &date_time("DTSTART", event.zone, new_start));
            push_line(
                &mut out,
                &format!("DURATION:PT{}M", meeting.duration_minutes),
            );
            push_line(&mut out, &format!("SUMMARY:{}", escape(&title)));
            alarms(&mut out, minutes, &alarm_text);
            push_line(&mut out, "END:VEVENT");
        }
    }
    push_line(&mut out, "END:VCALENDAR");
    Ok(out)
}
