//! Calendars and meeting feeds (src-tauri's commands/interop.rs): any file contents go through
//! the same preview the import command makes, every event or meeting in it is followed, and
//! so are calendars and feeds as the UI sends them back (any events, any choices), since the
//! follow commands take them as arguments.

use chrono::Utc;
use holdspace_core::interop::ical::{
    self, Calendar, CalendarChoice, CalendarEvent, CalendarExport, EventOverride,
};
use holdspace_core::interop::meeting_guide::{self, Feed, FeedChoice, FeedMeeting, MeetingType};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};

use crate::fixture::lived_in;
use crate::shapes::{id, instant, local, long_text, rrule, time_of_day, year, zone};
use crate::{refused_changes_nothing, text};

/// Any zone the user's computer may be in (the fallback for events that name none).
fn user_zone() -> impl Strategy<Value = chrono_tz::Tz> {
    prop::sample::select(chrono_tz::TZ_VARIANTS.to_vec())
}

/// An iCalendar DATE-TIME, every part possibly out of range.
fn stamp() -> impl Strategy<Value = String> {
    (year(), 0u32..14, 0u32..33, 0u32..26, 0u32..62, 0u32..62)
        .prop_map(|(y, mo, d, h, mi, s)| format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}"))
}

/// An event's place or link: any text, oversized in one-byte or in multi-byte characters (a
/// place of more than 500 bytes within its first 500 characters once left groups behind; the
/// test `following_calendar_events_refused_at_a_later_new_group_leaves_no_group_behind`).
fn place_and_link() -> impl Strategy<Value = String> {
    prop_oneof![text(), long_text()]
}

/// One line of a VEVENT: the properties real calendars write, with any values.
fn event_line() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["UID:a", "UID:b", "UID: a", "UID:"]).prop_map(String::from),
        (zone(), stamp()).prop_map(|(z, s)| format!("DTSTART;TZID={z}:{s}")),
        stamp().prop_map(|s| format!("DTSTART:{s}Z")),
        stamp().prop_map(|s| format!("DTSTART:{s}")),
        stamp().prop_map(|s| format!("DTSTART;VALUE=DATE:{}", s.get(..8).unwrap_or(""))),
        stamp().prop_map(|s| format!("DTEND:{s}Z")),
        "DURATION:[-+]?P(T[0-9]{1,12}[HMS]|[0-9]{1,12}[DW])",
        rrule().prop_map(|r| format!("RRULE:{}", r.unwrap_or_default())),
        (zone(), stamp()).prop_map(|(z, s)| format!("EXDATE;TZID={z}:{s},{s}")),
        stamp().prop_map(|s| format!("RECURRENCE-ID:{s}Z")),
        long_text().prop_map(|t| format!("SUMMARY:{t}")),
        place_and_link().prop_map(|t| format!("LOCATION:{t}")),
        long_text().prop_map(|t| format!("DESCRIPTION:{t}")),
        place_and_link().prop_map(|t| format!("URL:{t}")),
        place_and_link().prop_map(|t| format!("CONFERENCE;VALUE=URI:https://{t}")),
        Just("STATUS:CANCELLED".to_string()),
        text(),
    ]
}

/// A calendar file: events of random lines in a VCALENDAR, or any bytes at all.
fn calendar_file() -> impl Strategy<Value = Vec<u8>> {
    let shaped = (
        prop::option::of(zone()),
        prop::collection::vec(prop::collection::vec(event_line(), 0..8), 0..4),
        any::<bool>(),
    )
        .prop_map(|(calendar_zone, events, crlf)| {
            let mut lines = vec!["BEGIN:VCALENDAR".to_string(), "VERSION:2.0".into()];
            lines.extend(calendar_zone.map(|z| format!("X-WR-TIMEZONE:{z}")));
            for (i, event) in events.into_iter().enumerate() {
                lines.push("BEGIN:VEVENT".into());
                lines.push(format!("UID:event-{i}"));
                if !event.iter().any(|l| l.starts_with("DTSTART")) {
                    lines.push("DTSTART;TZID=Europe/Berlin:20240102T190000".into());
                }
                lines.extend(event);
                lines.push("END:VEVENT".into());
            }
            lines.push("END:VCALENDAR".into());
            lines.join(if crlf { "\r\n" } else { "\n" }).into_bytes()
        });
    prop_oneof![
        3 => shaped,
        1 => prop::collection::vec(any::<u8>(), 0..2000),
    ]
}

