//! The real OS keyring (Secret Service on Linux). These run for real under
//! `dbus-run-session -- scripts/with-keyring.sh`, which the test command always uses and which
//! sets HOLDSPACE_TEST_SECRET_SERVICE; run bare, they say why they skip.

use std::sync::Arc;

use holdspace_core::vault::{
    CreateOptions, KeyStore, NewProtector, OsKeyring, ProtectorKind, Unlock, Vault, VaultPaths,
};
use holdspace_core::ErrorCode;

use crate::support::*;

fn secret_service_here() -> bool {
    if std::env::var_os("HOLDSPACE_TEST_SECRET_SERVICE").is_some() {
        return true;
    }
    eprintln!("skipped: needs a Secret Service; run through scripts/test.sh (dbus-run-session + gnome-keyring)");
    false
}

#[test]
fn a_keyring_vault_unlocks_silently_and_recovers_after_its_entry_is_deleted() {
    if !secret_service_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let created = Vault::create(
        VaultPaths::new(dir.path()),
        Arc::new(OsKeyring),
        CreateOptions {
            passphrase: None,
            use_keyring: true,
            kdf: fast_kdf(),
        },
    )
    .expect("creating with the real keyring must work inside the test session");
    let vault = created.vault;
    write_probe(&vault, "canary in a keyring vault");
    vault.lock().unwrap();
    assert_eq!(
        vault.unlock(Unlock::Keyring).unwrap(),
        ProtectorKind::Keyring,
        "the keyring unlocks without a passphrase"
    );
    vault.lock().unwrap();

    // Behind the app's back: a fresh handle to the store deletes the entry.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("vault.json")).unwrap()).unwrap();
    let account = manifest["protectors"]["keyring"]["account"]
        .as_str()
        .unwrap();
    OsKeyring.delete(account).unwrap();
    let before = fingerprint(dir.path());
    let error = vault.unlock(Unlock::Keyring).unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::KeyringUnavailable,
        "a deleted entry is keyring_unavailable"
    );
    assert_eq!(
        before,
        fingerprint(dir.path()),
        "the failed unlock wrote nothing"
    );

    vault
        .recover(
            created.recovery_code,
            NewProtector::Passphrase(secret("my new passphrase")),
        )
        .unwrap();
    assert_eq!(
        vault.status().unwrap().protectors,
        vec![ProtectorKind::Passphrase, ProtectorKind::RecoveryCode],
        "the dead keyring protector is dropped and the new passphrase added"
    );
    vault.lock().unwrap();
    vault
        .unlock(Unlock::Passphrase(secret("my new passphrase")))
        .unwrap();
    assert_eq!(
        read_probes(&vault).unwrap()[0].1,
        "canary in a keyring vault",
        "the canary is intact after recovery"
    );
}
