//! About two months of the user's own attendance: mostly there, once excused, once missed,
//! once cancelled by the group, with moods that lift a little after most meetings. The last
//! grief circle is left unrecorded so the "did you go?" prompt has something to ask.

use chrono::NaiveDate;

use super::calendar::Calendar;
use super::groups::{Circle, Planted};
use super::texts::AttendanceNotes;
use crate::attendance::{self, AttendanceInput, AttendanceStatus, RoleHeld};
use crate::meetings::{self, ExceptionKind};
use crate::vault::Vault;
use crate::Result;

/// Moods before and after, cycled; each group starts at another place in the cycle.
const MOOD_BEFORE: [u8; 8] = [2, 3, 2, 2, 3, 2, 3, 3];
const MOOD_AFTER: [u8; 8] = [3, 4, 3, 4, 4, 3, 3, 4];

struct Outcome {
    status: AttendanceStatus,
    shared: bool,
    role: RoleHeld,
    note: &'static str,
}

impl Outcome {
    fn went(status: AttendanceStatus, shared: bool, role: RoleHeld, note: &'static str) -> Self {
        Self {
            status,
            shared,
            role,
            note,
        }
    }

    fn away(status: AttendanceStatus, note: &'static str) -> Self {
        Self::went(status, false, RoleHeld::None, note)
    }
}

/// What the user recorded for the `index`-th of `count` occurrences (oldest first), or `None`
/// to leave it waiting for a record.
fn outcome(
    circle: Circle,
    index: usize,
    count: usize,
    notes: &'static AttendanceNotes,
) -> Option<Outcome> {
    use AttendanceStatus::{AttendedInPerson, AttendedOnline, Cancelled, Excused, Missed};
    let last = index + 1 == count;
    Some(match circle {
        Circle::Grief if last => return None,
        Circle::Grief => match index {
            2 => Outcome::away(Excused, notes.grief_excused),
            0 => Outcome::went(
                AttendedInPerson,
                true,
                RoleHeld::None,
                notes.grief_first_share,
            ),
            4 => Outcome::went(AttendedInPerson, false, RoleHeld::Greeter, ""),
            // The meeting the journal reflects on, where the user shared.
            _ if index + 2 == count => Outcome::went(AttendedInPerson, true, RoleHeld::None, ""),
            _ => Outcome::went(AttendedInPerson, index % 2 == 1, RoleHeld::None, ""),
        },
        Circle::Recovery => match index {
            4 => Outcome::away(Missed, notes.recovery_missed),
            _ if last => Outcome::went(AttendedOnline, true, RoleHeld::Reader, ""),
            _ => Outcome::went(AttendedOnline, !index.is_multiple_of(3), RoleHeld::None, ""),
        },
        Circle::Carers => match index {
            1 => Outcome::away(Cancelled, notes.carers_cancelled),
            _ if last => Outcome::went(AttendedInPerson, true, RoleHeld::SetUp, ""),
            _ => Outcome::went(
                AttendedInPerson,
                index.is_multiple_of(2),
                RoleHeld::None,
                "",
            ),
        },
        Circle::ChronicIllness if last => Outcome::went(
            AttendedInPerson,
            true,
            RoleHeld::Facilitator,
            notes.chronic_illness_facilitated,
        ),
        Circle::ChronicIllness => Outcome::went(
            AttendedInPerson,
            index.is_multiple_of(2),
            RoleHeld::Facilitator,
            "",
        ),
    })
}

/// One occurrence the user has a record for.
#[derive(Debug, Clone)]
pub(super) struct Recorded {
    pub circle: Circle,
    pub group_id: i64,
    pub occurrence_id: String,
    /// The day it happened in the meetings' zone.
    pub on: NaiveDate,
    pub attended: bool,
}

fn offset(circle: Circle) -> usize {
    match circle {
        Circle::Grief => 0,
        Circle::Recovery => 3,
        Circle::Carers => 5,
        Circle::ChronicIllness => 6,
    }
}

pub(super) fn record(
    vault: &Vault,
    calendar: &Calendar,
    planted: &[Planted],
    notes: &'static AttendanceNotes,
) -> Result<Vec<Recorded>> {
    let (from, to) = calendar.history()?;
    let mut recorded = Vec::new();
    for plant in planted {
        let found = meetings::occurrences(vault, from, to, Some(plant.group.id))?;
        let count = found.len();
        for (index, occurrence) in found.iter().enumerate() {
            let Some(outcome) = outcome(plant.circle, index, count, notes) else {
                continue;
            };
            if outcome.status == AttendanceStatus::Cancelled {
                // The group's cancellation is part of the meeting, not only the user's record.
                meetings::set_exception(
                    vault,
                    &occurrence.occurrence_id,
                    ExceptionKind::Cancelled,
                    None,
                )?;
            }
            let attended = outcome.status.attended();
            let mood = (index + offset(plant.circle)) % MOOD_BEFORE.len();
            let record = attendance::record(
                vault,
                &AttendanceInput {
                    occurrence_id: occurrence.occurrence_id.clone(),
                    status: outcome.status,
                    shared: outcome.shared,
                    role: Some(outcome.role),
                    mood_before: attended.then_some(MOOD_BEFORE[mood]),
                    mood_after: attended.then_some(MOOD_AFTER[mood]),
                    note: Some(outcome.note.into()),
                },
            )?;
            recorded.push(Recorded {
                circle: plant.circle,
                group_id: plant.group.id,
                occurrence_id: record.occurrence_id,
                on: calendar.local_date(&occurrence.start_utc)?,
                attended,
            });
        }
    }
    Ok(recorded)
}
