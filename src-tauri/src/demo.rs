//! The demo: `holdspace --demo` runs a second Holdspace on a throw-away vault of made-up data
//! in a new temporary folder, which it removes as it exits. The vault's key lives only in this
//! process (never in the OS keyring), and the folder is its own, so the demo can neither see
//! nor change the person's own vault, and runs beside it as an instance of its own.

use std::path::{Path, PathBuf};

use chrono::Utc;
use holdspace_core::demo::{create_demo_session, new_demo_folder};
use holdspace_core::vault::Session;

use crate::preferences::{self, Language, Preferences};

/// The argument that starts the demo.
pub const DEMO_FLAG: &str = "--demo";
/// Its language, as the person's app passes it (`--demo-language=de`): the demo speaks the
/// language the person was reading when they opened it.
const LANGUAGE_FLAG: &str = "--demo-language=";

/// Whether this process was started as the demo.
pub fn requested() -> bool {
    std::env::args().any(|a| a == DEMO_FLAG)
}

/// The demo's language: the one passed, else the system's (German for a German locale, else
/// English, as the UI chooses).
fn language() -> Language {
    let passed = std::env::args().find_map(|a| match a.strip_prefix(LANGUAGE_FLAG)? {
        "de" => Some(Language::De),
        "en" => Some(Language::En),
        _ => None,
    });
    passed.unwrap_or_else(crate::language::system)
}

/// A new folder for the demo, readable by this user only.
pub fn folder() -> Result<PathBuf, String> {
    new_demo_folder().map_err(|e| e.to_string())
}

/// The demo's vault in `dir`, filled and unlocked. On failure the folder is removed again and
/// the reason returned for the terminal.
pub fn fill(dir: &Path) -> Result<Session, String> {
    let fail = |reason: String| {
        remove(dir);
        format!("could not fill the demo vault: {reason}")
    };
    // The sample data and the UI speak the same language: the demo's own preferences say it.
    let language = language();
    let choices = Preferences {
        language: Some(language),
        ..Preferences::default()
    };
    preferences::save(dir, &choices).map_err(|e| fail(e.to_string()))?;
    // Today where the sample meetings are held: a zone the system cannot name falls back to
    // UTC, and a "today" from another zone could lie ahead of it.
    let zone = holdspace_core::time::system_zone();
    let now = Utc::now();
    let today = now.with_timezone(&zone).date_naive();
    create_demo_session(dir, today, now, zone.name(), language)
        .map_err(|error| fail(error.to_string()))
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
pub fn open_in_new_process(language: Language) -> std::io::Result<()> {
    let code = match language {
        Language::De => "de",
        Language::En => "en",
    };
    let mut child = std::process::Command::new(std::env::current_exe()?)
        .arg(DEMO_FLAG)
        .arg(format!("{LANGUAGE_FLAG}{code}"))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reaped when it ends, so a closed demo leaves no zombie behind while this app runs.
    std::thread::spawn(move || child.wait());
    Ok(())
}
