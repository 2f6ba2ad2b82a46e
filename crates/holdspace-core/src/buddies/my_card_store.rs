//! The SQL of the user's own card and its presets.

use rusqlite::{params, Connection, Transaction};

use super::my_card::{CardField, CardFieldInput, MyCard, SharePreset};
use crate::stored::{enum_from, enum_text, json_from};
use crate::{Error, Result};

pub(crate) fn get(conn: &Connection) -> Result<MyCard> {
    let display_name: String =
        conn.query_row("SELECT display_name FROM my_card WHERE id = 1", [], |r| {
            r.get(0)
        })?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, label, value, shared FROM my_card_field ORDER BY position, id",
    )?;
    let fields = stmt
        .query_map([], |row| {
            Ok(CardField {
                id: row.get(0)?,
                kind: enum_from(&row.get::<_, String>(1)?)?,
                label: row.get(2)?,
                value: row.get(3)?,
                shared: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name,
            (SELECT json_group_array(field_id) FROM
                (SELECT field_id FROM share_preset_field WHERE preset_id = p.id ORDER BY field_id))
         FROM share_preset p ORDER BY p.name COLLATE NOCASE, p.id",
    )?;
    let presets = stmt
        .query_map([], |row| {
            Ok(SharePreset {
                id: row.get(0)?,
                name: row.get(1)?,
                field_ids: json_from(&row.get::<_, String>(2)?)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(MyCard {
        display_name,
        fields,
        presets,
    })
}

pub(crate) fn field_ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM my_card_field")?;
    let ids = stmt.query_map([], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<Vec<i64>>>()?)
}

/// Writes the card: updates the fields that have an id, inserts the new ones, deletes the rest
/// (their preset links go with them).
pub(crate) fn save(tx: &Transaction<'_>, name: &str, fields: &[CardFieldInput]) -> Result<()> {
    tx.execute("UPDATE my_card SET display_name = ?1 WHERE id = 1", [name])?;
    let keep: Vec<i64> = fields.iter().filter_map(|f| f.id).collect();
    for id in field_ids(tx)? {
        if !keep.contains(&id) {
            tx.execute("DELETE FROM my_card_field WHERE id = ?1", [id])?;
        }
    }
    for (position, field) in (0_i64..).zip(fields) {
        let kind = enum_text(&field.kind)?;
        match field.id {
            Some(id) => tx.execute(
                "UPDATE my_card_field SET kind = ?2, label = ?3, value = ?4, shared = ?5,
                    position = ?6 WHERE id = ?1",
                params![id, kind, field.label, field.value, field.shared, position],
            )?,
            None => tx.execute(
                "INSERT INTO my_card_field (kind, label, value, shared, position)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![kind, field.label, field.value, field.shared, position],
            )?,
        };
    }
    Ok(())
}

fn set_preset_fields(tx: &Transaction<'_>, id: i64, field_ids: &[i64]) -> Result<()> {
    tx.execute("DELETE FROM share_preset_field WHERE preset_id = ?1", [id])?;
    let mut stmt =
        tx.prepare_cached("INSERT INTO share_preset_field (preset_id, field_id) VALUES (?1, ?2)")?;
    for field_id in field_ids {
        stmt.execute([id, *field_id])?;
    }
    Ok(())
}

fn name_taken(error: rusqlite::Error) -> Error {
    match &error {
        rusqlite::Error::SqliteFailure(failure, _)
            if failure.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Error::Conflict("A preset with this name exists already.".into())
        }
        _ => error.into(),
    }
}

pub(crate) fn insert_preset(tx: &Transaction<'_>, name: &str, field_ids: &[i64]) -> Result<i64> {
    tx.execute("INSERT INTO share_preset (name) VALUES (?1)", [name])
        .map_err(name_taken)?;
    let id = tx.last_insert_rowid();
    set_preset_fields(tx, id, field_ids)?;
    Ok(id)
}

pub(crate) fn update_preset(
    tx: &Transaction<'_>,
    id: i64,
    name: &str,
    field_ids: &[i64],
) -> Result<bool> {
    let changed = tx
        .execute(
            "UPDATE share_preset SET name = ?2 WHERE id = ?1",
            params![id, name],
        )
        .map_err(name_taken)?;
    if changed == 1 {
        set_preset_fields(tx, id, field_ids)?;
    }
    Ok(changed == 1)
}

pub(crate) fn delete_preset(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    Ok(tx.execute("DELETE FROM share_preset WHERE id = ?1", [id])? == 1)
}
