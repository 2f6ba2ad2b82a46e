//! `calendar import` and `calendar export`, a few lines each over the core's iCalendar code.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use holdspace_core::interop::ical::{self, CalendarChoice, CalendarEvent, CalendarExport};
use holdspace_core::interop::plain_export;
use holdspace_core::Language;
use holdspace_core::{time, Error};
use serde::Serialize;
use serde_json::json;

use super::Context;
use crate::args::CalendarAction;

/// A calendar file of a few years is a few megabytes; more is not one person's calendar.
const MAX_CALENDAR_BYTES: u64 = 32 * 1024 * 1024;

/// One row of `calendar import --json` (the CLI contract's fields, then the meeting once
/// followed).
#[derive(Debug, Serialize)]
struct Row<'a> {
    uid: &'a str,
    title: &'a str,
    time_zone: &'a str,
    zone_guessed: bool,
    start_local: &'a str,
    first_start_utc: &'a str,
    rrule: Option<&'a str>,
    duration_minutes: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    meeting_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<bool>,
}

fn row(event: &CalendarEvent) -> Row<'_> {
    Row {
        uid: &event.uid,
        title: &event.title,
        time_zone: &event.time_zone,
        zone_guessed: event.zone_guessed,
        start_local: &event.start_local,
        first_start_utc: &event.first_start_utc,
        rrule: event.rrule.as_deref(),
        duration_minutes: event.duration_minutes,
        meeting_id: None,
        group_id: None,
        updated: None,
    }
}

pub fn run(ctx: &Context, action: CalendarAction) -> Result<ExitCode, Error> {
    match action {
        CalendarAction::Import {
            file,
            dry_run,
            group,
            uids,
            time_zone,
        } => import(ctx, &file, dry_run, group, &uids, time_zone.as_deref()),
        CalendarAction::Export {
            group,
            detailed,
            out,
        } => export(ctx, group, detailed, &out),
    }
}

fn export(
    ctx: &Context,
    group_id: Option<i64>,
    detailed: bool,
    out: &Path,
) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    // The CLI's output is a contract scripts rely on: always English.
    let options = CalendarExport { group_id, detailed };
    let text = ical::export(&vault, &options, Language::En, Utc::now())?;
    plain_export::write_private(out, text.as_bytes())?;
    let events = text.matches("BEGIN:VEVENT").count();
    ctx.out.show(
        &json!({ "events": events, "detailed": detailed }),
        &format!("Wrote {events} event(s) to {}.", out.display()),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn import(
    ctx: &Context,
    file: &Path,
    dry_run: bool,
    group: Option<i64>,
    uids: &[String],
    time_zone: Option<&str>,
) -> Result<ExitCode, Error> {
    let zone = match time_zone {
        Some(name) => time::parse_zone("time_zone", name)?,
        None => time::system_zone(),
    };
    let io = |source| Error::Io {
        action: "read the calendar file",
        source,
    };
    if std::fs::metadata(file).map_err(io)?.len() > MAX_CALENDAR_BYTES {
        return Err(Error::InvalidInput(
            "This file is too large to be a calendar file.".into(),
        ));
    }
    let calendar = ical::parse(&std::fs::read(file).map_err(io)?, zone);
    if uids
        .iter()
        .any(|u| !calendar.events.iter().any(|e| &e.uid == u))
    {
        return Err(Error::InvalidInput(
            "uid: the file has no event with one of the UIDs given".into(),
        ));
    }
    let chosen: Vec<&CalendarEvent> = calendar
        .events
        .iter()
        .filter(|e| (uids.is_empty() && !e.cancelled) || uids.contains(&e.uid))
        .collect();
    let mut rows: Vec<Row<'_>> = chosen.iter().map(|e| row(e)).collect();
    if !dry_run {
        let (vault, _) = ctx.open(None)?;
        let choices: Vec<CalendarChoice> = chosen
            .iter()
            .map(|e| CalendarChoice {
                uid: e.uid.clone(),
                group_id: group,
            })
            .collect();
        for (row, followed) in rows
            .iter_mut()
            .zip(ical::follow(&vault, &calendar, &choices)?)
        {
            row.meeting_id = Some(followed.meeting_id);
            row.group_id = Some(followed.group_id);
            row.updated = Some(followed.updated);
        }
    }
    let verb = if dry_run { "Found" } else { "Imported" };
    let mut text = format!("{verb} {} event(s)", rows.len());
    if calendar.skipped > 0 {
        text.push_str(&format!(
            "; {} all-day or unreadable event(s) skipped",
            calendar.skipped
        ));
    }
    text.push('.');
    for r in &rows {
        let guessed = if r.zone_guessed {
            " (zone guessed)"
        } else {
            ""
        };
        text.push_str(&format!(
            "\n  {}  {} {}{guessed}  {}",
            r.first_start_utc, r.time_zone, r.title, r.uid
        ));
    }
    ctx.out.show(&rows, &text)?;
    Ok(ExitCode::SUCCESS)
}
