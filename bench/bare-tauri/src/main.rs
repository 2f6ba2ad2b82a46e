//! The baseline of the app metrics: a Tauri 2 app with one window of the app's size showing an
//! empty page, built in the same profile as Holdspace. Its page reports its first paint the way
//! Holdspace's does, and it writes the time to `HOLDSPACE_FIRST_PAINT_FILE` the same way.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

#[tauri::command]
fn first_screen_painted() {
    let Some(path) = std::env::var_os("HOLDSPACE_FIRST_PAINT_FILE") else {
        return;
    };
    let micros = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or(0);
    // A failure leaves the harness waiting, and it says so; nothing else depends on the file.
    let _ = std::fs::write(path, micros.to_string());
}

fn main() -> ExitCode {
    match tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_screen_painted])
        .run(tauri::generate_context!())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
