//! The meetings that still wait for the user's record: ended, not cancelled, not yet recorded.

use holdspace_core::attendance::{self, AttendanceInput, AttendanceStatus};
use holdspace_core::meetings::{self, ExceptionKind};
use holdspace_core::ErrorCode;

use crate::support::*;

fn went(occurrence_id: &str) -> AttendanceInput {
    AttendanceInput {
        occurrence_id: occurrence_id.into(),
        status: AttendanceStatus::AttendedOnline,
        shared: false,
        role: None,
        mood_before: None,
        mood_after: None,
        note: None,
    }
}

#[test]
fn only_ended_uncancelled_unrecorded_meetings_wait_newest_first() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    // Tuesdays at 19:00 UTC for 90 minutes, five of them.
    let id = meeting(
        &vault,
        group_id,
        "2026-05-05T19:00",
        "UTC",
        Some("FREQ=WEEKLY;COUNT=5"),
    );
    let o = |day: &str| format!("{id}@2026-05-{day}T19:00:00Z");
    attendance::record(&vault, &went(&o("05"))).unwrap();
    meetings::set_exception(&vault, &o("12"), ExceptionKind::Cancelled, None).unwrap();
    // "Now" is 19:30 on the 26th: that meeting is still going on.
    let now = utc("2026-05-26T19:30:00Z");

    let waiting = attendance::awaiting_record(&vault, now, 30, None).unwrap();
    assert_eq!(
        waiting
            .iter()
            .map(|w| w.occurrence_id.clone())
            .collect::<Vec<_>>(),
        [o("19")],
        "the recorded 5th, the cancelled 12th and the unfinished 26th do not wait"
    );

    let later = attendance::awaiting_record(&vault, utc("2026-05-26T20:30:00Z"), 30, None).unwrap();
    assert_eq!(
        later
            .iter()
            .map(|w| w.occurrence_id.clone())
            .collect::<Vec<_>>(),
        [o("26"), o("19")],
        "once it has ended the 26th waits too, newest first"
    );
    let near = attendance::awaiting_record(&vault, utc("2026-05-26T20:30:00Z"), 3, None).unwrap();
    assert_eq!(
        near.len(),
        1,
        "a three-day window only reaches back to the 23rd"
    );
    let other = attendance::awaiting_record(&vault, now, 30, Some(group_id + 1)).unwrap();
    assert!(
        other.is_empty(),
        "another group's meetings are not this group's"
    );
}

#[test]
fn a_window_outside_one_day_to_a_year_is_refused() {
    let (_dir, vault) = vault();
    for days in [0, attendance::MAX_AWAITING_DAYS + 1] {
        let refused = attendance::awaiting_record(&vault, utc("2026-05-26T20:30:00Z"), days, None)
            .unwrap_err();
        assert_eq!(
            refused.code(),
            ErrorCode::InvalidInput,
            "{days} days is refused"
        );
    }
}
