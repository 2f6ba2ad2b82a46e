//! Encrypted backups: a vault with every kind of data comes back identical (row counts and a
//! content hash per table), a flipped byte or a wrong passphrase is refused and changes
//! nothing, and no plaintext canary reaches any file written during backup or restore.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use holdspace_core::buddies::my_card::{self, CardFieldInput, CardFieldKind, MyCardInput};
use holdspace_core::buddies::sharing::{self, ShareMethod, ShareRequest, ShareSubject};
use holdspace_core::buddies::{self, ContactInput, Labelled};
use holdspace_core::groups::{self, NewGroup};
use holdspace_core::journal::{self, EntryInput, EntryKind};
use holdspace_core::meetings::{self, NewMeeting};
use holdspace_core::reminders::{self, RuleInput, RuleKind};
use holdspace_core::vault::{restore, RestoreInto, Unlock, Vault, VaultPaths};
use holdspace_core::ErrorCode;

use crate::support::*;

const CANARY: &str = "CANARY-backup-9c2e-grief-circle";
const BACKUP_PASSPHRASE: &str = "a different passphrase for the backup";

/// One of each kind of thing a user keeps, each carrying the canary where text goes.
fn fill(vault: &Vault) {
    let group = groups::add(
        vault,
        &NewGroup {
            name: format!("{CANARY} group"),
            kind: "grief-loss".into(),
            joined: Some("2025-01-07".into()),
            ..NewGroup::default()
        },
    )
    .unwrap();
    meetings::add(
        vault,
        &NewMeeting {
            group_id: group.id,
            start_local: "2025-01-07T19:00".into(),
            time_zone: "Europe/Berlin".into(),
            duration_minutes: 90,
            rrule: Some("FREQ=WEEKLY".into()),
            title: None,
        },
    )
    .unwrap();
    journal::add(
        vault,
        &EntryInput {
            kind: EntryKind::Reflection,
            title: Some("after the meeting".into()),
            body: format!("What I want to keep: {CANARY}"),
            mood: Some(4),
            feelings: None,
            tags: Some(vec!["hope".into()]),
            group_id: Some(group.id),
            occurrence_id: None,
        },
    )
    .unwrap();
    reminders::add_rule(
        vault,
        &RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(group.id),
            minutes_before: Some(15),
            ..RuleInput::default()
        },
        chrono::Utc::now(),
    )
    .unwrap();
    let contact = buddies::add(
        vault,
        &ContactInput {
            display_name: "Sam".into(),
            phones: vec![Labelled {
                label: "mobile".into(),
                value: "+49 170 1234567".into(),
            }],
            notes: CANARY.into(),
            group_ids: vec![group.id],
            ..ContactInput::default()
        },
    )
    .unwrap();
    my_card::save(
        vault,
        &MyCardInput {
            display_name: "Robin".into(),
            fields: vec![CardFieldInput {
                id: None,
                kind: CardFieldKind::Note,
                label: String::new(),
                value: CANARY.into(),
                shared: true,
            }],
        },
    )
    .unwrap();
    sharing::share(
        vault,
        &ShareRequest {
            subject: ShareSubject::MyCard,
            contact_id: None,
            preset_id: None,
            field_ids: None,
            method: ShareMethod::Text,
            recipient_contact_id: Some(contact.id),
            recipient: String::new(),
        },
        holdspace_core::Language::En,
    )
    .unwrap();
}

/// What "the same vault" means here; the unlock log is left out: unlocking the restored vault
/// to look at it adds a row there.
fn contents(vault: &Vault) -> BTreeMap<String, (usize, u64)> {
    crate::contents::contents_except(vault, &["vault_unlock"])
}

fn backed_up(dir: &Path) -> (Vault, std::path::PathBuf, BTreeMap<String, (usize, u64)>) {
    let (vault, _) = passphrase_vault(&dir.join("original"));
    fill(&vault);
    let before = contents(&vault);
    let file = dir.join("out").join("holdspace.backup");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    vault
        .backup(&secret(BACKUP_PASSPHRASE), &file, fast_kdf())
        .unwrap();
    (vault, file, before)
}

