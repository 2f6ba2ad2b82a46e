//! Wall-clock times in a named zone, and their resolution to instants.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::{Error, Result};

/// How local times cross the CLI and IPC: `YYYY-MM-DDTHH:MM`.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

pub fn parse_zone(field: &str, name: &str) -> Result<Tz> {
    name.parse::<Tz>().map_err(|_| {
        Error::invalid(format!(
            "{field}: not a known IANA time zone (like Europe/Berlin)"
        ))
    })
}

/// Years a meeting or a record can carry; far beyond them date arithmetic would overflow.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

pub fn parse_local(field: &str, text: &str) -> Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, LOCAL_FORMAT)
        .ok()
        .filter(|t| YEARS.contains(&t.date().year()))
        .ok_or_else(|| {
            Error::invalid(format!(
                "{field}: expected a local time as YYYY-MM-DDTHH:MM between 1900 and 2200"
            ))
        })
}

/// An instant as RFC 3339 (as the IPC and CLI carry them, and the vault stores them), or
/// `None` when the text is not one or falls outside the years we handle.
pub fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
        .filter(|t| YEARS.contains(&t.year()))
}

/// An instant as RFC 3339, or `invalid_input` naming `field`.
pub fn parse_instant(field: &str, text: &str) -> Result<DateTime<Utc>> {
    instant(text).ok_or_else(|| {
        Error::invalid(format!(
            "{field}: expected an RFC 3339 instant like 2026-01-06T18:00:00Z"
        ))
    })
}

pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
        .ok_or_else(|| {
            Error::invalid(format!(
                "{field}: expected a date as YYYY-MM-DD between 1900 and 2200"
            ))
        })
}

/// The instant a wall-clock time in `zone` stands for, by the rules of RFC 5545 3.3.5.
pub fn resolve(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant.with_timezone(&Utc),
        // Fall-back overlap: the earlier of the two instants.
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        // Spring-forward gap: read the wall time with the offset in force before the gap.
        // Gaps last at most a few hours, so a day earlier is safely before it.
        LocalResult::None => {
            let before = local - Duration::days(1);
            let offset = match zone.from_local_datetime(&before) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.offset().fix(),
                LocalResult::None => zone.offset_from_utc_datetime(&before).fix(),
            };
            (local - Duration::seconds(i64::from(offset.local_minus_utc()))).and_utc()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(text: &str) -> NaiveDateTime {
        parse_local("t", text).unwrap()
    }

    #[test]
    fn a_time_in_the_spring_forward_gap_uses_the_offset_before_it() {
        // New York springs forward at 02:00 on 2026-03-08: 02:30 does not exist.
        let instant = resolve(local("2026-03-08T02:30"), chrono_tz::America::New_York);
        assert_eq!(
            instant.to_rfc3339(),
            "2026-03-08T07:30:00+00:00",
            "02:30 read as EST (-05:00)"
        );
    }

    #[test]
    fn a_time_in_the_fall_back_overlap_takes_the_earlier_instant() {
        // Berlin falls back at 03:00 CEST on 2026-10-25: 02:30 happens twice.
        let instant = resolve(local("2026-10-25T02:30"), chrono_tz::Europe::Berlin);
        assert_eq!(
            instant.to_rfc3339(),
            "2026-10-25T00:30:00+00:00",
            "the first 02:30, still CEST (+02:00)"
        );
    }
}
