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
