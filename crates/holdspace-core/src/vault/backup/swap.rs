//! Putting a verified restore in place so that a crash at any instant leaves a vault that
//! opens: the old one or the restored one, never neither, never an empty folder that the app
//! would take for a first run.
//!
//! The exchange takes several renames (the old files aside, the new ones in), which cannot
//! happen at once. So before the first rename a marker, `restore.pending`, records the plan;
//! each step can tell from the files alone whether it has run; and opening the data folder
//! finishes a plan it finds (rolling forward: the restored files were fully verified before
//! the marker was written, and the person confirmed the restore).

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::vault::{files, VaultPaths};
use crate::{Error, Result};

pub(crate) const MARKER_FILE: &str = "restore.pending";
const PART_PREFIX: &str = ".holdspace-restore-";
const ASIDE_PREFIX: &str = "replaced-";

/// File names only (inside the data folder), so a marker can never point elsewhere.
#[derive(Debug, Serialize, Deserialize)]
struct Plan {
    database: String,
    description: String,
    aside: String,
}

/// Exchanges the vault's files for the verified `database` and `description` (scratch files
/// in the data folder). Whatever was there moves into `aside`, a new folder in the data
/// folder. Returns that folder when anything moved into it.
pub(crate) fn install(
    paths: &VaultPaths,
    database: &Path,
    description: &Path,
    aside: &str,
) -> Result<Option<PathBuf>> {
    let name = |path: &Path| {
        path.file_name()
            .and_then(|n| n.to_str())
            .map(str::to_owned)
            .ok_or_else(|| Error::Storage("a restore file has no name".into()))
    };
    let plan = Plan {
        database: name(database)?,
        description: name(description)?,
        aside: aside.to_owned(),
    };
    let bytes = serde_json::to_vec(&plan)
        .map_err(|_| Error::Storage("the restore plan could not be written".into()))?;
    files::write_atomically(&marker(paths), &bytes)?;
    carry_out(paths, &plan)
}

/// Finishes a restore that was interrupted (the process killed, the machine off) after its
/// plan was written. Does nothing when there is no plan.
pub(crate) fn finish_interrupted(paths: &VaultPaths) -> Result<()> {
    let bytes = match fs::read(marker(paths)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io("read the plan of an interrupted restore")(e)),
    };
    let unreadable = || {
        Error::VaultDamaged(
            "an interrupted restore left a plan that cannot be read (restore.pending)".into(),
        )
    };
    let plan: Plan = serde_json::from_slice(&bytes).map_err(|_| unreadable())?;
    let plain_name = |n: &str, prefix: &str| {
        n.starts_with(prefix) && !n.contains(['/', '\\']) && n != "." && n != ".."
    };
    if !plain_name(&plan.database, PART_PREFIX)
        || !plain_name(&plan.description, PART_PREFIX)
        || !plain_name(&plan.aside, ASIDE_PREFIX)
    {
        return Err(unreadable());
    }
    tracing::warn!("finishing a restore that was interrupted");
    carry_out(paths, &plan).map(|_| ())
}

/// Each step checks the files before it acts, so running this again after an interruption at
/// any point completes the same exchange.
fn carry_out(paths: &VaultPaths, plan: &Plan) -> Result<Option<PathBuf>> {
    let dir = paths.dir();
    let new_database = dir.join(&plan.database);
    let new_description = dir.join(&plan.description);
    let aside = dir.join(&plan.aside);
    let mut moved_aside = false;
    let mut put_aside = |path: PathBuf| -> Result<()> {
        if !path.exists() {
            return Ok(());
        }
        if !aside.exists() {
            fs::create_dir(&aside).map_err(Error::io("keep the replaced vault aside"))?;
        }
        let name = path
            .file_name()
            .ok_or_else(|| Error::Storage("a vault file has no name".into()))?;
        fs::rename(&path, aside.join(name)).map_err(Error::io("keep the replaced vault aside"))?;
        moved_aside = true;
        Ok(())
    };
    // While the new database still waits, whatever sits under the vault's names is the old
    // vault's (its log and index too: they must never be read with the new database).
    if new_database.exists() {
        put_aside(paths.database())?;
        for companion in paths.database_companions() {
            put_aside(companion)?;
        }
    }
    if new_description.exists() {
        put_aside(paths.manifest())?;
    }
    if new_database.exists() {
        fs::rename(&new_database, paths.database())
            .map_err(Error::io("put the restored vault in place"))?;
    }
    if new_description.exists() {
        fs::rename(&new_description, paths.manifest())
            .map_err(Error::io("put the restored vault in place"))?;
    }
    files::sync_dir(dir)?;
    if !paths.database().exists() || !paths.manifest().exists() {
        return Err(Error::VaultDamaged(format!(
            "an interrupted restore could not be finished; the vault it replaced is kept in {}",
            plan.aside
        )));
    }
    fs::remove_file(marker(paths)).map_err(Error::io("finish the restore"))?;
    files::sync_dir(dir)?;
    Ok((moved_aside || aside.exists()).then_some(aside))
}

fn marker(paths: &VaultPaths) -> PathBuf {
    paths.dir().join(MARKER_FILE)
}