#[test]
fn a_vault_with_every_kind_of_data_comes_back_identical_and_opens_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (_vault, file, before) = backed_up(dir.path());
    assert!(
        before.values().filter(|(rows, _)| *rows > 0).count() >= 12,
        "the vault holds data in many tables: {before:?}"
    );
    let target = VaultPaths::new(dir.path().join("restored"));
    let (summary, manifest) = restore(
        &file,
        &secret(BACKUP_PASSPHRASE),
        &target,
        RestoreInto::Empty,
        &MemoryKeyring::default(),
    )
    .unwrap();
    assert!(summary.database_bytes > 0);
    assert!(
        manifest.protectors.passphrase.is_some(),
        "its own passphrase protector comes back"
    );
    let restored = Vault::load(target, Arc::new(MemoryKeyring::default())).unwrap();
    restored
        .unlock(Unlock::Passphrase(secret(PASSPHRASE)))
        .unwrap();
    assert_eq!(
        contents(&restored),
        before,
        "every table, every row, unchanged"
    );
}

#[test]
fn a_wrong_passphrase_or_a_flipped_byte_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_vault, file, _) = backed_up(dir.path());
    let target = dir.path().join("restored");
    let paths = VaultPaths::new(&target);
    let wrong = restore(
        &file,
        &secret("not the backup passphrase"),
        &paths,
        RestoreInto::Empty,
        &MemoryKeyring::default(),
    );
    assert_eq!(wrong.unwrap_err().code(), ErrorCode::WrongPassphrase);
    assert!(
        !paths.manifest().exists(),
        "a refused restore writes no vault"
    );

    let original = std::fs::read(&file).unwrap();
    let header_end = original
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0;
    // A byte in the sealed header, one in the database's first page, one near its end.
    for at in [header_end - 20, header_end + 200, original.len() - 10] {
        let mut flipped = original.clone();
        flipped[at] ^= 0x40;
        let bad = dir.path().join("flipped.backup");
        std::fs::write(&bad, &flipped).unwrap();
        let refused = restore(
            &bad,
            &secret(BACKUP_PASSPHRASE),
            &paths,
            RestoreInto::Empty,
            &MemoryKeyring::default(),
        );
        let code = refused.unwrap_err().code();
        assert!(
            matches!(code, ErrorCode::VaultDamaged | ErrorCode::WrongPassphrase),
            "byte {at}: refused as damaged, got {code:?}"
        );
        let left: Vec<_> = std::fs::read_dir(&target)
            .map(|d| d.count())
            .into_iter()
            .collect();
        assert!(
            left.iter().all(|n| *n == 0),
            "byte {at}: nothing left behind in the target"
        );
    }
    let cut = dir.path().join("cut.backup");
    std::fs::write(&cut, &original[..original.len() - 4096]).unwrap();
    let refused = restore(
        &cut,
        &secret(BACKUP_PASSPHRASE),
        &paths,
        RestoreInto::Empty,
        &MemoryKeyring::default(),
    );
    assert_eq!(
        refused.unwrap_err().code(),
        ErrorCode::VaultDamaged,
        "a truncated backup is refused"
    );
}

