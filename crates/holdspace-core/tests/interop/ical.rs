//! iCalendar import: one fixture per quirk of real calendars, each read with the right IANA
//! zone and the right UTC start of its first occurrence.

use holdspace_core::interop::ical::{self, CalendarEvent};

use super::fixture;

fn read(name: &str) -> ical::Calendar {
    ical::parse(&fixture("ical", name), chrono_tz::Europe::Helsinki)
}

fn by_uid<'a>(calendar: &'a ical::Calendar, uid: &str) -> &'a CalendarEvent {
    calendar
        .events
        .iter()
        .find(|e| e.uid == uid)
        .unwrap_or_else(|| panic!("no event {uid}"))
}

fn zone_and_start(event: &CalendarEvent) -> (&str, &str) {
    (event.time_zone.as_str(), event.first_start_utc.as_str())
}

#[test]
fn google_zones_exdates_overrides_and_utc_single_events() {
    let calendar = read("google.ics");
    assert_eq!(calendar.events.len(), 2, "the override joins its series");
    let series = by_uid(&calendar, "7kukuqrfedlm2f9t6vnd3m0n8s@google.com");
    assert_eq!(
        zone_and_start(series),
        ("Europe/Berlin", "2026-01-06T18:00:00Z")
    );
    assert_eq!(series.duration_minutes, 90);
    assert_eq!(series.rrule.as_deref(), Some("FREQ=WEEKLY;BYDAY=TU"));
    assert_eq!(
        series.exdates_utc,
        ["2026-01-13T18:00:00Z"],
        "EXDATE with TZID"
    );
    assert_eq!(series.overrides.len(), 1);
    assert_eq!(
        series.overrides[0].original_start_utc,
        "2026-01-20T18:00:00Z"
    );
    assert_eq!(
        series.overrides[0].start_utc.as_deref(),
        Some("2026-01-21T18:00:00Z")
    );
    assert_eq!(series.location, "Gemeindehaus, Raum 2", "escaped commas");
    let single = by_uid(&calendar, "single-utc@google.com");
    assert_eq!(
        zone_and_start(single),
        ("UTC", "2026-01-10T15:00:00Z"),
        "UTC starts stay UTC"
    );
    assert_eq!(
        single.conference_url,
        "https://meet.google.com/abc-defg-hij"
    );
    assert!(!series.zone_guessed && !single.zone_guessed);
}

#[test]
fn outlook_windows_zone_names_tab_folding_and_teams_links() {
    let calendar = read("outlook.ics");
    let [event] = &calendar.events[..] else {
        panic!("one event")
    };
    assert_eq!(
        zone_and_start(event),
        ("Europe/Berlin", "2026-03-02T17:30:00Z"),
        "W. Europe Standard Time via CLDR"
    );
    assert_eq!(event.exdates_utc, ["2026-03-16T17:30:00Z"]);
    assert_eq!(event.duration_minutes, 90);
    assert_eq!(
        event.description,
        "Weekly sharing circle. Please join a few minutes early.\n\nNo cross-talk.",
        "a TAB-indented fold"
    );
    assert!(
        event.uid.starts_with("040000008200E00074C5B7101A82E008") && event.uid.ends_with("8F90"),
        "a folded UID joins up"
    );
    assert_eq!(
        event.conference_url,
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting"
    );
    assert!(event
        .rrule
        .as_deref()
        .is_some_and(|r| r.contains("UNTIL=20260601T163000Z")));
}

#[test]
fn outlook_display_names_with_commas_and_aus_eastern_time() {
    let calendar = read("outlook_display_name.ics");
    let carers = by_uid(&calendar, "display-name-1");
    assert_eq!(
        zone_and_start(carers),
        ("Australia/Canberra", "2026-01-05T08:00:00Z"),
        "a quoted TZID with commas: its first city names the zone (summer, UTC+11)"
    );
    let winter = by_uid(&calendar, "aus-eastern-1");
    assert_eq!(
        zone_and_start(winter),
        ("Australia/Sydney", "2026-07-12T00:00:00Z"),
        "AUS Eastern Standard Time, winter UTC+10"
    );
    assert_eq!(winter.duration_minutes, 60);
}

