//! Calendars and meeting feeds in, calendars out: a native dialog picks the file, Rust reads or
//! writes it, the core does the rest.

use chrono::Utc;
use holdspace_core::interop::ical::{
    self, Calendar, CalendarChoice, CalendarExport, FollowedEvent,
};
use holdspace_core::interop::meeting_guide::{self, Feed, FeedChoice, MAX_FEED_BYTES};
use holdspace_core::interop::plain_export;
use holdspace_core::{time, Error};
use tauri::State;

use super::buddies::desktop;
use crate::desktop::FileKind;
use crate::error::CommandResult;
use crate::state::AppState;

/// A calendar of a few years is a few megabytes; more is not one person's calendar.
const MAX_CALENDAR_BYTES: u64 = 32 * 1024 * 1024;

/// Reads the file the person picks, refusing one over `max` bytes.
fn pick(state: &State<'_, AppState>, kind: FileKind, max: u64) -> Result<Option<Vec<u8>>, Error> {
    // Locked? Say so before a dialog opens; the vault is not held while the person chooses.
    drop(state.session.vault()?);
    let Some(path) = desktop(state)?.choose_file_to_open(kind) else {
        return Ok(None);
    };
    if std::fs::metadata(&path)
        .map_err(Error::io("read the file"))?
        .len()
        > max
    {
        return Err(Error::InvalidInput(
            "This file is too large for Holdspace to read.".into(),
        ));
    }
    std::fs::read(&path)
        .map(Some)
        .map_err(Error::io("read the file"))
}

/// Asks for an .ics file and previews its events; none when the person cancelled.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn calendar_import_file(state: State<'_, AppState>) -> CommandResult<Option<Calendar>> {
    Ok(pick(&state, FileKind::Calendar, MAX_CALENDAR_BYTES)?
        .map(|bytes| ical::parse(&bytes, time::system_zone())))
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn calendar_follow(
    state: State<'_, AppState>,
    calendar: Calendar,
    choices: Vec<CalendarChoice>,
) -> CommandResult<Vec<FollowedEvent>> {
    // New meetings may bring reminders due: the timer looks again.
    Ok(state.after_change(ical::follow(&*state.session.vault()?, &calendar, &choices))?)
}

/// Asks where to save and writes the schedules; the number of events, or none if cancelled.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn calendar_export_file(
    state: State<'_, AppState>,
    options: CalendarExport,
) -> CommandResult<Option<u32>> {
    let language = crate::language::of_data_dir(&state.data_dir);
    let text = ical::export(&*state.session.vault()?, &options, language, Utc::now())?;
    let Some(path) = desktop(&state)?.choose_file_to_save(
        FileKind::Calendar,
        crate::language::file_name(&state.data_dir, "meetings.ics", "treffen.ics"),
    ) else {
        return Ok(None);
    };
    // Written like every export: complete before it has its name, readable by its owner only.
    plain_export::write_private(&path, text.as_bytes())?;
    Ok(Some(
        u32::try_from(text.matches("BEGIN:VEVENT").count()).unwrap_or(u32::MAX),
    ))
}

/// Asks for a Meeting Guide feed and previews its meetings; none when the person cancelled.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn feed_import_file(state: State<'_, AppState>) -> CommandResult<Option<Feed>> {
    match pick(&state, FileKind::Feed, MAX_FEED_BYTES as u64)? {
        Some(bytes) => Ok(Some(meeting_guide::parse(&bytes)?)),
        None => Ok(None),
    }
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn feed_follow(
    state: State<'_, AppState>,
    feed: Feed,
    choices: Vec<FeedChoice>,
) -> CommandResult<Vec<i64>> {
    let zone = time::system_zone();
    let today = Utc::now().with_timezone(&zone).date_naive();
    let groups = state.after_change(meeting_guide::follow(
        &*state.session.vault()?,
        &feed,
        &choices,
        zone,
        today,
    ))?;
    Ok(groups.into_iter().map(|g| g.id).collect())
}
