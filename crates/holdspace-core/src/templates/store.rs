//! SQL for journal templates. A built-in row's NULL name or body means "Holdspace's own wording".

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::builtin::BuiltinTemplate;
use super::model::{Template, TemplateInput};
use crate::stored::{enum_from, enum_text};
use crate::Result;

fn from_row(row: &Row<'_>) -> rusqlite::Result<Template> {
    let builtin: Option<BuiltinTemplate> = row
        .get::<_, Option<String>>("builtin")?
        .map(|b| enum_from(&b))
        .transpose()?;
    let name: Option<String> = row.get("name")?;
    let body: Option<String> = row.get("body")?;
    let customised = builtin.is_some() && (name.is_some() || body.is_some());
    Ok(Template {
        id: row.get("id")?,
        builtin,
        name: name
            .or_else(|| builtin.map(|b| b.name().to_string()))
            .unwrap_or_default(),
        kind: enum_from(&row.get::<_, String>("kind")?)?,
        body: body
            .or_else(|| builtin.map(|b| b.body().to_string()))
            .unwrap_or_default(),
        customised,
    })
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<Template>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM journal_template ORDER BY position, id")?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<Template>> {
    Ok(conn
        .prepare_cached("SELECT * FROM journal_template WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?)
}

pub(crate) fn insert(tx: &Transaction<'_>, input: &TemplateInput, at: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO journal_template (name, kind, body, position, edited_utc)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM journal_template), ?4)",
        params![input.name, enum_text(&input.kind)?, input.body, at],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update(
    tx: &Transaction<'_>,
    id: i64,
    input: &TemplateInput,
    at: &str,
) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE journal_template SET name = ?2, kind = ?3, body = ?4, edited_utc = ?5 WHERE id = ?1",
        params![id, input.name, enum_text(&input.kind)?, input.body, at],
    )?;
    Ok(changed == 1)
}

/// Gives a built-in back its own wording and kind.
pub(crate) fn reset(tx: &Transaction<'_>, id: i64, kind: &str, at: &str) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE journal_template SET name = NULL, body = NULL, kind = ?2, edited_utc = ?3
         WHERE id = ?1 AND builtin IS NOT NULL",
        params![id, kind, at],
    )?;
    Ok(changed == 1)
}

/// Deletes one of the user's own templates; built-ins are never deleted.
pub(crate) fn delete(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    let changed = tx.execute(
        "DELETE FROM journal_template WHERE id = ?1 AND builtin IS NULL",
        [id],
    )?;
    Ok(changed == 1)
}
