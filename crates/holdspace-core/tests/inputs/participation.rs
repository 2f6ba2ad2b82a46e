//! Attendance, insights and the milestone (src-tauri's commands/participation.rs): any record,
//! any window of days, any range of dates in any zone, any "since" date.

use chrono::{Local, Utc};
use holdspace_core::attendance::{self, AttendanceInput, AttendanceStatus, RoleHeld};
use holdspace_core::insights::{self, InsightsQuery};
use holdspace_core::milestone;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::fixture::{lived_in, occurrence};
use crate::refused_changes_nothing;
use crate::shapes::{date, id, long_text, occurrence_id};

const STATUSES: [AttendanceStatus; 5] = [
    AttendanceStatus::AttendedInPerson,
    AttendanceStatus::AttendedOnline,
    AttendanceStatus::Missed,
    AttendanceStatus::Excused,
    AttendanceStatus::Cancelled,
];

const ROLES: [RoleHeld; 7] = [
    RoleHeld::Facilitator,
    RoleHeld::CoFacilitator,
    RoleHeld::Timekeeper,
    RoleHeld::Greeter,
    RoleHeld::Reader,
    RoleHeld::SetUp,
    RoleHeld::None,
];

/// A mood as a number: mostly around the 1 to 5 allowed, sometimes any byte.
fn mood() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(prop_oneof![3 => 0u8..7, 1 => any::<u8>()])
}

/// Any zone the user's computer may be in.
fn user_zone() -> impl Strategy<Value = chrono_tz::Tz> {
    prop::sample::select(chrono_tz::TZ_VARIANTS.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn attendance_takes_any_record_and_window_and_a_refused_one_changes_nothing(
        pick in (prop::option::weighted(0.6, any::<Index>()), any::<u8>(), occurrence_id()),
        status in prop::sample::select(STATUSES.to_vec()),
        shared in any::<bool>(),
        role in prop::option::of(prop::sample::select(ROLES.to_vec())),
        mood_before in mood(),
        mood_after in mood(),
        note in prop::option::of(long_text()),
        days in prop_oneof![0u32..400, any::<u32>()],
        group in prop::option::of(id()),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        let input = AttendanceInput {
            occurrence_id: occurrence(&lived.occurrences, &pick),
            status,
            shared,
            role,
            mood_before,
            mood_after,
            note,
        };
        refused_changes_nothing(vault, || attendance::record(vault, &input));
        refused_changes_nothing(vault, || attendance::list(vault, group));
        refused_changes_nothing(vault, || attendance::awaiting_record(vault, Utc::now(), days, group));
    }

    #[test]
    fn insights_take_any_range_of_dates_in_any_zone(
        group in prop::option::of(id()),
        from in prop::option::of(date()),
        to in prop::option::of(date()),
        zone in user_zone(),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        let query = InsightsQuery { group_id: group, from, to };
        refused_changes_nothing(vault, || insights::compute(vault, &query, &zone, Utc::now()));
        refused_changes_nothing(vault, || insights::compute(vault, &query, &Local, Utc::now()));
    }

    #[test]
    fn the_milestone_takes_any_label_and_since_date(
        label in long_text(),
        since in date(),
        reset_since in date(),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        let today = Local::now().date_naive();
        refused_changes_nothing(vault, || milestone::start(vault, &label, &since, today));
        refused_changes_nothing(vault, || milestone::reset(vault, &reset_since, today));
        refused_changes_nothing(vault, || milestone::current(vault, today));
    }
}

/// The expansion cursor is a cache of where each rule's expansion got to (DESIGN.md: keep a
/// cursor per rule), not the person's data: a refused query may still have moved one on.
#[test]
fn insights_refused_for_a_window_too_full_change_none_of_the_persons_data() {
    let (_dir, vault) = crate::support::vault();
    let weekly = crate::support::group(&vault, "1900-01-01");
    crate::support::meeting(
        &vault,
        weekly,
        "1900-01-02T19:00",
        "UTC",
        Some("FREQ=WEEKLY"),
    );
    let daily = crate::support::group(&vault, "1900-01-01");
    crate::support::meeting(&vault, daily, "1950-01-02T19:00", "UTC", Some("FREQ=DAILY"));
    let query = InsightsQuery {
        group_id: None,
        from: Some("1950-01-01".into()),
        to: None,
    };
    let before = crate::contents::contents_except(&vault, &["meeting_cursor"]);
    let computed = insights::compute(&vault, &query, &chrono_tz::UTC, Utc::now());
    assert!(
        computed.is_err(),
        "over 20,000 daily meetings in the window are refused"
    );
    assert_eq!(
        crate::contents::contents_except(&vault, &["meeting_cursor"]),
        before,
        "a refused query changes no group, meeting, record or milestone"
    );
}
