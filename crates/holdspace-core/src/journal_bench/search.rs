//! The search half of the journal benchmark: a realistic set of queries, each timed through
//! the vault's API against DESIGN.md's budget, against a LIKE scan, and as the same SQL on the
//! encrypted vault and on a plain SQLite copy of it.

use std::time::Duration;

use rusqlite::Connection;

use super::{ms, vocabulary};
use crate::bench::BenchRow;
use crate::bench_fixture::timed;
use crate::journal::{self, SearchFilters};
use crate::vault::Vault;
use crate::Result;

/// From the rarest to the most common. There is no prefix query: user text is always quoted,
/// so `*` is searched as text, never as an operator.
pub(super) const QUERIES: [&str; 4] = [
    vocabulary::RAREST,
    "boundaries",
    "tired",
    "grateful evening",
];
const SEARCH_BUDGET_MS: f64 = 20.0;
const P95_TARGET_MS: f64 = 5.0;
const PLAIN_RATIO_TARGET: f64 = 1.2;
const LIMIT: u32 = 50;

/// One query's samples: through the vault's API (what the app gets), and the same SQL on a
/// held encrypted connection and on the plain copy (the ratio isolates encryption).
#[derive(Default)]
pub(super) struct Samples {
    api: Vec<Duration>,
    encrypted: Vec<Duration>,
    plain: Vec<Duration>,
}

fn median(samples: &[Duration]) -> f64 {
    percentile(samples, 50.0)
}

/// Nearest-rank percentile in milliseconds.
fn percentile(samples: &[Duration], p: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.saturating_sub(1)).copied().map_or(0.0, ms)
}

/// Every query in turn, `runs` times over, so noise from the other core spreads over all of
/// them instead of landing on one. The plain and the encrypted run swap places every round:
/// whichever runs second finds the CPU's caches warm from the first, which made two identical
/// plain copies differ by 14% on the rare word.
pub(super) fn measure(
    vault: &Vault,
    encrypted: &Connection,
    plain: &Connection,
    runs: usize,
) -> Result<Vec<Samples>> {
    let filters = SearchFilters::default();
    let search =
        |conn: &Connection, query: &str| timed(|| journal::search_on(conn, query, &filters, LIMIT));
    let mut all: Vec<Samples> = QUERIES.iter().map(|_| Samples::default()).collect();
    for run in 0..runs {
        for (query, samples) in QUERIES.iter().zip(&mut all) {
            samples
                .api
                .push(timed(|| journal::search(vault, query, &filters, LIMIT))?);
            if run % 2 == 0 {
                samples.encrypted.push(search(encrypted, query)?);
                samples.plain.push(search(plain, query)?);
            } else {
                samples.plain.push(search(plain, query)?);
                samples.encrypted.push(search(encrypted, query)?);
            }
        }
    }
    Ok(all)
}

pub(super) fn rows(
    samples: &[Samples],
    hits: &[usize],
    like: Duration,
    large: usize,
    hard: bool,
) -> Vec<BenchRow> {
    let mut rows = Vec::new();
    for ((query, s), hits) in QUERIES.iter().zip(samples).zip(hits) {
        let value = median(&s.api);
        rows.push(BenchRow {
            metric: format!("search \"{query}\" ({hits} matches), {large} entries, vs 20 ms"),
            baseline: SEARCH_BUDGET_MS,
            value,
            ratio: value / SEARCH_BUDGET_MS,
            budget: 1.0,
            unit: "ms".into(),
            hard,
        });
    }
    if let Some(rare) = samples.first() {
        let value = median(&rare.api);
        rows.push(BenchRow {
            metric: format!("search \"{}\", {large} entries, vs LIKE scan", QUERIES[0]),
            baseline: ms(like),
            value,
            ratio: value / ms(like).max(f64::MIN_POSITIVE),
            budget: 0.01,
            unit: "ms".into(),
            hard,
        });
    }
    for (query, s) in QUERIES.iter().zip(samples) {
        let (baseline, value) = (median(&s.plain), median(&s.encrypted));
        rows.push(BenchRow {
            metric: format!("search \"{query}\", encrypted vs plain SQLite"),
            baseline,
            value,
            ratio: value / baseline.max(f64::MIN_POSITIVE),
            budget: PLAIN_RATIO_TARGET,
            unit: "ms".into(),
            hard: false,
        });
    }
    let every: Vec<Duration> = samples.iter().flat_map(|s| s.api.clone()).collect();
    let p95 = percentile(&every, 95.0);
    rows.push(BenchRow {
        metric: format!("search p95 over the {} queries, vs 5 ms", QUERIES.len()),
        baseline: P95_TARGET_MS,
        value: p95,
        ratio: p95 / P95_TARGET_MS,
        budget: 1.0,
        unit: "ms".into(),
        hard: false,
    });
    rows
}
