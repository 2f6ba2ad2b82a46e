//! The data key and its wrapping. The data key is the raw SQLCipher key; it exists in plain form
//! only in memory, inside a [`Secret`]. On disk it is only ever stored sealed with
//! XChaCha20-Poly1305 under a key-encryption key (from the keyring, a passphrase or the
//! recovery code). The vault id and the protector kind are bound as associated data, so a
//! wrapped key cannot be moved to another vault or another protector slot.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

use super::random;
use crate::{Error, Result, Secret};

pub const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;

pub type Key = Secret<[u8; KEY_LEN]>;

pub(crate) fn random_key() -> Result<Key> {
    let mut key = Secret::new([0u8; KEY_LEN]);
    random::fill(key.expose_mut())?;
    Ok(key)
}

/// A data key sealed under a key-encryption key. Hex in `vault.json`; holds no secret.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct WrappedKey {
    pub nonce: String,
    pub ciphertext: String,
}

pub(crate) fn wrap(kek: &Key, data_key: &Key, context: &[u8]) -> Result<WrappedKey> {
    let cipher = XChaCha20Poly1305::new(kek.expose().into());
    let mut nonce = [0u8; NONCE_LEN];
    random::fill(&mut nonce)?;
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: data_key.expose(),
                aad: context,
            },
        )
        .map_err(|_| Error::Storage("the key could not be sealed".into()))?;
    Ok(WrappedKey {
        nonce: hex::encode(nonce),
        ciphertext: hex::encode(ciphertext),
    })
}

/// `None` when the key-encryption key is wrong or the sealed key was altered: the AEAD tag
/// decides, so a wrong passphrase is known before the database is ever touched.
pub(crate) fn unwrap(kek: &Key, wrapped: &WrappedKey, context: &[u8]) -> Result<Option<Key>> {
    let damaged = |_| Error::VaultDamaged("a sealed key in vault.json is malformed".into());
    let nonce = hex::decode(&wrapped.nonce).map_err(damaged)?;
    let ciphertext = hex::decode(&wrapped.ciphertext).map_err(damaged)?;
    if nonce.len() != NONCE_LEN {
        return Err(Error::VaultDamaged(
            "a sealed key in vault.json is malformed".into(),
        ));
    }
    let cipher = XChaCha20Poly1305::new(kek.expose().into());
    let Ok(plain) = cipher.decrypt(
        XNonce::from_slice(&nonce),
        Payload {
            msg: &ciphertext,
            aad: context,
        },
    ) else {
        return Ok(None);
    };
    let plain = zeroize::Zeroizing::new(plain);
    if plain.len() != KEY_LEN {
        return Err(Error::VaultDamaged(
            "a sealed key in vault.json has the wrong length".into(),
        ));
    }
    let mut key = Secret::new([0u8; KEY_LEN]);
    key.expose_mut().copy_from_slice(&plain);
    Ok(Some(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_key_opens_only_with_its_kek_and_context() {
        let kek = random_key().unwrap();
        let other = random_key().unwrap();
        let data = random_key().unwrap();
        let wrapped = wrap(&kek, &data, b"vault-a/passphrase").unwrap();
        let opened = unwrap(&kek, &wrapped, b"vault-a/passphrase")
            .unwrap()
            .unwrap();
        assert_eq!(
            opened.expose(),
            data.expose(),
            "the right KEK must give back the data key"
        );
        assert!(
            unwrap(&other, &wrapped, b"vault-a/passphrase")
                .unwrap()
                .is_none(),
            "a wrong KEK must be rejected by the tag, not yield garbage"
        );
        assert!(
            unwrap(&kek, &wrapped, b"vault-b/passphrase")
                .unwrap()
                .is_none(),
            "a sealed key moved to another vault must not open"
        );
    }
}
