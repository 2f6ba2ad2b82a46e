//! `doctor`: a read-only examination of a vault. It opens the database read-only (no WAL
//! checkpoint, no migration, no unlock record), so running it can never make things worse.

use serde::Serialize;

use super::migrations;
use super::store;
use super::{Unlock, Vault};
use crate::{Error, Result};

#[derive(Debug, Clone, Serialize)]
pub struct DoctorCheck {
    pub name: &'static str,
    pub ok: bool,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub ok: bool,
    pub checks: Vec<DoctorCheck>,
}

impl DoctorReport {
    fn push(&mut self, name: &'static str, outcome: std::result::Result<String, String>) -> bool {
        let ok = outcome.is_ok();
        let detail = outcome.unwrap_or_else(|e| e);
        self.ok &= ok;
        self.checks.push(DoctorCheck { name, ok, detail });
        ok
    }
}

fn failed(error: &Error) -> String {
    error.to_string()
}

impl Vault {
    /// Runs every check it can and reports each. Errors only when the key itself cannot be
    /// had (wrong passphrase, keyring unavailable): then there is nothing to examine.
    #[tracing::instrument(skip_all)]
    pub fn doctor(&self, how: Unlock) -> Result<DoctorReport> {
        let manifest = self.read_state()?.manifest.clone();
        let mut report = DoctorReport {
            ok: true,
            checks: Vec::new(),
        };
        report.push(
            "vault description",
            Ok(format!(
                "vault.json format {}, {} protectors",
                manifest.format_version,
                manifest.protector_kinds().len()
            )),
        );
        let key = self.unwrap_key(&manifest, &how)?;
        report.push(
            "key",
            Ok(format!("unsealed with the {}", how.kind().as_str())),
        );
        report.push(
            "vault description sealed",
            match (&manifest.seal, manifest.verify_seal(&key)) {
                (_, Err(e)) => Err(failed(&e)),
                (Some(_), Ok(())) => Ok("unchanged since Holdspace wrote it".into()),
                (None, Ok(())) => Ok("written before seals; sealed at the next unlock".into()),
            },
        );
        let path = self.paths.database();
        if !report.push(
            "database file",
            store::check_file(&path)
                .map(|()| "present, whole pages".into())
                .map_err(|e| failed(&e)),
        ) {
            return Ok(report);
        }
        let in_use = super::files::claim_existing_in_use(&self.paths.in_use_lock())?;
        if in_use.as_ref().is_none_or(|claim| claim.alone) {
            report.push(
                "write-ahead log",
                super::wal_check::check(&path)
                    .map(|()| "no saved change lost".into())
                    .map_err(|e| failed(&e)),
            );
        } else {
            report.push(
                "write-ahead log",
                Ok("in use by another Holdspace; not examined".into()),
            );
        }
        let conn = match store::open_for_verification(&path, &key) {
            Ok(conn) => conn,
            Err(e) => {
                report.push("key opens the database", Err(failed(&e)));
                return Ok(report);
            }
        };
        report.push("key opens the database", Ok("header authenticated".into()));
        let version = migrations::current_version(&conn).map_err(|e| failed(&e));
        report.push(
            "schema version",
            version.and_then(|v| {
                if v > migrations::latest_version() {
                    Err(format!(
                        "{v} is newer than this Holdspace ({})",
                        migrations::latest_version()
                    ))
                } else {
                    Ok(format!("{v} (latest {})", migrations::latest_version()))
                }
            }),
        );
        report.push("integrity check", integrity_check(&conn));
        report.push("cipher integrity check", cipher_integrity_check(&conn));
        Ok(report)
    }
}

fn integrity_check(conn: &rusqlite::Connection) -> std::result::Result<String, String> {
    let rows = collect_rows(conn, "PRAGMA integrity_check")?;
    if rows == ["ok"] {
        Ok("ok".into())
    } else {
        Err(format!("{} problems found", rows.len()))
    }
}

/// SQLCipher authenticates every page of the file, including free ones; no rows means sound.
fn cipher_integrity_check(conn: &rusqlite::Connection) -> std::result::Result<String, String> {
    let rows = collect_rows(conn, "PRAGMA cipher_integrity_check")?;
    if rows.is_empty() {
        Ok("every page authenticated".into())
    } else {
        Err(format!("{} pages failed authentication", rows.len()))
    }
}

fn collect_rows(
    conn: &rusqlite::Connection,
    sql: &str,
) -> std::result::Result<Vec<String>, String> {
    let run = || -> Result<Vec<String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    };
    run().map_err(|e| failed(&e))
}
