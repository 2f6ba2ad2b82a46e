//! The language the app speaks outside its window (notifications, the tray, calendar files, a
//! card shared as text, the demo's sample data): the one chosen in Settings, else the
//! system's as found here, which the window follows too (it is reported with the preferences),
//! so nothing Holdspace writes speaks another language than its window.

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

/// A file name to suggest in a save dialog, in the window's language.
pub fn file_name(data_dir: &Path, english: &'static str, german: &'static str) -> &'static str {
    match of_data_dir(data_dir) {
        Language::En => english,
        Language::De => german,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preferences::Preferences;

    fn chosen(language: Language) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let choices = Preferences {
            language: Some(language),
            ..Preferences::default()
        };
        preferences::save(dir.path(), &choices).unwrap();
        dir
    }

    #[test]
    fn a_language_chosen_in_settings_wins_over_the_systems() {
        // Whatever this machine speaks, the other language is chosen: only the choice can
        // explain the answer.
        let other = match system() {
            Language::En => Language::De,
            Language::De => Language::En,
        };
        let dir = chosen(other);
        assert_eq!(of_data_dir(dir.path()), other);
        let name = file_name(dir.path(), "meetings.ics", "treffen.ics");
        assert_eq!(
            name == "treffen.ics",
            other == Language::De,
            "a save dialog suggests a name in the window's language ({name})"
        );
    }
}
