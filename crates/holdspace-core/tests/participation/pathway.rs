//! The newcomer pathway: the user's own ticks, and the steps the record ticks by itself
//! (a meeting attended, a share, a reflection), which come and go with the record.

use chrono::NaiveDate;
use holdspace_core::attendance::{self, AttendanceInput, AttendanceStatus};
use holdspace_core::journal::{self, EntryInput, EntryKind};
use holdspace_core::meetings::{self, ExceptionKind};
use holdspace_core::pathway::{self, PathwayStep, PathwayTick, TickedBy};
use holdspace_core::ErrorCode;

use crate::support::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn state(p: &pathway::Pathway, step: PathwayStep) -> (Option<TickedBy>, Option<&str>) {
    let s = p.steps.iter().find(|s| s.step == step).unwrap();
    (s.ticked_by, s.ticked_on.as_deref())
}

fn attended(occurrence_id: &str, shared: bool) -> AttendanceInput {
    AttendanceInput {
        occurrence_id: occurrence_id.into(),
        status: AttendanceStatus::AttendedInPerson,
        shared,
        role: None,
        mood_before: None,
        mood_after: None,
        note: None,
    }
}

/// A group joined on 1 November that meets on Tuesdays at 19:30 in Berlin (18:30 UTC), and
/// that weekly meeting's id.
fn tuesday_circle() -> (tempfile::TempDir, holdspace_core::vault::Vault, i64, i64) {
    let (dir, vault) = vault();
    let circle = group(&vault, "2026-11-01");
    let weekly = meeting(
        &vault,
        circle,
        "2026-11-03T19:30",
        "Europe/Berlin",
        Some("FREQ=WEEKLY"),
    );
    (dir, vault, circle, weekly)
}

#[test]
fn a_new_group_starts_with_five_steps_none_done_in_the_order_a_newcomer_meets_them() {
    let (_dir, vault) = vault();
    let circle = group(&vault, "2026-11-01");
    let p = pathway::pathway(&vault, circle).unwrap();
    let steps: Vec<PathwayStep> = p.steps.iter().map(|s| s.step).collect();
    assert_eq!(
        steps,
        PathwayStep::ALL,
        "the five steps, always all of them and in order, so the UI can number them"
    );
    assert!(
        p.steps
            .iter()
            .all(|s| s.ticked_by.is_none() && s.ticked_on.is_none()),
        "nothing is done before the user or the record says so"
    );
}

#[test]
fn the_user_ticks_and_unticks_steps_and_a_second_tick_keeps_the_first_day() {
    let (_dir, vault) = vault();
    let circle = group(&vault, "2026-11-01");
    let other = group(&vault, "2026-11-01");
    let tick = |step, ticked, on: &str| {
        pathway::tick(
            &vault,
            &PathwayTick {
                group_id: circle,
                step,
                ticked,
            },
            day(on),
        )
        .unwrap()
    };
    tick(PathwayStep::Research, true, "2026-11-02");
    let p = tick(PathwayStep::Research, true, "2026-11-20");
    assert_eq!(
        state(&p, PathwayStep::Research),
        (Some(TickedBy::Me), Some("2026-11-02")),
        "ticking again must not move the day the user first did it"
    );
    let p = tick(PathwayStep::Etiquette, true, "2026-11-03");
    assert_eq!(
        state(&p, PathwayStep::Etiquette),
        (Some(TickedBy::Me), Some("2026-11-03"))
    );
    let p = tick(PathwayStep::Research, false, "2026-11-04");
    assert_eq!(
        state(&p, PathwayStep::Research),
        (None, None),
        "unticking takes the user's tick back"
    );
    assert_eq!(
        state(
            &pathway::pathway(&vault, other).unwrap(),
            PathwayStep::Etiquette
        ),
        (None, None),
        "a tick belongs to one group only"
    );
}

