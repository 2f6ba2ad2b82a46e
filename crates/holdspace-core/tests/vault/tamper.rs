//! Flipped bytes anywhere in the database are detected: an unlock that refuses, a read that
//! fails, or `doctor` reporting it. Never silently different data.

use holdspace_core::vault::Unlock;
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
