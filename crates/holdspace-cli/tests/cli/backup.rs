//! `backup create` and `backup restore` from a shell: the backup passphrase on stdin, a restore
//! into a fresh data folder that opens with the vault's own passphrase, and refusals that
//! change nothing.

use crate::support::*;

const BACKUP_PASSPHRASE: &str = "the backup's own passphrase";

#[test]
fn a_backup_restores_into_a_fresh_data_folder_and_opens_with_the_vaults_passphrase() {
    let original = Sandbox::new();
    original.init_passphrase_vault();
    let added = original.run_json_with(
        &[
            "contact",
            "add",
            "--name",
            "Sam",
            "--phone",
            "mobile=+49 170 1234567",
        ],
        "",
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let file = original.dir().join("vault.backup");
    let created = original.run_json_with(
        &["backup", "create", "--out", file.to_str().unwrap()],
        &format!("{BACKUP_PASSPHRASE}\n"),
    );
    assert_eq!(created.code, 0, "{}", created.stderr);
    assert!(created.json()["database_bytes"].as_u64().unwrap() > 0);

    let fresh = Sandbox::new();
    let wrong = fresh.run_json_with(
        &["backup", "restore", file.to_str().unwrap()],
        "not the passphrase\n",
    );
    assert_eq!(wrong.code, 1);
    assert_eq!(wrong.error_json()["code"], "wrong_passphrase");
    assert!(
        !fresh.dir().exists() || fresh.snapshot().is_empty(),
        "a refused restore writes nothing"
    );

    let restored = fresh.run_json_with(
        &["backup", "restore", file.to_str().unwrap()],
        &format!("{BACKUP_PASSPHRASE}\n"),
    );
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    assert_eq!(
        restored.json()["protectors"],
        serde_json::json!(["passphrase", "recovery-code"])
    );
    // `pass_file` is the same passphrase in every sandbox: the restored vault opens with it.
    let contacts = fresh.run_json_with(&["contact", "list"], "");
    assert_eq!(contacts.code, 0, "{}", contacts.stderr);
    assert_eq!(contacts.json()[0]["display_name"], "Sam");

    let again = fresh.run_json_with(
        &["backup", "restore", file.to_str().unwrap()],
        &format!("{BACKUP_PASSPHRASE}\n"),
    );
    assert_eq!(again.code, 1, "restoring over a vault needs --replace");
    assert_eq!(again.error_json()["code"], "conflict");
}
