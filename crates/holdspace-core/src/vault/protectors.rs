//! Adding, removing and using protectors. Every change re-seals the same data key under a new
//! key-encryption key and replaces `vault.json` atomically: the database is never rekeyed, so
//! changing a passphrase is instant and a crash leaves the old or the new protector working.

use super::kdf::{KdfCost, KdfParams};
use super::key::{self, Key};
use super::manifest::{seal_context, DerivedProtector, KeyringProtector, Manifest, ProtectorKind};
use super::{KeyStore, NewProtector, RecoveryCode, Unlock, Vault};
use crate::{Error, Result, Secret};

const MIN_PASSPHRASE_CHARS: usize = 8;
const MAX_PASSPHRASE_BYTES: usize = 1024;

pub(crate) fn validate_passphrase(passphrase: &Secret<String>) -> Result<()> {
    let text = passphrase.expose();
    if text.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid(format!(
            "a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters"
        )));
    }
    if text.len() > MAX_PASSPHRASE_BYTES {
        return Err(Error::invalid(format!(
            "a passphrase can be at most {MAX_PASSPHRASE_BYTES} bytes"
        )));
    }
    Ok(())
}

pub(crate) fn derived(
    vault_id: &str,
    kind: ProtectorKind,
    cost: KdfCost,
    secret: &[u8],
    data_key: &Key,
) -> Result<DerivedProtector> {
    let kdf = KdfParams::new(cost)?;
    let kek = kdf.derive(secret)?;
    let wrapped_key = key::wrap(&kek, data_key, &seal_context(vault_id, kind))?;
    Ok(DerivedProtector { kdf, wrapped_key })
}

pub(crate) fn keyring(
    keystore: &dyn KeyStore,
    vault_id: &str,
    data_key: &Key,
) -> Result<KeyringProtector> {
    keyring_entry(keystore, vault_id, format!("vault-{vault_id}"), data_key)
}

/// A keyring account name no entry of this vault uses yet, for an entry that must go in beside
/// an old one (a rotation, a recovery into the keyring).
pub(crate) fn fresh_keyring_account(vault_id: &str) -> Result<String> {
    let mut tag = [0u8; 4];
    super::random::fill(&mut tag)?;
    Ok(format!("vault-{vault_id}-{}", hex::encode(tag)))
}

/// A keyring protector under `account` (a rotation puts its new entry beside the old one).
pub(crate) fn keyring_entry(
    keystore: &dyn KeyStore,
    vault_id: &str,
    account: String,
    data_key: &Key,
) -> Result<KeyringProtector> {
    let kek = key::random_key()?;
    let wrapped_key = key::wrap(
        &kek,
        data_key,
        &seal_context(vault_id, ProtectorKind::Keyring),
    )?;
    keystore.set(&account, &kek)?;
    Ok(KeyringProtector {
        service: super::KEYRING_SERVICE.into(),
        account,
        wrapped_key,
    })
}

pub(crate) fn open_keyring(
    keystore: &dyn KeyStore,
    manifest: &Manifest,
    protector: &KeyringProtector,
) -> Result<Key> {
    let kek = keystore.get(&protector.account)?;
    key::unwrap(
        &kek,
        &protector.wrapped_key,
        &manifest.seal_context(ProtectorKind::Keyring),
    )?
    .ok_or_else(|| Error::KeyringUnavailable {
        reason: "the key it holds does not open this vault".into(),
    })
}

pub(crate) fn open_derived(
    manifest: &Manifest,
    kind: ProtectorKind,
    protector: &DerivedProtector,
    secret: &[u8],
) -> Result<Key> {
    let kek = protector.kdf.derive(secret)?;
    key::unwrap(&kek, &protector.wrapped_key, &manifest.seal_context(kind))?
        .ok_or(Error::WrongPassphrase)
}

/// The cost chosen at creation, reused so later changes need no new calibration.
pub(crate) fn creation_cost(manifest: &Manifest) -> KdfCost {
    manifest.protectors.recovery_code.kdf.cost
}

impl Vault {
    /// Replaces the passphrase. Needs the vault unlocked and a passphrase already set.
    #[tracing::instrument(skip_all)]
    pub fn change_passphrase(&self, new: &Secret<String>) -> Result<()> {
        validate_passphrase(new)?;
        self.change_manifest(|manifest, data_key| {
            if manifest.protectors.passphrase.is_none() {
                return Err(Error::invalid(
                    "this vault has no passphrase yet; add one as a protector",
                ));
            }
            set_passphrase(manifest, data_key, new)
        })
    }

    /// Adds a passphrase protector; refuses if one exists (change it instead).
    #[tracing::instrument(skip_all)]
    pub fn add_passphrase(&self, new: &Secret<String>) -> Result<()> {
        validate_passphrase(new)?;
        self.change_manifest(|manifest, data_key| {
            if manifest.protectors.passphrase.is_some() {
                return Err(Error::Conflict(
                    "this vault already has a passphrase; change it instead".into(),
                ));
            }
            set_passphrase(manifest, data_key, new)
        })
    }

