//! The schedule as the shell sees it: the vault's when it is unlocked; while it is locked, the
//! list of due times and discreet texts computed at the last unlock (DESIGN.md, Lock). What is
//! shown or missed while locked is recorded in the vault at the next unlock, so nothing shown
//! then is shown again.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use holdspace_core::reminders::{self, Delivery, GRACE};
use holdspace_core::time::{instant, system_zone};
use holdspace_core::vault::Vault;
use holdspace_core::{Error, Language};
use tauri::{AppHandle, Manager, Runtime};

use super::timer::Schedule;
use crate::state::AppState;

/// How far ahead the list kept for a locked vault reaches, and how many it holds at least.
const LOCKED_HORIZON: Duration = Duration::days(7);
const LOCKED_AT_LEAST: u32 = 50;

#[derive(Debug, Default)]
pub struct WhileLocked {
    /// What is due, soonest first, as computed at the last unlock.
    upcoming: Vec<Delivery>,
    /// (rule, due, shown) settled while locked, to record at the next unlock.
    settled: Vec<(i64, String, bool)>,
    /// (rule, due, until) snoozed from a notification while locked, to record at the next unlock.
    snoozes: Vec<(i64, String, DateTime<Utc>)>,
}

impl WhileLocked {
    /// A reminder snoozed from its notification while the vault is locked: shown again from
    /// memory at `until`, worded for then in `language`, and recorded as snoozed at the next
    /// unlock.
    pub fn snooze(&mut self, delivery: &Delivery, until: DateTime<Utc>, language: Language) {
        let r = &delivery.reminder;
        self.snoozes.push((r.rule_id, r.due_utc.clone(), until));
        let again = delivery.again_at(until, language);
        let at = self
            .upcoming
            .partition_point(|d| d.reminder.deliver_utc <= again.reminder.deliver_utc);
        self.upcoming.insert(at, again);
    }
}

/// The vault if it is unlocked.
pub fn unlocked_vault<R: Runtime>(app: &AppHandle<R>) -> Option<Arc<Vault>> {
    let state = app.try_state::<AppState>()?;
    let vault = state.session.vault().ok()?;
    vault.status().ok().filter(|s| s.unlocked).map(|_| vault)
}

pub struct VaultSchedule<R: Runtime> {
    app: AppHandle<R>,
    locked: Arc<Mutex<WhileLocked>>,
}

impl<R: Runtime> VaultSchedule<R> {
    pub fn new(app: AppHandle<R>, locked: Arc<Mutex<WhileLocked>>) -> Self {
        Self { app, locked }
    }

    fn unlocked(&self) -> Option<Arc<Vault>> {
        unlocked_vault(&self.app)
    }

    fn due_in_vault(&self, vault: &Vault, now: DateTime<Utc>) -> Result<Vec<Delivery>, Error> {
        let zone = system_zone();
        let mut locked = self
            .locked
            .lock()
            .map_err(|_| Error::Storage("reminder list".into()))?;
        // Recorded before take_due, so what was shown while locked is not shown again; one
        // that cannot be recorded now is kept for the next turn rather than forgotten.
        locked.settled.retain(|(rule_id, due, shown)| {
            reminders::record_settled(vault, *rule_id, due, *shown, now).is_err()
        });
        locked.snoozes.retain(|(rule_id, due, until)| {
            reminders::record_snooze(vault, *rule_id, due, *until, now).is_err()
        });
        if !locked.settled.is_empty() || !locked.snoozes.is_empty() {
            tracing::warn!("reminders settled while locked could not all be recorded yet");
        }
        let language = crate::language::of_app(&self.app);
        let shown = reminders::take_due(vault, now, zone, language)?;
        // Already recorded as delivered: they are shown even if the list cannot be refreshed.
        let upcoming = reminders::upcoming_notices(
            vault,
            now,
            zone,
            LOCKED_HORIZON,
            LOCKED_AT_LEAST,
            language,
        );
        match upcoming {
            Ok(upcoming) => locked.upcoming = upcoming,
            Err(error) => tracing::warn!(
                code = error.code().as_str(),
                "the list for a locked vault could not be refreshed"
            ),
        }
        Ok(shown)
    }

