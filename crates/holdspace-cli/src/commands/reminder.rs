//! Reminder rules and the schedule from the command line. The schedule is computed in the
//! user's zone as the core tells it (`TZ` when it names an IANA zone), so a script fixes the
//! zone the way a test does.

use std::process::ExitCode;

use chrono::Utc;
use holdspace_core::reminders::{self, DueReminder, ReminderRule, RuleInput, RuleKind};
use holdspace_core::{time, Error};
use serde::Serialize;

use super::Context;
use crate::args::{ReminderAction, WeekdayArg};

/// The JSON number of a weekday, 0 = Sunday (DESIGN.md, the CLI contract).
fn weekday(arg: WeekdayArg) -> u8 {
    match arg {
        WeekdayArg::Sunday => 0,
        WeekdayArg::Monday => 1,
        WeekdayArg::Tuesday => 2,
        WeekdayArg::Wednesday => 3,
        WeekdayArg::Thursday => 4,
        WeekdayArg::Friday => 5,
        WeekdayArg::Saturday => 6,
    }
}

const WEEKDAY_NAMES: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// The name a value has in JSON (the enums are kebab-case there), for the text form.
fn json_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn describe(rule: &ReminderRule) -> String {
    let text = |field: &Option<String>| field.clone().unwrap_or_default();
    let what = match rule.kind {
        RuleKind::BeforeMeeting => format!(
            "{} min before each meeting of group {}",
            rule.minutes_before.unwrap_or_default(),
            rule.group_id.unwrap_or_default()
        ),
        RuleKind::DailyCheckIn => format!("daily check-in at {}", text(&rule.time_of_day)),
        RuleKind::WeeklyBuddyCall => format!(
            "weekly buddy call on {} at {}",
            rule.weekday
                .and_then(|w| WEEKDAY_NAMES.get(usize::from(w)))
                .copied()
                .unwrap_or_default(),
            text(&rule.time_of_day)
        ),
        RuleKind::Custom => format!(
            "\"{}\" from {} {} ({})",
            rule.label,
            text(&rule.start_local),
            text(&rule.time_zone),
            rule.rrule.as_deref().unwrap_or("once")
        ),
    };
    let paused = if rule.enabled { "" } else { ", paused" };
    format!("{}  {what}{paused}", rule.id)
}

fn describe_due(due: &DueReminder) -> String {
    let meeting = due
        .start_utc
        .as_deref()
        .map(|start| format!("  meeting at {start}"))
        .unwrap_or_default();
    format!(
        "{}  rule {}  {}{meeting}",
        due.due_local,
        due.rule_id,
        json_name(&due.kind)
    )
}

/// One line per item, or a hint when there are none (an empty stdout reads like a failure).
fn lines<T>(items: &[T], line: fn(&T) -> String, none: &str) -> String {
    if items.is_empty() {
        return none.into();
    }
    items.iter().map(line).collect::<Vec<_>>().join("\n")
}

fn rule_input(
    group: Option<i64>,
    before: Option<u32>,
    daily_check_in: Option<String>,
    weekly: Option<(WeekdayArg, String)>,
) -> RuleInput {
    // clap allows exactly one of the three forms, so the first that is present is the one.
    if let Some(time) = daily_check_in {
        return RuleInput {
            kind: Some(RuleKind::DailyCheckIn),
            time_of_day: Some(time),
            ..RuleInput::default()
        };
    }
    if let Some((day, time)) = weekly {
        return RuleInput {
            kind: Some(RuleKind::WeeklyBuddyCall),
            weekday: Some(weekday(day)),
            time_of_day: Some(time),
            ..RuleInput::default()
        };
    }
    RuleInput {
        kind: Some(RuleKind::BeforeMeeting),
        group_id: group,
        minutes_before: before,
        ..RuleInput::default()
    }
}

pub fn run(ctx: &Context, action: ReminderAction) -> Result<ExitCode, Error> {
    // Checked before the vault opens: a typo should not cost an unlock.
    let from = match &action {
        ReminderAction::Next {
            from: Some(text), ..
        } => time::parse_instant("from", text)?,
        _ => Utc::now(),
    };
    let (vault, _) = ctx.open(None)?;
    match action {
        ReminderAction::Add {
            group,
            before,
            daily_check_in,
            weekly_buddy_call,
            at,
        } => {
            let input = rule_input(group, before, daily_check_in, weekly_buddy_call.zip(at));
            let rule = reminders::add_rule(&vault, &input, Utc::now())?;
            ctx.out
                .show(&rule, &format!("Added reminder {}", describe(&rule)))?;
        }
        ReminderAction::List => {
            let rules = reminders::list_rules(&vault)?;
            let text = lines(
                &rules,
                describe,
                "No reminders. Add one with `reminder add`.",
            );
            ctx.out.show(&rules, &text)?;
        }
        ReminderAction::Next { from: _, count } => {
            let due = reminders::next_due(&vault, from, time::system_zone(), count)?;
            let text = lines(&due, describe_due, "No reminder is due within a year.");
            ctx.out.show(&due, &text)?;
        }
        ReminderAction::Pause { id } => {
            let rule = reminders::set_enabled(&vault, id, false, Utc::now())?;
            ctx.out
                .show(&rule, &format!("Paused reminder {}", describe(&rule)))?;
        }
        ReminderAction::Resume { id } => {
            let rule = reminders::set_enabled(&vault, id, true, Utc::now())?;
            ctx.out
                .show(&rule, &format!("Resumed reminder {}", describe(&rule)))?;
        }
        ReminderAction::Delete { id } => {
            reminders::delete_rule(&vault, id)?;
            ctx.out.show(
                &serde_json::json!({ "id": id, "deleted": true }),
                &format!("Deleted reminder {id}."),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
