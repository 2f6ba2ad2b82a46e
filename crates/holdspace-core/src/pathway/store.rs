//! The SQL of the pathway: the user's ticks, and what the record shows for a group.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{PathwayStep, TickedBy};
use crate::stored::{enum_from, enum_text};
use crate::time::{instant, parse_zone};
use crate::Result;

const ATTENDED: &str = "a.status IN ('attended-in-person', 'attended-online')";

pub(crate) fn ticks(conn: &Connection, group_id: i64) -> Result<HashMap<PathwayStep, String>> {
    let mut stmt =
        conn.prepare_cached("SELECT step, ticked_on FROM pathway_tick WHERE group_id = ?1")?;
    let rows = stmt.query_map([group_id], |r| {
        Ok((enum_from(&r.get::<_, String>(0)?)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    group_id: i64,
    step: PathwayStep,
    today: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO pathway_tick (group_id, step, ticked_on) VALUES (?1, ?2, ?3)
         ON CONFLICT (group_id, step) DO NOTHING",
        params![group_id, enum_text(&step)?, today],
    )?;
    Ok(())
}

pub(crate) fn remove(tx: &Transaction<'_>, group_id: i64, step: PathwayStep) -> Result<()> {
    tx.execute(
        "DELETE FROM pathway_tick WHERE group_id = ?1 AND step = ?2",
        params![group_id, enum_text(&step)?],
    )?;
    Ok(())
}

/// The steps the record shows, each with the first day it shows it: the first meeting attended
/// (on the meeting's own calendar day, the day it was moved to if it was), the first attended meeting where the user shared, the
/// first reflection on the group still in the journal (on the writer's day).
pub(crate) fn from_record(
    conn: &Connection,
    group_id: i64,
) -> Result<HashMap<PathwayStep, (TickedBy, String)>> {
    let mut shown = HashMap::new();
    let attended = format!(
        "SELECT a.original_start_utc, m.time_zone, e.moved_start_local FROM attendance a
         JOIN meeting m ON m.id = a.meeting_id
         LEFT JOIN meeting_exception e ON e.meeting_id = a.meeting_id
             AND e.original_start_utc = a.original_start_utc AND e.kind = 'moved'
         WHERE m.group_id = ?1 AND {ATTENDED}
         ORDER BY a.original_start_utc LIMIT 1"
    );
    let shared = format!(
        "SELECT a.original_start_utc, m.time_zone, e.moved_start_local FROM attendance a
         JOIN meeting m ON m.id = a.meeting_id
         LEFT JOIN meeting_exception e ON e.meeting_id = a.meeting_id
             AND e.original_start_utc = a.original_start_utc AND e.kind = 'moved'
         WHERE m.group_id = ?1 AND {ATTENDED} AND a.shared = 1
         ORDER BY a.original_start_utc LIMIT 1"
    );
    for (sql, step, by) in [
        (attended, PathwayStep::FirstMeeting, TickedBy::Attendance),
        (shared, PathwayStep::Share, TickedBy::Sharing),
    ] {
        let first: Option<(String, String, Option<String>)> = conn
            .prepare_cached(&sql)?
            .query_row([group_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let day = first.and_then(|(start, zone, moved)| match moved {
            Some(moved) => NaiveDate::parse_from_str(moved.get(..10)?, "%Y-%m-%d").ok(),
            None => meeting_day(&start, &zone),
        });
        if let Some(day) = day {
            shown.insert(step, (by, day.to_string()));
        }
    }
    let reflected: Option<String> = conn
        .prepare_cached(
            "SELECT substr(created_local, 1, 10) FROM journal_entry
             WHERE group_id = ?1 AND kind = 'reflection' AND trashed_utc IS NULL
             ORDER BY created_utc LIMIT 1",
        )?
        .query_row([group_id], |r| r.get(0))
        .optional()?;
    if let Some(day) = reflected {
        shown.insert(PathwayStep::Reflect, (TickedBy::Reflection, day));
    }
    Ok(shown)
}

/// The calendar day a meeting started on where it meets; None for a record that cannot be
/// read, which then simply does not tick anything.
fn meeting_day(start_utc: &str, zone: &str) -> Option<NaiveDate> {
    let zone = parse_zone("time_zone", zone).ok()?;
    Some(instant(start_utc)?.with_timezone(&zone).date_naive())
}