    /// Stores a new key-encryption key in the OS keyring. If the keyring refuses, the vault is
    /// unchanged and the error says so: there is no silent fallback.
    #[tracing::instrument(skip_all)]
    pub fn add_keyring(&self) -> Result<()> {
        let keystore = std::sync::Arc::clone(&self.keystore);
        self.change_manifest(|manifest, data_key| {
            if manifest.protectors.keyring.is_some() {
                return Err(Error::Conflict(
                    "this vault is already protected by the keyring".into(),
                ));
            }
            manifest.protectors.keyring = Some(keyring(&*keystore, &manifest.vault_id, data_key)?);
            Ok(())
        })
    }

    /// Removes the keyring or the passphrase, as long as one of the two remains.
    #[tracing::instrument(skip_all)]
    pub fn remove_protector(&self, kind: ProtectorKind) -> Result<()> {
        let keystore = std::sync::Arc::clone(&self.keystore);
        let removed = self.change_manifest(|manifest, data_key| {
            if kind == ProtectorKind::Passphrase {
                // Only the recovery code would remain if the keyring entry is gone or stale.
                if let Some(slot) = &manifest.protectors.keyring {
                    let opened = open_keyring(&*keystore, manifest, slot)?;
                    if opened.expose() != data_key.expose() {
                        return Err(Error::KeyringUnavailable {
                            reason: "the key it holds does not open this vault".into(),
                        });
                    }
                }
            }
            let protectors = &mut manifest.protectors;
            let remaining = match kind {
                ProtectorKind::Keyring => protectors.passphrase.is_some(),
                ProtectorKind::Passphrase => protectors.keyring.is_some(),
                ProtectorKind::RecoveryCode => {
                    return Err(Error::invalid(
                        "the recovery code cannot be removed; regenerate it instead",
                    ))
                }
            };
            let present = match kind {
                ProtectorKind::Keyring => protectors.keyring.is_some(),
                _ => protectors.passphrase.is_some(),
            };
            if !present {
                return Err(Error::NotFound {
                    what: "protector of that kind",
                });
            }
            if !remaining {
                return Err(Error::invalid(
                    "the keyring or a passphrase must remain; add the other one first",
                ));
            }
            Ok(match kind {
                ProtectorKind::Keyring => protectors.keyring.take(),
                _ => {
                    protectors.passphrase = None;
                    None
                }
            })
        })?;
        // After vault.json no longer refers to it, the entry is useless; a failure to delete
        // it leaves only a sealed-nothing key behind, so it is logged, not raised.
        if let Some(slot) = removed {
            if self.keystore.delete(&slot.account).is_err() {
                tracing::warn!("the old keyring entry could not be deleted");
            }
        }
        Ok(())
    }

    /// Seals the key under a fresh recovery code; the old code stops working at once.
    #[tracing::instrument(skip_all)]
    pub fn regenerate_recovery_code(&self) -> Result<RecoveryCode> {
        let code = RecoveryCode::generate()?;
        self.change_manifest(|manifest, data_key| {
            manifest.recovery_code_unseen = false;
            manifest.protectors.recovery_code = derived(
                &manifest.vault_id,
                ProtectorKind::RecoveryCode,
                creation_cost(manifest),
                code.canonical(),
                data_key,
            )?;
            Ok(())
        })?;
        Ok(code)
    }

    /// Unlocks with the recovery code, then requires a new passphrase or keyring protector.
    /// A keyring protector whose entry has gone is dropped, since it can never open again.
    #[tracing::instrument(skip_all)]
    pub fn recover(&self, code: RecoveryCode, new: NewProtector) -> Result<()> {
        if let NewProtector::Passphrase(p) = &new {
            validate_passphrase(p)?;
        }
        // Lock first: an already-open vault would otherwise not check the code at all.
        self.lock()?;
        self.unlock(Unlock::RecoveryCode(code))?;
        let result = self.replace_after_recovery(new);
        if result.is_err() {
            self.lock()?;
        }
        result
    }

    fn replace_after_recovery(&self, new: NewProtector) -> Result<()> {
        let keystore = std::sync::Arc::clone(&self.keystore);
        let replaced = self.change_manifest(|manifest, data_key| {
            let stale = manifest.protectors.keyring.as_ref().is_some_and(|slot| {
                matches!(
                    keystore.get(&slot.account),
                    Err(super::KeyringFailure::Missing)
                )
            });
            if stale {
                manifest.protectors.keyring = None;
            }
            match &new {
                NewProtector::Passphrase(p) => {
                    set_passphrase(manifest, data_key, p)?;
                    Ok(None)
                }
                // The new entry goes in beside the old; the old is deleted only after
                // vault.json has been saved without it.
                // Under an account of its own: written under the old one's name, the new key
                // would replace the old in the keyring before vault.json names it, and
                // deleting the old entry would then delete the new one.
                NewProtector::Keyring => {
                    let account = fresh_keyring_account(&manifest.vault_id)?;
                    let fresh = keyring_entry(&*keystore, &manifest.vault_id, account, data_key)?;
                    Ok(manifest.protectors.keyring.replace(fresh))
                }
            }
        })?;
        if let Some(old) = replaced {
            if keystore.delete(&old.account).is_err() {
                tracing::warn!("the replaced keyring entry could not be deleted");
            }
        }
        Ok(())
    }
}

fn set_passphrase(manifest: &mut Manifest, data_key: &Key, new: &Secret<String>) -> Result<()> {
    manifest.protectors.passphrase = Some(derived(
        &manifest.vault_id,
        ProtectorKind::Passphrase,
        creation_cost(manifest),
        new.expose().as_bytes(),
        data_key,
    )?);
    Ok(())
}
