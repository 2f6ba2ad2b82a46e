//! The app state, managed once: the session with the vault in the data folder.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use holdspace_core::vault::paths::{default_data_dir, DATA_DIR_ENV};
use holdspace_core::vault::{KdfTuning, OsKeyring, Session, VaultPaths};

use crate::reminders::{AppClock, Timer};

pub struct AppState {
    pub session: Session,
    pub data_dir: PathBuf,
    /// Woken after any change a reminder may depend on.
    pub reminders: Timer,
    pub clock: AppClock,
    /// Set once the window exists: closes it as its close button does.
    window_closer: OnceLock<WindowCloser>,
}

/// Closes the main window the way its close button does; returns whether the app stays in the
/// tray. Kept as a function so the commands need not know the runtime.
pub type WindowCloser = Box<dyn Fn() -> bool + Send + Sync>;

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            session: Session::new(
                VaultPaths::new(&data_dir),
                Arc::new(OsKeyring),
                KdfTuning::Calibrate,
            ),
            data_dir,
            reminders: Timer::default(),
            clock: AppClock::from_env(),
            window_closer: OnceLock::new(),
        }
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("session", &self.session)
            .field("data_dir", &self.data_dir)
            .field("reminders", &self.reminders)
            .field("clock", &self.clock)
            .finish_non_exhaustive()
    }
}

impl AppState {
    pub fn set_window_closer(&self, closer: WindowCloser) {
        let _ = self.window_closer.set(closer);
    }

    /// Closes the window as its close button does (false without a window, as in tests).
    pub fn close_window(&self) -> bool {
        self.window_closer.get().is_some_and(|close| close())
    }

    /// Passes `outcome` through, waking the reminder timer when a change succeeded: the
    /// schedule depends on the vault being unlocked, on rules, groups and meetings.
    pub fn after_change<T>(&self, outcome: holdspace_core::Result<T>) -> holdspace_core::Result<T> {
        if outcome.is_ok() {
            self.reminders.changed();
        }
        outcome
    }
}

/// `HOLDSPACE_DATA_DIR` (tests, portable use), else the OS app-data folder, as the CLI does.
pub fn data_dir(fallback: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(default_data_dir)
        .or_else(fallback)
}