    fn due_in_memory(&self, now: DateTime<Utc>) -> Vec<Delivery> {
        let Ok(mut locked) = self.locked.lock() else {
            return Vec::new();
        };
        let (due, later): (Vec<Delivery>, Vec<Delivery>) = locked
            .upcoming
            .drain(..)
            .partition(|d| instant(&d.reminder.deliver_utc).is_some_and(|t| t <= now));
        locked.upcoming = later;
        let mut shown = Vec::new();
        for delivery in due {
            let deliver = instant(&delivery.reminder.deliver_utc).unwrap_or(now);
            let late = match delivery.reminder.start_utc.as_deref().and_then(instant) {
                Some(start) => start <= now,
                None => now - deliver > GRACE,
            };
            let r = &delivery.reminder;
            locked.settled.push((r.rule_id, r.due_utc.clone(), !late));
            if !late {
                shown.push(delivery);
            }
        }
        shown
    }
}

impl<R: Runtime> Schedule for VaultSchedule<R> {
    fn take_due(&self, now: DateTime<Utc>) -> Vec<Delivery> {
        match self.unlocked() {
            Some(vault) => self.due_in_vault(&vault, now).unwrap_or_else(|error| {
                tracing::warn!(code = error.code().as_str(), "reminders could not be read");
                Vec::new()
            }),
            None => self.due_in_memory(now),
        }
    }

    fn next_wake(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self.unlocked() {
            Some(vault) => {
                reminders::next_wake(&vault, now, system_zone()).unwrap_or_else(|error| {
                    tracing::warn!(
                        code = error.code().as_str(),
                        "the next reminder could not be computed"
                    );
                    None
                })
            }
            None => self.locked.lock().ok().and_then(|l| {
                l.upcoming
                    .iter()
                    .filter_map(|d| instant(&d.reminder.deliver_utc))
                    .find(|t| *t > now)
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use holdspace_core::reminders::{DueReminder, Notice, RuleKind, Wording};

    use super::*;

    fn before_meeting(deliver: &str) -> Delivery {
        Delivery {
            reminder: DueReminder {
                rule_id: 3,
                kind: RuleKind::BeforeMeeting,
                due_utc: deliver.into(),
                due_local: deliver.into(),
                deliver_utc: deliver.into(),
                occurrence_id: None,
                start_utc: Some("2026-05-05T19:00:00Z".into()),
                group_id: Some(1),
            },
            notice: Notice {
                title: "Holdspace".into(),
                body: "Meeting in 15 minutes".into(),
            },
            wording: Wording::default(),
        }
    }

    #[test]
    fn a_reminder_snoozed_while_locked_comes_back_in_order_saying_how_long_is_left() {
        let mut locked = WhileLocked {
            upcoming: vec![before_meeting("2026-05-05T18:50:00Z")],
            ..WhileLocked::default()
        };
        let until = instant("2026-05-05T18:55:00Z").unwrap();
        locked.snooze(
            &before_meeting("2026-05-05T18:45:00Z"),
            until,
            holdspace_core::Language::En,
        );
        let order: Vec<&str> = locked
            .upcoming
            .iter()
            .map(|d| d.reminder.deliver_utc.as_str())
            .collect();
        assert_eq!(
            order,
            ["2026-05-05T18:50:00Z", "2026-05-05T18:55:00Z"],
            "the list stays in the order it is shown from"
        );
        assert_eq!(
            locked.upcoming[1].notice.body, "Meeting in 5 minutes",
            "shown at 18:55, the 19:00 meeting is five minutes away"
        );
        assert_eq!(
            locked.snoozes,
            [(3, "2026-05-05T18:45:00Z".to_string(), until)],
            "and the snooze is kept to record at the next unlock"
        );
    }
}
