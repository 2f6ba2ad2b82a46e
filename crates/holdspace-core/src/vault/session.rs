//! A host's view of the vault in its data folder: none yet, locked, unlocked, or unreadable.
//! The desktop shell holds one `Session` for its lifetime; its commands are one call each into
//! the methods here, which take and return the plain data types that cross the IPC boundary.
//!
//! What must hold: starting never fails (a damaged or newer vault becomes a state the UI can
//! explain, not a crash), and secrets arriving as plain strings are wrapped at once.

use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};

use super::kdf::KdfTuning;
use super::{
    CreateOptions, KeyStore, NewProtector, ProtectorKind, RecoveryCode, Unlock, Vault, VaultPaths,
    VaultStatus,
};
use crate::{Error, ErrorCode, Result, Secret};

/// Where the session stands; the UI shows one screen per phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// No vault in the data folder: first-run set-up.
    NoVault,
    Locked,
    Unlocked,
    /// vault.json cannot be read (damaged, or from a newer Holdspace).
    Unreadable,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Problem {
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SessionState {
    pub phase: Phase,
    pub status: Option<VaultStatus>,
    pub problem: Option<Problem>,
}

#[derive(Debug, Deserialize, specta::Type)]
pub struct CreateRequest {
    pub use_keyring: bool,
    pub passphrase: Option<String>,
}

#[derive(Debug, Serialize, specta::Type)]
pub struct CreatedVault {
    /// Shown once, grouped as five groups of five.
    pub recovery_code: String,
    pub state: SessionState,
}

#[derive(Debug, Deserialize, specta::Type)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum UnlockRequest {
    Keyring,
    Passphrase { passphrase: String },
    RecoveryCode { code: String },
}

#[derive(Debug, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NewProtectorRequest {
    Keyring,
    Passphrase { passphrase: String },
}

#[derive(Debug, Deserialize, specta::Type)]
pub struct RecoverRequest {
    pub code: String,
    pub new_protector: NewProtectorRequest,
}

impl From<NewProtectorRequest> for NewProtector {
    fn from(request: NewProtectorRequest) -> Self {
        match request {
            NewProtectorRequest::Keyring => Self::Keyring,
            NewProtectorRequest::Passphrase { passphrase } => {
                Self::Passphrase(Secret::new(passphrase))
            }
        }
    }
}

#[derive(Debug)]
pub struct Session {
    pub(super) paths: VaultPaths,
    pub(super) keystore: Arc<dyn KeyStore>,
    pub(super) vault: RwLock<Option<Arc<Vault>>>,
    kdf: KdfTuning,
}

impl Session {
    /// Never fails: whatever is in the folder is reported by [`Session::state`].
    pub fn new(paths: VaultPaths, keystore: Arc<dyn KeyStore>, kdf: KdfTuning) -> Self {
        super::erase::finish_interrupted(paths.dir());
        let vault = Vault::load(paths.clone(), Arc::clone(&keystore))
            .ok()
            .map(Arc::new);
        Self {
            paths,
            keystore,
            vault: RwLock::new(vault),
            kdf,
        }
    }

    fn current(&self) -> Result<Option<Arc<Vault>>> {
        let slot = self.vault.read().map_err(|_| poisoned())?;
        Ok(slot.clone())
    }

    /// The vault, or `not_found` before set-up (or `vault_damaged`/`newer_version` when its
    /// description cannot be read).
    pub fn vault(&self) -> Result<Arc<Vault>> {
        if let Some(vault) = self.current()? {
            return Ok(vault);
        }
        // Re-read: the folder may have been restored or repaired since start.
        let vault = Arc::new(Vault::load(self.paths.clone(), Arc::clone(&self.keystore))?);
        *self.vault.write().map_err(|_| poisoned())? = Some(Arc::clone(&vault));
        Ok(vault)
    }

    pub fn state(&self) -> SessionState {
        match self.vault() {
            Ok(vault) => match vault.status() {
                Ok(status) => SessionState {
                    phase: if status.unlocked {
                        Phase::Unlocked
                    } else {
                        Phase::Locked
                    },
                    status: Some(status),
                    problem: None,
                },
                Err(error) => unreadable(&error),
            },
            Err(Error::NotFound { .. }) => SessionState {
                phase: Phase::NoVault,
                status: None,
                problem: None,
            },
            Err(error) => unreadable(&error),
        }
    }

