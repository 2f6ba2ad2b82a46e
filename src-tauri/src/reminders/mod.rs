//! Meeting reminders in the shell: the timer task, the schedule it reads, the clock, and the
//! desktop notification that shows each reminder.

pub mod clock;
mod schedule;
pub mod timer;

use holdspace_core::reminders::Delivery;
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

pub use clock::AppClock;
pub use timer::Timer;

/// Shows a reminder as a desktop notification. Its text is the core's discreet notice; the
/// log records that one was shown, never what it said.
struct Desktop<R: Runtime>(AppHandle<R>);

impl<R: Runtime> timer::Show for Desktop<R> {
    fn show(&self, delivery: &Delivery) {
        let shown = self
            .0
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

/// Starts the timer task for the app's lifetime.
pub fn start<R: Runtime>(app: &AppHandle<R>, timer: Timer, clock: AppClock) {
    let schedule = schedule::VaultSchedule::new(app.clone());
    let desktop = Desktop(app.clone());
    tauri::async_runtime::spawn(timer.run(schedule, desktop, clock));
}
