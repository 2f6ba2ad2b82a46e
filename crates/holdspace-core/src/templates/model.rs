//! Template types that cross the IPC boundary, and their validation.

use serde::{Deserialize, Serialize};

use super::builtin::BuiltinTemplate;
use crate::journal::EntryKind;
use crate::{Error, Result};

const MAX_NAME_BYTES: usize = 200;
/// A template is a page of prompts, not an entry: 64 KiB is far more than any needs.
pub const MAX_TEMPLATE_BYTES: usize = 65_536;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Template {
    pub id: i64,
    /// Set for the three templates Holdspace brings; they can be reworded and reset, not deleted.
    pub builtin: Option<BuiltinTemplate>,
    pub name: String,
    /// The kind of entry the template starts.
    pub kind: EntryKind,
    pub body: String,
    /// A built-in whose wording the user changed (so "reset" has something to do).
    pub customised: bool,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct TemplateInput {
    pub name: String,
    pub kind: EntryKind,
    pub body: String,
}

pub(crate) fn validate(input: &TemplateInput) -> Result<TemplateInput> {
    let name = input.name.trim();
    if name.is_empty() || name.len() > MAX_NAME_BYTES {
        return Err(Error::invalid(format!(
            "name: between 1 and {MAX_NAME_BYTES} bytes"
        )));
    }
    if input.body.len() > MAX_TEMPLATE_BYTES {
        return Err(Error::invalid(format!(
            "body: at most {MAX_TEMPLATE_BYTES} bytes"
        )));
    }
    if name.contains('\0') || input.body.contains('\0') {
        return Err(Error::invalid("name and body: no NUL characters"));
    }
    Ok(TemplateInput {
        name: name.to_string(),
        kind: input.kind,
        body: input.body.clone(),
    })
}
