//! Nothing the user wrote, and no key, reaches any file in plain form: not the database, its
//! WAL, vault.json, nor the logs (written at the most verbose level for this test).

use std::sync::Arc;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use holdspace_core::logging::file_subscriber;
use holdspace_core::vault::{CreateOptions, Unlock, Vault, VaultPaths};
use tracing_subscriber_filter::trace_everything;

use crate::support::*;

const CANARY: &str = "CANARY-7f3e9a-my-private-share";
const CANARY_PASSPHRASE: &str = "CANARY-PASS-4b1d-secret";

mod tracing_subscriber_filter {
    pub fn trace_everything() -> tracing_subscriber::EnvFilter {
        tracing_subscriber::EnvFilter::new("trace")
    }
}

fn assert_absent_everywhere(dir: &std::path::Path, needles: &[(&str, Vec<u8>)], when: &str) {
    let files = snapshot(dir);
    assert!(
        files.contains_key("holdspace.db"),
        "the scan must see the database ({when})"
    );
    for (name, bytes) in &files {
        for (what, needle) in needles {
            assert!(!contains(bytes, needle), "{what} found in {name} {when}");
        }
    }
}

#[test]
fn a_canary_written_to_the_vault_appears_in_no_file_even_with_trace_logging() {
    let dir = tempfile::tempdir().unwrap();
    let _log = tracing::subscriber::set_default(file_subscriber(dir.path(), trace_everything()));
    let keyring = Arc::new(MemoryKeyring::default());
    let created = Vault::create(
        VaultPaths::new(dir.path()),
        keyring.clone(),
        CreateOptions {
            passphrase: Some(secret(CANARY_PASSPHRASE)),
            use_keyring: true,
            kdf: fast_kdf(),
        },
    )
    .unwrap();
    let vault = created.vault;
    for i in 0..50 {
        write_probe(&vault, &format!("{CANARY} number {i}"));
    }
    vault
        .write(|tx| {
            Ok(tx
                .execute(
                    "UPDATE probe SET text = text || ?1 WHERE id % 2 = 0",
                    [CANARY],
                )
                .map(|_| ())?)
        })
        .unwrap();
    vault
        .write(|tx| {
            Ok(tx
                .execute("DELETE FROM probe WHERE id % 3 = 0", [])
                .map(|_| ())?)
        })
        .unwrap();
    let journal_entry = holdspace_core::journal::add(
        &vault,
        &holdspace_core::journal::EntryInput {
            kind: holdspace_core::journal::EntryKind::Reflection,
            title: Some(format!("{CANARY} title")),
            body: format!("What I heard and want to keep: {CANARY}"),
            mood: Some(3),
            feelings: None,
            tags: Some(vec!["canary".into()]),
            group_id: None,
            occurrence_id: None,
        },
    )
    .unwrap();
    let found = holdspace_core::journal::search(&vault, CANARY, &Default::default(), 10).unwrap();
    assert_eq!(
        found.first().map(|h| h.id),
        Some(journal_entry.id),
        "search finds the journal canary inside the vault"
    );
    let code = created.recovery_code.display_form().expose().clone();
    let needles = [
        ("the canary", CANARY.as_bytes().to_vec()),
        ("the passphrase", CANARY_PASSPHRASE.as_bytes().to_vec()),
        ("the recovery code", code.replace('-', "").into_bytes()),
    ];
    assert_absent_everywhere(dir.path(), &needles, "while unlocked (WAL in use)");
    vault.lock().unwrap();
    vault
        .unlock(Unlock::Passphrase(secret(CANARY_PASSPHRASE)))
        .unwrap();
    vault.lock().unwrap();
    drop(vault);

    let logs = snapshot(&dir.path().join("logs"));
    assert!(
        logs.values().any(|bytes| !bytes.is_empty()),
        "the trace log must have been written, or this test proves nothing"
    );
    assert_absent_everywhere(dir.path(), &needles, "after locking");

    // Unseal the data key independently from vault.json and the keyring's key, then look for it.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("vault.json")).unwrap()).unwrap();
    let sealed = &manifest["protectors"]["keyring"]["wrapped_key"];
    let nonce = hex::decode(sealed["nonce"].as_str().unwrap()).unwrap();
    let ciphertext = hex::decode(sealed["ciphertext"].as_str().unwrap()).unwrap();
    let kek = keyring.stored_keys()[0];
    let aad = format!(
        "holdspace-vault/{}/keyring",
        manifest["vault_id"].as_str().unwrap()
    );
    let data_key = XChaCha20Poly1305::new((&kek).into())
        .decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &ciphertext,
                aad: aad.as_bytes(),
            },
        )
        .expect("the keyring's key must unseal the data key");
    assert_eq!(data_key.len(), 32, "a 256-bit data key");
    let key_needles = [
        ("the raw data key", data_key.clone()),
        ("the data key in hex", hex::encode(&data_key).into_bytes()),
        (
            "the data key in upper-case hex",
            hex::encode_upper(&data_key).into_bytes(),
        ),
        ("the keyring's key", kek.to_vec()),
        ("the keyring's key in hex", hex::encode(kek).into_bytes()),
    ];
    assert_absent_everywhere(dir.path(), &key_needles, "(keys)");
}
