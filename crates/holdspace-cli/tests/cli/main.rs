//! The CLI contract, driven from outside as a script would: arguments, stdin, stdout, stderr
//! and exit codes of the real binary against real vault folders.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

mod backup;
mod bench;
mod calendar;
mod contact;
mod durability;
mod export;
mod feed;
mod journal;
mod keyring;
mod participation;
mod reminder;
mod support;
mod vault;
