//! init, status, unlock, passphrase, protector, recover, recovery, doctor.

use crate::support::*;

#[test]
fn init_with_json_prints_one_object_with_the_vault_id_and_recovery_code() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(
        &["init", "--no-keyring", "--passphrase-stdin", "--json"],
        &format!("{PASSPHRASE}\n"),
    );
    assert_eq!(run.code, 0, "init exits 0: {}", run.stderr);
    let doc = run.json();
    assert!(
        doc["vault_id"].as_str().is_some_and(|s| s.len() == 36),
        "vault_id is a UUID: {doc}"
    );
    let code = doc["recovery_code"].as_str().unwrap();
    assert_eq!(
        code.len(),
        29,
        "the recovery code is five groups of five: {code}"
    );
    assert!(
        run.stderr.is_empty(),
        "nothing else is printed: {}",
        run.stderr
    );
}

#[test]
fn status_json_describes_the_vault_and_global_options_go_anywhere() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let after = sandbox.run(&["status", "--json"], "");
    let before = sandbox.run(&["--json", "status"], "");
    assert_eq!(after.code, 0);
    assert_eq!(
        after.stdout, before.stdout,
        "--json is accepted before or after the subcommand"
    );
    let doc = after.json();
    assert_eq!(
        doc["schema_version"],
        holdspace_core::vault::latest_schema_version(),
        "a new vault is at the latest schema version"
    );
    assert_eq!(
        doc["protectors"],
        serde_json::json!(["passphrase", "recovery-code"])
    );
    assert_eq!(
        doc["data_dir"].as_str().unwrap(),
        sandbox.dir().display().to_string()
    );
    assert!(doc["vault_id"].is_string());
}

#[test]
fn unlock_exits_0_with_the_passphrase_1_with_a_wrong_one_and_2_on_a_damaged_vault() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let pass = sandbox.pass_file();
    let ok = sandbox.run(&["unlock", "--passphrase-file", pass.to_str().unwrap()], "");
    assert_eq!(ok.code, 0, "the right passphrase unlocks: {}", ok.stderr);
    let stdin_ok = sandbox.run(
        &["unlock", "--passphrase-stdin"],
        &format!("{PASSPHRASE}\n"),
    );
    assert_eq!(
        stdin_ok.code, 0,
        "unlock may take the passphrase from stdin: {}",
        stdin_ok.stderr
    );

    let wrong = sandbox.write_pass_file("wrong.txt", "not my passphrase");
    let before = sandbox.snapshot();
    let run = sandbox.run(
        &[
            "--json",
            "unlock",
            "--passphrase-file",
            wrong.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 1, "a wrong passphrase is a user error");
    assert!(run.stdout.is_empty(), "errors never go to stdout");
    assert_eq!(run.error_json()["code"], "wrong_passphrase");
    assert_eq!(
        before,
        sandbox.snapshot(),
        "a failed unlock changes no file"
    );

    let db = sandbox.dir().join("holdspace.db");
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() - 1000]).unwrap();
    let damaged = sandbox.run(
        &[
            "--json",
            "unlock",
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(
        damaged.code, 2,
        "a damaged vault exits 2: {}",
        damaged.stderr
    );
    assert_eq!(damaged.error_json()["code"], "vault_damaged");
}

#[test]
fn passphrase_change_reads_the_new_one_from_stdin_and_the_old_stops_working() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let old = sandbox.pass_file();
    let run = sandbox.run(
        &[
            "passphrase",
            "change",
            "--passphrase-file",
            old.to_str().unwrap(),
        ],
        "my new passphrase\n",
    );
    assert_eq!(run.code, 0, "passphrase change succeeds: {}", run.stderr);
    let old_run = sandbox.run(&["unlock", "--passphrase-file", old.to_str().unwrap()], "");
    assert_eq!(old_run.code, 1, "the old passphrase no longer unlocks");
    let new = sandbox.write_pass_file("new.txt", "my new passphrase");
    assert_eq!(
        sandbox
            .run(&["unlock", "--passphrase-file", new.to_str().unwrap()], "")
            .code,
        0,
        "the new one does"
    );
}

#[test]
fn the_last_of_keyring_and_passphrase_cannot_be_removed() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let pass = sandbox.pass_file();
    let before = sandbox.snapshot();
    let run = sandbox.run(
        &[
            "--json",
            "protector",
            "remove",
            "passphrase",
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 1, "removing the only passphrase is refused");
    assert_eq!(run.error_json()["code"], "invalid_input");
    assert_eq!(
        before["vault.json"],
        sandbox.snapshot()["vault.json"],
        "the refusal changes nothing"
    );
}

