//! Groups: list, show, add, edit, archive, delete (the UI confirms before deleting).

use holdspace_core::groups::{self, Group, GroupChanges, MembershipEventKind, NewGroup};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn group_list(state: State<'_, AppState>, include_archived: bool) -> CommandResult<Vec<Group>> {
    Ok(groups::list(&*state.session.vault()?, include_archived)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn group_get(state: State<'_, AppState>, id: i64) -> CommandResult<Group> {
    Ok(groups::get(&*state.session.vault()?, id)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn group_add(state: State<'_, AppState>, group: NewGroup) -> CommandResult<Group> {
    Ok(groups::add(&*state.session.vault()?, &group)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn group_edit(
    state: State<'_, AppState>,
    id: i64,
    changes: GroupChanges,
) -> CommandResult<Group> {
    Ok(state.after_change(groups::edit(&*state.session.vault()?, id, &changes))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn group_archive(state: State<'_, AppState>, id: i64) -> CommandResult<Group> {
    Ok(state.after_change(groups::archive(&*state.session.vault()?, id))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn group_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.after_change(groups::delete(&*state.session.vault()?, id))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn group_record_membership(
    state: State<'_, AppState>,
    id: i64,
    event: MembershipEventKind,
    on: String,
) -> CommandResult<Group> {
    Ok(groups::record_membership(
        &*state.session.vault()?,
        id,
        event,
        &on,
    )?)
}

/// Opens the group's meeting link in the system browser (never in Holdspace's own window).
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn group_open_meeting_link(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    let url = groups::meeting_link_to_open(&*state.session.vault()?, id)?;
    super::buddies::desktop(&state)?
        .open_link(&url)
        // The opener's own message quotes the link: never passed on.
        .map_err(|_| holdspace_core::Error::Io {
            action: "open the meeting link",
            source: std::io::Error::other("no web browser on this computer opens the link"),
        })?;
    Ok(())
}
