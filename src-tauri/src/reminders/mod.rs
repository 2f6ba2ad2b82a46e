//! Meeting reminders in the shell: the timer task, the schedule it reads, the clock, and the
//! desktop notification that shows each reminder.

mod actions;
pub mod clock;
mod schedule;
pub mod timer;

use std::sync::{mpsc, Arc, Mutex};

use holdspace_core::reminders::Delivery;
use tauri::{AppHandle, Runtime};

pub use clock::AppClock;
pub use timer::Timer;

/// Shows a reminder as a desktop notification. Its text is the core's discreet notice; the
/// log records that one was shown, never what it said. On Linux the notification carries
/// Snooze and Dismiss buttons; a thread waits for the user's choice and hands it on.
struct Desktop<R: Runtime> {
    app: AppHandle<R>,
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    acted: mpsc::Sender<actions::Acted>,
}

impl<R: Runtime> timer::Show for Desktop<R> {
    #[cfg(target_os = "linux")]
    fn show(&self, delivery: &Delivery) {
        let mut notification = notify_rust::Notification::new();
        notification
            .appname(&delivery.notice.title)
            .summary(&delivery.notice.title)
            .body(&delivery.notice.body);
        for (key, label) in actions::actions(crate::language::of_app(&self.app)) {
            notification.action(key, label);
        }
        match notification.show() {
            Ok(handle) => {
                tracing::info!("a reminder was shown");
                let (acted, delivery) = (self.acted.clone(), delivery.clone());
                std::thread::spawn(move || {
                    handle.wait_for_action(|action| {
                        let action = action.to_string();
                        let _ = acted.send(actions::Acted { delivery, action });
                    });
                });
            }
            Err(_) => tracing::warn!("a reminder could not be shown"),
        }
    }

    #[cfg(not(target_os = "linux"))]
    fn show(&self, delivery: &Delivery) {
        use tauri_plugin_notification::NotificationExt;
        let shown = self
            .app
            .notification()
            .builder()
            .title(&delivery.notice.title)
            .body(&delivery.notice.body)
            .show();
        match shown {
            Ok(()) => tracing::info!("a reminder was shown"),
            Err(_) => tracing::warn!("a reminder could not be shown"),
        }
    }
}

/// Starts the timer task, and the thread that applies choices made on notifications, for the
/// app's lifetime.
pub fn start<R: Runtime>(app: &AppHandle<R>, timer: Timer, clock: AppClock) {
    let locked: Arc<Mutex<schedule::WhileLocked>> = Arc::default();
    let schedule = schedule::VaultSchedule::new(app.clone(), Arc::clone(&locked));
    let (acted, choices) = mpsc::channel::<actions::Acted>();
    let handle = app.clone();
    std::thread::spawn(move || {
        for choice in choices {
            actions::apply(&handle, &locked, &choice);
        }
    });
    let desktop = Desktop {
        app: app.clone(),
        acted,
    };
    tauri::async_runtime::spawn(timer.run(schedule, desktop, clock));
}
