//! Upgrading fixture vaults written at every earlier schema version.

use holdspace_core::vault::{latest_schema_version, Unlock, Vault, VaultPaths};
use std::path::Path;
use std::sync::Arc;

use crate::support::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn copy_fixture(version: i64, to: &Path) {
    let from = Path::new(FIXTURES).join(format!("v{version}"));
    for name in ["holdspace.db", "vault.json"] {
        std::fs::copy(from.join(name), to.join(name)).unwrap();
    }
}

#[test]
fn fixture_vaults_of_every_earlier_version_upgrade_to_the_latest() {
    for version in 0..latest_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        copy_fixture(version, dir.path());
        let vault = Vault::load(
            VaultPaths::new(dir.path()),
            Arc::new(MemoryKeyring::default()),
        )
        .unwrap();
        assert_eq!(
            vault.status().unwrap().schema_version,
            version,
            "the fixture is at v{version}"
        );
        vault
            .unlock(Unlock::Passphrase(secret(PASSPHRASE)))
            .unwrap();
        assert_eq!(
            vault.status().unwrap().schema_version,
            latest_schema_version(),
            "v{version} upgrades"
        );
        let applied: i64 = vault
            .read(|c| Ok(c.query_row("SELECT count(*) FROM schema_migration", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(
            applied,
            latest_schema_version(),
            "each migration is recorded once"
        );
        vault.lock().unwrap();
        let reloaded = Vault::load(
            VaultPaths::new(dir.path()),
            Arc::new(MemoryKeyring::default()),
        )
        .unwrap();
        assert_eq!(
            reloaded.status().unwrap().schema_version,
            latest_schema_version(),
            "vault.json records the upgrade"
        );
    }
}

/// Writes tests/fixtures/v0: a vault as created before any migration existed. Run by hand
/// (`cargo test -p holdspace-core --test vault -- --ignored write_v0_fixture`) only if the
/// fixture must be rebuilt; the committed files are what the upgrade test reads.
#[test]
#[ignore = "rebuilds a committed fixture; run by hand only"]
fn write_v0_fixture() {
    let out = Path::new(FIXTURES).join("v0");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    vault
        .write(|tx| Ok(tx.execute_batch("DROP TABLE vault_unlock; DROP TABLE schema_migration;")?))
        .unwrap();
    vault.lock().unwrap();
    drop(vault);
    let manifest = std::fs::read_to_string(dir.path().join("vault.json")).unwrap();
    std::fs::write(
        out.join("vault.json"),
        manifest.replace("\"schema_version\": 1", "\"schema_version\": 0"),
    )
    .unwrap();
    std::fs::copy(dir.path().join("holdspace.db"), out.join("holdspace.db")).unwrap();
}
