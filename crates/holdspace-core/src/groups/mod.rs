//! Groups the user belongs to: what they are, where they meet, their norms, the user's role
//! and membership history. Archiving is the default way out; deleting also removes the group's
//! meetings and attendance, and the hosts ask before they call it.

pub mod model;
mod store;

pub(crate) use store::exists;

use chrono::{Local, SecondsFormat, Utc};

pub use model::{
    Group, GroupChanges, KnownNorm, MembershipEvent, MembershipEventKind, MyRole, NewGroup, Venue,
    BUILT_IN_KINDS,
};

use crate::time::parse_date;
use crate::vault::Vault;
use crate::{Error, Result};

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn not_found() -> Error {
    Error::NotFound { what: "group" }
}

/// A new group's fields as they will be stored.
struct ValidGroup {
    name: String,
    kind: String,
    description: String,
    address: String,
    meeting_link: String,
    venue_notes: String,
    own_norms: Vec<String>,
    colour: String,
    joined: chrono::NaiveDate,
    norms: Vec<KnownNorm>,
}

fn validate(new: &NewGroup) -> Result<ValidGroup> {
    Ok(ValidGroup {
        name: model::text("name", &new.name, 200, true)?,
        kind: model::kind(&new.kind)?,
        description: model::text(
            "description",
            new.description.as_deref().unwrap_or(""),
            4000,
            false,
        )?,
        address: model::text("address", new.address.as_deref().unwrap_or(""), 500, false)?,
        meeting_link: model::meeting_link(new.meeting_link.as_deref().unwrap_or(""))?,
        venue_notes: model::text(
            "venue_notes",
            new.venue_notes.as_deref().unwrap_or(""),
            2000,
            false,
        )?,
        own_norms: model::own_norms(new.own_norms.as_deref().unwrap_or(&[]))?,
        colour: model::colour(new.colour.as_deref().unwrap_or(model::DEFAULT_COLOUR))?,
        joined: match &new.joined {
            Some(date) => parse_date("joined", date)?,
            None => Local::now().date_naive(),
        },
        norms: model::norms(new.norms.as_deref().unwrap_or(&[])),
    })
}

/// Checks a new group as [`add`] does, writing nothing: importers that make several groups
/// check them all before making the first, so a refusal leaves nothing behind.
pub fn check_new(new: &NewGroup) -> Result<()> {
    validate(new).map(|_| ())
}

pub fn add(vault: &Vault, new: &NewGroup) -> Result<Group> {
    let valid = validate(new)?;
    let row = store::GroupRow {
        name: &valid.name,
        kind: &valid.kind,
        description: &valid.description,
        venue: new.venue.unwrap_or(Venue::Other),
        address: &valid.address,
        meeting_link: &valid.meeting_link,
        venue_notes: &valid.venue_notes,
        norms: &valid.norms,
        own_norms: &valid.own_norms,
        my_role: new.my_role.unwrap_or(MyRole::Member),
        colour: &valid.colour,
    };
    let id = vault.write(|tx| {
        let id = store::insert(tx, &row, &now())?;
        store::add_membership_event(
            tx,
            id,
            MembershipEventKind::Joined,
            &valid.joined.to_string(),
        )?;
        Ok(id)
    })?;
    get(vault, id)
}

pub fn get(vault: &Vault, id: i64) -> Result<Group> {
    vault
        .read(|conn| store::get(conn, id))?
        .ok_or_else(not_found)
}

/// The group's meeting link, to be opened by the system browser: checked again here (only
/// http(s), as at saving), so nothing else ever reaches the OS's opener.
pub fn meeting_link_to_open(vault: &Vault, id: i64) -> Result<String> {
    let link = model::meeting_link(&get(vault, id)?.meeting_link)?;
    if link.is_empty() {
        return Err(Error::NotFound {
            what: "meeting link",
        });
    }
    Ok(link)
}

pub fn list(vault: &Vault, include_archived: bool) -> Result<Vec<Group>> {
    vault.read(|conn| store::list(conn, include_archived))
}

pub fn edit(vault: &Vault, id: i64, changes: &GroupChanges) -> Result<Group> {
    let current = get(vault, id)?;
    let name = model::text(
        "name",
        changes.name.as_deref().unwrap_or(&current.name),
        200,
        true,
    )?;
    let kind = model::kind(changes.kind.as_deref().unwrap_or(&current.kind))?;
    let description = model::text(
        "description",
        changes
            .description
            .as_deref()
            .unwrap_or(&current.description),
        4000,
        false,
    )?;
    let address = model::text(
        "address",
        changes.address.as_deref().unwrap_or(&current.address),
        500,
        false,
    )?;
    let meeting_link = model::meeting_link(
        changes
            .meeting_link
            .as_deref()
            .unwrap_or(&current.meeting_link),
    )?;
    let venue_notes = model::text(
        "venue_notes",
        changes
            .venue_notes
            .as_deref()
            .unwrap_or(&current.venue_notes),
        2000,
        false,
    )?;
    let own_norms = model::own_norms(changes.own_norms.as_deref().unwrap_or(&current.own_norms))?;
    let colour = model::colour(changes.colour.as_deref().unwrap_or(&current.colour))?;
    let norms = model::norms(changes.norms.as_deref().unwrap_or(&current.norms));
    let row = store::GroupRow {
        name: &name,
        kind: &kind,
        description: &description,
        venue: changes.venue.unwrap_or(current.venue),
        address: &address,
        meeting_link: &meeting_link,
        venue_notes: &venue_notes,
        norms: &norms,
        own_norms: &own_norms,
        my_role: changes.my_role.unwrap_or(current.my_role),
        colour: &colour,
    };
    vault.write(|tx| store::update(tx, id, &row, &now()))?;
    get(vault, id)
}

/// Records a change of membership (paused, left, rejoined) on a date.
pub fn record_membership(
    vault: &Vault,
    id: i64,
    event: MembershipEventKind,
    on: &str,
) -> Result<Group> {
    let on = parse_date("on", on)?.to_string();
    let group = get(vault, id)?;
    let last = group.membership.last();
    if last.is_some_and(|e| e.on > on) {
        return Err(Error::invalid(
            "on: a change cannot come before the last one recorded",
        ));
    }
    let member = last.is_some_and(|e| {
        matches!(
            e.event,
            MembershipEventKind::Joined | MembershipEventKind::Rejoined
        )
    });
    let fits = match event {
        MembershipEventKind::Joined => last.is_none(),
        MembershipEventKind::Rejoined => !member,
        MembershipEventKind::Paused | MembershipEventKind::Left => member,
    };
    if !fits {
        return Err(Error::invalid(if member {
            "event: you are a member now; record paused or left"
        } else {
            "event: you are not a member now; record rejoined"
        }));
    }
    vault.write(|tx| store::add_membership_event(tx, id, event, &on))?;
    get(vault, id)
}

/// Hides a group from lists, keeping everything recorded about it.
pub fn archive(vault: &Vault, id: i64) -> Result<Group> {
    get(vault, id)?;
    vault.write(|tx| store::archive(tx, id, &now()))?;
    get(vault, id)
}

/// Removes the group with its meetings and attendance. Hosts confirm first.
pub fn delete(vault: &Vault, id: i64) -> Result<()> {
    if vault.write(|tx| store::delete(tx, id))? {
        Ok(())
    } else {
        Err(not_found())
    }
}
