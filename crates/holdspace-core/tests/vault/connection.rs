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
