//! The facilitation log: for a member who facilitates, a private note per meeting they ran of
//! how it went for them, what they need and how they will look after themselves. It has no
//! field for other members or what they said, so it cannot hold either.

mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::groups::model::text;
use crate::time::parse_date;
use crate::vault::Vault;
use crate::{Error, Result};

/// The free-text fields' limit, in bytes: a few paragraphs.
const NOTE_BYTES: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum FacilitationRole {
    Facilitator,
    CoFacilitator,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct FacilitationInput {
    pub group_id: i64,
    /// YYYY-MM-DD, not in the future.
    pub held_on: String,
    pub role: FacilitationRole,
    pub how_it_went: String,
    pub what_i_need: String,
    pub self_care: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct FacilitationEntry {
    pub id: i64,
    pub group_id: i64,
    pub held_on: String,
    pub role: FacilitationRole,
    pub how_it_went: String,
    pub what_i_need: String,
    pub self_care: String,
}

/// Adds an entry. At least one of the three notes must say something: an empty entry would only
/// be noise in the log.
pub fn add(
    vault: &Vault,
    input: &FacilitationInput,
    today: NaiveDate,
    now_utc: &str,
) -> Result<FacilitationEntry> {
    let held_on = parse_date("held_on", &input.held_on)?;
    if held_on > today {
        return Err(Error::invalid("held_on: cannot be in the future"));
    }
    let how = text("how_it_went", &input.how_it_went, NOTE_BYTES, false)?;
    let need = text("what_i_need", &input.what_i_need, NOTE_BYTES, false)?;
    let care = text("self_care", &input.self_care, NOTE_BYTES, false)?;
    if how.is_empty() && need.is_empty() && care.is_empty() {
        return Err(Error::invalid(
            "how_it_went: write at least one of how it went, what you need or a self-care note",
        ));
    }
    let entry = FacilitationEntry {
        id: 0,
        group_id: input.group_id,
        held_on: held_on.to_string(),
        role: input.role,
        how_it_went: how,
        what_i_need: need,
        self_care: care,
    };
    let id = vault.write(|tx| {
        if !crate::groups::exists(tx, entry.group_id)? {
            return Err(Error::NotFound { what: "group" });
        }
        store::insert(tx, &entry, now_utc)
    })?;
    Ok(FacilitationEntry { id, ..entry })
}

/// A group's entries, the most recent meeting first.
pub fn list(vault: &Vault, group_id: i64) -> Result<Vec<FacilitationEntry>> {
    vault.read(|conn| store::for_group(conn, group_id))
}

pub fn delete(vault: &Vault, id: i64) -> Result<()> {
    vault.write(|tx| {
        if store::delete(tx, id)? {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: "facilitation log entry",
            })
        }
    })
}
