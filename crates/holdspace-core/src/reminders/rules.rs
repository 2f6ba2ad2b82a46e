//! Reminder rules and settings: what the user asks to be reminded of, and how.

use chrono::{DateTime, Utc};

use super::model::{self, ReminderRule, ReminderSettings, RuleInput};
use super::{not_found, store, text};
use crate::vault::Vault;
use crate::{Error, Result};

fn check_group(vault: &Vault, input: &RuleInput) -> Result<()> {
    if let Some(group_id) = input.group_id {
        if !vault.read(|conn| crate::groups::exists(conn, group_id))? {
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
