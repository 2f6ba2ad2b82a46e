//! Recurrence across DST in several zones, gaps, overlaps, and zones viewed from elsewhere.

use chrono::{DateTime, Local, Utc};
use holdspace_core::meetings;

use crate::support::*;

fn occurrences(zone: &str, start: &str, rule: &str, from: &str, to: &str) -> Vec<String> {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    meeting(&vault, group_id, start, zone, Some(rule));
    starts(&meetings::occurrences(&vault, utc(from), utc(to), None).unwrap())
}

#[test]
fn a_weekly_new_york_meeting_stays_at_19_00_local_across_both_dst_changes() {
    // DST starts 2026-03-08 and ends 2026-11-01 in New York.
    let spring = occurrences(
        "America/New_York",
        "2026-03-03T19:00",
        "FREQ=WEEKLY",
        "2026-03-01T00:00:00Z",
        "2026-03-12T00:00:00Z",
    );
    assert_eq!(
        spring,
        ["2026-03-04T00:00:00Z", "2026-03-10T23:00:00Z"],
        "19:00 EST is 00:00Z, 19:00 EDT is 23:00Z"
    );
    let autumn = occurrences(
        "America/New_York",
        "2026-10-27T19:00",
        "FREQ=WEEKLY",
        "2026-10-27T00:00:00Z",
        "2026-11-05T00:00:00Z",
    );
    assert_eq!(
        autumn,
        ["2026-10-27T23:00:00Z", "2026-11-04T00:00:00Z"],
        "and back to 00:00Z after 1 November"
    );
}

#[test]
fn a_weekly_berlin_meeting_stays_at_its_local_time_across_both_dst_changes() {
    // Berlin: summer time from 2026-03-29, back on 2026-10-25.
    let spring = occurrences(
        "Europe/Berlin",
        "2026-03-24T18:30",
        "FREQ=WEEKLY",
        "2026-03-20T00:00:00Z",
        "2026-04-01T00:00:00Z",
    );
    assert_eq!(
        spring,
        ["2026-03-24T17:30:00Z", "2026-03-31T16:30:00Z"],
        "18:30 CET, then 18:30 CEST"
    );
    let autumn = occurrences(
        "Europe/Berlin",
        "2026-10-20T18:30",
        "FREQ=WEEKLY",
        "2026-10-19T00:00:00Z",
        "2026-10-28T00:00:00Z",
    );
    assert_eq!(
        autumn,
        ["2026-10-20T16:30:00Z", "2026-10-27T17:30:00Z"],
        "18:30 CEST, then 18:30 CET"
    );
}

#[test]
fn a_zone_without_dst_keeps_one_offset_all_year() {
    let tokyo = occurrences(
        "Asia/Tokyo",
        "2026-01-05T10:00",
        "FREQ=MONTHLY",
        "2026-01-01T00:00:00Z",
        "2026-08-01T00:00:00Z",
    );
    assert_eq!(tokyo.len(), 7, "January to July");
    assert!(
        tokyo.iter().all(|s| s.ends_with("T01:00:00Z")),
        "10:00 JST is always 01:00Z: {tokyo:?}"
    );
}

#[test]
fn a_daily_meeting_inside_the_spring_gap_uses_the_offset_before_it() {
    // 02:30 does not exist in New York on 2026-03-08.
    let days = occurrences(
        "America/New_York",
        "2026-03-07T02:30",
        "FREQ=DAILY;COUNT=3",
        "2026-03-01T00:00:00Z",
        "2026-03-12T00:00:00Z",
    );
    assert_eq!(
        days,
        [
            "2026-03-07T07:30:00Z",
            "2026-03-08T07:30:00Z",
            "2026-03-09T06:30:00Z"
        ],
        "the gap day reads 02:30 with EST (-05:00), as RFC 5545 says"
    );
}

#[test]
fn a_daily_meeting_inside_the_autumn_overlap_takes_the_earlier_instant() {
    // 02:30 happens twice in Berlin on 2026-10-25.
    let days = occurrences(
        "Europe/Berlin",
        "2026-10-24T02:30",
        "FREQ=DAILY;COUNT=3",
        "2026-10-20T00:00:00Z",
        "2026-10-30T00:00:00Z",
    );
    assert_eq!(
        days,
        [
            "2026-10-24T00:30:00Z",
            "2026-10-25T00:30:00Z",
            "2026-10-26T01:30:00Z"
        ],
        "the overlap day takes the first 02:30 (CEST)"
    );
}

#[test]
fn a_meeting_in_another_zone_is_the_same_instant_seen_from_here_and_names_its_zone() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    meeting(
        &vault,
        group_id,
        "2026-06-02T19:00",
        "America/New_York",
        None,
    );
    let found = meetings::occurrences(
        &vault,
        utc("2026-06-01T00:00:00Z"),
        utc("2026-06-05T00:00:00Z"),
        None,
    )
    .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].time_zone, "America/New_York",
        "the occurrence names its own zone"
    );
    let instant: DateTime<Utc> = utc(&found[0].start_utc);
    let in_berlin = instant
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%H:%M")
        .to_string();
    assert_eq!(
        in_berlin, "01:00",
        "19:00 in New York is 01:00 the next day in Berlin"
    );
    let _ = Local::now();
}

