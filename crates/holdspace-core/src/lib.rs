//! Holdspace's product logic, free of any UI host.
//!
//! The vault (keys, the SQLCipher store, migrations) sits at the bottom; domain modules
//! (groups, meetings, journal, buddies, reminders) arrive with their issues and each owns its
//! tables and migration. Hosts (the CLI, the Tauri shell) call the functions here and nothing
//! below them.

pub use vault::bench;
pub mod attendance;
mod bench_fixture;
pub mod buddies;
pub mod demo;
pub mod error;
pub mod facilitation;
pub mod groups;
pub mod insights;
pub mod interop;
pub mod journal;
pub mod journal_bench;
pub mod language;
pub mod logging;
pub mod meetings;
pub mod milestone;
pub mod participation_bench;
pub mod pathway;
pub mod reminders;
pub mod reminders_bench;
pub mod secret;
mod stored;
pub mod templates;
pub mod time;
pub mod vault;

pub use error::{Error, ErrorCode, Result};
pub use language::Language;
pub use secret::Secret;
