//! The `export` noun: plaintext copies the user asked for. These files are not encrypted.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum JournalFormatArg {
    /// One Markdown file per entry.
    Md,
    /// One journal.json with every entry.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ExportAction {
    /// The journal (not the trash) as plaintext files in DIR.
    Journal {
        #[arg(long, value_enum)]
        format: JournalFormatArg,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Attendance of every group as CSV.
    Attendance {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Every contact as one vCard 4.0 file.
    Contacts {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}
