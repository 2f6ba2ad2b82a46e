//! The SQL of contacts and nothing else.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::model::{Contact, ContactInput, Photo};
use crate::stored::{enum_from, enum_text, json_from, json_text};
use crate::Result;

fn from_row(row: &Row<'_>) -> rusqlite::Result<Contact> {
    let photo = match (
        row.get::<_, Option<String>>("photo_type")?,
        row.get::<_, Option<String>>("photo")?,
    ) {
        (Some(media_type), Some(base64)) => Some(Photo { media_type, base64 }),
        _ => None,
    };
    let group_ids: Option<String> = row.get("group_ids")?;
    Ok(Contact {
        id: row.get("id")?,
        display_name: row.get("display_name")?,
        pronouns: row.get("pronouns")?,
        relation: row
            .get::<_, Option<String>>("relation")?
            .map(|r| enum_from(&r))
            .transpose()?,
        phones: json_from(&row.get::<_, String>("phones")?)?,
        emails: json_from(&row.get::<_, String>("emails")?)?,
        messengers: json_from(&row.get::<_, String>("messengers")?)?,
        availability: row.get("availability")?,
        ok_to_call_any_time: row.get("ok_to_call_any_time")?,
        group_ids: group_ids
            .map(|ids| json_from(&ids))
            .transpose()?
            .unwrap_or_default(),
        notes: row.get("notes")?,
        since: row.get("since")?,
        photo,
        updated_utc: row.get("updated_utc")?,
    })
}

const SELECT: &str = "SELECT c.*,
        (SELECT json_group_array(group_id) FROM
            (SELECT group_id FROM contact_group WHERE contact_id = c.id ORDER BY group_id)
        ) AS group_ids
     FROM contact c";

pub(crate) fn list(conn: &Connection) -> Result<Vec<Contact>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} ORDER BY c.display_name COLLATE NOCASE, c.id"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<Contact>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE c.id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// The columns stored as enum text or JSON: relation, phones, e-mails, messengers.
fn encoded(input: &ContactInput) -> Result<(Option<String>, String, String, String)> {
    Ok((
        input.relation.map(|r| enum_text(&r)).transpose()?,
        json_text(&input.phones)?,
        json_text(&input.emails)?,
        json_text(&input.messengers)?,
    ))
}

pub(crate) fn insert(tx: &Transaction<'_>, input: &ContactInput, now: &str) -> Result<i64> {
    let (relation, phones, emails, messengers) = encoded(input)?;
    let photo_type = input.photo.as_ref().map(|p| &p.media_type);
    let photo = input.photo.as_ref().map(|p| &p.base64);
    tx.execute(
        "INSERT INTO contact (display_name, pronouns, relation, phones, emails, messengers,
            availability, ok_to_call_any_time, notes, since, photo_type, photo, created_utc,
            updated_utc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            input.display_name,
            input.pronouns,
            relation,
            phones,
            emails,
            messengers,
            input.availability,
            input.ok_to_call_any_time,
            input.notes,
            input.since,
            photo_type,
            photo,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    set_groups(tx, id, &input.group_ids)?;
    Ok(id)
}

pub(crate) fn update(
    tx: &Transaction<'_>,
    id: i64,
    input: &ContactInput,
    now: &str,
) -> Result<bool> {
    let (relation, phones, emails, messengers) = encoded(input)?;
    let photo_type = input.photo.as_ref().map(|p| &p.media_type);
    let photo = input.photo.as_ref().map(|p| &p.base64);
    let changed = tx.execute(
        "UPDATE contact SET display_name = ?2, pronouns = ?3, relation = ?4, phones = ?5,
            emails = ?6, messengers = ?7, availability = ?8, ok_to_call_any_time = ?9,
            notes = ?10, since = ?11, photo_type = ?12, photo = ?13, updated_utc = ?14
         WHERE id = ?1",
        params![
            id,
            input.display_name,
            input.pronouns,
            relation,
            phones,
            emails,
            messengers,
            input.availability,
            input.ok_to_call_any_time,
            input.notes,
            input.since,
            photo_type,
            photo,
            now
        ],
    )?;
    if changed == 1 {
        set_groups(tx, id, &input.group_ids)?;
    }
    Ok(changed == 1)
}

fn set_groups(tx: &Transaction<'_>, id: i64, group_ids: &[i64]) -> Result<()> {
    tx.execute("DELETE FROM contact_group WHERE contact_id = ?1", [id])?;
    let mut stmt =
        tx.prepare_cached("INSERT INTO contact_group (contact_id, group_id) VALUES (?1, ?2)")?;
    for group_id in group_ids {
        stmt.execute([id, *group_id])?;
    }
    Ok(())
}

pub(crate) fn delete(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    Ok(tx.execute("DELETE FROM contact WHERE id = ?1", [id])? == 1)
}

/// Ids among `group_ids` that are no group of the user's.
pub(crate) fn unknown_groups(conn: &Connection, group_ids: &[i64]) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT count(*) FROM support_group WHERE id = ?1")?;
    let mut unknown = Vec::new();
    for id in group_ids {
        let count: i64 = stmt.query_row([id], |row| row.get(0))?;
        if count == 0 {
            unknown.push(*id);
        }
    }
    Ok(unknown)
}
