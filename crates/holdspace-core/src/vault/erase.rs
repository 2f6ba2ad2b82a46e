//! "Delete all my data": the vault, its key in the keyring, and every other file in the data
//! folder (logs, preferences, replaced vaults, unfinished restores), after a typed
//! confirmation. The database is encrypted, so forgetting its key (the keyring entry and
//! `vault.json`'s sealed copies) already makes it unreadable; the files go too, so nothing
//! shows that Holdspace was used.

use std::path::Path;

use serde::Serialize;

use super::{Manifest, Session};
use crate::{Error, Result};

/// What the person types to confirm. Checked here, not only in the UI.
pub const ERASE_CONFIRMATION: &str = "delete everything";

#[derive(Debug, Clone, Default, Serialize, specta::Type)]
pub struct Erased {
    /// The keyring would not forget the vault's key (locked, unreachable): the person is told
    /// to remove the "holdspace" entry themselves.
    pub keyring_entry_left: bool,
    /// What could not be removed (paths in the app's folders; never user content).
    pub left_behind: Vec<String>,
}

impl Session {
    /// Only from an unlocked vault (or before any vault exists): deleting everything is for
    /// the person who can open it. A wrong confirmation deletes nothing.
    pub fn erase_everything(&self, confirmation: &str) -> Result<Erased> {
        if confirmation.trim() != ERASE_CONFIRMATION {
            return Err(Error::invalid(
                "type \"delete everything\" to confirm; nothing was deleted",
            ));
        }
        let mut slot = self.vault.write().map_err(|_| super::session::poisoned())?;
        if let Some(vault) = slot.as_ref() {
            if !vault.is_unlocked() {
                return Err(Error::Locked);
            }
            vault.lock()?;
        }
        *slot = None;
        // The vault's entry, and a second one while a key rotation is pending.
        let keyring_entry_left = match Manifest::load(&self.paths.manifest()) {
            Ok(manifest) => {
                [
                    manifest.protectors.keyring,
                    manifest.pending_rotation.and_then(|p| p.keyring),
                ]
                .into_iter()
                .flatten()
                // Every entry is asked to go, even after one refuses: no short circuit.
                .filter(|k| self.keystore.delete(&k.account).is_err())
                .count()
                    > 0
            }
            Err(_) => false,
        };
        Ok(Erased {
            keyring_entry_left,
            left_behind: erase_folder(self.paths.dir()),
        })
    }
}

/// Removes `dir` and everything in it; returns what remains (empty when all went, or when
/// there was nothing).
pub fn erase_folder(dir: &Path) -> Vec<String> {
    if !dir.exists() || std::fs::remove_dir_all(dir).is_ok() {
        return Vec::new();
    }
    let mut left = Vec::new();
    collect(dir, &mut left);
    left
}

fn collect(dir: &Path, left: &mut Vec<String>) {
    const SHOWN: usize = 20;
    if left.len() >= SHOWN {
        return;
    }
    left.push(dir.display().to_string());
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, left);
            } else if left.len() < SHOWN {
                left.push(path.display().to_string());
            }
        }
    }
}
