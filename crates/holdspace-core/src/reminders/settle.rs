//! What the user does with a reminder (snooze, dismiss), what the shell settled while the
//! vault was locked, and the record of what became of each.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::model::LogEntry;
use super::plan::Outcome;
use super::{get_rule, store, SnoozeFor};
use crate::vault::Vault;
use crate::Result;

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
