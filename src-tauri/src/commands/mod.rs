//! One file per domain; each command is a call into the core plus error mapping.

pub mod buddies;
pub mod demo;
pub mod facilitation;
pub mod groups;
pub mod interop;
pub mod journal;
pub mod meetings;
pub mod participation;
pub mod pathway;
pub mod preferences;
pub mod reminders;
pub mod safekeeping;
pub mod templates;
pub mod vault;
pub mod window;
