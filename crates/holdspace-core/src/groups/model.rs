//! The group types that cross the IPC boundary and the CLI, and their validation.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Kinds every Holdspace knows; the user may add their own (a short kebab-case name).
pub const BUILT_IN_KINDS: [&str; 6] = [
    "mental-health",
    "addiction-recovery",
    "parenting-caregiver",
    "chronic-illness-disability",
    "grief-loss",
    "other",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum Venue {
    CommunityCentre,
    PrivateHome,
    Online,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum MyRole {
    Newcomer,
    Member,
    Facilitator,
    CoFacilitator,
    Organiser,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum KnownNorm {
    Confidentiality,
    NoCrossTalk,
    IStatements,
    OneSharePerRound,
    FeedbackOnlyWhenAsked,
    PhonesAway,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum MembershipEventKind {
    Joined,
    Paused,
    Left,
    Rejoined,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MembershipEvent {
    pub event: MembershipEventKind,
    /// YYYY-MM-DD
    pub on: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub description: String,
    pub venue: Venue,
    pub address: String,
    pub meeting_link: String,
    pub venue_notes: String,
    pub norms: Vec<KnownNorm>,
    pub own_norms: Vec<String>,
    pub my_role: MyRole,
    pub colour: String,
    pub archived: bool,
    pub membership: Vec<MembershipEvent>,
}

/// A new group; everything but the name and kind has a sensible default.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct NewGroup {
    pub name: String,
    pub kind: String,
    pub description: Option<String>,
    pub venue: Option<Venue>,
    pub address: Option<String>,
    pub meeting_link: Option<String>,
    pub venue_notes: Option<String>,
    pub norms: Option<Vec<KnownNorm>>,
    pub own_norms: Option<Vec<String>>,
    pub my_role: Option<MyRole>,
    pub colour: Option<String>,
    /// YYYY-MM-DD; today when absent.
    pub joined: Option<String>,
}

/// Changes to a group; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct GroupChanges {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    pub venue: Option<Venue>,
    pub address: Option<String>,
    pub meeting_link: Option<String>,
    pub venue_notes: Option<String>,
    pub norms: Option<Vec<KnownNorm>>,
    pub own_norms: Option<Vec<String>>,
    pub my_role: Option<MyRole>,
    pub colour: Option<String>,
}

pub const DEFAULT_COLOUR: &str = "#2f6f6a";

/// Trimmed text within a byte limit; `field` names the field in the error, never the value.
pub(crate) fn text(field: &str, value: &str, max_bytes: usize, required: bool) -> Result<String> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(Error::invalid(format!("{field}: required")));
    }
    if value.len() > max_bytes {
        return Err(Error::invalid(format!(
            "{field}: at most {max_bytes} bytes"
        )));
    }
    Ok(value.to_string())
}

pub(crate) fn kind(value: &str) -> Result<String> {
    let value = value.trim();
    let slug = !value.is_empty()
        && value.len() <= 40
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if BUILT_IN_KINDS.contains(&value) || slug {
        Ok(value.to_string())
    } else {
        Err(Error::invalid(format!(
            "kind: one of {} or your own kind in lower-case words joined by dashes (at most 40 characters)",
            BUILT_IN_KINDS.join(", ")
        )))
    }
}

pub(crate) fn colour(value: &str) -> Result<String> {
    let ok = value.len() == 7
        && value.starts_with('#')
        && value[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        Ok(value.to_ascii_lowercase())
    } else {
        Err(Error::invalid("colour: expected #rrggbb"))
    }
}

/// Meeting links open in the system browser: only http(s), never script or file URLs.
pub(crate) fn meeting_link(value: &str) -> Result<String> {
    let value = text("meeting_link", value, 2000, false)?;
    if value.is_empty() || value.starts_with("https://") || value.starts_with("http://") {
        Ok(value)
    } else {
        Err(Error::invalid(
            "meeting_link: must start with https:// or http://",
        ))
    }
}

pub(crate) fn own_norms(values: &[String]) -> Result<Vec<String>> {
    if values.len() > 30 {
        return Err(Error::invalid("own_norms: at most 30"));
    }
    values
        .iter()
        .map(|n| text("own_norms", n, 300, true))
        .collect()
}

/// Known norms, each once, in the order given.
pub(crate) fn norms(values: &[KnownNorm]) -> Vec<KnownNorm> {
    let mut seen = Vec::with_capacity(values.len());
    for norm in values {
        if !seen.contains(norm) {
            seen.push(*norm);
        }
    }
    seen
}
