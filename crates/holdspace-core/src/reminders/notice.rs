//! What a notification says. Discreet by default: the title is always "Holdspace" and the text
//! names no group, kind or place. A group the user opted in may be named with its place. No
//! journal or contact text, and no custom reminder's label, ever reaches a notification.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::model::RuleKind;
use crate::Language;

pub const NOTICE_TITLE: &str = "Holdspace";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// A group's name and place, for the groups whose reminders may show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct GroupDetail {
    pub name: String,
    pub place: String,
}

/// What a notice is worded from besides the reminder itself, so a copy shown later (snoozed
/// while the vault is locked) can be worded for its own time. Holds only what the notice may
/// say: a group's name and place only for a group the person let reminders name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct Wording {
    pub detail: Option<GroupDetail>,
    pub language: Language,
}

/// When the meeting starts, counted from `at`: "in 15 minutes", "in 1 hour".
fn lead(start: DateTime<Utc>, at: DateTime<Utc>, language: Language) -> String {
    let minutes = ((start - at).num_seconds() + 30).div_euclid(60).max(1);
    let hours = (minutes % 60 == 0).then_some(minutes / 60);
    match (language, hours, minutes) {
        (Language::En, Some(1), _) => "in 1 hour".into(),
        (Language::En, Some(h), _) => format!("in {h} hours"),
        (Language::En, None, 1) => "in 1 minute".into(),
        (Language::En, None, m) => format!("in {m} minutes"),
        (Language::De, Some(1), _) => "in 1 Stunde".into(),
        (Language::De, Some(h), _) => format!("in {h} Stunden"),
        (Language::De, None, 1) => "in 1 Minute".into(),
        (Language::De, None, m) => format!("in {m} Minuten"),
    }
}

/// The notification for a reminder shown at `at`, in the person's language.
pub(crate) fn notice(
    kind: RuleKind,
    start: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
    detail: Option<&GroupDetail>,
    language: Language,
) -> Notice {
    let meeting = match language {
        Language::En => "meeting",
        Language::De => "Treffen",
    };
    let body = match (kind, start) {
        (RuleKind::BeforeMeeting, Some(start)) => {
            let when = lead(start, at, language);
            match detail {
                Some(d) if d.place.is_empty() => format!("{}: {meeting} {when}", d.name),
                Some(d) => format!("{}: {meeting} {when}, {}", d.name, d.place),
                None => match language {
                    Language::En => format!("Meeting {when}"),
                    Language::De => format!("Treffen {when}"),
                },
            }
        }
        (kind, _) => plain(kind, language).into(),
    };
    Notice {
        title: NOTICE_TITLE.into(),
        body,
    }
}

/// The text of a reminder that needs no time in it.
fn plain(kind: RuleKind, language: Language) -> &'static str {
    match (language, kind) {
        (Language::En, RuleKind::BeforeMeeting) => "Meeting soon",
        (Language::En, RuleKind::DailyCheckIn) => "Time for your check-in",
        (Language::En, RuleKind::WeeklyBuddyCall) => "Time for your buddy call",
        (Language::En, RuleKind::Custom) => "A reminder you set",
        (Language::De, RuleKind::BeforeMeeting) => "Bald ein Treffen",
        (Language::De, RuleKind::DailyCheckIn) => "Zeit für deinen Check-in",
        (Language::De, RuleKind::WeeklyBuddyCall) => "Zeit für deinen Buddy-Anruf",
        (Language::De, RuleKind::Custom) => "Eine Erinnerung, die du eingerichtet hast",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn the_default_text_says_when_but_not_what_or_where() {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        let say = |minutes: i64| {
            notice(
                RuleKind::BeforeMeeting,
                Some(at + Duration::minutes(minutes)),
                at,
                None,
                Language::En,
            )
            .body
        };
        assert_eq!(say(15), "Meeting in 15 minutes");
        assert_eq!(say(60), "Meeting in 1 hour");
        assert_eq!(say(120), "Meeting in 2 hours");
        assert_eq!(say(0), "Meeting in 1 minute", "never 'in 0 minutes'");
        let named = GroupDetail {
            name: "Tuesday circle".into(),
            place: "Library, room 2".into(),
        };
        assert_eq!(
            notice(
                RuleKind::BeforeMeeting,
                Some(at + Duration::minutes(15)),
                at,
                Some(&named),
                Language::En,
            )
            .body,
            "Tuesday circle: meeting in 15 minutes, Library, room 2",
            "an opted-in group is named with its place"
        );
        assert_eq!(
            notice(RuleKind::Custom, None, at, Some(&named), Language::En).title,
            NOTICE_TITLE
        );
    }

    #[test]
    fn in_german_the_text_is_german_and_as_discreet() {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        let say = |kind: RuleKind, minutes: Option<i64>, detail: Option<&GroupDetail>| {
            notice(
                kind,
                minutes.map(|m| at + Duration::minutes(m)),
                at,
                detail,
                Language::De,
            )
            .body
        };
        let before = RuleKind::BeforeMeeting;
        assert_eq!(say(before, Some(15), None), "Treffen in 15 Minuten");
        assert_eq!(say(before, Some(1), None), "Treffen in 1 Minute");
        assert_eq!(say(before, Some(60), None), "Treffen in 1 Stunde");
        assert_eq!(say(before, Some(180), None), "Treffen in 3 Stunden");
        assert_eq!(say(before, None, None), "Bald ein Treffen");
        let named = GroupDetail {
            name: "Dienstagskreis".into(),
            place: "Bücherei, Raum 2".into(),
        };
        assert_eq!(
            say(before, Some(15), Some(&named)),
            "Dienstagskreis: Treffen in 15 Minuten, Bücherei, Raum 2",
            "an opted-in group is named with its place, in German too"
        );
        for kind in [
            RuleKind::DailyCheckIn,
            RuleKind::WeeklyBuddyCall,
            RuleKind::Custom,
        ] {
            let english = notice(kind, None, at, Some(&named), Language::En).body;
            let german = say(kind, None, Some(&named));
            assert_ne!(german, english, "{kind:?} has a German text of its own");
            assert!(
                !german.contains("Dienstagskreis"),
                "{kind:?} names no group in any language"
            );
        }
    }
}
