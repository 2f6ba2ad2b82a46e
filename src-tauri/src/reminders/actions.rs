//! Snooze and dismiss from the notification itself, where the desktop offers actions (Linux,
//! through the notification server). The choice is applied in the vault when it is unlocked;
//! while locked, a snooze is shown again from memory and recorded at the next unlock, and a
//! dismissal needs nothing (the reminder was already recorded as shown).

use std::sync::{Arc, Mutex};

use holdspace_core::reminders::{self, Delivery, SnoozeFor};
use holdspace_core::time::system_zone;
use tauri::{AppHandle, Manager, Runtime};

use super::schedule::{unlocked_vault, WhileLocked};
use super::timer::Clock;
use crate::state::AppState;

/// The notification's buttons: (action key, label). Labels name no group or content.
pub const ACTIONS: [(&str, &str); 4] = [
    ("snooze-10", "Snooze 10 minutes"),
    ("snooze-60", "Snooze 1 hour"),
    ("snooze-tomorrow", "Until tomorrow"),
    ("dismiss", "Dismiss"),
];

/// What the user chose on a notification.
#[derive(Debug)]
pub struct Acted {
    pub delivery: Delivery,
    pub action: String,
}

fn snooze_for(action: &str) -> Option<SnoozeFor> {
    match action {
        "snooze-10" => Some(SnoozeFor::TenMinutes),
        "snooze-60" => Some(SnoozeFor::OneHour),
        "snooze-tomorrow" => Some(SnoozeFor::Tomorrow),
        _ => None,
    }
}

pub fn apply<R: Runtime>(app: &AppHandle<R>, locked: &Arc<Mutex<WhileLocked>>, acted: &Acted) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let (rule_id, due_utc) = (
        acted.delivery.reminder.rule_id,
        &acted.delivery.reminder.due_utc,
    );
    let (now, zone) = (state.clock.now(), system_zone());
    if acted.action == "default" {
        // Clicking the notification opens the window (locked if the vault is).
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.show();
            let _ = window.set_focus();
        }
        return;
    }
    let snooze = snooze_for(&acted.action);
    if snooze.is_none() && acted.action != "dismiss" {
        return;
    }
    match unlocked_vault(app) {
        Some(vault) => {
            let done = match snooze {
                Some(choice) => {
                    reminders::snooze(&vault, rule_id, due_utc, choice, now, zone).map(|_| ())
                }
                None => reminders::dismiss(&vault, rule_id, due_utc, now),
            };
            if let Err(error) = done {
                tracing::warn!(
                    code = error.code().as_str(),
                    "a choice made on a notification could not be saved"
                );
            }
        }
        None => {
            if let (Some(choice), Ok(mut list)) = (snooze, locked.lock()) {
                let due = holdspace_core::time::instant(due_utc).unwrap_or(now);
                list.snooze(&acted.delivery, choice.until(now.max(due), zone));
            }
        }
    }
    state.reminders.changed();
}
