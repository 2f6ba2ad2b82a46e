//! The encrypted vault: one SQLCipher database keyed by a random 256-bit data key, and
//! `vault.json` holding that key sealed under each protector (keyring, passphrase, recovery
//! code).
//!
//! What must hold, whatever happens:
//! - the data key is never written anywhere in plain form;
//! - nothing is written until the key and the file have been verified (a failed unlock and
//!   `doctor` leave every file byte-identical);
//! - a database that fails to open is explained, never replaced by a new empty one;
//! - a vault from a newer Holdspace is refused untouched.

mod access;
mod backup;
pub mod bench;
mod create;
mod doctor;
mod erase;
mod files;
mod kdf;
mod key;
mod keyring;
mod manifest;
mod manifest_seal;
mod migrations;
mod plain_copy;
mod protectors;
pub(crate) mod random;
mod recovery_code;
mod rotation;
mod session;
mod store;
mod wal_check;

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use serde::Serialize;

pub use access::VaultConnection;
pub use backup::{read_header_for_fuzzing, restore, BackupSummary, RestoreInto};
pub use doctor::{DoctorCheck, DoctorReport};
pub use erase::{erase_folder, Erased, ERASE_CONFIRMATION};
pub use kdf::{KdfCost, KdfTuning};
pub use keyring::{KeyStore, KeyringFailure, OsKeyring, KEYRING_SERVICE};
pub use manifest::{Manifest, ProtectorKind, FORMAT_VERSION};
pub use migrations::latest_version as latest_schema_version;
pub use paths::VaultPaths;
pub(crate) use plain_copy::plain_copy;
pub use recovery_code::RecoveryCode;
pub use session::{
    CreateRequest, CreatedVault, NewProtectorRequest, Phase, Problem, RecoverRequest, Session,
    SessionState, UnlockRequest,
};
pub use store::{memory_security, set_memory_security, CACHE_KIB};

pub mod paths;

use key::Key;
use store::{Connector, Pool};

use crate::{Error, Result, Secret};

/// How to unlock.
#[derive(Debug)]
pub enum Unlock {
    Keyring,
    Passphrase(Secret<String>),
    RecoveryCode(RecoveryCode),
}

impl Unlock {
    fn kind(&self) -> ProtectorKind {
        match self {
            Self::Keyring => ProtectorKind::Keyring,
            Self::Passphrase(_) => ProtectorKind::Passphrase,
            Self::RecoveryCode(_) => ProtectorKind::RecoveryCode,
        }
    }
}

/// The protector to add after a recovery (the recovery code alone never suffices).
#[derive(Debug)]
pub enum NewProtector {
    Keyring,
    Passphrase(Secret<String>),
}

#[derive(Debug)]
pub struct CreateOptions {
    pub passphrase: Option<Secret<String>>,
    pub use_keyring: bool,
    pub kdf: KdfTuning,
}

