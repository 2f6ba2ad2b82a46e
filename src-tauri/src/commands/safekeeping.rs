//! Backups and plaintext exports: a native dialog picks the place, the core writes it.

use holdspace_core::interop::plain_export::{self, JournalFormat, PlainExport};
use holdspace_core::vault::{BackupSummary, SessionState};
use holdspace_core::Error;
use tauri::State;

use super::buddies::desktop;
use crate::desktop::FileKind;
use crate::error::CommandResult;
use crate::language::file_name;
use crate::state::AppState;

/// Asks where to save, then writes an encrypted backup there; none when cancelled.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn backup_create_file(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<Option<BackupSummary>> {
    drop(state.session.vault()?);
    let Some(path) = desktop(&state)?.choose_file_to_save(
        FileKind::Backup,
        file_name(
            &state.data_dir,
            "vault.holdspace-backup",
            "tresor.holdspace-backup",
        ),
    ) else {
        return Ok(None);
    };
    Ok(Some(state.session.backup(passphrase, &path)?))
}

/// Asks for a backup file and restores it into the data folder: an empty one, or over the
/// vault there when `replace` (the UI asks first). None when cancelled.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn backup_restore_file(
    state: State<'_, AppState>,
    passphrase: String,
    replace: bool,
) -> CommandResult<Option<SessionState>> {
    let Some(path) = desktop(&state)?.choose_file_to_open(FileKind::Backup) else {
        return Ok(None);
    };
    let restored = state.session.restore_backup(&path, passphrase, replace);
    Ok(Some(state.after_change(restored)?))
}

/// The journal as plaintext into a folder the person picks; none when cancelled.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn export_journal_folder(
    state: State<'_, AppState>,
    format: JournalFormat,
) -> CommandResult<Option<PlainExport>> {
    drop(state.session.vault()?);
    let Some(dir) = desktop(&state)?.choose_folder() else {
        return Ok(None);
    };
    Ok(Some(plain_export::journal(
        &*state.session.vault()?,
        format,
        &dir,
    )?))
}

fn save_as(
    state: &State<'_, AppState>,
    kind: FileKind,
    name: &str,
) -> Result<Option<std::path::PathBuf>, Error> {
    drop(state.session.vault()?);
    Ok(desktop(state)?.choose_file_to_save(kind, name))
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn export_attendance_file(state: State<'_, AppState>) -> CommandResult<Option<PlainExport>> {
    let Some(path) = save_as(
        &state,
        FileKind::Csv,
        file_name(&state.data_dir, "attendance.csv", "teilnahme.csv"),
    )?
    else {
        return Ok(None);
    };
    Ok(Some(plain_export::attendance_csv(
        &*state.session.vault()?,
        &path,
    )?))
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn export_contacts_file(state: State<'_, AppState>) -> CommandResult<Option<PlainExport>> {
    let Some(path) = save_as(
        &state,
        FileKind::Contacts,
        file_name(&state.data_dir, "contacts.vcf", "kontakte.vcf"),
    )?
    else {
        return Ok(None);
    };
    Ok(Some(plain_export::contacts_vcf(
        &*state.session.vault()?,
        &path,
    )?))
}
