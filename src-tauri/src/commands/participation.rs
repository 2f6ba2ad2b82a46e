//! Attendance records and insights.

use chrono::{Local, Utc};
use holdspace_core::attendance::{self, Attendance, AttendanceInput};
use holdspace_core::insights::{self, Insights, InsightsQuery};
use holdspace_core::meetings::Occurrence;
use holdspace_core::milestone::{self, Milestone};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn attendance_record(
    state: State<'_, AppState>,
    input: AttendanceInput,
) -> CommandResult<Attendance> {
    Ok(attendance::record(&*state.session.vault()?, &input)?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn attendance_list(
    state: State<'_, AppState>,
    group_id: Option<i64>,
) -> CommandResult<Vec<Attendance>> {
    Ok(attendance::list(&*state.session.vault()?, group_id)?)
}

/// Meetings of the last `days` that ended without a record yet, newest first.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn attendance_awaiting(
    state: State<'_, AppState>,
    days: u32,
    group_id: Option<i64>,
) -> CommandResult<Vec<Occurrence>> {
    let vault = state.session.vault()?;
    Ok(attendance::awaiting_record(
        &vault,
        Utc::now(),
        days,
        group_id,
    )?)
}

/// Insights in the user's own time zone, as of now.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn insights_compute(
    state: State<'_, AppState>,
    query: InsightsQuery,
) -> CommandResult<Insights> {
    Ok(insights::compute(
        &*state.session.vault()?,
        &query,
        &chrono::Local,
        Utc::now(),
    )?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn milestone_current(state: State<'_, AppState>) -> CommandResult<Option<Milestone>> {
    Ok(milestone::current(
        &*state.session.vault()?,
        Local::now().date_naive(),
    )?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn milestone_start(
    state: State<'_, AppState>,
    label: String,
    since: String,
) -> CommandResult<Milestone> {
    Ok(milestone::start(
        &*state.session.vault()?,
        &label,
        &since,
        Local::now().date_naive(),
    )?)
}

#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub fn milestone_reset(state: State<'_, AppState>, since: String) -> CommandResult<Milestone> {
    Ok(milestone::reset(
        &*state.session.vault()?,
        &since,
        Local::now().date_naive(),
    )?)
}
