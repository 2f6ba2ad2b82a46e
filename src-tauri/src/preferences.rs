//! The app's own preferences, which must be known before any unlock (what closing the window
//! does): a small JSON file in the data folder. It holds no user content. Whether Holdspace
//! starts at login is not stored here: the OS's autostart entry is the truth.

use std::path::{Path, PathBuf};

pub use holdspace_core::Language;
use serde::{Deserialize, Serialize};

const FILE: &str = "preferences.json";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Preferences {
    /// Closing the window keeps Holdspace in the tray (locked), so reminders still arrive.
    pub keep_in_tray: bool,
    /// Holdspace starts, in the tray, when the user logs in.
    pub start_at_login: bool,
    /// The high-security memory mode (SQLCipher wipes the memory it frees): chosen for the
    /// next start.
    pub memory_security: bool,
    /// Whether that mode is in force now (it applies from the start after it was chosen).
    pub memory_security_active: bool,
    /// Asks the OS to keep the window out of screenshots, screen recordings and screen
    /// sharing. Applied at once.
    pub screen_capture_protection: bool,
    /// Whether this platform honours that (Windows and macOS do; Linux desktops offer no
    /// way for an app to ask), so the settings page can say so honestly.
    pub screen_capture_protection_supported: bool,
    /// The language the UI speaks; none follows the system's.
    pub language: Option<Language>,
    /// The system's language as the shell finds it (a fact, not a choice): the window follows
    /// it when none is chosen, so the window and the notifications, tray and calendar files
    /// the shell words never speak two languages.
    pub system_language: Language,
}

/// Windows (display affinity) and macOS (window sharing type) can hide a window from capture;
/// neither X11 nor Wayland lets an app ask.
pub const SCREEN_CAPTURE_PROTECTION_SUPPORTED: bool =
    cfg!(any(target_os = "windows", target_os = "macos"));

impl Default for Preferences {
    fn default() -> Self {
        Self {
            keep_in_tray: true,
            start_at_login: false,
            memory_security: false,
            memory_security_active: false,
            screen_capture_protection: false,
            screen_capture_protection_supported: SCREEN_CAPTURE_PROTECTION_SUPPORTED,
            language: None,
            system_language: Language::En,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(default)]
struct Stored {
    keep_in_tray: Option<bool>,
    memory_security: Option<bool>,
    screen_capture_protection: Option<bool>,
    language: Option<Language>,
}

fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

fn stored(data_dir: &Path) -> Stored {
    std::fs::read(path(data_dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
        .unwrap_or_default()
}

/// Whether closing keeps the app in the tray; the default (yes) when the file is missing or
/// unreadable, since losing reminders is the worse surprise.
pub fn keep_in_tray(data_dir: &Path) -> bool {
    stored(data_dir).keep_in_tray.unwrap_or(true)
}

/// Whether the high-security memory mode was chosen (off when unset or unreadable).
pub fn memory_security(data_dir: &Path) -> bool {
    stored(data_dir).memory_security.unwrap_or(false)
}

/// Whether the window is to be kept out of screen captures (off when unset or unreadable).
pub fn screen_capture_protection(data_dir: &Path) -> bool {
    stored(data_dir).screen_capture_protection.unwrap_or(false)
}

/// The UI's language, when the person chose one over the system's. Kept outside the vault: the
/// unlock screen speaks it too, and a language says nothing about the person.
pub fn language(data_dir: &Path) -> Option<Language> {
    stored(data_dir).language
}

/// Stores the choices kept in the file atomically (a crash leaves the old file or the new,
/// never half of one). Start at login lives in the OS; the "active" and "supported" fields
/// are facts, not choices.
pub fn save(data_dir: &Path, choices: &Preferences) -> std::io::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let bytes = serde_json::to_vec_pretty(&Stored {
        keep_in_tray: Some(choices.keep_in_tray),
        memory_security: Some(choices.memory_security),
        screen_capture_protection: Some(choices.screen_capture_protection),
        language: choices.language,
    })
    .map_err(std::io::Error::other)?;
    let temporary = data_dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path(data_dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeping_in_the_tray_is_the_default_and_a_choice_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            keep_in_tray(dir.path()),
            "with no file, closing keeps the app in the tray"
        );
        let choices = Preferences {
            keep_in_tray: false,
            memory_security: true,
            screen_capture_protection: true,
            language: Some(Language::De),
            ..Preferences::default()
        };
        save(dir.path(), &choices).unwrap();
        assert!(!keep_in_tray(dir.path()), "the choice is read back");
        assert!(memory_security(dir.path()), "and the memory mode with it");
        assert!(
            screen_capture_protection(dir.path()),
            "and the screen-capture protection"
        );
        assert_eq!(
            language(dir.path()),
            Some(Language::De),
            "and the language chosen over the system's"
        );
        std::fs::write(path(dir.path()), b"{not json").unwrap();
        assert!(
            keep_in_tray(dir.path()),
            "a damaged file falls back to the default, not to losing reminders"
        );
    }
}
