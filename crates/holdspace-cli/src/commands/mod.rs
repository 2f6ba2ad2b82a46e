//! One function per subcommand, each a few lines over the core.

mod backup;
pub mod bench;
mod calendar;
mod contact;
mod export;
mod feed;
mod journal;
mod participation;
mod reminder;
mod vault;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use holdspace_core::vault::{OsKeyring, ProtectorKind, Unlock, Vault, VaultPaths};
use holdspace_core::{Error, ErrorCode, Secret};

use crate::args::Command;
use crate::output::Output;
use crate::secret_input;

#[derive(Debug)]
pub struct Context {
    pub data_dir: PathBuf,
    pub passphrase_file: Option<PathBuf>,
    pub out: Output,
}

impl Context {
    pub fn paths(&self) -> VaultPaths {
        VaultPaths::new(&self.data_dir)
    }

    fn load(&self) -> Result<Vault, Error> {
        Vault::load(self.paths(), Arc::new(OsKeyring)).map_err(|e| match e {
            Error::NotFound { .. } => Error::NotFound {
                what: "vault in this data folder (create one with `holdspace-cli init`)",
            },
            other => other,
        })
    }

    fn passphrase(
        &self,
        from_stdin: Option<Secret<String>>,
    ) -> Result<Option<Secret<String>>, Error> {
        match (from_stdin, &self.passphrase_file) {
            (Some(p), _) => Ok(Some(p)),
            (None, Some(path)) => secret_input::passphrase_from_file(path).map(Some),
            (None, None) => Ok(None),
        }
    }

    /// Chooses how to unlock: the keyring when the vault has it, otherwise the passphrase. If
    /// the keyring fails and a passphrase was given, the passphrase is used and the person is
    /// told so: never a silent fallback.
    fn unlock_how(
        &self,
        vault: &Vault,
        passphrase: Option<Secret<String>>,
    ) -> Result<Vec<Unlock>, Error> {
        let status = vault.status()?;
        let mut ways = Vec::new();
        if status.protectors.contains(&ProtectorKind::Keyring) {
            ways.push(Unlock::Keyring);
        }
        if let Some(p) = passphrase {
            ways.push(Unlock::Passphrase(p));
        }
        if ways.is_empty() {
            return Err(Error::InvalidInput(
                "this vault is protected by a passphrase: give it with --passphrase-file FILE (or --passphrase-stdin where offered)".into(),
            ));
        }
        Ok(ways)
    }

    fn open(&self, from_stdin: Option<Secret<String>>) -> Result<(Vault, ProtectorKind), Error> {
        let vault = self.load()?;
        let kind = self.try_each(
            self.unlock_how(&vault, self.passphrase(from_stdin)?)?,
            |how| vault.unlock(how),
        )?;
        Ok((vault, kind))
    }

    /// Runs `attempt` with each way in turn, moving on only past an unavailable keyring.
    fn try_each<T>(
        &self,
        ways: Vec<Unlock>,
        mut attempt: impl FnMut(Unlock) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let count = ways.len();
        let mut last = None;
        for (index, how) in ways.into_iter().enumerate() {
            match attempt(how) {
                Err(e) if e.code() == ErrorCode::KeyringUnavailable && index + 1 < count => {
                    self.out.note(&format!("{e} Using the passphrase given instead."));
                    last = Some(e);
                }
                Err(Error::KeyringUnavailable { reason }) => {
                    return Err(Error::KeyringUnavailable {
                        reason: format!("{reason}; unlock with --passphrase-file, or run `recover` with your recovery code"),
                    })
                }
                other => return other,
            }
        }
        Err(last.unwrap_or(Error::Locked))
    }
}

pub fn run(ctx: &Context, command: Command) -> Result<ExitCode, Error> {
    use crate::args::{PassphraseAction, ProtectorAction, RecoveryAction};
    match command {
        Command::Init {
            no_keyring,
            passphrase_stdin,
        } => vault::init(ctx, no_keyring, passphrase_stdin),
        Command::Status => vault::status(ctx),
        Command::Unlock { passphrase_stdin } => vault::unlock(ctx, passphrase_stdin),
        Command::Passphrase {
            action: PassphraseAction::Change,
        } => vault::change_passphrase(ctx),
        Command::Protector {
            action: ProtectorAction::Add { kind },
        } => vault::add_protector(ctx, kind),
        Command::Protector {
            action: ProtectorAction::Remove { kind },
        } => vault::remove_protector(ctx, kind),
        Command::Recover {
            keyring,
            passphrase_stdin: _,
        } => vault::recover(ctx, keyring),
        Command::Recovery {
            action: RecoveryAction::Regenerate,
        } => vault::regenerate_recovery_code(ctx),
        Command::RotateKey => vault::rotate_key(ctx),
        Command::Doctor => vault::doctor(ctx),
        Command::Group { action } => participation::group(ctx, action),
        Command::Meeting { action } => participation::meeting(ctx, action),
        Command::Attend(args) => participation::attend(ctx, args),
        Command::Insights { group, from, to } => participation::insights(ctx, group, from, to),
        Command::Milestone { action } => participation::milestone(ctx, action),
        Command::Journal { action } => journal::run(ctx, action),
        Command::Reminder { action } => reminder::run(ctx, action),
        Command::Contact { action } => contact::run(ctx, action),
        Command::Share { action } => contact::share(ctx, action),
        Command::Calendar { action } => calendar::run(ctx, action),
        Command::Export { action } => export::run(ctx, action),
        Command::Feed { action } => feed::run(ctx, action),
        Command::Backup { action } => backup::run(ctx, action),
        Command::Bench { quick } => bench::run(quick, ctx.out),
    }
}
