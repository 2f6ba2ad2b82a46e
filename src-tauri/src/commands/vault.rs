//! The vault's commands: set-up, unlock, lock, protectors, recovery.

use holdspace_core::vault::{
    CreateRequest, CreatedVault, Erased, NewProtectorRequest, ProtectorKind, RecoverRequest,
    SessionState, UnlockRequest,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_state(state: State<'_, AppState>) -> CommandResult<SessionState> {
    Ok(state.session.state())
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_create(
    state: State<'_, AppState>,
    request: CreateRequest,
) -> CommandResult<CreatedVault> {
    Ok(state.after_change(state.session.create(request))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_unlock(
    state: State<'_, AppState>,
    request: UnlockRequest,
) -> CommandResult<SessionState> {
    Ok(state.after_change(state.session.unlock(request))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_lock(state: State<'_, AppState>) -> CommandResult<SessionState> {
    Ok(state.after_change(state.session.lock())?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_change_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<SessionState> {
    Ok(state.session.change_passphrase(passphrase)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_add_protector(
    state: State<'_, AppState>,
    request: NewProtectorRequest,
) -> CommandResult<SessionState> {
    Ok(state.session.add_protector(request)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_remove_protector(
    state: State<'_, AppState>,
    kind: ProtectorKind,
) -> CommandResult<SessionState> {
    Ok(state.session.remove_protector(kind)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_recover(
    state: State<'_, AppState>,
    request: RecoverRequest,
) -> CommandResult<SessionState> {
    Ok(state.after_change(state.session.recover(request))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_regenerate_recovery_code(state: State<'_, AppState>) -> CommandResult<String> {
    Ok(state.session.regenerate_recovery_code()?)
}

/// Re-encrypts the vault under a new data key; the passphrase (when the vault has one) seals
/// the new key. Returns the new recovery code, shown once.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_rotate_key(
    state: State<'_, AppState>,
    passphrase: Option<String>,
) -> CommandResult<CreatedVault> {
    Ok(state.session.rotate_data_key(passphrase)?)
}

/// "Delete all my data": the vault, its keyring entry and every file the app wrote, after the
/// typed confirmation; then the app quits (and, as it exits, removes what the webview and
/// the window-state plugin wrote on the way out).
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn vault_erase_everything(
    state: State<'_, AppState>,
    confirmation: String,
) -> CommandResult<Erased> {
    let mut erased = state.session.erase_everything(&confirmation)?;
    state
        .erased
        .store(true, std::sync::atomic::Ordering::SeqCst);
    if let Some(desktop) = state.desktop() {
        // The app's own folders (config, cache, logs, start at login) belong to the person's
        // Holdspace, not to the demo, whose every file is in the folder just erased.
        if !state.demo {
            erased.left_behind.extend(desktop.erase_app_files());
        }
        desktop.quit_soon();
    }
    Ok(erased)
}