/// UIDs the calendars and choices share, so that some choices find their event.
fn uid() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec!["a", "b", " a", "", "holdspace-1@x"]).prop_map(String::from),
        1 => long_text(),
    ]
}

fn event() -> impl Strategy<Value = CalendarEvent> {
    (
        (
            uid(),
            long_text(),
            zone(),
            any::<bool>(),
            local(),
            instant(),
        ),
        (
            prop_oneof![0u32..1500, any::<u32>()],
            rrule(),
            prop::collection::vec(instant(), 0..4),
            prop::collection::vec(
                (instant(), prop::option::of(instant())).prop_map(
                    |(original_start_utc, start_utc)| EventOverride {
                        original_start_utc,
                        start_utc,
                    },
                ),
                0..4,
            ),
        ),
        (
            place_and_link(),
            long_text(),
            place_and_link(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (uid, title, time_zone, zone_guessed, start_local, first_start_utc),
                (duration_minutes, rrule, exdates_utc, overrides),
                (location, description, conference_url, cancelled),
            )| CalendarEvent {
                uid,
                title,
                time_zone,
                zone_guessed,
                start_local,
                first_start_utc,
                duration_minutes,
                rrule,
                exdates_utc,
                overrides,
                location,
                description,
                conference_url,
                cancelled,
            },
        )
}

/// A meeting of a Meeting Guide feed, as JSON: the keys the spec names, with any values.
fn feed_entry() -> impl Strategy<Value = Value> {
    let day = prop_oneof![
        (0i64..9).prop_map(|d| json!(d)),
        prop::sample::select(vec!["Sunday", "monday", "Tue", "7", "-1", ""]).prop_map(|d| json!(d)),
        prop::collection::vec(-1i64..9, 0..9).prop_map(|d| json!(d)),
        any::<f64>().prop_map(|d| json!(d)),
        Just(Value::Null),
    ];
    let time = prop_oneof![
        time_of_day().prop_map(|t| json!(t)),
        prop::sample::select(vec![
            "6:00 PM",
            "12:00 am",
            "noon",
            "13:00 p.m.",
            "18:00:00"
        ])
        .prop_map(|t| json!(t)),
        any::<i64>().prop_map(|t| json!(t)),
    ];
    let types = prop_oneof![
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec!["XT", "TC", "ONL", "O", "C"]).prop_map(String::from),
                long_text()
            ],
            0..6
        )
        .prop_map(|t| json!(t)),
        long_text().prop_map(|t| json!(t)),
    ];
    (
        (
            day,
            time.clone(),
            prop::option::of(time),
            long_text(),
            prop_oneof![
                long_text().prop_map(|s| json!(s)),
                any::<i64>().prop_map(|n| json!(n))
            ],
        ),
        (
            prop::option::of(zone()),
            types,
            long_text(),
            long_text(),
            long_text(),
            long_text(),
        ),
    )
        .prop_map(
            |(
                (day, time, end_time, name, slug),
                (timezone, types, url, address, notes, location),
            )| {
                json!({
                    "day": day, "time": time, "end_time": end_time, "name": name, "slug": slug,
                    "timezone": timezone, "types": types, "conference_url": url,
                    "formatted_address": address, "notes": notes, "location": location,
                })
            },
        )
}

/// A feed file: a list of meetings (bare, or under "meetings"), perhaps with a trailing comma
/// or a byte order mark, or any bytes at all.
fn feed_file() -> impl Strategy<Value = Vec<u8>> {
    let shaped = (
        prop::collection::vec(feed_entry(), 0..5),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(entries, wrapped, trailing_comma, bom)| {
            let list = Value::Array(entries);
            let mut text = if wrapped {
                json!({ "meetings": list }).to_string()
            } else {
                list.to_string()
            };
            if trailing_comma {
                text = text.replacen("}]", "},]", 1);
            }
            if bom {
                text.insert(0, '\u{feff}');
            }
            text.into_bytes()
        });
    prop_oneof![
        3 => shaped,
        1 => prop::collection::vec(any::<u8>(), 0..2000),
    ]
}

/// Slugs the feeds and choices share, so that some choices find their meeting.
fn slug() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec!["a", "b", "meeting-1", ""]).prop_map(String::from),
        1 => long_text(),
    ]
}

