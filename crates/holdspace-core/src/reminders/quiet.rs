//! Quiet hours: a reminder due inside them waits until they end.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::time::resolve;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl QuietHours {
    /// When a reminder due at `due` may be shown: `due` itself, or the end of the quiet hours
    /// it falls in (which may span midnight), in `zone`'s wall time.
    pub fn release(self, due: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
        let local = due.with_timezone(&zone).naive_local();
        let (date, time) = (local.date(), local.time());
        // Never before the reminder itself: on the night clocks go back, the end's wall time can
        // resolve to its earlier instant, before a reminder due in the repeated hour.
        let end_on =
            |days: i64| resolve((date + Duration::days(days)).and_time(self.end), zone).max(due);
        if self.start < self.end {
            if time >= self.start && time < self.end {
                return end_on(0);
            }
        } else if time >= self.start {
            return end_on(1);
        } else if time < self.end {
            return end_on(0);
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    fn berlin(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2026, 3, d, h, m, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn overnight_quiet_hours_hold_a_reminder_until_morning_and_let_others_through() {
        let quiet = QuietHours {
            start: at(22, 0),
            end: at(7, 0),
        };
        let zone = chrono_tz::Europe::Berlin;
        assert_eq!(
            quiet.release(berlin(10, 23, 30), zone),
            berlin(11, 7, 0),
            "late evening waits for the next morning"
        );
        assert_eq!(
            quiet.release(berlin(11, 3, 0), zone),
            berlin(11, 7, 0),
            "small hours wait for the same morning"
        );
        assert_eq!(
            quiet.release(berlin(11, 7, 0), zone),
            berlin(11, 7, 0),
            "the end itself is not quiet"
        );
        assert_eq!(
            quiet.release(berlin(11, 12, 0), zone),
            berlin(11, 12, 0),
            "daytime passes"
        );
        let lunch = QuietHours {
            start: at(12, 0),
            end: at(13, 0),
        };
        assert_eq!(
            lunch.release(berlin(11, 12, 30), zone),
            berlin(11, 13, 0),
            "a daytime quiet hour"
        );
    }

    #[test]
    fn on_the_night_clocks_go_back_a_reminder_is_never_released_before_it_is_due() {
        let quiet = QuietHours {
            start: at(0, 0),
            end: at(1, 30),
        };
        let zone = chrono_tz::America::New_York;
        // 01:15 EST, in the repeated hour (06:15Z); 01:30 resolves to its EDT instant, 05:30Z.
        let due = DateTime::parse_from_rfc3339("2026-11-01T06:15:00Z")
            .unwrap_or_default()
            .with_timezone(&Utc);
        assert!(
            quiet.release(due, zone) >= due,
            "released no earlier than due"
        );
    }
}
