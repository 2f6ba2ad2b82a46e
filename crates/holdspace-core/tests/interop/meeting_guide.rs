//! Meeting Guide feeds: the spec's fields and what real feeds hold, then following meetings
//! into groups whose first occurrence is at the right UTC instant.

use chrono::NaiveDate;
use holdspace_core::groups::{KnownNorm, Venue};
use holdspace_core::interop::meeting_guide::{self, FeedChoice};
use holdspace_core::meetings;
use holdspace_core::ErrorCode;

use super::fixture;
use super::support::{utc, vault};

fn codes(meeting: &meeting_guide::FeedMeeting) -> Vec<&str> {
    meeting.types.iter().map(|t| t.code.as_str()).collect()
}

#[test]
fn the_spec_example_reads_with_days_times_zones_places_and_types() {
    let feed = meeting_guide::parse(&fixture("meeting_guide", "spec_example.json")).unwrap();
    assert_eq!(feed.skipped, 0);
    let [sunday, lunch] = &feed.meetings[..] else {
        panic!("two meetings")
    };
    assert_eq!(sunday.slug, "sunday-serenity");
    assert_eq!(sunday.weekdays, [0], "0 is Sunday");
    assert_eq!(
        (sunday.start_local.as_str(), sunday.end_local.as_str()),
        ("18:00", "19:30")
    );
    assert_eq!(sunday.time_zone.as_deref(), Some("America/New_York"));
    assert_eq!(sunday.address, "123 Main Street, 98765 Anytown, OH, US");
    assert_eq!(sunday.location, "Alano Club");
    assert_eq!(sunday.entity_url, "https://district123.org");
    let labels: Vec<&str> = sunday.types.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Open", "Discussion", "Wheelchair Access"]);
    assert_eq!(lunch.weekdays, [1, 3, 5], "an array of days");
    assert_eq!(lunch.conference_url, "https://zoom.us/j/123456789");
    assert_eq!(
        lunch.conference_phone,
        "+44 20 0000 0000 (Meeting ID 123 456 789)"
    );
}

#[test]
fn real_feed_quirks_are_tolerated_and_unknown_codes_kept() {
    let feed = meeting_guide::parse(&fixture("meeting_guide", "quirks.json")).unwrap();
    assert_eq!(
        feed.skipped, 1,
        "a meeting without a time cannot be scheduled"
    );
    let [madrid, closed] = &feed.meetings[..] else {
        panic!("two meetings")
    };
    assert_eq!(madrid.slug, "4711", "a numeric slug becomes a string");
    assert_eq!(
        madrid.name, "Reunión & Café",
        "HTML stripped, entities decoded"
    );
    assert_eq!(madrid.weekdays, [2], "a weekday name");
    assert_eq!(
        (madrid.start_local.as_str(), madrid.end_local.as_str()),
        ("18:30", "19:30"),
        "6:30 PM; an hour when no end is given"
    );
    assert_eq!(madrid.notes, "Entrada por el patio.\nSegundo piso");
    assert_eq!(madrid.address, "Calle Mayor 5, 28013 Madrid, Spain");
    assert_eq!(madrid.entity_url, "https://aa-madrid.example");
    assert_eq!(codes(madrid), ["S", "SP", "XYZ"]);
    let labels: Vec<&str> = madrid.types.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Spanish", "Speaker", "XYZ"],
        "S is Spanish, SP Speaker, unknown codes verbatim"
    );
    assert_eq!(closed.weekdays, [4, 6], "names and numbers mixed");
    assert_eq!(closed.start_local, "07:00");
    assert!(closed.has_type("TC"));
}

#[test]
fn followed_meetings_become_groups_with_weekly_schedules_at_the_right_instant() {
    let (_dir, vault) = vault();
    let feed = meeting_guide::parse(&fixture("meeting_guide", "spec_example.json")).unwrap();
    let choose = |slug: &str| FeedChoice {
        slug: slug.into(),
        group_id: None,
    };
    // Wednesday 14 January 2026.
    let today = NaiveDate::from_ymd_opt(2026, 1, 14).unwrap();
    let groups = meeting_guide::follow(
        &vault,
        &feed,
        &[choose("sunday-serenity"), choose("lunch-online")],
        chrono_tz::UTC,
        today,
    )
    .unwrap();
    let [sunday, lunch] = &groups[..] else {
        panic!("two groups")
    };
    assert_eq!(sunday.venue, Venue::CommunityCentre);
    assert_eq!(
        sunday.address,
        "Alano Club, 123 Main Street, 98765 Anytown, OH, US"
    );
    assert_eq!(
        sunday.norms,
        [KnownNorm::NoCrossTalk],
        "no XT: no cross-talk"
    );
    assert!(sunday
        .description
        .contains("Format: Open, Discussion, Wheelchair Access"));
    assert_eq!(lunch.venue, Venue::Online);
    assert_eq!(lunch.meeting_link, "https://zoom.us/j/123456789");
    assert!(lunch.norms.is_empty(), "XT: cross-talk permitted");

    let occurrences = meetings::occurrences(
        &vault,
        utc("2026-01-14T00:00:00Z"),
        utc("2026-01-26T00:00:00Z"),
        Some(sunday.id),
    )
    .unwrap();
    let starts: Vec<&str> = occurrences.iter().map(|o| o.start_utc.as_str()).collect();
    assert_eq!(
        starts,
        ["2026-01-18T23:00:00Z", "2026-01-25T23:00:00Z"],
        "Sundays 18:00 in New York (UTC-5)"
    );
    let schedules = meetings::list(&vault, Some(lunch.id)).unwrap();
    assert_eq!(schedules.len(), 3, "one weekly schedule per day");
    let first = meetings::occurrences(
        &vault,
        utc("2026-01-14T00:00:00Z"),
        utc("2026-01-15T00:00:00Z"),
        Some(lunch.id),
    )
    .unwrap();
    assert_eq!(
        first[0].start_utc, "2026-01-14T12:00:00Z",
        "Wednesday noon in London (UTC+0 in winter)"
    );
}

#[test]
fn a_choice_that_names_no_meeting_in_the_feed_changes_nothing() {
    let (_dir, vault) = vault();
    let feed = meeting_guide::parse(&fixture("meeting_guide", "spec_example.json")).unwrap();
    let error = meeting_guide::follow(
        &vault,
        &feed,
        &[
            FeedChoice {
                slug: "sunday-serenity".into(),
                group_id: None,
            },
            FeedChoice {
                slug: "nope".into(),
                group_id: None,
            },
        ],
        chrono_tz::UTC,
        NaiveDate::from_ymd_opt(2026, 1, 14).unwrap(),
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    assert!(holdspace_core::groups::list(&vault, true)
        .unwrap()
        .is_empty());
}

#[test]
fn files_that_are_not_feeds_are_refused_with_a_clear_message() {
    for bad in [&b"not json"[..], b"{\"name\": 1}", b"42"] {
        let error = meeting_guide::parse(bad).unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidInput);
        assert!(error.to_string().contains("Meeting Guide feed"));
    }
}

#[test]
fn every_input_in_the_feed_fuzz_corpus_parses_without_panicking() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus/meeting_guide");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        meeting_guide::parse_for_fuzzing(&std::fs::read(entry.unwrap().path()).unwrap());
        replayed += 1;
    }
    assert!(
        replayed >= 2,
        "the corpus holds at least its seeds, found {replayed}"
    );
}
