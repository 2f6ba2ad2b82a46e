//! Where a vault's files live. One data directory holds the database, its WAL companions,
//! `vault.json` and `logs/`; nothing the app writes goes anywhere else.

use std::path::{Path, PathBuf};

pub const DATABASE_FILE: &str = "holdspace.db";
pub const MANIFEST_FILE: &str = "vault.json";
pub const LOG_DIR: &str = "logs";
pub const IN_USE_FILE: &str = "vault.in-use";

#[derive(Debug, Clone)]
pub struct VaultPaths {
    dir: PathBuf,
}

impl VaultPaths {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn database(&self) -> PathBuf {
        self.dir.join(DATABASE_FILE)
    }

    pub fn manifest(&self) -> PathBuf {
        self.dir.join(MANIFEST_FILE)
    }

    /// Held while `vault.json` is being changed, so two processes never interleave changes.
    pub fn manifest_lock(&self) -> PathBuf {
        self.dir.join(format!("{MANIFEST_FILE}.lock"))
    }

    /// Held shared by every process that has the database open (see `files::claim_in_use`).
    pub fn in_use_lock(&self) -> PathBuf {
        self.dir.join(IN_USE_FILE)
    }

    pub fn logs(&self) -> PathBuf {
        self.dir.join(LOG_DIR)
    }

    /// SQLite's WAL companions; they hold encrypted pages and belong to the database.
    pub fn database_companions(&self) -> [PathBuf; 2] {
        [
            self.dir.join(format!("{DATABASE_FILE}-wal")),
            self.dir.join(format!("{DATABASE_FILE}-shm")),
        ]
    }

    /// Whether the folder holds a vault or any part of one: nothing may be created over it.
    pub fn hold_any_vault_file(&self) -> bool {
        [self.manifest(), self.database()]
            .into_iter()
            .chain(self.database_companions())
            .any(|p| p.exists())
    }
}

/// The app's identifier; the desktop shell uses the same one, so both find the same vault.
pub const APP_IDENTIFIER: &str = "app.holdspace.desktop";
/// Overrides the data folder (tests, portable use).
pub const DATA_DIR_ENV: &str = "HOLDSPACE_DATA_DIR";

/// The OS app-data folder, as Tauri's `app_data_dir` resolves it for our identifier.
pub fn default_data_dir() -> Option<PathBuf> {
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(target_os = "windows") {
        env_dir("APPDATA")
    } else if cfg!(target_os = "macos") {
        env_dir("HOME").map(|home| home.join("Library").join("Application Support"))
    } else {
        env_dir("XDG_DATA_HOME").or_else(|| env_dir("HOME").map(|h| h.join(".local").join("share")))
    };
    base.map(|b| b.join(APP_IDENTIFIER))
}
