//! Buddies: the user's contacts (buddies, mentors, sponsors, the newcomers they support), their
//! own card with a per-field choice of what to share, and a log of every share. Contacts travel
//! only person to person: a QR code, a .vcf file or a text block, never a server.

pub mod import;
pub mod model;
pub mod my_card;
mod my_card_store;
mod share_store;
pub mod sharing;
mod store;
pub mod support;

use chrono::{SecondsFormat, Utc};

pub use model::{Contact, ContactFilter, ContactInput, Labelled, Photo, Relation};

use crate::vault::Vault;
use crate::{Error, Result};

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn not_found() -> Error {
    Error::NotFound { what: "contact" }
}

fn check_groups(vault: &Vault, input: &ContactInput) -> Result<()> {
    let unknown = vault.read(|conn| store::unknown_groups(conn, &input.group_ids))?;
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid("group_ids: no group has one of these ids"))
    }
}

pub fn add(vault: &Vault, input: &ContactInput) -> Result<Contact> {
    let valid = model::validate(input)?;
    check_groups(vault, &valid)?;
    let id = vault.write(|tx| store::insert(tx, &valid, &now()))?;
    get(vault, id)
}

pub fn get(vault: &Vault, id: i64) -> Result<Contact> {
    vault
        .read(|conn| store::get(conn, id))?
        .ok_or_else(not_found)
}

/// Replaces every field of the contact.
pub fn edit(vault: &Vault, id: i64, input: &ContactInput) -> Result<Contact> {
    let valid = model::validate(input)?;
    check_groups(vault, &valid)?;
    if !vault.write(|tx| store::update(tx, id, &valid, &now()))? {
        return Err(not_found());
    }
    get(vault, id)
}

/// Deletes the contact; the share log keeps the name it had when a card was shared.
pub fn delete(vault: &Vault, id: i64) -> Result<()> {
    if vault.write(|tx| store::delete(tx, id))? {
        Ok(())
    } else {
        Err(not_found())
    }
}

/// Contacts by name, those matching every filter. A few hundred contacts at most, so the
/// text filter runs here rather than in SQL, over every field a person would search by.
pub fn list(vault: &Vault, filter: &ContactFilter) -> Result<Vec<Contact>> {
    let words: Vec<String> = filter
        .text
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let contacts = vault.read(store::list)?;
    Ok(contacts
        .into_iter()
        .filter(|c| filter.relation.is_none_or(|r| c.relation == Some(r)))
        .filter(|c| filter.group_id.is_none_or(|g| c.group_ids.contains(&g)))
        .filter(|c| !filter.any_time_only || c.ok_to_call_any_time)
        .filter(|c| {
            if words.is_empty() {
                return true;
            }
            let haystack = searchable(c);
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect())
}

fn searchable(contact: &Contact) -> String {
    let mut text = format!(
        "{} {} {} {}",
        contact.display_name, contact.pronouns, contact.availability, contact.notes
    );
    for point in contact
        .phones
        .iter()
        .chain(&contact.emails)
        .chain(&contact.messengers)
    {
        text.push(' ');
        text.push_str(&point.label);
        text.push(' ');
        text.push_str(&point.value);
    }
    text.to_lowercase()
}
