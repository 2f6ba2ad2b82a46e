//! Reminders beyond adding a rule (src-tauri's commands/reminders.rs): quiet hours at any
//! times, "pause all", which groups may be named, any edit to any rule, snoozes and dismissals
//! of any due time, and any count of reminders asked for.

use chrono::{Duration, Utc};
use holdspace_core::reminders::{self, ReminderSettings, RuleInput, RuleKind, SnoozeFor};
use proptest::prelude::*;

use crate::fixture::lived_in;
use crate::refused_changes_nothing;
use crate::shapes::{id, instant, local, long_text, rrule, time_of_day, zone};

fn settings() -> impl Strategy<Value = ReminderSettings> {
    (
        prop::option::of(time_of_day()),
        prop::option::of(time_of_day()),
        any::<bool>(),
        prop::collection::vec(id(), 0..40),
    )
        .prop_map(
            |(quiet_start, quiet_end, paused, detail_group_ids)| ReminderSettings {
                quiet_start,
                quiet_end,
                paused,
                detail_group_ids,
            },
        )
}

fn rule() -> impl Strategy<Value = RuleInput> {
    (
        (
            prop::option::of(prop::sample::select(vec![
                RuleKind::BeforeMeeting,
                RuleKind::DailyCheckIn,
                RuleKind::WeeklyBuddyCall,
                RuleKind::Custom,
            ])),
            prop::option::of(id()),
            prop::option::of(prop_oneof![0u32..10_100, any::<u32>()]),
            prop::option::of(time_of_day()),
            prop::option::of(prop_oneof![0u8..8, any::<u8>()]),
        ),
        (
            prop::option::of(local()),
            prop::option::of(zone()),
            rrule(),
            prop::option::of(long_text()),
        ),
    )
        .prop_map(
            |(
                (kind, group_id, minutes_before, time_of_day, weekday),
                (start_local, time_zone, rrule, label),
            )| RuleInput {
                kind,
                group_id,
                minutes_before,
                time_of_day,
                weekday,
                start_local,
                time_zone,
                rrule,
                label,
            },
        )
}

const SNOOZES: [SnoozeFor; 3] = [
    SnoozeFor::TenMinutes,
    SnoozeFor::OneHour,
    SnoozeFor::Tomorrow,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn reminders_take_any_settings_rule_snooze_and_count_and_a_refused_one_changes_nothing(
        settings in settings(),
        edited in rule(),
        rule_id in id(),
        enabled in any::<bool>(),
        due in instant(),
        snooze in prop::sample::select(SNOOZES.to_vec()),
        zone in prop::sample::select(chrono_tz::TZ_VARIANTS.to_vec()),
        count in prop_oneof![0u32..1_100, any::<u32>()],
        days in any::<u32>(),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        let now = Utc::now();
        refused_changes_nothing(vault, || reminders::set_settings(vault, &settings, now));
        refused_changes_nothing(vault, || reminders::edit_rule(vault, rule_id, &edited, now));
        refused_changes_nothing(vault, || reminders::set_enabled(vault, rule_id, enabled, now));
        refused_changes_nothing(vault, || reminders::snooze(vault, rule_id, &due, snooze, now, zone));
        refused_changes_nothing(vault, || reminders::dismiss(vault, rule_id, &due, now));
        refused_changes_nothing(vault, || reminders::next_due(vault, now, zone, count));
        // As the command does: the days clamped, then the log read.
        let since = now - Duration::days(i64::from(days.clamp(1, 366)));
        refused_changes_nothing(vault, || reminders::history(vault, since));
        refused_changes_nothing(vault, || reminders::delete_rule(vault, rule_id));
    }
}
