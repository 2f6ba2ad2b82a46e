//! Three contacts and the user's own card. Every number is in Ofcom's range for drama
//! (07700 900000-900999, never a real line) and every address is on example.org.

use super::calendar::Calendar;
use super::groups::{find, Circle, Planted};
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
) -> Result<usize> {
    let grief = find(planted, Circle::Grief)?.group.id;
    let recovery = find(planted, Circle::Recovery)?.group.id;
    let carers = find(planted, Circle::Carers)?.group.id;
    let contacts = [
        ContactInput {
            display_name: "Priya".into(),
            pronouns: "she/her".into(),
            relation: Some(Relation::Buddy),
            phones: vec![labelled("mobile", "+44 7700 900123")],
            emails: vec![labelled("home", "priya@example.org")],
            messengers: Vec::new(),
            availability: "Evenings after six; a text first is best".into(),
            ok_to_call_any_time: false,
            group_ids: vec![grief],
            notes: "We agreed to check in after Thursday circles, and on the hard dates.".into(),
            since: Some(calendar.days_ago(18 * 7)?.to_string()),
            photo: None,
        },
        ContactInput {
            display_name: "Mark".into(),
            pronouns: "he/him".into(),
            relation: Some(Relation::Sponsor),
            phones: vec![labelled("mobile", "+44 7700 900456")],
            emails: vec![labelled("personal", "mark.b@example.org")],
            messengers: vec![labelled("Signal", "+44 7700 900456")],
            availability: "Any time, honestly - he means it".into(),
            ok_to_call_any_time: true,
            group_ids: vec![recovery],
            notes: "Call before the evening gets long, not after.".into(),
            since: Some(calendar.days_ago(26 * 7)?.to_string()),
            photo: None,
        },
        ContactInput {
            display_name: "Jo".into(),
            pronouns: "they/them".into(),
            relation: Some(Relation::Peer),
            phones: vec![labelled("mobile", "+44 7700 900789")],
            emails: vec![labelled("", "jo.carer@example.org")],
            messengers: Vec::new(),
            availability: "Weekday mornings, after the school run".into(),
            ok_to_call_any_time: false,
            group_ids: vec![carers],
            notes: "Knows the ins and outs of carer's allowance forms.".into(),
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
pub(super) fn make_my_card(vault: &Vault) -> Result<()> {
    let card = my_card::save(
        vault,
        &MyCardInput {
            display_name: "Alex".into(),
            fields: vec![
                field(CardFieldKind::Pronouns, "", "they/them", true),
                field(CardFieldKind::Phone, "mobile", "+44 7700 900321", true),
                field(CardFieldKind::Email, "personal", "alex@example.org", false),
                field(
                    CardFieldKind::Availability,
                    "",
                    "Weekday evenings; texts any time",
                    true,
                ),
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
            name: "Newcomer list".into(),
            field_ids,
        },
    )?;
    Ok(())
}