#[test]
fn recover_takes_the_code_then_a_new_passphrase_from_stdin() {
    let sandbox = Sandbox::new();
    let code = sandbox.init_passphrase_vault();
    let run = sandbox.run(
        &["recover"],
        &format!("{}\nrecovered passphrase\n", code.to_lowercase()),
    );
    assert_eq!(run.code, 0, "recover exits 0: {}", run.stderr);
    let new = sandbox.write_pass_file("new.txt", "recovered passphrase");
    assert_eq!(
        sandbox
            .run(&["unlock", "--passphrase-file", new.to_str().unwrap()], "")
            .code,
        0,
        "the new passphrase unlocks"
    );
    let bad = sandbox.run(
        &["--json", "recover"],
        "00000-00000-00000-00000-00000\nanother passphrase\n",
    );
    assert_eq!(bad.code, 1, "a wrong code is a user error");
    assert_eq!(bad.error_json()["code"], "wrong_passphrase");
    let missing = sandbox.run(&["--json", "recover"], &format!("{code}\n"));
    assert_eq!(
        missing.error_json()["code"],
        "invalid_input",
        "the new passphrase is required"
    );
}

#[test]
fn recovery_regenerate_prints_a_new_code_and_the_old_one_stops_working() {
    let sandbox = Sandbox::new();
    let old = sandbox.init_passphrase_vault();
    let pass = sandbox.pass_file();
    let run = sandbox.run(
        &[
            "--json",
            "recovery",
            "regenerate",
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = run.json()["recovery_code"].as_str().unwrap().to_string();
    assert_ne!(new, old, "a fresh code");
    assert_eq!(
        sandbox
            .run(&["recover"], &format!("{old}\nsome passphrase 1\n"))
            .code,
        1,
        "the old code fails"
    );
    assert_eq!(
        sandbox
            .run(&["recover"], &format!("{new}\nsome passphrase 2\n"))
            .code,
        0,
        "the new code works"
    );
}

#[test]
fn rotate_key_re_encrypts_the_database_and_only_the_new_recovery_code_works() {
    let sandbox = Sandbox::new();
    let old = sandbox.init_passphrase_vault();
    let pass = sandbox.pass_file();
    let pass = pass.to_str().unwrap();
    let added = sandbox.run(
        &[
            "--json",
            "journal",
            "add",
            "--kind",
            "note",
            "--passphrase-file",
            pass,
        ],
        "kept through the key change\n",
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let database = sandbox.dir().join("holdspace.db");
    let before = std::fs::read(&database).unwrap();
    let run = sandbox.run(&["--json", "rotate-key", "--passphrase-file", pass], "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = run.json()["recovery_code"].as_str().unwrap().to_string();
    assert_ne!(new, old, "a fresh recovery code");
    let after = std::fs::read(&database).unwrap();
    assert!(
        before
            .chunks(4096)
            .zip(after.chunks(4096))
            .all(|(a, b)| a != b),
        "every page is encrypted anew"
    );
    let listed = sandbox.run(
        &["--json", "journal", "list", "--passphrase-file", pass],
        "",
    );
    assert!(
        listed.stdout.contains("kept through the key change"),
        "the passphrase still opens the vault, with its entry: {}",
        listed.stderr
    );
    assert_eq!(
        sandbox
            .run(&["recover"], &format!("{old}\nsome passphrase 1\n"))
            .code,
        1,
        "the old code no longer opens the vault"
    );
    assert_eq!(
        sandbox
            .run(&["recover"], &format!("{new}\nsome passphrase 2\n"))
            .code,
        0,
        "the new code does"
    );
}

#[test]
fn doctor_is_read_only_and_exits_2_when_a_check_fails() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let pass = sandbox.pass_file();
    let before = sandbox.snapshot();
    let healthy = sandbox.run(
        &[
            "--json",
            "doctor",
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(healthy.code, 0, "a sound vault passes: {}", healthy.stdout);
    assert_eq!(healthy.json()["ok"], true);
    assert_eq!(before, sandbox.snapshot(), "doctor writes nothing");

    let db = sandbox.dir().join("holdspace.db");
    let mut bytes = std::fs::read(&db).unwrap();
    let last = bytes.len() - 10;
    bytes[last] ^= 0x01;
    std::fs::write(&db, &bytes).unwrap();
    let damaged_before = sandbox.snapshot();
    let damaged = sandbox.run(&["doctor", "--passphrase-file", pass.to_str().unwrap()], "");
    assert_eq!(
        damaged.code, 2,
        "a flipped bit fails a check: {}",
        damaged.stdout
    );
    assert!(
        damaged.stdout.contains("FAIL"),
        "the report says what failed: {}",
        damaged.stdout
    );
    assert_eq!(
        damaged_before,
        sandbox.snapshot(),
        "doctor leaves a damaged vault byte-identical"
    );
}

#[test]
fn commands_on_a_folder_without_a_vault_say_so() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--json", "status"], "");
    assert_eq!(run.code, 1, "no vault is a user error");
    assert_eq!(run.error_json()["code"], "not_found");
    assert!(!sandbox.dir().exists(), "status never creates anything");
}

#[test]
fn a_usage_mistake_is_a_user_error_not_a_damaged_vault() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--json", "protector", "add", "carrier-pigeon"], "");
    assert_eq!(run.code, 1, "exit 2 is reserved for damaged vaults");
    assert!(run.stdout.is_empty(), "nothing on stdout");
    assert_eq!(run.error_json()["code"], "invalid_input");
    let help = sandbox.run(&["--help"], "");
    assert_eq!(help.code, 0, "help is not an error");
}
