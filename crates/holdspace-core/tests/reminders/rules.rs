//! Rules: none until the user adds one; each kind takes exactly its own fields; bad input is
//! refused and changes nothing.

use holdspace_core::reminders::{self, ReminderSettings, RuleInput, RuleKind};
use holdspace_core::ErrorCode;

use crate::support::{group, vault};
use crate::{at, before};

#[test]
fn a_new_vault_has_no_reminder_rules_and_nothing_is_due() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    crate::support::meeting(
        &vault,
        group_id,
        "2026-05-05T19:00",
        "UTC",
        Some("FREQ=WEEKLY"),
    );
    assert!(
        reminders::list_rules(&vault).unwrap().is_empty(),
        "no rule exists until the user adds one"
    );
    assert!(
        reminders::next_due(&vault, at("2026-05-01T00:00:00Z"), chrono_tz::UTC, 10)
            .unwrap()
            .is_empty(),
        "a meeting alone reminds of nothing"
    );
}

#[test]
fn each_kind_takes_its_own_fields_and_refuses_others() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    let bad = [
        RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(group_id),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(group_id),
            minutes_before: Some(0),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(group_id),
            minutes_before: Some(10_081),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(group_id),
            minutes_before: Some(15),
            time_of_day: Some("08:00".into()),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::DailyCheckIn),
            time_of_day: Some("25:00".into()),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::DailyCheckIn),
            time_of_day: Some("8am".into()),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::WeeklyBuddyCall),
            time_of_day: Some("18:00".into()),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::Custom),
            start_local: Some("2026-05-05T08:00".into()),
            time_zone: Some("Mars/Olympus".into()),
            ..RuleInput::default()
        },
        RuleInput {
            kind: Some(RuleKind::Custom),
            start_local: Some("2026-05-05T08:00".into()),
            time_zone: Some("Europe/Berlin".into()),
            rrule: Some("FREQ=SOMETIMES".into()),
            ..RuleInput::default()
        },
        RuleInput::default(),
    ];
    for input in &bad {
        let refused =
            reminders::add_rule(&vault, input, crate::at("2020-01-01T00:00:00Z")).unwrap_err();
        assert_eq!(
            refused.code(),
            ErrorCode::InvalidInput,
            "{input:?} is refused as invalid input"
        );
    }
    let missing = RuleInput {
        kind: Some(RuleKind::BeforeMeeting),
        group_id: Some(group_id + 99),
        minutes_before: Some(15),
        ..RuleInput::default()
    };
    assert_eq!(
        reminders::add_rule(&vault, &missing, crate::at("2020-01-01T00:00:00Z"))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    assert!(
        reminders::list_rules(&vault).unwrap().is_empty(),
        "nothing refused was stored"
    );

    let weekly = reminders::add_rule(
        &vault,
        &RuleInput {
            kind: Some(RuleKind::WeeklyBuddyCall),
            time_of_day: Some("18:30".into()),
            weekday: Some(4),
            ..RuleInput::default()
        },
        crate::at("2020-01-01T00:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        weekly.weekday,
        Some(4),
        "Thursday is 4, counting from Sunday as 0"
    );
    let rule = before(&vault, group_id, 60);
    let edited = reminders::edit_rule(
        &vault,
        rule.id,
        &RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(group_id),
            minutes_before: Some(15),
            ..RuleInput::default()
        },
        crate::at("2020-01-01T00:00:00Z"),
    )
    .unwrap();
    assert_eq!(edited.minutes_before, Some(15));
    assert!(
        !reminders::set_enabled(&vault, rule.id, false, crate::at("2020-01-01T00:00:00Z"))
            .unwrap()
            .enabled,
        "a rule can be paused"
    );
    reminders::delete_rule(&vault, rule.id).unwrap();
    assert_eq!(
        reminders::delete_rule(&vault, rule.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn quiet_hours_need_both_ends_and_details_only_name_existing_groups() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    for (start, end) in [
        (Some("22:00"), None),
        (Some("22:00"), Some("22:00")),
        (Some("night"), Some("07:00")),
    ] {
        let settings = ReminderSettings {
            quiet_start: start.map(String::from),
            quiet_end: end.map(String::from),
            ..ReminderSettings::default()
        };
        assert_eq!(
            reminders::set_settings(&vault, &settings, crate::at("2020-01-01T00:00:00Z"))
                .unwrap_err()
                .code(),
            ErrorCode::InvalidInput
        );
    }
    let saved = reminders::set_settings(
        &vault,
        &ReminderSettings {
            quiet_start: Some("22:00".into()),
            quiet_end: Some("07:00".into()),
            paused: false,
            detail_group_ids: vec![group_id, group_id + 5],
        },
        crate::at("2020-01-01T00:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        saved.detail_group_ids,
        [group_id],
        "a group that does not exist is left out"
    );
    assert_eq!(
        reminders::settings(&vault).unwrap(),
        saved,
        "settings are kept in the vault"
    );
}
