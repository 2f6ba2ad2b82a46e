//! Reminders: rules the user adds, quiet hours, snooze, and a schedule that is a pure function
//! of rules, meeting occurrences, the delivery log and a time (see `plan`). Hosts pass the
//! clock and the user's zone in; the shell sleeps until the next due time, then calls
//! [`take_due`], which records each reminder before it may be shown, so none shows twice.

pub mod model;
mod notice;
pub(crate) mod plan;
pub(crate) mod quiet;
mod rules;
mod schedule;
mod settle;
mod store;

use chrono::{DateTime, Duration, NaiveTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub use model::{
    LogEntry, ReminderRule, ReminderSettings, RuleInput, RuleKind, MAX_MINUTES_BEFORE,
};
pub use notice::{GroupDetail, Notice, Wording, NOTICE_TITLE};

pub use rules::{
    add_rule, delete_rule, edit_rule, get_rule, list_rules, set_enabled, set_settings, settings,
};
pub use schedule::{next_due, next_wake, take_due, upcoming_notices};
pub use settle::{dismiss, history, record_settled, record_snooze, snooze};

use crate::time::resolve;
use crate::{Error, Language};
use plan::Planned;

/// How far back a wake-up looks for reminders it has not settled (after sleep or a restart).
pub const CATCH_UP: Duration = Duration::hours(24);
/// A reminder with no meeting (a check-in, a call) is still worth showing this late.
pub const GRACE: Duration = Duration::hours(1);
const MAX_COUNT: u32 = 1_000;

/// A reminder in the schedule, for the app, the CLI and the shell's timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DueReminder {
    pub rule_id: i64,
    pub kind: RuleKind,
    /// The reminder's identity with `rule_id`: when it was due before quiet hours or a snooze.
    pub due_utc: String,
    /// When it is to be shown, in the user's zone with its offset.
    pub due_local: String,
    pub deliver_utc: String,
    pub occurrence_id: Option<String>,
    pub start_utc: Option<String>,
    pub group_id: Option<i64>,
}

/// A reminder whose time has come, with what its notification says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Delivery {
    pub reminder: DueReminder,
    pub notice: Notice,
    pub wording: Wording,
}

impl Delivery {
    /// This reminder shown again at `at` (snoozed while the vault is locked), its text saying
    /// how long until the meeting from then, in `language` (the window's then), as a reminder
    /// first shown then would.
    pub fn again_at(&self, at: DateTime<Utc>, language: Language) -> Self {
        let mut again = self.clone();
        again.reminder.deliver_utc = at.to_rfc3339_opts(SecondsFormat::Secs, true);
        let start = self
            .reminder
            .start_utc
            .as_deref()
            .and_then(crate::time::instant);
        again.notice = notice::notice(
            self.reminder.kind,
            start,
            at,
            self.wording.detail.as_ref(),
            language,
        );
        again.wording.language = language;
        again
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum SnoozeFor {
    TenMinutes,
    OneHour,
    /// Until 09:00 the next day in the user's zone.
    Tomorrow,
}

impl SnoozeFor {
    pub fn until(self, now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
        match self {
            Self::TenMinutes => now + Duration::minutes(10),
            Self::OneHour => now + Duration::hours(1),
            Self::Tomorrow => {
                let tomorrow = now.with_timezone(&zone).date_naive() + Duration::days(1);
                resolve(tomorrow.and_time(NaiveTime::MIN) + Duration::hours(9), zone)
            }
        }
    }
}

fn not_found() -> Error {
    Error::NotFound { what: "reminder" }
}

fn text(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn due_reminder(p: &Planned, zone: Tz) -> DueReminder {
    DueReminder {
        rule_id: p.rule_id,
        kind: p.kind,
        due_utc: text(p.due),
        due_local: p
            .deliver
            .with_timezone(&zone)
            .to_rfc3339_opts(SecondsFormat::Secs, false),
        deliver_utc: text(p.deliver),
        occurrence_id: p.occurrence_id.clone(),
        start_utc: p.start.map(text),
        group_id: p.group_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fifteen_minutes_before(wording: Wording) -> Delivery {
        let shown = "2026-05-05T18:45:00Z";
        let reminder = DueReminder {
            rule_id: 7,
            kind: RuleKind::BeforeMeeting,
            due_utc: shown.into(),
            due_local: "2026-05-05T20:45:00+02:00".into(),
            deliver_utc: shown.into(),
            occurrence_id: Some("1:2026-05-05T19:00:00Z".into()),
            start_utc: Some("2026-05-05T19:00:00Z".into()),
            group_id: Some(1),
        };
        let at = crate::time::instant(shown).unwrap();
        let start = crate::time::instant("2026-05-05T19:00:00Z");
        Delivery {
            notice: notice::notice(
                reminder.kind,
                start,
                at,
                wording.detail.as_ref(),
                wording.language,
            ),
            reminder,
            wording,
        }
    }

    #[test]
    fn a_reminder_shown_again_later_says_how_long_is_left_from_then() {
        let first = fifteen_minutes_before(Wording::default());
        assert_eq!(first.notice.body, "Meeting in 15 minutes");
        let later = crate::time::instant("2026-05-05T18:55:00Z").unwrap();
        let again = first.again_at(later, Language::En);
        assert_eq!(
            again.notice.body, "Meeting in 5 minutes",
            "snoozed ten minutes, the meeting is five minutes away, not fifteen"
        );
        assert_eq!(again.reminder.deliver_utc, "2026-05-05T18:55:00Z");
        assert_eq!(
            again.reminder.due_utc, first.reminder.due_utc,
            "it is the same reminder, recorded under the same due time"
        );
    }

    #[test]
    fn a_reminder_shown_again_speaks_the_language_of_then_and_names_only_what_it_may() {
        let named = Wording {
            detail: Some(GroupDetail {
                name: "Dienstagskreis".into(),
                place: "Bücherei".into(),
            }),
            language: Language::En,
        };
        let later = crate::time::instant("2026-05-05T18:59:00Z").unwrap();
        let first = fifteen_minutes_before(named);
        assert_eq!(
            first.notice.body,
            "Dienstagskreis: meeting in 15 minutes, Bücherei"
        );
        assert_eq!(
            first.again_at(later, Language::De).notice.body,
            "Dienstagskreis: Treffen in 1 Minute, Bücherei",
            "the language was changed to German before it came back"
        );
        let discreet = Wording {
            detail: None,
            language: Language::De,
        };
        assert_eq!(
            fifteen_minutes_before(discreet)
                .again_at(later, Language::De)
                .notice
                .body,
            "Treffen in 1 Minute",
            "a group not opted in stays unnamed when shown again"
        );
    }
}
