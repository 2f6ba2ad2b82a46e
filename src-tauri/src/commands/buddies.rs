//! Buddies: contacts, the user's own card and its presets, sharing, import, the share log and
//! the Support now panel. Files are chosen in a native dialog and read or written here, in
//! Rust; the webview never touches the file system.

use holdspace_core::buddies::import::{self, ImportChoice, ImportedCard, MAX_IMPORT_BYTES};
use holdspace_core::buddies::my_card::{self, MyCard, MyCardInput, PresetInput};
use holdspace_core::buddies::sharing::{self, Share, ShareMethod, ShareRequest, Shared};
use holdspace_core::buddies::support::{self, LinkKind, SupportLine};
use holdspace_core::buddies::{self, Contact, ContactFilter, ContactInput};
use holdspace_core::Error;
use tauri::State;

use crate::desktop::{Desktop, FileKind};
use crate::error::CommandResult;
use crate::language::file_name;
use crate::state::AppState;

/// The desktop (dialogs, opener), once the app has started.
pub(crate) fn desktop<'a>(state: &'a State<'_, AppState>) -> Result<&'a dyn Desktop, Error> {
    state.desktop().ok_or(Error::Io {
        action: "reach the desktop",
        source: std::io::Error::other("the app is still starting"),
    })
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_list(
    state: State<'_, AppState>,
    filter: ContactFilter,
) -> CommandResult<Vec<Contact>> {
    Ok(buddies::list(&*state.session.vault()?, &filter)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_get(state: State<'_, AppState>, id: i64) -> CommandResult<Contact> {
    Ok(buddies::get(&*state.session.vault()?, id)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_add(state: State<'_, AppState>, contact: ContactInput) -> CommandResult<Contact> {
    Ok(buddies::add(&*state.session.vault()?, &contact)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_edit(
    state: State<'_, AppState>,
    id: i64,
    contact: ContactInput,
) -> CommandResult<Contact> {
    Ok(buddies::edit(&*state.session.vault()?, id, &contact)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(buddies::delete(&*state.session.vault()?, id)?)
}

/// Asks for a .vcf file and previews its cards; none when the person cancelled the dialog.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_import_file(state: State<'_, AppState>) -> CommandResult<Option<Vec<ImportedCard>>> {
    // Locked? Say so before a dialog opens; the vault is not held while the person chooses.
    drop(state.session.vault()?);
    let Some(path) = desktop(&state)?.choose_file_to_open(FileKind::Contacts) else {
        return Ok(None);
    };
    let too_big = std::fs::metadata(&path)
        .map_err(Error::io("read the contacts file"))?
        .len()
        > MAX_IMPORT_BYTES as u64;
    if too_big {
        return Err(Error::InvalidInput(
            "This file is too large to be a contacts file (over 32 MB).".into(),
        )
        .into());
    }
    let bytes = std::fs::read(&path).map_err(Error::io("read the contacts file"))?;
    Ok(Some(import::preview(&*state.session.vault()?, &bytes)?))
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_import_text(
    state: State<'_, AppState>,
    text: String,
) -> CommandResult<Vec<ImportedCard>> {
    Ok(import::preview_text(&*state.session.vault()?, &text)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_import_save(
    state: State<'_, AppState>,
    choices: Vec<ImportChoice>,
) -> CommandResult<Vec<Contact>> {
    Ok(import::save(&*state.session.vault()?, &choices)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn my_card_get(state: State<'_, AppState>) -> CommandResult<MyCard> {
    Ok(my_card::get(&*state.session.vault()?)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn my_card_save(state: State<'_, AppState>, card: MyCardInput) -> CommandResult<MyCard> {
    Ok(my_card::save(&*state.session.vault()?, &card)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn share_preset_add(state: State<'_, AppState>, preset: PresetInput) -> CommandResult<MyCard> {
    Ok(my_card::add_preset(&*state.session.vault()?, &preset)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn share_preset_edit(
    state: State<'_, AppState>,
    id: i64,
    preset: PresetInput,
) -> CommandResult<MyCard> {
    Ok(my_card::edit_preset(&*state.session.vault()?, id, &preset)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn share_preset_delete(state: State<'_, AppState>, id: i64) -> CommandResult<MyCard> {
    Ok(my_card::delete_preset(&*state.session.vault()?, id)?)
}

/// A QR code to show or a text block to copy; the share is logged.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn card_share(state: State<'_, AppState>, request: ShareRequest) -> CommandResult<Shared> {
    let language = crate::language::of_data_dir(&state.data_dir);
    Ok(sharing::share(
        &*state.session.vault()?,
        &request,
        language,
    )?)
}

/// Asks where to save the card and writes it; none when the person cancelled the dialog.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn card_export_file(
    state: State<'_, AppState>,
    request: ShareRequest,
) -> CommandResult<Option<Share>> {
    drop(state.session.vault()?);
    let (kind, name) = match request.method {
        ShareMethod::QrCode => (
            FileKind::Picture,
            file_name(&state.data_dir, "card.svg", "karte.svg"),
        ),
        _ => (
            FileKind::Contacts,
            file_name(&state.data_dir, "card.vcf", "karte.vcf"),
        ),
    };
    let Some(path) = desktop(&state)?.choose_file_to_save(kind, name) else {
        return Ok(None);
    };
    Ok(Some(sharing::share_to_file(
        &*state.session.vault()?,
        &request,
        &path,
        crate::language::of_data_dir(&state.data_dir),
    )?))
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn share_list(state: State<'_, AppState>) -> CommandResult<Vec<Share>> {
    Ok(sharing::list(&*state.session.vault()?)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn support_line_get(state: State<'_, AppState>) -> CommandResult<SupportLine> {
    Ok(support::line_get(&*state.session.vault()?)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn support_line_save(
    state: State<'_, AppState>,
    line: SupportLine,
) -> CommandResult<SupportLine> {
    Ok(support::line_save(&*state.session.vault()?, &line)?)
}

/// Calls, texts or e-mails through the OS; only links the core built from a checked value.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn contact_open_link(
    state: State<'_, AppState>,
    kind: LinkKind,
    value: String,
) -> CommandResult<()> {
    let url = support::link(kind, &value)?;
    desktop(&state)?
        .open_link(&url)
        // The opener's own message quotes the command with the number in it: never passed on.
        .map_err(|_| Error::Io {
            action: "open the link",
            source: std::io::Error::other(
                "no app on this computer makes calls, sends texts or e-mails for such links",
            ),
        })?;
    Ok(())
}
