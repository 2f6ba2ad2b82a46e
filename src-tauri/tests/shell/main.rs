//! The shell's contracts: the generated bindings are current, the hardened configuration stays
//! hardened, and commands are wired through the real IPC layer (tauri's mock runtime).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bindings;
mod configuration;
mod wiring;
