//! Flipped bytes anywhere in the database are detected: an unlock that refuses, a read that
//! fails, or `doctor` reporting it. Never silently different data. After a crash (a log left
//! beside the database) flips in the database, the log or `vault.json` are refused at unlock
//! with every file left as it was, except in a database page whose newer copy is in the log,
//! which is never read and is replaced at the next checkpoint.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use holdspace_core::vault::{Unlock, Vault, VaultPaths};
use holdspace_core::ErrorCode;

use crate::support::*;

#[test]
fn flipped_bytes_anywhere_in_the_database_are_detected_never_read_as_data() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    for i in 0..120 {
        write_probe(
            &vault,
            &format!("row {i}: {}", "a sentence about my week. ".repeat(12)),
        );
    }
    // Deleting leaves free pages, which no query reads: only doctor's page check sees them.
    vault
        .write(|tx| {
            Ok(tx
                .execute("DELETE FROM probe WHERE id BETWEEN 10 AND 100", [])
                .map(|_| ())?)
        })
        .unwrap();
    let expected = read_probes(&vault).unwrap();
    vault.lock().unwrap();
    drop(vault);
    let db = dir.path().join("holdspace.db");
    let manifest = dir.path().join("vault.json");
    let original = std::fs::read(&db).unwrap();
    let original_manifest = std::fs::read(&manifest).unwrap();
    let pages = original.len() / 4096;
    assert!(
        pages >= 4,
        "the fixture should span several pages, has {pages}"
    );

    // The salt, the header, the start, middle and HMAC tail of every page.
    let mut offsets: Vec<usize> = vec![0, 7, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 99];
    for page in 0..pages {
        offsets.extend([page * 4096 + 1, page * 4096 + 2048, page * 4096 + 4095]);
    }
    let mut refused_at_unlock = 0;
    let flips = offsets.len();
    for offset in offsets {
        let mut bytes = original.clone();
        bytes[offset] ^= 0x5a;
        std::fs::write(&db, &bytes).unwrap();
        let vault = load(dir.path());
        match vault.unlock(Unlock::Passphrase(secret(PASSPHRASE))) {
            Err(error) => {
                assert_eq!(
                    error.code(),
                    ErrorCode::VaultDamaged,
                    "offset {offset}: damage must read as vault_damaged"
                );
                refused_at_unlock += 1;
            }
            Ok(_) => {
                match read_probes(&vault) {
                    Ok(rows) => assert_eq!(
                        rows, expected,
                        "offset {offset}: data read must be exactly what was written"
                    ),
                    Err(e) => assert_eq!(
                        e.code(),
                        ErrorCode::VaultDamaged,
                        "offset {offset}: a failed read is damage"
                    ),
                }
                vault.lock().unwrap();
                let report = vault
                    .doctor(Unlock::Passphrase(secret(PASSPHRASE)))
                    .unwrap();
                assert!(
                    !report.ok,
                    "offset {offset}: doctor must find a flipped byte that unlock did not"
                );
            }
        }
        drop(vault);
        std::fs::write(&db, &original).unwrap();
        std::fs::write(&manifest, &original_manifest).unwrap();
        for companion in ["holdspace.db-wal", "holdspace.db-shm"] {
            let _ = std::fs::remove_file(dir.path().join(companion));
        }
    }
    assert!(refused_at_unlock > 0, "unlock itself refuses damaged files");
    assert!(
        refused_at_unlock < flips,
        "some flips land in free pages, so doctor's path is exercised too"
    );
    eprintln!(
        "{flips} flipped offsets: {refused_at_unlock} refused at unlock, the rest caught by doctor"
    );
}

/// A small deterministic generator, so a failing round can be replayed from its seed.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FLIP_ROUNDS: usize = 100;

