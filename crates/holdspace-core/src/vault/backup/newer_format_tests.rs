//! A backup whose vault description comes from a newer Holdspace is refused as newer, not as
//! tampered with, and writes nothing. Made here, inside the crate, by resealing a real backup's
//! inner part around a description one format ahead, which no public API can do.

use std::io::{BufReader, Read};
use std::sync::Arc;

use super::{aad, read_header, restore, seal, unseal, Header, Inner, RestoreInto, MAGIC};
use crate::demo::ProcessKeyring;
use crate::vault::{CreateOptions, KdfCost, KdfTuning, Vault, VaultPaths};
use crate::{ErrorCode, Secret};

fn words(text: &str) -> Secret<String> {
    Secret::new(text.to_string())
}

#[test]
fn a_backup_of_a_newer_vault_format_is_refused_as_newer_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let fast = KdfTuning::Fixed(KdfCost::MINIMUM);
    let created = Vault::create(
        VaultPaths::new(dir.path().join("original")),
        Arc::new(ProcessKeyring::default()),
        CreateOptions {
            passphrase: Some(words("a calm and long passphrase")),
            use_keyring: false,
            kdf: fast,
        },
    )
    .unwrap();
    let file = dir.path().join("holdspace.backup");
    let passphrase = words("the backup's own passphrase");
    created.vault.backup(&passphrase, &file, fast).unwrap();

    let bytes = std::fs::read(&file).unwrap();
    let mut reader = BufReader::new(&bytes[..]);
    let header = read_header(&mut reader).unwrap();
    let mut database = Vec::new();
    reader.read_to_end(&mut database).unwrap();
    let key = header.kdf.derive(passphrase.expose().as_bytes()).unwrap();
    let mut inner: Inner = serde_json::from_slice(&unseal(&key, &header).unwrap()).unwrap();
    let mut description: serde_json::Value = serde_json::from_str(&inner.vault_json).unwrap();
    description["format_version"] = serde_json::json!(crate::vault::FORMAT_VERSION + 1);
    inner.vault_json = description.to_string();
    let plain = serde_json::to_vec(&inner).unwrap();
    let (nonce, sealed) = seal(&key, &plain, &aad(&header.kdf).unwrap()).unwrap();
    let resealed = Header {
        nonce,
        sealed,
        ..header
    };
    let mut whole =
        format!("{MAGIC}\n{}\n", serde_json::to_string(&resealed).unwrap()).into_bytes();
    whole.extend_from_slice(&database);
    std::fs::write(&file, whole).unwrap();

    let target = dir.path().join("restored");
    let error = restore(
        &file,
        &passphrase,
        &VaultPaths::new(&target),
        RestoreInto::Empty,
        &ProcessKeyring::default(),
    )
    .unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::NewerVersion,
        "a newer Holdspace's backup says so, so the person updates instead of distrusting it: {error}"
    );
    assert!(!target.exists(), "a refused restore writes nothing");
}