#[test]
fn attending_sharing_and_reflecting_tick_their_steps_and_deleting_the_record_unticks_them() {
    let (_dir, vault, circle, weekly) = tuesday_circle();
    // The 23:30 meeting below falls on the next UTC day but on its own calendar day where it
    // meets.
    let late = meeting(&vault, circle, "2026-11-02T23:30", "America/New_York", None);
    attendance::record(
        &vault,
        &attended(&format!("{late}@2026-11-03T04:30:00Z"), false),
    )
    .unwrap();
    attendance::record(
        &vault,
        &attended(&format!("{weekly}@2026-11-10T18:30:00Z"), true),
    )
    .unwrap();
    let mut missed = attended(&format!("{weekly}@2026-11-03T18:30:00Z"), true);
    missed.status = AttendanceStatus::Missed;
    attendance::record(&vault, &missed).unwrap();

    let p = pathway::pathway(&vault, circle).unwrap();
    assert_eq!(
        state(&p, PathwayStep::FirstMeeting),
        (Some(TickedBy::Attendance), Some("2026-11-02")),
        "the first meeting attended, on its own calendar day where it met"
    );
    assert_eq!(
        state(&p, PathwayStep::Share),
        (Some(TickedBy::Sharing), Some("2026-11-10")),
        "a missed meeting marked as shared does not count; the attended one does"
    );
    assert_eq!(state(&p, PathwayStep::Reflect), (None, None));

    let reflection = journal::add(
        &vault,
        &EntryInput {
            kind: EntryKind::Reflection,
            title: None,
            body: "Listening helped more than I expected.".into(),
            mood: None,
            feelings: None,
            tags: None,
            group_id: Some(circle),
            occurrence_id: Some(format!("{weekly}@2026-11-10T18:30:00Z")),
        },
    )
    .unwrap();
    let p = pathway::pathway(&vault, circle).unwrap();
    assert_eq!(
        state(&p, PathwayStep::Reflect),
        (
            Some(TickedBy::Reflection),
            reflection.created_local.get(..10)
        ),
        "writing a reflection on the group ticks the reflect step by itself, on the writer's day"
    );

    // The user's own tick of a step the record shows changes nothing they can see...
    let p = pathway::tick(
        &vault,
        &PathwayTick {
            group_id: circle,
            step: PathwayStep::Reflect,
            ticked: false,
        },
        day("2026-11-12"),
    )
    .unwrap();
    assert_eq!(
        state(&p, PathwayStep::Reflect).0,
        Some(TickedBy::Reflection),
        "the record keeps the step done even when the user unticks"
    );
    // ...and once the reflection is in the trash, the step is ahead again.
    journal::delete(&vault, reflection.id).unwrap();
    let p = pathway::pathway(&vault, circle).unwrap();
    assert_eq!(
        state(&p, PathwayStep::Reflect),
        (None, None),
        "a reflection in the trash no longer ticks the step"
    );
}

#[test]
fn a_group_that_does_not_exist_is_refused_and_nothing_is_written() {
    let (_dir, vault) = vault();
    let circle = group(&vault, "2026-11-01");
    let refused = pathway::tick(
        &vault,
        &PathwayTick {
            group_id: circle + 100,
            step: PathwayStep::Research,
            ticked: true,
        },
        day("2026-11-02"),
    )
    .unwrap_err();
    assert_eq!(
        refused.code(),
        ErrorCode::NotFound,
        "a stale group id is not found"
    );
    assert_eq!(
        pathway::pathway(&vault, circle + 100).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(
        pathway::pathway(&vault, circle)
            .unwrap()
            .steps
            .iter()
            .all(|s| s.ticked_by.is_none()),
        "the refused tick landed nowhere"
    );
}

#[test]
fn a_moved_meeting_ticks_on_the_day_it_moved_to_and_a_changed_record_unticks() {
    let (_dir, vault, circle, weekly) = tuesday_circle();
    let occurrence = format!("{weekly}@2026-11-03T18:30:00Z");
    meetings::set_exception(
        &vault,
        &occurrence,
        ExceptionKind::Moved,
        Some("2026-11-05T19:30"),
    )
    .unwrap();
    attendance::record(&vault, &attended(&occurrence, false)).unwrap();
    assert_eq!(
        state(
            &pathway::pathway(&vault, circle).unwrap(),
            PathwayStep::FirstMeeting
        ),
        (Some(TickedBy::Attendance), Some("2026-11-05")),
        "the day the person went, not the day the meeting was first planned for"
    );

    let mut missed = attended(&occurrence, false);
    missed.status = AttendanceStatus::Missed;
    attendance::record(&vault, &missed).unwrap();
    assert_eq!(
        state(
            &pathway::pathway(&vault, circle).unwrap(),
            PathwayStep::FirstMeeting
        ),
        (None, None),
        "once the record says the person did not go, the step is ahead again"
    );
}
