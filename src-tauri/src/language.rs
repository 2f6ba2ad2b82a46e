//! The language the app speaks outside its window (notifications, the demo's sample data):
//! the one chosen in Settings, else the system's, found as the UI finds it, so a
//! notification never speaks another language than the window.

use holdspace_core::Language;
use tauri::{AppHandle, Manager, Runtime};

use crate::preferences;
use crate::state::AppState;

/// The first of the system's languages that Holdspace speaks; English if none.
pub fn system() -> Language {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    Language::preferred(locales.iter().map(String::as_str))
}

/// The language the window speaks now. Read afresh each time it is needed, so a change in
/// Settings reaches the next notification.
pub fn of_app<R: Runtime>(app: &AppHandle<R>) -> Language {
    app.try_state::<AppState>()
        .and_then(|state| preferences::language(&state.data_dir))
        .unwrap_or_else(system)
}
