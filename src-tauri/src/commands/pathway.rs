//! The newcomer pathway of a group.

use chrono::Local;
use holdspace_core::pathway::{self, Pathway, PathwayTick};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn pathway_get(state: State<'_, AppState>, group_id: i64) -> CommandResult<Pathway> {
    Ok(pathway::pathway(&*state.session.vault()?, group_id)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn pathway_tick(state: State<'_, AppState>, tick: PathwayTick) -> CommandResult<Pathway> {
    Ok(pathway::tick(
        &*state.session.vault()?,
        &tick,
        Local::now().date_naive(),
    )?)
}
