//! Encrypted backups: one file holding the whole vault, readable only with a passphrase the
//! user chose for it.
//!
//! The file is a first line naming the format, a JSON header (the Argon2id parameters of the
//! backup passphrase and a sealed part), then the database as SQLCipher wrote it under a random
//! key of this backup's own. The sealed part (XChaCha20-Poly1305 under the passphrase's key)
//! holds `vault.json`, that key, the vault's data key and a BLAKE2b hash of the database bytes,
//! so a wrong passphrase fails before anything is read further, a single flipped byte anywhere
//! is refused, and an old passphrase or recovery code of the vault opens no backup.
//!
//! What must hold: no plaintext of the vault touches the disk (the database is exported by
//! SQLCipher into an attached database keyed with the backup's key, and re-keyed to the data
//! key on restore); a restore writes nothing until the whole file has been verified, never
//! replaces a vault unless asked, and keeps the replaced vault's files aside rather than
//! deleting them.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use blake2::{Blake2b512, Digest};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::{SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::kdf::{KdfParams, KdfTuning};
use super::key::{Key, KEY_LEN};
use super::store::{self, Access};
use super::{files, migrations, protectors, random, KeyStore, Manifest, Vault, VaultPaths};
use crate::{Error, Result, Secret};

const MAGIC: &str = "HOLDSPACE-BACKUP 1";
const FORMAT_VERSION: i64 = 1;
const NONCE_LEN: usize = 24;
/// The header is a few hundred bytes; anything much larger is not ours.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format_version: i64,
    created_utc: String,
    kdf: KdfParams,
    nonce: String,
    sealed: String,
}

/// The sealed part. Lives only in memory, and is wiped when dropped.
#[derive(Serialize, Deserialize)]
struct Inner {
    vault_json: String,
    data_key: String,
    /// The random key the database in the file is encrypted with (not the vault's data key,
    /// so nothing but this backup's passphrase opens it).
    backup_key: String,
    schema_version: i64,
    database_len: u64,
    database_blake2b: String,
}

impl Drop for Inner {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.data_key.zeroize();
        self.backup_key.zeroize();
    }
}

/// What a backup holds, as far as can be said without its passphrase or after restoring it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct BackupSummary {
    pub created_utc: String,
    pub schema_version: i64,
    pub database_bytes: u64,
}

fn aad(header_kdf: &KdfParams) -> Result<Vec<u8>> {
    // The KDF parameters are bound to the sealed part, so none can be swapped unnoticed.
    let kdf = serde_json::to_string(header_kdf)
        .map_err(|_| Error::Storage("the backup header could not be encoded".into()))?;
    Ok(format!("{MAGIC}\n{kdf}").into_bytes())
}

fn seal(key: &Key, plain: &[u8], aad: &[u8]) -> Result<(String, String)> {
    let mut nonce = [0u8; NONCE_LEN];
    random::fill(&mut nonce)?;
    let sealed = XChaCha20Poly1305::new(key.expose().into())
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| Error::Storage("the backup could not be sealed".into()))?;
    Ok((hex::encode(nonce), hex::encode(sealed)))
}

fn tampered() -> Error {
    Error::VaultDamaged(
        "the backup file was changed or is incomplete, so it cannot be trusted".into(),
    )
}

fn unseal(key: &Key, header: &Header) -> Result<Zeroizing<Vec<u8>>> {
    let nonce = hex::decode(&header.nonce).map_err(|_| tampered())?;
    let sealed = hex::decode(&header.sealed).map_err(|_| tampered())?;
    if nonce.len() != NONCE_LEN {
        return Err(tampered());
    }
    XChaCha20Poly1305::new(key.expose().into())
        .decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &sealed,
                aad: &aad(&header.kdf)?,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| Error::WrongBackupPassphrase)
}

/// A path beside `path` for work in progress, removed by [`Scratch`]'s drop.
struct Scratch(PathBuf);

impl Scratch {
    fn beside(path: &Path, what: &str) -> Result<Self> {
        let mut tag = [0u8; 6];
        random::fill(&mut tag)?;
        let name = format!(".holdspace-{what}-{}.part", hex::encode(tag));
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        Ok(Self(
            dir.map_or_else(|| PathBuf::from(&name), |d| d.join(&name)),
        ))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut companion = self.0.clone().into_os_string();
            companion.push(suffix);
            let _ = fs::remove_file(companion);
        }
    }
}

