//! The user's time zone as an IANA name, which daily reminders and local times follow.

use chrono_tz::Tz;

/// `TZ` when it names an IANA zone (how tests and scripts choose one), else the system's zone,
/// else UTC. Never fails: a machine without zone data still gets reminders, in UTC.
pub fn system_zone() -> Tz {
    std::env::var("TZ")
        .ok()
        .map(|tz| tz.trim_start_matches(':').to_string())
        .and_then(|name| name.parse::<Tz>().ok())
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|name| name.parse::<Tz>().ok())
        })
        .unwrap_or(Tz::UTC)
}
