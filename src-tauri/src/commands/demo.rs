//! The demo: opening it beside the person's own app, and telling the UI it is the demo.

use holdspace_core::ErrorCode;
use tauri::State;

use crate::error::{AppError, CommandResult};
use crate::preferences::Language;
use crate::state::AppState;

/// Starts `holdspace --demo` as a process of its own, in `language` (the one the person is
/// reading); this app and its vault are untouched.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn demo_open(language: Language) -> CommandResult<()> {
    crate::demo::open_in_new_process(language).map_err(|error| AppError {
        code: ErrorCode::Io,
        message: format!("The demo could not be started: {error}."),
    })
}

/// Whether this app runs the throw-away demo vault, so the UI can say so on every screen.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn demo_active(state: State<'_, AppState>) -> CommandResult<bool> {
    Ok(state.demo)
}