fn hash_file(path: &Path) -> Result<(u64, String)> {
    let mut file = File::open(path).map_err(Error::io("read the exported vault"))?;
    let mut hasher = Blake2b512::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut len = 0u64;
    loop {
        let read = file
            .read(&mut buffer)
            .map_err(Error::io("read the exported vault"))?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
        len += read as u64;
    }
    Ok((len, hex::encode(hasher.finalize())))
}

/// Re-encrypts a scratch database from the backup's key to the vault's data key.
fn rekey(path: &Path, from: &Key, to: &Key) -> Result<()> {
    let conn = store::open(path, Some(from), Access::ReadWrite)?;
    let statement = Zeroizing::new(format!(
        "PRAGMA rekey = \"x'{}'\";",
        hex::encode(to.expose())
    ));
    conn.execute_batch(&statement)?;
    Ok(())
}

/// Opens an exported or restored database with `key` and checks every page.
fn verify_database(path: &Path, key: &Key) -> Result<i64> {
    let conn = store::open(path, Some(key), Access::ReadOnly)?;
    store::verify(&conn)?;
    let cipher: Vec<String> = conn
        .prepare("PRAGMA cipher_integrity_check")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !cipher.is_empty() {
        return Err(tampered());
    }
    store::quick_check(&conn)?;
    migrations::current_version(&conn)
}

impl Vault {
    /// Writes an encrypted backup of the whole vault to `out` (replaced atomically if it
    /// exists). Needs the vault unlocked; the backup passphrase follows the vault's rules.
    #[tracing::instrument(skip_all)]
    pub fn backup(
        &self,
        passphrase: &Secret<String>,
        out: &Path,
        kdf: KdfTuning,
    ) -> Result<BackupSummary> {
        protectors::validate_passphrase(passphrase)?;
        let (manifest, data_key) = self.with_open_manifest(|manifest, key| {
            let mut copy = Secret::new([0u8; KEY_LEN]);
            copy.expose_mut().copy_from_slice(key.expose());
            Ok((manifest.clone(), copy))
        })?;
        let part = Scratch::beside(out, "backup-db")?;
        let target = part
            .0
            .to_str()
            .ok_or_else(|| Error::invalid("the backup's folder must have a UTF-8 path"))?
            .to_string();
        // Vault connections never create files: the attached database's file is made first.
        File::create(&part.0).map_err(Error::io("create the backup file"))?;
        let backup_key = super::key::random_key()?;
        let key_text = Zeroizing::new(format!("x'{}'", hex::encode(backup_key.expose())));
        let schema_version = self.read(|conn| {
            conn.execute(
                "ATTACH DATABASE ?1 AS backup KEY ?2",
                rusqlite::params![target, key_text.as_str()],
            )?;
            let exported = conn
                .query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))
                .and_then(|()| {
                    conn.execute_batch(&format!(
                        "PRAGMA backup.application_id = {};",
                        store::APPLICATION_ID
                    ))
                });
            conn.execute("DETACH DATABASE backup", [])?;
            exported?;
            migrations::current_version(conn)
        })?;
        verify_database(&part.0, &backup_key)?;
        let (database_len, database_blake2b) = hash_file(&part.0)?;
        let vault_json = serde_json::to_string(&manifest)
            .map_err(|_| Error::Storage("the vault description could not be encoded".into()))?;
        let inner = Inner {
            vault_json,
            data_key: hex::encode(data_key.expose()),
            backup_key: hex::encode(backup_key.expose()),
            schema_version,
            database_len,
            database_blake2b,
        };
        let plain = Zeroizing::new(
            serde_json::to_vec(&inner)
                .map_err(|_| Error::Storage("the backup could not be encoded".into()))?,
        );
        let kdf = KdfParams::new(kdf.cost()?)?;
        let key = kdf.derive(passphrase.expose().as_bytes())?;
        let (nonce, sealed) = seal(&key, &plain, &aad(&kdf)?)?;
        let created_utc = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let header = serde_json::to_string(&Header {
            format_version: FORMAT_VERSION,
            created_utc: created_utc.clone(),
            kdf,
            nonce,
            sealed,
        })
        .map_err(|_| Error::Storage("the backup header could not be encoded".into()))?;

        let whole = Scratch::beside(out, "backup")?;
        {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&whole.0)
                .map_err(Error::io("create the backup file"))?;
            let write = Error::io("write the backup file");
            writeln!(file, "{MAGIC}").map_err(write)?;
            writeln!(file, "{header}").map_err(Error::io("write the backup file"))?;
            let mut database = File::open(&part.0).map_err(Error::io("read the exported vault"))?;
            std::io::copy(&mut database, &mut file).map_err(Error::io("write the backup file"))?;
            file.sync_all()
                .map_err(Error::io("save the backup file to disk"))?;
        }
        fs::rename(&whole.0, out).map_err(Error::io("put the backup file in place"))?;
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            files::sync_dir(dir)?;
        }
        Ok(BackupSummary {
            created_utc,
            schema_version,
            database_bytes: database_len,
        })
    }
}

