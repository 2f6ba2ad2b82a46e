//! What must be refused, and left exactly as it was: wrong secrets, damaged or foreign files,
//! vaults from the future. Lessons from Signal Desktop: never create a fresh database over one
//! that fails to open.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use holdspace_core::vault::{CreateOptions, Unlock, Vault, VaultPaths, FORMAT_VERSION};
use holdspace_core::ErrorCode;

use crate::support::*;

fn locked_vault_with_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    for i in 0..20 {
        write_probe(&vault, &format!("entry {i} {}", "words ".repeat(40)));
    }
    vault.lock().unwrap();
    dir
}

#[test]
fn a_wrong_passphrase_is_refused_and_changes_no_file() {
    let dir = locked_vault_with_data();
    let before = fingerprint(dir.path());
    let vault = load(dir.path());
    let error = vault
        .unlock(Unlock::Passphrase(secret("not the passphrase")))
        .unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::WrongPassphrase,
        "a wrong passphrase must say so"
    );
    drop(vault);
    assert_eq!(
        before,
        fingerprint(dir.path()),
        "a failed unlock must write nothing at all"
    );
}

#[test]
fn an_unreachable_keyring_is_reported_never_silently_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = Arc::new(MemoryKeyring::default());
    keyring.unreachable.store(true, Ordering::SeqCst);
    let created = Vault::create(
        VaultPaths::new(dir.path().join("vault")),
        keyring.clone(),
        CreateOptions {
            passphrase: Some(secret(PASSPHRASE)),
            use_keyring: true,
            kdf: fast_kdf(),
        },
    );
    assert_eq!(
        created.unwrap_err().code(),
        ErrorCode::KeyringUnavailable,
        "asking for the keyring when it is unreachable must fail, not quietly use the passphrase"
    );
    assert!(
        !dir.path().join("vault").exists(),
        "a refused creation leaves nothing behind"
    );

    keyring.unreachable.store(false, Ordering::SeqCst);
    let vault = Vault::create(
        VaultPaths::new(dir.path().join("vault")),
        keyring.clone(),
        CreateOptions {
            passphrase: Some(secret(PASSPHRASE)),
            use_keyring: true,
            kdf: fast_kdf(),
        },
    )
    .unwrap()
    .vault;
    vault.lock().unwrap();
    keyring.unreachable.store(true, Ordering::SeqCst);
    let before = fingerprint(&dir.path().join("vault"));
    assert_eq!(
        vault.unlock(Unlock::Keyring).unwrap_err().code(),
        ErrorCode::KeyringUnavailable,
        "an unreachable keyring at unlock is keyring_unavailable"
    );
    assert!(
        !vault.is_unlocked(),
        "no silent fallback: the vault stays locked"
    );
    assert_eq!(
        before,
        fingerprint(&dir.path().join("vault")),
        "and nothing was written"
    );
}

#[test]
fn a_missing_database_is_reported_and_never_recreated() {
    let dir = locked_vault_with_data();
    std::fs::remove_file(dir.path().join("holdspace.db")).unwrap();
    let error = unlock_with_passphrase(dir.path()).unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::VaultDamaged,
        "a missing database is damage, not a new start"
    );
    assert!(
        !dir.path().join("holdspace.db").exists(),
        "no empty database may be created in its place"
    );
}

fn assert_refused_untouched(
    dir: &std::path::Path,
    replace: impl FnOnce(&[u8]) -> Vec<u8>,
    what: &str,
) {
    let db = dir.join("holdspace.db");
    let original = std::fs::read(&db).unwrap();
    std::fs::write(&db, replace(&original)).unwrap();
    let before = fingerprint(dir);
    let error = unlock_with_passphrase(dir).unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::VaultDamaged,
        "{what} must be refused as damaged"
    );
    assert_eq!(
        before,
        fingerprint(dir),
        "{what} must be left byte-identical"
    );
}

#[test]
fn an_empty_database_file_is_refused_and_left_as_it_is() {
    let dir = locked_vault_with_data();
    assert_refused_untouched(dir.path(), |_| Vec::new(), "an empty file");
}

#[test]
fn a_truncated_database_is_refused_and_left_as_it_is() {
    for cut in ["mid-page", "page boundary", "first page only"] {
        let dir = locked_vault_with_data();
        assert_refused_untouched(
            dir.path(),
            |bytes| match cut {
                "mid-page" => bytes[..bytes.len() - 100].to_vec(),
                "page boundary" => bytes[..bytes.len() / 2 / 4096 * 4096].to_vec(),
                _ => bytes[..4096].to_vec(),
            },
            &format!("a file truncated at a {cut}"),
        );
    }
}

#[test]
fn a_plaintext_sqlite_file_is_refused_and_left_as_it_is() {
    let dir = locked_vault_with_data();
    let plain_path = dir.path().join("plain.sqlite");
    {
        let plain = rusqlite::Connection::open(&plain_path).unwrap();
        plain
            .execute_batch("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('plain');")
            .unwrap();
    }
    let plain = std::fs::read(&plain_path).unwrap();
    std::fs::remove_file(&plain_path).unwrap();
    assert_refused_untouched(dir.path(), |_| plain.clone(), "a plaintext SQLite file");
}

#[test]
fn a_vault_with_a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    vault
        .write(|tx| {
            tx.execute("INSERT INTO schema_migration VALUES (999, 'from the future', '2030-01-01T00:00:00Z')", [])?;
            Ok(())
        })
        .unwrap();
    vault.lock().unwrap();
    drop(vault);
    let before = fingerprint(dir.path());
    let error = unlock_with_passphrase(dir.path()).unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::NewerVersion,
        "a newer schema must be refused"
    );
    assert!(
        error.to_string().contains("999"),
        "the message says which version it found"
    );
    assert_eq!(
        before,
        fingerprint(dir.path()),
        "and the vault must not be modified in any way"
    );
}

#[test]
fn a_vault_description_of_a_newer_format_is_refused_untouched() {
    let dir = locked_vault_with_data();
    let path = dir.path().join("vault.json");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        &format!("\"format_version\": {FORMAT_VERSION}"),
        &format!("\"format_version\": {}", FORMAT_VERSION + 1),
    );
    std::fs::write(&path, text).unwrap();
    let before = fingerprint(dir.path());
    let error = Vault::load(
        VaultPaths::new(dir.path()),
        Arc::new(MemoryKeyring::default()),
    )
    .unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::NewerVersion,
        "a newer vault.json format must be refused"
    );
    assert_eq!(before, fingerprint(dir.path()), "and left untouched");
}
