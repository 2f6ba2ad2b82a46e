//! The `backup` noun: an encrypted copy of the whole vault, and bringing one back.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum BackupAction {
    /// Write an encrypted backup of the whole vault to FILE. The backup's own passphrase is the
    /// first line of stdin (at least 8 characters; keep it apart from the vault's).
    Create {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Restore a backup into --data-dir. The backup passphrase is the first line of stdin. The
    /// restored vault opens with the passphrase and recovery code it had.
    Restore {
        file: PathBuf,
        /// Restore over the vault already in --data-dir; its files are kept in a
        /// `replaced-<time>` folder there, never deleted.
        #[arg(long)]
        replace: bool,
    },
}
