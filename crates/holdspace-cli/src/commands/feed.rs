//! `feed import`: Meeting Guide feeds, a few lines over the core.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use holdspace_core::interop::meeting_guide::{self, FeedChoice, FeedMeeting, MAX_FEED_BYTES};
use holdspace_core::{time, Error};
use serde::Serialize;

use super::Context;
use crate::args::FeedAction;

/// One row of `feed import --json` (the CLI contract's fields, and the group once followed).
#[derive(Debug, Serialize)]
struct Row {
    slug: String,
    name: String,
    weekdays: Vec<u8>,
    start_local: String,
    end_local: String,
    time_zone: String,
    types: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_id: Option<i64>,
}

fn row(meeting: &FeedMeeting, fallback_zone: &str, group_id: Option<i64>) -> Row {
    Row {
        slug: meeting.slug.clone(),
        name: meeting.name.clone(),
        weekdays: meeting.weekdays.clone(),
        start_local: meeting.start_local.clone(),
        end_local: meeting.end_local.clone(),
        time_zone: meeting
            .time_zone
            .clone()
            .unwrap_or_else(|| fallback_zone.to_string()),
        types: meeting.types.iter().map(|t| t.code.clone()).collect(),
        group_id,
    }
}

fn read(file: &Path) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        action: "read the feed file",
        source,
    };
    if std::fs::metadata(file).map_err(io)?.len() > MAX_FEED_BYTES as u64 {
        return Err(Error::InvalidInput(
            "This file is too large to be a meeting feed.".into(),
        ));
    }
    std::fs::read(file).map_err(io)
}

pub fn run(ctx: &Context, action: FeedAction) -> Result<ExitCode, Error> {
    let FeedAction::Import {
        file,
        dry_run,
        slugs,
        time_zone,
    } = action;
    let zone = match &time_zone {
        Some(name) => time::parse_zone("time_zone", name)?,
        None => time::system_zone(),
    };
    let feed = meeting_guide::parse(&read(&file)?)?;
    let chosen: Vec<&FeedMeeting> = feed
        .meetings
        .iter()
        .filter(|m| slugs.is_empty() || slugs.contains(&m.slug))
        .collect();
    if slugs
        .iter()
        .any(|s| !feed.meetings.iter().any(|m| &m.slug == s))
    {
        return Err(Error::InvalidInput(
            "slug: the feed has no meeting with one of the slugs given".into(),
        ));
    }
    let rows: Vec<Row> = if dry_run {
        chosen.iter().map(|m| row(m, zone.name(), None)).collect()
    } else {
        let (vault, _) = ctx.open(None)?;
        let choices: Vec<FeedChoice> = chosen
            .iter()
            .map(|m| FeedChoice {
                slug: m.slug.clone(),
                group_id: None,
            })
            .collect();
        let today = Utc::now().with_timezone(&zone).date_naive();
        let groups = meeting_guide::follow(&vault, &feed, &choices, zone, today)?;
        chosen
            .iter()
            .zip(groups)
            .map(|(m, g)| row(m, zone.name(), Some(g.id)))
            .collect()
    };
    let verb = if dry_run { "Found" } else { "Followed" };
    let mut text = format!("{verb} {} meeting(s)", rows.len());
    if feed.skipped > 0 {
        text.push_str(&format!(
            "; {} entr(ies) had no day or time and were skipped",
            feed.skipped
        ));
    }
    text.push('.');
    for r in &rows {
        text.push_str(&format!("\n  {}  {} {}", r.slug, r.start_local, r.name));
    }
    ctx.out.show(&rows, &text)?;
    Ok(ExitCode::SUCCESS)
}
