//! The pure arithmetic of insights over occurrences already filtered to the period and to
//! membership: easy to check by hand against the definitions.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, TimeZone, Utc};

use super::{month_key, Insights, MonthCount, MoodPoint};
use crate::attendance::{Attendance, AttendanceStatus, RoleHeld};

/// One occurrence that counts: it started while the user was a member.
#[derive(Debug, Clone)]
pub struct Counted {
    pub start: DateTime<Utc>,
    pub cancelled_by_group: bool,
    pub record: Option<Attendance>,
}

#[derive(Default, Clone, Copy)]
struct Week {
    held: u32,
    attended: u32,
}

fn role_name(role: RoleHeld) -> String {
    match serde_json::to_value(role) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::from("none"),
    }
}

pub fn summarize<Z: TimeZone>(occurrences: &[Counted], zone: &Z) -> Insights {
    let (mut attended, mut missed, mut excused, mut cancelled) = (0u32, 0u32, 0u32, 0u32);
    let mut roles = BTreeMap::new();
    let mut months: BTreeMap<String, u32> = BTreeMap::new();
    let mut weeks: BTreeMap<(i32, u32), Week> = BTreeMap::new();
    let mut moods = Vec::new();
    for o in occurrences {
        let day = o.start.with_timezone(zone).date_naive();
        let iso = day.iso_week();
        let week = weeks.entry((iso.year(), iso.week())).or_default();
        let status = o.record.as_ref().map(|r| r.status);
        let group_cancelled = o.cancelled_by_group || status == Some(AttendanceStatus::Cancelled);
        match status {
            _ if group_cancelled => cancelled += 1,
            Some(AttendanceStatus::Excused) => excused += 1,
            Some(s) if s.attended() => {
                attended += 1;
                week.held += 1;
                week.attended += 1;
                *months.entry(month_key(day)).or_default() += 1;
                if let Some(r) = &o.record {
                    if r.role != RoleHeld::None {
                        *roles.entry(role_name(r.role)).or_default() += 1;
                    }
                    if let (Some(before), Some(after)) = (r.mood_before, r.mood_after) {
                        moods.push(MoodPoint {
                            date: day.to_string(),
                            before,
                            after,
                        });
                    }
                }
            }
            // Missed, or nothing recorded for a meeting that happened.
            _ => {
                missed += 1;
                week.held += 1;
            }
        }
    }
    let scheduled = u32::try_from(occurrences.len()).unwrap_or(u32::MAX);
    let denominator = scheduled.saturating_sub(cancelled).saturating_sub(excused);
    let attendance_rate = if denominator == 0 {
        0.0
    } else {
        f64::from(attended) / f64::from(denominator)
    };
    let (mut current, mut longest) = (0u32, 0u32);
    for week in weeks.values() {
        if week.attended > 0 {
            current += 1;
            longest = longest.max(current);
        } else if week.held > 0 {
            current = 0;
        }
        // A week with nothing held (only cancelled or excused) neither extends nor breaks it.
    }
    let average = |pick: fn(&MoodPoint) -> u8| {
        (!moods.is_empty())
            .then(|| moods.iter().map(|m| f64::from(pick(m))).sum::<f64>() / moods.len() as f64)
    };
    Insights {
        scheduled,
        attended,
        missed,
        excused,
        cancelled,
        attendance_rate,
        current_streak_weeks: current,
        longest_streak_weeks: longest,
        roles,
        attended_per_month: months
            .into_iter()
            .map(|(month, attended)| MonthCount { month, attended })
            .collect(),
        mood_before_average: average(|m| m.before),
        mood_after_average: average(|m| m.after),
        moods,
    }
}
