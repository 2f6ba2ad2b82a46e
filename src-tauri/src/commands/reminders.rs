//! Reminders: rules, settings, what is coming, snooze and dismiss. Every change wakes the
//! reminder timer so it recomputes at once.

use chrono::Duration;
use holdspace_core::reminders::{
    self, DueReminder, LogEntry, ReminderRule, ReminderSettings, RuleInput, SnoozeFor,
};
use holdspace_core::time::system_zone;
use tauri::State;

use crate::error::CommandResult;
use crate::reminders::timer::Clock;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_list(state: State<'_, AppState>) -> CommandResult<Vec<ReminderRule>> {
    Ok(reminders::list_rules(&*state.session.vault()?)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_add(state: State<'_, AppState>, rule: RuleInput) -> CommandResult<ReminderRule> {
    Ok(state.after_change(reminders::add_rule(
        &*state.session.vault()?,
        &rule,
        state.clock.now(),
    ))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_edit(
    state: State<'_, AppState>,
    id: i64,
    rule: RuleInput,
) -> CommandResult<ReminderRule> {
    Ok(state.after_change(reminders::edit_rule(
        &*state.session.vault()?,
        id,
        &rule,
        state.clock.now(),
    ))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_set_enabled(
    state: State<'_, AppState>,
    id: i64,
    enabled: bool,
) -> CommandResult<ReminderRule> {
    Ok(state.after_change(reminders::set_enabled(
        &*state.session.vault()?,
        id,
        enabled,
        state.clock.now(),
    ))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state.after_change(reminders::delete_rule(&*state.session.vault()?, id))?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_settings(state: State<'_, AppState>) -> CommandResult<ReminderSettings> {
    Ok(reminders::settings(&*state.session.vault()?)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_set_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> CommandResult<ReminderSettings> {
    Ok(state.after_change(reminders::set_settings(
        &*state.session.vault()?,
        &settings,
        state.clock.now(),
    ))?)
}

/// The next `count` reminders, as the timer will show them.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_next(state: State<'_, AppState>, count: u32) -> CommandResult<Vec<DueReminder>> {
    let vault = state.session.vault()?;
    Ok(reminders::next_due(
        &vault,
        state.clock.now(),
        system_zone(),
        count,
    )?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_snooze(
    state: State<'_, AppState>,
    rule_id: i64,
    due_utc: String,
    snooze: SnoozeFor,
) -> CommandResult<()> {
    let vault = state.session.vault()?;
    let snoozed = reminders::snooze(
        &vault,
        rule_id,
        &due_utc,
        snooze,
        state.clock.now(),
        system_zone(),
    );
    state.after_change(snoozed)?;
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_dismiss(
    state: State<'_, AppState>,
    rule_id: i64,
    due_utc: String,
) -> CommandResult<()> {
    let vault = state.session.vault()?;
    Ok(state.after_change(reminders::dismiss(
        &vault,
        rule_id,
        &due_utc,
        state.clock.now(),
    ))?)
}

/// What became of the reminders of the last `days` days, newest first.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn reminder_history(state: State<'_, AppState>, days: u32) -> CommandResult<Vec<LogEntry>> {
    let since = state.clock.now() - Duration::days(i64::from(days.clamp(1, 366)));
    Ok(reminders::history(&*state.session.vault()?, since)?)
}
