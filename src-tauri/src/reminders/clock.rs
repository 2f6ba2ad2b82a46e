//! The shell's clock. Debug builds honour `HOLDSPACE_CLOCK_OFFSET_SECONDS`, so end-to-end tests
//! can bring a reminder due "in 15 minutes" to within seconds; release builds read the system
//! clock and nothing else.
//!
//! Sleeping is by the wall clock where the OS allows it (Linux: a timerfd on CLOCK_REALTIME
//! that also wakes when the clock is set). A monotonic sleep stops while the machine is
//! suspended, so a reminder due during a suspend would come as late as the suspend was long.

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Duration, Utc};

use super::timer::Clock;

pub const CLOCK_OFFSET_ENV: &str = "HOLDSPACE_CLOCK_OFFSET_SECONDS";

#[derive(Debug, Clone, Copy, Default)]
pub struct AppClock {
    offset: Duration,
}

impl AppClock {
    pub fn from_env() -> Self {
        Self {
            offset: offset_from_env(),
        }
    }
}

#[cfg(debug_assertions)]
fn offset_from_env() -> Duration {
    std::env::var(CLOCK_OFFSET_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .and_then(Duration::try_seconds)
        .unwrap_or_default()
}

#[cfg(not(debug_assertions))]
fn offset_from_env() -> Duration {
    Duration::zero()
}

impl Clock for AppClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }

    fn sleep_until(&self, at: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send>> {
        Box::pin(wall_clock_sleep(at - self.offset))
    }
}

/// Resolves when the system clock reaches `deadline` (or is set), suspend included.
pub async fn wall_clock_sleep(deadline: DateTime<Utc>) {
    #[cfg(target_os = "linux")]
    if let Some(timer) = linux::armed(deadline) {
        let _ = timer.readable().await;
        return;
    }
    // Elsewhere, or if the timerfd cannot be made: a monotonic sleep, recomputed at each wake.
    let wait = (deadline - Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait).await;
}

#[cfg(target_os = "linux")]
mod linux {
    use chrono::{DateTime, Utc};
    use nix::sys::time::TimeSpec;
    use nix::sys::timerfd::{ClockId, Expiration, TimerFd, TimerFlags, TimerSetTimeFlags};
    use std::os::fd::OwnedFd;
    use tokio::io::unix::AsyncFd;

    /// A one-shot timerfd at `deadline` on CLOCK_REALTIME, cancelled (so readable) when the
    /// clock is set; `None` if the OS refuses one.
    pub fn armed(deadline: DateTime<Utc>) -> Option<AsyncFd<OwnedFd>> {
        let timer = TimerFd::new(
            ClockId::CLOCK_REALTIME,
            TimerFlags::TFD_NONBLOCK | TimerFlags::TFD_CLOEXEC,
        )
        .ok()?;
        let at = TimeSpec::new(
            deadline.timestamp(),
            i64::from(deadline.timestamp_subsec_nanos()),
        );
        timer
            .set(
                Expiration::OneShot(at),
                TimerSetTimeFlags::TFD_TIMER_ABSTIME | TimerSetTimeFlags::TFD_TIMER_CANCEL_ON_SET,
            )
            .ok()?;
        // tokio deprecates the safe constructor because a generic `T` might report another fd
        // later; an `OwnedFd` owned by the `AsyncFd` always reports the one it closes on drop.
        #[allow(deprecated)]
        let registered = AsyncFd::new(OwnedFd::from(timer));
        registered.ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread")]
    async fn a_wall_clock_sleep_never_ends_before_its_deadline() {
        let start = std::time::Instant::now();
        wall_clock_sleep(Utc::now() + Duration::milliseconds(300)).await;
        // Only the lower bound is asserted: how late a timer fires is the OS's business, and
        // the end-to-end test reports lateness as a figure.
        assert!(
            start.elapsed() >= std::time::Duration::from_millis(290),
            "not woken early"
        );
        let past = std::time::Instant::now();
        wall_clock_sleep(Utc::now() - Duration::seconds(5)).await;
        assert!(
            past.elapsed() < std::time::Duration::from_secs(5),
            "a deadline already passed (after a suspend) wakes at once"
        );
    }
}
