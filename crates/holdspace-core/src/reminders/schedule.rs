//! The schedule read from the vault: what is due next, what is due now (settled and recorded
//! before it is shown), and the list kept for a locked vault.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::model::{self, ReminderRule, RuleKind};
use super::plan::{self, Log, Outcome, PlanInput, Planned};
use super::quiet::QuietHours;
use super::{
    due_reminder, notice, store, Delivery, DueReminder, Wording, CATCH_UP, GRACE, MAX_COUNT,
};
use crate::meetings;
use crate::vault::Vault;
use crate::{Error, Language, Result};

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
        .and_then(|d| crate::time::instant(&d.deliver_utc)))
}

/// Settles every reminder whose time has come by `now` (looking back [`CATCH_UP`]): one whose
/// meeting has started, or a check-in more than [`GRACE`] late, is recorded as missed; the rest
/// are recorded as delivered and returned, to be shown. Each is recorded in the vault before it
/// is returned, and a reminder already recorded (by this or another process) is never
/// returned again. Their texts are in `language`, the one the person's window speaks.
pub fn take_due(
    vault: &Vault,
    now: DateTime<Utc>,
    zone: Tz,
    language: Language,
) -> Result<Vec<Delivery>> {
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
                    notice: notice::notice(p.kind, p.start, now, detail, language),
                    wording: Wording {
                        detail: detail.cloned(),
                        language,
                    },
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
    language: Language,
) -> Result<Vec<Delivery>> {
    let details = vault.read(store::group_details)?;
    Ok(at_least(vault, zone, now, at_least_count, horizon)?
        .iter()
        .map(|p| {
            let detail = p.group_id.and_then(|g| details.get(&g));
            Delivery {
                reminder: due_reminder(p, zone),
                notice: notice::notice(p.kind, p.start, p.deliver, detail, language),
                wording: Wording {
                    detail: detail.cloned(),
                    language,
                },
            }
        })
        .collect())
}
