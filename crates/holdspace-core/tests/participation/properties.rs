//! Property tests: for any rule, zone and window, occurrences are sorted, inside the window and
//! never duplicated, and expanding from a cursor gives the same answer as from the start.

use chrono::{Duration, NaiveDate};
use holdspace_core::time::{parse_zone, Recurrence};
use proptest::prelude::*;

const ZONES: [&str; 6] = [
    "America/New_York",
    "Europe/Berlin",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Asia/Kolkata",
    "UTC",
];
const RULES: [&str; 6] = [
    "FREQ=WEEKLY",
    "FREQ=DAILY",
    "FREQ=WEEKLY;BYDAY=MO,TH",
    "FREQ=MONTHLY;BYDAY=1TU",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn occurrences_are_sorted_inside_the_window_and_unique(
        zone in 0usize..ZONES.len(),
        rule in 0usize..RULES.len(),
        start_day in 0i64..2000,
        minutes in 0u32..1440,
        window_start in 0i64..2500,
        window_days in 1i64..120,
    ) {
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap().and_hms_opt(minutes / 60, minutes % 60, 0).unwrap()
            + Duration::days(start_day);
        let zone = parse_zone("time_zone", ZONES[zone]).unwrap();
        let recurrence = Recurrence::new(start, zone, Some(RULES[rule])).unwrap();
        let from = (NaiveDate::from_ymd_opt(2020, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap() + Duration::days(window_start)).and_utc();
        let to = from + Duration::days(window_days);
        let expansion = recurrence.expand(from, to, None).unwrap();
        let starts = &expansion.starts;
        prop_assert!(starts.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        prop_assert!(starts.iter().all(|s| *s >= from && *s < to), "inside the window");

        // The same window expanded from the cursor a previous call would have saved.
        let earlier = recurrence.expand(from - Duration::days(40), from - Duration::days(20), None).unwrap();
        if let Some(cursor) = earlier.cursor {
            let again = recurrence.expand(from, to, Some(cursor)).unwrap();
            prop_assert_eq!(&again.starts, starts, "a cursor never changes the answer");
        }
    }
}
