//! The `reminder` noun: rules before meetings, daily check-ins, weekly buddy calls, and the
//! schedule.

use clap::{ArgGroup, Subcommand, ValueEnum};

/// Names as the issues list them; the numbers (0 = Sunday) are how JSON carries weekdays.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum WeekdayArg {
    #[value(alias = "0")]
    Sunday,
    #[value(alias = "1")]
    Monday,
    #[value(alias = "2")]
    Tuesday,
    #[value(alias = "3")]
    Wednesday,
    #[value(alias = "4")]
    Thursday,
    #[value(alias = "5")]
    Friday,
    #[value(alias = "6")]
    Saturday,
}

#[derive(Debug, Subcommand)]
pub enum ReminderAction {
    /// Add a reminder (before each meeting of a group, a daily check-in, or a weekly buddy
    /// call); prints the rule with its id.
    #[command(group(
        ArgGroup::new("reminder_kind")
            .required(true)
            .args(["before", "daily_check_in", "weekly_buddy_call"])
    ))]
    Add {
        /// The group whose meetings to remind you of (with --before).
        // clap does not enforce `requires` once the kind group is satisfied by another
        // member, so the other kinds are named as conflicts too.
        #[arg(long, requires = "before", conflicts_with_all = ["daily_check_in", "weekly_buddy_call"])]
        group: Option<i64>,
        /// Minutes before each meeting of --group starts (1 to 10080).
        #[arg(long, value_name = "MINUTES", requires = "group")]
        before: Option<u32>,
        /// Every day at HH:MM in your time zone.
        #[arg(long, value_name = "HH:MM")]
        daily_check_in: Option<String>,
        /// Every week on WEEKDAY (monday, or 1; 0 = sunday), at --at.
        #[arg(long, value_enum, value_name = "WEEKDAY", requires = "at")]
        weekly_buddy_call: Option<WeekdayArg>,
        /// HH:MM in your time zone (with --weekly-buddy-call).
        #[arg(long, value_name = "HH:MM", requires = "weekly_buddy_call", conflicts_with_all = ["before", "daily_check_in"])]
        at: Option<String>,
    },
    /// List your reminder rules.
    List,
    /// The next reminders to be shown, in order, in your time zone ($TZ when set).
    Next {
        /// An RFC 3339 instant, like 2026-01-06T18:00:00Z; default now.
        #[arg(long, value_name = "RFC3339")]
        from: Option<String>,
        /// How many (1 to 1000).
        #[arg(long, default_value_t = 1)]
        count: u32,
    },
    /// Stop a rule's reminders without deleting it.
    Pause { id: i64 },
    /// Let a paused rule's reminders come again.
    Resume { id: i64 },
    /// Delete a rule, with the record of its reminders.
    Delete { id: i64 },
}
