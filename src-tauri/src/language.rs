//! The language the app speaks outside its window (notifications, calendar files, the demo's
//! sample data): the one chosen in Settings, else the system's, found as the UI finds it, so
//! nothing Holdspace writes speaks another language than its window.

use std::path::Path;

use holdspace_core::Language;
use tauri::{AppHandle, Manager, Runtime};

use crate::preferences;
use crate::state::AppState;

/// The first of the system's languages that Holdspace speaks; English if none.
pub fn system() -> Language {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    Language::preferred(locales.iter().map(String::as_str))
}

/// The language the window of the app whose preferences are in `data_dir` speaks now. Read
/// afresh each time it is needed, so a change in Settings reaches the next notification.
pub fn of_data_dir(data_dir: &Path) -> Language {
    preferences::language(data_dir).unwrap_or_else(system)
}

/// As [`of_data_dir`], for the running app.
pub fn of_app<R: Runtime>(app: &AppHandle<R>) -> Language {
    app.try_state::<AppState>()
        .map_or_else(system, |state| of_data_dir(&state.data_dir))
}
