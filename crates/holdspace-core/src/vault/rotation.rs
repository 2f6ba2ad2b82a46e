//! Rotating the data key: the database re-encrypted under a new random key, in two phases so a
//! crash at any instant leaves a vault that opens with what the person knows.
//!
//! 1. `vault.json` gets the new key sealed by every protector beside the old ones, marked
//!    pending (a new keyring entry goes in beside the old; a new recovery code is made, since
//!    the old code's key cannot seal a key it never saw).
//! 2. Every connection closes, the log is merged into the database, and SQLCipher rekeys it
//!    in one transaction (a crash rolls it back to the old key).
//! 3. `vault.json` keeps only the new protectors; the old keyring entry is deleted.
//!
//! While a rotation is pending, opening unseals both keys and uses the one the database
//! accepts: with the old one, the rotation is abandoned (the pending protectors and keyring
//! entry go); with the new one, it is finished, and since its new recovery code was never
//! shown, the vault asks for a new one.

use std::sync::Arc;

use super::key::{self, Key};
use super::manifest::{Manifest, ProtectorKind, Protectors};
use super::protectors::{self, creation_cost};
use super::store::{self, Pool};
use super::{OpenVault, RecoveryCode, Unlock, Vault};
use crate::{Error, Result, Secret};

/// A data key that the secret given at unlock opens, and where it was sealed.
pub(super) struct Candidate {
    pub(super) key: Arc<Key>,
    pub(super) pending: bool,
}

impl Vault {
    /// The keys the secret opens: the vault's own, and a pending rotation's. Fails with the
    /// own protectors' error when neither opens.
    pub(super) fn candidate_keys(
        &self,
        manifest: &Manifest,
        how: &Unlock,
    ) -> Result<Vec<Candidate>> {
        let own = self.unwrap_key(manifest, how);
        let pending = match (&own, &manifest.pending_key) {
            (Ok(old), Some(sealed)) => key::unwrap(old, sealed, &rotation_context(manifest))
                .ok()
                .flatten(),
            _ => None,
        }
        .or_else(|| {
            manifest
                .pending_rotation
                .as_ref()
                .and_then(|p| self.unwrap_from(manifest, p, how).ok())
        });
        let mut candidates = Vec::with_capacity(2);
        let own_error = match own {
            Ok(key) => {
                candidates.push(Candidate {
                    key: Arc::new(key),
                    pending: false,
                });
                None
            }
            Err(error) => Some(error),
        };
        if let Some(key) = pending {
            candidates.push(Candidate {
                key: Arc::new(key),
                pending: true,
            });
        }
        match own_error {
            Some(error) if candidates.is_empty() => Err(error),
            _ => Ok(candidates),
        }
    }

    /// Opens the database with the first candidate it accepts, then settles a pending rotation
    /// accordingly. Returns the pool and the key in force.
    pub(super) fn open_with_candidates(
        &self,
        manifest: &mut Manifest,
        candidates: &[Candidate],
        alone: bool,
    ) -> Result<(Pool, Arc<Key>)> {
        let mut last_error = Error::VaultDamaged("the database could not be read".into());
        for candidate in candidates {
            let keys: Vec<&Key> = candidates.iter().map(|c| &*c.key).collect();
            match self.open_verified(manifest, &candidate.key, &keys, alone) {
                Ok(pool) => {
                    if manifest.pending_rotation.is_some() {
                        self.settle_rotation(manifest, &keys, &candidate.key, candidate.pending)?;
                    }
                    return Ok((pool, Arc::clone(&candidate.key)));
                }
                // A key the database refuses reads as damage; try the other one.
                Err(error @ Error::VaultDamaged(_)) => last_error = error,
                Err(error) => return Err(error),
            }
        }
        Err(last_error)
    }

