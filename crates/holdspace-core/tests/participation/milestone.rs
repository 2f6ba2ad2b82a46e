//! The private milestone: days since a date, reset without losing history.

use chrono::NaiveDate;
use holdspace_core::milestone;
use holdspace_core::ErrorCode;

use crate::support::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn days_are_counted_from_the_since_date_and_a_reset_keeps_the_earlier_run() {
    let (_dir, vault) = vault();
    assert_eq!(
        milestone::current(&vault, day("2026-03-01")).unwrap(),
        None,
        "no milestone until the user sets one"
    );
    let started = milestone::start(&vault, "Clean date", "2026-01-01", day("2026-03-01")).unwrap();
    assert_eq!(started.days, 59, "1 January to 1 March 2026 is 59 days");

    let reset = milestone::reset(&vault, "2026-02-10", day("2026-03-01")).unwrap();
    assert_eq!(reset.since, "2026-02-10");
    assert_eq!(reset.days, 19, "10 February to 1 March");
    assert_eq!(
        reset.earlier.len(),
        1,
        "the earlier run is kept, not erased"
    );
    assert_eq!(
        reset.earlier[0].days, 40,
        "1 January to 10 February: 40 days"
    );
    assert_eq!(reset.label, "Clean date", "the label carries over");
}

#[test]
fn a_second_start_a_future_date_or_a_reset_before_the_run_are_refused() {
    let (_dir, vault) = vault();
    let today = day("2026-03-01");
    assert_eq!(
        milestone::start(&vault, "x", "2026-04-01", today)
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        milestone::reset(&vault, "2026-02-01", today)
            .unwrap_err()
            .code(),
        ErrorCode::NotFound,
        "nothing to reset yet"
    );
    milestone::start(&vault, "x", "2026-02-01", today).unwrap();
    assert_eq!(
        milestone::start(&vault, "y", "2026-02-01", today)
            .unwrap_err()
            .code(),
        ErrorCode::Conflict
    );
    assert_eq!(
        milestone::reset(&vault, "2026-01-01", today)
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        milestone::current(&vault, today)
            .unwrap()
            .unwrap()
            .earlier
            .len(),
        0,
        "refusals changed nothing"
    );
}
