//! Before-meeting reminders for two groups, at the times the app proposes when a person turns
//! a group's reminders on (an hour and a quarter of an hour before).

use chrono::{DateTime, Utc};

use super::groups::{find, Circle, Planted};
use crate::reminders::{self, RuleInput, RuleKind};
use crate::vault::Vault;
use crate::Result;

/// Kept in step with the group page's proposal (GroupReminders.svelte).
const PROPOSED_MINUTES: [u32; 2] = [60, 15];

/// Adds the rules; returns how many. They start at `now`, as a person's would.
pub(super) fn add_rules(vault: &Vault, planted: &[Planted], now: DateTime<Utc>) -> Result<usize> {
    let mut added = 0;
    for circle in [Circle::Recovery, Circle::ChronicIllness] {
        let group_id = find(planted, circle)?.group.id;
        for minutes in PROPOSED_MINUTES {
            reminders::add_rule(
                vault,
                &RuleInput {
                    kind: Some(RuleKind::BeforeMeeting),
                    group_id: Some(group_id),
                    minutes_before: Some(minutes),
                    ..RuleInput::default()
                },
                now,
            )?;
            added += 1;
        }
    }
    Ok(added)
}
