//! The SQL of the milestone and nothing else.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

pub(crate) struct Run {
    pub label: String,
    pub since: String,
    pub ended_on: Option<String>,
}

pub(crate) fn current(tx: &Transaction<'_>) -> Result<Option<(i64, String, chrono::NaiveDate)>> {
    let row: Option<(i64, String, String)> = tx
        .query_row(
            "SELECT id, label, since FROM milestone_run WHERE ended_on IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(row.and_then(|(id, label, since)| {
        chrono::NaiveDate::parse_from_str(&since, "%Y-%m-%d")
            .ok()
            .map(|d| (id, label, d))
    }))
}

pub(crate) fn insert(tx: &Transaction<'_>, label: &str, since: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO milestone_run (label, since) VALUES (?1, ?2)",
        params![label, since],
    )?;
    Ok(())
}

pub(crate) fn end(tx: &Transaction<'_>, id: i64, on: &str) -> Result<()> {
    tx.execute(
        "UPDATE milestone_run SET ended_on = ?2 WHERE id = ?1",
        params![id, on],
    )?;
    Ok(())
}

/// Every run, oldest first.
pub(crate) fn all(conn: &Connection) -> Result<Vec<Run>> {
    let mut stmt =
        conn.prepare_cached("SELECT label, since, ended_on FROM milestone_run ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Run {
            label: r.get(0)?,
            since: r.get(1)?,
            ended_on: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
