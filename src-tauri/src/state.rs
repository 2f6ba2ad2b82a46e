//! The app state, managed once: the session with the vault in the data folder.

use std::path::PathBuf;
use std::sync::Arc;

use holdspace_core::vault::paths::{default_data_dir, DATA_DIR_ENV};
use holdspace_core::vault::{KdfTuning, OsKeyring, Session, VaultPaths};

use crate::reminders::{AppClock, Timer};

#[derive(Debug)]
pub struct AppState {
    pub session: Session,
    pub data_dir: PathBuf,
    /// Woken after any change a reminder may depend on.
    pub reminders: Timer,
    pub clock: AppClock,
}

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
        }
    }
}

impl AppState {
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
