//! The reminder timer: one task that sleeps until the next reminder is due or until something
//! changes (a rule, a meeting, an unlock), whichever comes first, then shows what is due and
//! sleeps again. It never polls: with nothing due it waits on the change signal alone.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use holdspace_core::reminders::Delivery;
use tokio::sync::Notify;

/// Where due reminders come from: the vault when unlocked, the list kept in memory when not.
pub trait Schedule: Send + Sync + 'static {
    /// Settles what is due by `now` (recording it) and returns what to show.
    fn take_due(&self, now: DateTime<Utc>) -> Vec<Delivery>;
    /// When the next reminder after `now` is due, if any.
    fn next_wake(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>>;
}

pub trait Show: Send + Sync + 'static {
    fn show(&self, delivery: &Delivery);
}

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
    /// Resolves when this clock reaches `at`, or earlier if the system clock is set; time
    /// asleep counts, so a laptop that wakes after the due time is served at once.
    fn sleep_until(&self, at: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send>>;
}

/// The handle the rest of the shell keeps: wake the timer after a change; count its turns.
#[derive(Debug, Default, Clone)]
pub struct Timer {
    changed: Arc<Notify>,
    turns: Arc<AtomicU64>,
}

impl Timer {
    /// Something the schedule depends on changed: recompute now. A change while the timer is
    /// busy is kept and served as soon as it waits again, so none is lost.
    pub fn changed(&self) {
        self.changed.notify_one();
    }

    /// How many times the loop has run (each is one wake-up).
    pub fn turns(&self) -> u64 {
        self.turns.load(Ordering::Relaxed)
    }

    /// The loop; the caller spawns it on the async runtime.
    pub async fn run(self, schedule: impl Schedule, show: impl Show, clock: impl Clock) {
        loop {
            self.turns.fetch_add(1, Ordering::Relaxed);
            // One instant per turn: what is settled up to it and what is due after it meet
            // exactly, so no reminder falls between them while notifications are being shown.
            let now = clock.now();
            let due = schedule.take_due(now);
            let next = schedule.next_wake(now);
            for delivery in &due {
                show.show(delivery);
            }
            match next {
                Some(at) => {
                    tokio::select! {
                        () = clock.sleep_until(at) => {}
                        () = self.changed.notified() => {}
                    }
                }
                None => self.changed.notified().await,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::time::Duration;

    use chrono::Duration as Span;
    use holdspace_core::reminders::{DueReminder, Notice, RuleKind, Wording};

    use super::*;

    /// A schedule of fixed due times against a clock that follows tokio's paused time.
    struct Fixed {
        due: Mutex<Vec<DateTime<Utc>>>,
    }

    fn delivery(at: DateTime<Utc>) -> Delivery {
        Delivery {
            reminder: DueReminder {
                rule_id: 1,
                kind: RuleKind::DailyCheckIn,
                due_utc: at.to_rfc3339(),
                due_local: at.to_rfc3339(),
                deliver_utc: at.to_rfc3339(),
                occurrence_id: None,
                start_utc: None,
                group_id: None,
            },
            notice: Notice {
                title: "Holdspace".into(),
                body: "Time for your check-in".into(),
            },
            wording: Wording::default(),
        }
    }

    impl Schedule for Arc<Fixed> {
        fn take_due(&self, now: DateTime<Utc>) -> Vec<Delivery> {
            let mut due = self.due.lock().unwrap();
            let (ready, later): (Vec<_>, Vec<_>) = due.iter().partition(|t| **t <= now);
            *due = later;
            ready.into_iter().map(delivery).collect()
        }
        fn next_wake(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
            self.due
                .lock()
                .unwrap()
                .iter()
                .copied()
                .filter(|t| *t > now)
                .min()
        }
    }

    struct Count(Arc<AtomicU64>);
    impl Show for Count {
        fn show(&self, _: &Delivery) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    struct Paused(tokio::time::Instant, DateTime<Utc>);
    impl Clock for Paused {
        fn now(&self) -> DateTime<Utc> {
            self.1 + Span::from_std(self.0.elapsed()).unwrap()
        }
        fn sleep_until(&self, at: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send>> {
            Box::pin(tokio::time::sleep(
                (at - self.now()).to_std().unwrap_or_default(),
            ))
        }
    }

    #[tokio::test(start_paused = true)]
    async fn the_timer_makes_no_wake_up_while_nothing_is_due_and_one_when_something_is() {
        let epoch = DateTime::<Utc>::UNIX_EPOCH;
        let schedule = Arc::new(Fixed {
            due: Mutex::new(Vec::new()),
        });
        let shown = Arc::new(AtomicU64::new(0));
        let timer = Timer::default();
        tokio::spawn(timer.clone().run(
            Arc::clone(&schedule),
            Count(Arc::clone(&shown)),
            Paused(tokio::time::Instant::now(), epoch),
        ));
        tokio::time::sleep(Duration::from_secs(7 * 24 * 3600)).await;
        assert_eq!(
            timer.turns(),
            1,
            "a week with nothing due costs one turn, at start, and no wake-up"
        );

        // A rule is added: due in ten minutes from the clock's now (a week in).
        let due = epoch + Span::days(7) + Span::minutes(10);
        schedule.due.lock().unwrap().push(due);
        timer.changed();
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert_eq!(
            timer.turns(),
            2,
            "the change wakes the timer once, to recompute"
        );
        tokio::time::sleep(Duration::from_secs(10 * 60)).await;
        assert_eq!(
            shown.load(Ordering::Relaxed),
            1,
            "the reminder was shown at its time"
        );
        assert_eq!(timer.turns(), 3, "by one wake-up, at the due time");
        tokio::time::sleep(Duration::from_secs(24 * 3600)).await;
        assert_eq!(
            timer.turns(),
            3,
            "and none after it while nothing else is due"
        );
    }
}
