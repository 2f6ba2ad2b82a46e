//! Meetings and their occurrences.

use holdspace_core::meetings::{self, ExceptionKind, Meeting, NewMeeting, Occurrence};
use holdspace_core::time::parse_instant;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn meeting_list(
    state: State<'_, AppState>,
    group_id: Option<i64>,
) -> CommandResult<Vec<Meeting>> {
    Ok(meetings::list(&*state.session.vault()?, group_id)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn meeting_add(state: State<'_, AppState>, meeting: NewMeeting) -> CommandResult<Meeting> {
    Ok(state.after_change(meetings::add(&*state.session.vault()?, &meeting))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn meeting_set_exception(
    state: State<'_, AppState>,
    occurrence_id: String,
    kind: ExceptionKind,
    moved_start_local: Option<String>,
) -> CommandResult<Meeting> {
    let vault = state.session.vault()?;
    Ok(state.after_change(meetings::set_exception(
        &vault,
        &occurrence_id,
        kind,
        moved_start_local.as_deref(),
    ))?)
}

/// Occurrences starting in `[from, to)`, both RFC 3339 instants.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn meeting_occurrences(
    state: State<'_, AppState>,
    from: String,
    to: String,
    group_id: Option<i64>,
) -> CommandResult<Vec<Occurrence>> {
    let (from, to) = (parse_instant("from", &from)?, parse_instant("to", &to)?);
    Ok(meetings::occurrences(
        &*state.session.vault()?,
        from,
        to,
        group_id,
    )?)
}
