//! The app state, managed once: the session with the vault in the data folder.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, OnceLock};

use holdspace_core::vault::paths::{default_data_dir, DATA_DIR_ENV};
use holdspace_core::vault::{KdfTuning, OsKeyring, Session, VaultPaths};

use crate::desktop::Desktop;
use crate::reminders::{AppClock, Timer};

pub struct AppState {
    pub session: Session,
    pub data_dir: PathBuf,
    /// Woken after any change a reminder may depend on.
    pub reminders: Timer,
    pub clock: AppClock,
    /// Set once the app has started (absent on the IPC tests' mock runtime).
    desktop: OnceLock<Box<dyn Desktop>>,
    /// Everything was deleted: the app's files are removed once more as it exits.
    pub erased: AtomicBool,
    /// A throw-away demo vault (`--demo`): its folder is removed as the app exits.
    pub demo: bool,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        let session = Session::new(
            VaultPaths::new(&data_dir),
            Arc::new(OsKeyring),
            KdfTuning::Calibrate,
        );
        Self::with_session(data_dir, session, false)
    }

    /// The state over a session made elsewhere (the demo's).
    pub fn with_session(data_dir: PathBuf, session: Session, demo: bool) -> Self {
        Self {
            session,
            data_dir,
            reminders: Timer::default(),
            clock: AppClock::from_env(),
            desktop: OnceLock::new(),
            erased: AtomicBool::new(false),
            demo,
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
    pub fn set_desktop(&self, desktop: Box<dyn Desktop>) {
        let _ = self.desktop.set(desktop);
    }

    /// The desktop, once the app has started.
    pub fn desktop(&self) -> Option<&dyn Desktop> {
        self.desktop.get().map(|d| &**d)
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
