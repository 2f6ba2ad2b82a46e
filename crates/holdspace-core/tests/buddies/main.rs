//! Buddies against real vaults: contacts, my card and its presets, vCard import of what real
//! clients write, export that round-trips, QR codes that decode, and the share log.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../participation/support.rs"]
#[allow(dead_code)]
mod support;

mod contacts;
mod corpus;
mod export;
mod import;

use std::path::PathBuf;

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/vcard")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}
