//! Snooze and dismiss from the notification itself, where the desktop offers actions (Linux,
//! through the notification server). The choice is applied in the vault when it is unlocked;
//! while locked, a snooze is shown again from memory and recorded at the next unlock, and a
//! dismissal needs nothing (the reminder was already recorded as shown).

use std::sync::{Arc, Mutex};

use holdspace_core::reminders::{self, Delivery, SnoozeFor};
use holdspace_core::time::system_zone;
use holdspace_core::Language;
use tauri::{AppHandle, Manager, Runtime};

use super::schedule::{unlocked_vault, WhileLocked};
use super::timer::Clock;
use crate::state::AppState;

/// The notification's buttons in `language`: (action key, label), worded as the same choices
/// in the window. Labels name no group or content.
pub fn actions(language: Language) -> [(&'static str, &'static str); 4] {
    match language {
        Language::En => [
            ("snooze-10", "Snooze 10 minutes"),
            ("snooze-60", "Snooze 1 hour"),
            ("snooze-tomorrow", "Until tomorrow"),
            ("dismiss", "Dismiss"),
        ],
        Language::De => [
            ("snooze-10", "In 10 Minuten erneut"),
            ("snooze-60", "In 1 Stunde erneut"),
            ("snooze-tomorrow", "Bis morgen"),
            ("dismiss", "Verwerfen"),
        ],
    }
}

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
                let language = crate::language::of_app(app);
                list.snooze(&acted.delivery, choice.until(now.max(due), zone), language);
            }
        }
    }
    state.reminders.changed();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI's words for `language` (the files the window speaks from).
    fn window_words(language: &str) -> serde_json::Map<String, serde_json::Value> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src/i18n")
            .join(format!("{language}.json"));
        let bytes = std::fs::read(&path).unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }

    #[test]
    fn a_notification_offers_the_windows_choices_in_the_windows_words() {
        let keys = [
            "reminders.snooze.ten-minutes",
            "reminders.snooze.one-hour",
            "reminders.snooze.tomorrow",
            "reminders.dismiss",
        ];
        for (language, file) in [(Language::En, "en"), (Language::De, "de")] {
            let words = window_words(file);
            let labels: Vec<&str> = actions(language).iter().map(|(_, label)| *label).collect();
            let window: Vec<&str> = keys
                .iter()
                .map(|key| words[*key].as_str().unwrap_or_default())
                .collect();
            assert_eq!(
                labels, window,
                "in {file}, a choice reads the same on the notification as in the window"
            );
            let choices: Vec<&str> = actions(language).iter().map(|(key, _)| *key).collect();
            assert_eq!(
                choices,
                ["snooze-10", "snooze-60", "snooze-tomorrow", "dismiss"],
                "the keys the choice is applied by do not depend on the language"
            );
        }
    }
}
