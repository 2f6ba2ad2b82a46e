//! The command-line surface. It is a contract (scripts depend on it; see the README and
//! DESIGN.md "The CLI contract"): change it only by adding.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "holdspace-cli",
    version,
    about = "Holdspace from the command line: your encrypted vault, scripting, diagnostics and benchmarks."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Accepted before or after the subcommand, ignored where unused.
#[derive(Debug, Args)]
pub struct Global {
    /// The vault's folder (default: the OS app-data folder, or $HOLDSPACE_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// A file whose first line is the vault passphrase, used whenever the keyring does not
    /// hold the key.
    #[arg(long, global = true, value_name = "PATH")]
    pub passphrase_file: Option<PathBuf>,
    /// Print exactly one JSON document on stdout; errors go to stderr as JSON.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new vault and print its recovery code once.
    Init {
        /// Do not use the OS keyring; a passphrase is then required.
        #[arg(long)]
        no_keyring: bool,
        /// Read the passphrase from the first line of stdin.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Describe the vault without unlocking it.
    Status,
    /// Unlock the vault: open the database, verify it and read its schema.
    Unlock {
        /// Read the passphrase from the first line of stdin.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Change the passphrase (the new one is the first line of stdin).
    Passphrase {
        #[command(subcommand)]
        action: PassphraseAction,
    },
    /// Add or remove the keyring or passphrase protector.
    #[command(alias = "protectors")]
    Protector {
        #[command(subcommand)]
        action: ProtectorAction,
    },
    /// Unlock with the recovery code (first line of stdin), then set a new passphrase (second
    /// line) or, with --keyring, a new keyring protector.
    Recover {
        /// Protect the vault with the OS keyring instead of a new passphrase.
        #[arg(long)]
        keyring: bool,
        /// Accepted for symmetry with init and unlock: the new passphrase is stdin's second line.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Manage the recovery code.
    Recovery {
        #[command(subcommand)]
        action: RecoveryAction,
    },
    /// Check the vault's integrity without changing anything; exits 2 if a check fails.
    Doctor,
    /// Measure the encrypted store against plain SQLite in the same run.
    Bench {
        /// Small sizes: checks that the harness runs, not the numbers.
        #[arg(long)]
        quick: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PassphraseAction {
    /// Re-seal the key under a new passphrase read from stdin's first line (instant: no rekey).
    Change,
}

#[derive(Debug, Subcommand)]
pub enum ProtectorAction {
    /// Add a protector (a new passphrase is read from stdin's first line).
    Add { kind: ProtectorArg },
    /// Remove a protector; the keyring or a passphrase must remain.
    Remove { kind: ProtectorArg },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ProtectorArg {
    Keyring,
    Passphrase,
}

#[derive(Debug, Subcommand)]
pub enum RecoveryAction {
    /// Replace the recovery code and print the new one once; the old one stops working.
    Regenerate,
}
