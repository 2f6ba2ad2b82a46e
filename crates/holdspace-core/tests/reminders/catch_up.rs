//! Delivery with a fake clock: catching up after sleep, a restart that delivers nothing twice,
//! snooze and dismiss, and a thousand rules over a day, each delivered once and on time.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::Duration;
use holdspace_core::reminders::{self, SnoozeFor};
use holdspace_core::vault::{Unlock, Vault, VaultPaths};
use holdspace_core::Secret;

use crate::support::{group, meeting, vault, NoKeyring};
use crate::{at, before, daily};
use holdspace_core::Language;

#[test]
fn after_eight_hours_asleep_a_coming_meeting_is_announced_once_and_a_past_one_is_missed() {
    let (dir, vault) = vault();
    let coming = group(&vault, "2020-01-01");
    let past = group(&vault, "2020-01-01");
    meeting(&vault, coming, "2026-05-05T10:00", "UTC", None);
    meeting(&vault, past, "2026-05-05T05:00", "UTC", None);
    before(&vault, coming, 60);
    before(&vault, past, 60);
    let zone = chrono_tz::UTC;
    assert!(
        reminders::take_due(&vault, at("2026-05-05T01:00:00Z"), zone, Language::En)
            .unwrap()
            .is_empty(),
        "nothing due at 01:00"
    );

    // The laptop sleeps from 01:00 to 09:30; both reminders fell due in between.
    let woke = at("2026-05-05T09:30:00Z");
    let shown = reminders::take_due(&vault, woke, zone, Language::En).unwrap();
    assert_eq!(
        shown.len(),
        1,
        "only the meeting that has not started is announced"
    );
    assert_eq!(
        shown[0].notice.body, "Meeting in 30 minutes",
        "with the time left now, not at its due time"
    );
    assert_eq!(shown[0].notice.title, "Holdspace");
    let history = reminders::history(&vault, woke - Duration::days(1)).unwrap();
    let outcomes: Vec<(&str, &str)> = history
        .iter()
        .map(|h| (h.due_utc.as_str(), h.outcome.as_str()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("2026-05-05T09:00:00Z", "delivered"),
            ("2026-05-05T04:00:00Z", "missed")
        ],
        "the one whose meeting is over is recorded as missed, not shown"
    );
    assert!(
        reminders::take_due(&vault, woke, zone, Language::En)
            .unwrap()
            .is_empty(),
        "asking again at once shows nothing"
    );

    // A restart: the same vault opened afresh by a new process.
    vault.lock().unwrap();
    drop(vault);
    let reopened = Vault::load(VaultPaths::new(dir.path()), Arc::new(NoKeyring)).unwrap();
    reopened
        .unlock(Unlock::Passphrase(Secret::new(
            "a passphrase for tests".into(),
        )))
        .unwrap();
    assert!(
        reminders::take_due(&reopened, woke + Duration::minutes(1), zone, Language::En)
            .unwrap()
            .is_empty(),
        "a restart delivers nothing twice"
    );
}

#[test]
fn a_snoozed_reminder_comes_back_once_at_the_chosen_time_and_a_dismissed_one_never() {
    let (_dir, vault) = vault();
    let check_in = daily(&vault, "20:00");
    let zone = chrono_tz::UTC;
    let first =
        reminders::take_due(&vault, at("2026-05-05T20:00:00Z"), zone, Language::En).unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].notice.body, "Time for your check-in");
    let due = first[0].reminder.due_utc.clone();
    let now = at("2026-05-05T20:00:05Z");
    reminders::snooze(&vault, check_in.id, &due, SnoozeFor::TenMinutes, now, zone).unwrap();

    assert!(
        reminders::take_due(&vault, at("2026-05-05T20:05:00Z"), zone, Language::En)
            .unwrap()
            .is_empty(),
        "not before its time"
    );
    assert_eq!(
        reminders::next_wake(&vault, at("2026-05-05T20:05:00Z"), zone).unwrap(),
        Some(at("2026-05-05T20:10:05Z")),
        "the timer wakes for the snoozed reminder"
    );
    let again =
        reminders::take_due(&vault, at("2026-05-05T20:10:05Z"), zone, Language::En).unwrap();
    assert_eq!(again.len(), 1, "it comes back at the chosen time");
    assert!(
        reminders::take_due(&vault, at("2026-05-05T20:11:00Z"), zone, Language::En)
            .unwrap()
            .is_empty(),
        "and only once"
    );

    // Tomorrow's, dismissed ahead of time from the app, is never shown.
    reminders::dismiss(
        &vault,
        check_in.id,
        "2026-05-06T20:00:00Z",
        at("2026-05-06T08:00:00Z"),
    )
    .unwrap();
    assert!(
        reminders::take_due(&vault, at("2026-05-06T20:00:00Z"), zone, Language::En)
            .unwrap()
            .is_empty(),
        "a dismissed reminder is settled"
    );
    assert_eq!(
        SnoozeFor::Tomorrow.until(at("2026-05-06T20:00:00Z"), chrono_tz::Europe::Berlin),
        at("2026-05-07T07:00:00Z"),
        "until tomorrow is 09:00 the next day in the user's zone (22:00 CEST on the 6th, so the 7th)"
    );
}

