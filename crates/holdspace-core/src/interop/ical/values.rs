//! Property values an event's times depend on, as calendars write them: DURATION, and an
//! RRULE's UNTIL in local or date form.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

use crate::time::resolve;

/// `P1W`, `PT1H30M`, `P1DT2H`, `-PT15M` (the sign is ignored for an event's length).
pub(crate) fn duration(text: &str) -> Option<Duration> {
    let text = text.trim().trim_start_matches(['+', '-']);
    let rest = text.strip_prefix('P')?;
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut in_time = false;
    for c in rest.chars() {
        match c {
            'T' => in_time = true,
            '0'..='9' if number.len() < 9 => number.push(c),
            // A number this long is no meeting's length (and would overflow): not a duration.
            '0'..='9' => return None,
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                let part = match (unit, in_time) {
                    ('W', false) => Duration::try_weeks(n),
                    ('D', false) => Duration::try_days(n),
                    ('H', true) => Duration::try_hours(n),
                    ('M', true) => Duration::try_minutes(n),
                    ('S', true) => Duration::try_seconds(n),
                    _ => None,
                }?;
                total = total.checked_add(&part)?;
            }
        }
    }
    number.is_empty().then_some(total)
}

/// An RRULE whose UNTIL is written as a local time or a date, rewritten with UNTIL in UTC (as
/// RFC 5545 requires when DTSTART has a zone, and as the recurrence engine reads it): a local
/// time is resolved in the event's zone, a date means the end of that day there.
pub(crate) fn until_in_utc(rule: &str, zone: Tz) -> String {
    rule.split(';')
        .map(|part| {
            let Some((key, value)) = part.split_once('=') else {
                return part.to_string();
            };
            if !key.trim().eq_ignore_ascii_case("UNTIL") || value.ends_with(['Z', 'z']) {
                return part.to_string();
            }
            let local = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S")
                .ok()
                .or_else(|| {
                    NaiveDate::parse_from_str(value, "%Y%m%d")
                        .ok()
                        .and_then(|d| d.and_hms_opt(23, 59, 59))
                });
            match local {
                Some(local) => format!("UNTIL={}", resolve(local, zone).format("%Y%m%dT%H%M%SZ")),
                None => part.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}
