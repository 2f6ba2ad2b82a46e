//! Insights into the user's own participation, by DESIGN.md's definitions:
//! - attendance rate = attended / (scheduled - cancelled - excused), counting only meetings that
//!   have started while the user was a member;
//! - streaks count ISO weeks (in the user's zone) with at least one meeting attended; a week
//!   with nothing scheduled is skipped (neither extends nor breaks a streak), a week with
//!   meetings but none attended ends the current streak, the longest is kept;
//! - roles held by count, meetings attended per month, mood before and after.

mod summary;

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use serde::Serialize;

pub use summary::{summarize, Counted};

use crate::attendance::all_records;
use crate::groups::{self, MembershipEventKind};
use crate::meetings::{self, OccurrenceStatus};
use crate::time::parse_date;
use crate::vault::Vault;
use crate::{Error, Result};

#[derive(Debug, Clone, Default, serde::Deserialize, specta::Type)]
pub struct InsightsQuery {
    pub group_id: Option<i64>,
    /// YYYY-MM-DD, inclusive, in the user's zone; default: the first membership date.
    pub from: Option<String>,
    /// YYYY-MM-DD, inclusive; default: today.
    pub to: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type, PartialEq)]
pub struct MonthCount {
    /// YYYY-MM
    pub month: String,
    pub attended: u32,
}

#[derive(Debug, Clone, Serialize, specta::Type, PartialEq)]
pub struct MoodPoint {
    /// YYYY-MM-DD
    pub date: String,
    pub before: u8,
    pub after: u8,
}

#[derive(Debug, Clone, Serialize, specta::Type, PartialEq)]
pub struct Insights {
    pub scheduled: u32,
    pub attended: u32,
    pub missed: u32,
    pub excused: u32,
    pub cancelled: u32,
    /// From 0 to 1; 0 when nothing counted.
    pub attendance_rate: f64,
    pub current_streak_weeks: u32,
    pub longest_streak_weeks: u32,
    /// Role name to the number of meetings the user held it.
    pub roles: std::collections::BTreeMap<String, u32>,
    pub attended_per_month: Vec<MonthCount>,
    pub moods: Vec<MoodPoint>,
    pub mood_before_average: Option<f64>,
    pub mood_after_average: Option<f64>,
}

/// Membership as dated intervals: open from joined/rejoined, closed by paused/left.
fn member_on(events: &[groups::MembershipEvent], day: NaiveDate) -> bool {
    let mut member = false;
    for event in events {
        let Ok(on) = NaiveDate::parse_from_str(&event.on, "%Y-%m-%d") else {
            continue;
        };
        if on > day {
            break;
        }
        member = matches!(
            event.event,
            MembershipEventKind::Joined | MembershipEventKind::Rejoined
        );
    }
    member
}

/// Computes insights for one group or all, in `zone` (the user's), as of `now`.
pub fn compute<Z: TimeZone>(
    vault: &Vault,
    query: &InsightsQuery,
    zone: &Z,
    now: DateTime<Utc>,
) -> Result<Insights> {
    let groups: Vec<groups::Group> = match query.group_id {
        Some(id) => vec![groups::get(vault, id)?],
        // Archiving keeps a group's history, so it still counts.
        None => groups::list(vault, true)?,
    };
    let first_joined = groups
        .iter()
        .flat_map(|g| g.membership.iter())
        .filter_map(|e| NaiveDate::parse_from_str(&e.on, "%Y-%m-%d").ok())
        .min();
    let today = now.with_timezone(zone).date_naive();
    let from = match &query.from {
        Some(d) => parse_date("from", d)?,
        None => first_joined.unwrap_or(today),
    };
    let to = match &query.to {
        Some(d) => parse_date("to", d)?,
        None => today,
    };
    if to < from {
        return Err(Error::invalid("to: must not be before from"));
    }
    // The first instant of the day; where midnight falls in a DST gap, the day begins later.
    let start_of = |day: NaiveDate| -> DateTime<Utc> {
        (0..=3)
            .filter_map(|hour| day.and_hms_opt(hour, 0, 0))
            .find_map(|t| zone.from_local_datetime(&t).earliest())
            .map_or_else(
                || day.and_time(chrono::NaiveTime::MIN).and_utc(),
                |t| t.with_timezone(&Utc),
            )
    };
    let window_from = start_of(from);
    let window_to = start_of(to.succ_opt().unwrap_or(to)).min(now);
    if window_to <= window_from {
        return Ok(summarize(&[], zone));
    }
    let membership: HashMap<i64, &[groups::MembershipEvent]> = groups
        .iter()
        .map(|g| (g.id, g.membership.as_slice()))
        .collect();
    let records = vault.read(all_records)?;
    let mut counted = Vec::new();
    for group in &groups {
        for occurrence in meetings::occurrences(vault, window_from, window_to, Some(group.id))? {
            let Ok(start) = DateTime::parse_from_rfc3339(&occurrence.start_utc) else {
                continue;
            };
            let start = start.with_timezone(&Utc);
            let events = membership.get(&occurrence.group_id).copied().unwrap_or(&[]);
            if start >= now || !member_on(events, start.with_timezone(zone).date_naive()) {
                continue;
            }
            counted.push(Counted {
                start,
                cancelled_by_group: occurrence.status == OccurrenceStatus::Cancelled,
                record: records.get(&occurrence.occurrence_id).cloned(),
            });
        }
    }
    counted.sort_by_key(|c| c.start);
    Ok(summarize(&counted, zone))
}

pub(crate) fn month_key(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}