/// Where a restore puts the vault, and what it does with one already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreInto {
    /// Only a folder without a vault.
    Empty,
    /// Over an existing vault, which is moved aside (never deleted) into a folder named
    /// `replaced-<time>` inside the data folder.
    Replace,
}

fn read_header(reader: &mut impl BufRead) -> Result<Header> {
    let mut magic = String::new();
    reader
        .by_ref()
        .take(64)
        .read_line(&mut magic)
        .map_err(Error::io("read the backup file"))?;
    if magic.trim_end() != MAGIC {
        return Err(Error::invalid(
            "this file is not a Holdspace backup (or one from a newer version)",
        ));
    }
    let mut line = String::new();
    reader
        .by_ref()
        .take(MAX_HEADER_BYTES)
        .read_line(&mut line)
        .map_err(Error::io("read the backup file"))?;
    let header: Header = serde_json::from_str(line.trim_end()).map_err(|_| tampered())?;
    if header.format_version > FORMAT_VERSION {
        return Err(Error::NewerVersion {
            what: "backup format",
            found: header.format_version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(header)
}

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
    let mut manifest: Manifest = serde_json::from_str(&inner.vault_json).map_err(|_| tampered())?;

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
    rekey(&part.0, &backup_key, &data_key)?;
    let version = verify_database(&part.0, &data_key)?;

    // The keyring entry of the backed-up machine is not here: seal the key anew in this
    // machine's keyring, or leave the passphrase and recovery code as the ways in.
    if manifest.protectors.keyring.is_some() {
        manifest.protectors.keyring =
            protectors::keyring(keystore, &manifest.vault_id, &data_key).ok();
    }
    manifest.schema_version = version;
    let described = Scratch::beside(&paths.manifest(), "restore-json")?;
    manifest.save(&described.0)?;

    before_swap()?;
    let aside = if exists {
        Some(set_aside(paths, &vault_files)?)
    } else {
        None
    };
    let installed = fs::rename(&part.0, paths.database())
        .and_then(|()| fs::rename(&described.0, paths.manifest()))
        .map_err(Error::io("put the restored vault in place"))
        .and_then(|()| files::sync_dir(paths.dir()));
    if let Err(error) = installed {
        // Put the vault that was there back, as it was.
        let _ = fs::remove_file(paths.database());
        let _ = fs::remove_file(paths.manifest());
        if let Some(moved) = &aside {
            put_back(moved);
        }
        return Err(error);
    }
    Ok((
        BackupSummary {
            created_utc: header.created_utc,
            schema_version: version,
            database_bytes: len,
        },
        manifest,
    ))
}

/// Moves the vault's files into a new `replaced-<time>-<random>/` folder in the data folder;
/// returns what moved where. On a failure midway, what had moved is put back.
fn set_aside(paths: &VaultPaths, vault_files: &[PathBuf]) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut tag = [0u8; 3];
    random::fill(&mut tag)?;
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let aside = paths
        .dir()
        .join(format!("replaced-{stamp}-{}", hex::encode(tag)));
    fs::create_dir(&aside).map_err(Error::io("keep the replaced vault aside"))?;
    let mut moved = Vec::new();
    for path in vault_files.iter().filter(|p| p.exists()) {
        let Some(name) = path.file_name() else {
            continue;
        };
        let target = aside.join(name);
        if let Err(error) = fs::rename(path, &target) {
            put_back(&moved);
            return Err(Error::io("keep the replaced vault aside")(error));
        }
        moved.push((path.clone(), target));
    }
    Ok(moved)
}

fn put_back(moved: &[(PathBuf, PathBuf)]) {
    for (original, aside) in moved.iter().rev() {
        let _ = fs::rename(aside, original);
    }
}

/// For the fuzz target: reads a backup's first line and header from untrusted bytes (the part
/// a restore reads before any key derivation), and says whether they were accepted.
#[doc(hidden)]
pub fn read_header_for_fuzzing(data: &[u8]) -> bool {
    let mut reader = std::io::Cursor::new(data);
    read_header(&mut reader).is_ok()
}
