//! What "the same vault" means in tests: every table's row count and a hash of its sorted rows.
//! Included by the test binaries that compare a vault before and after (restore, refusals).

use std::collections::BTreeMap;

use holdspace_core::vault::Vault;

/// Every table's row count and a hash of its sorted rows, leaving out `skip` (tables that
/// legitimately change, such as the unlock log).
pub fn contents_except(vault: &Vault, skip: &[&str]) -> BTreeMap<String, (usize, u64)> {
    use std::hash::{Hash, Hasher};
    vault
        .read(|conn| {
            let tables: Vec<String> = conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = BTreeMap::new();
            for table in tables.into_iter().filter(|t| !skip.contains(&t.as_str())) {
                let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
                let columns = stmt.column_count();
                let mut rows: Vec<String> = stmt
                    .query_map([], |row| {
                        let mut text = String::new();
                        for i in 0..columns {
                            text.push_str(&format!("{:?}|", row.get_ref(i)?));
                        }
                        Ok(text)
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                rows.sort();
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                rows.hash(&mut hasher);
                out.insert(table, (rows.len(), hasher.finish()));
            }
            Ok(out)
        })
        .unwrap()
}
