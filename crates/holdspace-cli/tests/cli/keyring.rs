//! The keyring through the CLI: a real Secret Service (scripts/with-keyring.sh), and none at all.

use crate::support::*;

fn secret_service_here() -> bool {
    if std::env::var_os("HOLDSPACE_TEST_SECRET_SERVICE").is_some() {
        return true;
    }
    eprintln!("skipped: needs a Secret Service; run through scripts/test.sh (dbus-run-session + gnome-keyring)");
    false
}

/// No session bus and no display: the Secret Service cannot be reached at all.
const NO_BUS: &[(&str, Option<&str>)] = &[("DBUS_SESSION_BUS_ADDRESS", None), ("DISPLAY", None)];

#[test]
fn without_a_reachable_keyring_init_fails_clearly_and_writes_nothing() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_env(&["--json", "init"], "", NO_BUS);
    assert_eq!(run.code, 1, "an unreachable keyring is a user-facing error");
    assert_eq!(run.error_json()["code"], "keyring_unavailable");
    assert!(
        run.error_json()["message"]
            .as_str()
            .unwrap()
            .contains("--no-keyring"),
        "the message says what to do"
    );
    assert!(
        !sandbox.dir().exists(),
        "no vault, no folder, no plain key left behind"
    );
}

#[test]
fn a_keyring_vault_unlocks_silently_and_recovers_when_the_entry_is_deleted() {
    if !secret_service_here() {
        return;
    }
    let sandbox = Sandbox::new();
    let init = sandbox.run(&["--json", "init"], "");
    assert_eq!(init.code, 0, "init with the keyring: {}", init.stderr);
    let code = init.json()["recovery_code"].as_str().unwrap().to_string();
    assert_eq!(
        sandbox.run(&["unlock"], "").code,
        0,
        "the keyring unlocks with no passphrase"
    );

    let cut_off = sandbox.run_env(&["--json", "unlock"], "", NO_BUS);
    assert_eq!(cut_off.code, 1);
    assert_eq!(
        cut_off.error_json()["code"],
        "keyring_unavailable",
        "no silent fallback when unreachable"
    );

    // Behind the app's back.
    let cleared = std::process::Command::new("secret-tool")
        .args(["clear", "service", "holdspace"])
        .status()
        .unwrap();
    assert!(cleared.success(), "secret-tool must clear the entry");
    let gone = sandbox.run(&["--json", "unlock"], "");
    assert_eq!(
        gone.error_json()["code"],
        "keyring_unavailable",
        "a deleted entry is reported"
    );

    let recover = sandbox.run(&["recover"], &format!("{code}\nfresh passphrase here\n"));
    assert_eq!(
        recover.code, 0,
        "recovery with the code and a new passphrase: {}",
        recover.stderr
    );
    let pass = sandbox.write_pass_file("fresh.txt", "fresh passphrase here");
    assert_eq!(
        sandbox
            .run(&["unlock", "--passphrase-file", pass.to_str().unwrap()], "")
            .code,
        0
    );
    let status = sandbox.run(&["--json", "status"], "").json();
    assert_eq!(
        status["protectors"],
        serde_json::json!(["passphrase", "recovery-code"]),
        "the dead keyring protector is gone"
    );
}
