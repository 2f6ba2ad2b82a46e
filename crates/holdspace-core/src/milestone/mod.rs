//! An optional private milestone: a "since" date (a clean date, a first meeting) and the days
//! since it, without shame. Resetting ends the current run and starts a new one; earlier runs
//! are kept.

mod store;

use chrono::NaiveDate;
use serde::Serialize;

use crate::groups::model::text;
use crate::time::parse_date;
use crate::vault::Vault;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct MilestoneRun {
    pub since: String,
    /// Absent for the current run.
    pub ended_on: Option<String>,
    pub days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Milestone {
    pub label: String,
    pub since: String,
    /// Whole days from `since` to today.
    pub days: u32,
    /// Earlier runs, most recent first.
    pub earlier: Vec<MilestoneRun>,
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days().max(0)).unwrap_or(u32::MAX)
}

/// Starts the milestone (only when none is running).
pub fn start(vault: &Vault, label: &str, since: &str, today: NaiveDate) -> Result<Milestone> {
    let label = text("label", label, 120, true)?;
    let since = parse_date("since", since)?;
    if since > today {
        return Err(Error::invalid("since: cannot be in the future"));
    }
    vault.write(|tx| {
        if store::current(tx)?.is_some() {
            return Err(Error::Conflict(
                "a milestone is already running; reset it instead".into(),
            ));
        }
        store::insert(tx, &label, &since.to_string())
    })?;
    current(vault, today)?.ok_or(Error::NotFound { what: "milestone" })
}

/// Ends the current run on `since` and starts a new one from it.
pub fn reset(vault: &Vault, since: &str, today: NaiveDate) -> Result<Milestone> {
    let since = parse_date("since", since)?;
    if since > today {
        return Err(Error::invalid("since: cannot be in the future"));
    }
    vault.write(|tx| {
        let (id, label, started) = store::current(tx)?.ok_or(Error::NotFound {
            what: "running milestone",
        })?;
        if since < started {
            return Err(Error::invalid(
                "since: cannot be before the current run began",
            ));
        }
        store::end(tx, id, &since.to_string())?;
        store::insert(tx, &label, &since.to_string())
    })?;
    current(vault, today)?.ok_or(Error::NotFound { what: "milestone" })
}

/// The running milestone with its history, or `None` when the user has none.
pub fn current(vault: &Vault, today: NaiveDate) -> Result<Option<Milestone>> {
    let runs = vault.read(store::all)?;
    let Some(now) = runs.iter().find(|r| r.ended_on.is_none()) else {
        return Ok(None);
    };
    let since = parse_date("since", &now.since)?;
    let mut earlier: Vec<MilestoneRun> = runs
        .iter()
        .filter_map(|r| {
            let ended = r.ended_on.as_deref()?;
            let (from, to) = (
                parse_date("since", &r.since).ok()?,
                parse_date("ended_on", ended).ok()?,
            );
            Some(MilestoneRun {
                since: r.since.clone(),
                ended_on: Some(ended.to_string()),
                days: days_between(from, to),
            })
        })
        .collect();
    earlier.reverse();
    Ok(Some(Milestone {
        label: now.label.clone(),
        since: now.since.clone(),
        days: days_between(since, today),
        earlier,
    }))
}
