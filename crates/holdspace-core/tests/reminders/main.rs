//! Reminders against real vaults with a fake clock: every call is given its `now`, so a day,
//! a sleep or a restart is simulated exactly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../participation/support.rs"]
#[allow(dead_code)]
mod support;

mod catch_up;
mod rules;
mod schedule;

use chrono::{DateTime, Utc};
use holdspace_core::reminders::{self, ReminderRule, RuleInput, RuleKind};
use holdspace_core::vault::Vault;

pub fn before(vault: &Vault, group_id: i64, minutes: u32) -> ReminderRule {
    reminders::add_rule(
        vault,
        &RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(group_id),
            minutes_before: Some(minutes),
            ..RuleInput::default()
        },
        at("2020-01-01T00:00:00Z"),
    )
    .unwrap()
}

pub fn daily(vault: &Vault, time: &str) -> ReminderRule {
    reminders::add_rule(
        vault,
        &RuleInput {
            kind: Some(RuleKind::DailyCheckIn),
            time_of_day: Some(time.into()),
            ..RuleInput::default()
        },
        at("2020-01-01T00:00:00Z"),
    )
    .unwrap()
}

pub fn instants(list: &[reminders::DueReminder]) -> Vec<String> {
    list.iter().map(|d| d.deliver_utc.clone()).collect()
}

pub fn at(text: &str) -> DateTime<Utc> {
    support::utc(text)
}
