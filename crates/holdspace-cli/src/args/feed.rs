//! The `feed` noun: Meeting Guide feeds (the code4recovery JSON spec) from a file.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum FeedAction {
    /// Read a Meeting Guide JSON feed; prints one row per meeting found, in file order, and
    /// follows them (each becomes a group with a weekly schedule per day) unless --dry-run.
    Import {
        file: PathBuf,
        /// Show what the feed holds and save nothing.
        #[arg(long)]
        dry_run: bool,
        /// Follow only the meeting with this slug. Repeat for more; all when absent.
        #[arg(long = "slug", value_name = "SLUG")]
        slugs: Vec<String>,
        /// The IANA zone of meetings whose feed names none (default: your zone, $TZ when set).
        #[arg(long, value_name = "ZONE")]
        time_zone: Option<String>,
    },
}