#[test]
fn apple_escaped_prodid_date_time_triggers_and_all_day_events() {
    let calendar = read("apple.ics");
    assert_eq!(calendar.skipped, 1, "an all-day event is not a meeting");
    let [event] = &calendar.events[..] else {
        panic!("one event")
    };
    assert_eq!(
        zone_and_start(event),
        ("America/New_York", "2026-01-07T23:30:00Z")
    );
    assert_eq!(event.duration_minutes, 60);
    assert_eq!(event.rrule.as_deref(), Some("FREQ=WEEKLY;INTERVAL=1"));
}

#[test]
fn meetup_single_events_with_geo_and_escaped_text() {
    let calendar = read("meetup.ics");
    let [event] = &calendar.events[..] else {
        panic!("one event")
    };
    assert_eq!(
        zone_and_start(event),
        ("America/Chicago", "2026-02-13T01:00:00Z")
    );
    assert_eq!(event.duration_minutes, 120);
    assert_eq!(event.rrule, None);
    assert_eq!(event.title, "Peer Support Night, February");
    assert_eq!(
        event.location,
        "Community Room, 2nd floor (123 Main St, Chicago, IL)"
    );
    assert!(event
        .description
        .contains("Thursday, February 12 at 7:00 PM\n\nA relaxed evening; everyone welcome."));
    assert_eq!(
        event.conference_url,
        "https://www.meetup.com/example-peer-support/events/300000000/"
    );
}

#[test]
fn thunderbird_long_histories_and_old_mozilla_prefixes() {
    let calendar = read("thunderbird.ics");
    let sunday = by_uid(&calendar, "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e");
    assert_eq!(
        zone_and_start(sunday),
        ("Europe/London", "2026-04-05T09:00:00Z"),
        "British summer time"
    );
    assert_eq!(sunday.rrule.as_deref(), Some("FREQ=WEEKLY;COUNT=10"));
    let old = by_uid(&calendar, "old-mozilla-prefix");
    assert_eq!(
        zone_and_start(old),
        ("Europe/Berlin", "2026-01-05T17:00:00Z")
    );
}

#[test]
fn lf_only_files_with_blank_lines_read_alike() {
    let calendar = read("lf_blank.ics");
    let [event] = &calendar.events[..] else {
        panic!("one event")
    };
    assert_eq!(
        zone_and_start(event),
        ("Asia/Tokyo", "2026-03-01T11:00:00Z")
    );
}

#[test]
fn several_calendars_in_one_file_each_keep_their_own_zone() {
    let calendar = read("concatenated.ics");
    assert_eq!(
        zone_and_start(by_uid(&calendar, "floating-1")),
        ("America/Denver", "2026-01-10T16:00:00Z"),
        "a floating time in its calendar's X-WR-TIMEZONE"
    );
    assert_eq!(
        zone_and_start(by_uid(&calendar, "paris-1")),
        ("Europe/Paris", "2026-01-10T08:00:00Z")
    );
    assert!(!by_uid(&calendar, "floating-1").zone_guessed);
}

#[test]
fn a_tzid_without_vtimezone_is_still_resolved_or_honestly_guessed() {
    let calendar = read("tzid_no_vtimezone.ics");
    assert_eq!(
        zone_and_start(by_uid(&calendar, "sao-paulo-1")),
        ("America/Sao_Paulo", "2026-01-15T22:00:00Z")
    );
    assert_eq!(
        zone_and_start(by_uid(&calendar, "pacific-1")),
        ("America/Los_Angeles", "2026-01-16T03:00:00Z"),
        "a Windows name with no VTIMEZONE"
    );
    let unknown = by_uid(&calendar, "unknown-zone-1");
    assert!(
        unknown.zone_guessed,
        "an unknown zone is a guess the preview must show"
    );
    assert_eq!(
        zone_and_start(unknown),
        ("Europe/Helsinki", "2026-01-15T17:00:00Z"),
        "the user's zone stands in"
    );
}

#[test]
fn utc_starts_and_durations_instead_of_dtend() {
    let utc = read("utc_start.ics");
    assert_eq!(
        zone_and_start(&utc.events[0]),
        ("UTC", "2026-01-20T17:30:00Z")
    );
    assert_eq!(utc.events[0].duration_minutes, 60);
    let duration = read("duration.ics");
    assert_eq!(
        zone_and_start(&duration.events[0]),
        ("Europe/Rome", "2026-06-01T16:00:00Z")
    );
    assert_eq!(duration.events[0].duration_minutes, 90, "DURATION:PT1H30M");
}

