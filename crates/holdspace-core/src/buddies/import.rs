//! Importing cards: a preview of what each card holds and whether it looks like someone the
//! user already has, then saving the cards the user chose, as new contacts or merged into the
//! likely duplicates. Nothing is saved by the preview.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::model::{self, Contact, ContactInput, Labelled};
use super::store;
use crate::interop::vcard::{self, Card};
use crate::vault::Vault;
use crate::{Error, Result};

/// A .vcf of a whole address book is a few megabytes; more than this is not a contacts file.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum DuplicateReason {
    SamePhone,
    SameEmail,
    SameName,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct LikelyDuplicate {
    pub contact_id: i64,
    pub display_name: String,
    pub reason: DuplicateReason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ImportedCard {
    pub card: Card,
    /// What the contact would be if every field were kept (photo dropped).
    pub contact: ContactInput,
    pub likely_duplicate: Option<LikelyDuplicate>,
}

/// A card the user chose to keep, with the fields they kept.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ImportChoice {
    pub contact: ContactInput,
    /// Merge into this contact instead of adding a new one.
    pub merge_into: Option<i64>,
}

/// The last digits of a number, which survive the ways people write a country code.
fn phone_key(value: &str) -> String {
    let digits: Vec<char> = value.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(9)..].iter().collect()
}

fn same_point(a: &Labelled, b: &Labelled, phone: bool) -> bool {
    if phone {
        let key = phone_key(&a.value);
        key.len() >= 6 && key == phone_key(&b.value)
    } else {
        a.value.trim().eq_ignore_ascii_case(b.value.trim())
    }
}

/// The user's contacts by phone key, e-mail and name, built once per preview: a file of
/// thousands of cards is compared in linear time.
struct Known<'a> {
    phones: HashMap<String, &'a Contact>,
    emails: HashMap<String, &'a Contact>,
    names: HashMap<String, &'a Contact>,
}

impl<'a> Known<'a> {
    fn new(contacts: &'a [Contact]) -> Self {
        let mut known = Self {
            phones: HashMap::new(),
            emails: HashMap::new(),
            names: HashMap::new(),
        };
        for contact in contacts {
            for phone in &contact.phones {
                let key = phone_key(&phone.value);
                if key.len() >= 6 {
                    known.phones.entry(key).or_insert(contact);
                }
            }
            for email in &contact.emails {
                known
                    .emails
                    .entry(email.value.trim().to_lowercase())
                    .or_insert(contact);
            }
            known
                .names
                .entry(contact.display_name.trim().to_lowercase())
                .or_insert(contact);
        }
        known
    }

    fn duplicate_of(&self, input: &ContactInput) -> Option<LikelyDuplicate> {
        let found = |c: &Contact, reason| LikelyDuplicate {
            contact_id: c.id,
            display_name: c.display_name.clone(),
            reason,
        };
        input
            .phones
            .iter()
            .find_map(|p| self.phones.get(&phone_key(&p.value)))
            .map(|c| found(c, DuplicateReason::SamePhone))
            .or_else(|| {
                input
                    .emails
                    .iter()
                    .find_map(|e| self.emails.get(&e.value.trim().to_lowercase()))
                    .map(|c| found(c, DuplicateReason::SameEmail))
            })
            .or_else(|| {
                self.names
                    .get(&input.display_name.trim().to_lowercase())
                    .map(|c| found(c, DuplicateReason::SameName))
            })
    }
}

/// Cuts `text` to at most `max` bytes at a character boundary, on one line.
fn clamp_line(text: &str, max: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    clamp(one_line.trim(), max)
}

