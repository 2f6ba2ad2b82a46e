//! Integration tests of the vault against real SQLCipher files in temp folders.
// Test helpers outside #[test] functions may unwrap and print (the child writer's protocol).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

#[path = "../common/contents.rs"]
mod contents;

mod backup;
mod connection;
mod crash;
mod disk_full;
mod erase;
mod keyring;
mod leaks;
mod lifecycle;
mod migrations;
mod query_plans;
mod refusal;
mod rotation;
mod support;
mod tamper;