#[test]
fn garbage_never_fails() {
    assert!(ical::parse(b"", chrono_tz::UTC).events.is_empty());
    assert!(ical::parse(
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:garbage\nEND:VEVENT",
        chrono_tz::UTC
    )
    .events
    .is_empty());
}

mod following {
    use holdspace_core::groups::Venue;
    use holdspace_core::interop::ical::{self, CalendarChoice};
    use holdspace_core::meetings::{self, ExceptionKind};

    use super::read;
    use crate::support::{group, utc, vault};

    const SERIES: &str = "7kukuqrfedlm2f9t6vnd3m0n8s@google.com";

    fn starts(vault: &holdspace_core::vault::Vault, group_id: i64) -> Vec<String> {
        meetings::occurrences(
            vault,
            utc("2026-01-01T00:00:00Z"),
            utc("2026-02-01T00:00:00Z"),
            Some(group_id),
        )
        .unwrap()
        .into_iter()
        .map(|o| o.start_utc)
        .collect()
    }

    #[test]
    fn a_series_follows_into_a_group_with_its_exdates_and_moves() {
        let (_dir, vault) = vault();
        let tuesday = group(&vault, "2025-12-01");
        let calendar = read("google.ics");
        let followed = ical::follow(
            &vault,
            &calendar,
            &[CalendarChoice {
                uid: SERIES.into(),
                group_id: Some(tuesday),
            }],
        )
        .unwrap();
        assert!(!followed[0].updated);
        assert_eq!(
            starts(&vault, tuesday),
            [
                "2026-01-06T18:00:00Z",
                "2026-01-21T18:00:00Z",
                "2026-01-27T18:00:00Z"
            ],
            "the 13th is excluded and the 20th moved to the 21st"
        );
    }

    #[test]
    fn importing_the_same_file_again_updates_instead_of_duplicating() {
        let (_dir, vault) = vault();
        let tuesday = group(&vault, "2025-12-01");
        let calendar = read("google.ics");
        let choice = [CalendarChoice {
            uid: SERIES.into(),
            group_id: Some(tuesday),
        }];
        let first = ical::follow(&vault, &calendar, &choice).unwrap();
        let meeting_id = first[0].meeting_id;
        // The user cancels one occurrence themselves; a re-import must keep it.
        meetings::set_exception(
            &vault,
            &format!("{meeting_id}@2026-01-27T18:00:00Z"),
            ExceptionKind::Cancelled,
            None,
        )
        .unwrap();
        let again = ical::follow(
            &vault,
            &calendar,
            &[CalendarChoice {
                uid: SERIES.into(),
                group_id: None,
            }],
        )
        .unwrap();
        assert!(again[0].updated, "the UID is known: an update");
        assert_eq!(again[0].meeting_id, meeting_id);
        assert_eq!(
            again[0].group_id, tuesday,
            "it stays in the group it was put in"
        );
        assert_eq!(
            meetings::list(&vault, Some(tuesday)).unwrap().len(),
            1,
            "no duplicate"
        );
        let kinds: Vec<ExceptionKind> = meetings::get(&vault, meeting_id)
            .unwrap()
            .exceptions
            .iter()
            .map(|e| e.kind)
            .collect();
        assert!(
            kinds.contains(&ExceptionKind::Cancelled),
            "the user's own change is kept"
        );
    }

    #[test]
    fn an_event_without_a_group_makes_one_and_outlook_until_rules_hold() {
        let (_dir, vault) = vault();
        let google = read("google.ics");
        let made = ical::follow(
            &vault,
            &google,
            &[CalendarChoice {
                uid: "single-utc@google.com".into(),
                group_id: None,
            }],
        )
        .unwrap();
        let group = holdspace_core::groups::get(&vault, made[0].group_id).unwrap();
        assert_eq!(group.name, "Orientation");
        assert_eq!(group.venue, Venue::Online);
        assert_eq!(group.meeting_link, "https://meet.google.com/abc-defg-hij");

        let outlook = read("outlook.ics");
        let uid = outlook.events[0].uid.clone();
        let followed = ical::follow(
            &vault,
            &outlook,
            &[CalendarChoice {
                uid,
                group_id: None,
            }],
        )
        .unwrap();
        let all = meetings::occurrences(
            &vault,
            utc("2026-03-01T00:00:00Z"),
            utc("2026-07-01T00:00:00Z"),
            Some(followed[0].group_id),
        )
        .unwrap();
        assert_eq!(
            all.first().map(|o| o.start_utc.as_str()),
            Some("2026-03-02T17:30:00Z")
        );
        assert_eq!(
            all.last().map(|o| o.start_utc.as_str()),
            Some("2026-06-01T16:30:00Z"),
            "UNTIL in UTC keeps the last Monday (summer time)"
        );
        assert!(
            all.iter().all(|o| o.start_utc != "2026-03-16T17:30:00Z"),
            "the EXDATE"
        );
    }

