//! A dozen journal entries: check-ins with moods and feelings, reflections on meetings the user
//! went to (linked to those occurrences, and only about the user: what others shared stays in
//! the room), and a couple of notes.
//!
//! The journal stamps an entry with the time it is written and takes no other, so every entry
//! is dated now; they are written in the order of the days they stand for, so the timeline
//! still reads from the oldest day up.

use chrono::NaiveDate;

use super::attendance::Recorded;
use super::calendar::Calendar;
use super::groups::{find, Circle, Planted};
use super::texts::{EntryText, JournalText};
use crate::journal::{self, EntryInput, EntryKind};
use crate::vault::Vault;
use crate::Result;

/// Check-ins and notes: how many days before today each stands for, the group it belongs with
/// (if any), its kind and mood. Their words are the language's `entries`, in this order.
const UNLINKED: [(u64, Option<Circle>, EntryKind, Option<u8>); 8] = [
    (40, None, EntryKind::CheckIn, Some(2)),
    (33, None, EntryKind::CheckIn, Some(2)),
    (30, None, EntryKind::Note, None),
    (26, None, EntryKind::CheckIn, Some(3)),
    (18, None, EntryKind::CheckIn, Some(2)),
    (9, None, EntryKind::CheckIn, Some(4)),
    (5, Some(Circle::ChronicIllness), EntryKind::Note, None),
    (2, None, EntryKind::CheckIn, Some(4)),
];

struct Sample {
    kind: EntryKind,
    title: String,
    mood: Option<u8>,
    text: &'static EntryText,
}

/// A reflection on a meeting the user went to, following the built-in "After a meeting"
/// prompts. Each says what the user did there (shared, read, facilitated), matching the record.
fn reflection(texts: &'static JournalText, circle: Circle, on: NaiveDate) -> Sample {
    let mood = match circle {
        Circle::Grief | Circle::ChronicIllness => 3,
        Circle::Recovery | Circle::Carers => 4,
    };
    let text = texts.reflections.get(circle);
    Sample {
        kind: EntryKind::Reflection,
        title: format!("{}, {}", text.title, (texts.spoken)(on)),
        mood: Some(mood),
        text,
    }
}

fn input(sample: Sample, group_id: Option<i64>, occurrence_id: Option<String>) -> EntryInput {
    EntryInput {
        kind: sample.kind,
        title: Some(sample.title),
        body: sample.text.body.into(),
        mood: sample.mood,
        feelings: Some(sample.text.feelings.iter().map(|f| f.to_string()).collect()),
        tags: Some(sample.text.tags.iter().map(|t| t.to_string()).collect()),
        group_id,
        occurrence_id,
    }
}

/// Writes the entries; returns how many.
pub(super) fn write(
    vault: &Vault,
    calendar: &Calendar,
    planted: &[Planted],
    recorded: &[Recorded],
    texts: &'static JournalText,
) -> Result<usize> {
    let mut dated: Vec<(NaiveDate, EntryInput)> = Vec::new();
    for ((days_ago, circle, kind, mood), text) in UNLINKED.into_iter().zip(&texts.entries) {
        let sample = Sample {
            kind,
            title: text.title.into(),
            mood,
            text,
        };
        let group_id = match circle {
            Some(circle) => Some(find(planted, circle)?.group.id),
            None => None,
        };
        dated.push((calendar.days_ago(days_ago)?, input(sample, group_id, None)));
    }
    for circle in [
        Circle::Grief,
        Circle::Recovery,
        Circle::Carers,
        Circle::ChronicIllness,
    ] {
        // Only a meeting the user went to gets a reflection.
        let last = recorded
            .iter()
            .filter(|r| r.circle == circle && r.attended)
            .max_by_key(|r| r.on);
        if let Some(went) = last {
            dated.push((
                went.on,
                input(
                    reflection(texts, circle, went.on),
                    Some(went.group_id),
                    Some(went.occurrence_id.clone()),
                ),
            ));
        }
    }
    // Stable: entries of the same day keep the order above.
    dated.sort_by_key(|(on, _)| *on);
    for (_, entry) in &dated {
        journal::add(vault, entry)?;
    }
    Ok(dated.len())
}
