//! From iCalendar text to events: components, dates and zones as real clients write them.
//! Nothing here fails on bad input: an event whose start cannot be read, or an all-day event
//! (not a meeting), is counted as skipped.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::values::{duration, until_in_utc};
use super::zones;
use super::{Calendar, CalendarEvent, EventOverride};
use crate::interop::content::decode::{raw_text, text};
use crate::interop::content::lines::{content_line, unfold, ContentLine};
use crate::meetings::utc_text;
use crate::time::{resolve, LOCAL_FORMAT};

/// No personal calendar file holds more; a larger one is cut off here.
pub const MAX_EVENTS: usize = 10_000;

/// The calendar-wide context an event's times are read in.
struct Context {
    /// (TZID, X-LIC-LOCATION) of each VTIMEZONE.
    locations: Vec<(String, String)>,
    /// X-WR-TIMEZONE (Google's calendar zone), when valid.
    default_zone: Option<Tz>,
    fallback: Tz,
}

/// A DATE-TIME as written: in UTC, in a zone, or floating.
enum When {
    Utc(NaiveDateTime),
    Zoned(NaiveDateTime, Option<String>),
    Date(NaiveDate),
}

fn when(line: &ContentLine) -> Option<When> {
    let value = raw_text(line);
    let value = value.trim();
    let is_date = line.param("VALUE").any(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
    if is_date {
        return NaiveDate::parse_from_str(value.get(..8)?, "%Y%m%d")
            .ok()
            .map(When::Date);
    }
    let (clock, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(rest) => (rest, true),
        None => (value, false),
    };
    let local = NaiveDateTime::parse_from_str(clock, "%Y%m%dT%H%M%S")
        .or_else(|_| NaiveDateTime::parse_from_str(clock, "%Y%m%dT%H%M"))
        .ok()?;
    Some(if utc {
        When::Utc(local)
    } else {
        When::Zoned(local, line.param("TZID").next().map(String::from))
    })
}

impl Context {
    /// The zone for a TZID (or none, floating), and whether it had to be guessed.
    fn zone(&self, tzid: Option<&str>) -> (Tz, bool) {
        if let Some(zone) = tzid.and_then(|t| zones::resolve(t, &self.locations)) {
            return (zone, false);
        }
        match self.default_zone {
            Some(zone) => (zone, tzid.is_some()),
            None => (self.fallback, true),
        }
    }

    /// The instant, the zone it is in, its wall time there, and whether the zone was guessed.
    fn instant(&self, when: &When) -> Option<(DateTime<Utc>, Tz, NaiveDateTime, bool)> {
        match when {
            When::Utc(local) => Some((local.and_utc(), Tz::UTC, *local, false)),
            When::Zoned(local, tzid) => {
                let (zone, guessed) = self.zone(tzid.as_deref());
                Some((resolve(*local, zone), zone, *local, guessed))
            }
            When::Date(_) => None,
        }
    }
}

fn first_text(lines: &[&ContentLine], names: &[&str]) -> String {
    names
        .iter()
        .find_map(|name| {
            lines
                .iter()
                .find(|l| l.name == *name)
                .map(|l| text(l))
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_default()
}

/// An event before overrides are attached: its own RECURRENCE-ID if it is one.
struct Read {
    event: CalendarEvent,
    recurrence_id: Option<DateTime<Utc>>,
}

fn event(lines: &[&ContentLine], context: &Context) -> Option<Read> {
    let find = |name: &str| lines.iter().find(|l| l.name == name);
    let start = when(find("DTSTART")?)?;
    let (start_utc, zone, start_local, zone_guessed) = context.instant(&start)?;
    let end = find("DTEND")
        .and_then(|l| when(l))
        .and_then(|w| context.instant(&w))
        .map(|(end, ..)| end - start_utc)
        .or_else(|| find("DURATION").and_then(|l| duration(&raw_text(l))));
    let minutes = end.map_or(60, |d| d.num_minutes()).clamp(1, 1440);
    let mut exdates = Vec::new();
    for line in lines.iter().filter(|l| l.name == "EXDATE") {
        let tzid = line.param("TZID").next().map(String::from);
        let date_only = line.param("VALUE").any(|v| v.eq_ignore_ascii_case("DATE"));
        for value in raw_text(line).split(',') {
            let value = value.trim();
            let parsed = if date_only || value.len() == 8 {
                NaiveDate::parse_from_str(value, "%Y%m%d").ok().map(|d| {
                    When::Zoned(
                        d.and_time(start_local.time()),
                        Some(zone.name().to_string()),
                    )
                })
            } else if let Some(clock) = value.strip_suffix(['Z', 'z']) {
                NaiveDateTime::parse_from_str(clock, "%Y%m%dT%H%M%S")
                    .ok()
                    .map(When::Utc)
            } else {
                NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S")
                    .ok()
                    .map(|t| When::Zoned(t, tzid.clone().or_else(|| Some(zone.name().to_string()))))
            };
            if let Some((instant, ..)) = parsed.and_then(|w| context.instant(&w)) {
                exdates.push(utc_text(instant));
            }
        }
    }
    let recurrence_id = find("RECURRENCE-ID")
        .and_then(|l| when(l))
        .and_then(|w| match w {
            When::Date(d) => context.instant(&When::Zoned(
                d.and_time(start_local.time()),
                Some(zone.name().to_string()),
            )),
            other => context.instant(&other),
        })
        .map(|(instant, ..)| instant);
    let rrule = find("RRULE")
        .map(|l| until_in_utc(raw_text(l).trim(), zone))
        .filter(|r| !r.is_empty());
    let uid = first_text(lines, &["UID"]);
    let title = first_text(lines, &["SUMMARY"]);
    Some(Read {
        event: CalendarEvent {
            uid: if uid.is_empty() {
                format!("no-uid:{}:{}", utc_text(start_utc), title)
            } else {
                uid
            },
            title,
            time_zone: zone.name().to_string(),
            zone_guessed,
            start_local: start_local.format(LOCAL_FORMAT).to_string(),
            first_start_utc: utc_text(start_utc),
            duration_minutes: u32::try_from(minutes).unwrap_or(60),
            rrule,
            exdates_utc: exdates,
            overrides: Vec::new(),
            location: first_text(lines, &["LOCATION"]),
            description: first_text(lines, &["DESCRIPTION"]),
            conference_url: first_text(
                lines,
                &[
                    "CONFERENCE",
                    "X-GOOGLE-CONFERENCE",
                    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
                    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
                    "URL",
                ],
            ),
            cancelled: first_text(lines, &["STATUS"]).eq_ignore_ascii_case("CANCELLED"),
        },
        recurrence_id,
    })
}

/// Every event in every VCALENDAR of `input`, with overrides (RECURRENCE-ID) attached to their
/// series. `fallback` is the zone for times whose calendar names none Holdspace knows.
pub fn parse(input: &[u8], fallback: Tz) -> Calendar {
    let mut read: Vec<Read> = Vec::new();
    let mut skipped = 0u32;
    let mut calendar: Vec<ContentLine> = Vec::new();
    let mut in_calendar = false;
    let mut events_seen = 0usize;
    let finish = |lines: &mut Vec<ContentLine>, read: &mut Vec<Read>, skipped: &mut u32| {
        let (events, found_skipped) = calendar_events(lines, fallback);
        *skipped = skipped.saturating_add(found_skipped);
        read.extend(events);
        lines.clear();
    };
    for raw in unfold(input) {
        let Some(line) = content_line(&raw) else {
            continue;
        };
        let component = String::from_utf8_lossy(&line.value)
            .trim()
            .to_ascii_uppercase();
        if line.name == "BEGIN" && component == "VCALENDAR" {
            if in_calendar {
                finish(&mut calendar, &mut read, &mut skipped);
            }
            in_calendar = true;
            continue;
        }
        if line.name == "END" && component == "VCALENDAR" {
            finish(&mut calendar, &mut read, &mut skipped);
            in_calendar = false;
            continue;
        }
        if line.name == "BEGIN" && component == "VEVENT" {
            events_seen += 1;
        }
        // Past the limit, the rest of the file is not read at all.
        if events_seen > MAX_EVENTS {
            break;
        }
        if in_calendar {
            calendar.push(line);
        }
    }
    if !calendar.is_empty() {
        finish(&mut calendar, &mut read, &mut skipped);
    }
    attach_overrides(read, skipped)
}

/// The events of one VCALENDAR's lines, and how many were skipped.
fn calendar_events(lines: &[ContentLine], fallback: Tz) -> (Vec<Read>, u32) {
    let mut locations = Vec::new();
    let mut default_zone = None;
    let mut events: Vec<Vec<&ContentLine>> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut tzid: Option<String> = None;
    for line in lines {
        let value = String::from_utf8_lossy(&line.value)
            .trim()
            .to_ascii_uppercase();
        match line.name.as_str() {
            "BEGIN" => {
                if value == "VEVENT" && stack.is_empty() {
                    events.push(Vec::new());
                }
                if value == "VTIMEZONE" {
                    tzid = None;
                }
                stack.push(value);
                continue;
            }
            "END" => {
                stack.pop();
                continue;
            }
            _ => {}
        }
        match stack.as_slice() {
            [] if line.name == "X-WR-TIMEZONE" => default_zone = zones::resolve(&text(line), &[]),
            [top] if top == "VEVENT" => {
                if let Some(event) = events.last_mut() {
                    event.push(line);
                }
            }
            [top] if top == "VTIMEZONE" => match line.name.as_str() {
                "TZID" => tzid = Some(text(line)),
                "X-LIC-LOCATION" => {
                    if let Some(id) = &tzid {
                        locations.push((id.clone(), text(line)));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    let context = Context {
        locations,
        default_zone,
        fallback,
    };
    let mut skipped = 0;
    let mut out = Vec::new();
    for lines in &events {
        match event(lines, &context) {
            Some(read) => out.push(read),
            None => skipped += 1,
        }
    }
    (out, skipped)
}

fn attach_overrides(read: Vec<Read>, mut skipped: u32) -> Calendar {
    let (overrides, masters): (Vec<Read>, Vec<Read>) =
        read.into_iter().partition(|r| r.recurrence_id.is_some());
    let mut events: Vec<CalendarEvent> = masters.into_iter().map(|r| r.event).collect();
    // Series by UID, built once: a file of many overrides is attached in linear time.
    let mut series: HashMap<String, usize> = HashMap::new();
    for (index, event) in events.iter().enumerate() {
        if event.rrule.is_some() {
            series.entry(event.uid.clone()).or_insert(index);
        }
    }
    for read in overrides {
        let Some(original) = read.recurrence_id else {
            continue;
        };
        match series.get(&read.event.uid) {
            Some(&index) => events[index].overrides.push(EventOverride {
                original_start_utc: utc_text(original),
                start_utc: (!read.event.cancelled).then(|| read.event.first_start_utc.clone()),
            }),
            // An override whose series is not in the file is a meeting of its own, under a
            // UID of its own so it cannot be confused with the series.
            None if !read.event.cancelled => {
                let mut event = read.event;
                event.uid = format!("{}#{}", event.uid, utc_text(original));
                events.push(event);
            }
            None => skipped += 1,
        }
    }
    // A file with one UID twice (a bad export) keeps the first; the rest are skipped, so each
    // UID names one event.
    let mut seen = std::collections::HashSet::new();
    let before = events.len();
    events.retain(|e| seen.insert(e.uid.clone()));
    skipped = skipped.saturating_add(u32::try_from(before - events.len()).unwrap_or(u32::MAX));
    Calendar { events, skipped }
}
