//! Interop against real vaults: Meeting Guide feeds followed into groups and schedules.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../participation/support.rs"]
#[allow(dead_code)]
mod support;

mod ical;
mod meeting_guide;

use std::path::PathBuf;

pub fn fixture(dir: &str, name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}
