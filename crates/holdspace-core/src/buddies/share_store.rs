//! The SQL of the share log.

use rusqlite::{params, Connection, Row, Transaction};

use super::sharing::Share;
use crate::stored::{enum_from, enum_text, json_from, json_text};
use crate::Result;

pub(crate) fn insert(tx: &Transaction<'_>, share: &Share) -> Result<i64> {
    tx.execute(
        "INSERT INTO card_share (shared_utc, method, subject, subject_contact_id, subject_name,
            preset, fields, recipient_contact_id, recipient)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            share.shared_utc,
            enum_text(&share.method)?,
            enum_text(&share.subject)?,
            share.subject_contact_id,
            share.subject_name,
            share.preset,
            json_text(&share.fields)?,
            share.recipient_contact_id,
            share.recipient
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Share> {
    Ok(Share {
        id: row.get("id")?,
        shared_utc: row.get("shared_utc")?,
        method: enum_from(&row.get::<_, String>("method")?)?,
        subject: enum_from(&row.get::<_, String>("subject")?)?,
        subject_contact_id: row.get("subject_contact_id")?,
        subject_name: row.get("subject_name")?,
        preset: row.get("preset")?,
        fields: json_from(&row.get::<_, String>("fields")?)?,
        recipient_contact_id: row.get("recipient_contact_id")?,
        recipient: row.get("recipient")?,
    })
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<Share>> {
    let mut stmt =
        conn.prepare_cached("SELECT * FROM card_share ORDER BY shared_utc DESC, id DESC")?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
