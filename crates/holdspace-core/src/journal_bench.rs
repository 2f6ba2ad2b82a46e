//! The journal benchmark: a generated journal of realistic entries (see `generate.rs`),
//! searched with a realistic set of queries against DESIGN.md's budgets, against a LIKE scan of
//! the same rows, and against a plain SQLite copy of the same database; and paged at 100,000
//! entries against the same page at 1,000, all in one run. Hard budgets: search top 50 with
//! snippets under 20 ms and at least 100x faster than LIKE; a page at 100,000 at most 1.5x the
//! page at 1,000. Targets: search within 1.2x of plain SQLite, and 5 ms at the 95th percentile.

mod generate;
mod search;
mod vocabulary;
mod words;

use std::time::Duration;

use crate::bench::{BenchRow, Size};
use crate::bench_fixture::best_of;
use crate::journal::{self, PageCursor};
use crate::vault::{plain_copy, Vault};
use crate::Result;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A page of 50 from the middle of the timeline.
/// A backup of the whole vault (the database re-encrypted under the backup's own key, hashed
/// and sealed, with its key derivation at the floor cost) against copying the database file
/// as it is, the physical limit on this disk. Reported, not judged.
fn backup_row(vault: &Vault, root: &std::path::Path, entries: usize) -> Result<BenchRow> {
    let out = root.join("bench.holdspace-backup");
    let backup = best_of(3, || {
        let _ = std::fs::remove_file(&out);
        vault
            .backup(
                &crate::Secret::new("a passphrase for the benchmark".into()),
                &out,
                crate::vault::KdfTuning::Fixed(crate::vault::KdfCost::MINIMUM),
            )
            .map(|_| ())
    })?;
    let copy = best_of(3, || {
        std::fs::copy(vault.paths().database(), root.join("copy.db"))
            .map(|_| ())
            .map_err(crate::Error::io("copy the database for the benchmark"))
    })?;
    Ok(BenchRow {
        metric: format!("backup of the whole vault ({entries} entries) vs a file copy"),
        baseline: ms(copy),
        value: ms(backup),
        ratio: ms(backup) / ms(copy).max(f64::MIN_POSITIVE),
        budget: 0.0,
        unit: "ms".into(),
        hard: false,
    })
}

fn middle_page(vault: &Vault) -> Result<Duration> {
    let first = journal::page(vault, false, None, 100)?;
    let cursor = first.last().map(|e| PageCursor {
        created_utc: e.created_utc.clone(),
        id: e.id,
    });
    best_of(20, || journal::page(vault, false, cursor.as_ref(), 50))
}

pub fn run(size: Size) -> Result<Vec<BenchRow>> {
    let (large, small, runs) = if size == Size::Full {
        (100_000, 1_000, 21)
    } else {
        (2_000, 200, 3)
    };
    let root = std::env::temp_dir().join(format!("holdspace-bench-journal-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let result = (|| {
        let small_vault = generate::journal(&root.join("small"), small)?;
        let small_page = middle_page(&small_vault)?;
        small_vault.lock()?;
        let vault = generate::journal(&root.join("large"), large)?;
        let mut rows = {
            let plain = plain_copy(&vault, &root.join("plain.db"))?;
            let encrypted = vault.connection()?;
            let hits = search::QUERIES
                .iter()
                .map(|q| journal::count_matches(&plain, q))
                .collect::<Result<Vec<_>>>()?;
            let like = best_of(3, || journal::like_scan(&vault, search::QUERIES[0]))?;
            // One untimed round warms every connection's cache alike (the scan evicted pages).
            search::measure(&vault, &encrypted, &plain, 1)?;
            let samples = search::measure(&vault, &encrypted, &plain, runs)?;
            search::rows(&samples, &hits, like, large, size == Size::Full)
        };
        let large_page = middle_page(&vault)?;
        rows.push(backup_row(&vault, &root, large)?);
        vault.lock()?;
        rows.push(BenchRow {
            metric: format!("page of 50 at {large} vs at {small} entries"),
            baseline: ms(small_page),
            value: ms(large_page),
            ratio: ms(large_page) / ms(small_page).max(f64::MIN_POSITIVE),
            budget: 1.5,
            unit: "ms".into(),
            hard: size == Size::Full,
        });
        Ok(rows)
    })();
    let _ = std::fs::remove_dir_all(&root);
    result
}