#[test]
fn random_flips_across_the_database_its_log_and_vault_json_are_refused_untouched_or_harmless() {
    let source = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(source.path());
    let line = "a sentence about my week. ".repeat(12);
    for i in 0..60 {
        write_probe(&vault, &format!("row {i}: {line}"));
    }
    vault.lock().unwrap();
    drop(vault);
    let vault = unlock_with_passphrase(source.path()).unwrap();
    for i in 60..75 {
        write_probe(&vault, &format!("row {i}: {line}"));
    }
    let expected = read_probes(&vault).unwrap();
    // What a writer killed now would leave: the database, the log of saves not yet merged
    // into it, SQLite's index of that log, and the description.
    let kept = [
        "holdspace.db",
        "holdspace.db-wal",
        "holdspace.db-shm",
        "vault.json",
    ];
    let originals: Vec<(&str, Vec<u8>)> = kept
        .iter()
        .map(|name| (*name, std::fs::read(source.path().join(name)).unwrap()))
        .collect();
    drop(vault);
    let original = |name: &str| {
        originals
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.clone())
            .unwrap()
    };
    assert!(
        original("holdspace.db-wal").len() > 32 + 15 * 4120,
        "the log must hold the fifteen saves made after the last lock"
    );

    let mut random = SplitMix(seed("HOLDSPACE_TAMPER_SEED"));
    let targets = ["holdspace.db", "holdspace.db-wal", "vault.json"];
    let mut refused: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for round in 0..FLIP_ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in &originals {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let target = targets[random.below(targets.len())];
        let mut bytes = original(target);
        let count = 1 + random.below(16);
        let mut offsets = std::collections::BTreeSet::new();
        while offsets.len() < count {
            offsets.insert(random.below(bytes.len()));
        }
        for &at in &offsets {
            bytes[at] ^= 1 + random.below(255) as u8;
        }
        std::fs::write(dir.path().join(target), &bytes).unwrap();
        let watched = |dir: &Path| -> Vec<Vec<u8>> {
            targets
                .iter()
                .map(|name| std::fs::read(dir.join(name)).unwrap())
                .collect()
        };
        let before = watched(dir.path());
        let what = format!("round {round}: {count} bytes of {target} at {offsets:?}");
        let outcome = Vault::load(
            VaultPaths::new(dir.path()),
            Arc::new(MemoryKeyring::default()),
        )
        .and_then(|vault| {
            vault.unlock(Unlock::Passphrase(secret(PASSPHRASE)))?;
            Ok(vault)
        });
        match outcome {
            Err(error) => {
                let code = error.code();
                assert!(
                    matches!(
                        code,
                        ErrorCode::VaultDamaged
                            | ErrorCode::WrongPassphrase
                            | ErrorCode::NewerVersion
                    ),
                    "{what}: a refusal must explain damage, got {code:?}"
                );
                *refused.entry((target, code.as_str())).or_default() += 1;
            }
            Ok(vault) => {
                // Only one change may open: bytes in a database page whose newer copy is in
                // the log. SQLite never reads that copy, and a checkpoint cut short by a power
                // cut leaves such pages torn, so refusing them would lock a person out of a
                // sound vault. The data must read exactly as written, and the checkpoint at
                // lock must overwrite the changed page.
                let rows = read_probes(&vault);
                assert!(
                    target == "holdspace.db" && rows.as_ref().is_ok_and(|r| *r == expected),
                    "{what}: opened although changed (rows as written: {:?})",
                    rows.map(|r| r == expected)
                );
                vault.lock().unwrap();
                let report = vault
                    .doctor(Unlock::Passphrase(secret(PASSPHRASE)))
                    .unwrap();
                assert!(
                    report.ok,
                    "{what}: the checkpoint must have replaced the changed page: {:?}",
                    report.checks
                );
                *refused
                    .entry((target, "superseded page, replaced at the next checkpoint"))
                    .or_default() += 1;
                continue;
            }
        }
        assert_eq!(
            watched(dir.path()),
            before,
            "{what}: a refused vault's files stay exactly as they were"
        );
    }
    let total: usize = refused.values().sum();
    assert_eq!(total, FLIP_ROUNDS, "every round is accounted for");
    eprintln!("{FLIP_ROUNDS} rounds of 1-16 flipped bytes: {refused:?}");
}
