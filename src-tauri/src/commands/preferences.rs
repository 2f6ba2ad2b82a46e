//! The app's preferences: keep running in the tray when the window closes, start at login,
//! the memory mode, screen-capture protection.

use holdspace_core::Error;
use tauri::State;

use crate::error::CommandResult;
use crate::preferences::{self, Preferences};
use crate::state::AppState;

fn unavailable(reason: String) -> Error {
    Error::Io {
        action: "change whether Holdspace starts at login",
        source: std::io::Error::other(reason),
    }
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn preferences_get(state: State<'_, AppState>) -> CommandResult<Preferences> {
    Ok(Preferences {
        keep_in_tray: preferences::keep_in_tray(&state.data_dir),
        memory_security: preferences::memory_security(&state.data_dir),
        memory_security_active: holdspace_core::vault::memory_security(),
        screen_capture_protection: preferences::screen_capture_protection(&state.data_dir),
        screen_capture_protection_supported: preferences::SCREEN_CAPTURE_PROTECTION_SUPPORTED,
        language: preferences::language(&state.data_dir),
        system_language: crate::language::system(),
        start_at_login: state
            .desktop()
            .and_then(|d| d.starts_at_login().ok())
            .unwrap_or(false),
    })
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn preferences_set(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<Preferences> {
    // Start at login is the system's setting of the person's own Holdspace: the demo refuses
    // to change it and, for any other change, leaves it untouched.
    if state.demo && preferences.start_at_login != preferences_get(state.clone())?.start_at_login {
        return Err(Error::Conflict(
            "The demo cannot change whether Holdspace starts at login; that belongs to your own \
             Holdspace. Nothing was changed."
                .into(),
        )
        .into());
    }
    preferences::save(&state.data_dir, &preferences).map_err(|source| Error::Io {
        action: "save the app's preferences",
        source,
    })?;
    // The notices kept for a locked vault are worded when listed: have the timer list them
    // again in the language just saved (it does so on its next turn, right away).
    state.reminders.changed();
    if let Some(desktop) = state.desktop() {
        desktop.protect_from_capture(preferences.screen_capture_protection);
        desktop.speak(crate::language::of_data_dir(&state.data_dir));
        if !state.demo {
            desktop
                .set_start_at_login(preferences.start_at_login)
                .map_err(unavailable)?;
        }
    }
    preferences_get(state)
}