/// A meeting of a feed as the UI sends it back: any field, any value (a start that is no
/// time, a blank name and an end of huge hours once left groups behind or panicked; the tests
/// at the end of this file keep those cases).
fn feed_meeting() -> impl Strategy<Value = FeedMeeting> {
    let name = long_text();
    (
        (
            slug(),
            name,
            prop::collection::vec(prop_oneof![0u8..8, any::<u8>()], 0..9),
            time_of_day(),
            prop_oneof![
                3 => time_of_day(),
                1 => "[0-9]{1,20}:[0-9]{1,20}",
            ],
            prop::option::of(zone()),
        ),
        (
            long_text(),
            long_text(),
            long_text(),
            long_text(),
            long_text(),
            long_text(),
        ),
        prop::collection::vec(
            (
                prop_oneof![
                    prop::sample::select(vec!["XT", "TC", "ONL"]).prop_map(String::from),
                    text()
                ],
                text(),
            )
                .prop_map(|(code, label)| MeetingType { code, label }),
            0..5,
        ),
    )
        .prop_map(
            |(
                (slug, name, weekdays, start_local, end_local, time_zone),
                (location, address, notes, conference_url, conference_phone, entity_url),
                types,
            )| FeedMeeting {
                slug,
                name,
                weekdays,
                start_local,
                end_local,
                time_zone,
                location,
                address,
                notes,
                conference_url,
                conference_phone,
                types,
                entity_url,
            },
        )
}

/// Every event or meeting followed, into a group of the user's or (mostly) a new one.
fn into_groups() -> impl Strategy<Value = Vec<Option<i64>>> {
    prop::collection::vec(prop::option::weighted(0.3, id()), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn calendar_files_of_any_content_preview_and_follow_and_a_refused_one_changes_nothing(
        file in calendar_file(),
        fallback in user_zone(),
        groups in into_groups(),
        export_group in prop::option::of(id()),
        detailed in any::<bool>(),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        let calendar = ical::parse(&file, fallback);
        let choices: Vec<CalendarChoice> = calendar
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| CalendarChoice { uid: e.uid.clone(), group_id: groups.get(i).copied().flatten() })
            .collect();
        refused_changes_nothing(vault, || ical::follow(vault, &calendar, &choices));
        let options = CalendarExport { group_id: export_group, detailed };
        refused_changes_nothing(vault, || ical::export(vault, &options, holdspace_core::Language::En, Utc::now()));
    }

    #[test]
    fn calendars_sent_back_by_the_ui_are_checked_and_a_refused_one_changes_nothing(
        events in prop::collection::vec(event(), 0..4),
        skipped in any::<u32>(),
        choices in prop::collection::vec((prop::option::weighted(0.7, any::<Index>()), uid(), prop::option::weighted(0.3, id())), 0..5),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        let choices: Vec<CalendarChoice> = choices
            .into_iter()
            .map(|(event, uid, group_id)| CalendarChoice {
                uid: event.filter(|_| !events.is_empty()).map_or(uid, |i| i.get(&events).uid.clone()),
                group_id,
            })
            .collect();
        let calendar = Calendar { events, skipped };
        refused_changes_nothing(vault, || ical::follow(vault, &calendar, &choices));
    }

    #[test]
    fn feed_files_of_any_content_preview_and_follow_and_a_refused_one_changes_nothing(
        file in feed_file(),
        fallback in user_zone(),
        groups in into_groups(),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        let Ok(feed) = meeting_guide::parse(&file) else {
            return Ok(());
        };
        let choices: Vec<FeedChoice> = feed
            .meetings
            .iter()
            .enumerate()
            .map(|(i, m)| FeedChoice { slug: m.slug.clone(), group_id: groups.get(i).copied().flatten() })
            .collect();
        let today = Utc::now().with_timezone(&fallback).date_naive();
        refused_changes_nothing(vault, || meeting_guide::follow(vault, &feed, &choices, fallback, today));
    }

    #[test]
    fn feeds_sent_back_by_the_ui_are_checked_and_a_refused_one_changes_nothing(
        meetings in prop::collection::vec(feed_meeting(), 0..4),
        skipped in any::<u32>(),
        choices in prop::collection::vec((prop::option::weighted(0.7, any::<Index>()), slug(), prop::option::weighted(0.3, id())), 0..5),
        fallback in user_zone(),
    ) {
        let lived = lived_in();
        let vault = &lived.vault;
        let choices: Vec<FeedChoice> = choices
            .into_iter()
            .map(|(meeting, slug, group_id)| FeedChoice {
                slug: meeting.filter(|_| !meetings.is_empty()).map_or(slug, |i| i.get(&meetings).slug.clone()),
                group_id,
            })
            .collect();
        let feed = Feed { meetings, skipped };
        let today = Utc::now().with_timezone(&fallback).date_naive();
        refused_changes_nothing(vault, || meeting_guide::follow(vault, &feed, &choices, fallback, today));
    }
}

