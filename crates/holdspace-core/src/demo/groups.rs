//! The four sample groups and their meetings. Every place is made up ("Elm Street Centre"),
//! every link is on example.org, and the user facilitates one group so the facilitator tools
//! have something to show.

use chrono::{NaiveTime, Weekday};

use super::calendar::{byday, Calendar};
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
    name: &'static str,
    kind: &'static str,
    description: &'static str,
    venue: Venue,
    address: &'static str,
    meeting_link: &'static str,
    venue_notes: &'static str,
    norms: &'static [KnownNorm],
    own_norms: &'static [&'static str],
    role: MyRole,
    colour: &'static str,
    joined_weeks_ago: u64,
    meeting_title: &'static str,
    weekday: Weekday,
    /// Hour and minute, wall-clock in the demo's zone.
    starts_at: (u32, u32),
    duration_minutes: u32,
    every_weeks: u32,
}

const PLANS: [Plan; 4] = [
    Plan {
        circle: Circle::Grief,
        name: "Thursday Grief Circle",
        kind: "grief-loss",
        description: "A small, steady circle for anyone living with the loss of someone close. \
                      Newcomers are welcome to listen for as long as they like.",
        venue: Venue::CommunityCentre,
        address: "Community room, Elm Street Centre",
        meeting_link: "",
        venue_notes: "Side entrance by the bike racks; the room is on the ground floor. \
                      Tea and tissues are on the table by the window.",
        norms: &[
            KnownNorm::Confidentiality,
            KnownNorm::NoCrossTalk,
            KnownNorm::IStatements,
            KnownNorm::OneSharePerRound,
        ],
        own_norms: &["It is fine to step out for a breather and come back when you are ready."],
        role: MyRole::Member,
        colour: "#6a5acd",
        joined_weeks_ago: 22,
        meeting_title: "Grief circle",
        weekday: Weekday::Thu,
        starts_at: (19, 0),
        duration_minutes: 90,
        every_weeks: 1,
    },
    Plan {
        circle: Circle::Recovery,
        name: "Fresh Start Recovery (online)",
        kind: "addiction-recovery",
        description: "An online recovery meeting open to anyone with a desire to stop \
                      drinking or using. Cameras optional.",
        venue: Venue::Online,
        address: "",
        meeting_link: "https://meet.example.org/fresh-start-monday",
        venue_notes: "The waiting room opens ten minutes early. Rename yourself to a first \
                      name or an initial.",
        norms: &[
            KnownNorm::Confidentiality,
            KnownNorm::NoCrossTalk,
            KnownNorm::IStatements,
            KnownNorm::PhonesAway,
        ],
        own_norms: &["What we hear here, who we see here, stays here."],
        role: MyRole::Member,
        colour: "#2f6f6a",
        joined_weeks_ago: 30,
        meeting_title: "Monday night meeting",
        weekday: Weekday::Mon,
        starts_at: (20, 0),
        duration_minutes: 60,
        every_weeks: 1,
    },
    Plan {
        circle: Circle::Carers,
        name: "Carers' Coffee Morning",
        kind: "parenting-caregiver",
        description: "Unpaid carers meeting over coffee every other Saturday: a break, a \
                      listening ear and tips that only other carers know.",
        venue: Venue::PrivateHome,
        address: "Front room at Sam's, Birch Close (door code in the group chat)",
        meeting_link: "",
        venue_notes: "Bring a mug if you can. Step-free access through the garden gate.",
        norms: &[KnownNorm::Confidentiality, KnownNorm::FeedbackOnlyWhenAsked],
        own_norms: &["Nobody has to explain why they are late or have to leave early."],
        role: MyRole::Newcomer,
        colour: "#b5651d",
        joined_weeks_ago: 11,
        meeting_title: "Coffee morning",
        weekday: Weekday::Sat,
        starts_at: (10, 30),
        duration_minutes: 90,
        every_weeks: 2,
    },
    Plan {
        circle: Circle::ChronicIllness,
        name: "Living Well with Chronic Pain",
        kind: "chronic-illness-disability",
        description: "A peer group for people living with long-term pain or fatigue: \
                      pacing, appointments, good days and bad days.",
        venue: Venue::Other,
        address: "Meeting room 2, Riverside Library",
        meeting_link: "",
        venue_notes: "Lift to the first floor; chairs with arms are kept by the door. \
                      Lying down or moving around during the meeting is always fine.",
        norms: &[
            KnownNorm::Confidentiality,
            KnownNorm::NoCrossTalk,
            KnownNorm::IStatements,
            KnownNorm::OneSharePerRound,
            KnownNorm::FeedbackOnlyWhenAsked,
        ],
        own_norms: &[
            "Nobody gives medical advice; we share what worked for us.",
            "Leaving early on a bad day needs no explanation.",
        ],
        role: MyRole::Facilitator,
        colour: "#1f6fb2",
        joined_weeks_ago: 40,
        meeting_title: "Peer group",
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
pub(super) fn plant(vault: &Vault, calendar: &Calendar) -> Result<Vec<Planted>> {
    PLANS
        .iter()
        .map(|plan| {
            let joined = calendar.days_ago(plan.joined_weeks_ago * 7)?;
            let group = groups::add(
                vault,
                &NewGroup {
                    name: plan.name.into(),
                    kind: plan.kind.into(),
                    description: Some(plan.description.into()),
                    venue: Some(plan.venue),
                    address: Some(plan.address.into()),
                    meeting_link: Some(plan.meeting_link.into()),
                    venue_notes: Some(plan.venue_notes.into()),
                    norms: Some(plan.norms.to_vec()),
                    own_norms: Some(plan.own_norms.iter().map(|n| n.to_string()).collect()),
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
                    title: Some(plan.meeting_title.into()),
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
