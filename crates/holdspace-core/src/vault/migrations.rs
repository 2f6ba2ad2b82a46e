//! Schema migrations: one ordered list, embedded in the binary, each applied in its own
//! transaction together with its record in `schema_migration`. The vault runs the list but
//! knows no domain; each domain adds its own file, named after it.

use chrono::{SecondsFormat, Utc};
use rusqlite::Connection;

use crate::{Error, Result};

#[derive(Debug)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Append only: never edit or reorder a migration that has shipped.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "vault",
        sql: include_str!("../../migrations/0001_vault.sql"),
    },
    Migration {
        version: 2,
        name: "groups",
        sql: include_str!("../../migrations/0002_groups.sql"),
    },
    Migration {
        version: 3,
        name: "meetings",
        sql: include_str!("../../migrations/0003_meetings.sql"),
    },
    Migration {
        version: 4,
        name: "attendance",
        sql: include_str!("../../migrations/0004_attendance.sql"),
    },
    Migration {
        version: 5,
        name: "milestone",
        sql: include_str!("../../migrations/0005_milestone.sql"),
    },
    Migration {
        version: 6,
        name: "journal",
        sql: include_str!("../../migrations/0006_journal.sql"),
    },
    Migration {
        version: 7,
        name: "templates",
        sql: include_str!("../../migrations/0007_templates.sql"),
    },
    Migration {
        version: 8,
        name: "reminders",
        sql: include_str!("../../migrations/0008_reminders.sql"),
    },
    Migration {
        version: 9,
        name: "buddies",
        sql: include_str!("../../migrations/0009_buddies.sql"),
    },
    Migration {
        version: 10,
        name: "calendar_uid",
        sql: include_str!("../../migrations/0010_calendar_uid.sql"),
    },
    Migration {
        version: 11,
        name: "journal_trash",
        sql: include_str!("../../migrations/0011_journal_trash.sql"),
    },
    Migration {
        version: 12,
        name: "facilitation_log",
        sql: include_str!("../../migrations/0012_facilitation_log.sql"),
    },
    Migration {
        version: 13,
        name: "pathway",
        sql: include_str!("../../migrations/0013_pathway.sql"),
    },
];

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The version a database is at, read only. A database that never ran a migration is at 0.
pub(crate) fn current_version(conn: &Connection) -> Result<i64> {
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'",
        [],
        |row| row.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    Ok(conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_migration",
        [],
        |row| row.get(0),
    )?)
}

/// Refuses, before anything is written, a database from a newer Holdspace.
pub(crate) fn refuse_newer(version: i64) -> Result<()> {
    if version > latest_version() {
        return Err(Error::NewerVersion {
            what: "schema version",
            found: version,
            supported: latest_version(),
        });
    }
    Ok(())
}

/// Applies every migration above the current version; returns the version reached.
pub(crate) fn migrate(conn: &mut Connection) -> Result<i64> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migration (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;",
    )?;
    let current = current_version(conn)?;
    refuse_newer(current)?;
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(migration.sql)?;
        tx.execute(
            "INSERT INTO schema_migration (version, name, applied_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![
                migration.version,
                migration.name,
                Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
            ],
        )?;
        tx.commit()?;
        tracing::info!(version = migration.version, "applied migration");
    }
    current_version(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_one_by_one_from_one() {
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                migration.version,
                i64::try_from(index).unwrap() + 1,
                "a gap or a reorder would skip or repeat schema changes on upgrade"
            );
        }
    }
}
