//! `contact` and `share` from the command line, each a few lines over the core's buddies.

use std::process::ExitCode;

use holdspace_core::buddies::import::{self, ImportChoice, ImportedCard};
use holdspace_core::buddies::my_card;
use holdspace_core::buddies::sharing::{self, Share, ShareMethod, ShareRequest, ShareSubject};
use holdspace_core::buddies::{self, Contact, ContactFilter, ContactInput, Labelled, Relation};
use holdspace_core::Error;
use serde::Serialize;

use super::Context;
use crate::args::{ContactAction, ContactFields, ExportFormat, RelationArg, ShareAction};

fn relation(arg: RelationArg) -> Relation {
    match arg {
        RelationArg::Buddy => Relation::Buddy,
        RelationArg::Mentor => Relation::Mentor,
        RelationArg::Sponsor => Relation::Sponsor,
        RelationArg::TemporarySponsor => Relation::TemporarySponsor,
        RelationArg::NewcomerISupport => Relation::NewcomerISupport,
        RelationArg::Peer => Relation::Peer,
        RelationArg::Professional => Relation::Professional,
    }
}

/// `label=value`, or a bare value without a label.
fn labelled(text: &str) -> Labelled {
    match text.split_once('=') {
        Some((label, value)) => Labelled {
            label: label.trim().to_string(),
            value: value.trim().to_string(),
        },
        None => Labelled {
            label: String::new(),
            value: text.trim().to_string(),
        },
    }
}

/// The fields given on the command line over `base` (empty for `add`, the contact for `edit`).
fn apply(mut base: ContactInput, fields: ContactFields) -> ContactInput {
    let list = |given: Vec<String>, old: Vec<Labelled>| {
        if given.is_empty() {
            old
        } else {
            given.iter().map(|t| labelled(t)).collect()
        }
    };
    if let Some(name) = fields.name {
        base.display_name = name;
    }
    if let Some(pronouns) = fields.pronouns {
        base.pronouns = pronouns;
    }
    if let Some(r) = fields.relation {
        base.relation = Some(relation(r));
    }
    base.phones = list(fields.phones, base.phones);
    base.emails = list(fields.emails, base.emails);
    base.messengers = list(fields.messengers, base.messengers);
    if let Some(availability) = fields.availability {
        base.availability = availability;
    }
    if fields.any_time {
        base.ok_to_call_any_time = true;
    }
    if fields.not_any_time {
        base.ok_to_call_any_time = false;
    }
    if !fields.groups.is_empty() {
        base.group_ids = fields.groups;
    }
    if let Some(notes) = fields.notes {
        base.notes = notes;
    }
    if let Some(since) = fields.since {
        base.since = Some(since);
    }
    base
}

fn json_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn describe(contact: &Contact) -> String {
    let relation = contact
        .relation
        .map(|r| format!(" ({})", json_name(&r)))
        .unwrap_or_default();
    let reach: Vec<&str> = contact
        .phones
        .iter()
        .chain(&contact.emails)
        .map(|p| p.value.as_str())
        .collect();
    format!(
        "{}  {}{relation}  {}",
        contact.id,
        contact.display_name,
        reach.join(", ")
    )
}

/// What `contact import --json` prints for each card (the CLI contract's fields).
#[derive(Debug, Serialize)]
struct FoundCard {
    /// The contact's id once saved; absent on a dry run.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<i64>,
    name: String,
    phones: Vec<String>,
    emails: Vec<String>,
    relation: Option<Relation>,
    photo_dropped: bool,
    likely_duplicate_of: Option<i64>,
}

fn found(card: &ImportedCard, keep_photos: bool, id: Option<i64>) -> FoundCard {
    let values = |points: &[Labelled]| points.iter().map(|p| p.value.clone()).collect();
    FoundCard {
        id,
        name: card.card.name.clone(),
        phones: values(&card.card.phones),
        emails: values(&card.card.emails),
        relation: card.card.relation,
        photo_dropped: card.card.had_photo && !(keep_photos && card.card.photo.is_some()),
        likely_duplicate_of: card.likely_duplicate.as_ref().map(|d| d.contact_id),
    }
}

fn import_file(
    ctx: &Context,
    file: &std::path::Path,
    dry_run: bool,
    keep_photos: bool,
) -> Result<(), Error> {
    let io = |source| Error::Io {
        action: "read the contacts file",
        source,
    };
    if std::fs::metadata(file).map_err(io)?.len() > import::MAX_IMPORT_BYTES as u64 {
        return Err(Error::InvalidInput(
            "This file is too large to be a contacts file (over 32 MB).".into(),
        ));
    }
    let bytes = std::fs::read(file).map_err(io)?;
    let (vault, _) = ctx.open(None)?;
    let preview = import::preview(&vault, &bytes)?;
    let ids: Vec<Option<i64>> = if dry_run {
        vec![None; preview.len()]
    } else {
        let choices: Vec<ImportChoice> = preview
            .iter()
            .map(|p| ImportChoice {
                contact: import::contact_from(&p.card, keep_photos),
                merge_into: None,
            })
            .collect();
        import::save(&vault, &choices)?
            .iter()
            .map(|c| Some(c.id))
            .collect()
    };
    let cards: Vec<FoundCard> = preview
        .iter()
        .zip(ids)
        .map(|(card, id)| found(card, keep_photos, id))
        .collect();
    let verb = if dry_run { "Found" } else { "Imported" };
    let mut text = format!("{verb} {} card(s).", cards.len());
    for card in &cards {
        let duplicate = card
            .likely_duplicate_of
            .map(|id| format!("  (looks like contact {id})"))
            .unwrap_or_default();
        text.push_str(&format!("\n  {}{duplicate}", card.name));
    }
    ctx.out.show(&cards, &text)
}

