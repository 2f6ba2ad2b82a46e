//! Sharing a card: the user's own (with the fields ticked on it, or a preset's) or a contact's,
//! as a QR code, a .vcf file or a text block. Every share is logged with what the card carried,
//! how, and to whom, so the user can later see who has their number.

use std::path::Path;

use chrono::{SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::model::{line, Contact, Labelled};
use super::my_card::{self, CardFieldKind, MyCard};
use super::share_store as store;
use crate::interop::qr;
use crate::interop::vcard::{self, text_block, Card, VcardVersion};
use crate::vault::Vault;
use crate::{Error, Language, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ShareMethod {
    QrCode,
    #[serde(rename = "vcard3-file")]
    Vcard3File,
    #[serde(rename = "vcard4-file")]
    Vcard4File,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ShareSubject {
    MyCard,
    Contact,
}

/// One field as it was shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SharedField {
    pub kind: CardFieldKind,
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Share {
    pub id: i64,
    pub shared_utc: String,
    pub method: ShareMethod,
    pub subject: ShareSubject,
    /// Whose card, when it was a contact's (none once that contact is deleted).
    pub subject_contact_id: Option<i64>,
    /// The name on the card at the time.
    pub subject_name: String,
    /// The preset's name at the time, when one was used.
    pub preset: Option<String>,
    pub fields: Vec<SharedField>,
    pub recipient_contact_id: Option<i64>,
    /// Who received it, in the user's words, when not a contact.
    pub recipient: String,
}

/// What to share, how, and with whom.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ShareRequest {
    pub subject: ShareSubject,
    /// The contact whose card is shared (subject `contact`).
    pub contact_id: Option<i64>,
    /// My card: a preset's fields...
    pub preset_id: Option<i64>,
    /// ...or exactly these fields; with neither, the fields ticked on the card.
    pub field_ids: Option<Vec<i64>>,
    pub method: ShareMethod,
    pub recipient_contact_id: Option<i64>,
    pub recipient: String,
}

/// The shared card's content (vCard text, SVG, or the text block) and its log entry.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Shared {
    pub content: String,
    pub share: Share,
}

/// The card a share carries, and what the log says of it.
struct Selection {
    card: Card,
    fields: Vec<SharedField>,
    subject_contact_id: Option<i64>,
    preset: Option<String>,
}

fn shared(kind: CardFieldKind, label: &str, value: &str) -> SharedField {
    SharedField {
        kind,
        label: label.to_string(),
        value: value.to_string(),
    }
}

fn join(into: &mut String, separator: &str, value: &str) {
    if !into.is_empty() {
        into.push_str(separator);
    }
    into.push_str(value);
}

fn mine(card: &MyCard, request: &ShareRequest) -> Result<Selection> {
    if card.display_name.is_empty() {
        return Err(Error::invalid(
            "Your card has no name yet. Add a first name or an alias before sharing it.",
        ));
    }
    let preset = request
        .preset_id
        .map(|id| {
            card.presets
                .iter()
                .find(|p| p.id == id)
                .ok_or(Error::NotFound { what: "preset" })
        })
        .transpose()?;
    // The fields the person saw ticked decide; a preset only names the share in the log, and
    // only when its fields are exactly those (it may have changed in another window since).
    let ids: Vec<i64> = match (&request.field_ids, preset) {
        (Some(ids), _) => {
            if ids
                .iter()
                .any(|id| !card.fields.iter().any(|f| f.id == *id))
            {
                return Err(Error::invalid("field_ids: a field id is not on your card"));
            }
            ids.clone()
        }
        (None, Some(preset)) => preset.field_ids.clone(),
        (None, None) => card
            .fields
            .iter()
            .filter(|f| f.shared)
            .map(|f| f.id)
            .collect(),
    };
    let same = |a: &[i64], b: &[i64]| {
        let (mut a, mut b) = (a.to_vec(), b.to_vec());
        a.sort_unstable();
        a.dedup();
        b.sort_unstable();
        b.dedup();
        a == b
    };
    let preset = preset
        .filter(|p| same(&p.field_ids, &ids))
        .map(|p| p.name.clone());
    let mut out = Card {
        name: card.display_name.clone(),
        ..Card::default()
    };
    let mut fields = vec![shared(CardFieldKind::Name, "", &card.display_name)];
    for field in card.fields.iter().filter(|f| ids.contains(&f.id)) {
        let point = Labelled {
            label: field.label.clone(),
            value: field.value.clone(),
        };
        // A card has one pronouns, availability and note line: several such fields are joined,
        // so everything the log lists is on the card.
        match field.kind {
            CardFieldKind::Pronouns => join(&mut out.pronouns, ", ", &field.value),
            CardFieldKind::Phone => out.phones.push(point),
            CardFieldKind::Email => out.emails.push(point),
            CardFieldKind::Messenger => out.messengers.push(point),
            CardFieldKind::Availability => join(&mut out.availability, "; ", &field.value),
            CardFieldKind::Note => join(&mut out.notes, "\n\n", &field.value),
            _ => continue,
        }
        fields.push(shared(field.kind, &field.label, &field.value));
    }
    Ok(Selection {
        card: out,
        fields,
        subject_contact_id: None,
        preset,
    })
}

/// A contact's card as vCard carries it (the groups in common stay here: they are ours).
pub fn card_of(contact: &Contact) -> Card {
    Card {
        name: contact.display_name.clone(),
        other_name: String::new(),
        pronouns: contact.pronouns.clone(),
        relation: contact.relation,
        phones: contact.phones.clone(),
        emails: contact.emails.clone(),
        messengers: contact.messengers.clone(),
        availability: contact.availability.clone(),
        ok_to_call_any_time: contact.ok_to_call_any_time,
        notes: contact.notes.clone(),
        since: contact.since.clone(),
        photo: contact.photo.clone(),
        had_photo: contact.photo.is_some(),
    }
}

/// What passing on a contact's card carries: their name, pronouns and ways to reach them. What
/// the user knows of them (notes, the relation, since when, "OK to call any time", a photo)
/// stays here: it is the user's, not theirs to hand on.
fn reachable(card: &Card) -> Card {
    Card {
        name: card.name.clone(),
        pronouns: card.pronouns.clone(),
        phones: card.phones.clone(),
        emails: card.emails.clone(),
        messengers: card.messengers.clone(),
        availability: card.availability.clone(),
        ..Card::default()
    }
}

fn fields_of(card: &Card) -> Vec<SharedField> {
    let mut fields = vec![shared(CardFieldKind::Name, "", &card.name)];
    let mut one = |kind, value: &str| {
        if !value.is_empty() {
            fields.push(shared(kind, "", value));
        }
    };
    one(CardFieldKind::Pronouns, &card.pronouns);
    one(CardFieldKind::Availability, &card.availability);
    one(CardFieldKind::Note, &card.notes);
    one(CardFieldKind::Since, card.since.as_deref().unwrap_or(""));
    let relation = card
        .relation
        .and_then(|r| crate::stored::enum_text(&r).ok())
        .unwrap_or_default();
    one(CardFieldKind::Relation, &relation);
    if card.ok_to_call_any_time {
        one(CardFieldKind::OkToCall, "yes");
    }
    if card.photo.is_some() {
        one(CardFieldKind::Photo, "yes");
    }
    for (kind, points) in [
        (CardFieldKind::Phone, &card.phones),
        (CardFieldKind::Email, &card.emails),
        (CardFieldKind::Messenger, &card.messengers),
    ] {
        for point in points {
            fields.push(shared(kind, &point.label, &point.value));
        }
    }
    fields
}

fn select(vault: &Vault, request: &ShareRequest) -> Result<Selection> {
    match request.subject {
        ShareSubject::MyCard => mine(&my_card::get(vault)?, request),
        ShareSubject::Contact => {
            let id = request
                .contact_id
                .ok_or_else(|| Error::invalid("contact_id: required to share a contact's card"))?;
            let contact = super::get(vault, id)?;
            let card = reachable(&card_of(&contact));
            Ok(Selection {
                fields: fields_of(&card),
                card,
                subject_contact_id: Some(id),
                preset: None,
            })
        }
    }
}

/// The card in the form `method` asks for. QR codes carry vCard 3.0 without a photo: that is
/// what iOS and Android cameras read.
/// A text block is worded in `language`; the other forms are standard formats.
fn render(card: &Card, method: ShareMethod, language: Language) -> Result<String> {
    match method {
        ShareMethod::QrCode => {
            let mut card = card.clone();
            card.photo = None;
            qr::svg(&vcard::write(&card, VcardVersion::V3))
        }
        ShareMethod::Vcard3File => Ok(vcard::write(card, VcardVersion::V3)),
        ShareMethod::Vcard4File => Ok(vcard::write(card, VcardVersion::V4)),
        ShareMethod::Text => Ok(text_block::write(card, language)),
    }
}

/// The recipient in the user's words, checked before anything is written.
fn recipient(vault: &Vault, request: &ShareRequest) -> Result<String> {
    if let Some(id) = request.recipient_contact_id {
        super::get(vault, id)?;
    }
    line("recipient", &request.recipient, 200, false)
}

fn record(
    vault: &Vault,
    request: &ShareRequest,
    selection: Selection,
    recipient: String,
) -> Result<Share> {
    let share = Share {
        id: 0,
        shared_utc: Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
        method: request.method,
        subject: request.subject,
        subject_contact_id: selection.subject_contact_id,
        subject_name: selection.card.name,
        preset: selection.preset,
        fields: selection.fields,
        recipient_contact_id: request.recipient_contact_id,
        recipient,
    };
    let id = vault.write(|tx| store::insert(tx, &share))?;
    Ok(Share { id, ..share })
}

/// Renders the card (a text block in `language`) and logs the share; the host shows or copies
/// the content.
pub fn share(vault: &Vault, request: &ShareRequest, language: Language) -> Result<Shared> {
    let to = recipient(vault, request)?;
    let selection = select(vault, request)?;
    let content = render(&selection.card, request.method, language)?;
    let share = record(vault, request, selection, to)?;
    Ok(Shared { content, share })
}

/// Renders the card, writes it to `path` (a file the user chose in a save dialog or named on
/// the command line), and logs the share only once the file is on disk.
pub fn share_to_file(
    vault: &Vault,
    request: &ShareRequest,
    path: &Path,
    language: Language,
) -> Result<Share> {
    let to = recipient(vault, request)?;
    let selection = select(vault, request)?;
    let content = render(&selection.card, request.method, language)?;
    std::fs::write(path, content.as_bytes()).map_err(Error::io("write the card to the file"))?;
    record(vault, request, selection, to)
}

/// Every share, newest first.
pub fn list(vault: &Vault) -> Result<Vec<Share>> {
    vault.read(store::list)
}
