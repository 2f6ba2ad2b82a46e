//! The window: closing it from the keyboard (Ctrl+W) does what the window's close button does,
//! and the UI's report that its first screen has painted (for the app metrics).

use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Hides the window to the tray (or closes it when there is no tray) and locks the vault.
/// Returns whether the app keeps running in the tray.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn window_close(state: State<'_, AppState>) -> CommandResult<bool> {
    Ok(state.desktop().is_some_and(|d| d.close_window()))
}

/// The UI calls this once its first screen (welcome or unlock) has painted.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn window_first_screen_painted() -> CommandResult<()> {
    crate::first_paint::record();
    Ok(())
}
