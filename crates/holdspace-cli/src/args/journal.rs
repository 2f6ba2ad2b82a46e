//! The `journal` noun: entries, search, the trash, and the streaming writer.

use clap::{Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EntryKindArg {
    CheckIn,
    Reflection,
    Note,
}

#[derive(Debug, Subcommand)]
pub enum JournalAction {
    /// Add an entry whose body is stdin; with --lines, one entry per stdin line, each in its
    /// own durable transaction, its id printed after the commit.
    Add {
        #[arg(long, value_enum)]
        kind: EntryKindArg,
        #[arg(long)]
        mood: Option<u8>,
        #[arg(long)]
        tag: Vec<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        lines: bool,
    },
    /// The newest entries (or the trash with --trash).
    List {
        #[arg(long)]
        trash: bool,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Full-text search; any text is a valid query.
    Search {
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Show one entry.
    Show { id: i64 },
    /// Move an entry to the trash.
    Delete { id: i64 },
    /// Bring an entry back from the trash.
    Restore { id: i64 },
    /// Erase everything in the trash for good.
    EmptyTrash,
}