    #[test]
    fn an_unknown_uid_or_group_changes_nothing() {
        let (_dir, vault) = vault();
        let calendar = read("google.ics");
        for choice in [
            CalendarChoice {
                uid: "nope".into(),
                group_id: None,
            },
            CalendarChoice {
                uid: SERIES.into(),
                group_id: Some(999),
            },
        ] {
            assert!(ical::follow(
                &vault,
                &calendar,
                &[
                    CalendarChoice {
                        uid: "single-utc@google.com".into(),
                        group_id: None
                    },
                    choice
                ]
            )
            .is_err());
        }
        assert!(
            holdspace_core::groups::list(&vault, true)
                .unwrap()
                .is_empty(),
            "no group made for the valid choice either"
        );
    }
}

#[test]
fn every_input_in_the_calendar_fuzz_corpus_parses_without_panicking() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/ical");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        ical::parse_for_fuzzing(&std::fs::read(entry.unwrap().path()).unwrap());
        replayed += 1;
    }
    assert!(
        replayed >= 11,
        "the corpus holds at least the seed fixtures, found {replayed}"
    );
}

mod export {
    use holdspace_core::groups::{self, NewGroup, Venue};
    use holdspace_core::interop::ical::{self, CalendarChoice, CalendarExport};
    use holdspace_core::meetings::{self, ExceptionKind, NewMeeting};
    use holdspace_core::reminders::{self, RuleInput, RuleKind};
    use holdspace_core::vault::Vault;
    use holdspace_core::Language;

    use crate::support::{utc, vault};

    /// Two groups: one in Berlin across the change to summer time, with a skipped and a moved
    /// meeting and a reminder; one online in New York.
    fn schedules(vault: &Vault) -> (i64, i64) {
        let circle = groups::add(
            vault,
            &NewGroup {
                name: "Tuesday grief circle".into(),
                kind: "grief-loss".into(),
                address: Some("Gemeindehaus, Raum 2".into()),
                description: Some("Bring a photo; we share one at a time".into()),
                joined: Some("2026-01-01".into()),
                ..NewGroup::default()
            },
        )
        .unwrap();
        let weekly = meetings::add(
            vault,
            &NewMeeting {
                group_id: circle.id,
                title: None,
                start_local: "2026-03-17T19:00".into(),
                time_zone: "Europe/Berlin".into(),
                duration_minutes: 90,
                rrule: Some("FREQ=WEEKLY;BYDAY=TU".into()),
            },
        )
        .unwrap();
        meetings::set_exception(
            vault,
            &format!("{}@2026-03-24T18:00:00Z", weekly.id),
            ExceptionKind::Skipped,
            None,
        )
        .unwrap();
        meetings::set_exception(
            vault,
            &format!("{}@2026-04-07T17:00:00Z", weekly.id),
            ExceptionKind::Moved,
            Some("2026-04-08T18:30"),
        )
        .unwrap();
        reminders::add_rule(
            vault,
            &RuleInput {
                kind: Some(RuleKind::BeforeMeeting),
                group_id: Some(circle.id),
                minutes_before: Some(15),
                ..RuleInput::default()
            },
            chrono::Utc::now(),
        )
        .unwrap();
        let online = groups::add(
            vault,
            &NewGroup {
                name: "Carers online".into(),
                kind: "parenting-caregiver".into(),
                venue: Some(Venue::Online),
                meeting_link: Some("https://meet.example.org/carers".into()),
                joined: Some("2026-01-01".into()),
                ..NewGroup::default()
            },
        )
        .unwrap();
        meetings::add(
            vault,
            &NewMeeting {
                group_id: online.id,
                title: None,
                start_local: "2026-03-05T20:00".into(),
                time_zone: "America/New_York".into(),
                duration_minutes: 60,
                rrule: Some("FREQ=WEEKLY;BYDAY=TH;COUNT=20".into()),
            },
        )
        .unwrap();
        (circle.id, online.id)
    }

