//! Skips, cancellations and moves; an occurrence id survives a move.

use holdspace_core::meetings::{self, ExceptionKind, OccurrenceStatus};

use crate::support::*;

#[test]
fn skipped_cancelled_and_moved_occurrences_show_as_such_and_a_move_keeps_the_id() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    let id = meeting(
        &vault,
        group_id,
        "2026-05-05T19:00",
        "Europe/Berlin",
        Some("FREQ=WEEKLY;COUNT=4"),
    );
    let window = (utc("2026-05-01T00:00:00Z"), utc("2026-06-01T00:00:00Z"));
    let all = meetings::occurrences(&vault, window.0, window.1, None).unwrap();
    assert_eq!(all.len(), 4);
    let (first, second, third) = (
        &all[0].occurrence_id,
        &all[1].occurrence_id,
        &all[2].occurrence_id,
    );
    assert_eq!(
        first,
        &format!("{id}@2026-05-05T17:00:00Z"),
        "ids are <meeting>@<original start UTC>"
    );

    meetings::set_exception(&vault, first, ExceptionKind::Skipped, None).unwrap();
    meetings::set_exception(&vault, second, ExceptionKind::Cancelled, None).unwrap();
    meetings::set_exception(
        &vault,
        third,
        ExceptionKind::Moved,
        Some("2026-05-20T18:00"),
    )
    .unwrap();
    let after = meetings::occurrences(&vault, window.0, window.1, None).unwrap();
    assert_eq!(after.len(), 3, "a skipped occurrence is gone");
    assert_eq!(
        after[0].status,
        OccurrenceStatus::Cancelled,
        "a cancelled one stays, marked"
    );
    assert_eq!(
        after[1].occurrence_id, *third,
        "the moved occurrence keeps its id"
    );
    assert_eq!(
        after[1].start_utc, "2026-05-20T16:00:00Z",
        "at its new time (18:00 CEST)"
    );
    assert_eq!(after[1].status, OccurrenceStatus::Moved);
    assert_eq!(after[1].original_start_utc, "2026-05-19T17:00:00Z");
}

#[test]
fn an_exception_for_a_time_the_meeting_never_had_is_refused() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    let id = meeting(
        &vault,
        group_id,
        "2026-05-05T19:00",
        "Europe/Berlin",
        Some("FREQ=WEEKLY"),
    );
    let error = meetings::set_exception(
        &vault,
        &format!("{id}@2026-05-06T17:00:00Z"),
        ExceptionKind::Skipped,
        None,
    )
    .unwrap_err();
    assert_eq!(
        error.code(),
        holdspace_core::ErrorCode::NotFound,
        "not an occurrence of that meeting"
    );
    let error =
        meetings::set_exception(&vault, "garbage", ExceptionKind::Skipped, None).unwrap_err();
    assert_eq!(error.code(), holdspace_core::ErrorCode::InvalidInput);
}
