//! The SQL of the journal and nothing else.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::model::{Entry, EntryKind, PageCursor, Valid};
use crate::stored::{enum_from, enum_text, json_from, json_text};
use crate::Result;

pub(crate) struct Link<'a> {
    pub kind: EntryKind,
    pub group_id: Option<i64>,
    pub occurrence_id: Option<&'a str>,
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    link: &Link<'_>,
    v: &Valid,
    utc: &str,
    local: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO journal_entry (kind, title, body, mood, feelings, group_id, occurrence_id,
            created_utc, created_local, edited_utc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8)",
        params![
            enum_text(&link.kind)?,
            v.title,
            v.body,
            v.mood,
            json_text(&v.feelings)?,
            link.group_id,
            link.occurrence_id,
            utc,
            local
        ],
    )?;
    let id = tx.last_insert_rowid();
    set_tags(tx, id, &v.tags)?;
    Ok(id)
}

pub(crate) fn update(
    tx: &Transaction<'_>,
    id: i64,
    link: &Link<'_>,
    v: &Valid,
    utc: &str,
) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE journal_entry SET kind = ?2, title = ?3, body = ?4, mood = ?5, feelings = ?6,
            group_id = ?7, occurrence_id = ?8, edited_utc = ?9
         WHERE id = ?1 AND trashed_utc IS NULL",
        params![
            id,
            enum_text(&link.kind)?,
            v.title,
            v.body,
            v.mood,
            json_text(&v.feelings)?,
            link.group_id,
            link.occurrence_id,
            utc
        ],
    )?;
    if changed > 0 {
        set_tags(tx, id, &v.tags)?;
    }
    Ok(changed > 0)
}

fn set_tags(tx: &Transaction<'_>, id: i64, tags: &[String]) -> Result<()> {
    tx.execute("DELETE FROM journal_tag WHERE entry_id = ?1", [id])?;
    let mut insert =
        tx.prepare_cached("INSERT INTO journal_tag (entry_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        insert.execute(params![id, tag])?;
    }
    Ok(())
}

pub(crate) fn set_trashed(tx: &Transaction<'_>, id: i64, at: Option<&str>) -> Result<bool> {
    Ok(tx.execute(
        "UPDATE journal_entry SET trashed_utc = ?2 WHERE id = ?1",
        params![id, at],
    )? > 0)
}

/// Really erases the trash: rows, their index entries (by the delete trigger), then merges the
/// index so no segment keeps the old terms. `secure_delete` overwrites the freed pages.
pub(crate) fn empty_trash(tx: &Transaction<'_>) -> Result<usize> {
    let erased = tx.execute(
        "DELETE FROM journal_entry WHERE trashed_utc IS NOT NULL",
        [],
    )?;
    tx.execute(
        "INSERT INTO journal_fts (journal_fts) VALUES ('optimize')",
        [],
    )?;
    Ok(erased)
}

/// Moves the WAL's content into the database and empties the WAL file, so erased pages do not
/// linger there either.
pub(crate) fn checkpoint_truncate(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

fn tags(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM journal_tag WHERE entry_id = ?1 ORDER BY tag")?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: row.get("id")?,
        kind: enum_from(&row.get::<_, String>("kind")?)?,
        title: row.get("title")?,
        body: row.get("body")?,
        mood: row.get("mood")?,
        feelings: json_from(&row.get::<_, String>("feelings")?)?,
        tags: Vec::new(),
        group_id: row.get("group_id")?,
        occurrence_id: row.get("occurrence_id")?,
        created_utc: row.get("created_utc")?,
        created_local: row.get("created_local")?,
        edited_utc: row.get("edited_utc")?,
        trashed: row.get::<_, Option<String>>("trashed_utc")?.is_some(),
    })
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    let entry = conn
        .query_row("SELECT * FROM journal_entry WHERE id = ?1", [id], from_row)
        .optional()?;
    Ok(match entry {
        Some(mut e) => {
            e.tags = tags(conn, e.id)?;
            Some(e)
        }
        None => None,
    })
}

/// A page of the timeline, newest first, after `cursor` (keyset, never OFFSET). The live
/// timeline walks the (trashed_utc, created_utc, id) index from the cursor, so a page costs the
/// same at 100,000 entries as at 1,000; the trash walks its own partial index.
pub(crate) fn page(
    conn: &Connection,
    trashed: bool,
    cursor: Option<&PageCursor>,
    limit: u32,
) -> Result<Vec<Entry>> {
    let filter = if trashed {
        "trashed_utc IS NOT NULL"
    } else {
        "trashed_utc IS NULL"
    };
    let after = if cursor.is_some() {
        "AND (created_utc, id) < (?2, ?3)"
    } else {
        "AND ?2 IS NULL AND ?3 = 0"
    };
    let sql = format!(
        "SELECT * FROM journal_entry WHERE {filter} {after} ORDER BY created_utc DESC, id DESC LIMIT ?1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let (at, id) = cursor.map_or((None, 0), |c| (Some(c.created_utc.as_str()), c.id));
    let entries = stmt
        .query_map(params![limit, at, id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    entries
        .into_iter()
        .map(|mut e| {
            e.tags = tags(conn, e.id)?;
            Ok(e)
        })
        .collect()
}