    fn starts(vault: &Vault, group: Option<i64>) -> Vec<(String, String)> {
        meetings::occurrences(
            vault,
            utc("2026-03-01T00:00:00Z"),
            utc("2026-12-31T00:00:00Z"),
            group,
        )
        .unwrap()
        .into_iter()
        .map(|o| (o.start_utc, o.end_utc))
        .collect()
    }

    #[test]
    fn a_discreet_export_names_no_group_place_or_link_and_keeps_its_alarms() {
        let (_dir, vault) = vault();
        schedules(&vault);
        let text = ical::export(
            &vault,
            &CalendarExport::default(),
            Language::En,
            utc("2026-02-01T12:00:00Z"),
        )
        .unwrap();
        for private in [
            "Tuesday grief circle",
            "Gemeindehaus",
            "Bring a photo",
            "meet.example.org",
            "grief",
            "Carers",
        ] {
            assert!(
                !text.contains(private),
                "a discreet export must not contain {private:?}"
            );
        }
        assert_eq!(
            text.matches("SUMMARY:Meeting\r\n").count(),
            3,
            "two series and one moved meeting"
        );
        let german = ical::export(
            &vault,
            &CalendarExport::default(),
            Language::De,
            utc("2026-02-01T12:00:00Z"),
        )
        .unwrap();
        assert_eq!(
            german.matches("SUMMARY:Treffen\r\n").count(),
            3,
            "in German each event is a Treffen"
        );
        assert!(!german.contains("Meeting"), "no English word is left");
        assert_eq!(
            german.replace("Treffen", "Meeting"),
            text,
            "and nothing but the discreet word changes"
        );
        assert!(text.contains("TRIGGER:-PT15M\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "folded at 75 octets: {line}");
        }
        assert!(
            text.ends_with("END:VCALENDAR\r\n") && !text.replace("\r\n", "").contains('\n'),
            "CRLF only"
        );
    }

    #[test]
    fn an_independent_parser_reads_the_export_as_written() {
        let (_dir, vault) = vault();
        schedules(&vault);
        let text = ical::export(
            &vault,
            &CalendarExport {
                group_id: None,
                detailed: true,
            },
            Language::En,
            utc("2026-02-01T12:00:00Z"),
        )
        .unwrap();
        let mut calendars = ::ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let calendar = calendars.next().expect("one calendar").expect("it parses");
        assert!(calendars.next().is_none());
        let zones: Vec<String> = calendar
            .timezones
            .iter()
            .filter_map(|z| {
                z.properties
                    .iter()
                    .find(|p| p.name == "TZID")
                    .and_then(|p| p.value.clone())
            })
            .collect();
        assert_eq!(
            zones,
            ["America/New_York", "Europe/Berlin"],
            "a VTIMEZONE for each zone used"
        );
        assert_eq!(calendar.events.len(), 3);
        let value = |event: &::ical::parser::ical::component::IcalEvent, name: &str| {
            event
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
        };
        let berlin = calendar
            .events
            .iter()
            .find(|e| value(e, "RRULE").as_deref() == Some("FREQ=WEEKLY;BYDAY=TU"))
            .expect("the Berlin series");
        let start = berlin
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .unwrap();
        assert_eq!(start.value.as_deref(), Some("20260317T190000"));
        assert_eq!(
            start.params.as_ref().unwrap()[0],
            ("TZID".to_string(), vec!["Europe/Berlin".to_string()])
        );
        assert_eq!(
            value(berlin, "SUMMARY").as_deref(),
            Some("Tuesday grief circle")
        );
        assert_eq!(
            value(berlin, "LOCATION").as_deref(),
            Some("Gemeindehaus\\, Raum 2"),
            "TEXT escaped"
        );
        assert_eq!(berlin.alarms.len(), 1);
        let online = calendar
            .events
            .iter()
            .find(|e| value(e, "CONFERENCE").is_some())
            .expect("the online group");
        assert_eq!(
            value(online, "CONFERENCE").as_deref(),
            Some("https://meet.example.org/carers")
        );
    }

    #[test]
    fn an_exported_file_reimports_to_the_same_schedules() {
        let (_dir, vault) = vault();
        let (circle, online) = schedules(&vault);
        let text = ical::export(
            &vault,
            &CalendarExport::default(),
            Language::En,
            utc("2026-02-01T12:00:00Z"),
        )
        .unwrap();
        let calendar = ical::parse(text.as_bytes(), chrono_tz::UTC);
        assert_eq!(
            calendar.events.len(),
            2,
            "the moved meeting joins its series"
        );
        assert!(calendar.events.iter().all(|e| !e.zone_guessed));
        let (_other_dir, fresh) = crate::support::vault();
        let choices: Vec<CalendarChoice> = calendar
            .events
            .iter()
            .map(|e| CalendarChoice {
                uid: e.uid.clone(),
                group_id: None,
            })
            .collect();
        let followed = ical::follow(&fresh, &calendar, &choices).unwrap();
        let mut before = starts(&vault, Some(circle));
        before.extend(starts(&vault, Some(online)));
        let mut after = Vec::new();
        for f in &followed {
            after.extend(starts(&fresh, Some(f.group_id)));
        }
        before.sort();
        after.sort();
        assert_eq!(
            after, before,
            "every occurrence at the same UTC instants, skips and moves included"
        );
        assert!(before.len() > 40);
    }
}

#[test]
fn local_and_date_until_values_become_utc_and_hostile_durations_are_ignored() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\nDTSTART;TZID=Europe/Berlin:20260105T190000\r\nRRULE:FREQ=WEEKLY;UNTIL=20260126T190000\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:u2\r\nDTSTART;TZID=Europe/Berlin:20260105T190000\r\nRRULE:FREQ=WEEKLY;UNTIL=20260126\r\nDURATION:P99999999999999999W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let calendar = ical::parse(text.as_bytes(), chrono_tz::UTC);
    assert_eq!(
        calendar.events[0].rrule.as_deref(),
        Some("FREQ=WEEKLY;UNTIL=20260126T180000Z"),
        "a local UNTIL in the event's zone"
    );
    assert_eq!(
        calendar.events[1].rrule.as_deref(),
        Some("FREQ=WEEKLY;UNTIL=20260126T225959Z"),
        "a date means the end of that day there"
    );
    assert_eq!(
        calendar.events[1].duration_minutes, 60,
        "an absurd DURATION is ignored, not a panic"
    );
}

