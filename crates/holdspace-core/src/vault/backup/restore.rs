//! Restoring a backup: everything verified in scratch files first, then the vault's files
//! exchanged (see `swap`), with the old vault's files kept aside, never deleted.

use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::Utc;
use zeroize::Zeroizing;

use super::{
    hash_file, read_header, swap, tampered, unseal, verify_database, BackupSummary, Inner,
    RestoreInto, Scratch,
};
use crate::vault::key::KEY_LEN;
use crate::vault::{migrations, protectors, random, store, KeyStore, Manifest, VaultPaths};
use crate::{Error, Result, Secret};

/// Backups are made with this machine's calibrated cost; a header asking for far more (up to
/// the vault's own limit of 4 GiB) is not one of ours and would tie the machine up.
const MAX_BACKUP_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_BACKUP_ITERATIONS: u32 = 16;

/// Restores the backup at `file` into `paths`. Verifies everything (passphrase, hash, every
/// database page, schema version) in scratch files before any vault file is touched. A vault
/// whose keyring protector cannot be brought back on this machine opens with its passphrase or
/// recovery code; the returned manifest says which protectors it has.
pub fn restore(
    file: &Path,
    passphrase: &Secret<String>,
    paths: &VaultPaths,
    into: RestoreInto,
    keystore: &dyn KeyStore,
) -> Result<(BackupSummary, Manifest)> {
    restore_with(file, passphrase, paths, into, keystore, || Ok(()))
}

/// [`restore`], calling `before_swap` once everything is verified and just before the vault's
/// files are exchanged (the session locks the vault it has open there).
#[tracing::instrument(skip_all)]
pub(crate) fn restore_with(
    file: &Path,
    passphrase: &Secret<String>,
    paths: &VaultPaths,
    into: RestoreInto,
    keystore: &dyn KeyStore,
    before_swap: impl FnOnce() -> Result<()>,
) -> Result<(BackupSummary, Manifest)> {
    let mut reader = BufReader::new(File::open(file).map_err(Error::io("open the backup file"))?);
    let header = read_header(&mut reader)?;
    if header.kdf.cost.memory_kib > MAX_BACKUP_MEMORY_KIB
        || header.kdf.cost.iterations > MAX_BACKUP_ITERATIONS
    {
        return Err(tampered());
    }
    let key = header.kdf.derive(passphrase.expose().as_bytes())?;
    let plain = unseal(&key, &header)?;
    let inner: Inner = serde_json::from_slice(&plain).map_err(|_| tampered())?;
    migrations::refuse_newer(inner.schema_version)?;
    let mut data_key = Secret::new([0u8; KEY_LEN]);
    let raw = Zeroizing::new(hex::decode(&inner.data_key).map_err(|_| tampered())?);
    if raw.len() != KEY_LEN {
        return Err(tampered());
    }
    data_key.expose_mut().copy_from_slice(&raw);
    let mut backup_key = Secret::new([0u8; KEY_LEN]);
    let raw = Zeroizing::new(hex::decode(&inner.backup_key).map_err(|_| tampered())?);
    if raw.len() != KEY_LEN {
        return Err(tampered());
    }
    backup_key.expose_mut().copy_from_slice(&raw);
    // A backup made by a newer Holdspace says so, rather than looking tampered with.
    let mut manifest = match Manifest::from_bytes(inner.vault_json.as_bytes().to_vec()) {
        Ok(manifest) => manifest,
        Err(newer @ Error::NewerVersion { .. }) => return Err(newer),
        Err(_) => return Err(tampered()),
    };

    let vault_files: Vec<PathBuf> = [paths.database(), paths.manifest()]
        .into_iter()
        .chain(paths.database_companions())
        .collect();
    let exists = vault_files.iter().any(|p| p.exists());
    if exists && into == RestoreInto::Empty {
        return Err(Error::Conflict(
            "a vault already exists in this data folder; nothing was changed (restore over it only after confirming)".into(),
        ));
    }
    fs::create_dir_all(paths.dir()).map_err(Error::io("create the data folder"))?;
    let part = Scratch::beside(&paths.database(), "restore-db")?;
    {
        let mut out = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&part.0)
            .map_err(Error::io("write the restored vault"))?;
        let copied = std::io::copy(&mut reader.by_ref().take(inner.database_len + 1), &mut out)
            .map_err(Error::io("write the restored vault"))?;
        out.sync_all()
            .map_err(Error::io("save the restored vault to disk"))?;
        if copied != inner.database_len {
            return Err(tampered());
        }
    }
    let (len, hash) = hash_file(&part.0)?;
    if len != inner.database_len || hash != inner.database_blake2b {
        return Err(tampered());
    }
    verify_database(&part.0, &backup_key)?;
    store::rekey(&part.0, &backup_key, &data_key)?;
    let version = verify_database(&part.0, &data_key)?;

    // The keyring entry of the backed-up machine is not here: seal the key anew in this
    // machine's keyring, or leave the passphrase and recovery code as the ways in.
    // Under an account of its own: restoring a vault's own backup over it must not replace the
    // entry that still opens the vault in place until the exchange is done.
    if manifest.protectors.keyring.is_some() {
        manifest.protectors.keyring = protectors::fresh_keyring_account(&manifest.vault_id)
            .and_then(|account| {
                protectors::keyring_entry(keystore, &manifest.vault_id, account, &data_key)
            })
            .ok();
    }
    manifest.schema_version = version;
    let described = Scratch::beside(&paths.manifest(), "restore-json")?;
    manifest.save(&described.0, &data_key)?;

    before_swap()?;
    // From here on a crash finishes the restore at the next start (see `swap`), so the scratch
    // files must outlive this call whatever happens.
    let database = part.keep();
    let description = described.keep();
    swap::install(paths, &database, &description, &aside_name()?)?;
    Ok((
        BackupSummary {
            created_utc: header.created_utc,
            schema_version: version,
            database_bytes: len,
        },
        manifest,
    ))
}

/// A new `replaced-<time>-<random>` folder name for the files a restore replaces.
fn aside_name() -> Result<String> {
    let mut tag = [0u8; 3];
    random::fill(&mut tag)?;
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    Ok(format!("replaced-{stamp}-{}", hex::encode(tag)))
}
