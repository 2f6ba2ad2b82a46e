//! The schedule: offsets across daylight-saving changes in two zones, quiet hours, and daily
//! times that follow the user's zone.

use holdspace_core::reminders::{self, ReminderSettings};
use holdspace_core::Language;

use crate::support::{group, meeting, vault};
use crate::{at, before, daily, instants};

#[test]
fn an_hour_before_stays_an_hour_before_a_1900_meeting_across_dst_in_two_zones() {
    let (_dir, vault) = vault();
    let new_york = group(&vault, "2020-01-01");
    let berlin = group(&vault, "2020-01-01");
    meeting(
        &vault,
        new_york,
        "2026-03-03T19:00",
        "America/New_York",
        Some("FREQ=WEEKLY;COUNT=2"),
    );
    meeting(
        &vault,
        berlin,
        "2026-03-24T19:00",
        "Europe/Berlin",
        Some("FREQ=WEEKLY;COUNT=2"),
    );
    before(&vault, new_york, 60);
    before(&vault, berlin, 60);
    let due = reminders::next_due(&vault, at("2026-03-01T00:00:00Z"), chrono_tz::UTC, 10).unwrap();
    assert_eq!(
        instants(&due),
        [
            "2026-03-03T23:00:00Z", // 18:00 EST, before the US change on 8 March
            "2026-03-10T22:00:00Z", // 18:00 EDT
            "2026-03-24T17:00:00Z", // 18:00 CET, before the EU change on 29 March
            "2026-03-31T16:00:00Z", // 18:00 CEST
        ],
        "each reminder is at 18:00 in its meeting's own zone, whatever the offset"
    );
    assert_eq!(
        due[0].start_utc.as_deref(),
        Some("2026-03-04T00:00:00Z"),
        "with the meeting's start"
    );
    assert!(due[0].occurrence_id.is_some(), "and its occurrence");
}

#[test]
fn quiet_hours_hold_a_reminder_until_they_end_and_drop_one_that_would_come_too_late() {
    let (_dir, vault) = vault();
    let early = group(&vault, "2020-01-01");
    let later = group(&vault, "2020-01-01");
    meeting(&vault, early, "2026-05-05T06:30", "UTC", None);
    meeting(&vault, later, "2026-05-05T07:30", "UTC", None);
    before(&vault, early, 60);
    before(&vault, later, 60);
    daily(&vault, "23:00");
    reminders::set_settings(
        &vault,
        &ReminderSettings {
            quiet_start: Some("22:00".into()),
            quiet_end: Some("07:00".into()),
            ..ReminderSettings::default()
        },
        crate::at("2020-01-01T00:00:00Z"),
    )
    .unwrap();
    let due = reminders::next_due(&vault, at("2026-05-04T12:00:00Z"), chrono_tz::UTC, 3).unwrap();
    assert_eq!(
        due.iter()
            .map(|d| (d.deliver_utc.as_str(), d.due_utc.as_str()))
            .collect::<Vec<_>>(),
        [
            // The 06:30 reminder for the 07:30 meeting and the 23:00 check-in wait until 07:00.
            ("2026-05-05T07:00:00Z", "2026-05-05T06:30:00Z"),
            ("2026-05-05T07:00:00Z", "2026-05-04T23:00:00Z"),
            ("2026-05-06T07:00:00Z", "2026-05-05T23:00:00Z"),
        ],
        "the 05:30 reminder for the 06:30 meeting is dropped: by 07:00 the meeting has begun"
    );

    reminders::set_settings(
        &vault,
        &ReminderSettings {
            paused: true,
            ..ReminderSettings::default()
        },
        crate::at("2020-01-01T00:00:00Z"),
    )
    .unwrap();
    assert!(
        reminders::next_due(&vault, at("2026-05-04T12:00:00Z"), chrono_tz::UTC, 3)
            .unwrap()
            .is_empty(),
        "pause all stops every reminder"
    );
}

#[test]
fn a_daily_check_in_follows_the_users_zone() {
    let (_dir, vault) = vault();
    daily(&vault, "20:00");
    let from = at("2026-07-01T00:00:00Z");
    let in_berlin = reminders::next_due(&vault, from, chrono_tz::Europe::Berlin, 1).unwrap();
    let in_tokyo = reminders::next_due(&vault, from, chrono_tz::Asia::Tokyo, 1).unwrap();
    assert_eq!(
        instants(&in_berlin),
        ["2026-07-01T18:00:00Z"],
        "20:00 in Berlin (CEST)"
    );
    assert_eq!(
        instants(&in_tokyo),
        ["2026-07-01T11:00:00Z"],
        "20:00 in Tokyo after a trip"
    );
    assert_eq!(
        in_berlin[0].due_local, "2026-07-01T20:00:00+02:00",
        "shown in the user's time"
    );
}

#[test]
fn the_list_kept_for_a_locked_vault_reaches_a_reminder_weeks_away_and_holds_no_label() {
    let (_dir, vault) = vault();
    let monthly = reminders::add_rule(
        &vault,
        &holdspace_core::reminders::RuleInput {
            kind: Some(holdspace_core::reminders::RuleKind::Custom),
            start_local: Some("2026-06-20T10:00".into()),
            time_zone: Some("UTC".into()),
            rrule: Some("FREQ=MONTHLY".into()),
            label: Some("call my sponsor about step four".into()),
            ..Default::default()
        },
        crate::at("2020-01-01T00:00:00Z"),
    )
    .unwrap();
    let list = reminders::upcoming_notices(
        &vault,
        at("2026-05-25T12:00:00Z"),
        chrono_tz::UTC,
        chrono::Duration::days(7),
        3,
        Language::En,
    )
    .unwrap();
    assert_eq!(
        list.len(),
        3,
        "beyond the week: the next three, however far"
    );
    assert_eq!(list[0].reminder.rule_id, monthly.id);
    assert_eq!(list[0].reminder.deliver_utc, "2026-06-20T10:00:00Z");
    assert!(
        list.iter().all(|d| d.notice.body == "A reminder you set"),
        "a custom reminder's label never reaches a notification"
    );
    let german = reminders::upcoming_notices(
        &vault,
        at("2026-05-25T12:00:00Z"),
        chrono_tz::UTC,
        chrono::Duration::days(7),
        3,
        Language::De,
    )
    .unwrap();
    assert_eq!(
        german.iter().map(|d| &d.reminder).collect::<Vec<_>>(),
        list.iter().map(|d| &d.reminder).collect::<Vec<_>>(),
        "the language changes what a notification says, never when it comes"
    );
    assert!(
        german
            .iter()
            .all(|d| d.notice.body == "Eine Erinnerung, die du eingerichtet hast"),
        "in German the text is German and the label still stays out"
    );
}
