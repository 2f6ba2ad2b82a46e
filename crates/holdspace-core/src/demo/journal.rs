//! A dozen journal entries: check-ins with moods and feelings, reflections on meetings the user
//! went to (linked to those occurrences, and only about the user: what others shared stays in
//! the room), and a couple of notes.
//!
//! The journal stamps an entry with the time it is written and takes no other, so every entry
//! is dated now; they are written in the order of the days they stand for, so the timeline
//! still reads from the oldest day up.

use chrono::NaiveDate;

use super::attendance::Recorded;
use super::calendar::{spoken, Calendar};
use super::groups::{find, Circle, Planted};
use crate::journal::{self, EntryInput, EntryKind};
use crate::vault::Vault;
use crate::Result;

struct Sample {
    kind: EntryKind,
    title: String,
    body: &'static str,
    mood: Option<u8>,
    feelings: &'static [&'static str],
    tags: &'static [&'static str],
}

fn check_in(
    title: &str,
    mood: u8,
    feelings: &'static [&'static str],
    tags: &'static [&'static str],
    body: &'static str,
) -> Sample {
    Sample {
        kind: EntryKind::CheckIn,
        title: title.into(),
        body,
        mood: Some(mood),
        feelings,
        tags,
    }
}

/// Check-ins and notes, each with how many days before today it stands for and the group it
/// belongs with, if any.
fn unlinked() -> Vec<(u64, Option<Circle>, Sample)> {
    vec![
        (
            40,
            None,
            check_in(
                "Slow start",
                2,
                &["tired", "anxious"],
                &["sleep"],
                "### How am I arriving today?\n\nWoke at four again. Made tea and sat by the \
                 window until it got light.\n\n### What do I need today, and from whom?\n\n\
                 A walk at lunch and an early night. Maybe a text to Priya.",
            ),
        ),
        (
            33,
            None,
            check_in(
                "The anniversary is coming",
                2,
                &["sad", "restless"],
                &["grief", "family"],
                "Dad's anniversary is next month and I can already feel it in my shoulders. \
                 Writing it down so it is not only in my head. I might bring it to Thursday's \
                 circle if there is space.",
            ),
        ),
        (
            30,
            None,
            Sample {
                kind: EntryKind::Note,
                title: "Things that help on hard evenings".into(),
                body: "- Phone Priya or Mark before the evening gets long\n\
                       - A hot shower, then the radio\n\
                       - Walk round the block, even in the rain\n\
                       - Write three lines here instead of scrolling\n\
                       - Bed by eleven",
                mood: None,
                feelings: &[],
                tags: &["self-care"],
            },
        ),
        (
            26,
            None,
            check_in(
                "Steadier",
                3,
                &["calm", "hopeful"],
                &["recovery"],
                "Another week without a drink. Nothing dramatic, just an ordinary evening \
                 with the dishes done. Mark says to notice the ordinary days, so: noticed.",
            ),
        ),
        (
            18,
            None,
            check_in(
                "Pain flare",
                2,
                &["frustrated", "tired"],
                &["pacing", "health"],
                "Bad flare since Tuesday. Cancelled the cinema and felt guilty, then \
                 remembered what I tell the group about pacing. Heat pad, short walks, and \
                 being kinder to myself than I feel like being.",
            ),
        ),
        (
            9,
            None,
            check_in(
                "Two hours to myself",
                4,
                &["grateful", "connected"],
                &["carers"],
                "Mum had a settled night, so I got two hours to myself. It is strange how \
                 much lighter I feel after a morning where nobody needs me to explain.",
            ),
        ),
        (
            5,
            Some(Circle::ChronicIllness),
            Sample {
                kind: EntryKind::Note,
                title: "Questions for the pain clinic".into(),
                body: "1. Can the physio sessions be moved to mornings?\n\
                       2. Is there a pacing course I could join?\n\
                       3. Ask for a letter for work about flexible hours.",
                mood: None,
                feelings: &[],
                tags: &["health", "appointments"],
            },
        ),
        (
            2,
            None,
            check_in(
                "A good day",
                4,
                &["hopeful", "calm"],
                &["sleep", "gratitude"],
                "Slept through for the first time in a fortnight. Pancakes, a walk by the \
                 river and no plans after four. I want to remember that a good day can just \
                 happen.",
            ),
        ),
    ]
}

fn reflect(
    title: String,
    mood: u8,
    feelings: &'static [&'static str],
    tags: &'static [&'static str],
    body: &'static str,
) -> Sample {
    Sample {
        kind: EntryKind::Reflection,
        title,
        body,
        mood: Some(mood),
        feelings,
        tags,
    }
}

/// A reflection on a meeting the user went to, following the built-in "After a meeting"
/// prompts. Each says what the user did there (shared, read, facilitated), matching the record.
fn reflection(circle: Circle, on: NaiveDate) -> Sample {
    match circle {
        Circle::Grief => reflect(
            format!("After the grief circle, {}", spoken(on)),
            3,
            &["sad", "relieved"],
            &["grief"],
            "### What did I hear that I want to keep?\n\nThat grief does not run on a \
             timetable, and that the second year can be harder than the first.\n\n\
             ### What did I share, and how did it feel?\n\nI talked about clearing out \
             Dad's shed. My voice shook but I finished, and the silence afterwards felt \
             kind.\n\n### Is there feedback I want to ask for?\n\nNot this time.",
        ),
        Circle::Recovery => reflect(
            format!("After Monday's meeting, {}", spoken(on)),
            4,
            &["grateful", "hopeful"],
            &["recovery"],
            "### What did I hear that I want to keep?\n\n\"One evening at a time\" - it \
             helps more than thinking about forever.\n\n### What did I share, and how did \
             it feel?\n\nI read the opening and said I had a hard Friday but got through \
             it. Easier to say than last month.\n\n### Is there feedback I want to ask \
             for?\n\nAsk Mark about weekends.",
        ),
        Circle::Carers => reflect(
            format!("Coffee morning, {}", spoken(on)),
            4,
            &["connected", "tired"],
            &["carers"],
            "### What did I hear that I want to keep?\n\nThe tip about asking the GP \
             surgery for a carer's assessment.\n\n### What did I share, and how did it \
             feel?\n\nThat I sometimes resent the caring and then feel awful for it. \
             Nobody flinched.\n\n### Is there feedback I want to ask for?\n\nNo.",
        ),
        Circle::ChronicIllness => reflect(
            format!("Facilitating, {}", spoken(on)),
            3,
            &["proud", "drained"],
            &["facilitating", "pacing"],
            "### What did I hear that I want to keep?\n\nThat pacing is a skill you \
             practise, not a rule you pass or fail.\n\n### What did I share, and how did \
             it feel?\n\nA short share at the end about my own flare. Holding the room \
             and sharing in the same evening is a lot.\n\n### Is there feedback I want to \
             ask for?\n\nAsk my co-facilitator how the timing felt.",
        ),
    }
}

fn input(sample: Sample, group_id: Option<i64>, occurrence_id: Option<String>) -> EntryInput {
    EntryInput {
        kind: sample.kind,
        title: Some(sample.title),
        body: sample.body.into(),
        mood: sample.mood,
        feelings: Some(sample.feelings.iter().map(|f| f.to_string()).collect()),
        tags: Some(sample.tags.iter().map(|t| t.to_string()).collect()),
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
) -> Result<usize> {
    let mut dated: Vec<(NaiveDate, EntryInput)> = Vec::new();
    for (days_ago, circle, sample) in unlinked() {
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
                    reflection(circle, went.on),
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
