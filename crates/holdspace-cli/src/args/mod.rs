//! The command-line surface. It is a contract (scripts depend on it; see the README and
//! DESIGN.md "The CLI contract"): change it only by adding.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod backup;
mod calendar;
mod contact;
mod export;
mod feed;
mod journal;
mod reminder;
pub use backup::BackupAction;
pub use calendar::CalendarAction;
pub use contact::{ContactAction, ContactFields, ExportFormat, RelationArg, ShareAction};
pub use export::{ExportAction, JournalFormatArg};
pub use feed::FeedAction;
pub use journal::{EntryKindArg, JournalAction};
pub use reminder::{ReminderAction, WeekdayArg};

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
    /// Re-encrypt the vault under a new data key (the passphrase, if the vault has one, from
    /// --passphrase-file); prints the new recovery code once.
    RotateKey,
    /// Check the vault's integrity without changing anything; exits 2 if a check fails.
    Doctor,
    /// The groups you belong to.
    #[command(alias = "groups")]
    Group {
        #[command(subcommand)]
        action: GroupAction,
    },
    /// When your groups meet.
    #[command(alias = "meetings")]
    Meeting {
        #[command(subcommand)]
        action: MeetingAction,
    },
    /// Record your attendance of one occurrence.
    Attend(AttendArgs),
    /// Your participation over a period: rate, streaks, roles.
    Insights {
        #[arg(long)]
        group: Option<i64>,
        /// YYYY-MM-DD (inclusive); default: your first membership date.
        #[arg(long)]
        from: Option<String>,
        /// YYYY-MM-DD (inclusive); default: today.
        #[arg(long)]
        to: Option<String>,
    },
    /// Your journal: check-ins, reflections and notes.
    Journal {
        #[command(subcommand)]
        action: JournalAction,
    },
    /// A private milestone: days since a date, reset without losing history.
    Milestone {
        #[command(subcommand)]
        action: MilestoneAction,
    },
    /// Reminders before your meetings, for a daily check-in or a weekly buddy call.
    #[command(alias = "reminders")]
    Reminder {
        #[command(subcommand)]
        action: ReminderAction,
    },
    /// Buddies, mentors and the people you support; vCard import and export.
    #[command(alias = "contacts")]
    Contact {
        #[command(subcommand)]
        action: ContactAction,
    },
    /// The cards you shared, and with whom.
    #[command(alias = "shares")]
    Share {
        #[command(subcommand)]
        action: ShareAction,
    },
    /// Calendar files (.ics): import meetings from them.
    #[command(alias = "calendars")]
    Calendar {
        #[command(subcommand)]
        action: CalendarAction,
    },
    /// Meeting Guide feeds of meetings, from a file.
    #[command(alias = "feeds")]
    Feed {
        #[command(subcommand)]
        action: FeedAction,
    },
    /// Plaintext copies of the journal, attendance or contacts (not encrypted).
    Export {
        #[command(subcommand)]
        action: ExportAction,
    },
    /// An encrypted backup of the whole vault, and restoring one.
    #[command(alias = "backups")]
    Backup {
        #[command(subcommand)]
        action: BackupAction,
    },
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

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum VenueArg {
    CommunityCentre,
    PrivateHome,
    Online,
    Other,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MyRoleArg {
    Newcomer,
    Member,
    Facilitator,
    CoFacilitator,
    Organiser,
}

#[derive(Debug, Subcommand)]
pub enum GroupAction {
    /// Add a group; prints it with its id.
    Add {
        #[arg(long)]
        name: String,
        /// mental-health, addiction-recovery, parenting-caregiver, chronic-illness-disability,
        /// grief-loss, other, or a kind of your own.
        #[arg(long)]
        kind: String,
        #[arg(long, value_enum)]
        venue: Option<VenueArg>,
        /// YYYY-MM-DD; default today.
        #[arg(long)]
        joined: Option<String>,
        #[arg(long, value_enum)]
        role: Option<MyRoleArg>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        link: Option<String>,
    },
    /// List groups (archived ones with --archived).
    List {
        #[arg(long)]
        archived: bool,
    },
    /// Show one group.
    Show { id: i64 },
    /// Change a group; only the options given change.
    Edit {
        id: i64,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_enum)]
        venue: Option<VenueArg>,
        #[arg(long, value_enum)]
        role: Option<MyRoleArg>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        link: Option<String>,
    },
    /// Archive a group: hidden from lists, nothing deleted.
    Archive { id: i64 },
    /// Record a change of membership: paused, left or rejoined, on a date.
    Membership {
        id: i64,
        #[arg(long, value_enum)]
        event: MembershipArg,
        /// YYYY-MM-DD
        #[arg(long)]
        on: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MembershipArg {
    Joined,
    Paused,
    Left,
    Rejoined,
}

#[derive(Debug, Subcommand)]
pub enum MilestoneAction {
    /// Start counting from a date.
    Start {
        #[arg(long)]
        label: String,
        /// YYYY-MM-DD
        #[arg(long)]
        since: String,
    },
    /// End the current run and start again from a date; earlier runs are kept.
    Reset {
        /// YYYY-MM-DD
        #[arg(long)]
        since: String,
    },
    /// Show the days and earlier runs.
    Show,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExceptionArg {
    Skipped,
    Cancelled,
    Moved,
}

#[derive(Debug, Subcommand)]
pub enum MeetingAction {
    /// Add a meeting (one-off, or recurring with --rrule); prints it with its id.
    Add {
        #[arg(long)]
        group: i64,
        /// YYYY-MM-DDTHH:MM, local to --time-zone.
        #[arg(long)]
        start: String,
        /// An IANA zone, like Europe/Berlin.
        #[arg(long)]
        time_zone: String,
        #[arg(long)]
        duration: u32,
        /// An RFC 5545 rule, like FREQ=WEEKLY;BYDAY=TU.
        #[arg(long)]
        rrule: Option<String>,
        #[arg(long)]
        title: Option<String>,
    },
    /// List meetings (of one group with --group).
    List {
        #[arg(long)]
        group: Option<i64>,
    },
    /// Occurrences starting between two dates (days in your local zone, --to inclusive).
    Occurrences {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        group: Option<i64>,
    },
    /// Skip, cancel or move one occurrence.
    Exception {
        #[arg(long)]
        occurrence: String,
        #[arg(long, value_enum)]
        kind: ExceptionArg,
        /// The new start for --kind moved: YYYY-MM-DDTHH:MM in the meeting's zone.
        #[arg(long)]
        to: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AttendanceArg {
    AttendedInPerson,
    AttendedOnline,
    Missed,
    Excused,
    Cancelled,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleHeldArg {
    Facilitator,
    CoFacilitator,
    Timekeeper,
    Greeter,
    Reader,
    SetUp,
    None,
}

#[derive(Debug, Args)]
pub struct AttendArgs {
    #[arg(long)]
    pub occurrence: String,
    #[arg(long, value_enum)]
    pub status: AttendanceArg,
    #[arg(long, value_enum)]
    pub role: Option<RoleHeldArg>,
    #[arg(long)]
    pub shared: bool,
    #[arg(long)]
    pub mood_before: Option<u8>,
    #[arg(long)]
    pub mood_after: Option<u8>,
    #[arg(long)]
    pub note: Option<String>,
}
