//! The newcomer pathway: five steps of finding one's place in a peer-support group, per group.
//! The user ticks steps as they go; the ones the record already shows tick themselves: going
//! to a meeting, sharing at one, writing a reflection on the group. Those are read from the
//! record each time, so deleting the record unticks them and nothing can disagree with it.

mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::vault::Vault;
use crate::{Error, Result};

/// The steps, in the order a newcomer usually meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum PathwayStep {
    /// Find out what kind of group this is and whether it fits.
    Research,
    /// Go to an introductory (or any first) meeting.
    FirstMeeting,
    /// Learn how the group does things: its norms.
    Etiquette,
    /// Take part, and share in one's own words when ready.
    Share,
    /// Think back on a meeting, and ask a buddy or mentor how it seems to them.
    Reflect,
}

impl PathwayStep {
    pub const ALL: [Self; 5] = [
        Self::Research,
        Self::FirstMeeting,
        Self::Etiquette,
        Self::Share,
        Self::Reflect,
    ];
}

/// Why a step counts as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum TickedBy {
    /// The user ticked it.
    Me,
    /// A meeting of the group marked as attended.
    Attendance,
    /// An attended meeting where the user marked that they shared.
    Sharing,
    /// A reflection in the journal on this group.
    Reflection,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PathwayStepState {
    pub step: PathwayStep,
    /// None while the step is still ahead.
    pub ticked_by: Option<TickedBy>,
    /// YYYY-MM-DD: the day it was ticked, or the first day the record shows it.
    pub ticked_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Pathway {
    pub group_id: i64,
    /// All five, in order.
    pub steps: Vec<PathwayStepState>,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct PathwayTick {
    pub group_id: i64,
    pub step: PathwayStep,
    /// False takes the user's own tick back; a step the record shows stays done.
    pub ticked: bool,
}

/// The group's pathway: the record first, then the user's own ticks.
pub fn pathway(vault: &Vault, group_id: i64) -> Result<Pathway> {
    vault.read(|conn| {
        if !crate::groups::exists(conn, group_id)? {
            return Err(not_found());
        }
        let record = store::from_record(conn, group_id)?;
        let mine = store::ticks(conn, group_id)?;
        let steps = PathwayStep::ALL
            .iter()
            .map(|&step| {
                let (ticked_by, ticked_on) = match (record.get(&step), mine.get(&step)) {
                    (Some((by, on)), _) => (Some(*by), Some(on.clone())),
                    (None, Some(on)) => (Some(TickedBy::Me), Some(on.clone())),
                    (None, None) => (None, None),
                };
                PathwayStepState {
                    step,
                    ticked_by,
                    ticked_on,
                }
            })
            .collect();
        Ok(Pathway { group_id, steps })
    })
}

/// Ticks a step for the user on `today`, or takes their tick back, and returns the pathway as
/// it now stands. Ticking twice keeps the first day.
pub fn tick(vault: &Vault, tick: &PathwayTick, today: NaiveDate) -> Result<Pathway> {
    vault.write(|tx| {
        if !crate::groups::exists(tx, tick.group_id)? {
            return Err(not_found());
        }
        if tick.ticked {
            store::insert(tx, tick.group_id, tick.step, &today.to_string())
        } else {
            store::remove(tx, tick.group_id, tick.step)
        }
    })?;
    pathway(vault, tick.group_id)
}

fn not_found() -> Error {
    Error::NotFound { what: "group" }
}
