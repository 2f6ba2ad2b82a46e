//! The SQL of meetings and nothing else.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::model::{ExceptionKind, Meeting, MeetingException};
use crate::Result;

pub(crate) struct MeetingRow<'a> {
    pub group_id: i64,
    pub title: &'a str,
    pub start_local: &'a str,
    pub time_zone: &'a str,
    pub duration_minutes: u32,
    pub rrule: Option<&'a str>,
}

pub(crate) fn insert(tx: &Transaction<'_>, row: &MeetingRow<'_>, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO meeting (group_id, title, start_local, time_zone, duration_minutes, rrule, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![row.group_id, row.title, row.start_local, row.time_zone, row.duration_minutes, row.rrule, now],
    )?;
    Ok(tx.last_insert_rowid())
}

fn kind_text(kind: ExceptionKind) -> &'static str {
    match kind {
        ExceptionKind::Skipped => "skipped",
        ExceptionKind::Cancelled => "cancelled",
        ExceptionKind::Moved => "moved",
    }
}

fn kind_from(text: &str) -> rusqlite::Result<ExceptionKind> {
    match text {
        "skipped" => Ok(ExceptionKind::Skipped),
        "cancelled" => Ok(ExceptionKind::Cancelled),
        "moved" => Ok(ExceptionKind::Moved),
        _ => Err(rusqlite::Error::InvalidColumnType(
            0,
            "kind".into(),
            rusqlite::types::Type::Text,
        )),
    }
}

pub(crate) fn upsert_exception(
    tx: &Transaction<'_>,
    meeting_id: i64,
    exception: &MeetingException,
) -> Result<()> {
    tx.execute(
        "INSERT INTO meeting_exception (meeting_id, original_start_utc, kind, moved_start_local)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (meeting_id, original_start_utc)
         DO UPDATE SET kind = excluded.kind, moved_start_local = excluded.moved_start_local,
            from_calendar = 0",
        params![
            meeting_id,
            exception.original_start_utc,
            kind_text(exception.kind),
            exception.moved_start_local
        ],
    )?;
    Ok(())
}

fn exceptions(conn: &Connection, meeting_id: i64) -> Result<Vec<MeetingException>> {
    let mut stmt = conn.prepare_cached(
        "SELECT original_start_utc, kind, moved_start_local FROM meeting_exception
         WHERE meeting_id = ?1 ORDER BY original_start_utc",
    )?;
    let rows = stmt.query_map([meeting_id], |row| {
        Ok(MeetingException {
            original_start_utc: row.get(0)?,
            kind: kind_from(&row.get::<_, String>(1)?)?,
            moved_start_local: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: row.get("id")?,
        group_id: row.get("group_id")?,
        title: row.get("title")?,
        start_local: row.get("start_local")?,
        time_zone: row.get("time_zone")?,
        duration_minutes: row.get("duration_minutes")?,
        rrule: row.get("rrule")?,
        exceptions: Vec::new(),
    })
}

fn with_exceptions(conn: &Connection, meetings: Vec<Meeting>) -> Result<Vec<Meeting>> {
    meetings
        .into_iter()
        .map(|mut m| {
            m.exceptions = exceptions(conn, m.id)?;
            Ok(m)
        })
        .collect()
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<Meeting>> {
    let meeting = conn
        .query_row("SELECT * FROM meeting WHERE id = ?1", [id], from_row)
        .optional()?;
    Ok(match meeting {
        Some(m) => with_exceptions(conn, vec![m])?.pop(),
        None => None,
    })
}

/// Meetings of one group, or of every group not archived.
pub(crate) fn list(conn: &Connection, group_id: Option<i64>) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.* FROM meeting m JOIN support_group g ON g.id = m.group_id
         WHERE (?1 IS NULL AND g.archived_at IS NULL) OR m.group_id = ?1
         ORDER BY m.id",
    )?;
    let meetings = stmt
        .query_map([group_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    match group_id {
        Some(_) => with_exceptions(conn, meetings),
        None => with_every_exception(conn, meetings),
    }
}

/// Every meeting's exceptions in one read: the reminder timer and Today list every meeting, and
/// one query per meeting cost about a quarter of finding the next reminder (50 queries, most
/// of them finding nothing). The table holds a person's few changes of plan; those of meetings
/// not listed (archived groups) are read and dropped.
fn with_every_exception(conn: &Connection, mut meetings: Vec<Meeting>) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare_cached(
        "SELECT meeting_id, original_start_utc, kind, moved_start_local FROM meeting_exception
         ORDER BY meeting_id, original_start_utc",
    )?;
    let mut by_meeting: std::collections::HashMap<i64, Vec<MeetingException>> =
        std::collections::HashMap::new();
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            MeetingException {
                original_start_utc: row.get(1)?,
                kind: kind_from(&row.get::<_, String>(2)?)?,
                moved_start_local: row.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (meeting_id, exception) = row?;
        by_meeting.entry(meeting_id).or_default().push(exception);
    }
    for meeting in &mut meetings {
        meeting.exceptions = by_meeting.remove(&meeting.id).unwrap_or_default();
    }
    Ok(meetings)
}

pub(crate) fn cursors(conn: &Connection) -> Result<std::collections::HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached("SELECT meeting_id, cursor_wall FROM meeting_cursor")?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn save_cursor(tx: &Transaction<'_>, meeting_id: i64, wall: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO meeting_cursor (meeting_id, cursor_wall) VALUES (?1, ?2)
         ON CONFLICT (meeting_id) DO UPDATE SET cursor_wall = excluded.cursor_wall
         WHERE excluded.cursor_wall > meeting_cursor.cursor_wall",
        params![meeting_id, wall],
    )?;
    Ok(())
}

pub(crate) fn forget_cursors(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM meeting_cursor", [])?;
    Ok(())
}

/// The meeting that came from the calendar event `uid`, if any.
pub(crate) fn by_calendar_uid(conn: &Connection, uid: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM meeting WHERE calendar_uid = ?1",
            [uid],
            |row| row.get(0),
        )
        .optional()?)
}

