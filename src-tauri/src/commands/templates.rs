//! Journal templates: list, add, reword, reset a built-in, delete one of the user's own.

use holdspace_core::templates::{self, Template, TemplateInput};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn template_list(state: State<'_, AppState>) -> CommandResult<Vec<Template>> {
    Ok(templates::list(&*state.session.vault()?)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn template_add(
    state: State<'_, AppState>,
    template: TemplateInput,
) -> CommandResult<Template> {
    Ok(templates::add(&*state.session.vault()?, &template)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn template_edit(
    state: State<'_, AppState>,
    id: i64,
    template: TemplateInput,
) -> CommandResult<Template> {
    Ok(templates::edit(&*state.session.vault()?, id, &template)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn template_reset(state: State<'_, AppState>, id: i64) -> CommandResult<Template> {
    Ok(templates::reset(&*state.session.vault()?, id)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn template_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(templates::delete(&*state.session.vault()?, id)?)
}
