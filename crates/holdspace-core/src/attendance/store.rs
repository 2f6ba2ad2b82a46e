//! The SQL of attendance and nothing else.

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};

use super::{Attendance, AttendanceStatus, RoleHeld};
use crate::stored::{enum_from, enum_text};
use crate::Result;

pub(crate) fn upsert(tx: &Transaction<'_>, a: &Attendance, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO attendance (occurrence_id, meeting_id, original_start_utc, status, shared, role,
            mood_before, mood_after, note, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (occurrence_id) DO UPDATE SET status = excluded.status, shared = excluded.shared,
            role = excluded.role, mood_before = excluded.mood_before, mood_after = excluded.mood_after,
            note = excluded.note, recorded_at = excluded.recorded_at",
        params![
            a.occurrence_id,
            a.meeting_id,
            a.original_start_utc,
            enum_text(&a.status)?,
            a.shared,
            enum_text(&a.role)?,
            a.mood_before,
            a.mood_after,
            a.note,
            now
        ],
    )?;
    Ok(())
}

/// Every record, by occurrence id.
pub(crate) fn all(conn: &Connection) -> Result<HashMap<String, Attendance>> {
    let records = for_group(conn, None)?;
    Ok(records
        .into_iter()
        .map(|a| (a.occurrence_id.clone(), a))
        .collect())
}

/// Which of these occurrences have a record, each found by its primary key.
pub(crate) fn recorded<'a>(
    conn: &Connection,
    occurrence_ids: impl Iterator<Item = &'a str>,
) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM attendance WHERE occurrence_id = ?1")?;
    let mut found = std::collections::HashSet::new();
    for id in occurrence_ids {
        if stmt.exists([id])? {
            found.insert(id.to_owned());
        }
    }
    Ok(found)
}

/// Every record, or one group's. Two statements rather than `?1 IS NULL OR m.group_id = ?1`:
/// SQLite plans before the value is bound, so that form read every record of every group even
/// for one group (624 of 624 rows in the query-plan test); this one goes through the group's
/// meetings and `attendance_meeting`.
pub(crate) fn for_group(conn: &Connection, group_id: Option<i64>) -> Result<Vec<Attendance>> {
    const COLUMNS: &str = "SELECT a.occurrence_id, a.meeting_id, a.original_start_utc, a.status,
            a.shared, a.role, a.mood_before, a.mood_after, a.note
         FROM attendance a JOIN meeting m ON m.id = a.meeting_id";
    let mut stmt = match group_id {
        None => conn.prepare_cached(COLUMNS)?,
        Some(_) => conn.prepare_cached(&format!("{COLUMNS} WHERE m.group_id = ?1"))?,
    };
    let rows = match group_id {
        None => stmt.query_map([], record)?,
        Some(id) => stmt.query_map([id], record)?,
    };
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn record(row: &rusqlite::Row<'_>) -> rusqlite::Result<Attendance> {
    Ok(Attendance {
        occurrence_id: row.get(0)?,
        meeting_id: row.get(1)?,
        original_start_utc: row.get(2)?,
        status: enum_from::<AttendanceStatus>(&row.get::<_, String>(3)?)?,
        shared: row.get(4)?,
        role: enum_from::<RoleHeld>(&row.get::<_, String>(5)?)?,
        mood_before: row.get(6)?,
        mood_after: row.get(7)?,
        note: row.get(8)?,
    })
}
