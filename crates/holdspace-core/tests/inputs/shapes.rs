//! The shapes the commands' arguments come in: dates, local times, instants, times of day,
//! zones, ids and recurrence rules, each as the UI sends them, just off (the 30th of February,
//! the year 2201, minute 60) or as any text at all. Random text alone would almost never look
//! like a date, and the checks behind the first one would go untried.

use proptest::prelude::*;

use crate::text;

/// Years around the ones the core accepts (1900 to 2200), and far beyond what chrono holds.
pub fn year() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => 1890i64..2210,
        1 => prop::sample::select(vec![0i64, -1, 9999, 10_000, 262_143, 275_760]),
        1 => any::<i32>().prop_map(i64::from),
    ]
}

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(list).prop_map(String::from)
}

/// Text as [`text`] makes it, and also oversized in characters of several bytes: limits are
/// in bytes, and cutting at a number of characters does not keep within them.
pub fn long_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => text(),
        1 => (100usize..900, prop::sample::select(vec!["é", "🙂", "語", "\u{200f}"]))
            .prop_map(|(n, c)| c.repeat(n)),
    ]
}

/// YYYY-MM-DD, every part possibly out of range.
pub fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (year(), 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => pick(&[
            "2024-02-29", "2023-02-29", "1900-01-01", "2200-12-31", "1899-12-31", "2201-01-01",
            "2024-1-5", " 2024-01-05", "2024-01-05 ", "2024-01-05T00:00", "+2024-01-05",
            "2024/01/05", "05-01-2024", "-0001-01-01",
        ]),
        1 => text(),
    ]
}

/// YYYY-MM-DDTHH:MM, a wall-clock time as the meeting and reminder forms send it.
pub fn local() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (year(), 0u32..14, 0u32..33, 0u32..26, 0u32..62)
            .prop_map(|(y, mo, d, h, mi)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}")),
        1 => pick(&[
            // A spring-forward gap and a fall-back overlap (New York, Berlin).
            "2026-03-08T02:30", "2026-10-25T02:30", "1900-01-01T00:00", "2200-12-31T23:59",
            "2024-01-05T19:00:00", "2024-01-05 19:00", "2024-01-05T7:00", "2024-01-05T24:00",
            "2024-01-05T19:00Z", "2201-01-01T00:00",
        ]),
        1 => text(),
    ]
}

/// An RFC 3339 instant, as the IPC carries them, with any offset and every part off by one.
pub fn instant() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (year(), 0u32..14, 0u32..33, 0u32..26, 0u32..62, 0u32..62, prop::sample::select(vec![
            "Z", "z", "+00:00", "+14:00", "-12:00", "+23:59", "-23:59", "+05:45", "", ".999999999Z",
        ]))
            .prop_map(|(y, mo, d, h, mi, s, off)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{off}")),
        2 => (-2_208_988_800i64..7_289_654_400).prop_map(|secs| {
            chrono::DateTime::from_timestamp(secs, 0).unwrap().to_rfc3339()
        }),
        1 => pick(&["1900-01-01T00:00:00Z", "2200-12-31T23:59:59Z", "1899-12-31T23:59:59Z",
            "2201-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+23:59"]),
        1 => text(),
    ]
}

/// HH:MM, a time of day.
pub fn time_of_day() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..27, 0u32..63).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
        1 => pick(&["7:00", "07:00:00", "24:00", "23:59", "00:00", "12:00 PM", "-1:00", "07:60", " 07:00", "0700"]),
        1 => text(),
    ]
}

/// An IANA zone name: any real one, one just off, or any text.
pub fn zone() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(chrono_tz::TZ_VARIANTS.to_vec()).prop_map(|z| z.name().to_string()),
        1 => pick(&["UTC", "utc", "Europe/Berlin ", "europe/berlin", "Etc/GMT+12", "Etc/GMT-14",
            "Pacific/Kiritimati", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu",
            "Local", "+02:00", "Mars/Olympus_Mons"]),
        1 => text(),
    ]
}

/// A row id: the few the test made, their neighbours, and any number at all.
pub fn id() -> impl Strategy<Value = i64> {
    prop_oneof![
        3 => -1i64..6,
        1 => prop::sample::select(vec![i64::MIN, i64::MAX, i64::from(i32::MAX) + 1]),
        1 => any::<i64>(),
    ]
}

/// An RRULE value: ones meetings use, ones the core refuses (too often, never, too long), and
/// any text.
pub fn rrule() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        2 => pick(&[
            "FREQ=WEEKLY", "RRULE:FREQ=WEEKLY;BYDAY=TU", "FREQ=DAILY", "FREQ=MONTHLY;BYDAY=1MO",
            "FREQ=YEARLY", "FREQ=DAILY;COUNT=3", "FREQ=WEEKLY;UNTIL=19000101T000000Z",
            "FREQ=WEEKLY;UNTIL=22001231T235959Z", "FREQ=HOURLY", "FREQ=SECONDLY",
            "FREQ=WEEKLY;BYHOUR=9", "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", "FREQ=DAILY;INTERVAL=0",
            "FREQ=WEEKLY;COUNT=0", "FREQ=YEARLY;BYYEARDAY=366", "FREQ=WEEKLY;INTERVAL=4294967295",
            "", "   ",
        ]),
        1 => (1usize..40).prop_map(|n| format!("FREQ=WEEKLY;BYDAY={}", ["MO"; 40][..n].join(","))),
        1 => text(),
    ])
}

/// `<meeting id>@<instant>`, the occurrence ids the app passes around, mostly wrong.
pub fn occurrence_id() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (id(), instant()).prop_map(|(meeting, at)| format!("{meeting}@{at}")),
        1 => pick(&["@", "1@", "@2024-01-02T18:00:00Z", "1@@2024-01-02T18:00:00Z", "1 @2024-01-02T18:00:00Z"]),
        1 => text(),
    ]
}
