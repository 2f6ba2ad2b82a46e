//! One facilitation log entry, for the last meeting the user ran in the group they facilitate.
//! Like the log itself, it holds only the facilitator's own experience, nothing about members.

use chrono::{DateTime, SecondsFormat, Utc};

use super::attendance::Recorded;
use super::calendar::Calendar;
use super::groups::{find, Circle, Planted};
use super::texts::FacilitationText;
use crate::facilitation::{self, FacilitationInput, FacilitationRole};
use crate::vault::Vault;
use crate::Result;

/// Adds the entry when the user ran a meeting in the history window; returns how many.
pub(super) fn log(
    vault: &Vault,
    calendar: &Calendar,
    planted: &[Planted],
    recorded: &[Recorded],
    now: DateTime<Utc>,
    texts: &FacilitationText,
) -> Result<usize> {
    let group_id = find(planted, Circle::ChronicIllness)?.group.id;
    let Some(ran) = recorded
        .iter()
        .filter(|r| r.group_id == group_id && r.attended)
        .max_by_key(|r| r.on)
    else {
        return Ok(0);
    };
    facilitation::add(
        vault,
        &FacilitationInput {
            group_id,
            held_on: ran.on.to_string(),
            role: FacilitationRole::Facilitator,
            how_it_went: texts.how_it_went.into(),
            what_i_need: texts.what_i_need.into(),
            self_care: texts.self_care.into(),
        },
        calendar.today,
        &now.to_rfc3339_opts(SecondsFormat::Secs, true),
    )?;
    Ok(1)
}
