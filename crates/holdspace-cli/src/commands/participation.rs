//! Groups, meetings, attendance and insights from the command line.

use std::process::ExitCode;

use chrono::Utc;
use clap::ValueEnum;
use holdspace_core::attendance::{self, AttendanceInput};
use holdspace_core::groups::{self, GroupChanges, NewGroup};
use holdspace_core::insights::{self, InsightsQuery};
use holdspace_core::meetings::{self, NewMeeting};
use holdspace_core::Error;
use serde::de::DeserializeOwned;

use super::Context;
use crate::args::{AttendArgs, GroupAction, MeetingAction, MilestoneAction};

/// Our value names are the core's serde names (kebab-case), so one conversion serves every enum.
fn to_core<A: ValueEnum, T: DeserializeOwned>(arg: A) -> Result<T, Error> {
    let name = arg
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    serde_json::from_value(serde_json::Value::String(name))
        .map_err(|_| Error::InvalidInput("an option has a value this version does not know".into()))
}

fn opt<A: ValueEnum, T: DeserializeOwned>(arg: Option<A>) -> Result<Option<T>, Error> {
    arg.map(to_core).transpose()
}

fn describe(group: &groups::Group) -> String {
    format!(
        "{}  {}  ({}, {}{})",
        group.id,
        group.name,
        group.kind,
        serde_json::to_value(group.my_role)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
        if group.archived { ", archived" } else { "" }
    )
}

