//! Journal types that cross the IPC boundary and the CLI, and their validation.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// DESIGN.md: a journal body may hold up to 1 MiB of UTF-8.
pub const MAX_BODY_BYTES: usize = 1_048_576;
const MAX_TITLE_BYTES: usize = 500;
const MAX_WORDS: usize = 20;
const MAX_WORD_BYTES: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    CheckIn,
    Reflection,
    Note,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Entry {
    pub id: i64,
    pub kind: EntryKind,
    pub title: String,
    pub body: String,
    pub mood: Option<u8>,
    pub feelings: Vec<String>,
    pub tags: Vec<String>,
    pub group_id: Option<i64>,
    pub occurrence_id: Option<String>,
    pub created_utc: String,
    /// The writer's local time and offset when it was written.
    pub created_local: String,
    pub edited_utc: String,
    pub trashed: bool,
}

/// A new entry, or the full new content of an existing one.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct EntryInput {
    pub kind: EntryKind,
    pub title: Option<String>,
    pub body: String,
    pub mood: Option<u8>,
    pub feelings: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
    pub group_id: Option<i64>,
    pub occurrence_id: Option<String>,
}

/// One search result: the entry and a snippet with the matches between « and ».
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SearchHit {
    pub id: i64,
    pub kind: EntryKind,
    pub title: String,
    pub created_utc: String,
    pub snippet: String,
}

/// Filters applied beside the text match (never inside it).
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct SearchFilters {
    pub kind: Option<EntryKind>,
    pub group_id: Option<i64>,
    pub tag: Option<String>,
    pub mood: Option<u8>,
    /// RFC 3339 instants, `from` inclusive, `to` exclusive.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Where the next page of the timeline starts: after this entry.
#[derive(Debug, Clone, Deserialize, Serialize, specta::Type)]
pub struct PageCursor {
    pub created_utc: String,
    pub id: i64,
}

pub(crate) struct Valid {
    pub title: String,
    pub body: String,
    pub mood: Option<u8>,
    pub feelings: Vec<String>,
    pub tags: Vec<String>,
}

fn words(field: &str, values: &[String]) -> Result<Vec<String>> {
    if values.len() > MAX_WORDS {
        return Err(Error::invalid(format!("{field}: at most {MAX_WORDS}")));
    }
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let word = value.trim().to_lowercase();
        if word.is_empty() || word.len() > MAX_WORD_BYTES || word.contains('\0') {
            return Err(Error::invalid(format!(
                "{field}: each between 1 and {MAX_WORD_BYTES} bytes"
            )));
        }
        if !out.contains(&word) {
            out.push(word);
        }
    }
    Ok(out)
}

pub(crate) fn validate(input: &EntryInput) -> Result<Valid> {
    if input.body.len() > MAX_BODY_BYTES {
        return Err(Error::invalid(format!(
            "body: at most {MAX_BODY_BYTES} bytes"
        )));
    }
    let title = input.title.as_deref().unwrap_or("").trim().to_string();
    if title.len() > MAX_TITLE_BYTES {
        return Err(Error::invalid(format!(
            "title: at most {MAX_TITLE_BYTES} bytes"
        )));
    }
    if let Some(m) = input.mood {
        if !(1..=5).contains(&m) {
            return Err(Error::invalid("mood: from 1 to 5"));
        }
    }
    Ok(Valid {
        title,
        body: input.body.clone(),
        mood: input.mood,
        feelings: words("feelings", input.feelings.as_deref().unwrap_or(&[]))?,
        tags: words("tags", input.tags.as_deref().unwrap_or(&[]))?,
    })
}
