//! SQL for reminder rules, settings and the delivery log.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::model::{LogEntry, ReminderRule, ReminderSettings, RuleInput, RuleKind};
use super::notice::GroupDetail;
use super::plan::{Log, Logged, Outcome};
use crate::meetings::utc_text;
use crate::stored::{enum_from, enum_text};
use crate::time::instant;
use crate::Result;

fn from_row(row: &Row<'_>) -> rusqlite::Result<ReminderRule> {
    Ok(ReminderRule {
        id: row.get("id")?,
        kind: enum_from(&row.get::<_, String>("kind")?)?,
        group_id: row.get("group_id")?,
        minutes_before: row.get("minutes_before")?,
        time_of_day: row.get("time_of_day")?,
        weekday: row.get("weekday")?,
        start_local: row.get("start_local")?,
        time_zone: row.get("time_zone")?,
        rrule: row.get("rrule")?,
        label: row.get("label")?,
        enabled: row.get("enabled")?,
        created_utc: row.get("created_utc")?,
        active_from_utc: row.get("active_from_utc")?,
    })
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<ReminderRule>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM reminder_rule ORDER BY id")?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<ReminderRule>> {
    Ok(conn
        .prepare_cached("SELECT * FROM reminder_rule WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    kind: RuleKind,
    input: &RuleInput,
    at: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO reminder_rule (kind, group_id, minutes_before, time_of_day, weekday,
             start_local, time_zone, rrule, label, created_utc, active_from_utc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            enum_text(&kind)?,
            input.group_id,
            input.minutes_before,
            input.time_of_day,
            input.weekday,
            input.start_local,
            input.time_zone,
            input.rrule,
            input.label.as_deref().unwrap_or("").trim(),
            at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Replaces a rule's content. Its log stays (a reminder already shown stays shown); the new
/// times start at `at`, so catching up never shows what the edit moved into the past.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: i64,
    kind: RuleKind,
    input: &RuleInput,
    at: &str,
) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE reminder_rule SET kind = ?2, group_id = ?3, minutes_before = ?4,
             time_of_day = ?5, weekday = ?6, start_local = ?7, time_zone = ?8, rrule = ?9,
             label = ?10, active_from_utc = ?11
         WHERE id = ?1",
        params![
            id,
            enum_text(&kind)?,
            input.group_id,
            input.minutes_before,
            input.time_of_day,
            input.weekday,
            input.start_local,
            input.time_zone,
            input.rrule,
            input.label.as_deref().unwrap_or("").trim(),
            at
        ],
    )?;
    Ok(changed == 1)
}

/// Pauses or resumes a rule; resuming starts its reminders at `at` (none from the pause).
pub(crate) fn set_enabled(tx: &Transaction<'_>, id: i64, enabled: bool, at: &str) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE reminder_rule SET enabled = ?2,
             active_from_utc = CASE WHEN ?2 AND NOT enabled THEN ?3 ELSE active_from_utc END
         WHERE id = ?1",
        params![id, enabled, at],
    )?;
    Ok(changed == 1)
}

pub(crate) fn delete(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    Ok(tx.execute("DELETE FROM reminder_rule WHERE id = ?1", [id])? == 1)
}

pub(crate) fn settings(conn: &Connection) -> Result<ReminderSettings> {
    let (quiet_start, quiet_end, paused) = conn.query_row(
        "SELECT quiet_start, quiet_end, paused FROM reminder_settings WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut stmt =
        conn.prepare_cached("SELECT group_id FROM reminder_group_detail ORDER BY group_id")?;
    let detail_group_ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ReminderSettings {
        quiet_start,
        quiet_end,
        paused,
        detail_group_ids,
    })
}

/// Stores the settings; groups that no longer exist are left out of the detail list. Ending
/// "pause all" notes when, so the paused time's reminders are not caught up afterwards.
pub(crate) fn save_settings(tx: &Transaction<'_>, s: &ReminderSettings, at: &str) -> Result<()> {
    tx.execute(
        "UPDATE reminder_settings SET quiet_start = ?1, quiet_end = ?2, paused = ?3,
             resumed_utc = CASE WHEN paused AND NOT ?3 THEN ?4 ELSE resumed_utc END
         WHERE id = 1",
        params![s.quiet_start, s.quiet_end, s.paused, at],
    )?;
    tx.execute("DELETE FROM reminder_group_detail", [])?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO reminder_group_detail (group_id)
         SELECT id FROM support_group WHERE id = ?1",
    )?;
    for id in &s.detail_group_ids {
        insert.execute([id])?;
    }
    Ok(())
}

/// When "pause all" last ended, if ever.
pub(crate) fn resumed(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = conn.query_row(
        "SELECT resumed_utc FROM reminder_settings WHERE id = 1",
        [],
        |r| r.get(0),
    )?;
    Ok(text.as_deref().and_then(instant))
}

