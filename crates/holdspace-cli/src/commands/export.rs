//! `export journal|attendance|contacts`: plaintext copies, a few lines each over the core.

use std::process::ExitCode;

use holdspace_core::interop::plain_export::{self, JournalFormat};
use holdspace_core::Error;

use super::Context;
use crate::args::{ExportAction, JournalFormatArg};

pub fn run(ctx: &Context, action: ExportAction) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    let (done, out) = match action {
        ExportAction::Journal { format, out } => {
            let format = match format {
                JournalFormatArg::Md => JournalFormat::Md,
                JournalFormatArg::Json => JournalFormat::Json,
            };
            (plain_export::journal(&vault, format, &out)?, out)
        }
        ExportAction::Attendance { out } => (plain_export::attendance_csv(&vault, &out)?, out),
        ExportAction::Contacts { out } => (plain_export::contacts_vcf(&vault, &out)?, out),
    };
    ctx.out.note(&format!(
        "{} is not encrypted: anyone who can read it can read what you wrote. Delete it when you no longer need it.",
        out.display()
    ));
    ctx.out.show(
        &done,
        &format!("Exported {} record(s) to {}.", done.records, out.display()),
    )?;
    Ok(ExitCode::SUCCESS)
}
