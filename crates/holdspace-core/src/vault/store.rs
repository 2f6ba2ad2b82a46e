//! Opening SQLCipher connections. Every connection, pooled or not, goes through [`open`] so the
//! key is the first statement and the settings of DESIGN.md hold on each one.
//!
//! A connection is opened without `SQLITE_OPEN_CREATE` except at vault creation: a missing
//! database file is an error to explain, never a reason to start an empty vault.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

use super::key::Key;
use crate::{Error, Result};

/// Written into the database header at creation ("Hold"): a database that decrypts with our
/// key but lacks it is not a Holdspace vault.
pub(crate) const APPLICATION_ID: i32 = 0x486f_6c64;
/// Page cache per connection in KiB. The cache holds decrypted pages, so on an encrypted store
/// it is the biggest performance lever; DESIGN.md asks for at least 32 MB.
pub const CACHE_KIB: i64 = 64 * 1024;
pub(crate) const POOL_SIZE: u32 = 4;

/// The high-security memory mode: SQLCipher wipes every buffer it frees (and locks its memory
/// where it can). Off by default (it costs time); the app turns it on at start when the person
/// chose it, before any vault is opened.
static MEMORY_SECURITY: AtomicBool = AtomicBool::new(false);

/// Applies to every connection opened from now on.
pub fn set_memory_security(on: bool) {
    MEMORY_SECURITY.store(on, Ordering::SeqCst);
}

pub fn memory_security() -> bool {
    MEMORY_SECURITY.load(Ordering::SeqCst)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// For verification and `doctor`: cannot write, cannot checkpoint, cannot create.
    ReadOnly,
    ReadWrite,
    /// Only while creating a vault that does not exist yet.
    Create,
}

/// Opens `path` and applies the key (when given) as the first statement touching the file.
/// With `key: None` the connection is plain SQLite (the benchmark's baseline).
pub(crate) fn open(path: &Path, key: Option<&Key>, access: Access) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX
        | match access {
            Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
            Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Access::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        };
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher (4.6+) otherwise prints its own diagnostics, e.g. on a wrong key, to stderr.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    if let Some(key) = key {
        // A process-wide SQLCipher setting, applied with each connection so it follows the
        // mode in force now (the benchmark switches it between runs).
        conn.execute_batch(if memory_security() {
            "PRAGMA cipher_memory_security = ON;"
        } else {
            "PRAGMA cipher_memory_security = OFF;"
        })?;
        let encoded = Zeroizing::new(hex::encode(key.expose()));
        let statement = Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", encoded.as_str()));
        conn.execute_batch(&statement)?;
    }
    Ok(conn)
}

/// Proves the key opens this file and that it is ours, reading only: the header (page 1, whose
/// HMAC fails with a wrong key or any flipped byte) and the schema.
pub(crate) fn verify(conn: &Connection) -> Result<()> {
    let application_id: i32 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(damaged_on_open)?;
    if application_id != APPLICATION_ID {
        return Err(Error::VaultDamaged(
            "the database is not a Holdspace vault".into(),
        ));
    }
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    })
    .map_err(damaged_on_open)?;
    Ok(())
}

/// Opens a connection to verify the file before anything is written: read-only, unless SQLite
/// must first recover what a killed writer left (a WAL index to rebuild, a hot journal to roll
/// back), which a read-only connection refuses with SQLITE_READONLY_*. Then read-write with
/// checkpoint-on-close off, so verification still never merges the WAL into the database.
pub(crate) fn open_for_verification(path: &Path, key: &Key) -> Result<Connection> {
    let conn = open(path, Some(key), Access::ReadOnly)?;
    let probe = conn.query_row("PRAGMA application_id", [], |row| row.get::<_, i32>(0));
    let needs_recovery = matches!(
        &probe,
        Err(rusqlite::Error::SqliteFailure(failure, _)) if failure.code == rusqlite::ErrorCode::ReadOnly
    );
    if !needs_recovery {
        verify(&conn)?;
        return Ok(conn);
    }
    drop(conn);
    let conn = open(path, Some(key), Access::ReadWrite)?;
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )?;
    verify(&conn)?;
    Ok(conn)
}

/// At open, any failure to read means the file cannot be trusted with this key.
fn damaged_on_open(error: rusqlite::Error) -> Error {
    match Error::from(error) {
        Error::Storage(_) => Error::VaultDamaged("the database could not be read".into()),
        other => other,
    }
}

/// The settings every working connection must have (asserted per pooled connection by a test).
/// `synchronous = FULL` makes a confirmed save survive a power cut: never relax it.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Storage(
            "the database could not switch to write-ahead logging".into(),
        ));
    }
    conn.execute_batch(&format!(
        "PRAGMA synchronous = FULL;
         PRAGMA cache_size = -{CACHE_KIB};
         PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;"
    ))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}

