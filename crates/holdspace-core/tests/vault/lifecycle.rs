//! Create, lock, unlock, protectors, passphrase change, recovery, status.

use std::sync::Arc;

use holdspace_core::vault::{
    CreateOptions, NewProtector, ProtectorKind, RecoveryCode, Unlock, Vault, VaultPaths,
};
use holdspace_core::ErrorCode;

use crate::support::*;

#[test]
fn a_passphrase_vault_keeps_what_was_written_across_lock_and_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    let id = write_probe(&vault, "first check-in");
    vault.lock().unwrap();
    assert_eq!(
        write_probe_result(&vault),
        Some(ErrorCode::Locked),
        "a locked vault must refuse every read and write"
    );
    drop(vault);
    let vault = unlock_with_passphrase(dir.path()).unwrap();
    assert_eq!(
        read_probes(&vault).unwrap(),
        vec![(id, "first check-in".to_string())],
        "what was written before locking must come back intact"
    );
    let status = vault.status().unwrap();
    assert_eq!(
        status.unlocked_with,
        Some(ProtectorKind::Passphrase),
        "status names the protector used"
    );
    assert_eq!(
        status.schema_version,
        holdspace_core::vault::latest_schema_version()
    );
}

fn write_probe_result(vault: &Vault) -> Option<ErrorCode> {
    vault
        .write(|tx| Ok(tx.execute_batch("SELECT 1")?))
        .err()
        .map(|e| e.code())
}

#[test]
fn the_protector_that_unlocked_is_recorded_after_verification() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = passphrase_vault(dir.path());
    vault.lock().unwrap();
    vault.unlock(Unlock::RecoveryCode(code)).unwrap();
    let recorded: Vec<String> = vault
        .read(|conn| {
            let mut stmt = conn.prepare("SELECT protector FROM vault_unlock ORDER BY id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .unwrap();
    assert_eq!(
        recorded,
        vec!["recovery-code"],
        "each unlock records which protector opened the vault"
    );
}

#[test]
fn changing_the_passphrase_is_instant_and_leaves_the_database_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    write_probe(&vault, "kept");
    vault.lock().unwrap();
    let vault = unlock_with_passphrase(dir.path()).unwrap();
    let db_before = std::fs::read(dir.path().join("holdspace.db")).unwrap();
    vault
        .change_passphrase(&secret("a brand new passphrase"))
        .unwrap();
    let db_after = std::fs::read(dir.path().join("holdspace.db")).unwrap();
    assert_eq!(
        db_before, db_after,
        "a passphrase change re-seals the key; it must not rekey the database"
    );
    vault.lock().unwrap();
    drop(vault);
    let vault = load(dir.path());
    assert_eq!(
        vault
            .unlock(Unlock::Passphrase(secret(PASSPHRASE)))
            .unwrap_err()
            .code(),
        ErrorCode::WrongPassphrase,
        "the old passphrase must stop working"
    );
    vault
        .unlock(Unlock::Passphrase(secret("a brand new passphrase")))
        .unwrap();
    assert_eq!(
        read_probes(&vault).unwrap().len(),
        1,
        "data survives the change"
    );
}

#[test]
fn a_short_passphrase_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    let before = std::fs::read(dir.path().join("vault.json")).unwrap();
    let error = vault.change_passphrase(&secret("short")).unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::InvalidInput,
        "bad input is invalid_input"
    );
    assert!(
        !error.to_string().contains("short"),
        "the message must not echo the rejected secret"
    );
    assert_eq!(
        before,
        std::fs::read(dir.path().join("vault.json")).unwrap(),
        "bad input changes nothing"
    );
}

#[test]
fn protectors_can_be_added_and_removed_while_one_of_keyring_or_passphrase_remains() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = Arc::new(MemoryKeyring::default());
    let created = Vault::create(
        VaultPaths::new(dir.path()),
        keyring.clone(),
        CreateOptions {
            passphrase: Some(secret(PASSPHRASE)),
            use_keyring: false,
            kdf: fast_kdf(),
        },
    )
    .unwrap();
    let vault = created.vault;
    assert_eq!(
        vault
            .remove_protector(ProtectorKind::Passphrase)
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput,
        "the last of keyring and passphrase must not be removable"
    );
    vault.add_keyring().unwrap();
    assert_eq!(
        keyring.stored_keys().len(),
        1,
        "adding the keyring stores one entry"
    );
    vault.remove_protector(ProtectorKind::Passphrase).unwrap();
    assert_eq!(
        vault.status().unwrap().protectors,
        vec![ProtectorKind::Keyring, ProtectorKind::RecoveryCode]
    );
    vault.lock().unwrap();
    vault.unlock(Unlock::Keyring).unwrap();
    vault
        .add_passphrase(&secret("second passphrase here"))
        .unwrap();
    vault.remove_protector(ProtectorKind::Keyring).unwrap();
    assert!(
        keyring.stored_keys().is_empty(),
        "removing the keyring protector deletes its entry"
    );
    assert_eq!(
        vault
            .remove_protector(ProtectorKind::RecoveryCode)
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput,
        "every vault keeps a recovery code"
    );
}

