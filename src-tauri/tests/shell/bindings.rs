//! `ui/src/ipc/bindings.ts` is generated from the Rust commands and types and committed. This
//! test regenerates it and fails when the committed file differs; run with
//! HOLDSPACE_UPDATE_BINDINGS=1 to rewrite it.

use std::path::Path;

use holdspace_app::{ipc, COMMAND_NAMES};

fn committed_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(ipc::BINDINGS_PATH)
}

#[test]
fn the_committed_typescript_bindings_match_the_rust_commands() {
    let dir = tempfile::tempdir().unwrap();
    let fresh_path = dir.path().join("bindings.ts");
    ipc::builder::<tauri::Wry>()
        .export(ipc::typescript(), &fresh_path)
        .unwrap();
    let fresh = std::fs::read_to_string(&fresh_path).unwrap();
    if std::env::var_os("HOLDSPACE_UPDATE_BINDINGS").is_some() {
        std::fs::write(committed_path(), &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(committed_path()).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/ipc/bindings.ts is stale: run `HOLDSPACE_UPDATE_BINDINGS=1 cargo test -p holdspace-app --test shell bindings` and commit it"
    );
}

#[test]
fn every_registered_command_has_a_permission_and_every_permission_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bindings.ts");
    ipc::builder::<tauri::Wry>()
        .export(ipc::typescript(), &path)
        .unwrap();
    let bindings = std::fs::read_to_string(path).unwrap();
    let invoked = bindings.matches("TAURI_INVOKE(\"").count();
    assert_eq!(
        invoked,
        COMMAND_NAMES.len(),
        "command_names.rs must list exactly the registered commands"
    );
    for name in COMMAND_NAMES {
        assert!(
            bindings.contains(&format!("TAURI_INVOKE(\"{name}\"")),
            "{name} is listed but not registered"
        );
    }
}

/// The UI shows the built-in templates in its own language from its translation files; in
/// English those words must be the core's, or an English journal would change its questions.
#[test]
fn the_english_words_of_the_built_in_templates_are_the_cores_own() {
    use holdspace_core::templates::BuiltinTemplate;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/i18n/en.json");
    let english: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for (builtin, id) in [
        (BuiltinTemplate::DailyCheckIn, "daily-check-in"),
        (BuiltinTemplate::PreMeeting, "pre-meeting"),
        (BuiltinTemplate::PostMeeting, "post-meeting"),
    ] {
        assert_eq!(
            english[format!("template.{id}.name")].as_str(),
            Some(builtin.name()),
            "{id}: the name in en.json"
        );
        assert_eq!(
            english[format!("template.{id}.body")].as_str(),
            Some(builtin.body()),
            "{id}: the questions in en.json"
        );
    }
}
