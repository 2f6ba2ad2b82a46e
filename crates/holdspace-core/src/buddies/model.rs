//! Contact types that cross the IPC boundary and the CLI, and their validation.

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::groups::model::text;
use crate::time::parse_date;
use crate::{Error, Result};

const MAX_NAME_BYTES: usize = 200;
const MAX_LABEL_BYTES: usize = 100;
const MAX_VALUE_BYTES: usize = 500;
const MAX_NOTES_BYTES: usize = 20_000;
const MAX_POINTS: usize = 20;
/// A contact photo is a face on a card, not an album: 2 MiB of image data at most.
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;

/// Who a contact is to the user, in the words of peer-support practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Buddy,
    Mentor,
    Sponsor,
    TemporarySponsor,
    NewcomerISupport,
    Peer,
    Professional,
}

/// A phone number, e-mail address or messenger handle with the label its owner gave it
/// ("mobile", "work", an iPhone's own label, or for a messenger the service: "Signal").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Labelled {
    pub label: String,
    pub value: String,
}

/// A picture kept only when the user chose to keep it on import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Photo {
    /// e.g. `image/jpeg`
    pub media_type: String,
    pub base64: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Contact {
    pub id: i64,
    /// A first name or an alias is enough.
    pub display_name: String,
    pub pronouns: String,
    pub relation: Option<Relation>,
    pub phones: Vec<Labelled>,
    pub emails: Vec<Labelled>,
    pub messengers: Vec<Labelled>,
    /// "evenings", "weekends", or the person's own words.
    pub availability: String,
    pub ok_to_call_any_time: bool,
    /// Groups the user and this person both go to.
    pub group_ids: Vec<i64>,
    pub notes: String,
    /// YYYY-MM-DD: since when they are the user's buddy, mentor, ...
    pub since: Option<String>,
    pub photo: Option<Photo>,
    pub updated_utc: String,
}

/// A contact as the user enters or edits it; every field is replaced on edit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ContactInput {
    pub display_name: String,
    pub pronouns: String,
    pub relation: Option<Relation>,
    pub phones: Vec<Labelled>,
    pub emails: Vec<Labelled>,
    pub messengers: Vec<Labelled>,
    pub availability: String,
    pub ok_to_call_any_time: bool,
    pub group_ids: Vec<i64>,
    pub notes: String,
    pub since: Option<String>,
    pub photo: Option<Photo>,
}

impl Contact {
    /// The contact as an input, to change a field and save it back.
    pub fn to_input(&self) -> ContactInput {
        ContactInput {
            display_name: self.display_name.clone(),
            pronouns: self.pronouns.clone(),
            relation: self.relation,
            phones: self.phones.clone(),
            emails: self.emails.clone(),
            messengers: self.messengers.clone(),
            availability: self.availability.clone(),
            ok_to_call_any_time: self.ok_to_call_any_time,
            group_ids: self.group_ids.clone(),
            notes: self.notes.clone(),
            since: self.since.clone(),
            photo: self.photo.clone(),
        }
    }
}

/// Which contacts to list: all of them, or those matching every given filter.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct ContactFilter {
    /// Words found in the name, pronouns, labels, numbers, addresses, availability or notes.
    pub text: Option<String>,
    pub relation: Option<Relation>,
    pub group_id: Option<i64>,
    /// Only those marked "OK to call any time" (the Support now panel).
    pub any_time_only: bool,
}

pub(crate) fn validate(input: &ContactInput) -> Result<ContactInput> {
    let since = match input.since.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(date) => Some(parse_date("since", date)?.to_string()),
    };
    let mut group_ids = input.group_ids.clone();
    group_ids.sort_unstable();
    group_ids.dedup();
    Ok(ContactInput {
        display_name: line("display_name", &input.display_name, MAX_NAME_BYTES, true)?,
        pronouns: line("pronouns", &input.pronouns, MAX_LABEL_BYTES, false)?,
        relation: input.relation,
        phones: points("phones", &input.phones, phone)?,
        emails: points("emails", &input.emails, email)?,
        messengers: points("messengers", &input.messengers, |v| {
            line("messengers", v, MAX_VALUE_BYTES, true)
        })?,
        availability: line("availability", &input.availability, MAX_VALUE_BYTES, false)?,
        ok_to_call_any_time: input.ok_to_call_any_time,
        group_ids,
        notes: multiline("notes", &input.notes, MAX_NOTES_BYTES)?,
        since,
        photo: input.photo.as_ref().map(photo).transpose()?,
    })
}

/// One line of text: trimmed, within a byte limit, without control characters (they would
/// break a vCard line or hide text in a preview).
pub(crate) fn line(field: &str, value: &str, max_bytes: usize, required: bool) -> Result<String> {
    let value = text(field, value, max_bytes, required)?;
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(format!(
            "{field}: one line, without control characters"
        )));
    }
    Ok(value)
}

pub(crate) fn multiline(field: &str, value: &str, max_bytes: usize) -> Result<String> {
    let value = text(field, value, max_bytes, false)?;
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Error::invalid(format!(
            "{field}: no control characters other than line breaks and tabs"
        )));
    }
    Ok(value.replace("\r\n", "\n"))
}

fn points(
    field: &str,
    values: &[Labelled],
    check: impl Fn(&str) -> Result<String>,
) -> Result<Vec<Labelled>> {
    if values.len() > MAX_POINTS {
        return Err(Error::invalid(format!("{field}: at most {MAX_POINTS}")));
    }
    values
        .iter()
        .map(|point| {
            Ok(Labelled {
                label: line(field, &point.label, MAX_LABEL_BYTES, false)?,
                value: check(&point.value)?,
            })
        })
        .collect()
}

/// Digits with the separators people write (`+49 (0)30 1234-56`); what `tel:` links accept.
pub(crate) fn phone(value: &str) -> Result<String> {
    let value = line("phones", value, 60, true)?;
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().#*/".contains(c) || c == 'p' || c == 'w');
    if digits == 0 || !allowed {
        return Err(Error::invalid(
            "phones: digits, spaces and + - ( ) / # * only",
        ));
    }
    Ok(value)
}

pub(crate) fn email(value: &str) -> Result<String> {
    let value = line("emails", value, 254, true)?;
    let ok = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && !domain.is_empty() && !value.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(value)
    } else {
        Err(Error::invalid("emails: expected name@example.org"))
    }
}

fn photo(photo: &Photo) -> Result<Photo> {
    let media_type = photo.media_type.trim().to_ascii_lowercase();
    if !media_type.starts_with("image/")
        || media_type.len() > 40
        || !media_type[6..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
    {
        return Err(Error::invalid(
            "photo: expected an image type such as image/jpeg",
        ));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(photo.base64.as_bytes())
        .map_err(|_| Error::invalid("photo: not valid base64"))?;
    if bytes.is_empty() || bytes.len() > MAX_PHOTO_BYTES {
        return Err(Error::invalid(format!(
            "photo: between 1 byte and {MAX_PHOTO_BYTES} bytes"
        )));
    }
    Ok(Photo {
        media_type,
        base64: photo.base64.clone(),
    })
}