#[test]
fn a_regenerated_recovery_code_replaces_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, old) = passphrase_vault(dir.path());
    let new = vault.regenerate_recovery_code().unwrap();
    vault.lock().unwrap();
    assert_eq!(
        vault.unlock(Unlock::RecoveryCode(old)).unwrap_err().code(),
        ErrorCode::WrongPassphrase,
        "the old recovery code must stop working once replaced"
    );
    let typed = new.display_form().expose().to_lowercase();
    vault
        .unlock(Unlock::RecoveryCode(RecoveryCode::parse(&typed).unwrap()))
        .unwrap();
}

#[test]
fn recovery_requires_a_new_passphrase_and_then_the_vault_opens_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = passphrase_vault(dir.path());
    write_probe(&vault, "recover me");
    vault.lock().unwrap();
    vault
        .recover(
            code,
            NewProtector::Passphrase(secret("after recovery pass")),
        )
        .unwrap();
    vault.lock().unwrap();
    assert_eq!(
        vault
            .unlock(Unlock::Passphrase(secret(PASSPHRASE)))
            .unwrap_err()
            .code(),
        ErrorCode::WrongPassphrase,
        "recovery replaces the forgotten passphrase"
    );
    vault
        .unlock(Unlock::Passphrase(secret("after recovery pass")))
        .unwrap();
    assert_eq!(
        read_probes(&vault).unwrap()[0].1,
        "recover me",
        "recovery loses nothing"
    );
}

#[test]
fn creating_over_an_existing_vault_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    drop(vault);
    let before = fingerprint(dir.path());
    let again = Vault::create(
        VaultPaths::new(dir.path()),
        Arc::new(MemoryKeyring::default()),
        CreateOptions {
            passphrase: Some(secret(PASSPHRASE)),
            use_keyring: false,
            kdf: fast_kdf(),
        },
    );
    assert_eq!(
        again.unwrap_err().code(),
        ErrorCode::Conflict,
        "init must never overwrite a vault"
    );
    assert_eq!(
        before,
        fingerprint(dir.path()),
        "the existing vault is untouched"
    );
}

#[test]
fn a_locked_vault_leaves_only_its_database_description_and_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    write_probe(&vault, "x");
    vault.lock().unwrap();
    let names: Vec<String> = fingerprint(dir.path()).into_keys().collect();
    assert_eq!(
        names,
        vec!["holdspace.db", "vault.in-use", "vault.json"],
        "locking checkpoints the WAL into the database (the empty in-use lock file stays: \
         deleting a lock file another process may be opening would break the lock)"
    );
}

#[test]
fn an_open_vault_still_refuses_a_wrong_secret() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    assert_eq!(
        vault
            .unlock(Unlock::Passphrase(secret("anything at all")))
            .unwrap_err()
            .code(),
        ErrorCode::WrongPassphrase,
        "an unlock screen must not accept any text just because the vault is open"
    );
    vault
        .unlock(Unlock::Passphrase(secret(PASSPHRASE)))
        .unwrap();
}

#[test]
fn protector_changes_from_two_processes_do_not_undo_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let (first, _) = passphrase_vault(dir.path());
    let second = unlock_with_passphrase(dir.path()).unwrap();
    let code = first.regenerate_recovery_code().unwrap();
    second
        .change_passphrase(&secret("changed by the other one"))
        .unwrap();
    first.lock().unwrap();
    second.lock().unwrap();
    let fresh = load(dir.path());
    fresh
        .unlock(Unlock::RecoveryCode(code))
        .expect("the code regenerated by one process must survive a change made by another");
    fresh.lock().unwrap();
    fresh
        .unlock(Unlock::Passphrase(secret("changed by the other one")))
        .unwrap();
}

#[test]
fn the_passphrase_cannot_be_removed_while_the_keyring_entry_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = Arc::new(MemoryKeyring::default());
    let vault = Vault::create(
        VaultPaths::new(dir.path()),
        keyring.clone(),
        CreateOptions {
            passphrase: Some(secret(PASSPHRASE)),
            use_keyring: true,
            kdf: fast_kdf(),
        },
    )
    .unwrap()
    .vault;
    keyring.forget_everything();
    assert_eq!(
        vault
            .remove_protector(ProtectorKind::Passphrase)
            .unwrap_err()
            .code(),
        ErrorCode::KeyringUnavailable,
        "removing the passphrase would leave only the recovery code"
    );
    assert!(
        vault
            .status()
            .unwrap()
            .protectors
            .contains(&ProtectorKind::Passphrase),
        "the passphrase stays"
    );
}

#[test]
fn a_recovery_whose_new_keyring_protector_fails_changes_no_protector_and_locks() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = Arc::new(MemoryKeyring::default());
    let created = Vault::create(
        VaultPaths::new(dir.path()),
        keyring.clone(),
        CreateOptions {
            passphrase: Some(secret(PASSPHRASE)),
            use_keyring: false,
            kdf: fast_kdf(),
        },
    )
    .unwrap();
    let vault = created.vault;
    let before = std::fs::read(dir.path().join("vault.json")).unwrap();
    keyring
        .unreachable
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let error = vault
        .recover(created.recovery_code, NewProtector::Keyring)
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::KeyringUnavailable);
    assert_eq!(
        before,
        std::fs::read(dir.path().join("vault.json")).unwrap(),
        "vault.json is unchanged"
    );
    assert!(
        !vault.is_unlocked(),
        "a failed recovery leaves the vault locked"
    );
}
