//! `bench`: prints the core's store benchmark as a table or a JSON array.

use std::process::ExitCode;

use holdspace_core::bench::{self, Size};
use holdspace_core::Error;

use crate::output::Output;

pub fn run(quick: bool, out: Output) -> Result<ExitCode, Error> {
    let size = if quick { Size::Quick } else { Size::Full };
    let mut rows = bench::run_store_bench(size)?;
    rows.extend(holdspace_core::participation_bench::run(size)?);
    rows.extend(holdspace_core::journal_bench::run(size)?);
    rows.extend(holdspace_core::reminders_bench::run(size)?);
    let open_us = rows
        .iter()
        .find(|r| r.metric.starts_with("open with the key in hand"))
        .map_or(0.0, |r| r.value);
    match bench::run_keyring_bench(size, open_us)? {
        Some(row) => rows.push(row),
        None => out.note("No keyring is reachable here: the keyring fetch is not measured."),
    }
    // Last: once SQLCipher has wiped memory in a process it cannot stop (see the core).
    rows.extend(bench::run_memory_security_bench(size)?);
    out.show(&rows, &bench::table(&rows))?;
    let missed_hard = rows.iter().any(|r| r.hard && !r.within_budget());
    Ok(if missed_hard {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
