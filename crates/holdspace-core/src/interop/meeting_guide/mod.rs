//! Meeting Guide feeds (the code4recovery JSON spec), read from a file: the meetings an
//! intergroup lists, for the user to pick the ones they follow. Tolerant of what real feeds
//! hold (trailing commas, HTML, days as names, times as "6:00 PM"); a meeting without a day or
//! a time cannot be scheduled and is skipped, and the preview says how many were.

mod follow;
mod text;
pub mod types;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use follow::{follow, FeedChoice};

use crate::{Error, Result};

/// A feed of a whole region is a few megabytes; more is not a feed.
pub const MAX_FEED_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MeetingType {
    pub code: String,
    /// The spec's label, or the code itself when the spec does not know it.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FeedMeeting {
    /// Always a string (feeds write numbers too).
    pub slug: String,
    pub name: String,
    /// 0 = Sunday, each day the meeting meets.
    pub weekdays: Vec<u8>,
    /// HH:MM
    pub start_local: String,
    /// HH:MM; an hour after the start when the feed gives none.
    pub end_local: String,
    /// The meeting's IANA zone, when the feed names one.
    pub time_zone: Option<String>,
    /// The venue's name ("St. Mark's Church").
    pub location: String,
    pub address: String,
    pub notes: String,
    pub conference_url: String,
    pub conference_phone: String,
    pub types: Vec<MeetingType>,
    /// The intergroup's page.
    pub entity_url: String,
}

impl FeedMeeting {
    pub fn has_type(&self, code: &str) -> bool {
        self.types.iter().any(|t| t.code == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Feed {
    pub meetings: Vec<FeedMeeting>,
    /// Entries that had no usable day or time.
    pub skipped: u32,
}

fn string(meeting: &Value, key: &str) -> String {
    match meeting.get(key) {
        Some(Value::String(s)) => text::plain(s),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn first(meeting: &Value, keys: &[&str]) -> String {
    keys.iter()
        .map(|k| string(meeting, k))
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}

fn address(meeting: &Value) -> String {
    let formatted = string(meeting, "formatted_address");
    if !formatted.is_empty() {
        return formatted;
    }
    let region = [string(meeting, "postal_code"), string(meeting, "city")]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    [
        string(meeting, "address"),
        region,
        string(meeting, "state"),
        string(meeting, "country"),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

fn weekdays(meeting: &Value) -> Vec<u8> {
    let mut days: Vec<u8> = match meeting.get("day") {
        Some(Value::Array(list)) => list.iter().filter_map(text::weekday).collect(),
        Some(one) => text::weekday(one).into_iter().collect(),
        None => Vec::new(),
    };
    days.sort_unstable();
    days.dedup();
    days
}

fn types(meeting: &Value) -> Vec<MeetingType> {
    let codes: Vec<String> = match meeting.get("types") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|v| v.as_str().map(str::trim).map(String::from))
            .collect(),
        Some(Value::String(list)) => list.split(',').map(|c| c.trim().to_string()).collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<MeetingType> = Vec::new();
    for code in codes.into_iter().filter(|c| !c.is_empty() && c.len() <= 20) {
        if !out.iter().any(|t| t.code == code) {
            out.push(MeetingType {
                label: types::label(&code).to_string(),
                code,
            });
        }
    }
    out
}

fn meeting(value: &Value) -> Option<FeedMeeting> {
    let days = weekdays(value);
    let (hour, minute) = text::time_of_day(&string(value, "time"))?;
    if days.is_empty() {
        return None;
    }
    let (end_hour, end_minute) =
        text::time_of_day(&string(value, "end_time")).unwrap_or(((hour + 1) % 24, minute));
    let with_notes = |main: &str, notes: &str| {
        let (main, notes) = (string(value, main), string(value, notes));
        if notes.is_empty() || main.is_empty() {
            main
        } else {
            format!("{main} ({notes})")
        }
    };
    let time_zone = Some(string(value, "timezone")).filter(|z| !z.is_empty());
    Some(FeedMeeting {
        slug: string(value, "slug"),
        name: string(value, "name"),
        weekdays: days,
        start_local: format!("{hour:02}:{minute:02}"),
        end_local: format!("{end_hour:02}:{end_minute:02}"),
        time_zone,
        location: string(value, "location"),
        address: address(value),
        notes: [string(value, "notes"), string(value, "location_notes")]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        conference_url: string(value, "conference_url"),
        conference_phone: with_notes("conference_phone", "conference_phone_notes"),
        types: types(value),
        entity_url: first(value, &["entity_url", "entity_website_url"]),
    })
}

/// The meetings in a feed, in file order.
pub fn parse(bytes: &[u8]) -> Result<Feed> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(Error::invalid(
            "This file is too large to be a meeting feed.",
        ));
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text)
        .or_else(|_| serde_json::from_str(&text::without_trailing_commas(text)))
        .map_err(|_| {
            Error::invalid("This file is not a Meeting Guide feed: it is not valid JSON.")
        })?;
    let list = match &value {
        Value::Array(list) => list,
        Value::Object(object) => match object.get("meetings") {
            Some(Value::Array(list)) => list,
            _ => {
                return Err(Error::invalid(
                    "This file is not a Meeting Guide feed: it holds no list of meetings.",
                ))
            }
        },
        _ => {
            return Err(Error::invalid(
                "This file is not a Meeting Guide feed: it holds no list of meetings.",
            ))
        }
    };
    let mut meetings = Vec::new();
    let mut skipped = 0u32;
    for (index, entry) in list.iter().enumerate() {
        match meeting(entry) {
            Some(mut found) => {
                if found.slug.is_empty() {
                    found.slug = format!("meeting-{}", index + 1);
                }
                meetings.push(found);
            }
            None => skipped = skipped.saturating_add(1),
        }
    }
    Ok(Feed { meetings, skipped })
}

/// For the fuzz target: parse and report how many meetings came out.
#[doc(hidden)]
pub fn parse_for_fuzzing(bytes: &[u8]) -> usize {
    parse(bytes).map_or(0, |feed| feed.meetings.len())
}
