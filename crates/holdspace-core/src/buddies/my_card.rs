//! The user's own card: their details, each with its own "share by default" tick, and named
//! presets ("newcomer list", "close buddy") that choose other sets of fields. A field's id is
//! never reused, so a preset can never come to share a number the user did not choose.

use serde::{Deserialize, Serialize};

use super::model::{email, line, multiline, phone};
use super::my_card_store as store;
use crate::vault::Vault;
use crate::{Error, Result};

const MAX_FIELDS: usize = 40;
const MAX_PRESETS: usize = 20;

/// What a field on a card is. The name is on every card; the others are chosen one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum CardFieldKind {
    Name,
    Pronouns,
    Phone,
    Email,
    Messenger,
    Availability,
    OkToCall,
    Relation,
    Since,
    Note,
    Photo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CardField {
    pub id: i64,
    pub kind: CardFieldKind,
    /// "mobile", "work"; for a messenger the service ("Signal").
    pub label: String,
    pub value: String,
    /// Ticked: shared when the card is shared without a preset.
    pub shared: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SharePreset {
    pub id: i64,
    pub name: String,
    pub field_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct MyCard {
    /// A first name or an alias; on every shared card.
    pub display_name: String,
    pub fields: Vec<CardField>,
    pub presets: Vec<SharePreset>,
}

/// A field as the user edits it: `id` for a field that exists, none for a new one.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct CardFieldInput {
    pub id: Option<i64>,
    pub kind: CardFieldKind,
    pub label: String,
    pub value: String,
    pub shared: bool,
}

/// The whole card; fields left out are deleted (and leave every preset).
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct MyCardInput {
    pub display_name: String,
    pub fields: Vec<CardFieldInput>,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct PresetInput {
    pub name: String,
    pub field_ids: Vec<i64>,
}

fn validate_field(field: &CardFieldInput) -> Result<CardFieldInput> {
    let value =
        match field.kind {
            CardFieldKind::Pronouns | CardFieldKind::Availability | CardFieldKind::Messenger => {
                line("value", &field.value, 500, true)?
            }
            CardFieldKind::Phone => phone(&field.value)?,
            CardFieldKind::Email => email(&field.value)?,
            CardFieldKind::Note => {
                let note = multiline("value", &field.value, 2000)?;
                if note.is_empty() {
                    return Err(Error::invalid("value: required"));
                }
                note
            }
            _ => return Err(Error::invalid(
                "kind: my card holds pronouns, phones, e-mails, messengers, availability and notes",
            )),
        };
    Ok(CardFieldInput {
        id: field.id,
        kind: field.kind,
        label: line("label", &field.label, 100, false)?,
        value,
        shared: field.shared,
    })
}

pub fn get(vault: &Vault) -> Result<MyCard> {
    vault.read(store::get)
}

pub fn save(vault: &Vault, input: &MyCardInput) -> Result<MyCard> {
    let display_name = line("display_name", &input.display_name, 200, false)?;
    if input.fields.len() > MAX_FIELDS {
        return Err(Error::invalid(format!("fields: at most {MAX_FIELDS}")));
    }
    let fields = input
        .fields
        .iter()
        .map(validate_field)
        .collect::<Result<Vec<_>>>()?;
    vault.write(|tx| {
        let existing = store::field_ids(tx)?;
        if fields
            .iter()
            .filter_map(|f| f.id)
            .any(|id| !existing.contains(&id))
        {
            return Err(Error::invalid(
                "fields: a field id is not on your card (was it deleted in another window?)",
            ));
        }
        store::save(tx, &display_name, &fields)
    })?;
    get(vault)
}

fn validate_preset(vault: &Vault, input: &PresetInput) -> Result<(String, Vec<i64>)> {
    let name = line("name", &input.name, 100, true)?;
    let existing = vault.read(store::field_ids)?;
    let mut ids = input.field_ids.clone();
    ids.sort_unstable();
    ids.dedup();
    if ids.iter().any(|id| !existing.contains(id)) {
        return Err(Error::invalid("field_ids: a field id is not on your card"));
    }
    Ok((name, ids))
}

pub fn add_preset(vault: &Vault, input: &PresetInput) -> Result<MyCard> {
    let (name, ids) = validate_preset(vault, input)?;
    if get(vault)?.presets.len() >= MAX_PRESETS {
        return Err(Error::invalid(format!("presets: at most {MAX_PRESETS}")));
    }
    vault.write(|tx| store::insert_preset(tx, &name, &ids))?;
    get(vault)
}

pub fn edit_preset(vault: &Vault, id: i64, input: &PresetInput) -> Result<MyCard> {
    let (name, ids) = validate_preset(vault, input)?;
    if !vault.write(|tx| store::update_preset(tx, id, &name, &ids))? {
        return Err(Error::NotFound { what: "preset" });
    }
    get(vault)
}

pub fn delete_preset(vault: &Vault, id: i64) -> Result<MyCard> {
    if !vault.write(|tx| store::delete_preset(tx, id))? {
        return Err(Error::NotFound { what: "preset" });
    }
    get(vault)
}

/// The preset called `name` (exactly, then ignoring case), for the CLI's `--preset`.
pub fn preset_named(card: &MyCard, name: &str) -> Result<SharePreset> {
    card.presets
        .iter()
        .find(|p| p.name == name)
        .or_else(|| {
            card.presets
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name))
        })
        .cloned()
        .ok_or(Error::NotFound { what: "preset" })
}
