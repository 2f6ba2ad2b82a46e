//! What a notification says. Discreet by default: the title is always "Holdspace" and the text
//! names no group, kind or place. A group the user opted in may be named with its place. No
//! journal or contact text, and no custom reminder's label, ever reaches a notification.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::model::RuleKind;

pub const NOTICE_TITLE: &str = "Holdspace";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// A group's name and place, for the groups whose reminders may show them.
#[derive(Debug, Clone)]
pub(crate) struct GroupDetail {
    pub name: String,
    pub place: String,
}

fn lead(start: DateTime<Utc>, at: DateTime<Utc>) -> String {
    let minutes = ((start - at).num_seconds() + 30).div_euclid(60).max(1);
    match minutes {
        1 => "in 1 minute".into(),
        m if m % 60 == 0 && m / 60 == 1 => "in 1 hour".into(),
        m if m % 60 == 0 => format!("in {} hours", m / 60),
        m => format!("in {m} minutes"),
    }
}

/// The notification for a reminder shown at `at`.
pub(crate) fn notice(
    kind: RuleKind,
    start: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
    detail: Option<&GroupDetail>,
) -> Notice {
    let body = match (kind, start) {
        (RuleKind::BeforeMeeting, Some(start)) => match detail {
            Some(d) if d.place.is_empty() => format!("{}: meeting {}", d.name, lead(start, at)),
            Some(d) => format!("{}: meeting {}, {}", d.name, lead(start, at), d.place),
            None => format!("Meeting {}", lead(start, at)),
        },
        (RuleKind::BeforeMeeting, None) => "Meeting soon".into(),
        (RuleKind::DailyCheckIn, _) => "Time for your check-in".into(),
        (RuleKind::WeeklyBuddyCall, _) => "Time for your buddy call".into(),
        (RuleKind::Custom, _) => "A reminder you set".into(),
    };
    Notice {
        title: NOTICE_TITLE.into(),
        body,
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
                Some(&named)
            )
            .body,
            "Tuesday circle: meeting in 15 minutes, Library, room 2",
            "an opted-in group is named with its place"
        );
        assert_eq!(
            notice(RuleKind::Custom, None, at, Some(&named)).title,
            NOTICE_TITLE
        );
    }
}
