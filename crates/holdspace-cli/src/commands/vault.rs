//! The vault's subcommands.

use std::process::ExitCode;
use std::sync::Arc;

use holdspace_core::vault::{
    CreateOptions, KdfTuning, NewProtector, OsKeyring, ProtectorKind, RecoveryCode, Unlock, Vault,
};
use holdspace_core::Error;
use serde_json::json;

use super::Context;
use crate::args::ProtectorArg;
use crate::secret_input::StdinLines;

fn kind(arg: ProtectorArg) -> ProtectorKind {
    match arg {
        ProtectorArg::Keyring => ProtectorKind::Keyring,
        ProtectorArg::Passphrase => ProtectorKind::Passphrase,
    }
}

pub fn init(ctx: &Context, no_keyring: bool, passphrase_stdin: bool) -> Result<ExitCode, Error> {
    let from_stdin = if passphrase_stdin {
        Some(StdinLines::read()?.next("the passphrase")?)
    } else {
        None
    };
    let passphrase = ctx.passphrase(from_stdin)?;
    let created = Vault::create(
        ctx.paths(),
        Arc::new(OsKeyring),
        CreateOptions {
            passphrase,
            use_keyring: !no_keyring,
            kdf: KdfTuning::Calibrate,
        },
    )
    .map_err(|e| match e {
        Error::KeyringUnavailable { reason } => Error::KeyringUnavailable {
            reason: format!("{reason}; nothing was created. To create a vault without the keyring, use --no-keyring with a passphrase"),
        },
        other => other,
    })?;
    let status = created.vault.status()?;
    let code = created.recovery_code.display_form();
    let shown = ctx.out.show(
        &json!({
            "vault_id": status.vault_id,
            "recovery_code": code.expose(),
            "protectors": status.protectors,
            "data_dir": status.data_dir,
        }),
        &format!(
            "Created vault {} in {}.\n\nYour recovery code (shown only now; write it down and keep it somewhere safe):\n\n    {}\n",
            status.vault_id,
            status.data_dir,
            code.expose()
        ),
    );
    if shown.is_err() {
        // The vault exists but its code was never seen: say how to get a new one.
        return Err(Error::InvalidInput(
            "the vault was created but its recovery code could not be printed; run `holdspace-cli recovery regenerate` now".into(),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn status(ctx: &Context) -> Result<ExitCode, Error> {
    let vault = ctx.load()?;
    let s = vault.status()?;
    let protectors: Vec<&str> = s.protectors.iter().map(|p| p.as_str()).collect();
    ctx.out.show(
        &json!({
            "vault_id": s.vault_id,
            "schema_version": s.schema_version,
            "protectors": s.protectors,
            "data_dir": s.data_dir,
        }),
        &format!(
            "Vault {}\n  folder:         {}\n  schema version: {}\n  protectors:     {}",
            s.vault_id,
            s.data_dir,
            s.schema_version,
            protectors.join(", ")
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn unlock(ctx: &Context, passphrase_stdin: bool) -> Result<ExitCode, Error> {
    let from_stdin = if passphrase_stdin {
        Some(StdinLines::read()?.next("the passphrase")?)
    } else {
        None
    };
    let (vault, with) = ctx.open(from_stdin)?;
    let s = vault.status()?;
    vault.lock()?;
    ctx.out.show(
        &json!({ "unlocked_with": with, "schema_version": s.schema_version }),
        &format!(
            "Unlocked with the {} (schema version {}). The vault is locked again.",
            with.as_str(),
            s.schema_version
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn change_passphrase(ctx: &Context) -> Result<ExitCode, Error> {
    let new = StdinLines::read()?.next("the new passphrase")?;
    let (vault, _) = ctx.open(None)?;
    vault.change_passphrase(&new)?;
    ctx.out
        .show(&json!({ "changed": "passphrase" }), "Passphrase changed.")?;
    Ok(ExitCode::SUCCESS)
}

pub fn add_protector(ctx: &Context, arg: ProtectorArg) -> Result<ExitCode, Error> {
    let new = match arg {
        ProtectorArg::Passphrase => Some(StdinLines::read()?.next("the new passphrase")?),
        ProtectorArg::Keyring => None,
    };
    let (vault, _) = ctx.open(None)?;
    match &new {
        Some(p) => vault.add_passphrase(p)?,
        None => vault.add_keyring()?,
    }
    protectors_changed(
        ctx,
        &vault,
        &format!("Added the {} protector.", kind(arg).as_str()),
    )
}

pub fn remove_protector(ctx: &Context, arg: ProtectorArg) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    vault.remove_protector(kind(arg))?;
    protectors_changed(
        ctx,
        &vault,
        &format!("Removed the {} protector.", kind(arg).as_str()),
    )
}

fn protectors_changed(ctx: &Context, vault: &Vault, text: &str) -> Result<ExitCode, Error> {
    let s = vault.status()?;
    ctx.out.show(&json!({ "protectors": s.protectors }), text)?;
    Ok(ExitCode::SUCCESS)
}

pub fn recover(ctx: &Context, keyring: bool) -> Result<ExitCode, Error> {
    let mut stdin = StdinLines::read()?;
    let code = RecoveryCode::parse(stdin.next("the recovery code")?.expose())?;
    let new = if keyring {
        NewProtector::Keyring
    } else {
        NewProtector::Passphrase(stdin.next("the new passphrase (second line)")?)
    };
    let vault = ctx.load()?;
    vault.recover(code, new)?;
    protectors_changed(
        ctx,
        &vault,
        "Recovered: the vault opened with the recovery code and has its new protector. Your recovery code stays the same; regenerate it if it may have been seen.",
    )
}

pub fn regenerate_recovery_code(ctx: &Context) -> Result<ExitCode, Error> {
    let (vault, _) = ctx.open(None)?;
    let code = vault.regenerate_recovery_code()?.display_form();
    ctx.out.show(
        &json!({ "recovery_code": code.expose() }),
        &format!(
            "Your new recovery code (the old one no longer works; shown only now):\n\n    {}\n",
            code.expose()
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The passphrase (when the vault has one) seals the new key, so it is read here as well as
/// used to unlock.
pub fn rotate_key(ctx: &Context) -> Result<ExitCode, Error> {
    let passphrase = ctx.passphrase(None)?;
    let (vault, _) = ctx.open(None)?;
    let code = vault.rotate_data_key(passphrase.as_ref())?.display_form();
    ctx.out.show(
        &json!({ "recovery_code": code.expose() }),
        &format!(
            "The vault is encrypted under a new key. Your new recovery code (the old one no \
             longer works; shown only now):\n\n    {}\n",
            code.expose()
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn doctor(ctx: &Context) -> Result<ExitCode, Error> {
    let vault = ctx.load()?;
    let ways = ctx.unlock_how(&vault, ctx.passphrase(None)?)?;
    let report = ctx.try_each(ways, |how: Unlock| vault.doctor(how))?;
    let lines: Vec<String> = report
        .checks
        .iter()
        .map(|c| {
            format!(
                "{} {}: {}",
                if c.ok { "ok  " } else { "FAIL" },
                c.name,
                c.detail
            )
        })
        .collect();
    ctx.out.show(&report, &lines.join("\n"))?;
    Ok(if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
