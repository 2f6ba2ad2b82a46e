//! `backup create` and `backup restore`, a few lines each over the core.

use std::process::ExitCode;
use std::sync::Arc;

use holdspace_core::vault::{self, KdfTuning, OsKeyring, RestoreInto};
use holdspace_core::Error;
use serde_json::json;

use super::Context;
use crate::args::BackupAction;
use crate::secret_input::StdinLines;

pub fn run(ctx: &Context, action: BackupAction) -> Result<ExitCode, Error> {
    match action {
        BackupAction::Create { out } => {
            let passphrase = StdinLines::read()?.next("the backup passphrase")?;
            let (vault, _) = ctx.open(None)?;
            let summary = vault.backup(&passphrase, &out, KdfTuning::Calibrate)?;
            ctx.out.show(
                &summary,
                &format!(
                    "Wrote an encrypted backup to {} ({} bytes of vault). Keep its passphrase apart from it.",
                    out.display(),
                    summary.database_bytes
                ),
            )?;
        }
        BackupAction::Restore { file, replace } => {
            let passphrase = StdinLines::read()?.next("the backup passphrase")?;
            let into = if replace {
                RestoreInto::Replace
            } else {
                RestoreInto::Empty
            };
            let keyring = Arc::new(OsKeyring);
            let (summary, manifest) =
                vault::restore(&file, &passphrase, &ctx.paths(), into, &*keyring)?;
            let protectors: Vec<&str> = manifest
                .protector_kinds()
                .into_iter()
                .map(|k| k.as_str())
                .collect();
            ctx.out.show(
                &json!({
                    "restored": true,
                    "created_utc": summary.created_utc,
                    "schema_version": summary.schema_version,
                    "protectors": protectors,
                }),
                &format!(
                    "Restored the backup of {} into {}. It opens with: {}.",
                    summary.created_utc,
                    ctx.data_dir.display(),
                    protectors.join(", ")
                ),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
