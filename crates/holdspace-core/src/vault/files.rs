//! Durable small-file writes. `vault.json` is replaced atomically (temp file, fsync, rename,
//! fsync of the directory) so that a crash at any instant leaves either the old or the new
//! manifest, never a torn one: a passphrase change killed midway must leave one of the two
//! passphrases working.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

use crate::{Error, Result};

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| Error::invalid("the vault file has no parent directory"))?;
    // A name of its own per writer: two writers never share (and mix bytes in) one temp file.
    let mut tag = [0u8; 8];
    super::random::fill(&mut tag)?;
    let temp = path.with_extension(format!("json.{}.tmp", hex::encode(tag)));
    {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)
            .map_err(Error::io("write the vault description"))?;
        file.write_all(bytes)
            .map_err(Error::io("write the vault description"))?;
        file.sync_all()
            .map_err(Error::io("save the vault description to disk"))?;
    }
    if let Err(error) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(Error::io("replace the vault description")(error));
    }
    sync_dir(dir)
}

pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    // Directories cannot be opened for syncing on Windows; rename is already durable there.
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(Error::io("save the vault directory to disk"))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// An exclusive advisory lock on `path` (created if needed), released when dropped.
pub(crate) fn lock_exclusive(path: &Path) -> Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(Error::io("lock the vault description"))?;
    file.lock()
        .map_err(Error::io("lock the vault description"))?;
    Ok(file)
}

/// A shared lock held by every process (and every `Vault`) that has the database open.
/// Claiming it tells whether anyone else has: only when no one has are the database's
/// companion files quiet enough to examine byte by byte.
pub(crate) struct InUse {
    /// Held until dropped, after the last connection has closed.
    _file: File,
    /// No one else had the database open when this was claimed.
    pub(crate) alone: bool,
}

impl std::fmt::Debug for InUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InUse").field("alone", &self.alone).finish()
    }
}

pub(crate) fn claim_in_use(path: &Path) -> Result<InUse> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(Error::io("mark the vault as in use"))?;
    claim(file)
}

/// For read-only work (`doctor`): claims the lock only if its file exists, creating nothing.
/// Without the file no one can hold the lock, so the vault counts as not in use.
pub(crate) fn claim_existing_in_use(path: &Path) -> Result<Option<InUse>> {
    match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => claim(file).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io("check whether the vault is in use")(e)),
    }
}

fn claim(file: File) -> Result<InUse> {
    let alone = match file.try_lock() {
        Ok(()) => {
            file.unlock()
                .map_err(Error::io("mark the vault as in use"))?;
            true
        }
        Err(std::fs::TryLockError::WouldBlock) => false,
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(Error::io("mark the vault as in use")(e))
        }
    };
    file.lock_shared()
        .map_err(Error::io("mark the vault as in use"))?;
    Ok(InUse { _file: file, alone })
}