/// Makes pooled connections: open read-write with the key, verify, configure.
#[derive(Debug)]
pub(crate) struct Connector {
    path: PathBuf,
    /// Shared with nothing else; zeroized when the pool (and so the last connector) is dropped.
    key: Option<Arc<Key>>,
}

impl Connector {
    pub(crate) fn new(path: PathBuf, key: Option<Arc<Key>>) -> Self {
        Self { path, key }
    }
}

impl r2d2::ManageConnection for Connector {
    type Connection = Connection;
    type Error = Error;

    fn connect(&self) -> Result<Connection> {
        let conn = open(&self.path, self.key.as_deref(), Access::ReadWrite)?;
        verify(&conn)?;
        configure(&conn)?;
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut Connection) -> Result<()> {
        conn.execute_batch("SELECT 1;").map_err(Error::from)
    }

    fn has_broken(&self, _: &mut Connection) -> bool {
        false
    }
}

pub(crate) type Pool = r2d2::Pool<Connector>;

pub(crate) fn pool(connector: Connector) -> Result<Pool> {
    r2d2::Pool::builder()
        .max_size(POOL_SIZE)
        .min_idle(Some(0))
        .connection_timeout(Duration::from_secs(10))
        // The default handler logs through `log`; our errors are values returned to callers.
        .error_handler(Box::new(r2d2::NopErrorHandler))
        .build(connector)
        .map_err(Error::from)
}

/// Refuses, before SQLite sees it, a database file that is missing, empty or cut mid-page.
/// (SQLite would treat a missing or empty file as a new database.)
pub(crate) fn check_file(path: &Path) -> Result<()> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::VaultDamaged(
                "the database file is missing (vault.json is there)".into(),
            ))
        }
        Err(e) => return Err(Error::io("read the database file")(e)),
    };
    if meta.len() == 0 || meta.len() % 512 != 0 {
        return Err(Error::VaultDamaged(
            "the database file is empty or truncated".into(),
        ));
    }
    Ok(())
}

/// SQLite's structural check over every page in use; with SQLCipher each page read is also
/// authenticated, so a flipped byte or a missing page in the data is found here, before use.
pub(crate) fn quick_check(conn: &Connection) -> Result<()> {
    let first: String = conn
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(damaged_on_open)?;
    if first != "ok" {
        return Err(Error::VaultDamaged(
            "the database failed its structure check".into(),
        ));
    }
    Ok(())
}

/// SQLCipher's check of every page in the file, free and superseded ones included (it reads
/// the file, not the newest copies). A failed page whose newer copy is in the log (one of
/// `logged`) is a checkpoint cut short, not damage: SQLite never reads that copy.
pub(crate) fn every_page_authenticated(
    conn: &Connection,
    logged: &std::collections::HashSet<u32>,
) -> Result<()> {
    let mut stmt = conn
        .prepare("PRAGMA cipher_integrity_check")
        .map_err(damaged_on_open)?;
    let failures = stmt
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(damaged_on_open)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(damaged_on_open)?;
    let page_of = |line: &str| {
        line.strip_prefix("HMAC verification failed for page ")
            .and_then(|n| n.trim().parse::<u32>().ok())
    };
    if failures
        .iter()
        .any(|line| page_of(line).is_none_or(|page| !logged.contains(&page)))
    {
        return Err(Error::VaultDamaged(
            "pages of the database failed authentication".into(),
        ));
    }
    Ok(())
}

/// Re-encrypts every page of the database at `path` from `from` to `to` (SQLCipher's rekey, one
/// transaction: a crash midway leaves a hot journal that rolls back to the old key). The
/// database must not be in WAL mode and no other connection may be open.
pub(crate) fn rekey(path: &Path, from: &Key, to: &Key) -> Result<()> {
    let conn = open(path, Some(from), Access::ReadWrite)?;
    // EXTRA also syncs the directory once the rollback journal is deleted, so the committed
    // rekey cannot come back as a hot journal after a power cut.
    conn.execute_batch("PRAGMA synchronous = EXTRA;")?;
    let statement = Zeroizing::new(format!(
        "PRAGMA rekey = \"x'{}'\";",
        hex::encode(to.expose())
    ));
    conn.execute_batch(&statement)?;
    Ok(())
}

/// Leaves a locked vault as one self-contained file: checkpoints the WAL and switches the
/// database out of WAL mode, so that later read-only opens (verification, `doctor`) find no
/// WAL to index and create no `-wal`/`-shm` files. Unlocking switches WAL back on. If another
/// connection is still open somewhere this does nothing harmful: SQLite keeps WAL mode.
pub(crate) fn settle(path: &Path, key: &Key) -> Result<()> {
    let conn = open(path, Some(key), Access::ReadWrite)?;
    conn.busy_timeout(Duration::from_millis(200))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
    if mode.eq_ignore_ascii_case("delete") {
        Ok(())
    } else {
        Err(Error::Conflict(
            "the database is still open elsewhere".into(),
        ))
    }
}
