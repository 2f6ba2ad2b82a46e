//! The OS keyring as a protector. The keyring holds a random key-encryption key for the vault
//! (not the data key itself), under the service "holdspace" and an account named after the
//! vault id; `vault.json` holds the data key sealed under it. A keyring entry alone therefore
//! opens nothing, and losing it loses nothing while a passphrase or the recovery code remains.
//!
//! Failures are reported, never papered over: an unreachable service or a missing entry is
//! `keyring_unavailable`, and the caller decides, visibly, what to try next.

use super::key::{Key, KEY_LEN};
use crate::{Error, Secret};

pub const KEYRING_SERVICE: &str = "holdspace";

/// Why the keyring could not help. The reason is the platform's own wording about the store,
/// which never contains our secrets or user content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyringFailure {
    /// The entry does not exist (deleted behind our back, or another keyring).
    Missing,
    /// The service cannot be reached, is locked, or refused.
    Unavailable(String),
}

impl From<KeyringFailure> for Error {
    fn from(failure: KeyringFailure) -> Self {
        let reason = match failure {
            KeyringFailure::Missing => "it holds no key for this vault".to_string(),
            KeyringFailure::Unavailable(reason) => reason,
        };
        Error::KeyringUnavailable { reason }
    }
}

/// A place that keeps one secret per account. The OS keyring in the app; test doubles in tests.
pub trait KeyStore: Send + Sync + std::fmt::Debug {
    fn get(&self, account: &str) -> std::result::Result<Key, KeyringFailure>;
    fn set(&self, account: &str, key: &Key) -> std::result::Result<(), KeyringFailure>;
    fn delete(&self, account: &str) -> std::result::Result<(), KeyringFailure>;
}

/// The operating system's credential store through the keyring crate (Secret Service on
/// Linux, Keychain on macOS, Credential Manager on Windows).
#[derive(Debug, Default, Clone, Copy)]
pub struct OsKeyring;

fn entry(account: &str) -> std::result::Result<keyring::Entry, KeyringFailure> {
    keyring::Entry::new(KEYRING_SERVICE, account).map_err(failure)
}

fn failure(error: keyring::Error) -> KeyringFailure {
    match error {
        keyring::Error::NoEntry => KeyringFailure::Missing,
        keyring::Error::NoStorageAccess(_) => {
            KeyringFailure::Unavailable("the keyring is locked or refused access".into())
        }
        keyring::Error::PlatformFailure(inner) => {
            KeyringFailure::Unavailable(format!("the keyring service failed: {inner}"))
        }
        other => KeyringFailure::Unavailable(format!("the keyring failed: {other}")),
    }
}

impl KeyStore for OsKeyring {
    fn get(&self, account: &str) -> std::result::Result<Key, KeyringFailure> {
        let encoded = Secret::new(entry(account)?.get_password().map_err(failure)?);
        let mut key = Secret::new([0u8; KEY_LEN]);
        hex::decode_to_slice(encoded.expose(), key.expose_mut()).map_err(|_| {
            KeyringFailure::Unavailable("the keyring entry for this vault is malformed".into())
        })?;
        Ok(key)
    }

    fn set(&self, account: &str, key: &Key) -> std::result::Result<(), KeyringFailure> {
        let encoded = Secret::new(hex::encode(key.expose()));
        entry(account)?
            .set_password(encoded.expose())
            .map_err(failure)
    }

    fn delete(&self, account: &str) -> std::result::Result<(), KeyringFailure> {
        match entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(failure(error)),
        }
    }
}
