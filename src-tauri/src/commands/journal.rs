//! The journal: write, edit, page through, search, trash.

use holdspace_core::journal::{self, Entry, EntryInput, PageCursor, SearchFilters, SearchHit};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn journal_add(state: State<'_, AppState>, entry: EntryInput) -> CommandResult<Entry> {
    Ok(journal::add(&*state.session.vault()?, &entry)?)
}

/// The save command of the editor's debounced autosave and of the lock handshake.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn journal_edit(
    state: State<'_, AppState>,
    id: i64,
    entry: EntryInput,
) -> CommandResult<Entry> {
    Ok(journal::edit(&*state.session.vault()?, id, &entry)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn journal_get(state: State<'_, AppState>, id: i64) -> CommandResult<Entry> {
    Ok(journal::get(&*state.session.vault()?, id)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn journal_page(
    state: State<'_, AppState>,
    trash: bool,
    after: Option<PageCursor>,
    limit: u32,
) -> CommandResult<Vec<Entry>> {
    Ok(journal::page(
        &*state.session.vault()?,
        trash,
        after.as_ref(),
        limit,
    )?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn journal_search(
    state: State<'_, AppState>,
    text: String,
    filters: SearchFilters,
    limit: u32,
) -> CommandResult<Vec<SearchHit>> {
    Ok(journal::search(
        &*state.session.vault()?,
        &text,
        &filters,
        limit,
    )?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn journal_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(journal::delete(&*state.session.vault()?, id)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn journal_restore(state: State<'_, AppState>, id: i64) -> CommandResult<Entry> {
    Ok(journal::restore(&*state.session.vault()?, id)?)
}

/// Erases the trash for good; the UI confirms first.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn journal_empty_trash(state: State<'_, AppState>) -> CommandResult<u32> {
    let erased = journal::empty_trash(&*state.session.vault()?)?;
    Ok(u32::try_from(erased).unwrap_or(u32::MAX))
}
