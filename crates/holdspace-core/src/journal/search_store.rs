//! The SQL of journal search: ranked hits with snippets, and the baselines the benchmark needs.

use rusqlite::{params, Connection, Row};

use super::model::{SearchFilters, SearchHit};
use crate::stored::{enum_from, enum_text};
use crate::Result;

/// Candidates ranked per hit wanted: enough that the trash and a filter such as one mood in
/// five still leave a full page among them.
const CANDIDATES_PER_HIT: i64 = 8;

/// What a hit must pass besides the match, on its entry `e`.
macro_rules! filters {
    () => {
        "e.trashed_utc IS NULL
           AND (?2 IS NULL OR e.kind = ?2)
           AND (?3 IS NULL OR e.group_id = ?3)
           AND (?4 IS NULL OR EXISTS (SELECT 1 FROM journal_tag t WHERE t.entry_id = e.id AND t.tag = ?4))
           AND (?5 IS NULL OR e.mood = ?5)
           AND (?6 IS NULL OR e.created_utc >= ?6)
           AND (?7 IS NULL OR e.created_utc < ?7)"
    };
}

/// Ranks by the index alone (bm25 reads doclists and document sizes, no entry), keeping the
/// best `?9` candidates (`-1`: every match) in a bounded heap rather than sorting every match.
/// Entries are then read in rank order only until `?8` pass the trash and the filters. Reading
/// the entry of every match instead cost 140 ms for a word in a quarter of 100,000 entries:
/// the rows outgrow the page cache, and each page read again is decrypted again. Snippets are
/// made in one more walk of the matches' doclists, probing the hits: seeking the index once
/// per hit instead cost about 15 µs a hit, three times the whole search for a rare word.
const RANKED: &str = concat!(
    "WITH candidates AS (
        SELECT rowid AS id, bm25(journal_fts, 10.0, 1.0) AS score
        FROM journal_fts
        WHERE journal_fts MATCH ?1
        ORDER BY score, rowid
        LIMIT ?9
    ),
    hits AS MATERIALIZED (
        SELECT c.id, c.score
        FROM candidates c CROSS JOIN journal_entry e ON e.id = c.id
        WHERE ",
    filters!(),
    "
        ORDER BY c.score, c.id
        LIMIT ?8
    )
    SELECT e.id, e.kind, e.title, e.created_utc,
           snippet(journal_fts, -1, '«', '»', '…', 16) AS snippet
    FROM journal_fts
        CROSS JOIN hits ON hits.id = journal_fts.rowid
        CROSS JOIN journal_entry e ON e.id = hits.id
    WHERE journal_fts MATCH ?1
    ORDER BY hits.score, hits.id"
);

/// Reads the entry of every match in index order, where neighbouring matches share pages, and
/// ranks only those that pass: for filters that keep almost nothing, this beats reading in
/// rank order (a word in every entry with a tag on none: 170 ms against 420 ms).
const SCANNED: &str = concat!(
    "SELECT e.id, e.kind, e.title, e.created_utc,
            snippet(journal_fts, -1, '«', '»', '…', 16) AS snippet
     FROM journal_fts JOIN journal_entry e ON e.id = journal_fts.rowid
     WHERE journal_fts MATCH ?1 AND ",
    filters!(),
    "
     ORDER BY bm25(journal_fts, 10.0, 1.0), e.id
     LIMIT ?8"
);

/// Ranked hits for an already-quoted FTS5 query; titles weigh ten times the body. The best
/// candidates almost always hold a full page. When the filters or the trash set most of them
/// aside, every match is ranked; whichever way, the hits are the same.
pub(crate) fn search(
    conn: &Connection,
    fts_query: &str,
    f: &SearchFilters,
    limit: u32,
) -> Result<Vec<SearchHit>> {
    let bound = i64::from(limit) * CANDIDATES_PER_HIT;
    let hits = ranked(conn, fts_query, f, limit, bound)?;
    if hits.len() >= usize::try_from(limit).unwrap_or(usize::MAX)
        || !matches_more_than(conn, fts_query, bound)?
    {
        return Ok(hits);
    }
    // Not one of the best candidates passed: so few matches pass that every entry will be read.
    if hits.is_empty() {
        return scanned(conn, fts_query, f, limit);
    }
    ranked(conn, fts_query, f, limit, -1)
}

fn hit(r: &Row<'_>) -> rusqlite::Result<SearchHit> {
    Ok(SearchHit {
        id: r.get(0)?,
        kind: enum_from(&r.get::<_, String>(1)?)?,
        title: r.get(2)?,
        created_utc: r.get(3)?,
        snippet: r.get(4)?,
    })
}

fn ranked(
    conn: &Connection,
    fts_query: &str,
    f: &SearchFilters,
    limit: u32,
    candidates: i64,
) -> Result<Vec<SearchHit>> {
    let kind = f.kind.as_ref().map(enum_text).transpose()?;
    let mut stmt = conn.prepare_cached(RANKED)?;
    let rows = stmt.query_map(
        params![fts_query, kind, f.group_id, f.tag, f.mood, f.from, f.to, limit, candidates],
        hit,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn scanned(
    conn: &Connection,
    fts_query: &str,
    f: &SearchFilters,
    limit: u32,
) -> Result<Vec<SearchHit>> {
    let kind = f.kind.as_ref().map(enum_text).transpose()?;
    let mut stmt = conn.prepare_cached(SCANNED)?;
    let rows = stmt.query_map(
        params![fts_query, kind, f.group_id, f.tag, f.mood, f.from, f.to, limit],
        hit,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether more than `n` entries match, reading no more of the doclists than that.
fn matches_more_than(conn: &Connection, fts_query: &str, n: i64) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM
            (SELECT 1 FROM journal_fts WHERE journal_fts MATCH ?1 LIMIT ?2 + 1)",
    )?;
    let found: i64 = stmt.query_row(params![fts_query, n], |r| r.get(0))?;
    Ok(found > n)
}

/// Every live entry whose title or body contains `word`, by scanning (no index can help).
pub(crate) fn like_scan(conn: &Connection, word: &str) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM journal_entry WHERE trashed_utc IS NULL AND (title LIKE ?1 OR body LIKE ?1)",
    )?;
    let found: i64 = stmt.query_row([format!("%{word}%")], |r| r.get(0))?;
    Ok(usize::try_from(found).unwrap_or(0))
}

/// Every match, live or in the trash.
pub(crate) fn count_matches(conn: &Connection, fts_query: &str) -> Result<usize> {
    let found: i64 = conn.query_row(
        "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH ?1",
        [fts_query],
        |r| r.get(0),
    )?;
    Ok(usize::try_from(found).unwrap_or(0))
}
