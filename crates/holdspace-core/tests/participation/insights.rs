//! Insights on a fixture computed by hand from DESIGN.md's definitions.
//!
//! The group meets Tuesdays 19:00 in Berlin from 6 January 2026; eight meetings to 24 February:
//! Jan 6 attended (facilitator, mood 2 to 4), Jan 13 attended online (3 to 4), Jan 20 missed,
//! Jan 27 excused, Feb 3 cancelled by the group, Feb 10 attended (greeter), Feb 17 nothing
//! recorded (missed), Feb 24 attended (facilitator, 1 to 3).
//! By hand: rate 4 / (8 - 1 cancelled - 1 excused) = 4/6; ISO weeks 2, 3 attended (streak 2),
//! 4 missed (breaks), 5 excused and 6 cancelled (skipped), 7 attended (1), 8 missed (breaks),
//! 9 attended (1): current 1, longest 2.

use holdspace_core::attendance::{self, AttendanceInput, AttendanceStatus, RoleHeld};
use holdspace_core::groups::{self, MembershipEventKind};
use holdspace_core::insights::{self, InsightsQuery};
use holdspace_core::meetings::{self, ExceptionKind};
use holdspace_core::vault::Vault;

use crate::support::*;

fn attend(
    vault: &Vault,
    meeting: i64,
    start: &str,
    status: AttendanceStatus,
    role: Option<RoleHeld>,
    moods: Option<(u8, u8)>,
) {
    attendance::record(
        vault,
        &AttendanceInput {
            occurrence_id: format!("{meeting}@{start}"),
            status,
            shared: true,
            role,
            mood_before: moods.map(|m| m.0),
            mood_after: moods.map(|m| m.1),
            note: None,
        },
    )
    .unwrap();
}

fn fixture() -> (tempfile::TempDir, Vault, i64) {
    use AttendanceStatus::*;
    let (dir, vault) = vault();
    let group_id = group(&vault, "2026-01-01");
    let m = meeting(
        &vault,
        group_id,
        "2026-01-06T19:00",
        "Europe/Berlin",
        Some("FREQ=WEEKLY"),
    );
    attend(
        &vault,
        m,
        "2026-01-06T18:00:00Z",
        AttendedInPerson,
        Some(RoleHeld::Facilitator),
        Some((2, 4)),
    );
    attend(
        &vault,
        m,
        "2026-01-13T18:00:00Z",
        AttendedOnline,
        None,
        Some((3, 4)),
    );
    attend(&vault, m, "2026-01-20T18:00:00Z", Missed, None, None);
    attend(&vault, m, "2026-01-27T18:00:00Z", Excused, None, None);
    meetings::set_exception(
        &vault,
        &format!("{m}@2026-02-03T18:00:00Z"),
        ExceptionKind::Cancelled,
        None,
    )
    .unwrap();
    attend(
        &vault,
        m,
        "2026-02-10T18:00:00Z",
        AttendedInPerson,
        Some(RoleHeld::Greeter),
        None,
    );
    attend(
        &vault,
        m,
        "2026-02-24T18:00:00Z",
        AttendedInPerson,
        Some(RoleHeld::Facilitator),
        Some((1, 3)),
    );
    (dir, vault, group_id)
}

fn query() -> InsightsQuery {
    InsightsQuery {
        group_id: None,
        from: Some("2026-01-01".into()),
        to: Some("2026-02-28".into()),
    }
}

