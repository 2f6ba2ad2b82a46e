//! "Delete all my data": after the typed confirmation, from an unlocked vault, nothing of
//! Holdspace remains in the data folder or the keyring; anything short of that deletes
//! nothing.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use holdspace_core::vault::{
    CreateRequest, Session, UnlockRequest, VaultPaths, ERASE_CONFIRMATION,
};
use holdspace_core::ErrorCode;

use crate::support::*;

/// A keyring vault with a passphrase, data, a log, preferences and a replaced vault kept aside:
/// every kind of file the app leaves in its folder.
fn lived_in(dir: &std::path::Path, keyring: &Arc<MemoryKeyring>) -> Session {
    let session = Session::new(VaultPaths::new(dir), keyring.clone(), fast_kdf());
    session
        .create(CreateRequest {
            use_keyring: true,
            passphrase: Some(PASSPHRASE.into()),
        })
        .unwrap();
    write_probe(
        &session.vault().unwrap(),
        "my sponsor's number and my clean date",
    );
    std::fs::create_dir_all(dir.join("logs")).unwrap();
    std::fs::write(dir.join("logs/holdspace.log"), "a warning").unwrap();
    std::fs::write(dir.join("preferences.json"), "{}").unwrap();
    std::fs::create_dir_all(dir.join("replaced-20260101T000000Z-abcdef")).unwrap();
    std::fs::write(
        dir.join("replaced-20260101T000000Z-abcdef/holdspace.db"),
        "an older vault",
    )
    .unwrap();
    session
}

#[test]
fn deleting_everything_leaves_no_file_and_no_keyring_entry() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("app.holdspace.desktop");
    let keyring = Arc::new(MemoryKeyring::default());
    let session = lived_in(&dir, &keyring);
    assert_eq!(
        keyring.stored_keys().len(),
        1,
        "the vault's key is in the keyring"
    );

    let erased = session.erase_everything(ERASE_CONFIRMATION).unwrap();
    assert!(!erased.keyring_entry_left, "the keyring forgot the key");
    assert!(
        erased.left_behind.is_empty(),
        "nothing was left: {:?}",
        erased.left_behind
    );
    assert!(!dir.exists(), "the data folder itself is gone");
    assert!(
        keyring.stored_keys().is_empty(),
        "no key of Holdspace remains in the keyring"
    );
    assert_eq!(
        session.state().phase,
        holdspace_core::vault::Phase::NoVault,
        "the app now sees a first run"
    );
}

#[test]
fn a_wrong_confirmation_or_a_locked_vault_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = Arc::new(MemoryKeyring::default());
    let session = lived_in(dir.path(), &keyring);
    let before = fingerprint(dir.path());

    for typed in [
        "",
        "delete",
        "DELETE EVERYTHING!",
        "delete everything please",
    ] {
        let error = session.erase_everything(typed).unwrap_err();
        assert_eq!(
            error.code(),
            ErrorCode::InvalidInput,
            "{typed:?} is not the confirmation"
        );
    }
    assert_eq!(
        fingerprint(dir.path()),
        before,
        "a wrong confirmation deletes no file"
    );
    session.lock().unwrap();
    let after_lock = fingerprint(dir.path());
    let error = session.erase_everything(ERASE_CONFIRMATION).unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::Locked,
        "only the person who can open the vault may delete it"
    );
    assert_eq!(
        fingerprint(dir.path()),
        after_lock,
        "a refusal deletes no file"
    );
    assert_eq!(keyring.stored_keys().len(), 1, "and keeps the key");
    session
        .unlock(UnlockRequest::Passphrase {
            passphrase: PASSPHRASE.into(),
        })
        .unwrap();
    assert_eq!(
        read_probes(&session.vault().unwrap()).unwrap().len(),
        1,
        "the data is all there"
    );
}

#[test]
fn a_keyring_that_will_not_forget_is_reported_and_the_files_still_go() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = Arc::new(MemoryKeyring::default());
    let session = lived_in(dir.path(), &keyring);
    keyring.unreachable.store(true, Ordering::SeqCst);
    let erased = session.erase_everything(ERASE_CONFIRMATION).unwrap();
    assert!(
        erased.keyring_entry_left,
        "the person must be told the keyring still holds the entry"
    );
    assert!(!dir.path().exists(), "the files are deleted all the same");
}

#[test]
fn an_erase_cut_short_by_a_crash_is_finished_at_the_next_start() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("app.holdspace.desktop");
    // What a crash in the middle of removing the renamed folder leaves.
    let renamed = parent.path().join("app.holdspace.desktop.erasing-0a1b2c3d");
    std::fs::create_dir_all(renamed.join("logs")).unwrap();
    std::fs::write(renamed.join("holdspace.db"), "half of a vault").unwrap();
    let unrelated = parent.path().join("another-app");
    std::fs::create_dir_all(&unrelated).unwrap();

    let session = Session::new(
        VaultPaths::new(&dir),
        Arc::new(MemoryKeyring::default()),
        fast_kdf(),
    );
    assert!(
        !renamed.exists(),
        "the half-erased folder is removed at start"
    );
    assert!(
        unrelated.exists(),
        "nothing else beside the data folder is touched"
    );
    assert_eq!(
        session.state().phase,
        holdspace_core::vault::Phase::NoVault,
        "and the app starts as a first run, cleanly"
    );
}
