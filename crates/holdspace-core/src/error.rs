//! One error type for the core. Every variant maps to a stable [`ErrorCode`] the hosts branch on,
//! and every message is written for a person. Messages are built only from our own words and
//! numbers: no user content (journal text, names, passphrases) may ever appear in one, because
//! errors travel to logs, to stderr and across the IPC boundary.

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What a host can act on. Kept in step with DESIGN.md's IPC contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Locked,
    NotFound,
    InvalidInput,
    WrongPassphrase,
    KeyringUnavailable,
    VaultDamaged,
    NewerVersion,
    Conflict,
    Io,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Locked => "locked",
            Self::NotFound => "not_found",
            Self::InvalidInput => "invalid_input",
            Self::WrongPassphrase => "wrong_passphrase",
            Self::KeyringUnavailable => "keyring_unavailable",
            Self::VaultDamaged => "vault_damaged",
            Self::NewerVersion => "newer_version",
            Self::Conflict => "conflict",
            Self::Io => "io",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An operation that needs the data key was asked for while the vault is locked.
    #[error("The vault is locked. Unlock it first.")]
    Locked,
    /// `what` is a fixed noun of ours ("vault", "keyring entry"), never a user's value.
    #[error("No {what} was found.")]
    NotFound { what: &'static str },
    /// The message names the field and the rule, never the rejected value.
    #[error("{0}")]
    InvalidInput(String),
    /// The passphrase or recovery code did not unwrap the data key. Nothing was changed.
    #[error("That passphrase or recovery code does not unlock this vault.")]
    WrongPassphrase,
    /// The backup passphrase did not open the backup. Nothing was changed.
    #[error("That passphrase does not open this backup. Nothing was changed.")]
    WrongBackupPassphrase,
    /// The OS keyring could not give or take the key. Never followed by a silent fallback.
    #[error("The system keyring is not available: {reason}.")]
    KeyringUnavailable { reason: String },
    /// The files exist but cannot be trusted: failed authentication, truncation, not ours.
    /// Nothing is ever created over such a file.
    #[error("The vault is damaged or unreadable: {0}. Nothing was changed; run `holdspace-cli doctor` and restore from a backup or recover with your recovery code.")]
    VaultDamaged(String),
    /// Written by a newer Holdspace; we refuse to touch it.
    #[error("This vault was written by a newer version of Holdspace ({what} {found}; this version understands up to {supported}). It was not changed: update Holdspace to open it.")]
    NewerVersion {
        what: &'static str,
        found: i64,
        supported: i64,
    },
    #[error("{0}")]
    Conflict(String),
    /// An operating-system failure; `action` says what we were doing in our words.
    #[error("Could not {action}: {source}")]
    Io {
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// A storage failure that is not damage (disk full, busy, an internal bug).
    #[error("The vault could not complete the operation ({0}).")]
    Storage(String),
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Locked => ErrorCode::Locked,
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::InvalidInput(_) => ErrorCode::InvalidInput,
            Self::WrongPassphrase | Self::WrongBackupPassphrase => ErrorCode::WrongPassphrase,
            Self::KeyringUnavailable { .. } => ErrorCode::KeyringUnavailable,
            Self::VaultDamaged(_) => ErrorCode::VaultDamaged,
            Self::NewerVersion { .. } => ErrorCode::NewerVersion,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::Io { .. } | Self::Storage(_) => ErrorCode::Io,
        }
    }

    pub fn io(action: &'static str) -> impl FnOnce(std::io::Error) -> Self {
        move |source| Self::Io { action, source }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::InvalidInput(message.into())
    }
}

impl From<rusqlite::Error> for Error {
    /// Only SQLite's result code description is kept: extended messages can quote SQL, and SQL
    /// must never carry user values into an error (we always bind parameters, but be sure).
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Sqlite;
        match &error {
            rusqlite::Error::SqliteFailure(failure, _) => match failure.code {
                Sqlite::NotADatabase | Sqlite::DatabaseCorrupt => Self::VaultDamaged(
                    "the database failed its integrity or authentication check".into(),
                ),
                Sqlite::DiskFull => Self::Storage("the disk is full".into()),
                Sqlite::DatabaseBusy | Sqlite::DatabaseLocked => Self::Conflict(
                    "the vault is busy in another Holdspace window or command; try again".into(),
                ),
                Sqlite::ReadOnly | Sqlite::CannotOpen | Sqlite::SystemIoFailure => {
                    Self::Storage(format!("the database file could not be used: {failure}"))
                }
                _ => Self::Storage(failure.to_string()),
            },
            rusqlite::Error::QueryReturnedNoRows => Self::NotFound { what: "record" },
            _ => Self::Storage("an unexpected storage error".into()),
        }
    }
}

impl From<r2d2::Error> for Error {
    fn from(_: r2d2::Error) -> Self {
        Self::Conflict("the vault is busy: no database connection was free in time".into())
    }
}