    /// Finishes (the database took the new key) or abandons (it has the old one) a rotation
    /// that was interrupted.
    fn settle_rotation(
        &self,
        manifest: &mut Manifest,
        keys: &[&Key],
        in_force: &Key,
        finished: bool,
    ) -> Result<()> {
        let (kept, dropped) = self.rewrite_manifest(manifest, keys, in_force, |m| {
            m.pending_key = None;
            let Some(pending) = m.pending_rotation.take() else {
                return Ok((m.protectors.keyring.clone(), None));
            };
            if finished {
                let old = std::mem::replace(&mut m.protectors, pending);
                m.recovery_code_unseen = true;
                Ok((m.protectors.keyring.clone(), old.keyring))
            } else {
                Ok((m.protectors.keyring.clone(), pending.keyring))
            }
        })?;
        forget_entry(self, kept.as_ref(), dropped.as_ref());
        tracing::warn!(finished, "an interrupted key rotation was settled");
        Ok(())
    }

    /// Re-encrypts the database under a new random data key and seals it anew under every
    /// protector. The passphrase, when the vault has one, must be given (it is stored nowhere,
    /// and the new key must be sealed under it). Returns the new recovery code, to be shown
    /// once: the old one stops working.
    #[tracing::instrument(skip_all)]
    pub fn rotate_data_key(&self, passphrase: Option<&Secret<String>>) -> Result<RecoveryCode> {
        let mut state = self.write_state()?;
        let open = state.open.as_ref().ok_or(Error::Locked)?;
        // A copy of its own, not another handle on the pool's: closing the vault waits until
        // the pool's last handle on the key has gone.
        let old_key = Arc::new(Secret::new(*open.data_key.expose()));
        let unlocked_with = open.unlocked_with;
        if state.manifest.pending_rotation.is_some() {
            return Err(Error::Conflict(
                "a key change is already under way; lock and unlock to finish it".into(),
            ));
        }
        let passphrase = match (&state.manifest.protectors.passphrase, passphrase) {
            (Some(slot), Some(given)) => {
                let opened = protectors::open_derived(
                    &state.manifest,
                    ProtectorKind::Passphrase,
                    slot,
                    given.expose().as_bytes(),
                )?;
                if opened.expose() != old_key.expose() {
                    return Err(Error::WrongPassphrase);
                }
                Some(given)
            }
            (Some(_), None) => {
                return Err(Error::invalid(
                    "enter your passphrase: the new key is sealed under it",
                ))
            }
            (None, _) => None,
        };

        let new_key = Arc::new(key::random_key()?);
        let code = RecoveryCode::generate()?;
        let pending = self.new_protectors(&state.manifest, &new_key, &code, passphrase)?;
        let new_entry = pending.keyring.clone();
        // Phase 1: both sets in vault.json, the new one pending.
        // The new key sealed by the old one too: any of the old protectors (an old recovery
        // code included) can then finish a rotation a crash interrupted.
        let pending_key = key::wrap(&old_key, &new_key, &rotation_context(&state.manifest))?;
        let written = self.rewrite_manifest(&mut state.manifest, &[&old_key], &old_key, |m| {
            m.pending_rotation = Some(pending);
            m.pending_key = Some(pending_key);
            Ok(())
        });
        if let Err(error) = written {
            forget_entry(self, None, new_entry.as_ref());
            return Err(error);
        }

        // Phase 2: every connection closed, the database settled into one file, rekeyed.
        let Some(open) = state.open.take() else {
            return Err(Error::Locked);
        };
        let (in_use, settled) = self.release(open);
        let path = self.paths.database();
        let rekeyed = if settled {
            store::rekey(&path, &old_key, &new_key).and_then(|()| {
                let conn = store::open_for_verification(&path, &new_key)?;
                store::quick_check(&conn)
            })
        } else {
            Err(Error::Conflict(
                "the database is open in another Holdspace; close it and try again".into(),
            ))
        };
        if let Err(error) = rekeyed {
            // SQLCipher does not report whether the rekey committed: ask the file which key
            // it takes before deciding anything.
            let takes = |key: &Key| {
                store::open_for_verification(&path, key)
                    .and_then(|conn| store::quick_check(&conn))
                    .is_ok()
            };
            if takes(&old_key) {
                // Nothing changed in the database: back to the old key, as before.
                let abandoned =
                    self.rewrite_manifest(&mut state.manifest, &[&old_key], &old_key, |m| {
                        m.pending_rotation = None;
                        m.pending_key = None;
                        Ok(())
                    });
                if abandoned.is_ok() {
                    forget_entry(self, None, new_entry.as_ref());
                }
                let pool =
                    self.open_verified(&mut state.manifest, &old_key, &[&old_key], in_use.alone)?;
                state.open = Some(OpenVault {
                    pool,
                    data_key: old_key,
                    unlocked_with,
                    in_use,
                });
                return Err(error);
            }
            if !takes(&new_key) {
                // Neither key reads it now: leave both sets in vault.json, locked, so the next
                // unlock can use whichever the database takes then.
                drop(in_use);
                return Err(error);
            }
            // The rekey did commit: finish.
        }

        // Phase 3: only the new protectors remain.
        let old_entry = state.manifest.protectors.keyring.clone();
        // Until the new code has been handed back, the vault asks for a new one: a crash from
        // here on must not leave a recovery code nobody saw as the only one.
        self.rewrite_manifest(&mut state.manifest, &[&old_key], &new_key, |m| {
            if let Some(pending) = m.pending_rotation.take() {
                m.protectors = pending;
            }
            m.pending_key = None;
            m.recovery_code_unseen = true;
            Ok(())
        })?;
        forget_entry(self, new_entry.as_ref(), old_entry.as_ref());
        let pool = self.open_verified(&mut state.manifest, &new_key, &[&new_key], in_use.alone)?;
        self.rewrite_manifest(&mut state.manifest, &[&new_key], &new_key, |m| {
            m.recovery_code_unseen = false;
            Ok(())
        })?;
        state.open = Some(OpenVault {
            pool,
            data_key: new_key,
            unlocked_with,
            in_use,
        });
        tracing::info!("the data key was rotated");
        Ok(code)
    }

