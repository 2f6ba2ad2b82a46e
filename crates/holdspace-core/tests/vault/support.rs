//! Shared pieces: a keyring double, fast vault creation, canary rows, folder snapshots.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use holdspace_core::vault::{
    CreateOptions, KdfCost, KdfTuning, KeyStore, KeyringFailure, RecoveryCode, Unlock, Vault,
    VaultPaths,
};
use holdspace_core::{Error, Secret};

pub const PASSPHRASE: &str = "correct horse battery staple";

pub fn secret(text: &str) -> Secret<String> {
    Secret::new(text.to_string())
}

/// An in-memory keyring that can be made unreachable; remembers every key it was given.
#[derive(Debug, Default)]
pub struct MemoryKeyring {
    entries: Mutex<HashMap<String, [u8; 32]>>,
    pub unreachable: AtomicBool,
}

impl MemoryKeyring {
    pub fn stored_keys(&self) -> Vec<[u8; 32]> {
        self.entries.lock().unwrap().values().copied().collect()
    }

    /// The entries vanish, as when a keyring is reset behind the app's back.
    pub fn forget_everything(&self) {
        self.entries.lock().unwrap().clear();
    }

    fn reachable(&self) -> Result<(), KeyringFailure> {
        if self.unreachable.load(Ordering::SeqCst) {
            Err(KeyringFailure::Unavailable(
                "test keyring switched off".into(),
            ))
        } else {
            Ok(())
        }
    }
}

impl KeyStore for MemoryKeyring {
    fn get(&self, account: &str) -> Result<Secret<[u8; 32]>, KeyringFailure> {
        self.reachable()?;
        let entries = self.entries.lock().unwrap();
        entries
            .get(account)
            .map(|k| Secret::new(*k))
            .ok_or(KeyringFailure::Missing)
    }

    fn set(&self, account: &str, key: &Secret<[u8; 32]>) -> Result<(), KeyringFailure> {
        self.reachable()?;
        self.entries
            .lock()
            .unwrap()
            .insert(account.into(), *key.expose());
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<(), KeyringFailure> {
        self.reachable()?;
        self.entries.lock().unwrap().remove(account);
        Ok(())
    }
}

/// Argon2id at its floor (64 MiB, one pass): real, but quick enough for many unlocks.
pub fn fast_kdf() -> KdfTuning {
    KdfTuning::Fixed(KdfCost::MINIMUM)
}

pub fn passphrase_vault(dir: &Path) -> (Vault, RecoveryCode) {
    let created = Vault::create(
        VaultPaths::new(dir),
        Arc::new(MemoryKeyring::default()),
        CreateOptions {
            passphrase: Some(secret(PASSPHRASE)),
            use_keyring: false,
            kdf: fast_kdf(),
        },
    )
    .expect("a passphrase vault must be creatable in an empty folder");
    (created.vault, created.recovery_code)
}

pub fn load(dir: &Path) -> Vault {
    Vault::load(VaultPaths::new(dir), Arc::new(MemoryKeyring::default())).unwrap()
}

pub fn unlock_with_passphrase(dir: &Path) -> Result<Vault, Error> {
    let vault = load(dir);
    vault.unlock(Unlock::Passphrase(secret(PASSPHRASE)))?;
    Ok(vault)
}

/// A table of the tests' own, standing in for domain data until the domains exist.
pub fn write_probe(vault: &Vault, text: &str) -> i64 {
    vault
        .write(|tx| {
            tx.execute_batch(
                "CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
            )?;
            tx.execute("INSERT INTO probe (text) VALUES (?1)", [text])?;
            Ok(tx.last_insert_rowid())
        })
        .unwrap()
}

pub fn read_probes(vault: &Vault) -> Result<Vec<(i64, String)>, Error> {
    vault.read(|conn| {
        let mut stmt = conn.prepare("SELECT id, text FROM probe ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })
}

/// (length, hash) per file, for assertions whose failure should stay readable.
pub fn fingerprint(dir: &Path) -> BTreeMap<String, (usize, u64)> {
    use std::hash::{Hash, Hasher};
    snapshot(dir)
        .into_iter()
        .map(|(name, bytes)| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut hasher);
            (name, (bytes.len(), hasher.finish()))
        })
        .collect()
}

/// Every file under `dir` with its bytes (the leak scan reads them all).
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut files);
    }
    files
}

fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(root, &path, files);
        } else {
            let name = path.strip_prefix(root).unwrap().display().to_string();
            files.insert(name, std::fs::read(&path).unwrap());
        }
    }
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// A random test's seed: the one in `variable` (to replay a failure), else a new one from the
/// clock. Printed either way, so a failure in CI can be replayed.
pub fn seed(variable: &str) -> u64 {
    let seed = match std::env::var(variable) {
        Ok(text) => text
            .parse::<u64>()
            .unwrap_or_else(|_| panic!("{variable} must be a whole number, got {text:?}")),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
    };
    eprintln!("seed {seed} ({variable}={seed} replays it)");
    seed
}