#[test]
fn an_override_without_its_series_and_a_repeated_uid_stay_distinct() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20260106T180000Z\r\nDTSTART:20260107T180000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:twice\r\nDTSTART:20260107T180000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:twice\r\nDTSTART:20260108T180000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let calendar = ical::parse(text.as_bytes(), chrono_tz::UTC);
    let uids: Vec<&str> = calendar.events.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(uids, ["twice", "s#2026-01-06T18:00:00Z"]);
    assert_eq!(calendar.skipped, 1, "the second event with the same UID");
}

#[test]
fn a_new_import_replaces_what_the_last_one_brought_and_keeps_the_users_changes() {
    use holdspace_core::meetings::{self, ExceptionKind};
    let (_dir, vault) = crate::support::vault();
    let first = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\nDTSTART:20260105T180000Z\r\nRRULE:FREQ=WEEKLY\r\nEXDATE:20260112T180000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let calendar = ical::parse(first.as_bytes(), chrono_tz::UTC);
    let choice = [ical::CalendarChoice {
        uid: "w".into(),
        group_id: None,
    }];
    let id = ical::follow(&vault, &calendar, &choice).unwrap()[0].meeting_id;
    meetings::set_exception(
        &vault,
        &format!("{id}@2026-01-19T18:00:00Z"),
        ExceptionKind::Cancelled,
        None,
    )
    .unwrap();
    // The calendar takes back its EXDATE and skips another week instead.
    let second = first.replace("EXDATE:20260112T180000Z", "EXDATE:20260126T180000Z");
    ical::follow(
        &vault,
        &ical::parse(second.as_bytes(), chrono_tz::UTC),
        &choice,
    )
    .unwrap();
    let exceptions: Vec<(String, ExceptionKind)> = meetings::get(&vault, id)
        .unwrap()
        .exceptions
        .into_iter()
        .map(|e| (e.original_start_utc, e.kind))
        .collect();
    assert_eq!(
        exceptions,
        [
            ("2026-01-19T18:00:00Z".to_string(), ExceptionKind::Cancelled),
            ("2026-01-26T18:00:00Z".to_string(), ExceptionKind::Skipped),
        ],
        "the old EXDATE is gone, the new one is in, the user's cancellation stays"
    );
}