#[test]
fn a_cursor_lets_later_windows_start_near_the_window_and_gives_the_same_answer() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    meeting(
        &vault,
        group_id,
        "2021-01-05T19:00",
        "Europe/Berlin",
        Some("FREQ=WEEKLY"),
    );
    let first = meetings::occurrences(
        &vault,
        utc("2026-01-01T00:00:00Z"),
        utc("2026-02-01T00:00:00Z"),
        None,
    )
    .unwrap();
    // The first call saved a cursor in December 2025; the same window again uses it.
    let again = meetings::occurrences(
        &vault,
        utc("2026-01-01T00:00:00Z"),
        utc("2026-02-01T00:00:00Z"),
        None,
    )
    .unwrap();
    assert_eq!(
        starts(&first),
        starts(&again),
        "expanding from the cursor changes nothing"
    );
    let earlier = meetings::occurrences(
        &vault,
        utc("2021-01-01T00:00:00Z"),
        utc("2021-01-20T00:00:00Z"),
        None,
    )
    .unwrap();
    assert_eq!(
        starts(&earlier),
        [
            "2021-01-05T18:00:00Z",
            "2021-01-12T18:00:00Z",
            "2021-01-19T18:00:00Z"
        ],
        "a window before the cursor still starts at the beginning"
    );
}

#[test]
fn invalid_rules_zones_and_times_are_refused_naming_the_field() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    let cases = [
        (
            "2026-01-01T19:00",
            "Europe/Berlin",
            Some("FREQ=SOMETIMES"),
            "rrule",
        ),
        (
            "2026-01-01T19:00",
            "Europe/Berlin",
            Some("FREQ=MINUTELY"),
            "rrule",
        ),
        ("2026-01-01T19:00", "Nowhere/Special", None, "time_zone"),
        ("2026-13-01T19:00", "Europe/Berlin", None, "start"),
    ];
    for (start, zone, rule, field) in cases {
        let error = meetings::add(
            &vault,
            &meetings::NewMeeting {
                group_id,
                title: None,
                start_local: start.into(),
                time_zone: zone.into(),
                duration_minutes: 60,
                rrule: rule.map(String::from),
            },
        )
        .unwrap_err();
        assert_eq!(
            error.code(),
            holdspace_core::ErrorCode::InvalidInput,
            "{field} must be validated"
        );
        assert!(
            error.to_string().starts_with(field),
            "the message names {field}: {error}"
        );
    }
    assert!(
        meetings::list(&vault, None).unwrap().is_empty(),
        "bad input changes nothing"
    );
}

#[test]
fn until_is_a_real_instant_so_the_last_meeting_east_of_utc_is_kept() {
    // 19:00 in Berlin (CEST) is 17:00Z: UNTIL=...T170000Z must include that evening.
    let days = occurrences(
        "Europe/Berlin",
        "2026-06-02T19:00",
        "FREQ=WEEKLY;UNTIL=20260616T170000Z",
        "2026-06-01T00:00:00Z",
        "2026-07-01T00:00:00Z",
    );
    assert_eq!(
        days,
        [
            "2026-06-02T17:00:00Z",
            "2026-06-09T17:00:00Z",
            "2026-06-16T17:00:00Z"
        ],
        "the meeting at UNTIL itself is kept"
    );
    let west = occurrences(
        "America/New_York",
        "2026-06-02T19:00",
        "FREQ=WEEKLY;UNTIL=20260609T230000Z",
        "2026-06-01T00:00:00Z",
        "2026-07-01T00:00:00Z",
    );
    assert_eq!(
        west,
        ["2026-06-02T23:00:00Z", "2026-06-09T23:00:00Z"],
        "and none appears after it west of UTC"
    );
}

#[test]
fn rules_that_are_not_meetings_or_never_happen_and_impossible_years_are_refused() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    let cases = [
        (
            "2026-01-01T19:00",
            Some("FREQ=DAILY;BYHOUR=1,2,3,4,5"),
            "rrule",
        ),
        (
            "2026-01-01T19:00",
            Some("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
            "rrule",
        ),
        ("+262142-12-31T23:00", None, "start"),
        ("1066-10-14T09:00", None, "start"),
    ];
    for (start, rule, field) in cases {
        let error = meetings::add(
            &vault,
            &meetings::NewMeeting {
                group_id,
                title: None,
                start_local: start.into(),
                time_zone: "America/New_York".into(),
                duration_minutes: 60,
                rrule: rule.map(String::from),
            },
        )
        .unwrap_err();
        assert!(
            error.to_string().starts_with(field),
            "{start} {rule:?} must be refused naming {field}: {error}"
        );
    }
}
