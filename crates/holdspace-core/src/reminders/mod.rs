//! Reminders: rules the user adds, quiet hours, snooze, and a schedule that is a pure function
//! of rules, meeting occurrences, the delivery log and a time (see `plan`). Hosts pass the
//! clock and the user's zone in; the shell sleeps until the next due time, then calls
//! [`take_due`], which records each reminder before it may be shown, so none shows twice.

pub mod model;
mod notice;
pub(crate) mod plan;
pub(crate) mod quiet;
mod store;

use chrono::{DateTime, Duration, NaiveTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub use model::{
    LogEntry, ReminderRule, ReminderSettings, RuleInput, RuleKind, MAX_MINUTES_BEFORE,
};
pub use notice::{Notice, NOTICE_TITLE};

use crate::meetings;
use crate::time::resolve;
use crate::vault::Vault;
use crate::{Error, Result};
use plan::{Log, Outcome, PlanInput, Planned};
use quiet::QuietHours;

/// How far back a wake-up looks for reminders it has not settled (after sleep or a restart).
pub const CATCH_UP: Duration = Duration::hours(24);
/// A reminder with no meeting (a check-in, a call) is still worth showing this late.
pub const GRACE: Duration = Duration::hours(1);
const MAX_COUNT: u32 = 1_000;

/// A reminder in the schedule, for the app, the CLI and the shell's timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DueReminder {
    pub rule_id: i64,
    pub kind: RuleKind,
    /// The reminder's identity with `rule_id`: when it was due before quiet hours or a snooze.
    pub due_utc: String,
    /// When it is to be shown, in the user's zone with its offset.
    pub due_local: String,
    pub deliver_utc: String,
    pub occurrence_id: Option<String>,
    pub start_utc: Option<String>,
    pub group_id: Option<i64>,
}

/// A reminder whose time has come, with what its notification says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Delivery {
    pub reminder: DueReminder,
    pub notice: Notice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum SnoozeFor {
    TenMinutes,
    OneHour,
    /// Until 09:00 the next day in the user's zone.
    Tomorrow,
}

impl SnoozeFor {
    pub fn until(self, now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
        match self {
            Self::TenMinutes => now + Duration::minutes(10),
            Self::OneHour => now + Duration::hours(1),
            Self::Tomorrow => {
                let tomorrow = now.with_timezone(&zone).date_naive() + Duration::days(1);
                resolve(tomorrow.and_time(NaiveTime::MIN) + Duration::hours(9), zone)
            }
        }
    }
}

fn not_found() -> Error {
    Error::NotFound { what: "reminder" }
}

