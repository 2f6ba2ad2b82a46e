//! The facilitation log.

use chrono::{Local, SecondsFormat, Utc};
use holdspace_core::facilitation::{self, FacilitationEntry, FacilitationInput};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn facilitation_add(
    state: State<'_, AppState>,
    input: FacilitationInput,
) -> CommandResult<FacilitationEntry> {
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    Ok(facilitation::add(
        &*state.session.vault()?,
        &input,
        Local::now().date_naive(),
        &now,
    )?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn facilitation_list(
    state: State<'_, AppState>,
    group_id: i64,
) -> CommandResult<Vec<FacilitationEntry>> {
    Ok(facilitation::list(&*state.session.vault()?, group_id)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn facilitation_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(facilitation::delete(&*state.session.vault()?, id)?)
}
