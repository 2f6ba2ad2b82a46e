//! Journal templates: prompts that start an entry. Three come from peer-support practice (a
//! daily check-in, an intention before a meeting, a reflection after one); the user may reword
//! them, reset them, and add their own.

mod builtin;
pub mod model;
mod store;

use chrono::{SecondsFormat, Utc};

pub use builtin::BuiltinTemplate;
pub use model::{Template, TemplateInput, MAX_TEMPLATE_BYTES};

use crate::journal::EntryKind;
use crate::stored::enum_text;
use crate::vault::Vault;
use crate::{Error, Result};

fn not_found() -> Error {
    Error::NotFound { what: "template" }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Every template, built-ins first, in the order they were made.
pub fn list(vault: &Vault) -> Result<Vec<Template>> {
    vault.read(store::list)
}

pub fn get(vault: &Vault, id: i64) -> Result<Template> {
    vault
        .read(|conn| store::get(conn, id))?
        .ok_or_else(not_found)
}

/// The built-in template `which`, in the user's wording if they changed it.
pub fn builtin(vault: &Vault, which: BuiltinTemplate) -> Result<Template> {
    list(vault)?
        .into_iter()
        .find(|t| t.builtin == Some(which))
        .ok_or_else(not_found)
}

pub fn add(vault: &Vault, input: &TemplateInput) -> Result<Template> {
    let valid = model::validate(input)?;
    let id = vault.write(|tx| store::insert(tx, &valid, &now()))?;
    get(vault, id)
}

/// Rewords any template, built-in or the user's own.
pub fn edit(vault: &Vault, id: i64, input: &TemplateInput) -> Result<Template> {
    let valid = model::validate(input)?;
    if !vault.write(|tx| store::update(tx, id, &valid, &now()))? {
        return Err(not_found());
    }
    get(vault, id)
}

/// Gives a built-in template back Holdspace's own wording.
pub fn reset(vault: &Vault, id: i64) -> Result<Template> {
    let Some(which) = get(vault, id)?.builtin else {
        return Err(Error::invalid(
            "only the built-in templates can be reset; delete your own instead",
        ));
    };
    let kind = enum_text(&default_kind(which))?;
    if !vault.write(|tx| store::reset(tx, id, &kind, &now()))? {
        return Err(not_found());
    }
    get(vault, id)
}

/// Deletes one of the user's own templates. Entries written from it are not touched.
pub fn delete(vault: &Vault, id: i64) -> Result<()> {
    if get(vault, id)?.builtin.is_some() {
        return Err(Error::invalid(
            "the built-in templates cannot be deleted; reset one to its own wording instead",
        ));
    }
    if vault.write(|tx| store::delete(tx, id))? {
        Ok(())
    } else {
        Err(not_found())
    }
}

/// The kind each built-in starts, as the migration first stored it.
fn default_kind(which: BuiltinTemplate) -> EntryKind {
    match which {
        BuiltinTemplate::DailyCheckIn | BuiltinTemplate::PreMeeting => EntryKind::CheckIn,
        BuiltinTemplate::PostMeeting => EntryKind::Reflection,
    }
}