pub fn group(ctx: &Context, action: GroupAction) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    match action {
        GroupAction::Add {
            name,
            kind,
            venue,
            joined,
            role,
            description,
            address,
            link,
        } => {
            let new = NewGroup {
                name,
                kind,
                venue: opt(venue)?,
                joined,
                my_role: opt(role)?,
                description,
                address,
                meeting_link: link,
                ..NewGroup::default()
            };
            let group = groups::add(&vault, &new)?;
            ctx.out
                .show(&group, &format!("Added group {}", describe(&group)))?;
        }
        GroupAction::List { archived } => {
            let list = groups::list(&vault, archived)?;
            let lines: Vec<String> = list.iter().map(describe).collect();
            ctx.out.show(&list, &lines.join("\n"))?;
        }
        GroupAction::Show { id } => {
            let group = groups::get(&vault, id)?;
            ctx.out.show(&group, &describe(&group))?;
        }
        GroupAction::Edit {
            id,
            name,
            kind,
            venue,
            role,
            description,
            address,
            link,
        } => {
            let changes = GroupChanges {
                name,
                kind,
                venue: opt(venue)?,
                my_role: opt(role)?,
                description,
                address,
                meeting_link: link,
                ..GroupChanges::default()
            };
            let group = groups::edit(&vault, id, &changes)?;
            ctx.out
                .show(&group, &format!("Changed group {}", describe(&group)))?;
        }
        GroupAction::Archive { id } => {
            let group = groups::archive(&vault, id)?;
            ctx.out
                .show(&group, &format!("Archived group {}", describe(&group)))?;
        }
        GroupAction::Membership { id, event, on } => {
            let group = groups::record_membership(&vault, id, to_core(event)?, &on)?;
            let text = format!("Recorded membership of group {}", describe(&group));
            ctx.out.show(&group, &text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The first instant of a day in the user's local zone.
fn local_day(field: &str, text: &str) -> Result<chrono::DateTime<Utc>, Error> {
    use chrono::TimeZone;
    let day = holdspace_core::time::parse_date(field, text)?;
    (0..=3)
        .filter_map(|hour| day.and_hms_opt(hour, 0, 0))
        .find_map(|t| chrono::Local.from_local_datetime(&t).earliest())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            Error::InvalidInput(format!("{field}: that day has no start in your time zone"))
        })
}

pub fn meeting(ctx: &Context, action: MeetingAction) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    match action {
        MeetingAction::Add {
            group,
            start,
            time_zone,
            duration,
            rrule,
            title,
        } => {
            let meeting = meetings::add(
                &vault,
                &NewMeeting {
                    group_id: group,
                    title,
                    start_local: start,
                    time_zone,
                    duration_minutes: duration,
                    rrule,
                },
            )?;
            let text = format!(
                "Added meeting {} of group {} from {} {}",
                meeting.id, meeting.group_id, meeting.start_local, meeting.time_zone
            );
            ctx.out.show(&meeting, &text)?;
        }
        MeetingAction::List { group } => {
            let list = meetings::list(&vault, group)?;
            let lines: Vec<String> = list
                .iter()
                .map(|m| {
                    format!(
                        "{}  group {}  {} {}  {} min  {}",
                        m.id,
                        m.group_id,
                        m.start_local,
                        m.time_zone,
                        m.duration_minutes,
                        m.rrule.as_deref().unwrap_or("once")
                    )
                })
                .collect();
            ctx.out.show(&list, &lines.join("\n"))?;
        }
        MeetingAction::Occurrences { from, to, group } => {
            let from = local_day("from", &from)?;
            let to = local_day("to", &to)? + chrono::Duration::days(1);
            let list = meetings::occurrences(&vault, from, to, group)?;
            let lines: Vec<String> = list
                .iter()
                .map(|o| {
                    format!(
                        "{}  {} -> {}  {:?}",
                        o.occurrence_id, o.start_utc, o.end_utc, o.status
                    )
                })
                .collect();
            ctx.out.show(&list, &lines.join("\n"))?;
        }
        MeetingAction::Exception {
            occurrence,
            kind,
            to,
        } => {
            let meeting =
                meetings::set_exception(&vault, &occurrence, to_core(kind)?, to.as_deref())?;
            ctx.out.show(
                &meeting,
                &format!("Changed an occurrence of meeting {}", meeting.id),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn attend(ctx: &Context, args: AttendArgs) -> Result<ExitCode, Error> {
    let input = AttendanceInput {
        occurrence_id: args.occurrence,
        status: to_core(args.status)?,
        shared: args.shared,
        role: opt(args.role)?,
        mood_before: args.mood_before,
        mood_after: args.mood_after,
        note: args.note,
    };
    let (vault, _) = ctx.open(None)?;
    let record = attendance::record(&vault, &input)?;
    ctx.out
        .show(&record, &format!("Recorded {}", record.occurrence_id))?;
    Ok(ExitCode::SUCCESS)
}

pub fn insights(
    ctx: &Context,
    group: Option<i64>,
    from: Option<String>,
    to: Option<String>,
) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    let query = InsightsQuery {
        group_id: group,
        from,
        to,
    };
    let found = insights::compute(&vault, &query, &chrono::Local, Utc::now())?;
    let text = format!(
        "{} of {} meetings attended ({:.0}%), {} cancelled, {} excused\ncurrent streak {} weeks, longest {} weeks",
        found.attended,
        found.scheduled,
        found.attendance_rate * 100.0,
        found.cancelled,
        found.excused,
        found.current_streak_weeks,
        found.longest_streak_weeks
    );
    ctx.out.show(&found, &text)?;
    Ok(ExitCode::SUCCESS)
}

pub fn milestone(ctx: &Context, action: MilestoneAction) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    let today = chrono::Local::now().date_naive();
    let found = match action {
        MilestoneAction::Start { label, since } => Some(holdspace_core::milestone::start(
            &vault, &label, &since, today,
        )?),
        MilestoneAction::Reset { since } => {
            Some(holdspace_core::milestone::reset(&vault, &since, today)?)
        }
        MilestoneAction::Show => holdspace_core::milestone::current(&vault, today)?,
    };
    let text = match &found {
        Some(m) => format!(
            "{}: {} days since {} ({} earlier runs)",
            m.label,
            m.days,
            m.since,
            m.earlier.len()
        ),
        None => "No milestone. Start one with `milestone start --label LABEL --since YYYY-MM-DD`."
            .into(),
    };
    ctx.out.show(&found, &text)?;
    Ok(ExitCode::SUCCESS)
}
