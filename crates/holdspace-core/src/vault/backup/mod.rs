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

mod create;
#[cfg(test)]
mod newer_format_tests;
mod restore;
mod swap;

pub use restore::restore;
pub(crate) use restore::restore_with;
pub(crate) use swap::finish_interrupted as finish_interrupted_restore;

use std::fs::{self, File};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use blake2::{Blake2b512, Digest};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::kdf::KdfParams;
use super::key::Key;
use super::store::{self, Access};
use super::{migrations, random};
use crate::{Error, Result};

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

impl Scratch {
    /// The file stays: it is no longer scratch.
    fn keep(self) -> PathBuf {
        let kept = std::mem::ManuallyDrop::new(self);
        kept.0.clone()
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

/// For the fuzz target: reads a backup's first line and header from untrusted bytes (the part
/// a restore reads before any key derivation), and says whether they were accepted.
#[doc(hidden)]
pub fn read_header_for_fuzzing(data: &[u8]) -> bool {
    let mut reader = std::io::Cursor::new(data);
    read_header(&mut reader).is_ok()
}
