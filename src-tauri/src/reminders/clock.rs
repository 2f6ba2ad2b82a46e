//! The shell's clock. Debug builds honour `HOLDSPACE_CLOCK_OFFSET_SECONDS`, so end-to-end tests
//! can bring a reminder due "in 15 minutes" to within seconds; release builds read the system
//! clock and nothing else.

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
}