/// A new vault, unlocked, with the recovery code to show the user exactly once.
#[derive(Debug)]
pub struct Created {
    pub vault: Vault,
    pub recovery_code: RecoveryCode,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct VaultStatus {
    pub vault_id: String,
    pub schema_version: i64,
    pub protectors: Vec<ProtectorKind>,
    pub data_dir: String,
    pub unlocked: bool,
    pub unlocked_with: Option<ProtectorKind>,
    /// An interrupted key rotation was finished without its new recovery code being shown:
    /// the person must make a new recovery code.
    pub needs_new_recovery_code: bool,
}

#[derive(Debug)]
pub struct Vault {
    paths: VaultPaths,
    keystore: Arc<dyn KeyStore>,
    state: RwLock<State>,
}

#[derive(Debug)]
struct State {
    manifest: Manifest,
    open: Option<OpenVault>,
}

/// Present only while unlocked. Dropping it closes every connection and zeroizes the key.
#[derive(Debug)]
struct OpenVault {
    pool: Pool,
    data_key: Arc<Key>,
    unlocked_with: ProtectorKind,
    /// Released only after the pool is gone and the database settled.
    in_use: files::InUse,
}

impl Vault {
    /// Reads `vault.json` only; the vault starts locked. Writes nothing (but see below).
    pub fn load(paths: VaultPaths, keystore: Arc<dyn KeyStore>) -> Result<Self> {
        // The one exception to writing nothing: a restore the person confirmed, interrupted
        // after its files were verified, is finished before the folder is looked at.
        backup::finish_interrupted_restore(&paths)?;
        let manifest = Manifest::load(&paths.manifest())?;
        Ok(Self {
            paths,
            keystore,
            state: RwLock::new(State {
                manifest,
                open: None,
            }),
        })
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    pub fn status(&self) -> Result<VaultStatus> {
        let state = self.read_state()?;
        Ok(VaultStatus {
            vault_id: state.manifest.vault_id.clone(),
            schema_version: state.manifest.schema_version,
            protectors: state.manifest.protector_kinds(),
            data_dir: self.paths.dir().display().to_string(),
            unlocked: state.open.is_some(),
            unlocked_with: state.open.as_ref().map(|o| o.unlocked_with),
            needs_new_recovery_code: state.manifest.recovery_code_unseen,
        })
    }

    pub fn is_unlocked(&self) -> bool {
        self.read_state().map(|s| s.open.is_some()).unwrap_or(false)
    }

    /// Unwraps the data key, verifies the database with it (read only), refuses newer
    /// schemas, then migrates and records which protector unlocked.
    #[tracing::instrument(skip_all)]
    pub fn unlock(&self, how: Unlock) -> Result<ProtectorKind> {
        let mut state = self.write_state()?;
        let kind = how.kind();
        if let Some(open) = &state.open {
            // Already open: the secret must still be right, or an unlock screen would accept
            // anything while the vault happens to be unlocked.
            let key = self.unwrap_key(&state.manifest, &how)?;
            if key.expose() != open.data_key.expose() {
                return Err(Error::WrongPassphrase);
            }
            return Ok(open.unlocked_with);
        }
        // What vault.json says now: another process (the CLI, a restore) may have changed it
        // since this vault was loaded.
        state.manifest = Manifest::load(&self.paths.manifest())?;
        // Two keys can be in play while a rotation is pending (see `rotation`).
        let candidates = self.candidate_keys(&state.manifest, &how)?;
        state
            .manifest
            .verify_seal_with_any(candidates.iter().map(|c| &*c.key))?;
        let in_use = files::claim_in_use(&self.paths.in_use_lock())?;
        if in_use.alone {
            wal_check::check(&self.paths.database())?;
        }
        let (pool, data_key) =
            self.open_with_candidates(&mut state.manifest, &candidates, in_use.alone)?;
        access::record_unlock(&pool, kind)?;
        state.open = Some(OpenVault {
            pool,
            data_key,
            unlocked_with: kind,
            in_use,
        });
        tracing::info!(protector = kind.as_str(), "vault unlocked");
        Ok(kind)
    }

    /// Drops every connection (the last one checkpoints the WAL) and zeroizes the key.
    #[tracing::instrument(skip_all)]
    pub fn lock(&self) -> Result<()> {
        let mut state = self.write_state()?;
        self.close(&mut state);
        Ok(())
    }

    fn close(&self, state: &mut State) {
        if let Some(open) = state.open.take() {
            let (in_use, settled) = self.release(open);
            if !settled {
                tracing::warn!("the database could not be settled after locking");
            }
            drop(in_use);
        }
    }

    /// Closes every connection and settles the database into one file; returns the in-use
    /// claim (still held) and whether settling worked (it fails while another process has
    /// the database open).
    fn release(&self, open: OpenVault) -> (files::InUse, bool) {
        let OpenVault {
            pool,
            data_key,
            in_use,
            ..
        } = open;
        drop(pool);
        // The pool's worker thread may still be finishing a connection it was opening, and
        // holds the connector (and its copy of the key) until then. Wait for the last copy
        // to go, so every connection is closed before the database is settled.
        let deadline = std::time::Instant::now() + CLOSE_WAIT;
        while Arc::strong_count(&data_key) > 1 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let settled = (0..3).any(|_| store::settle(&self.paths.database(), &data_key).is_ok());
        (in_use, settled)
    }

    fn unwrap_key(&self, manifest: &Manifest, how: &Unlock) -> Result<Key> {
        self.unwrap_from(manifest, &manifest.protectors, how)
    }

    /// Opens the data key sealed in `protectors` (the manifest's own, or a pending rotation's).
    fn unwrap_from(
        &self,
        manifest: &Manifest,
        protectors: &manifest::Protectors,
        how: &Unlock,
    ) -> Result<Key> {
        match how {
            Unlock::Keyring => {
                let protector =
                    protectors
                        .keyring
                        .as_ref()
                        .ok_or_else(|| Error::KeyringUnavailable {
                            reason: "this vault has no keyring protector".into(),
                        })?;
                protectors::open_keyring(&*self.keystore, manifest, protector)
            }
            Unlock::Passphrase(passphrase) => {
                let protector = protectors.passphrase.as_ref().ok_or_else(|| {
                    Error::invalid(
                        "this vault has no passphrase; use the keyring or the recovery code",
                    )
                })?;
                protectors::open_derived(
                    manifest,
                    ProtectorKind::Passphrase,
                    protector,
                    passphrase.expose().as_bytes(),
                )
            }
            Unlock::RecoveryCode(code) => protectors::open_derived(
                manifest,
                ProtectorKind::RecoveryCode,
                &protectors.recovery_code,
                code.canonical(),
            ),
        }
    }

    /// Verification reads only; the first write (migrations, the unlock record) happens after
    /// the key, the header, the structure and the schema version have all been checked.
    /// `seal_keys`: the keys vault.json may be sealed with now (two while a rotation is
    /// pending), for the locked rewrite that records a migration or a first seal.
    /// `alone`: no other process has the database open (its companion files are quiet).
    fn open_verified(
        &self,
        manifest: &mut Manifest,
        key: &Arc<Key>,
        seal_keys: &[&Key],
        alone: bool,
    ) -> Result<Pool> {
        let path = self.paths.database();
        store::check_file(&path)?;
        // A log left behind means the last session ended without locking (a crash, a kill).
        // The structure check reads only the newest copy of each page, so a damaged older
        // copy in the database would surface later, at the next checkpoint; after a crash,
        // authenticate every page of the file now.
        let after_crash = self.paths.database_companions()[0].exists() && alone;
        {
            let conn = store::open_for_verification(&path, key)?;
            store::quick_check(&conn)?;
            if after_crash {
                store::every_page_authenticated(&conn, &wal_check::logged_pages(&path))?;
            }
            migrations::refuse_newer(migrations::current_version(&conn)?)?;
        }
        let pool = store::pool(Connector::new(path, Some(Arc::clone(key))))?;
        let version = migrations::migrate(&mut *pool.get()?)?;
        if version != manifest.schema_version || manifest.needs_seal() {
            // Under the file lock, on a fresh read: another process may have changed it.
            self.rewrite_manifest(manifest, seal_keys, key, |m| {
                m.schema_version = version;
                Ok(())
            })?;
        }
        Ok(pool)
    }

    fn read_state(&self) -> Result<RwLockReadGuard<'_, State>> {
        self.state.read().map_err(|_| poisoned())
    }

