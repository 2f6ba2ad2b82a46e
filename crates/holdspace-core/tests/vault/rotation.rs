//! Rotating the data key: every page re-encrypted under a new key, the data as it was, the
//! passphrase and keyring still working, the old recovery code retired for a new one.

use std::sync::Arc;

use holdspace_core::vault::{CreateOptions, RecoveryCode, Unlock, Vault, VaultPaths};
use holdspace_core::ErrorCode;

use crate::support::*;

fn pages(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.chunks(4096).collect()
}

#[test]
fn rotating_the_key_re_encrypts_every_page_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, old_code) = passphrase_vault(dir.path());
    for i in 0..200 {
        write_probe(
            &vault,
            &format!("entry {i}: {}", "a line about my week. ".repeat(10)),
        );
    }
    let rows = read_probes(&vault).unwrap();
    vault.lock().unwrap();
    let before = std::fs::read(dir.path().join("holdspace.db")).unwrap();
    vault
        .unlock(Unlock::Passphrase(secret(PASSPHRASE)))
        .unwrap();

    let new_code = vault.rotate_data_key(Some(&secret(PASSPHRASE))).unwrap();
    assert_eq!(
        read_probes(&vault).unwrap(),
        rows,
        "the open vault reads the same rows"
    );
    vault.lock().unwrap();
    let after = std::fs::read(dir.path().join("holdspace.db")).unwrap();
    let same = pages(&before)
        .iter()
        .zip(pages(&after))
        .filter(|(a, b)| **a == *b)
        .count();
    assert_eq!(same, 0, "no page of the file is as the old key left it");
    let manifest = std::fs::read_to_string(dir.path().join("vault.json")).unwrap();
    assert!(
        !manifest.contains("pending_rotation"),
        "no rotation is left pending"
    );

    let vault = load(dir.path());
    vault
        .unlock(Unlock::Passphrase(secret(PASSPHRASE)))
        .unwrap();
    assert_eq!(
        read_probes(&vault).unwrap(),
        rows,
        "every row, after a fresh unlock"
    );
    assert!(
        !vault.status().unwrap().needs_new_recovery_code,
        "the new code was handed over, so none is asked for"
    );
    vault.lock().unwrap();
    assert_eq!(
        vault
            .unlock(Unlock::RecoveryCode(old_code))
            .unwrap_err()
            .code(),
        ErrorCode::WrongPassphrase,
        "the old recovery code no longer opens the vault"
    );
    let typed = new_code.display_form().expose().clone();
    vault
        .unlock(Unlock::RecoveryCode(RecoveryCode::parse(&typed).unwrap()))
        .unwrap();
    let report = vault
        .doctor(Unlock::Passphrase(secret(PASSPHRASE)))
        .unwrap();
    assert!(report.ok, "sound after the rotation: {:?}", report.checks);
}

#[test]
fn a_wrong_or_missing_passphrase_rotates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    write_probe(&vault, "kept as it is");
    let before = std::fs::read(dir.path().join("vault.json")).unwrap();
    assert_eq!(
        vault
            .rotate_data_key(Some(&secret("not the passphrase")))
            .unwrap_err()
            .code(),
        ErrorCode::WrongPassphrase
    );
    assert_eq!(
        vault.rotate_data_key(None).unwrap_err().code(),
        ErrorCode::InvalidInput,
        "the new key must be sealed under the passphrase, so it is asked for"
    );
    assert_eq!(
        std::fs::read(dir.path().join("vault.json")).unwrap(),
        before,
        "vault.json is as it was"
    );
    assert_eq!(
        read_probes(&vault).unwrap().len(),
        1,
        "the vault stays open and whole"
    );
}

#[test]
fn a_keyring_vault_rotates_into_a_new_entry_and_leaves_one() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = Arc::new(MemoryKeyring::default());
    let created = Vault::create(
        VaultPaths::new(dir.path()),
        keyring.clone(),
        CreateOptions {
            passphrase: None,
            use_keyring: true,
            kdf: fast_kdf(),
        },
    )
    .unwrap();
    write_probe(&created.vault, "in a keyring vault");
    let entry_before = keyring.stored_keys();
    created.vault.rotate_data_key(None).unwrap();
    let entry_after = keyring.stored_keys();
    assert_eq!(
        entry_after.len(),
        1,
        "the old keyring entry is deleted, the new one kept"
    );
    assert_ne!(entry_before, entry_after, "the entry is a new one");
    created.vault.lock().unwrap();
    let vault = Vault::load(VaultPaths::new(dir.path()), keyring.clone()).unwrap();
    vault.unlock(Unlock::Keyring).unwrap();
    assert_eq!(read_probes(&vault).unwrap()[0].1, "in a keyring vault");
}
