//! Three contacts and the user's own card. Every number is in Ofcom's range for drama
//! (07700 900000-900999, never a real line) and every address is on example.org.

use super::calendar::Calendar;
use super::groups::{find, Circle, Planted};
use super::texts::{CardText, ContactText};
use crate::buddies::my_card::{self, CardFieldInput, CardFieldKind, MyCardInput, PresetInput};
use crate::buddies::{self, ContactInput, Labelled, Relation};
use crate::vault::Vault;
use crate::Result;

fn labelled(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

/// Adds the contacts; returns how many.
pub(super) fn add_contacts(
    vault: &Vault,
    calendar: &Calendar,
    planted: &[Planted],
    texts: &[ContactText; 3],
) -> Result<usize> {
    let [priya, mark, jo] = texts;
    let grief = find(planted, Circle::Grief)?.group.id;
    let recovery = find(planted, Circle::Recovery)?.group.id;
    let carers = find(planted, Circle::Carers)?.group.id;
    let contacts = [
        ContactInput {
            display_name: "Priya".into(),
            pronouns: priya.pronouns.into(),
            relation: Some(Relation::Buddy),
            phones: vec![labelled(priya.phone_label, "+44 7700 900123")],
            emails: vec![labelled(priya.email_label, "priya@example.org")],
            messengers: Vec::new(),
            availability: priya.availability.into(),
            ok_to_call_any_time: false,
            group_ids: vec![grief],
            notes: priya.notes.into(),
            since: Some(calendar.days_ago(18 * 7)?.to_string()),
            photo: None,
        },
        ContactInput {
            display_name: "Mark".into(),
            pronouns: mark.pronouns.into(),
            relation: Some(Relation::Sponsor),
            phones: vec![labelled(mark.phone_label, "+44 7700 900456")],
            emails: vec![labelled(mark.email_label, "mark.b@example.org")],
            messengers: vec![labelled("Signal", "+44 7700 900456")],
            availability: mark.availability.into(),
            ok_to_call_any_time: true,
            group_ids: vec![recovery],
            notes: mark.notes.into(),
            since: Some(calendar.days_ago(26 * 7)?.to_string()),
            photo: None,
        },
        ContactInput {
            display_name: "Jo".into(),
            pronouns: jo.pronouns.into(),
            relation: Some(Relation::Peer),
            phones: vec![labelled(jo.phone_label, "+44 7700 900789")],
            emails: vec![labelled(jo.email_label, "jo.carer@example.org")],
            messengers: Vec::new(),
            availability: jo.availability.into(),
            ok_to_call_any_time: false,
            group_ids: vec![carers],
            notes: jo.notes.into(),
            since: Some(calendar.days_ago(8 * 7)?.to_string()),
            photo: None,
        },
    ];
    for contact in &contacts {
        buddies::add(vault, contact)?;
    }
    Ok(contacts.len())
}

fn field(kind: CardFieldKind, label: &str, value: &str, shared: bool) -> CardFieldInput {
    CardFieldInput {
        id: None,
        kind,
        label: label.into(),
        value: value.into(),
        shared,
    }
}

/// The user's card ("Alex"), with a preset that shares less, for a newcomer list.
pub(super) fn make_my_card(vault: &Vault, texts: &CardText) -> Result<()> {
    let card = my_card::save(
        vault,
        &MyCardInput {
            display_name: "Alex".into(),
            fields: vec![
                field(CardFieldKind::Pronouns, "", texts.pronouns, true),
                field(
                    CardFieldKind::Phone,
                    texts.phone_label,
                    "+44 7700 900321",
                    true,
                ),
                field(
                    CardFieldKind::Email,
                    texts.email_label,
                    "alex@example.org",
                    false,
                ),
                field(CardFieldKind::Availability, "", texts.availability, true),
            ],
        },
    )?;
    // A newcomer gets the name, pronouns and an e-mail address, not a phone number.
    let field_ids = card
        .fields
        .iter()
        .filter(|f| matches!(f.kind, CardFieldKind::Pronouns | CardFieldKind::Email))
        .map(|f| f.id)
        .collect();
    my_card::add_preset(
        vault,
        &PresetInput {
            name: texts.preset_name.into(),
            field_ids,
        },
    )?;
    Ok(())
}
