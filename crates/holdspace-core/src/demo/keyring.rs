//! A keyring that lives and dies with the process, so a demo vault never leaves an entry in
//! the operating system's credential store (and never asks it for anything).

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use crate::vault::{KeyStore, KeyringFailure};
use crate::Secret;

type Keys = HashMap<String, Secret<[u8; 32]>>;

/// Keys held in memory only: when the process ends, the demo vault can no longer be unlocked,
/// which is what a throw-away vault wants.
#[derive(Debug, Default)]
pub struct ProcessKeyring {
    // The values are `Secret`s: zeroized when replaced or dropped, `<redacted>` in Debug.
    keys: Mutex<Keys>,
}

impl ProcessKeyring {
    pub fn new() -> Self {
        Self::default()
    }

    fn keys(&self) -> std::result::Result<MutexGuard<'_, Keys>, KeyringFailure> {
        // A poisoned lock means an earlier call panicked midway; its map may be half-changed,
        // so it is refused rather than trusted.
        self.keys.lock().map_err(|_| {
            KeyringFailure::Unavailable("the in-memory keyring failed earlier in this run".into())
        })
    }
}

impl KeyStore for ProcessKeyring {
    fn get(&self, account: &str) -> std::result::Result<Secret<[u8; 32]>, KeyringFailure> {
        self.keys()?
            .get(account)
            .map(|key| Secret::new(*key.expose()))
            .ok_or(KeyringFailure::Missing)
    }

    fn set(
        &self,
        account: &str,
        key: &Secret<[u8; 32]>,
    ) -> std::result::Result<(), KeyringFailure> {
        self.keys()?
            .insert(account.to_string(), Secret::new(*key.expose()));
        Ok(())
    }

    fn delete(&self, account: &str) -> std::result::Result<(), KeyringFailure> {
        // Deleting what is not there succeeds, as it does for the OS keyring.
        self.keys()?.remove(account);
        Ok(())
    }
}
