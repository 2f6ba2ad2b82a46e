//! The dates the sample data hangs on, all counted back from the day the demo is made, so the
//! same day always gives the same vault.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::time::{instant, resolve};
use crate::{Error, Result};

/// How far back attendance is recorded: about two months of meetings.
pub(super) const HISTORY_DAYS: u64 = 56;

/// The day the demo is made and the zone its meetings are held in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Calendar {
    pub today: NaiveDate,
    pub zone: Tz,
}

fn out_of_range() -> Error {
    Error::invalid("today: too far from the present to make a demo vault")
}

impl Calendar {
    pub fn new(today: NaiveDate, zone: Tz) -> Result<Self> {
        // The vault accepts dates in 1900-2200; keeping `today` well inside means every date
        // counted back from it is one the domain functions accept.
        if !(1901..=2199).contains(&today.year()) {
            return Err(out_of_range());
        }
        Ok(Self { today, zone })
    }

    pub fn days_ago(&self, days: u64) -> Result<NaiveDate> {
        self.today
            .checked_sub_days(Days::new(days))
            .ok_or_else(out_of_range)
    }

    /// The first `weekday` on or after `date`: a weekly meeting's first start.
    pub fn first_on_or_after(date: NaiveDate, weekday: Weekday) -> Result<NaiveDate> {
        let ahead =
            (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
        date.checked_add_days(Days::new(u64::from(ahead)))
            .ok_or_else(out_of_range)
    }

    /// Local midnight of `date` in the meetings' zone.
    pub fn midnight(&self, date: NaiveDate) -> DateTime<Utc> {
        resolve(date.and_time(NaiveTime::MIN), self.zone)
    }

    /// The window attendance is recorded in: the weeks before today, ending at today's local
    /// midnight, so the current time of day never changes what a demo holds.
    pub fn history(&self) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
        Ok((
            self.midnight(self.days_ago(HISTORY_DAYS)?),
            self.midnight(self.today),
        ))
    }

    /// The local date an occurrence started on (`start_utc` as the meetings module writes it).
    pub fn local_date(&self, start_utc: &str) -> Result<NaiveDate> {
        instant(start_utc)
            .map(|start| start.with_timezone(&self.zone).date_naive())
            .ok_or_else(|| Error::Storage("an occurrence has an unreadable start".into()))
    }
}

/// The RRULE day code for `weekday`.
pub(super) fn byday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}
