//! `vault.json`: the description of a vault that can be read without any key. It holds the
//! format version, the vault id, the schema version last migrated to, and one sealed copy of
//! the data key per protector with the parameters to derive its key-encryption key. It holds
//! no secret: every key in it is sealed, and the passphrase and recovery code are not stored.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::files;
use super::kdf::KdfParams;
use super::key::{Key, WrappedKey};
use super::manifest_seal;
use crate::{Error, Result};

/// Bumped only for changes an older Holdspace could not read safely. Format 2 carries a seal
/// (see `manifest_seal`); a format-1 description, which has none, is sealed at its next unlock.
pub const FORMAT_VERSION: i64 = 2;
const FIRST_SEALED_FORMAT: i64 = 2;

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

/// Unknown fields are refused, not ignored: in this format every field is known, so an
/// unknown one is a name changed on disk (a flipped bit turning `passphrase` into a field
/// nobody reads would make a sound vault look as if it had no passphrase), and a rewrite
/// would drop it. So a new field, even an optional one, needs a new [`FORMAT_VERSION`]: an
/// older Holdspace then says "made by a newer version" instead of "damaged".
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format_version: i64,
    pub vault_id: String,
    pub schema_version: i64,
    pub created_at: String,
    pub protectors: Protectors,
    /// While the data key is being rotated: the same protectors sealing the new key. Opening
    /// tries both sets and finishes (or abandons) the rotation; see `rotation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_rotation: Option<Protectors>,
    /// While a rotation is pending: the new data key sealed under the old one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_key: Option<WrappedKey>,
    /// A rotation interrupted after the database took the new key was finished at unlock:
    /// its new recovery code was never shown, so the person must make a new one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recovery_code_unseen: bool,
    /// Last, so that it is written after every field it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<String>,
    /// The file exactly as read, which the seal covers; empty for a description not read
    /// from a file.
    #[serde(skip)]
    pub(crate) loaded_bytes: Vec<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
        Self::from_bytes(bytes)
    }

    /// Reads a description from its bytes (a file's, or a backup's copy). A newer format is
    /// refused as such before the rest is interpreted, since its fields may mean something else.
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Result<Self> {
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
        let mut manifest: Self = serde_json::from_value(value).map_err(damaged)?;
        manifest.loaded_bytes = bytes;
        Ok(manifest)
    }

    /// Writes the description in the current format, sealed with the data key.
    pub(crate) fn save(&self, path: &Path, key: &Key) -> Result<()> {
        let mut unsealed = self.clone();
        unsealed.format_version = FORMAT_VERSION;
        unsealed.seal = Some(manifest_seal::PLACEHOLDER.into());
        let mut bytes = serde_json::to_vec_pretty(&unsealed)
            .map_err(|_| Error::Storage("the vault description could not be encoded".into()))?;
        bytes.push(b'\n');
        let bytes = manifest_seal::seal(key, bytes)?;
        files::write_atomically(path, &bytes)
    }

    /// With the data key in hand: refuses a description changed outside Holdspace. Only a
    /// description from before seals existed may have none.
    pub(crate) fn verify_seal(&self, key: &Key) -> Result<()> {
        match &self.seal {
            Some(seal) => manifest_seal::verify(key, &self.loaded_bytes, seal),
            None if self.format_version < FIRST_SEALED_FORMAT => Ok(()),
            None => Err(Error::VaultDamaged(
                "vault.json has lost its seal; it was changed outside Holdspace".into(),
            )),
        }
    }

    /// As [`Manifest::verify_seal`], passing when any of `keys` made the seal (while a rotation
    /// is pending the description may be sealed by the old key or the new one).
    pub(crate) fn verify_seal_with_any<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k Key>,
    ) -> Result<()> {
        let mut outcome = Err(Error::VaultDamaged(
            "vault.json was changed outside Holdspace".into(),
        ));
        for key in keys {
            outcome = self.verify_seal(key);
            if outcome.is_ok() {
                break;
            }
        }
        outcome
    }

    /// A description from before seals existed, to be sealed at the next unlock.
    pub(crate) fn needs_seal(&self) -> bool {
        self.seal.is_none()
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
