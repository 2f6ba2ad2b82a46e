//! What the commands need from the desktop, without knowing the Tauri runtime (the IPC tests
//! run the commands on the mock runtime): closing the window, the autostart entry, the native
//! file and folder dialogs, and links opened by the OS.

use std::path::PathBuf;

use holdspace_core::Language;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// What a file dialog is for: its title and filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Contacts,
    /// A QR code saved as an SVG picture.
    Picture,
    Calendar,
    /// A Meeting Guide JSON feed.
    Feed,
    Backup,
    Csv,
}

impl FileKind {
    /// The filter's name in `language` (format names are the same in both) and extensions.
    fn filter(self, language: Language) -> (&'static str, &'static [&'static str]) {
        let german = language == Language::De;
        match self {
            Self::Contacts => ("vCard", &["vcf", "vcard"]),
            Self::Picture => ("SVG", &["svg"]),
            Self::Calendar => ("iCalendar", &["ics", "ical", "ifb", "icalendar"]),
            Self::Feed if german => ("Meeting-Guide-Liste", &["json"]),
            Self::Feed => ("Meeting Guide feed", &["json"]),
            Self::Backup if german => ("Holdspace-Sicherung", &["holdspace-backup"]),
            Self::Backup => ("Holdspace backup", &["holdspace-backup"]),
            Self::Csv => ("CSV", &["csv"]),
        }
    }
}

pub trait Desktop: Send + Sync {
    /// Closes the main window as its close button does; whether the app stays in the tray.
    fn close_window(&self) -> bool;
    fn starts_at_login(&self) -> Result<bool, String>;
    fn set_start_at_login(&self, on: bool) -> Result<(), String>;
    /// The file the person chose to read; none when they cancelled.
    fn choose_file_to_open(&self, kind: FileKind) -> Option<PathBuf>;
    /// Where the person chose to save; none when they cancelled.
    fn choose_file_to_save(&self, kind: FileKind, suggested_name: &str) -> Option<PathBuf>;
    /// A folder the person chose (for exports of many files); none when they cancelled.
    fn choose_folder(&self) -> Option<PathBuf>;
    /// Opens a `tel:`, `sms:` or `mailto:` link or a meeting's http(s) link (each built or
    /// checked by the core) with the OS.
    fn open_link(&self, url: &str) -> Result<(), String>;
    /// Removes what the app wrote outside the vault's folder: the start-at-login entry, the
    /// webview's data and cache, the saved window position. Returns what could not go.
    fn erase_app_files(&self) -> Vec<String>;
    /// Quits shortly (after the reply that says everything is deleted reaches the window).
    fn quit_soon(&self);
    /// Asks the OS to keep the window out of screen captures (a no-op where it cannot).
    fn protect_from_capture(&self, on: bool);
    /// Rewords what the shell shows outside the window (the tray menu) in `language`.
    fn speak(&self, language: Language);
}

pub struct TauriDesktop<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> std::fmt::Debug for TauriDesktop<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TauriDesktop")
    }
}

impl<R: Runtime> Desktop for TauriDesktop<R> {
    fn close_window(&self) -> bool {
        let Some(window) = self.0.get_webview_window("main") else {
            return false;
        };
        let kept = crate::close_to_tray(&self.0, || {
            let _ = window.hide();
        });
        if !kept {
            let _ = window.close();
        }
        kept
    }

    fn starts_at_login(&self) -> Result<bool, String> {
        self.0.autolaunch().is_enabled().map_err(|e| e.to_string())
    }

    fn set_start_at_login(&self, on: bool) -> Result<(), String> {
        let autolaunch = self.0.autolaunch();
        if on {
            autolaunch.enable().map_err(|e| e.to_string())
        } else if autolaunch.is_enabled().unwrap_or(false) {
            autolaunch.disable().map_err(|e| e.to_string())
        } else {
            Ok(())
        }
    }

    fn choose_file_to_open(&self, kind: FileKind) -> Option<PathBuf> {
        #[cfg(feature = "e2e")]
        if let Some(dir) = stand_in::dir() {
            return stand_in::open(&dir);
        }
        let (name, extensions) = kind.filter(crate::language::of_app(&self.0));
        let mut dialog = self.0.dialog().file().add_filter(name, extensions);
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.set_parent(&window);
        }
        dialog.blocking_pick_file()?.into_path().ok()
    }

    fn choose_file_to_save(&self, kind: FileKind, suggested_name: &str) -> Option<PathBuf> {
        #[cfg(feature = "e2e")]
        if let Some(dir) = stand_in::dir() {
            return Some(dir.join(suggested_name));
        }
        let (name, extensions) = kind.filter(crate::language::of_app(&self.0));
        let mut dialog = self
            .0
            .dialog()
            .file()
            .add_filter(name, extensions)
            .set_file_name(suggested_name);
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.set_parent(&window);
        }
        dialog.blocking_save_file()?.into_path().ok()
    }

    fn choose_folder(&self) -> Option<PathBuf> {
        #[cfg(feature = "e2e")]
        if let Some(dir) = stand_in::dir() {
            return Some(dir.join("folder"));
        }
        let mut dialog = self.0.dialog().file();
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.set_parent(&window);
        }
        dialog.blocking_pick_folder()?.into_path().ok()
    }

    fn open_link(&self, url: &str) -> Result<(), String> {
        #[cfg(feature = "e2e")]
        if let Some(dir) = stand_in::dir() {
            return stand_in::record_link(&dir, url);
        }
        self.0
            .opener()
            .open_url(url, None::<&str>)
            .map_err(|e| e.to_string())
    }

    fn erase_app_files(&self) -> Vec<String> {
        let mut left = Vec::new();
        if self.set_start_at_login(false).is_err() {
            left.push("the start-at-login entry".to_owned());
        }
        let paths = self.0.path();
        for dir in [
            paths.app_local_data_dir(),
            paths.app_data_dir(),
            paths.app_config_dir(),
            paths.app_cache_dir(),
            paths.app_log_dir(),
        ]
        .into_iter()
        .flatten()
        {
            left.extend(holdspace_core::vault::erase_folder(&dir));
        }
        left
    }

    fn protect_from_capture(&self, on: bool) {
        if let Some(window) = self.0.get_webview_window("main") {
            if window.set_content_protected(on).is_err() {
                tracing::warn!("the window could not be protected from screen capture");
            }
        }
    }

    fn speak(&self, language: Language) {
        crate::tray::speak(&self.0, language);
    }

    fn quit_soon(&self) {
        let app = self.0.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(1500));
            app.exit(0);
        });
    }
}

/// The WebDriver tests' stand-in for the native dialogs, which a WebDriver session cannot
/// click. Compiled only with the `e2e` feature.
#[cfg(feature = "e2e")]
mod stand_in {
    use std::path::{Path, PathBuf};

    pub fn dir() -> Option<PathBuf> {
        std::env::var_os("HOLDSPACE_E2E_DIALOG_DIR").map(PathBuf::from)
    }

    /// Links are written, one per line, to `opened-links` instead of starting a browser.
    pub fn record_link(dir: &Path, url: &str) -> Result<(), String> {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("opened-links"))
            .and_then(|mut file| writeln!(file, "{url}"))
            .map_err(|e| e.to_string())
    }

    /// The path the test wrote into `open`, used once. "save" writes into the folder under
    /// the suggested name; "folder" is `folder` inside it.
    pub fn open(dir: &Path) -> Option<PathBuf> {
        let chosen = dir.join("open");
        let path = std::fs::read_to_string(&chosen).ok()?;
        let _ = std::fs::remove_file(&chosen);
        Some(PathBuf::from(path.trim()))
    }
}