    fn write_state(&self) -> Result<RwLockWriteGuard<'_, State>> {
        self.state.write().map_err(|_| poisoned())
    }

    /// The manifest and data key of an unlocked vault (backups carry both).
    fn with_open_manifest<T>(&self, f: impl FnOnce(&Manifest, &Key) -> Result<T>) -> Result<T> {
        let state = self.read_state()?;
        let open = state.open.as_ref().ok_or(Error::Locked)?;
        f(&state.manifest, &open.data_key)
    }

    fn with_open<T>(&self, f: impl FnOnce(&OpenVault) -> Result<T>) -> Result<T> {
        let state = self.read_state()?;
        let open = state.open.as_ref().ok_or(Error::Locked)?;
        f(open)
    }

    /// Applies a change to `vault.json` (only while unlocked). Another process (the app and
    /// the CLI at once) may have changed it since we loaded it, so the change is applied to a
    /// fresh read taken under an exclusive file lock, then saved atomically before the
    /// in-memory copy changes: no protector added elsewhere is silently dropped.
    fn change_manifest<T>(
        &self,
        change: impl FnOnce(&mut Manifest, &Key) -> Result<T>,
    ) -> Result<T> {
        let mut state = self.write_state()?;
        let key = Arc::clone(&state.open.as_ref().ok_or(Error::Locked)?.data_key);
        self.rewrite_manifest(&mut state.manifest, &[&key], &key, |m| change(m, &key))
    }

    /// The locked read-change-save of `vault.json` behind [`Vault::change_manifest`]: the fresh
    /// copy must carry a seal made with one of `seal_keys`; the result is sealed with
    /// `save_key` and becomes `current`.
    fn rewrite_manifest<T>(
        &self,
        current: &mut Manifest,
        seal_keys: &[&Key],
        save_key: &Key,
        change: impl FnOnce(&mut Manifest) -> Result<T>,
    ) -> Result<T> {
        let _guard = files::lock_exclusive(&self.paths.manifest_lock())?;
        let mut updated = Manifest::load(&self.paths.manifest())?;
        if updated.vault_id != current.vault_id {
            return Err(Error::Conflict(
                "vault.json now describes another vault; nothing was changed".into(),
            ));
        }
        updated.verify_seal_with_any(seal_keys.iter().copied())?;
        let result = change(&mut updated)?;
        updated.save(&self.paths.manifest(), save_key)?;
        *current = Manifest::load(&self.paths.manifest())?;
        Ok(result)
    }
}

/// How long locking waits for connections still in use elsewhere before settling anyway.
const CLOSE_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

fn poisoned() -> Error {
    Error::Storage("an earlier operation failed midway; restart Holdspace".into())
}

impl Drop for Vault {
    fn drop(&mut self) {
        if let Ok(mut state) = self.state.write() {
            self.close(&mut state);
        }
    }
}
