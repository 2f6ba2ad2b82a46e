//! A contact card as vCard carries it, in Holdspace's terms; what import previews and export
//! writes.

use serde::{Deserialize, Serialize};

use crate::buddies::model::{Labelled, Photo, Relation};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Card {
    /// FN, or the parts of N joined, or empty.
    pub name: String,
    /// ORG or NICKNAME, to name a card that has neither FN nor N.
    pub other_name: String,
    pub pronouns: String,
    pub relation: Option<Relation>,
    pub phones: Vec<Labelled>,
    pub emails: Vec<Labelled>,
    pub messengers: Vec<Labelled>,
    pub availability: String,
    pub ok_to_call_any_time: bool,
    pub notes: String,
    /// YYYY-MM-DD
    pub since: Option<String>,
    /// Decoded when the card carried an embedded picture Holdspace can keep.
    pub photo: Option<Photo>,
    /// The card had a PHOTO of any kind (embedded, a link, or unreadable).
    pub had_photo: bool,
}

/// Which vCard version to write: 3.0 is what phone cameras read from a QR code, 4.0 the
/// current standard for files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum VcardVersion {
    #[serde(rename = "vcard3")]
    V3,
    #[serde(rename = "vcard4")]
    V4,
}
