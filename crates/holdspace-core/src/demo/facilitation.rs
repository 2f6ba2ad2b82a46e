//! One facilitation log entry, for the last meeting the user ran in the group they facilitate.
//! Like the log itself, it holds only the facilitator's own experience, nothing about members.

use chrono::{DateTime, SecondsFormat, Utc};

use super::attendance::Recorded;
use super::calendar::Calendar;
use super::groups::{find, Circle, Planted};
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
            how_it_went: "Started on time and kept the rounds to three minutes. The pacing \
                          topic worked well; I used the share timer for the first time."
                .into(),
            what_i_need: "A co-facilitator for the next two sessions while my own flare \
                          settles. Ask at the end of the next meeting."
                .into(),
            self_care: "Quiet evening afterwards, no screens, and the heat pad. Check in \
                         with Priya on Friday."
                .into(),
        },
        calendar.today,
        &now.to_rfc3339_opts(SecondsFormat::Secs, true),
    )?;
    Ok(1)
}
