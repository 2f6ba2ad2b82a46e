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
            .unwrap_or_else(|e| panic!("v{version} must upgrade: {e}"));
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

/// Writes tests/fixtures/vN for every earlier schema version N: a vault made by this code,
/// with the tables of later migrations dropped and their records removed. Since migrations
/// only add tables, that is the vault version N wrote. Run by hand only when a migration is
/// added (`cargo test -p holdspace-core --test vault -- --ignored write_earlier_version_fixtures`);
/// the committed files are what the upgrade test reads. Commit only the new vN and restore
/// the others (`git checkout tests/fixtures`): a shipped version's files never change.
#[test]
#[ignore = "rebuilds committed fixtures; run by hand when a migration is added"]
fn write_earlier_version_fixtures() {
    let migrations_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<_> = std::fs::read_dir(&migrations_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let tables_of = |file: &Path| -> Vec<String> {
        std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                l.strip_prefix("CREATE TABLE ")
                    .or_else(|| l.strip_prefix("CREATE VIRTUAL TABLE "))
            })
            .map(|rest| rest.split_whitespace().next().unwrap().to_string())
            .collect()
    };
    // A migration that changes a table (an index, a column) rather than adding one is undone
    // statement by statement, indexes first.
    let columns_of = |file: &Path| -> Vec<String> {
        let text = std::fs::read_to_string(file).unwrap();
        let mut undo = Vec::new();
        for line in text.lines().map(str::trim) {
            let words: Vec<&str> = line.trim_end_matches(';').split_whitespace().collect();
            match words.as_slice() {
                ["ALTER", "TABLE", table, "ADD", "COLUMN", column, ..] => {
                    undo.push(format!("ALTER TABLE {table} DROP COLUMN {column};"));
                }
                ["CREATE", "UNIQUE", "INDEX", name, "ON", table, ..]
                | ["CREATE", "INDEX", name, "ON", table, ..]
                    if !tables_of(file).iter().any(|t| t == table) =>
                {
                    undo.push(format!("DROP INDEX {name};"));
                }
                _ => {}
            }
        }
        undo
    };
    for version in 0..latest_schema_version() {
        let out = Path::new(FIXTURES).join(format!("v{version}"));
        std::fs::create_dir_all(&out).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (vault, _) = passphrase_vault(dir.path());
        vault
            .write(|tx| {
                for file in files.iter().skip(usize::try_from(version).unwrap()).rev() {
                    for undo in columns_of(file).into_iter().rev() {
                        tx.execute_batch(&undo)?;
                    }
                    for table in tables_of(file).into_iter().rev() {
                        tx.execute_batch(&format!("DROP TABLE {table};"))?;
                    }
                }
                if version > 0 {
                    tx.execute("DELETE FROM schema_migration WHERE version > ?1", [version])?;
                } else {
                    tx.execute_batch("DROP TABLE schema_migration;")?;
                }
                Ok(())
            })
            .unwrap();
        vault.lock().unwrap();
        drop(vault);
        let latest = format!("\"schema_version\": {}", latest_schema_version());
        let manifest = std::fs::read_to_string(dir.path().join("vault.json")).unwrap();
        assert!(
            manifest.contains(&latest),
            "the fresh vault is at the latest version"
        );
        // An earlier version as such a vault was written: its vault.json at format 1, without
        // the seal (which covers the exact bytes, so editing the version would break it); the
        // upgrade seals it at its first unlock.
        let mut earlier: serde_json::Value = serde_json::from_str(
            &manifest.replace(&latest, &format!("\"schema_version\": {version}")),
        )
        .unwrap();
        let fields = earlier.as_object_mut().unwrap();
        fields.remove("seal");
        fields.insert("format_version".into(), 1.into());
        std::fs::write(
            out.join("vault.json"),
            serde_json::to_string_pretty(&earlier).unwrap() + "\n",
        )
        .unwrap();
        std::fs::copy(dir.path().join("holdspace.db"), out.join("holdspace.db")).unwrap();
    }
}