fn text(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn due_reminder(p: &Planned, zone: Tz) -> DueReminder {
    DueReminder {
        rule_id: p.rule_id,
        kind: p.kind,
        due_utc: text(p.due),
        due_local: p
            .deliver
            .with_timezone(&zone)
            .to_rfc3339_opts(SecondsFormat::Secs, false),
        deliver_utc: text(p.deliver),
        occurrence_id: p.occurrence_id.clone(),
        start_utc: p.start.map(text),
        group_id: p.group_id,
    }
}

fn check_group(vault: &Vault, input: &RuleInput) -> Result<()> {
    if let Some(group_id) = input.group_id {
        if !vault.read(|conn| store::group_exists(conn, group_id))? {
            return Err(Error::NotFound { what: "group" });
        }
    }
    Ok(())
}

/// Adds a rule; its reminders start at `now` (none from before it existed).
pub fn add_rule(vault: &Vault, input: &RuleInput, now: DateTime<Utc>) -> Result<ReminderRule> {
    let kind = model::validate(input)?;
    check_group(vault, input)?;
    let id = vault.write(|tx| store::insert(tx, kind, input, &text(now)))?;
    get_rule(vault, id)
}

/// Replaces a rule's content, keeping its id and whether it is paused.
pub fn edit_rule(
    vault: &Vault,
    id: i64,
    input: &RuleInput,
    now: DateTime<Utc>,
) -> Result<ReminderRule> {
    let kind = model::validate(input)?;
    check_group(vault, input)?;
    if !vault.write(|tx| store::update(tx, id, kind, input, &text(now)))? {
        return Err(not_found());
    }
    get_rule(vault, id)
}

pub fn set_enabled(
    vault: &Vault,
    id: i64,
    enabled: bool,
    now: DateTime<Utc>,
) -> Result<ReminderRule> {
    if !vault.write(|tx| store::set_enabled(tx, id, enabled, &text(now)))? {
        return Err(not_found());
    }
    get_rule(vault, id)
}

pub fn delete_rule(vault: &Vault, id: i64) -> Result<()> {
    if vault.write(|tx| store::delete(tx, id))? {
        Ok(())
    } else {
        Err(not_found())
    }
}

pub fn get_rule(vault: &Vault, id: i64) -> Result<ReminderRule> {
    vault
        .read(|conn| store::get(conn, id))?
        .ok_or_else(not_found)
}

pub fn list_rules(vault: &Vault) -> Result<Vec<ReminderRule>> {
    vault.read(store::list)
}

pub fn settings(vault: &Vault) -> Result<ReminderSettings> {
    vault.read(store::settings)
}

pub fn set_settings(
    vault: &Vault,
    settings: &ReminderSettings,
    now: DateTime<Utc>,
) -> Result<ReminderSettings> {
    model::validate_settings(settings)?;
    vault.write(|tx| store::save_settings(tx, settings, &text(now)))?;
    self::settings(vault)
}

/// Everything the schedule needs for `[from, to)`, read once.
struct Snapshot {
    rules: Vec<ReminderRule>,
    occurrences: Vec<meetings::Occurrence>,
    log: Log,
    quiet: Option<QuietHours>,
    paused: bool,
    resumed: Option<DateTime<Utc>>,
}

fn snapshot(vault: &Vault, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Snapshot> {
    let (rules, settings, resumed, log) = vault.read(|conn| {
        Ok((
            store::list(conn)?,
            store::settings(conn)?,
            store::resumed(conn)?,
            store::log_since(conn, from - plan::QUIET_REACH)?,
        ))
    })?;
    let longest = rules
        .iter()
        .filter(|r| r.enabled && r.kind == RuleKind::BeforeMeeting)
        .filter_map(|r| r.minutes_before)
        .max();
    // Only occurrences a before-meeting rule can reach: due in the window, plus quiet hours.
    let occurrences = match longest {
        Some(minutes) => meetings::occurrences(
            vault,
            from - plan::QUIET_REACH,
            to + Duration::minutes(i64::from(minutes)),
            None,
        )?,
        None => Vec::new(),
    };
    let (start, end) = model::validate_settings(&settings)?;
    Ok(Snapshot {
        rules,
        occurrences,
        log,
        quiet: start.zip(end).map(|(start, end)| QuietHours { start, end }),
        paused: settings.paused,
        resumed,
    })
}

fn planned(
    vault: &Vault,
    zone: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    catching_up: bool,
) -> Result<Vec<Planned>> {
    let s = snapshot(vault, from, to)?;
    plan::plan(
        &PlanInput {
            rules: &s.rules,
            occurrences: &s.occurrences,
            log: &s.log,
            quiet: s.quiet,
            paused: s.paused,
            resumed: s.resumed,
            catching_up,
            zone,
        },
        from,
        to,
    )
}

/// The next `count` reminders to be shown from `from` on, in order. Looks ahead in growing
/// windows (two days, then a fortnight, two months, a year), so the usual answer reads little.
pub fn next_due(
    vault: &Vault,
    from: DateTime<Utc>,
    zone: Tz,
    count: u32,
) -> Result<Vec<DueReminder>> {
    if !(1..=MAX_COUNT).contains(&count) {
        return Err(Error::invalid(format!("count: from 1 to {MAX_COUNT}")));
    }
    let found = at_least(vault, zone, from, count, Duration::zero())?;
    Ok(found.iter().map(|p| due_reminder(p, zone)).collect())
}

/// Everything planned within `horizon` of `from`, and at least the next `count` reminders
/// however far ahead (looking in growing windows: two days, a fortnight, two months, a year).
fn at_least(
    vault: &Vault,
    zone: Tz,
    from: DateTime<Utc>,
    count: u32,
    horizon: Duration,
) -> Result<Vec<Planned>> {
    let wanted = usize::try_from(count).unwrap_or(usize::MAX);
    let mut found = Vec::new();
    for days in [2, 16, 64, 400] {
        let window = Duration::days(days);
        found = planned(vault, zone, from, from + window.max(horizon), false)?;
        if found.len() >= wanted {
            break;
        }
    }
    let within = found
        .iter()
        .take_while(|p| p.deliver < from + horizon)
        .count();
    found.truncate(wanted.max(within));
    Ok(found)
}

/// When the next reminder is to be shown after `now`, if any within a year: the shell's timer.
pub fn next_wake(vault: &Vault, now: DateTime<Utc>, zone: Tz) -> Result<Option<DateTime<Utc>>> {
    Ok(next_due(vault, now + Duration::seconds(1), zone, 1)?
        .first()
        .and_then(|d| DateTime::parse_from_rfc3339(&d.deliver_utc).ok())
        .map(|t| t.with_timezone(&Utc)))
}

/// Settles every reminder whose time has come by `now` (looking back [`CATCH_UP`]): one whose
/// meeting has started, or a check-in more than [`GRACE`] late, is recorded as missed; the rest
/// are recorded as delivered and returned, to be shown. Each is recorded in the vault before it
/// is returned, and a reminder already recorded (by this or another process) is never
/// returned again.
pub fn take_due(vault: &Vault, now: DateTime<Utc>, zone: Tz) -> Result<Vec<Delivery>> {
    let due = planned(
        vault,
        zone,
        now - CATCH_UP,
        now + Duration::seconds(1),
        true,
    )?;
    if due.is_empty() {
        return Ok(Vec::new());
    }
    let details = vault.read(store::group_details)?;
    vault.write(|tx| {
        let mut shown = Vec::new();
        for p in &due {
            let late = match p.start {
                Some(start) => start <= now,
                None => now - p.deliver > GRACE,
            };
            let outcome = if late {
                Outcome::Missed
            } else {
                Outcome::Delivered
            };
            let recorded = store::record(
                tx,
                p.rule_id,
                p.due,
                p.occurrence_id.as_deref(),
                outcome,
                None,
                now,
            )?;
            if recorded && !late {
                let detail = p.group_id.and_then(|g| details.get(&g));
                shown.push(Delivery {
                    reminder: due_reminder(p, zone),
                    notice: notice::notice(p.kind, p.start, now, detail),
                });
            }
        }
        Ok(shown)
    })
}

/// What the notifications within `horizon` of `now`, and at least the next `at_least_count`,
/// will say: the list the shell keeps in memory to deliver from while the vault is locked, so
/// even a monthly reminder is in it however long ago the list was made. Holds no user text.
pub fn upcoming_notices(
    vault: &Vault,
    now: DateTime<Utc>,
    zone: Tz,
    horizon: Duration,
    at_least_count: u32,
) -> Result<Vec<Delivery>> {
    let details = vault.read(store::group_details)?;
    Ok(at_least(vault, zone, now, at_least_count, horizon)?
        .iter()
        .map(|p| Delivery {
            reminder: due_reminder(p, zone),
            notice: notice::notice(
                p.kind,
                p.start,
                p.deliver,
                p.group_id.and_then(|g| details.get(&g)),
            ),
        })
        .collect())
}

fn parse_due(due_utc: &str) -> Result<DateTime<Utc>> {
    crate::time::parse_instant("due_utc", due_utc)
}

fn rule_exists(vault: &Vault, rule_id: i64) -> Result<()> {
    get_rule(vault, rule_id).map(|_| ())
}

/// Shows a reminder again later (from its notification or from the app). The time counts from
/// the reminder's own due time when that is still ahead: "one hour" on tomorrow's check-in
/// means an hour after it, never an hour from now.
pub fn snooze(
    vault: &Vault,
    rule_id: i64,
    due_utc: &str,
    snooze: SnoozeFor,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<DateTime<Utc>> {
    let due = parse_due(due_utc)?;
    rule_exists(vault, rule_id)?;
    let until = snooze.until(now.max(due), zone);
    vault.write(|tx| store::record(tx, rule_id, due, None, Outcome::Snoozed, Some(until), now))?;
    Ok(until)
}

/// Records a snooze chosen while the vault was locked, with the time it was chosen for.
pub fn record_snooze(
    vault: &Vault,
    rule_id: i64,
    due_utc: &str,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let due = parse_due(due_utc)?;
    rule_exists(vault, rule_id)?;
    vault.write(|tx| store::record(tx, rule_id, due, None, Outcome::Snoozed, Some(until), now))?;
    Ok(())
}

/// Settles a reminder without showing it (again): from its notification, or ahead of time.
pub fn dismiss(vault: &Vault, rule_id: i64, due_utc: &str, now: DateTime<Utc>) -> Result<()> {
    let due = parse_due(due_utc)?;
    rule_exists(vault, rule_id)?;
    vault.write(|tx| store::dismiss(tx, rule_id, due, now))
}

/// The reminders settled since `since`, newest first (the Reminders screen's recent list).
pub fn history(vault: &Vault, since: DateTime<Utc>) -> Result<Vec<LogEntry>> {
    vault.read(|conn| store::history(conn, since))
}

/// Records a reminder the shell settled while the vault was locked (from the list kept in
/// memory): shown, or missed because its meeting had started. A reminder already recorded is
/// left as it is.
pub fn record_settled(
    vault: &Vault,
    rule_id: i64,
    due_utc: &str,
    shown: bool,
    at: DateTime<Utc>,
) -> Result<()> {
    let due = parse_due(due_utc)?;
    let outcome = if shown {
        Outcome::Delivered
    } else {
        Outcome::Missed
    };
    vault.write(|tx| store::record(tx, rule_id, due, None, outcome, None, at))?;
    Ok(())
}