    pub fn create(&self, request: CreateRequest) -> Result<CreatedVault> {
        let created = Vault::create(
            self.paths.clone(),
            Arc::clone(&self.keystore),
            CreateOptions {
                passphrase: request.passphrase.map(Secret::new),
                use_keyring: request.use_keyring,
                kdf: self.kdf,
            },
        )?;
        let recovery_code = created.recovery_code.display_form().expose().clone();
        *self.vault.write().map_err(|_| poisoned())? = Some(Arc::new(created.vault));
        Ok(CreatedVault {
            recovery_code,
            state: self.state(),
        })
    }

    pub fn unlock(&self, request: UnlockRequest) -> Result<SessionState> {
        let how = match request {
            UnlockRequest::Keyring => Unlock::Keyring,
            UnlockRequest::Passphrase { passphrase } => Unlock::Passphrase(Secret::new(passphrase)),
            UnlockRequest::RecoveryCode { code } => {
                Unlock::RecoveryCode(RecoveryCode::parse(Secret::new(code).expose())?)
            }
        };
        self.vault()?.unlock(how)?;
        Ok(self.state())
    }

    pub fn lock(&self) -> Result<SessionState> {
        if let Some(vault) = self.current()? {
            vault.lock()?;
        }
        Ok(self.state())
    }

    pub fn change_passphrase(&self, passphrase: String) -> Result<SessionState> {
        self.vault()?.change_passphrase(&Secret::new(passphrase))?;
        Ok(self.state())
    }

    pub fn add_protector(&self, request: NewProtectorRequest) -> Result<SessionState> {
        let vault = self.vault()?;
        match request {
            NewProtectorRequest::Keyring => vault.add_keyring()?,
            NewProtectorRequest::Passphrase { passphrase } => {
                vault.add_passphrase(&Secret::new(passphrase))?
            }
        }
        Ok(self.state())
    }

    pub fn remove_protector(&self, kind: ProtectorKind) -> Result<SessionState> {
        self.vault()?.remove_protector(kind)?;
        Ok(self.state())
    }

    pub fn recover(&self, request: RecoverRequest) -> Result<SessionState> {
        let code = RecoveryCode::parse(Secret::new(request.code).expose())?;
        self.vault()?.recover(code, request.new_protector.into())?;
        Ok(self.state())
    }

    /// Re-encrypts the vault under a new data key (see `rotation`); the new recovery code is
    /// returned to be shown once.
    pub fn rotate_data_key(&self, passphrase: Option<String>) -> Result<CreatedVault> {
        let passphrase = passphrase.map(Secret::new);
        let code = self.vault()?.rotate_data_key(passphrase.as_ref())?;
        Ok(CreatedVault {
            recovery_code: code.display_form().expose().clone(),
            state: self.state(),
        })
    }

    /// Writes an encrypted backup of the unlocked vault to `out`.
    pub fn backup(
        &self,
        passphrase: String,
        out: &std::path::Path,
    ) -> Result<super::BackupSummary> {
        self.vault()?
            .backup(&Secret::new(passphrase), out, self.kdf)
    }

    /// Restores a backup into this session's data folder: into an empty one, or (`replace`,
    /// after the person confirmed) over the vault there, which is locked first and kept aside.
    /// The restored vault starts locked.
    pub fn restore_backup(
        &self,
        file: &std::path::Path,
        passphrase: String,
        replace: bool,
    ) -> Result<SessionState> {
        let into = if replace {
            super::RestoreInto::Replace
        } else {
            super::RestoreInto::Empty
        };
        let mut slot = self.vault.write().map_err(|_| poisoned())?;
        let current = slot.clone();
        let mut swapping = false;
        let restored = super::backup::restore_with(
            file,
            &Secret::new(passphrase),
            &self.paths,
            into,
            &*self.keystore,
            || {
                // Everything is verified: close the vault open here just before its files go.
                swapping = true;
                match &current {
                    Some(vault) if replace => vault.lock(),
                    _ => Ok(()),
                }
            },
        );
        // A refusal before the swap leaves the open vault as it was; after it, the session
        // shows what is in the folder now (the restored vault, or the old one put back).
        if restored.is_ok() || swapping || current.is_none() {
            *slot = Vault::load(self.paths.clone(), Arc::clone(&self.keystore))
                .ok()
                .map(Arc::new);
        }
        drop(slot);
        restored?;
        Ok(self.state())
    }

    pub fn regenerate_recovery_code(&self) -> Result<String> {
        let code = self.vault()?.regenerate_recovery_code()?;
        Ok(code.display_form().expose().clone())
    }
}

fn unreadable(error: &Error) -> SessionState {
    SessionState {
        phase: Phase::Unreadable,
        status: None,
        problem: Some(Problem {
            code: error.code(),
            message: error.to_string(),
        }),
    }
}

pub(crate) fn poisoned() -> Error {
    Error::Storage("an earlier operation failed midway; restart Holdspace".into())
}