fn export(
    ctx: &Context,
    id: Option<i64>,
    preset: Option<String>,
    format: ExportFormat,
    out: &std::path::Path,
    to: Option<String>,
    to_contact: Option<i64>,
) -> Result<(), Error> {
    let (vault, _) = ctx.open(None)?;
    let preset_id = match preset {
        Some(name) => Some(my_card::preset_named(&my_card::get(&vault)?, &name)?.id),
        None => None,
    };
    let request = ShareRequest {
        subject: if id.is_some() {
            ShareSubject::Contact
        } else {
            ShareSubject::MyCard
        },
        contact_id: id,
        preset_id,
        field_ids: None,
        method: match format {
            ExportFormat::Vcard3 => ShareMethod::Vcard3File,
            ExportFormat::Vcard4 => ShareMethod::Vcard4File,
            ExportFormat::QrSvg => ShareMethod::QrCode,
        },
        recipient_contact_id: to_contact,
        recipient: to.unwrap_or_default(),
    };
    // Files only (vCard, QR code): standard formats, so the language changes nothing.
    let share = sharing::share_to_file(&vault, &request, out, holdspace_core::Language::En)?;
    ctx.out.show(
        &share,
        &format!("Wrote the card to {} and logged the share.", out.display()),
    )
}

fn describe_share(share: &Share) -> String {
    let to = match (&share.recipient_contact_id, share.recipient.as_str()) {
        (Some(id), _) => format!("contact {id}"),
        (None, "") => "someone".to_string(),
        (None, words) => words.to_string(),
    };
    let fields: Vec<String> = share.fields.iter().map(|f| json_name(&f.kind)).collect();
    format!(
        "{}  {}  {} to {to}: {}",
        share.shared_utc,
        json_name(&share.method),
        share.subject_name,
        fields.join(", ")
    )
}

pub fn run(ctx: &Context, action: ContactAction) -> Result<ExitCode, Error> {
    match action {
        ContactAction::Add { fields } => {
            let (vault, _) = ctx.open(None)?;
            let contact = buddies::add(&vault, &apply(ContactInput::default(), fields))?;
            ctx.out
                .show(&contact, &format!("Added contact {}", describe(&contact)))?;
        }
        ContactAction::List {
            relation: r,
            group,
            search,
            any_time,
        } => {
            let (vault, _) = ctx.open(None)?;
            let filter = ContactFilter {
                text: search,
                relation: r.map(relation),
                group_id: group,
                any_time_only: any_time,
            };
            let contacts = buddies::list(&vault, &filter)?;
            let text = if contacts.is_empty() {
                "No contacts. Add one with `contact add --name NAME`.".to_string()
            } else {
                contacts.iter().map(describe).collect::<Vec<_>>().join("\n")
            };
            ctx.out.show(&contacts, &text)?;
        }
        ContactAction::Show { id } => {
            let (vault, _) = ctx.open(None)?;
            let contact = buddies::get(&vault, id)?;
            ctx.out.show(&contact, &describe(&contact))?;
        }
        ContactAction::Edit { id, fields } => {
            let (vault, _) = ctx.open(None)?;
            let before = buddies::get(&vault, id)?;
            let contact = buddies::edit(&vault, id, &apply(before.to_input(), fields))?;
            ctx.out
                .show(&contact, &format!("Changed contact {}", describe(&contact)))?;
        }
        ContactAction::Delete { id } => {
            let (vault, _) = ctx.open(None)?;
            buddies::delete(&vault, id)?;
            ctx.out.show(
                &serde_json::json!({ "id": id, "deleted": true }),
                &format!("Deleted contact {id}."),
            )?;
        }
        ContactAction::Import {
            file,
            dry_run,
            keep_photos,
        } => import_file(ctx, &file, dry_run, keep_photos)?,
        ContactAction::Export {
            id,
            me: _,
            preset,
            format,
            out,
            to,
            to_contact,
        } => export(ctx, id, preset, format, &out, to, to_contact)?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn share(ctx: &Context, action: ShareAction) -> Result<ExitCode, Error> {
    match action {
        ShareAction::List => {
            let (vault, _) = ctx.open(None)?;
            let shares = sharing::list(&vault)?;
            let text = if shares.is_empty() {
                "You have not shared a card yet.".to_string()
            } else {
                shares
                    .iter()
                    .map(describe_share)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            ctx.out.show(&shares, &text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
