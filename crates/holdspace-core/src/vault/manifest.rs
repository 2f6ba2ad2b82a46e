//! `vault.json`: the description of a vault that can be read without any key. It holds the
//! format version, the vault id, the schema version last migrated to, and one sealed copy of
//! the data key per protector with the parameters to derive its key-encryption key. It holds
//! no secret: every key in it is sealed, and the passphrase and recovery code are not stored.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::files;
use super::kdf::KdfParams;
use super::key::WrappedKey;
use crate::{Error, Result};

/// Bumped only for changes an older Holdspace could not read safely.
pub const FORMAT_VERSION: i64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ProtectorKind {
    Keyring,
    Passphrase,
    RecoveryCode,
}

impl ProtectorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Keyring => "keyring",
            Self::Passphrase => "passphrase",
            Self::RecoveryCode => "recovery-code",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: i64,
    pub vault_id: String,
    pub schema_version: i64,
    pub created_at: String,
    pub protectors: Protectors,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Protectors {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyring: Option<KeyringProtector>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passphrase: Option<DerivedProtector>,
    /// Every vault has one; regenerating replaces it.
    pub recovery_code: DerivedProtector,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyringProtector {
    pub service: String,
    pub account: String,
    pub wrapped_key: WrappedKey,
}

/// A protector whose key-encryption key is derived from something the user knows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DerivedProtector {
    pub kdf: KdfParams,
    pub wrapped_key: WrappedKey,
}

impl Manifest {
    /// Reads `vault.json` without writing anything. A newer format is refused before the rest
    /// is interpreted, since its fields may mean something else.
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NotFound { what: "vault" })
            }
            Err(e) => return Err(Error::io("read the vault description")(e)),
        };
        let damaged = |_| Error::VaultDamaged("vault.json is not a valid vault description".into());
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(damaged)?;
        let format = value
            .get("format_version")
            .and_then(serde_json::Value::as_i64)
            .ok_or_else(|| Error::VaultDamaged("vault.json has no format version".into()))?;
        if format > FORMAT_VERSION {
            return Err(Error::NewerVersion {
                what: "vault format",
                found: format,
                supported: FORMAT_VERSION,
            });
        }
        serde_json::from_value(value).map_err(damaged)
    }

    pub(crate) fn save(&self, path: &Path) -> Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self)
            .map_err(|_| Error::Storage("the vault description could not be encoded".into()))?;
        bytes.push(b'\n');
        files::write_atomically(path, &bytes)
    }

    pub fn protector_kinds(&self) -> Vec<ProtectorKind> {
        let mut kinds = Vec::with_capacity(3);
        if self.protectors.keyring.is_some() {
            kinds.push(ProtectorKind::Keyring);
        }
        if self.protectors.passphrase.is_some() {
            kinds.push(ProtectorKind::Passphrase);
        }
        kinds.push(ProtectorKind::RecoveryCode);
        kinds
    }

    /// Associated data binding a sealed key to this vault and this protector slot.
    pub(crate) fn seal_context(&self, kind: ProtectorKind) -> Vec<u8> {
        seal_context(&self.vault_id, kind)
    }
}

pub(crate) fn seal_context(vault_id: &str, kind: ProtectorKind) -> Vec<u8> {
    format!("holdspace-vault/{vault_id}/{}", kind.as_str()).into_bytes()
}
