//! A meeting's recurrence: a wall-clock start in an IANA zone and an optional RRULE.
//!
//! Expansion happens in floating wall-clock time (the rule is run against the local start as if
//! it were UTC), and each wall time is then resolved in the real zone by [`resolve`]. That keeps
//! a 19:00 meeting at 19:00 local across DST, and applies our gap and overlap rules rather than
//! a library's. A cursor (a wall time known to precede the window) lets expansion start near
//! the window instead of walking from the first start on every call.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rrule::{Frequency, RRule, RRuleSet, Unvalidated};

use super::wall::resolve;
use crate::{Error, Result};

pub const MAX_RULE_BYTES: usize = 512;
/// No meeting recurs more often than daily; this also bounds any one expansion.
const MAX_OCCURRENCES_PER_CALL: usize = 20_000;
/// Zone offsets span -12:00 to +14:00: wall times this far around the window cover it.
const WALL_MARGIN_HOURS: i64 = 15;

#[derive(Debug, Clone)]
pub struct Recurrence {
    start: NaiveDateTime,
    zone: Tz,
    rule: Option<RRule<Unvalidated>>,
    counted: bool,
}

/// One expansion: the original starts inside the window, and a cursor to save for next time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    pub starts: Vec<DateTime<Utc>>,
    /// The last wall time before the window, if later than the cursor given.
    pub cursor: Option<NaiveDateTime>,
}

fn floating(local: NaiveDateTime) -> DateTime<rrule::Tz> {
    local.and_utc().with_timezone(&rrule::Tz::UTC)
}

impl Recurrence {
    /// Validates the rule against the start; `rule` is an RRULE value with or without the
    /// `RRULE:` prefix, or `None` for a one-off meeting.
    pub fn new(start: NaiveDateTime, zone: Tz, rule: Option<&str>) -> Result<Self> {
        let Some(text) = rule.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(Self {
                start,
                zone,
                rule: None,
                counted: false,
            });
        };
        if text.len() > MAX_RULE_BYTES {
            return Err(Error::invalid(format!(
                "rrule: at most {MAX_RULE_BYTES} bytes"
            )));
        }
        let text = text.strip_prefix("RRULE:").unwrap_or(text);
        let invalid = || {
            Error::invalid(
                "rrule: not a valid RFC 5545 recurrence rule (like FREQ=WEEKLY;BYDAY=TU)",
            )
        };
        // The meeting's time of day comes from its start; several a day are not meetings.
        let upper = text.to_ascii_uppercase();
        if ["BYHOUR", "BYMINUTE", "BYSECOND"]
            .iter()
            .any(|part| upper.contains(part))
        {
            return Err(Error::invalid(
                "rrule: the time of day comes from the start; BYHOUR, BYMINUTE and BYSECOND are not used",
            ));
        }
        let mut parsed: RRule<Unvalidated> = text.parse().map_err(|_| invalid())?;
        let validated = parsed
            .clone()
            .validate(floating(start))
            .map_err(|_| invalid())?;
        // UNTIL is a real instant (RFC 5545); expansion runs in wall-clock time, so the rule
        // gets UNTIL as the wall time it corresponds to in the meeting's zone.
        if let Some(until) = validated.get_until() {
            let wall_until = until.with_timezone(&zone).naive_local();
            parsed = parsed.until(floating(wall_until));
        }
        if !matches!(
            validated.get_freq(),
            Frequency::Daily | Frequency::Weekly | Frequency::Monthly | Frequency::Yearly
        ) {
            return Err(Error::invalid(
                "rrule: meetings recur daily at most (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)",
            ));
        }
        let counted = validated.get_count().is_some();
        let recurrence = Self {
            start,
            zone,
            rule: Some(parsed),
            counted,
        };
        // A rule that can never happen would make every expansion search in vain.
        if recurrence.first_walls(1)?.is_empty() {
            return Err(Error::invalid(
                "rrule: this rule never produces a meeting from the start given",
            ));
        }
        Ok(recurrence)
    }

    /// The first `n` wall times of the rule, the search bounded by rrule's limits.
    fn first_walls(&self, n: usize) -> Result<Vec<NaiveDateTime>> {
        let Some(rule) = &self.rule else {
            return Ok(vec![self.start]);
        };
        let set = rule
            .clone()
            .build(floating(self.start))
            .map_err(|_| Error::invalid("rrule: not a valid RFC 5545 recurrence rule"))?
            .limit();
        Ok((&set).into_iter().take(n).map(|w| w.naive_utc()).collect())
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// Original starts in `[from, to)`, in order and without duplicates. `cursor` is a wall
    /// time of an earlier occurrence of this rule (from a previous expansion), or `None`.
    pub fn expand(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        cursor: Option<NaiveDateTime>,
    ) -> Result<Expansion> {
        let Some(rule) = &self.rule else {
            let start = resolve(self.start, self.zone);
            let starts = if start >= from && start < to {
                vec![start]
            } else {
                Vec::new()
            };
            return Ok(Expansion {
                starts,
                cursor: None,
            });
        };
        let wall_from = from.naive_utc() - Duration::hours(WALL_MARGIN_HOURS);
        let wall_to = to.naive_utc() + Duration::hours(WALL_MARGIN_HOURS);
        // A counted rule restarted mid-way would count from the restart; it is short anyway.
        let begin = match cursor {
            Some(c) if !self.counted && c >= self.start && c < wall_from => c,
            _ => self.start,
        };
        let set: RRuleSet = rule
            .clone()
            .build(floating(begin))
            .map_err(|_| Error::invalid("rrule: not a valid RFC 5545 recurrence rule"))?
            .limit();
        let mut starts = Vec::new();
        let mut last_before = None;
        for wall in (&set).into_iter() {
            let wall = wall.naive_utc();
            if wall > wall_to {
                break;
            }
            if starts.len() >= MAX_OCCURRENCES_PER_CALL {
                return Err(Error::invalid(
                    "from: the window holds too many meetings; ask for a shorter period",
                ));
            }
            let instant = resolve(wall, self.zone);
            if instant < from {
                last_before = Some(wall);
            } else if instant < to {
                starts.push(instant);
            }
        }
        // Resolution can reorder or merge wall times only around a DST change; keep the
        // promise of sorted, unique starts regardless.
        starts.sort_unstable();
        starts.dedup();
        let cursor = last_before.filter(|wall| Some(*wall) > cursor && *wall > self.start);
        Ok(Expansion { starts, cursor })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_local;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_weekly_meeting_stays_at_its_local_time_across_dst() {
        let start = parse_local("start", "2026-03-03T19:00").unwrap();
        let weekly =
            Recurrence::new(start, chrono_tz::America::New_York, Some("FREQ=WEEKLY")).unwrap();
        let got = weekly
            .expand(
                utc("2026-03-01T00:00:00Z"),
                utc("2026-03-20T00:00:00Z"),
                None,
            )
            .unwrap();
        let shown: Vec<String> = got.starts.iter().map(|t| t.to_rfc3339()).collect();
        assert_eq!(
            shown,
            ["2026-03-04T00:00:00+00:00", "2026-03-10T23:00:00+00:00", "2026-03-17T23:00:00+00:00"],
            "19:00 EST is 00:00Z and, after the 8 March change, 19:00 EDT is 23:00Z: the local time stays"
        );
    }
}