#[test]
fn rate_streaks_roles_and_moods_match_the_hand_computed_fixture() {
    let (_dir, vault, _) = fixture();
    let found = insights::compute(
        &vault,
        &query(),
        &chrono_tz::Europe::Berlin,
        utc("2026-03-01T12:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        (
            found.scheduled,
            found.attended,
            found.missed,
            found.excused,
            found.cancelled
        ),
        (8, 4, 2, 1, 1),
        "the counts"
    );
    assert!(
        (found.attendance_rate - 4.0 / 6.0).abs() < 1e-9,
        "rate is 4/6, got {}",
        found.attendance_rate
    );
    assert_eq!(
        found.current_streak_weeks, 1,
        "the missed 17 February ended the streak; 24 February began a new one"
    );
    assert_eq!(found.longest_streak_weeks, 2, "weeks 2 and 3");
    assert_eq!(found.roles.get("facilitator"), Some(&2));
    assert_eq!(found.roles.get("greeter"), Some(&1));
    assert_eq!(found.roles.len(), 2, "no entry for meetings without a role");
    let months: Vec<(String, u32)> = found
        .attended_per_month
        .iter()
        .map(|m| (m.month.clone(), m.attended))
        .collect();
    assert_eq!(
        months,
        [("2026-01".to_string(), 2), ("2026-02".to_string(), 2)]
    );
    assert_eq!(found.mood_before_average, Some(2.0), "(2 + 3 + 1) / 3");
    assert!(
        (found.mood_after_average.unwrap() - 11.0 / 3.0).abs() < 1e-9,
        "(4 + 4 + 3) / 3"
    );
}

#[test]
fn meetings_while_not_a_member_do_not_count() {
    let (_dir, vault, group_id) = fixture();
    groups::record_membership(&vault, group_id, MembershipEventKind::Paused, "2026-02-15").unwrap();
    let found = insights::compute(
        &vault,
        &query(),
        &chrono_tz::Europe::Berlin,
        utc("2026-03-01T12:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        (found.scheduled, found.attended, found.missed),
        (6, 3, 1),
        "17 and 24 February fall in the pause"
    );
    assert!(
        (found.attendance_rate - 0.75).abs() < 1e-9,
        "3 / (6 - 1 - 1)"
    );
    assert_eq!(
        (found.current_streak_weeks, found.longest_streak_weeks),
        (1, 2)
    );
}

#[test]
fn meetings_that_have_not_started_yet_do_not_count() {
    let (_dir, vault, _) = fixture();
    let found = insights::compute(
        &vault,
        &query(),
        &chrono_tz::Europe::Berlin,
        utc("2026-01-14T12:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        (found.scheduled, found.attended),
        (2, 2),
        "only 6 and 13 January had happened"
    );
    assert_eq!(found.attendance_rate, 1.0);
    assert_eq!(found.current_streak_weeks, 2);
}

#[test]
fn an_empty_period_has_a_rate_of_zero_not_an_error() {
    let (_dir, vault) = vault();
    group(&vault, "2026-01-01");
    let found = insights::compute(
        &vault,
        &query(),
        &chrono_tz::Europe::Berlin,
        utc("2026-03-01T12:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        (
            found.scheduled,
            found.attendance_rate,
            found.longest_streak_weeks
        ),
        (0, 0.0, 0)
    );
}

#[test]
fn an_archived_group_still_counts_and_future_meetings_take_only_excused_or_cancelled() {
    let (_dir, vault, group_id) = fixture();
    groups::archive(&vault, group_id).unwrap();
    let found = insights::compute(
        &vault,
        &query(),
        &chrono_tz::Europe::Berlin,
        utc("2026-03-01T12:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        found.attended, 4,
        "archiving keeps the group's history in the overall numbers"
    );

    let (_dir2, vault2) = crate::support::vault();
    let g = group(&vault2, "2026-01-01");
    let m = meeting(&vault2, g, "2099-01-06T19:00", "Europe/Berlin", None);
    let future = |status| AttendanceInput {
        occurrence_id: format!("{m}@2099-01-06T18:00:00Z"),
        status,
        shared: false,
        role: None,
        mood_before: None,
        mood_after: None,
        note: None,
    };
    assert_eq!(
        attendance::record(&vault2, &future(AttendanceStatus::AttendedInPerson))
            .unwrap_err()
            .code(),
        holdspace_core::ErrorCode::InvalidInput,
        "nobody attends ahead"
    );
    attendance::record(&vault2, &future(AttendanceStatus::Excused)).unwrap();
}