#[test]
fn restoring_over_a_vault_needs_consent_and_keeps_the_old_one_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (_vault, file, before) = backed_up(dir.path());
    let other = dir.path().join("other");
    let (existing, _) = passphrase_vault(&other);
    write_probe(&existing, "the vault that was here");
    drop(existing);
    let paths = VaultPaths::new(&other);
    let kept = fingerprint(&other);
    let refused = restore(
        &file,
        &secret(BACKUP_PASSPHRASE),
        &paths,
        RestoreInto::Empty,
        &MemoryKeyring::default(),
    );
    assert_eq!(refused.unwrap_err().code(), ErrorCode::Conflict);
    assert_eq!(fingerprint(&other), kept, "without consent nothing changes");
    let wrong = restore(
        &file,
        &secret("not the backup passphrase"),
        &paths,
        RestoreInto::Replace,
        &MemoryKeyring::default(),
    );
    assert_eq!(wrong.unwrap_err().code(), ErrorCode::WrongPassphrase);
    assert_eq!(
        fingerprint(&other),
        kept,
        "a refused restore over a vault leaves it as it was"
    );

    restore(
        &file,
        &secret(BACKUP_PASSPHRASE),
        &paths,
        RestoreInto::Replace,
        &MemoryKeyring::default(),
    )
    .unwrap();
    let restored = unlock_with_passphrase(&other).unwrap();
    assert_eq!(contents(&restored), before);
    let aside: Vec<_> = std::fs::read_dir(&other)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("replaced-"))
        .collect();
    assert_eq!(aside.len(), 1, "the replaced vault is kept, not deleted");
    assert!(
        aside[0].path().join("vault.json").exists()
            && aside[0].path().join("holdspace.db").exists()
    );
}

#[test]
fn no_plaintext_canary_reaches_any_file_written_during_backup_or_restore() {
    let dir = tempfile::tempdir().unwrap();
    let (_vault, file, _) = backed_up(dir.path());
    let restored = dir.path().join("restored");
    restore(
        &file,
        &secret(BACKUP_PASSPHRASE),
        &VaultPaths::new(&restored),
        RestoreInto::Empty,
        &MemoryKeyring::default(),
    )
    .unwrap();
    let out = snapshot(&dir.path().join("out"));
    assert_eq!(
        out.len(),
        1,
        "the backup leaves one file and no scratch files: {:?}",
        out.keys()
    );
    for (name, bytes) in out.iter().chain(snapshot(&restored).iter()) {
        for needle in [CANARY, BACKUP_PASSPHRASE, PASSPHRASE, "+49 170 1234567"] {
            assert!(
                !contains(bytes, needle.as_bytes()),
                "{needle} in plain text in {name}"
            );
        }
    }
}

#[test]
fn a_keyring_protector_is_sealed_anew_in_the_keyring_of_the_machine_restored_to() {
    let dir = tempfile::tempdir().unwrap();
    let first = Arc::new(MemoryKeyring::default());
    let created = Vault::create(
        VaultPaths::new(dir.path().join("a")),
        first,
        holdspace_core::vault::CreateOptions {
            passphrase: Some(secret(PASSPHRASE)),
            use_keyring: true,
            kdf: fast_kdf(),
        },
    )
    .unwrap();
    write_probe(&created.vault, "kept");
    let file = dir.path().join("k.backup");
    created
        .vault
        .backup(&secret(BACKUP_PASSPHRASE), &file, fast_kdf())
        .unwrap();
    let second = Arc::new(MemoryKeyring::default());
    let target = VaultPaths::new(dir.path().join("b"));
    restore(
        &file,
        &secret(BACKUP_PASSPHRASE),
        &target,
        RestoreInto::Empty,
        &*second,
    )
    .unwrap();
    let restored = Vault::load(target, second).unwrap();
    restored.unlock(Unlock::Keyring).unwrap();
    assert_eq!(
        read_probes(&restored).unwrap().len(),
        1,
        "the new machine's keyring opens it"
    );
}

#[test]
fn every_input_in_the_backup_header_fuzz_corpus_is_read_without_panicking() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus/backup_header");
    let mut accepted = 0;
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        accepted += usize::from(holdspace_core::vault::read_header_for_fuzzing(&bytes));
        replayed += 1;
    }
    assert!(replayed >= 2, "the corpus holds at least its seeds");
    assert!(
        accepted >= 1,
        "the seed taken from a real backup is read as a header"
    );
}