#[test]
fn a_thousand_rules_over_a_day_are_each_delivered_once_and_on_time() {
    let (_dir, vault) = vault();
    // A thousand check-ins at a hundred different minutes of the day, ten per minute.
    for i in 0..1000 {
        let minute = (i % 100) * 14;
        daily(&vault, &format!("{:02}:{:02}", minute / 60, minute % 60));
    }
    let zone = chrono_tz::UTC;
    let (start, end) = (at("2026-05-05T00:00:00Z"), at("2026-05-06T00:00:00Z"));
    // Yesterday's last check-ins are settled first: this test counts the day's own.
    reminders::take_due(&vault, start - Duration::seconds(1), zone, Language::En).unwrap();
    let mut now = start;
    let (mut wakes, mut seen, mut late) = (0, HashSet::new(), Vec::new());
    // The shell's loop with a fake clock: sleep until the next due time, then take what is due.
    while let Some(wake) = reminders::next_wake(&vault, now - Duration::seconds(1), zone).unwrap() {
        if wake >= end {
            break;
        }
        now = wake;
        wakes += 1;
        for delivery in reminders::take_due(&vault, now, zone, Language::En).unwrap() {
            if delivery.reminder.deliver_utc
                != now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            {
                late.push(delivery.reminder.deliver_utc.clone());
            }
            assert!(
                seen.insert((delivery.reminder.rule_id, delivery.reminder.due_utc.clone())),
                "no reminder is delivered twice"
            );
        }
        now += Duration::seconds(1);
    }
    assert_eq!(
        seen.len(),
        1000,
        "every rule's reminder of the day was delivered"
    );
    assert!(late.is_empty(), "each at its due time, not later: {late:?}");
    assert_eq!(
        wakes, 100,
        "one wake-up per distinct minute, none in between"
    );
}

#[test]
fn snoozing_a_reminder_that_has_not_come_yet_counts_from_its_own_time() {
    let (_dir, vault) = vault();
    let check_in = daily(&vault, "09:00");
    let zone = chrono_tz::UTC;
    // At 14:00, from the coming-up list, "one hour" on tomorrow's 09:00 check-in.
    let until = reminders::snooze(
        &vault,
        check_in.id,
        "2026-05-06T09:00:00Z",
        SnoozeFor::OneHour,
        at("2026-05-05T14:00:00Z"),
        zone,
    )
    .unwrap();
    assert_eq!(
        until,
        at("2026-05-06T10:00:00Z"),
        "an hour after its own time, not after now"
    );
    assert!(
        reminders::take_due(&vault, at("2026-05-05T15:00:00Z"), zone, Language::En)
            .unwrap()
            .is_empty(),
        "it does not come early"
    );
    let later = reminders::next_due(&vault, at("2026-05-05T15:00:00Z"), zone, 2).unwrap();
    assert_eq!(
        later
            .iter()
            .map(|d| d.deliver_utc.as_str())
            .collect::<Vec<_>>(),
        ["2026-05-06T10:00:00Z", "2026-05-07T09:00:00Z"],
        "tomorrow's comes at 10:00, the day after's as usual"
    );
}

#[test]
fn editing_a_rule_or_ending_a_pause_never_shows_what_fell_due_before() {
    let (_dir, vault) = vault();
    let group_id = group(&vault, "2020-01-01");
    meeting(&vault, group_id, "2026-05-05T19:00", "UTC", None);
    let rule = before(&vault, group_id, 15);
    let zone = chrono_tz::UTC;
    assert_eq!(
        reminders::take_due(&vault, at("2026-05-05T18:45:00Z"), zone, Language::En)
            .unwrap()
            .len(),
        1
    );

    // At 18:50 the user changes it to 20 minutes: 18:40 is now in the past.
    let twenty = holdspace_core::reminders::RuleInput {
        minutes_before: Some(20),
        kind: rule.kind.into(),
        group_id: Some(group_id),
        ..Default::default()
    };
    reminders::edit_rule(&vault, rule.id, &twenty, at("2026-05-05T18:50:00Z")).unwrap();
    assert!(
        reminders::take_due(&vault, at("2026-05-05T18:50:00Z"), zone, Language::En)
            .unwrap()
            .is_empty(),
        "the edit does not bring back a reminder for the same meeting"
    );

    // A daily check-in paused over its time and resumed after: not caught up.
    let check_in = daily(&vault, "20:00");
    reminders::set_enabled(&vault, check_in.id, false, at("2026-05-05T19:30:00Z")).unwrap();
    reminders::set_enabled(&vault, check_in.id, true, at("2026-05-05T20:10:00Z")).unwrap();
    assert!(
        reminders::take_due(&vault, at("2026-05-05T20:10:00Z"), zone, Language::En)
            .unwrap()
            .is_empty(),
        "a paused rule's reminder is not shown when it is resumed"
    );
    let pause_all = |paused: bool, now: &str| {
        reminders::set_settings(
            &vault,
            &holdspace_core::reminders::ReminderSettings {
                paused,
                ..Default::default()
            },
            at(now),
        )
        .unwrap()
    };
    pause_all(true, "2026-05-06T19:30:00Z");
    pause_all(false, "2026-05-06T20:10:00Z");
    assert!(
        reminders::take_due(&vault, at("2026-05-06T20:10:00Z"), zone, Language::En)
            .unwrap()
            .is_empty(),
        "nor one that fell due while all reminders were paused"
    );
    assert_eq!(
        reminders::take_due(&vault, at("2026-05-07T20:00:00Z"), zone, Language::En)
            .unwrap()
            .len(),
        1,
        "the next day's comes as usual"
    );
}
