//! The SQL of groups and nothing else.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::model::{Group, KnownNorm, MembershipEvent, MembershipEventKind, MyRole, Venue};
use crate::stored::{enum_from, enum_text, json_from, json_text};
use crate::Result;

/// Whether a group with this id exists: the check every store that refers to a group makes
/// before writing, so a stale id is refused as not found rather than as a constraint failure.
pub(crate) fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM support_group WHERE id = ?1")?
        .exists([id])?)
}

pub(crate) struct GroupRow<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub description: &'a str,
    pub venue: Venue,
    pub address: &'a str,
    pub meeting_link: &'a str,
    pub venue_notes: &'a str,
    pub norms: &'a [KnownNorm],
    pub own_norms: &'a [String],
    pub my_role: MyRole,
    pub colour: &'a str,
}

pub(crate) fn insert(tx: &Transaction<'_>, row: &GroupRow<'_>, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO support_group (name, kind, description, venue, address, meeting_link,
            venue_notes, norms, own_norms, my_role, colour, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            row.name,
            row.kind,
            row.description,
            enum_text(&row.venue)?,
            row.address,
            row.meeting_link,
            row.venue_notes,
            json_text(&row.norms)?,
            json_text(&row.own_norms)?,
            enum_text(&row.my_role)?,
            row.colour,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update(tx: &Transaction<'_>, id: i64, row: &GroupRow<'_>, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE support_group SET name = ?2, kind = ?3, description = ?4, venue = ?5, address = ?6,
            meeting_link = ?7, venue_notes = ?8, norms = ?9, own_norms = ?10, my_role = ?11,
            colour = ?12, updated_at = ?13
         WHERE id = ?1",
        params![
            id,
            row.name,
            row.kind,
            row.description,
            enum_text(&row.venue)?,
            row.address,
            row.meeting_link,
            row.venue_notes,
            json_text(&row.norms)?,
            json_text(&row.own_norms)?,
            enum_text(&row.my_role)?,
            row.colour,
            now
        ],
    )?;
    Ok(())
}

pub(crate) fn add_membership_event(
    tx: &Transaction<'_>,
    group_id: i64,
    event: MembershipEventKind,
    on: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO membership_event (group_id, event, on_date) VALUES (?1, ?2, ?3)",
        params![group_id, enum_text(&event)?, on],
    )?;
    Ok(())
}

pub(crate) fn archive(tx: &Transaction<'_>, id: i64, now: &str) -> Result<bool> {
    Ok(tx.execute(
        "UPDATE support_group SET archived_at = ?2, updated_at = ?2 WHERE id = ?1 AND archived_at IS NULL",
        params![id, now],
    )? > 0)
}

pub(crate) fn delete(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    Ok(tx.execute("DELETE FROM support_group WHERE id = ?1", [id])? > 0)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Group> {
    Ok(Group {
        id: row.get("id")?,
        name: row.get("name")?,
        kind: row.get("kind")?,
        description: row.get("description")?,
        venue: enum_from(&row.get::<_, String>("venue")?)?,
        address: row.get("address")?,
        meeting_link: row.get("meeting_link")?,
        venue_notes: row.get("venue_notes")?,
        norms: json_from(&row.get::<_, String>("norms")?)?,
        own_norms: json_from(&row.get::<_, String>("own_norms")?)?,
        my_role: enum_from(&row.get::<_, String>("my_role")?)?,
        colour: row.get("colour")?,
        archived: row.get::<_, Option<String>>("archived_at")?.is_some(),
        membership: Vec::new(),
    })
}

fn membership(conn: &Connection, group_id: i64) -> Result<Vec<MembershipEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT event, on_date FROM membership_event WHERE group_id = ?1 ORDER BY on_date, id",
    )?;
    let rows = stmt.query_map([group_id], |row| {
        Ok(MembershipEvent {
            event: enum_from(&row.get::<_, String>(0)?)?,
            on: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<Group>> {
    let group = conn
        .query_row("SELECT * FROM support_group WHERE id = ?1", [id], from_row)
        .optional()?;
    match group {
        Some(mut group) => {
            group.membership = membership(conn, id)?;
            Ok(Some(group))
        }
        None => Ok(None),
    }
}

pub(crate) fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Group>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM support_group WHERE ?1 OR archived_at IS NULL ORDER BY name COLLATE NOCASE, id",
    )?;
    let groups = stmt
        .query_map([include_archived], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    groups
        .into_iter()
        .map(|mut g| {
            g.membership = membership(conn, g.id)?;
            Ok(g)
        })
        .collect()
}
