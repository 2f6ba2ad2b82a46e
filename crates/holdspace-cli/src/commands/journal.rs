//! The journal from the command line, including the streaming writer scripts and crash tests
//! use: one entry per stdin line, each acknowledged only after its commit.

use std::io::BufRead;
use std::process::ExitCode;

use holdspace_core::journal::{self, EntryInput, SearchFilters};
use holdspace_core::Error;

use super::Context;
use crate::args::{EntryKindArg, JournalAction};
use crate::output::print_line;

fn kind(arg: EntryKindArg) -> journal::EntryKind {
    match arg {
        EntryKindArg::CheckIn => journal::EntryKind::CheckIn,
        EntryKindArg::Reflection => journal::EntryKind::Reflection,
        EntryKindArg::Note => journal::EntryKind::Note,
    }
}

pub fn run(ctx: &Context, action: JournalAction) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    match action {
        JournalAction::Add {
            kind: k,
            mood,
            tag,
            title,
            lines,
        } => {
            let input = |body: String| EntryInput {
                kind: kind(k),
                title: title.clone(),
                body,
                mood,
                feelings: None,
                tags: Some(tag.clone()),
                group_id: None,
                occurrence_id: None,
            };
            if lines {
                for line in std::io::stdin().lock().lines() {
                    let line = line
                        .map_err(|_| Error::InvalidInput("stdin is not valid UTF-8 text".into()))?;
                    let entry = journal::add(&vault, &input(line))?;
                    print_line(&entry.id.to_string())?;
                }
            } else {
                let mut body = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut body)
                    .map_err(|_| Error::InvalidInput("stdin is not valid UTF-8 text".into()))?;
                let entry = journal::add(&vault, &input(body))?;
                ctx.out.show(&entry, &format!("Added entry {}", entry.id))?;
            }
        }
        JournalAction::List { trash, limit } => {
            let entries = journal::page(&vault, trash, None, limit)?;
            let lines: Vec<String> = entries
                .iter()
                .map(|e| format!("{}  {}  {:?}  {}", e.id, e.created_local, e.kind, e.title))
                .collect();
            ctx.out.show(&entries, &lines.join("\n"))?;
        }
        JournalAction::Search { query, limit } => {
            let hits = journal::search(&vault, &query, &SearchFilters::default(), limit)?;
            let lines: Vec<String> = hits
                .iter()
                .map(|h| format!("{}  {}  {}", h.id, h.created_utc, h.snippet))
                .collect();
            ctx.out.show(&hits, &lines.join("\n"))?;
        }
        JournalAction::Show { id } => {
            let entry = journal::get(&vault, id)?;
            ctx.out
                .show(&entry, &format!("{}\n\n{}", entry.title, entry.body))?;
        }
        JournalAction::Delete { id } => {
            journal::delete(&vault, id)?;
            ctx.out.show(
                &serde_json::json!({ "id": id, "trashed": true }),
                &format!("Moved entry {id} to the trash."),
            )?;
        }
        JournalAction::Restore { id } => {
            let entry = journal::restore(&vault, id)?;
            ctx.out.show(&entry, &format!("Restored entry {id}."))?;
        }
        JournalAction::EmptyTrash => {
            let erased = journal::empty_trash(&vault)?;
            ctx.out.show(
                &serde_json::json!({ "erased": erased }),
                &format!("Erased {erased} entries for good."),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