/// Name and place of each group whose reminders may show them.
pub(crate) fn group_details(conn: &Connection) -> Result<HashMap<i64, GroupDetail>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name, g.venue, g.address FROM support_group g
         JOIN reminder_group_detail d ON d.group_id = g.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let venue: String = r.get(2)?;
        let address: String = r.get(3)?;
        let place = if venue == "online" {
            "online".to_string()
        } else {
            address
        };
        Ok((
            r.get::<_, i64>(0)?,
            GroupDetail {
                name: r.get(1)?,
                place,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
}

fn outcome_text(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Delivered => "delivered",
        Outcome::Missed => "missed",
        Outcome::Dismissed => "dismissed",
        Outcome::Snoozed => "snoozed",
    }
}

fn outcome_from(text: &str) -> Outcome {
    match text {
        "delivered" => Outcome::Delivered,
        "dismissed" => Outcome::Dismissed,
        "snoozed" => Outcome::Snoozed,
        _ => Outcome::Missed,
    }
}

/// The log of every reminder due since `since`, and of every snooze still to come back.
pub(crate) fn log_since(conn: &Connection, since: DateTime<Utc>) -> Result<Log> {
    let mut stmt = conn.prepare_cached(
        // Two indexed reads: with `OR`, SQLite scanned the whole log (0.9 ms at five years), and
        // left to itself it read old snoozes through the due index, which is nearly all of it.
        "SELECT rule_id, due_utc, outcome, snoozed_until_utc, occurrence_id FROM reminder_log
         WHERE due_utc >= ?1
         UNION ALL
         SELECT rule_id, due_utc, outcome, snoozed_until_utc, occurrence_id
         FROM reminder_log INDEXED BY reminder_log_snoozed
         WHERE outcome = 'snoozed' AND due_utc < ?1",
    )?;
    let rows = stmt.query_map([utc_text(since)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut log = Log::new();
    for row in rows {
        let (rule_id, due, outcome, until, occurrence_id) = row?;
        let Some(due) = instant(&due) else { continue };
        log.insert(
            (rule_id, due),
            Logged {
                outcome: outcome_from(&outcome),
                snoozed_until: until.as_deref().and_then(instant),
                occurrence_id,
            },
        );
    }
    Ok(log)
}

/// Records what became of a reminder. A reminder already settled (anything but a snooze) is
/// never recorded again: returns false, and the caller must not show it.
pub(crate) fn record(
    tx: &Transaction<'_>,
    rule_id: i64,
    due: DateTime<Utc>,
    occurrence_id: Option<&str>,
    outcome: Outcome,
    snoozed_until: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> Result<bool> {
    let changed = tx.execute(
        "INSERT INTO reminder_log (rule_id, due_utc, occurrence_id, outcome, snoozed_until_utc, recorded_utc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (rule_id, due_utc) DO UPDATE SET
             outcome = excluded.outcome,
             snoozed_until_utc = excluded.snoozed_until_utc,
             recorded_utc = excluded.recorded_utc
         WHERE reminder_log.outcome = 'snoozed' OR excluded.outcome = 'snoozed'",
        params![
            rule_id,
            utc_text(due),
            occurrence_id,
            outcome_text(outcome),
            snoozed_until.map(utc_text),
            utc_text(at)
        ],
    )?;
    Ok(changed == 1)
}

/// Settles a reminder as dismissed, whatever was recorded before (a delivery, a snooze).
pub(crate) fn dismiss(
    tx: &Transaction<'_>,
    rule_id: i64,
    due: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO reminder_log (rule_id, due_utc, outcome, recorded_utc)
         VALUES (?1, ?2, 'dismissed', ?3)
         ON CONFLICT (rule_id, due_utc) DO UPDATE SET
             outcome = 'dismissed', snoozed_until_utc = NULL, recorded_utc = excluded.recorded_utc",
        params![rule_id, utc_text(due), utc_text(at)],
    )?;
    Ok(())
}

/// What became of the reminders due since `since`, newest first.
pub(crate) fn history(conn: &Connection, since: DateTime<Utc>) -> Result<Vec<LogEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT rule_id, due_utc, occurrence_id, outcome, snoozed_until_utc, recorded_utc
         FROM reminder_log WHERE due_utc >= ?1 ORDER BY due_utc DESC, rule_id",
    )?;
    let rows = stmt.query_map([utc_text(since)], |r| {
        Ok(LogEntry {
            rule_id: r.get(0)?,
            due_utc: r.get(1)?,
            occurrence_id: r.get(2)?,
            outcome: r.get(3)?,
            snoozed_until_utc: r.get(4)?,
            recorded_utc: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