    /// The vault's protectors again, sealing `new_key`: the same passphrase, a new recovery
    /// code, and a new keyring entry beside the old one.
    fn new_protectors(
        &self,
        manifest: &Manifest,
        new_key: &Key,
        code: &RecoveryCode,
        passphrase: Option<&Secret<String>>,
    ) -> Result<Protectors> {
        let cost = creation_cost(manifest);
        let id = &manifest.vault_id;
        let recovery_code = protectors::derived(
            id,
            ProtectorKind::RecoveryCode,
            cost,
            code.canonical(),
            new_key,
        )?;
        let passphrase = passphrase
            .map(|p| {
                protectors::derived(
                    id,
                    ProtectorKind::Passphrase,
                    cost,
                    p.expose().as_bytes(),
                    new_key,
                )
            })
            .transpose()?;
        let keyring = if manifest.protectors.keyring.is_some() {
            let account = protectors::fresh_keyring_account(id)?;
            Some(protectors::keyring_entry(
                &*self.keystore,
                id,
                account,
                new_key,
            )?)
        } else {
            None
        };
        Ok(Protectors {
            keyring,
            passphrase,
            recovery_code,
        })
    }
}

/// Binds the new key sealed under the old one to this vault and this use.
fn rotation_context(manifest: &Manifest) -> Vec<u8> {
    format!("holdspace-vault/{}/rotation", manifest.vault_id).into_bytes()
}

/// Deletes the keyring entry of `dropped` unless it is the one `kept` uses. A failure leaves a
/// key that seals nothing any more: logged, not raised.
fn forget_entry(
    vault: &Vault,
    kept: Option<&super::manifest::KeyringProtector>,
    dropped: Option<&super::manifest::KeyringProtector>,
) {
    if let Some(dropped) = dropped {
        if kept.is_some_and(|k| k.account == dropped.account) {
            return;
        }
        if vault.keystore.delete(&dropped.account).is_err() {
            tracing::warn!("a keyring entry the vault no longer uses could not be deleted");
        }
    }
}