/// A meeting of a feed with every field empty but these.
fn feed_meeting_at(slug: &str, name: &str, start_local: &str, end_local: &str) -> FeedMeeting {
    FeedMeeting {
        slug: slug.into(),
        name: name.into(),
        weekdays: vec![2],
        start_local: start_local.into(),
        end_local: end_local.into(),
        time_zone: None,
        location: String::new(),
        address: String::new(),
        notes: String::new(),
        conference_url: String::new(),
        conference_phone: String::new(),
        types: Vec::new(),
        entity_url: String::new(),
    }
}

fn follow_feed(
    vault: &holdspace_core::vault::Vault,
    meetings: Vec<FeedMeeting>,
) -> holdspace_core::Result<Vec<holdspace_core::groups::Group>> {
    let choices: Vec<FeedChoice> = meetings
        .iter()
        .map(|m| FeedChoice {
            slug: m.slug.clone(),
            group_id: None,
        })
        .collect();
    let feed = Feed {
        meetings,
        skipped: 0,
    };
    meeting_guide::follow(
        vault,
        &feed,
        &choices,
        chrono_tz::UTC,
        Utc::now().date_naive(),
    )
}

/// A place longer than the vault allows, in characters of two bytes: cut to the 500 bytes
/// allowed (it once kept 500 characters, 600 bytes, which the group then refused after the
/// first event's group had been made).
#[test]
fn following_calendar_events_with_a_long_multi_byte_place_cuts_it_to_the_bytes_allowed() {
    let lived = lived_in();
    let vault = &lived.vault;
    let file = format!(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20240102T190000Z\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:b\nDTSTART:20240102T190000Z\nLOCATION:{}\nEND:VEVENT\nEND:VCALENDAR\n",
        "é".repeat(300)
    );
    let calendar = ical::parse(file.as_bytes(), chrono_tz::UTC);
    let choices = [
        CalendarChoice {
            uid: "a".into(),
            group_id: None,
        },
        CalendarChoice {
            uid: "b".into(),
            group_id: None,
        },
    ];
    let followed = ical::follow(vault, &calendar, &choices).unwrap();
    assert_eq!(followed.len(), 2, "both events are followed");
    let group = holdspace_core::groups::get(vault, followed[1].group_id).unwrap();
    assert_eq!(
        group.address,
        "é".repeat(250),
        "the place is cut at 500 bytes, on a character boundary"
    );
}

#[test]
fn a_feed_meeting_refused_for_its_start_leaves_no_group_behind() {
    let lived = lived_in();
    let vault = &lived.vault;
    let before = crate::contents(vault);
    let followed = follow_feed(
        vault,
        vec![feed_meeting_at("a", "Tuesday", "25:00", "20:00")],
    );
    assert!(followed.is_err(), "25:00 is no time of day");
    assert_eq!(
        crate::contents(vault),
        before,
        "a refused feed must not leave an empty group behind (anything is checked before it is written, says meeting_guide::follow)"
    );
}

#[test]
fn a_feed_whose_second_meeting_is_refused_leaves_nothing_of_the_first() {
    let lived = lived_in();
    let vault = &lived.vault;
    let before = crate::contents(vault);
    let followed = follow_feed(
        vault,
        vec![
            feed_meeting_at("a", "Tuesday", "19:00", "20:00"),
            feed_meeting_at("b", "\u{3000}", "19:00", "20:00"),
        ],
    );
    assert!(followed.is_err(), "a name of only a wide space is blank");
    assert_eq!(
        crate::contents(vault),
        before,
        "a refused feed must not leave the first meeting's group and schedule behind"
    );
}

#[test]
fn a_feed_meeting_whose_end_overflows_is_followed_or_refused_without_panicking() {
    let lived = lived_in();
    let vault = &lived.vault;
    let before = crate::contents(vault);
    // Hours that parse as an i64 but not once multiplied by 60.
    let followed = follow_feed(
        vault,
        vec![feed_meeting_at(
            "a",
            "Tuesday",
            "19:00",
            "200000000000000000:00",
        )],
    );
    if followed.is_err() {
        assert_eq!(
            crate::contents(vault),
            before,
            "a refused feed changes nothing"
        );
    }
}
