//! The facilitation log: a facilitator's own notes per meeting they ran, newest first, with
//! refusals that change nothing.

use chrono::NaiveDate;
use holdspace_core::facilitation::{self, FacilitationInput, FacilitationRole};
use holdspace_core::ErrorCode;

use crate::support::*;

const TODAY: &str = "2026-11-26";
const NOW: &str = "2026-11-26T20:00:00Z";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn entry(group_id: i64, held_on: &str, how: &str) -> FacilitationInput {
    FacilitationInput {
        group_id,
        held_on: held_on.into(),
        role: FacilitationRole::Facilitator,
        how_it_went: how.into(),
        what_i_need: String::new(),
        self_care: String::new(),
    }
}

#[test]
fn entries_are_kept_per_group_newest_meeting_first_and_can_be_deleted() {
    let (_dir, vault) = vault();
    let circle = group(&vault, "2026-01-01");
    let other = group(&vault, "2026-01-01");
    let older = facilitation::add(
        &vault,
        &entry(circle, "2026-11-12", "  Calm round.  "),
        today(),
        NOW,
    )
    .unwrap();
    let mut newer = entry(circle, "2026-11-19", "");
    newer.role = FacilitationRole::CoFacilitator;
    newer.what_i_need = "A co-facilitator for the holidays".into();
    newer.self_care = "A walk after".into();
    facilitation::add(&vault, &newer, today(), NOW).unwrap();
    facilitation::add(
        &vault,
        &entry(other, "2026-11-20", "Elsewhere"),
        today(),
        NOW,
    )
    .unwrap();

    let listed = facilitation::list(&vault, circle).unwrap();
    let dates: Vec<&str> = listed.iter().map(|e| e.held_on.as_str()).collect();
    assert_eq!(
        dates,
        ["2026-11-19", "2026-11-12"],
        "one group's entries, the latest meeting first"
    );
    assert_eq!(
        listed[0].role,
        FacilitationRole::CoFacilitator,
        "the role held is kept"
    );
    assert_eq!(
        listed[1].how_it_went, "Calm round.",
        "notes are kept trimmed"
    );

    facilitation::delete(&vault, older.id).unwrap();
    assert_eq!(
        facilitation::list(&vault, circle).unwrap().len(),
        1,
        "a deleted entry is gone"
    );
    let again = facilitation::delete(&vault, older.id).unwrap_err();
    assert_eq!(
        again.code(),
        ErrorCode::NotFound,
        "deleting it twice says it is not there"
    );
}

#[test]
fn an_empty_entry_a_future_date_or_an_unknown_group_is_refused_and_nothing_is_written() {
    let (_dir, vault) = vault();
    let circle = group(&vault, "2026-01-01");
    let empty =
        facilitation::add(&vault, &entry(circle, "2026-11-19", "   "), today(), NOW).unwrap_err();
    assert_eq!(
        empty.code(),
        ErrorCode::InvalidInput,
        "an entry with no words is noise"
    );
    let future = facilitation::add(
        &vault,
        &entry(circle, "2026-11-27", "Not yet"),
        today(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(
        future.code(),
        ErrorCode::InvalidInput,
        "a meeting not yet held cannot be logged"
    );
    let bad_date =
        facilitation::add(&vault, &entry(circle, "19 Nov", "Hm"), today(), NOW).unwrap_err();
    assert_eq!(
        bad_date.code(),
        ErrorCode::InvalidInput,
        "a date must be YYYY-MM-DD"
    );
    let long = facilitation::add(
        &vault,
        &entry(circle, "2026-11-19", &"ü".repeat(2001)),
        today(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(
        long.code(),
        ErrorCode::InvalidInput,
        "a note over 4,000 bytes is refused, not cut"
    );
    let nowhere = facilitation::add(
        &vault,
        &entry(circle + 100, "2026-11-19", "Lost"),
        today(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(nowhere.code(), ErrorCode::NotFound, "the group must exist");
    assert!(
        facilitation::list(&vault, circle).unwrap().is_empty(),
        "no refusal wrote anything"
    );
}
