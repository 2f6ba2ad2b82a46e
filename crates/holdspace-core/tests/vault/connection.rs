//! The settings of DESIGN.md hold on every pooled connection.

use crate::support::*;

#[test]
fn every_pooled_connection_has_the_required_settings() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    // Hold several at once so the pool must open distinct connections.
    let connections: Vec<_> = (0..4).map(|_| vault.connection().unwrap()).collect();
    for conn in &connections {
        let text = |pragma: &str| -> String { conn.query_row(pragma, [], |r| r.get(0)).unwrap() };
        // SQLCipher answers some pragmas (page_size) as text.
        let number = |pragma: &str| -> i64 {
            match conn
                .query_row(pragma, [], |r| r.get::<_, rusqlite::types::Value>(0))
                .unwrap()
            {
                rusqlite::types::Value::Integer(n) => n,
                rusqlite::types::Value::Text(t) => t.parse().unwrap(),
                other => panic!("{pragma} gave {other:?}"),
            }
        };
        assert!(
            !text("PRAGMA cipher_version").is_empty(),
            "the store must be SQLCipher"
        );
        assert_eq!(text("PRAGMA journal_mode"), "wal", "WAL mode");
        assert_eq!(
            number("PRAGMA synchronous"),
            2,
            "synchronous=FULL: a confirmed save survives a power cut"
        );
        let cache = number("PRAGMA cache_size");
        let page = number("PRAGMA page_size");
        let bytes = if cache < 0 {
            -cache * 1024
        } else {
            cache * page
        };
        assert!(
            bytes >= 32 * 1024 * 1024,
            "page cache of at least 32 MB, got {bytes} bytes"
        );
        assert_eq!(number("PRAGMA temp_store"), 2, "temp data in memory only");
        assert_eq!(number("PRAGMA foreign_keys"), 1, "foreign keys on");
        assert_eq!(
            number("PRAGMA secure_delete"),
            1,
            "secure_delete on: deleted text is overwritten"
        );
        assert_eq!(
            text("PRAGMA cipher_log_level"),
            "NONE",
            "SQLCipher's own log is off"
        );
    }
}

#[test]
fn the_high_security_memory_mode_reaches_sqlcipher_on_every_connection() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    let reported = |vault: &holdspace_core::vault::Vault| -> String {
        vault
            .read(|c| {
                Ok(c.query_row("PRAGMA cipher_memory_security", [], |r| {
                    Ok(match r.get_ref(0)? {
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        other => String::from_utf8_lossy(other.as_bytes().unwrap_or_default())
                            .into_owned(),
                    })
                })?)
            })
            .unwrap()
    };
    // SQLCipher cannot turn the wiping off again once a process has used it, which is why the
    // app applies the mode at start: so off is checked first.
    assert_eq!(reported(&vault), "0", "off unless chosen: it costs time");
    holdspace_core::vault::set_memory_security(true);
    vault.lock().unwrap();
    vault
        .unlock(holdspace_core::vault::Unlock::Passphrase(secret(
            PASSPHRASE,
        )))
        .unwrap();
    assert_eq!(
        reported(&vault),
        "1",
        "chosen: SQLCipher wipes the memory it frees"
    );
}
