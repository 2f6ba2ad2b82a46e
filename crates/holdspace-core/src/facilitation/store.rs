//! The SQL of the facilitation log and nothing else.

use rusqlite::{params, Connection, Transaction};

use super::FacilitationEntry;
use crate::stored::{enum_from, enum_text};
use crate::Result;

pub(crate) fn insert(tx: &Transaction<'_>, e: &FacilitationEntry, now_utc: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO facilitation_log (group_id, held_on, role, how_it_went, what_i_need, self_care, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            e.group_id,
            e.held_on,
            enum_text(&e.role)?,
            e.how_it_went,
            e.what_i_need,
            e.self_care,
            now_utc
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn for_group(conn: &Connection, group_id: i64) -> Result<Vec<FacilitationEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, group_id, held_on, role, how_it_went, what_i_need, self_care
         FROM facilitation_log WHERE group_id = ?1 ORDER BY held_on DESC, id DESC",
    )?;
    let rows = stmt.query_map([group_id], |r| {
        Ok(FacilitationEntry {
            id: r.get(0)?,
            group_id: r.get(1)?,
            held_on: r.get(2)?,
            role: enum_from(&r.get::<_, String>(3)?)?,
            how_it_went: r.get(4)?,
            what_i_need: r.get(5)?,
            self_care: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn delete(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    Ok(tx.execute("DELETE FROM facilitation_log WHERE id = ?1", [id])? == 1)
}
