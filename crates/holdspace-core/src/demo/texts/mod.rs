//! The words of the sample data, one table per language. The other demo files keep the shape
//! (dates, counts, moods, kinds, roles) and take every sentence a person reads from here, so
//! a new language is a new table and nothing else.
//!
//! Lists that the shape counts on (journal entries) are arrays, so a table with one too few
//! does not compile; the lengths of the remaining lists are compared by a test below.

mod de;
mod en;

use chrono::NaiveDate;

use super::groups::Circle;
use crate::Language;

/// The table for `language`.
pub(super) fn for_language(language: Language) -> &'static Texts {
    match language {
        Language::En => &en::TEXTS,
        Language::De => &de::TEXTS,
    }
}

pub(super) struct Texts {
    pub groups: PerCircle<GroupText>,
    pub attendance: AttendanceNotes,
    pub journal: JournalText,
    pub contacts: [ContactText; 3],
    pub card: CardText,
    pub facilitation: FacilitationText,
}

/// One value for each sample group.
pub(super) struct PerCircle<T> {
    pub grief: T,
    pub recovery: T,
    pub carers: T,
    pub chronic_illness: T,
}

impl<T> PerCircle<T> {
    pub fn get(&self, circle: Circle) -> &T {
        match circle {
            Circle::Grief => &self.grief,
            Circle::Recovery => &self.recovery,
            Circle::Carers => &self.carers,
            Circle::ChronicIllness => &self.chronic_illness,
        }
    }
}

pub(super) struct GroupText {
    pub name: &'static str,
    pub description: &'static str,
    pub address: &'static str,
    pub meeting_link: &'static str,
    pub venue_notes: &'static str,
    pub own_norms: &'static [&'static str],
    pub meeting_title: &'static str,
}

/// The notes on the few attendance records that have one (see attendance.rs for which).
pub(super) struct AttendanceNotes {
    pub grief_excused: &'static str,
    pub grief_first_share: &'static str,
    pub recovery_missed: &'static str,
    pub carers_cancelled: &'static str,
    pub chronic_illness_facilitated: &'static str,
}

pub(super) struct EntryText {
    pub title: &'static str,
    pub body: &'static str,
    pub feelings: &'static [&'static str],
    pub tags: &'static [&'static str],
}

/// A reflection's title is "`title`, `date`", the date as [`JournalText::spoken`] says it.
pub(super) type ReflectionText = EntryText;

pub(super) struct JournalText {
    /// The check-ins and notes, in the order journal.rs lists their days.
    pub entries: [EntryText; 8],
    pub reflections: PerCircle<ReflectionText>,
    /// How a person dates a journal entry in its title ("Thursday 8 October").
    pub spoken: fn(NaiveDate) -> String,
}

/// One contact, in the order buddies.rs adds them.
pub(super) struct ContactText {
    pub pronouns: &'static str,
    pub phone_label: &'static str,
    pub email_label: &'static str,
    pub availability: &'static str,
    pub notes: &'static str,
}

pub(super) struct CardText {
    pub pronouns: &'static str,
    pub phone_label: &'static str,
    pub email_label: &'static str,
    pub availability: &'static str,
    pub preset_name: &'static str,
}

pub(super) struct FacilitationText {
    pub how_it_went: &'static str,
    pub what_i_need: &'static str,
    pub self_care: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    const CIRCLES: [Circle; 4] = [
        Circle::Grief,
        Circle::Recovery,
        Circle::Carers,
        Circle::ChronicIllness,
    ];

    #[test]
    fn demo_tables_have_the_same_lists_in_every_language() {
        let (en, de) = (&en::TEXTS, &de::TEXTS);
        for circle in CIRCLES {
            assert_eq!(
                en.groups.get(circle).own_norms.len(),
                de.groups.get(circle).own_norms.len(),
                "a group has as many own norms in German as in English ({circle:?})"
            );
            let (en_r, de_r) = (
                en.journal.reflections.get(circle),
                de.journal.reflections.get(circle),
            );
            assert_eq!(
                (en_r.feelings.len(), en_r.tags.len()),
                (de_r.feelings.len(), de_r.tags.len()),
                "a reflection has as many feelings and tags in German as in English ({circle:?})"
            );
        }
        for (en_e, de_e) in en.journal.entries.iter().zip(&de.journal.entries) {
            assert_eq!(
                (en_e.feelings.len(), en_e.tags.len()),
                (de_e.feelings.len(), de_e.tags.len()),
                "\"{}\" has as many feelings and tags in German as in English",
                en_e.title
            );
        }
    }

    #[test]
    fn demo_dates_in_german_use_german_names() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(
            (de::TEXTS.journal.spoken)(day),
            "Donnerstag, 1. Oktober",
            "German titles date a day as a German writer would, with no English name in it"
        );
        assert_eq!(
            (en::TEXTS.journal.spoken)(day),
            "Thursday 1 October",
            "English titles keep the day-month order of British English"
        );
        let march = NaiveDate::from_ymd_opt(2026, 3, 22).unwrap();
        assert_eq!(
            (de::TEXTS.journal.spoken)(march),
            "Sonntag, 22. März",
            "the German month names keep their umlauts"
        );
    }
}
