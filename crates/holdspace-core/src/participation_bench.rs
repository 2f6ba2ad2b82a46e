//! The participation benchmark: 50 groups meeting weekly for five years, with attendance
//! recorded for each meeting. Each row compares two ways of doing the same work in one run:
//! occurrences through the vault against the bare expansion, the next week's occurrences with
//! the per-rule cursor against from the first start, and insights against the occurrence
//! query they are built on.

use std::time::Duration;

use chrono::{DateTime, Duration as Days, Utc};

use crate::attendance::{self, Attendance, AttendanceStatus, RoleHeld};
use crate::bench::{BenchRow, Size};
use crate::bench_fixture::{best_of, scratch_vault};
use crate::groups::{self, NewGroup};
use crate::insights::{self, InsightsQuery};
use crate::meetings::{self, NewMeeting, Occurrence};
use crate::time::{parse_local, parse_zone, Recurrence};
use crate::vault::Vault;
use crate::{Error, Result};

const ZONES: [&str; 5] = [
    "Europe/Berlin",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
];

fn row(metric: String, baseline: Duration, value: Duration) -> BenchRow {
    let (baseline, value) = (baseline.as_secs_f64() * 1e3, value.as_secs_f64() * 1e3);
    BenchRow {
        metric,
        baseline,
        value,
        ratio: if baseline > 0.0 {
            value / baseline
        } else {
            0.0
        },
        // Reported for the notes; the hard budget (next reminder under 1 ms) comes with reminders.
        budget: 0.0,
        unit: "ms".into(),
        hard: false,
    }
}

pub fn run(size: Size) -> Result<Vec<BenchRow>> {
    let groups_count = if size == Size::Full { 50 } else { 3 };
    let dir = std::env::temp_dir().join(format!(
        "holdspace-bench-participation-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let result = measure(&dir, groups_count);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Five years of weekly meetings of `groups_count` groups in five zones, each past meeting with
/// its attendance recorded: the history this benchmark and the reminders benchmark share.
pub(crate) struct History {
    pub vault: Vault,
    /// The end of the five years (the clock when the fixture was built).
    pub now: DateTime<Utc>,
    pub five_years_ago: DateTime<Utc>,
    pub group_ids: Vec<i64>,
    /// Each group's weekly rule, for expansion without the vault.
    pub rules: Vec<Recurrence>,
    /// Every occurrence in the five years, in start order.
    pub past: Vec<Occurrence>,
}

pub(crate) fn history(dir: &std::path::Path, groups_count: usize) -> Result<History> {
    let vault = scratch_vault(dir)?;
    let now = Utc::now();
    let five_years_ago = now - Days::days(5 * 365);
    let first_day = five_years_ago.date_naive();
    let mut rules = Vec::new();
    let mut group_ids = Vec::new();
    for i in 0..groups_count {
        let group = groups::add(
            &vault,
            &NewGroup {
                name: format!("Group {i}"),
                kind: "other".into(),
                joined: Some(first_day.to_string()),
                ..NewGroup::default()
            },
        )?;
        group_ids.push(group.id);
        let start = format!(
            "{}T{:02}:30",
            first_day + Days::days(i64::try_from(i % 7).unwrap_or(0)),
            17 + i % 4
        );
        let zone = ZONES[i % ZONES.len()];
        meetings::add(
            &vault,
            &NewMeeting {
                group_id: group.id,
                title: None,
                start_local: start.clone(),
                time_zone: zone.into(),
                duration_minutes: 90,
                rrule: Some("FREQ=WEEKLY".into()),
            },
        )?;
        rules.push(Recurrence::new(
            parse_local("start", &start)?,
            parse_zone("time_zone", zone)?,
            Some("FREQ=WEEKLY"),
        )?);
    }
    // Attendance for every past meeting: about seven in ten attended, some with a role.
    let past = meetings::occurrences(&vault, five_years_ago, now, None)?;
    let records: Vec<Attendance> = past
        .iter()
        .enumerate()
        .map(|(n, o)| Attendance {
            occurrence_id: o.occurrence_id.clone(),
            meeting_id: o.meeting_id,
            original_start_utc: o.original_start_utc.clone(),
            status: if n % 10 < 7 {
                AttendanceStatus::AttendedInPerson
            } else {
                AttendanceStatus::Missed
            },
            shared: true,
            role: if n % 5 == 0 {
                RoleHeld::Greeter
            } else {
                RoleHeld::None
            },
            mood_before: Some(3),
            mood_after: Some(4),
            note: String::new(),
        })
        .collect();
    attendance::insert_unchecked(&vault, &records)?;
    if past.is_empty() {
        return Err(Error::Storage("the benchmark generated no meetings".into()));
    }
    Ok(History {
        vault,
        now,
        five_years_ago,
        group_ids,
        rules,
        past,
    })
}

fn measure(dir: &std::path::Path, groups_count: usize) -> Result<Vec<BenchRow>> {
    let History {
        vault,
        now,
        five_years_ago,
        rules,
        past,
        ..
    } = history(dir, groups_count)?;
    let count = past.len();

    let bare = best_of(3, || {
        let mut n = 0;
        for rule in &rules {
            n += rule.expand(five_years_ago, now, None)?.starts.len();
        }
        Ok(n)
    })?;
    let through_vault = best_of(3, || {
        meetings::occurrences(&vault, five_years_ago, now, None)
    })?;

    let next_week = (now, now + Days::days(7));
    let from_first_start = best_of(3, || {
        meetings::forget_cursors(&vault)?;
        meetings::occurrences(&vault, next_week.0, next_week.1, None)
    })?;
    meetings::occurrences(&vault, next_week.0, next_week.1, None)?;
    let with_cursor = best_of(5, || {
        meetings::occurrences(&vault, next_week.0, next_week.1, None)
    })?;

    let query = InsightsQuery::default();
    let insights_time = best_of(3, || insights::compute(&vault, &query, &chrono::Utc, now))?;
    vault.lock()?;
    Ok(vec![
        row(
            format!(
                "occurrences, {groups_count} groups x 5 years ({count}), vault vs bare expansion"
            ),
            bare,
            through_vault,
        ),
        row(
            format!("next week, {groups_count} groups after 5 years, cursor vs first start"),
            from_first_start,
            with_cursor,
        ),
        row(
            format!("insights over 5 years ({count} meetings) vs their occurrence query"),
            through_vault,
            insights_time,
        ),
    ])
}
