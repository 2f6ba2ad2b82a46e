//! The journal: check-ins, reflections and notes, with full-text search inside the encrypted
//! vault. User text reaches FTS5 only as bound, quoted phrases, so no input can be read as
//! query syntax. Deleting moves to the trash; emptying the trash really erases.

pub mod model;
mod search_store;
mod store;

use chrono::{Local, SecondsFormat, Utc};
use rusqlite::Connection;

pub use model::{
    Entry, EntryInput, EntryKind, PageCursor, SearchFilters, SearchHit, MAX_BODY_BYTES,
};

use crate::meetings::parse_occurrence_id;
use crate::time::parse_instant;
use crate::vault::Vault;
use crate::{Error, Result};

const MAX_PAGE: u32 = 200;
const MAX_QUERY_TERMS: usize = 32;

fn not_found() -> Error {
    Error::NotFound {
        what: "journal entry",
    }
}

fn link(input: &EntryInput) -> Result<store::Link<'_>> {
    if let Some(id) = &input.occurrence_id {
        parse_occurrence_id(id)?;
    }
    Ok(store::Link {
        kind: input.kind,
        group_id: input.group_id,
        occurrence_id: input.occurrence_id.as_deref(),
    })
}

/// Stores a new entry in its own durable transaction.
pub fn add(vault: &Vault, input: &EntryInput) -> Result<Entry> {
    let valid = model::validate(input)?;
    let link = link(input)?;
    let utc = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    let local = Local::now().to_rfc3339_opts(SecondsFormat::Secs, false);
    let id = vault.write(|tx| store::insert(tx, &link, &valid, &utc, &local))?;
    get(vault, id)
}

/// Replaces an entry's content (not while it is in the trash).
pub fn edit(vault: &Vault, id: i64, input: &EntryInput) -> Result<Entry> {
    let valid = model::validate(input)?;
    let link = link(input)?;
    let utc = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    if !vault.write(|tx| store::update(tx, id, &link, &valid, &utc))? {
        return Err(not_found());
    }
    get(vault, id)
}

pub fn get(vault: &Vault, id: i64) -> Result<Entry> {
    vault
        .read(|conn| store::get(conn, id))?
        .ok_or_else(not_found)
}

/// A page of the timeline (or of the trash), newest first, after `cursor`.
pub fn page(
    vault: &Vault,
    trash: bool,
    cursor: Option<&PageCursor>,
    limit: u32,
) -> Result<Vec<Entry>> {
    let limit = limit.clamp(1, MAX_PAGE);
    vault.read(|conn| store::page(conn, trash, cursor, limit))
}

/// Each whitespace-separated word of the user's text becomes a quoted FTS5 phrase (quotes
/// doubled, NULs dropped), so operators, `NEAR(`, `*` or stray quotes are just text.
fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .map(|t| t.replace('\0', ""))
        .filter(|t| !t.is_empty())
        .take(MAX_QUERY_TERMS)
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The FTS5 query for `text` once the filters are valid; `None` when there is nothing to find.
fn checked_query(text: &str, filters: &SearchFilters) -> Result<Option<String>> {
    if let Some(from) = &filters.from {
        parse_instant("from", from)?;
    }
    if let Some(to) = &filters.to {
        parse_instant("to", to)?;
    }
    Ok(fts_query(text))
}

/// Ranked hits with snippets; titles rank above bodies. Any text is a valid query.
pub fn search(
    vault: &Vault,
    text: &str,
    filters: &SearchFilters,
    limit: u32,
) -> Result<Vec<SearchHit>> {
    vault.read(|conn| search_on(conn, text, filters, limit))
}

/// [`search`] on any connection to a database with the journal's schema: the benchmark runs
/// the very same query on a plain SQLite copy of the vault.
pub(crate) fn search_on(
    conn: &Connection,
    text: &str,
    filters: &SearchFilters,
    limit: u32,
) -> Result<Vec<SearchHit>> {
    let Some(query) = checked_query(text, filters)? else {
        return Ok(Vec::new());
    };
    search_store::search(conn, &query, filters, limit.clamp(1, MAX_PAGE))
}

pub fn delete(vault: &Vault, id: i64) -> Result<()> {
    let at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    if vault.write(|tx| store::set_trashed(tx, id, Some(&at)))? {
        Ok(())
    } else {
        Err(not_found())
    }
}

pub fn restore(vault: &Vault, id: i64) -> Result<Entry> {
    if !vault.write(|tx| store::set_trashed(tx, id, None))? {
        return Err(not_found());
    }
    get(vault, id)
}

/// Erases everything in the trash for good; hosts confirm first. Returns how many went.
pub fn empty_trash(vault: &Vault) -> Result<usize> {
    let erased = vault.write(store::empty_trash)?;
    vault.read(store::checkpoint_truncate)?;
    Ok(erased)
}

/// Stores many entries in one transaction (the benchmark's generated journal).
pub(crate) fn insert_many_unchecked(
    vault: &Vault,
    inputs: &[EntryInput],
    created: &[String],
) -> Result<()> {
    let valid = inputs
        .iter()
        .map(model::validate)
        .collect::<Result<Vec<_>>>()?;
    vault.write(|tx| {
        for ((input, v), at) in inputs.iter().zip(&valid).zip(created) {
            let link = store::Link {
                kind: input.kind,
                group_id: None,
                occurrence_id: None,
            };
            store::insert(tx, &link, v, at, at)?;
        }
        Ok(())
    })
}

/// The same search as a LIKE scan over every entry: the benchmark's baseline.
pub(crate) fn like_scan(vault: &Vault, word: &str) -> Result<usize> {
    vault.read(|conn| search_store::like_scan(conn, word))
}

/// How many entries, live or trashed, match `text` (the benchmark labels its queries with it).
pub(crate) fn count_matches(conn: &Connection, text: &str) -> Result<usize> {
    fts_query(text).map_or(Ok(0), |query| search_store::count_matches(conn, &query))
}
