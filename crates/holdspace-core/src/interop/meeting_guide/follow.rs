//! Following meetings from a feed: each chosen meeting becomes a group (or joins one the user
//! has) with a weekly schedule per day it meets. Its types become the group's format, and
//! without `XT` (cross-talk permitted) the group keeps the norm of no cross-talk.

use chrono::{Datelike, Duration, NaiveDate};
use chrono_tz::Tz;
use serde::Deserialize;

use super::types::{label, CROSS_TALK_PERMITTED, ONLINE, TEMPORARILY_CLOSED};
use super::{Feed, FeedMeeting};
use crate::groups::{self, Group, KnownNorm, NewGroup, Venue};
use crate::interop::clip;
use crate::meetings::{self, NewMeeting};
use crate::time::parse_zone;
use crate::vault::Vault;
use crate::{Error, Result};

/// A meeting the user follows, by its slug; into a group they have, or a new one.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct FeedChoice {
    pub slug: String,
    pub group_id: Option<i64>,
}

fn group_for(meeting: &FeedMeeting, joined: NaiveDate) -> NewGroup {
    let online = meeting.has_type(ONLINE)
        || (meeting.address.is_empty() && !meeting.conference_url.is_empty());
    let link = if meeting.conference_url.starts_with("https://")
        || meeting.conference_url.starts_with("http://")
    {
        meeting.conference_url.clone()
    } else {
        String::new()
    };
    let format: Vec<&str> = meeting
        .types
        .iter()
        .filter(|t| t.code != TEMPORARILY_CLOSED)
        .map(|t| t.label.as_str())
        .collect();
    let mut description = Vec::new();
    if !format.is_empty() {
        description.push(format!("Format: {}", format.join(", ")));
    }
    if meeting.has_type(TEMPORARILY_CLOSED) {
        description.push(label(TEMPORARILY_CLOSED).to_string());
    }
    if !meeting.entity_url.is_empty() {
        description.push(meeting.entity_url.clone());
    }
    let place = [meeting.location.as_str(), meeting.address.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let venue_notes = [meeting.notes.as_str(), meeting.conference_phone.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let norms = if meeting.has_type(CROSS_TALK_PERMITTED) {
        Vec::new()
    } else {
        vec![KnownNorm::NoCrossTalk]
    };
    NewGroup {
        name: if meeting.name.is_empty() {
            "Meeting".into()
        } else {
            clip(&meeting.name, 200)
        },
        kind: "addiction-recovery".into(),
        description: Some(clip(&description.join("\n"), 4000)),
        venue: Some(if online {
            Venue::Online
        } else {
            Venue::CommunityCentre
        }),
        address: Some(if online {
            String::new()
        } else {
            clip(&place, 500)
        }),
        meeting_link: Some(if online {
            clip(&link, 2000)
        } else {
            String::new()
        }),
        venue_notes: Some(clip(&venue_notes, 2000)),
        norms: Some(norms),
        own_norms: None,
        my_role: None,
        colour: None,
        joined: Some(joined.to_string()),
    }
}

/// Minutes after midnight of `HH:MM`; any number a feed writes, without overflow (the
/// duration is clamped to a day afterwards).
fn minutes(hhmm: &str) -> i64 {
    let mut parts = hhmm.split(':').map(|p| p.parse::<i64>().unwrap_or(0));
    let hours = parts.next().unwrap_or(0);
    hours
        .saturating_mul(60)
        .saturating_add(parts.next().unwrap_or(0))
}

/// One weekly schedule per day the meeting meets, from the first such day on or after `from`.
fn schedules(meeting: &FeedMeeting, zone: Tz, from: NaiveDate) -> Vec<NewMeeting> {
    // Saturating throughout: a feed may write any numbers, and a saturated end minus a
    // negative start overflowed (found by the property test with end "200923049063311527:…").
    let mut duration = minutes(&meeting.end_local).saturating_sub(minutes(&meeting.start_local));
    if duration <= 0 {
        duration = duration.saturating_add(24 * 60);
    }
    let duration = u32::try_from(duration.clamp(1, 1440)).unwrap_or(60);
    meeting
        .weekdays
        .iter()
        .map(|day| {
            let ahead =
                (i64::from(*day) - i64::from(from.weekday().num_days_from_sunday())).rem_euclid(7);
            let date = from + Duration::days(ahead);
            NewMeeting {
                group_id: 0,
                title: None,
                start_local: format!("{date}T{}", meeting.start_local),
                time_zone: zone.name().to_string(),
                duration_minutes: duration,
                rrule: Some("FREQ=WEEKLY".into()),
            }
        })
        .collect()
}

/// Follows the chosen meetings; returns the groups they went into, in the order chosen. Every
/// choice is checked (known slug, known group, the new group and every schedule as they will
/// be stored) before anything is written, so a refusal leaves nothing behind.
pub fn follow(
    vault: &Vault,
    feed: &Feed,
    choices: &[FeedChoice],
    fallback_zone: Tz,
    today: NaiveDate,
) -> Result<Vec<Group>> {
    let mut plans = Vec::with_capacity(choices.len());
    for choice in choices {
        let meeting = feed
            .meetings
            .iter()
            .find(|m| m.slug == choice.slug)
            .ok_or_else(|| Error::invalid("slug: no meeting in the feed has this slug"))?;
        // A zone the feed misspells is no reason to refuse the meeting: the user's stands in,
        // as for a feed that names none (the preview shows the zone).
        let zone = meeting
            .time_zone
            .as_deref()
            .and_then(|name| parse_zone("time_zone", name).ok())
            .unwrap_or(fallback_zone);
        match choice.group_id {
            Some(id) => {
                groups::get(vault, id)?;
            }
            None => groups::check_new(&group_for(meeting, today))?,
        }
        let schedules = schedules(meeting, zone, today);
        for schedule in &schedules {
            meetings::check_new(schedule)?;
        }
        plans.push((choice.group_id, meeting, schedules));
    }
    let mut followed = Vec::with_capacity(plans.len());
    for (group_id, meeting, schedules) in plans {
        let group = match group_id {
            Some(id) => groups::get(vault, id)?,
            None => groups::add(vault, &group_for(meeting, today))?,
        };
        for schedule in schedules {
            meetings::add(
                vault,
                &NewMeeting {
                    group_id: group.id,
                    ..schedule
                },
            )?;
        }
        followed.push(group);
    }
    Ok(followed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_with_an_enormous_end_and_a_negative_start_gets_a_day_at_most_not_a_panic() {
        let meeting = FeedMeeting {
            slug: "a".into(),
            name: String::new(),
            weekdays: vec![2],
            start_local: "-1:00".into(),
            end_local: "200923049063311527:6862516172".into(),
            time_zone: None,
            location: String::new(),
            address: String::new(),
            notes: String::new(),
            conference_url: String::new(),
            conference_phone: String::new(),
            types: Vec::new(),
            entity_url: String::new(),
        };
        let from = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let made = schedules(&meeting, chrono_tz::UTC, from);
        assert!(
            !made.is_empty() && made.iter().all(|m| m.duration_minutes == 1440),
            "the duration is clamped to a day, as for any other out-of-range feed"
        );
    }
}
