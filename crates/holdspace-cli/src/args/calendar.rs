//! The `calendar` noun: iCalendar files in (with a preview) and out.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum CalendarAction {
    /// Read an .ics file; prints one row per event found, and follows them (each becomes a
    /// meeting; an event imported before is updated) unless --dry-run.
    Import {
        file: PathBuf,
        /// Show what the file holds and save nothing.
        #[arg(long)]
        dry_run: bool,
        /// Put the meetings into this group (its id); by default each event gets a new group
        /// named after it, or stays in the group it was imported into before.
        #[arg(long, value_name = "ID")]
        group: Option<i64>,
        /// Follow only the event with this UID. Repeat for more; all when absent.
        #[arg(long = "uid", value_name = "UID")]
        uids: Vec<String>,
        /// The zone for times whose file names none Holdspace knows (default: yours).
        #[arg(long, value_name = "ZONE")]
        time_zone: Option<String>,
    },
    /// Write your meeting schedules as an .ics file any calendar reads. Discreet unless
    /// --detailed: every event is "Meeting", with no group name, place or link.
    Export {
        /// Only this group's meetings (its id); all groups not archived when absent.
        #[arg(long, value_name = "ID")]
        group: Option<i64>,
        /// Name the group and give its place, link and description in each event.
        #[arg(long)]
        detailed: bool,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}