/// Replaces a meeting's schedule (and forgets its expansion cursor, which belonged to the old
/// schedule); exceptions are left to the caller.
pub(crate) fn update_schedule(tx: &Transaction<'_>, id: i64, row: &MeetingRow<'_>) -> Result<()> {
    tx.execute(
        "UPDATE meeting SET group_id = ?2, title = ?3, start_local = ?4, time_zone = ?5,
            duration_minutes = ?6, rrule = ?7
         WHERE id = ?1",
        params![
            id,
            row.group_id,
            row.title,
            row.start_local,
            row.time_zone,
            row.duration_minutes,
            row.rrule
        ],
    )?;
    tx.execute("DELETE FROM meeting_cursor WHERE meeting_id = ?1", [id])?;
    Ok(())
}

pub(crate) fn set_calendar_uid(tx: &Transaction<'_>, id: i64, uid: &str) -> Result<()> {
    tx.execute(
        "UPDATE meeting SET calendar_uid = ?2 WHERE id = ?1",
        params![id, uid],
    )?;
    Ok(())
}

/// Every meeting's calendar UID, for those that came from a calendar file.
pub(crate) fn calendar_uids(conn: &Connection) -> Result<std::collections::HashMap<i64, String>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, calendar_uid FROM meeting WHERE calendar_uid IS NOT NULL")?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the exceptions an earlier import of the calendar brought with `exceptions`; an
/// occurrence the user changed themselves keeps their change.
pub(crate) fn replace_calendar_exceptions(
    tx: &Transaction<'_>,
    meeting_id: i64,
    exceptions: &[MeetingException],
) -> Result<()> {
    tx.execute(
        "DELETE FROM meeting_exception WHERE meeting_id = ?1 AND from_calendar = 1",
        [meeting_id],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO meeting_exception
            (meeting_id, original_start_utc, kind, moved_start_local, from_calendar)
         VALUES (?1, ?2, ?3, ?4, 1)
         ON CONFLICT (meeting_id, original_start_utc) DO NOTHING",
    )?;
    for exception in exceptions {
        stmt.execute(params![
            meeting_id,
            exception.original_start_utc,
            kind_text(exception.kind),
            exception.moved_start_local
        ])?;
    }
    Ok(())
}
