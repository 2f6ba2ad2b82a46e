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
    let temp = path.with_extension("json.tmp");
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
    fs::rename(&temp, path).map_err(Error::io("replace the vault description"))?;
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
