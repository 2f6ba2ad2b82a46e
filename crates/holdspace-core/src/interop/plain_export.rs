//! Plaintext exports, made only when the user asks and has been warned: the journal as Markdown
//! files or one JSON file, attendance as CSV, contacts as a .vcf. These files are not
//! encrypted; each is created readable by its owner only (on Unix) and written in full before
//! it is given its name, so a failed export leaves no half file behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::vcard::{self, VcardVersion};
use crate::buddies::{self, sharing::card_of, ContactFilter};
use crate::journal::{self, Entry, PageCursor};
use crate::meetings;
use crate::stored::enum_text;
use crate::vault::Vault;
use crate::{attendance, Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum JournalFormat {
    /// One Markdown file per entry, with its details in a front matter block.
    Md,
    /// One `journal.json` holding every entry.
    Json,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PlainExport {
    pub files: Vec<String>,
    pub records: u32,
}

/// Writes `bytes` to `path`: a private temporary file first, then renamed into place.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(".part");
    let temp = PathBuf::from(temp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options
        .open(&temp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written.map_err(Error::io("write the exported file"))
}

/// Every entry outside the trash, oldest first.
fn all_entries(vault: &Vault) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut cursor: Option<PageCursor> = None;
    loop {
        let page = journal::page(vault, false, cursor.as_ref(), 200)?;
        let Some(last) = page.last() else {
            break;
        };
        cursor = Some(PageCursor {
            created_utc: last.created_utc.clone(),
            id: last.id,
        });
        entries.extend(page);
    }
    entries.reverse();
    Ok(entries)
}

/// A YAML-safe one-line value: quoted, with quotes and backslashes escaped.
fn quoted(text: &str) -> String {
    format!(
        "\"{}\"",
        text.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', " ")
    )
}

fn markdown(entry: &Entry) -> Result<String> {
    let list = |items: &[String]| {
        format!(
            "[{}]",
            items
                .iter()
                .map(|i| quoted(i))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let mut out = String::from("---\n");
    out.push_str(&format!("id: {}\n", entry.id));
    out.push_str(&format!("kind: {}\n", enum_text(&entry.kind)?));
    out.push_str(&format!("created_utc: {}\n", entry.created_utc));
    if !entry.title.is_empty() {
        out.push_str(&format!("title: {}\n", quoted(&entry.title)));
    }
    if let Some(mood) = entry.mood {
        out.push_str(&format!("mood: {mood}\n"));
    }
    out.push_str(&format!("feelings: {}\n", list(&entry.feelings)));
    out.push_str(&format!("tags: {}\n", list(&entry.tags)));
    out.push_str("---\n\n");
    out.push_str(&entry.body);
    if !entry.body.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// The journal into `dir` (created if missing).
pub fn journal(vault: &Vault, format: JournalFormat, dir: &Path) -> Result<PlainExport> {
    std::fs::create_dir_all(dir).map_err(Error::io("create the export folder"))?;
    let entries = all_entries(vault)?;
    let mut files = Vec::new();
    match format {
        JournalFormat::Json => {
            let bytes = serde_json::to_vec_pretty(&entries)
                .map_err(|_| Error::Storage("the journal could not be encoded".into()))?;
            write_private(&dir.join("journal.json"), &bytes)?;
            files.push("journal.json".to_string());
        }
        JournalFormat::Md => {
            for entry in &entries {
                let day = entry.created_utc.get(..10).unwrap_or("entry");
                let name = format!("{day}-{}.md", entry.id);
                write_private(&dir.join(&name), markdown(entry)?.as_bytes())?;
                files.push(name);
            }
        }
    }
    Ok(PlainExport {
        files,
        records: u32::try_from(entries.len()).unwrap_or(u32::MAX),
    })
}

/// A CSV field, quoted when it must be (RFC 4180).
fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Attendance of every group as CSV, newest first.
pub fn attendance_csv(vault: &Vault, path: &Path) -> Result<PlainExport> {
    let records = attendance::list(vault, None)?;
    let groups: std::collections::HashMap<i64, i64> = meetings::list(vault, None)?
        .into_iter()
        .map(|m| (m.id, m.group_id))
        .collect();
    let mut out = String::from(
        "occurrence_id,group_id,start_utc,status,shared,role,mood_before,mood_after,note\r\n",
    );
    for record in &records {
        let mood = |m: Option<u8>| m.map(|m| m.to_string()).unwrap_or_default();
        let row = [
            csv(&record.occurrence_id),
            groups
                .get(&record.meeting_id)
                .map(ToString::to_string)
                .unwrap_or_default(),
            csv(&record.original_start_utc),
            enum_text(&record.status)?,
            record.shared.to_string(),
            enum_text(&record.role)?,
            mood(record.mood_before),
            mood(record.mood_after),
            csv(&record.note),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    write_private(path, out.as_bytes())?;
    Ok(PlainExport {
        files: vec![path.display().to_string()],
        records: u32::try_from(records.len()).unwrap_or(u32::MAX),
    })
}

/// Every contact, with every field, as vCard 4.0 in one file.
pub fn contacts_vcf(vault: &Vault, path: &Path) -> Result<PlainExport> {
    let contacts = buddies::list(vault, &ContactFilter::default())?;
    let text: String = contacts
        .iter()
        .map(|c| vcard::write(&card_of(c), VcardVersion::V4))
        .collect();
    write_private(path, text.as_bytes())?;
    Ok(PlainExport {
        files: vec![path.display().to_string()],
        records: u32::try_from(contacts.len()).unwrap_or(u32::MAX),
    })
}
