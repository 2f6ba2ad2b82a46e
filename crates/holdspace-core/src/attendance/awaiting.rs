//! Which past meetings still wait for the user's record: the one rule behind "did you go?" on
//! Today and a group's list of meetings to record, kept here so both ask the same question.

use chrono::{DateTime, Duration, Utc};

use super::store;
use crate::meetings::{self, Occurrence, OccurrenceStatus};
use crate::vault::Vault;
use crate::{Error, Result};

/// How far back the app asks; older meetings can still be recorded from a group's page.
pub const MAX_DAYS: u32 = 366;

/// Occurrences that started in the `days` before `now`, have ended by `now`, were not
/// cancelled, and have no record yet; newest first.
pub fn awaiting_record(
    vault: &Vault,
    now: DateTime<Utc>,
    days: u32,
    group_id: Option<i64>,
) -> Result<Vec<Occurrence>> {
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(Error::invalid(format!("days: from 1 to {MAX_DAYS}")));
    }
    let from = now - Duration::days(i64::from(days));
    let ended: Vec<Occurrence> = meetings::occurrences(vault, from, now, group_id)?
        .into_iter()
        .filter(|o| o.status != OccurrenceStatus::Cancelled)
        .filter(|o| DateTime::parse_from_rfc3339(&o.end_utc).is_ok_and(|end| end <= now))
        .collect();
    // Only the window's occurrences are looked up (by primary key), not every record ever made.
    let recorded =
        vault.read(|conn| store::recorded(conn, ended.iter().map(|o| o.occurrence_id.as_str())))?;
    let mut waiting: Vec<Occurrence> = ended
        .into_iter()
        .filter(|o| !recorded.contains(&o.occurrence_id))
        .collect();
    waiting.reverse();
    Ok(waiting)
}
