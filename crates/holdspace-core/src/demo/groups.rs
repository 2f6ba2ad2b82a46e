//! The four sample groups and their meetings. Every place is made up (the words are in
//! texts/), every link is on example.org, and the user facilitates one group so the
//! facilitator tools have something to show.

use chrono::{NaiveTime, Weekday};

use super::calendar::{byday, Calendar};
use super::texts::{GroupText, PerCircle};
use crate::groups::{self, Group, KnownNorm, MyRole, NewGroup, Venue};
use crate::meetings::{self, NewMeeting};
use crate::time::LOCAL_FORMAT;
use crate::vault::Vault;
use crate::{Error, Result};

/// Which sample group; the other sample files pick their group by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Circle {
    Grief,
    Recovery,
    Carers,
    ChronicIllness,
}

struct Plan {
    circle: Circle,
    kind: &'static str,
    venue: Venue,
    norms: &'static [KnownNorm],
    role: MyRole,
    colour: &'static str,
    joined_weeks_ago: u64,
    weekday: Weekday,
    /// Hour and minute, wall-clock in the demo's zone.
    starts_at: (u32, u32),
    duration_minutes: u32,
    every_weeks: u32,
}

const PLANS: [Plan; 4] = [
    Plan {
        circle: Circle::Grief,
        kind: "grief-loss",
        venue: Venue::CommunityCentre,
        norms: &[
            KnownNorm::Confidentiality,
            KnownNorm::NoCrossTalk,
            KnownNorm::IStatements,
            KnownNorm::OneSharePerRound,
        ],
        role: MyRole::Member,
        colour: "#6a5acd",
        joined_weeks_ago: 22,
        weekday: Weekday::Thu,
        starts_at: (19, 0),
        duration_minutes: 90,
        every_weeks: 1,
    },
    Plan {
        circle: Circle::Recovery,
        kind: "addiction-recovery",
        venue: Venue::Online,
        norms: &[
            KnownNorm::Confidentiality,
            KnownNorm::NoCrossTalk,
            KnownNorm::IStatements,
            KnownNorm::PhonesAway,
        ],
        role: MyRole::Member,
        colour: "#2f6f6a",
        joined_weeks_ago: 30,
        weekday: Weekday::Mon,
        starts_at: (20, 0),
        duration_minutes: 60,
        every_weeks: 1,
    },
    Plan {
        circle: Circle::Carers,
        kind: "parenting-caregiver",
        venue: Venue::PrivateHome,
        norms: &[KnownNorm::Confidentiality, KnownNorm::FeedbackOnlyWhenAsked],
        role: MyRole::Newcomer,
        colour: "#b5651d",
        joined_weeks_ago: 11,
        weekday: Weekday::Sat,
        starts_at: (10, 30),
        duration_minutes: 90,
        every_weeks: 2,
    },
    Plan {
        circle: Circle::ChronicIllness,
        kind: "chronic-illness-disability",
        venue: Venue::Other,
        norms: &[
            KnownNorm::Confidentiality,
            KnownNorm::NoCrossTalk,
            KnownNorm::IStatements,
            KnownNorm::OneSharePerRound,
            KnownNorm::FeedbackOnlyWhenAsked,
        ],
        role: MyRole::Facilitator,
        colour: "#1f6fb2",
        joined_weeks_ago: 40,
        weekday: Weekday::Wed,
        starts_at: (18, 30),
        duration_minutes: 90,
        every_weeks: 2,
    },
];

/// A sample group as stored; each has one recurring meeting.
#[derive(Debug, Clone)]
pub(super) struct Planted {
    pub circle: Circle,
    pub group: Group,
}

/// Adds the groups and their meetings through the same functions the app's commands call, so
/// every sample passes the validation a person's input would.
pub(super) fn plant(
    vault: &Vault,
    calendar: &Calendar,
    texts: &PerCircle<GroupText>,
) -> Result<Vec<Planted>> {
    PLANS
        .iter()
        .map(|plan| {
            let words = texts.get(plan.circle);
            let joined = calendar.days_ago(plan.joined_weeks_ago * 7)?;
            let group = groups::add(
                vault,
                &NewGroup {
                    name: words.name.into(),
                    kind: plan.kind.into(),
                    description: Some(words.description.into()),
                    venue: Some(plan.venue),
                    address: Some(words.address.into()),
                    meeting_link: Some(words.meeting_link.into()),
                    venue_notes: Some(words.venue_notes.into()),
                    norms: Some(plan.norms.to_vec()),
                    own_norms: Some(words.own_norms.iter().map(|n| n.to_string()).collect()),
                    my_role: Some(plan.role),
                    colour: Some(plan.colour.into()),
                    joined: Some(joined.to_string()),
                },
            )?;
            // The meeting starts on the first of its weekdays after joining, so no occurrence
            // predates the user's membership.
            let first = Calendar::first_on_or_after(joined, plan.weekday)?;
            let (hour, minute) = plan.starts_at;
            let time = NaiveTime::from_hms_opt(hour, minute, 0)
                .ok_or_else(|| Error::invalid("start: not a time of day"))?;
            let rrule = match plan.every_weeks {
                1 => format!("FREQ=WEEKLY;BYDAY={}", byday(plan.weekday)),
                n => format!("FREQ=WEEKLY;INTERVAL={n};BYDAY={}", byday(plan.weekday)),
            };
            meetings::add(
                vault,
                &NewMeeting {
                    group_id: group.id,
                    title: Some(words.meeting_title.into()),
                    start_local: first.and_time(time).format(LOCAL_FORMAT).to_string(),
                    time_zone: calendar.zone.name().into(),
                    duration_minutes: plan.duration_minutes,
                    rrule: Some(rrule),
                },
            )?;
            Ok(Planted {
                circle: plan.circle,
                group,
            })
        })
        .collect()
}

/// The planted group for `circle`; all four are always planted, so only a bug gets the error.
pub(super) fn find(planted: &[Planted], circle: Circle) -> Result<&Planted> {
    planted
        .iter()
        .find(|p| p.circle == circle)
        .ok_or(Error::NotFound { what: "group" })
}
