//! The schedule: a pure function from rules, meeting occurrences, the delivery log and a time
//! window to the reminders to deliver in that window. No clock, no I/O: the callers pass `now`.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;

use super::model::{parse_time_of_day, weekday, ReminderRule, RuleKind};
use super::quiet::QuietHours;
use crate::meetings::{Occurrence, OccurrenceStatus};
use crate::time::{instant, parse_local, parse_zone, resolve, Recurrence};
use crate::Result;

/// Quiet hours delay a reminder by less than a day, so a window must look this far back for
/// reminders due before it but released inside it.
pub(crate) const QUIET_REACH: Duration = Duration::hours(24);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Delivered,
    Missed,
    Dismissed,
    Snoozed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Logged {
    pub outcome: Outcome,
    pub snoozed_until: Option<DateTime<Utc>>,
    pub occurrence_id: Option<String>,
}

/// The log of the reminders whose time has come, by (rule, due).
pub(crate) type Log = HashMap<(i64, DateTime<Utc>), Logged>;

pub(crate) struct PlanInput<'a> {
    pub rules: &'a [ReminderRule],
    /// Every occurrence starting in the window stretched by the longest offset.
    pub occurrences: &'a [Occurrence],
    pub log: &'a Log,
    pub quiet: Option<QuietHours>,
    pub paused: bool,
    /// When "pause all" last ended: nothing due before it is caught up.
    pub resumed: Option<DateTime<Utc>>,
    /// Settling what is due now (rather than listing what is to come, which may be asked
    /// about any window): reminders from before a rule's edit or a pause are left out.
    pub catching_up: bool,
    /// The user's zone now: daily and weekly times follow the user when they travel.
    pub zone: Tz,
}

/// One reminder: its identity (rule and original due time) and when it is to be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Planned {
    pub rule_id: i64,
    pub kind: RuleKind,
    pub due: DateTime<Utc>,
    pub deliver: DateTime<Utc>,
    pub occurrence_id: Option<String>,
    pub start: Option<DateTime<Utc>>,
    pub group_id: Option<i64>,
}

/// Daily (or weekly, on one weekday) due times at `time` in `zone` within `[from, to)`.
fn wall_clock_dues(
    time: NaiveTime,
    weekday: Option<chrono::Weekday>,
    zone: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<DateTime<Utc>> {
    let first = (from - Duration::days(1)).with_timezone(&zone).date_naive();
    let last = (to + Duration::days(1)).with_timezone(&zone).date_naive();
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| weekday.is_none_or(|w| chrono::Datelike::weekday(d) == w))
        .map(|d| resolve(d.and_time(time), zone))
        .filter(|t| *t >= from && *t < to)
        .collect()
}

/// A reminder's original due time, with its meeting's occurrence and start if it has one.
struct Candidate {
    due: DateTime<Utc>,
    occurrence_id: Option<String>,
    start: Option<DateTime<Utc>>,
}

fn at(due: DateTime<Utc>) -> Candidate {
    Candidate {
        due,
        occurrence_id: None,
        start: None,
    }
}

/// Each candidate due in `[from, to)`.
fn candidates(
    rule: &ReminderRule,
    input: &PlanInput<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Candidate>> {
    let time = |rule: &ReminderRule| -> Result<NaiveTime> {
        parse_time_of_day("time_of_day", rule.time_of_day.as_deref().unwrap_or(""))
    };
    Ok(match rule.kind {
        RuleKind::BeforeMeeting => {
            let offset = Duration::minutes(i64::from(rule.minutes_before.unwrap_or(0)));
            input
                .occurrences
                .iter()
                .filter(|o| Some(o.group_id) == rule.group_id)
                .filter(|o| o.status != OccurrenceStatus::Cancelled)
                .filter_map(|o| {
                    let start = instant(&o.start_utc)?;
                    let due = start - offset;
                    (due >= from && due < to).then(|| Candidate {
                        due,
                        occurrence_id: Some(o.occurrence_id.clone()),
                        start: Some(start),
                    })
                })
                .collect()
        }
        RuleKind::DailyCheckIn => wall_clock_dues(time(rule)?, None, input.zone, from, to)
            .into_iter()
            .map(at)
            .collect(),
        RuleKind::WeeklyBuddyCall => {
            let day = rule.weekday.map(|w| weekday("weekday", w)).transpose()?;
            wall_clock_dues(time(rule)?, day, input.zone, from, to)
                .into_iter()
                .map(at)
                .collect()
        }
        RuleKind::Custom => {
            let start = parse_local("start_local", rule.start_local.as_deref().unwrap_or(""))?;
            let zone = parse_zone("time_zone", rule.time_zone.as_deref().unwrap_or(""))?;
            Recurrence::new(start, zone, rule.rrule.as_deref())?
                .expand(from, to, None)?
                .starts
                .into_iter()
                .map(at)
                .collect()
        }
    })
}

/// Every reminder to be shown in `[from, to)`, in delivery order: not yet logged, or snoozed
/// until a time in the window. A reminder held by quiet hours until its meeting has started is
/// dropped: it would only say what is already too late.
pub(crate) fn plan(
    input: &PlanInput<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Planned>> {
    if input.paused || to <= from {
        return Ok(Vec::new());
    }
    let reach_from = if input.quiet.is_some() {
        from - QUIET_REACH
    } else {
        from
    };
    let mut planned = Vec::new();
    for rule in input.rules.iter().filter(|r| r.enabled) {
        // What fell due before the rule took its present form, or while all was paused, is
        // not this rule's to show.
        let active_from = instant(&rule.active_from_utc)
            .into_iter()
            .chain(input.resumed)
            .max();
        for Candidate {
            due,
            occurrence_id,
            start,
        } in candidates(rule, input, reach_from, to)?
        {
            let before_activation = input.catching_up && active_from.is_some_and(|a| due < a);
            if input.log.contains_key(&(rule.id, due)) || before_activation {
                continue;
            }
            let deliver = input.quiet.map_or(due, |q| q.release(due, input.zone));
            if start.is_some_and(|s| deliver >= s) || deliver < from || deliver >= to {
                continue;
            }
            planned.push(Planned {
                rule_id: rule.id,
                kind: rule.kind,
                due,
                deliver,
                occurrence_id,
                start,
                group_id: rule.group_id,
            });
        }
    }
    // Snoozed reminders come back at the time the user chose, quiet hours or not.
    let rules: HashMap<i64, &ReminderRule> = input
        .rules
        .iter()
        .filter(|r| r.enabled)
        .map(|r| (r.id, r))
        .collect();
    for ((rule_id, due), logged) in input.log {
        let (Outcome::Snoozed, Some(until), Some(rule)) =
            (logged.outcome, logged.snoozed_until, rules.get(rule_id))
        else {
            continue;
        };
        if until < from || until >= to {
            continue;
        }
        let start = (rule.kind == RuleKind::BeforeMeeting)
            .then(|| *due + Duration::minutes(i64::from(rule.minutes_before.unwrap_or(0))));
        planned.push(Planned {
            rule_id: *rule_id,
            kind: rule.kind,
            due: *due,
            deliver: until,
            occurrence_id: logged.occurrence_id.clone(),
            start,
            group_id: rule.group_id,
        });
    }
    planned.sort_by(|a, b| a.deliver.cmp(&b.deliver).then(a.rule_id.cmp(&b.rule_id)));
    Ok(planned)
}
