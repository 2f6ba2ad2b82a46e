//! For benchmarks only: an unencrypted copy of an unlocked vault's database, opened with the
//! same settings as the vault's own connections, so the same queries on the same pages show
//! what encryption alone costs. Never used by the product: it writes plaintext to disk.

use std::path::Path;

use rusqlite::Connection;

use super::store::{self, Access};
use super::Vault;
use crate::{Error, Result};

/// Exports `vault` to a new plain SQLite file at `path` (which must not exist) and opens it.
pub(crate) fn plain_copy(vault: &Vault, path: &Path) -> Result<Connection> {
    let target = path
        .to_str()
        .ok_or_else(|| Error::invalid("the benchmark's scratch path is not UTF-8"))?;
    // Vault connections never create files, so the copy's file is made empty first.
    std::fs::write(path, b"").map_err(Error::io("create the benchmark's plain copy"))?;
    vault.read(|conn| {
        conn.execute("ATTACH DATABASE ?1 AS plaintext KEY ''", [target])?;
        let exported = conn.query_row("SELECT sqlcipher_export('plaintext')", [], |_| Ok(()));
        conn.execute("DETACH DATABASE plaintext", [])?;
        Ok(exported?)
    })?;
    let conn = store::open(path, None, Access::ReadWrite)?;
    store::configure(&conn)?;
    Ok(conn)
}
