//! The demo: `holdspace --demo` runs a second Holdspace on a throw-away vault of made-up data
//! in a new temporary folder, which it removes as it exits. The vault's key lives only in this
//! process (never in the OS keyring), and the folder is its own, so the demo can neither see
//! nor change the person's own vault, and runs beside it as an instance of its own.

use std::path::{Path, PathBuf};

use chrono::Utc;
use holdspace_core::demo::{create_demo_session, new_demo_folder};
use holdspace_core::vault::Session;

/// The argument that starts the demo.
pub const DEMO_FLAG: &str = "--demo";

/// Whether this process was started as the demo.
pub fn requested() -> bool {
    std::env::args().any(|a| a == DEMO_FLAG)
}

/// A new folder for the demo, readable by this user only.
pub fn folder() -> Result<PathBuf, String> {
    new_demo_folder().map_err(|e| e.to_string())
}

/// The demo's vault in `dir`, filled and unlocked. On failure the folder is removed again and
/// the reason returned for the terminal.
pub fn fill(dir: &Path) -> Result<Session, String> {
    // Today where the sample meetings are held: a zone the system cannot name falls back to
    // UTC, and a "today" from another zone could lie ahead of it.
    let zone = holdspace_core::time::system_zone();
    let now = Utc::now();
    create_demo_session(dir, now.with_timezone(&zone).date_naive(), now, zone.name()).map_err(
        |error| {
            remove(dir);
            format!("could not fill the demo vault: {error}")
        },
    )
}

/// Removes the demo's folder and all in it.
pub fn remove(dir: &Path) {
    let left = holdspace_core::vault::erase_folder(dir);
    if !left.is_empty() {
        tracing::warn!(count = left.len(), "some demo files could not be removed");
    }
}

/// Starts the demo as a process of its own, detached from this one: the person's app and
/// vault carry on as they are.
pub fn open_in_new_process() -> std::io::Result<()> {
    let mut child = std::process::Command::new(std::env::current_exe()?)
        .arg(DEMO_FLAG)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reaped when it ends, so a closed demo leaves no zombie behind while this app runs.
    std::thread::spawn(move || child.wait());
    Ok(())
}
