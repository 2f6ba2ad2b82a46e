//! VTIMEZONE components for the zones an export uses, written from the zone database: one
//! STANDARD or DAYLIGHT component per transition in the years the calendar needs, so any
//! client (even one without a zone database) shows the same wall times Holdspace does.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::interop::content::write::push_line;

struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: i32,
    daylight: bool,
    name: String,
}

fn offset_at(zone: Tz, at: DateTime<Utc>) -> (i32, bool, String) {
    let offset = zone.offset_from_utc_datetime(&at.naive_utc());
    (
        offset.fix().local_minus_utc(),
        !offset.dst_offset().is_zero(),
        offset.abbreviation().unwrap_or("").to_string(),
    )
}

/// Transitions between the start of `first_year` and the end of `last_year`: a day-by-day
/// scan finds each change, then a search narrows it to the minute.
fn transitions(zone: Tz, first_year: i32, last_year: i32) -> Vec<Transition> {
    let start = NaiveDate::from_ymd_opt(first_year, 1, 1).map(|d| d.and_hms_opt(0, 0, 0));
    let end = NaiveDate::from_ymd_opt(last_year + 1, 1, 1).map(|d| d.and_hms_opt(0, 0, 0));
    let (Some(Some(start)), Some(Some(end))) = (start, end) else {
        return Vec::new();
    };
    let (start, end) = (start.and_utc(), end.and_utc());
    let mut found = Vec::new();
    let mut day = start;
    let mut before = offset_at(zone, day);
    while day < end {
        let next = day + Duration::days(1);
        let after = offset_at(zone, next);
        if after.0 != before.0 || after.1 != before.1 {
            // Whole minutes: zones change on the minute, and DTSTART has no fractions.
            let (mut low, mut high) = (0_i64, 24 * 60);
            while high - low > 1 {
                let middle = (low + high) / 2;
                if offset_at(zone, day + Duration::minutes(middle)) == before {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            let high = day + Duration::minutes(high);
            found.push(Transition {
                at: high,
                from: before.0,
                to: after.0,
                daylight: after.1,
                name: after.2.clone(),
            });
        }
        before = after;
        day = next;
    }
    found
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

/// Appends the VTIMEZONE of `zone` covering `first_year` to `last_year`.
pub(crate) fn write(out: &mut String, zone: Tz, first_year: i32, last_year: i32) {
    push_line(out, "BEGIN:VTIMEZONE");
    push_line(out, &format!("TZID:{}", zone.name()));
    push_line(out, &format!("X-LIC-LOCATION:{}", zone.name()));
    let found = transitions(zone, first_year, last_year);
    if found.is_empty() {
        // No change in these years: one STANDARD component with the zone's steady offset.
        let (offset, _, name) = offset_at(
            zone,
            Utc.with_ymd_and_hms(first_year, 1, 1, 0, 0, 0)
                .single()
                .unwrap_or_else(Utc::now),
        );
        push_line(out, "BEGIN:STANDARD");
        push_line(out, &format!("DTSTART:{first_year:04}0101T000000"));
        push_line(out, &format!("TZOFFSETFROM:{}", offset_text(offset)));
        push_line(out, &format!("TZOFFSETTO:{}", offset_text(offset)));
        if !name.is_empty() {
            push_line(out, &format!("TZNAME:{name}"));
        }
        push_line(out, "END:STANDARD");
    }
    for transition in found {
        let kind = if transition.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        // DTSTART is the local time of the change as clocks read before it.
        let local = transition.at.naive_utc() + Duration::seconds(i64::from(transition.from));
        push_line(out, &format!("BEGIN:{kind}"));
        push_line(
            out,
            &format!(
                "DTSTART:{:04}{:02}{:02}T{}",
                local.year(),
                local.month(),
                local.day(),
                local.format("%H%M%S")
            ),
        );
        push_line(
            out,
            &format!("TZOFFSETFROM:{}", offset_text(transition.from)),
        );
        push_line(out, &format!("TZOFFSETTO:{}", offset_text(transition.to)));
        if !transition.name.is_empty() {
            push_line(out, &format!("TZNAME:{}", transition.name));
        }
        push_line(out, &format!("END:{kind}"));
    }
    push_line(out, "END:VTIMEZONE");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berlin_changes_twice_a_year_at_the_right_local_times() {
        let found = transitions(chrono_tz::Europe::Berlin, 2026, 2026);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].at.to_rfc3339(),
            "2026-03-29T01:00:00+00:00",
            "02:00 CET"
        );
        assert!(found[0].daylight && found[0].from == 3600 && found[0].to == 7200);
        assert_eq!(
            found[1].at.to_rfc3339(),
            "2026-10-25T01:00:00+00:00",
            "03:00 CEST"
        );
        assert!(transitions(chrono_tz::Asia::Tokyo, 2026, 2030).is_empty());
        assert_eq!(offset_text(-16200), "-0430");
    }
}
