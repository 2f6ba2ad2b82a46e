//! Commands through the real IPC layer on tauri's mock runtime: arguments deserialize, results
//! and typed errors serialize as the UI expects.

use holdspace_app::state::AppState;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::Manager;

fn invoke(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<serde_json::Value>().unwrap())
}

#[test]
fn vault_commands_round_trip_through_ipc_with_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let ipc = holdspace_app::ipc::builder::<tauri::test::MockRuntime>();
    let app = mock_builder()
        .invoke_handler(ipc.invoke_handler())
        .build(mock_context(noop_assets()))
        .unwrap();
    app.manage(AppState::new(dir.path().join("vault")));
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();

    let state = invoke(&webview, "vault_state", serde_json::json!({})).unwrap();
    assert_eq!(
        state["phase"], "no_vault",
        "a fresh folder asks for set-up: {state}"
    );

    let short = invoke(
        &webview,
        "vault_create",
        serde_json::json!({"request": {"use_keyring": false, "passphrase": "short"}}),
    )
    .expect_err("a short passphrase is refused");
    assert_eq!(
        short["code"], "invalid_input",
        "errors cross as {{code, message}}: {short}"
    );
    assert!(
        !short["message"].as_str().unwrap().contains("short"),
        "and never echo the input"
    );

    let created = invoke(&webview, "vault_create", serde_json::json!({"request": {"use_keyring": false, "passphrase": "a good long passphrase"}})).unwrap();
    assert_eq!(created["state"]["phase"], "unlocked");
    assert_eq!(created["recovery_code"].as_str().unwrap().len(), 29);

    let locked = invoke(&webview, "vault_lock", serde_json::json!({})).unwrap();
    assert_eq!(locked["phase"], "locked");
    let wrong = invoke(
        &webview,
        "vault_unlock",
        serde_json::json!({"request": {"method": "passphrase", "passphrase": "not it at all"}}),
    )
    .expect_err("a wrong passphrase is an error");
    assert_eq!(wrong["code"], "wrong_passphrase");
    let unlocked = invoke(&webview, "vault_unlock", serde_json::json!({"request": {"method": "passphrase", "passphrase": "a good long passphrase"}})).unwrap();
    assert_eq!(unlocked["phase"], "unlocked");
}

#[test]
fn the_demo_runs_unlocked_on_sample_data_says_it_is_the_demo_and_leaves_start_at_login_alone() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("demo");
    std::fs::create_dir(&dir).unwrap();
    let session = holdspace_core::demo::create_demo_session(
        &dir,
        chrono::Utc::now().date_naive(),
        chrono::Utc::now(),
        "UTC",
        holdspace_core::Language::En,
    )
    .unwrap();
    let ipc = holdspace_app::ipc::builder::<tauri::test::MockRuntime>();
    let app = mock_builder()
        .invoke_handler(ipc.invoke_handler())
        .build(mock_context(noop_assets()))
        .unwrap();
    app.manage(AppState::with_session(dir, session, true));
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();

    assert_eq!(
        invoke(&webview, "demo_active", serde_json::json!({})).unwrap(),
        true,
        "the UI is told it runs the demo, to say so on every screen"
    );
    let groups = invoke(
        &webview,
        "group_list",
        serde_json::json!({"includeArchived": false}),
    )
    .unwrap();
    assert_eq!(
        groups.as_array().map(Vec::len),
        Some(4),
        "the demo opens unlocked on its sample groups: {groups}"
    );
    let mut preferences = invoke(&webview, "preferences_get", serde_json::json!({})).unwrap();
    preferences["start_at_login"] = serde_json::json!(true);
    let refused = invoke(
        &webview,
        "preferences_set",
        serde_json::json!({ "preferences": preferences }),
    )
    .expect_err("start at login belongs to the person's own Holdspace");
    assert_eq!(refused["code"], "conflict", "{refused}");
}