fn clamp(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

/// The contact a card makes, with every value brought within the contact's rules. Numbers and
/// addresses the rules refuse are kept in the notes rather than lost.
pub fn contact_from(card: &Card, keep_photo: bool) -> ContactInput {
    let mut notes = card
        .notes
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>();
    let mut keep = |points: &[Labelled], what: &str, check: &dyn Fn(&str) -> bool| {
        let mut kept = Vec::new();
        for point in points {
            let value = clamp_line(&point.value, 500);
            let label = clamp_line(&point.label, 100);
            if check(&value) && kept.len() < 20 {
                kept.push(Labelled { label, value });
            } else if !value.is_empty() {
                notes.push_str(&format!("\n{what} {label}: {value}"));
            }
        }
        kept
    };
    let phones = keep(&card.phones, "Phone", &|v| model::phone(v).is_ok());
    let emails = keep(&card.emails, "Email", &|v| model::email(v).is_ok());
    let messengers = keep(&card.messengers, "Messenger", &|v| !v.is_empty());
    let display_name = [
        card.name.as_str(),
        card.other_name.as_str(),
        emails.first().map_or("", |e| e.value.as_str()),
        phones.first().map_or("", |p| p.value.as_str()),
    ]
    .into_iter()
    .map(|n| clamp_line(n, 200))
    .find(|n| !n.is_empty())
    .unwrap_or_else(|| "Imported contact".to_string());
    ContactInput {
        display_name,
        pronouns: clamp_line(&card.pronouns, 100),
        relation: card.relation,
        phones,
        emails,
        messengers,
        availability: clamp_line(&card.availability, 500),
        ok_to_call_any_time: card.ok_to_call_any_time,
        group_ids: Vec::new(),
        notes: clamp(notes.trim(), 20_000),
        since: card.since.clone(),
        photo: if keep_photo { card.photo.clone() } else { None },
    }
}

fn preview_cards(vault: &Vault, cards: Vec<Card>) -> Result<Vec<ImportedCard>> {
    let contacts = vault.read(store::list)?;
    let known = Known::new(&contacts);
    Ok(cards
        .into_iter()
        .map(|card| {
            let contact = contact_from(&card, false);
            ImportedCard {
                likely_duplicate: known.duplicate_of(&contact),
                card,
                contact,
            }
        })
        .collect())
}

/// The cards in a .vcf file's bytes, nothing saved.
pub fn preview(vault: &Vault, bytes: &[u8]) -> Result<Vec<ImportedCard>> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(Error::invalid(
            "This file is too large to be a contacts file (over 32 MB).",
        ));
    }
    preview_cards(vault, vcard::parse(bytes))
}

/// The cards in pasted text (vCard or Holdspace's text block), nothing saved.
pub fn preview_text(vault: &Vault, text: &str) -> Result<Vec<ImportedCard>> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(Error::invalid("The pasted text is too long (over 32 MB)."));
    }
    preview_cards(vault, vcard::parse_text(text))
}

fn merge_points(into: &mut Vec<Labelled>, from: &[Labelled], phone: bool) {
    for point in from {
        if !into.iter().any(|p| same_point(p, point, phone)) {
            into.push(point.clone());
        }
    }
    into.truncate(20);
}

fn fill(into: &mut String, from: &str) {
    if into.is_empty() {
        *into = from.to_string();
    }
}

/// The existing contact with what the import adds: new numbers and addresses, and values for
/// fields it had left empty. Nothing the user wrote is overwritten.
pub fn merged(existing: &Contact, incoming: &ContactInput) -> ContactInput {
    let mut out = existing.to_input();
    merge_points(&mut out.phones, &incoming.phones, true);
    merge_points(&mut out.emails, &incoming.emails, false);
    merge_points(&mut out.messengers, &incoming.messengers, false);
    fill(&mut out.pronouns, &incoming.pronouns);
    fill(&mut out.availability, &incoming.availability);
    if !incoming.notes.is_empty() && !out.notes.contains(incoming.notes.as_str()) {
        if !out.notes.is_empty() {
            out.notes.push_str("\n\n");
        }
        out.notes.push_str(&incoming.notes);
    }
    out.relation = out.relation.or(incoming.relation);
    out.since = out.since.clone().or_else(|| incoming.since.clone());
    out.photo = out.photo.clone().or_else(|| incoming.photo.clone());
    out.ok_to_call_any_time |= incoming.ok_to_call_any_time;
    for id in &incoming.group_ids {
        if !out.group_ids.contains(id) {
            out.group_ids.push(*id);
        }
    }
    out
}

/// Saves the chosen cards in one transaction: all of them or, on any invalid card, none. Merges
/// run one after another on the contact as the transaction has it, so two cards merged into
/// one contact both land.
pub fn save(vault: &Vault, choices: &[ImportChoice]) -> Result<Vec<Contact>> {
    let now = super::now();
    let ids = vault.write(|tx| {
        let mut ids = Vec::with_capacity(choices.len());
        for choice in choices {
            let input = match choice.merge_into {
                Some(id) => merged(
                    &store::get(tx, id)?.ok_or(Error::NotFound { what: "contact" })?,
                    &choice.contact,
                ),
                None => choice.contact.clone(),
            };
            let valid = model::validate(&input)?;
            if !store::unknown_groups(tx, &valid.group_ids)?.is_empty() {
                return Err(Error::invalid("group_ids: no group has one of these ids"));
            }
            match choice.merge_into {
                Some(id) => {
                    store::update(tx, id, &valid, &now)?;
                    ids.push(id);
                }
                None => ids.push(store::insert(tx, &valid, &now)?),
            }
        }
        Ok(ids)
    })?;
    ids.into_iter().map(|id| super::get(vault, id)).collect()
}
