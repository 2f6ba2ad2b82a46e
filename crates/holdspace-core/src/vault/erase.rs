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
    /// Only from an unlocked vault (or when no vault can be loaded: none yet, or a description
    /// too damaged to read, which the person may want gone): deleting everything is for the
    /// person who can open it. A wrong confirmation deletes nothing.
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

const TOMBSTONE: &str = ".erasing-";

/// Removes `dir` and everything in it; returns what remains (empty when all went, or when
/// there was nothing). The folder is first renamed beside itself in one step, so a crash
/// midway never leaves half a vault under its name (a database without its description,
/// which the app would take for a first run it cannot set up); the next start finishes it.
pub fn erase_folder(dir: &Path) -> Vec<String> {
    if !dir.exists() {
        return Vec::new();
    }
    let mut tag = [0u8; 4];
    let tombstone = super::random::fill(&mut tag).ok().and_then(|()| {
        let name = dir.file_name()?.to_str()?;
        Some(dir.with_file_name(format!("{name}{TOMBSTONE}{}", hex::encode(tag))))
    });
    let doomed = match tombstone {
        Some(t) if std::fs::rename(dir, &t).is_ok() => t,
        _ => dir.to_path_buf(),
    };
    if std::fs::remove_dir_all(&doomed).is_ok() {
        return Vec::new();
    }
    let mut left = Vec::new();
    collect(&doomed, &mut left);
    left
}

/// Finishes an erase a crash interrupted: removes the renamed folders left beside `dir`.
pub(crate) fn finish_interrupted(dir: &Path) {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name().and_then(|n| n.to_str()))
    else {
        return;
    };
    let prefix = format!("{name}{TOMBSTONE}");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix))
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
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
