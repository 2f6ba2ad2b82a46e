//! Groups, meetings, attendance and insights against real vaults: recurrence across DST in
//! several zones, gaps and overlaps, exceptions, and insights checked by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod awaiting;
mod exceptions;
mod facilitation;
mod groups;
mod insights;
mod milestone;
mod pathway;
mod properties;
mod recurrence;
mod support;
