//! The moment the first screen has painted, for the app metrics of `make bench`: the UI reports
//! it once, and when `HOLDSPACE_FIRST_PAINT_FILE` names a file the shell writes the wall-clock
//! time there, in microseconds since the UNIX epoch, for the harness that started the process
//! to subtract its start from. The bare Tauri baseline (bench/bare-tauri) writes the same
//! file the same way, so the two figures are comparable. Without the variable, nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

pub const FIRST_PAINT_FILE_ENV: &str = "HOLDSPACE_FIRST_PAINT_FILE";

/// Only the first report counts: the unlock screen shown again after a lock is not a start.
static REPORTED: AtomicBool = AtomicBool::new(false);

pub fn record() {
    if REPORTED.swap(true, Ordering::SeqCst) {
        return;
    }
    let Some(path) = std::env::var_os(FIRST_PAINT_FILE_ENV) else {
        return;
    };
    let micros = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or(0);
    // A metric, not the person's data: a failure only leaves the harness waiting, and it says so.
    if let Err(error) = std::fs::write(&path, micros.to_string()) {
        tracing::warn!(%error, "could not write the first-paint time");
    }
}
