//! The vault's commands that take input (src-tauri's commands/vault.rs and safekeeping.rs),
//! through the `Session` they call: set up, unlock, change the passphrase, add and remove
//! protectors, recover with a code, change the data key, back up, restore and erase, with any
//! strings. A refused one leaves
//! vault.json byte for byte and the database's content as they were, and the vault still opens
//! with the protectors it had. Each case runs a few steps in a row, so refusals are also tried
//! after accepted changes (a new passphrase, a keyring added, a recovery).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use holdspace_core::vault::{
    CreateRequest, KdfCost, KdfTuning, KeyStore, KeyringFailure, NewProtectorRequest,
    ProtectorKind, RecoverRequest, Session, UnlockRequest, Vault, VaultPaths, ERASE_CONFIRMATION,
};
use holdspace_core::Secret;
use proptest::prelude::*;

use crate::{support, text};

const PASSPHRASE: &str = "a passphrase for tests";

/// An in-memory keyring that can be switched off (copied from the vault tests' support, which
/// belongs to another test binary).
#[derive(Debug, Default)]
struct MemoryKeyring {
    entries: Mutex<HashMap<String, [u8; 32]>>,
    unreachable: AtomicBool,
}

impl MemoryKeyring {
    fn reachable(&self) -> Result<(), KeyringFailure> {
        if self.unreachable.load(Ordering::SeqCst) {
            Err(KeyringFailure::Unavailable(
                "test keyring switched off".into(),
            ))
        } else {
            Ok(())
        }
    }
}

impl KeyStore for MemoryKeyring {
    fn get(&self, account: &str) -> Result<Secret<[u8; 32]>, KeyringFailure> {
        self.reachable()?;
        let entries = self.entries.lock().unwrap();
        entries
            .get(account)
            .map(|k| Secret::new(*k))
            .ok_or(KeyringFailure::Missing)
    }

    fn set(&self, account: &str, key: &Secret<[u8; 32]>) -> Result<(), KeyringFailure> {
        self.reachable()?;
        self.entries
            .lock()
            .unwrap()
            .insert(account.into(), *key.expose());
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<(), KeyringFailure> {
        self.reachable()?;
        self.entries.lock().unwrap().remove(account);
        Ok(())
    }
}

/// Argon2id at its floor (64 MiB, one pass): real, but quick enough for many unlocks.
fn fast_kdf() -> KdfTuning {
    KdfTuning::Fixed(KdfCost::MINIMUM)
}

/// A recovery code as typed: the real one, sloppily or one symbol wrong, or anything.
#[derive(Debug, Clone)]
enum Code {
    Real(u8),
    Typed(String),
}

#[derive(Debug, Clone)]
enum Step {
    /// Set-up again, over the vault there: always refused.
    Create(Option<String>, bool),
    UnlockWithPassphrase(String),
    UnlockWithCode(Code),
    UnlockWithKeyring,
    ChangePassphrase(String),
    /// A passphrase protector, or the keyring when `None`.
    AddProtector(Option<String>),
    RemoveProtector(ProtectorKind),
    Recover(Code, Option<String>),
    /// A new data key, sealed under the passphrase given: the vault's own, or any text.
    RotateKey(Option<Given>),
    Backup(String),
    Restore(Vec<u8>, String, bool),
    Erase(String),
}

/// A passphrase asked for again: the vault's current one, or whatever is typed.
#[derive(Debug, Clone)]
enum Given {
    Current,
    Typed(String),
}

/// What became of a step.
#[derive(Debug)]
enum Outcome {
    Refused,
    Accepted,
    /// Accepted, with a new recovery code to show once.
    NewCode(String),
}

fn outcome<T>(result: holdspace_core::Result<T>) -> Outcome {
    if result.is_ok() {
        Outcome::Accepted
    } else {
        Outcome::Refused
    }
}

/// Passphrases around the limits: 8 characters (of one byte or several), 1024 bytes, any text.
fn passphrase() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => text(),
        2 => "[ -~]{0,12}",
        1 => (6usize..10, prop::sample::select(vec!["x", "é", "🙂"])).prop_map(|(n, c)| c.repeat(n)),
        1 => (1015usize..1030).prop_map(|n| "é".repeat(n / 2) + &"x".repeat(n % 2)),
        1 => prop::sample::select(vec![
            PASSPHRASE.to_string(),
            format!(" {PASSPHRASE}"),
            PASSPHRASE.to_uppercase(),
            "x".repeat(1024),
            "x".repeat(1025),
        ]),
    ]
}

fn code() -> impl Strategy<Value = Code> {
    prop_oneof![
        2 => any::<u8>().prop_map(Code::Real),
        1 => "[0-9A-Za-z \\-]{20,35}".prop_map(Code::Typed),
        1 => text().prop_map(Code::Typed),
    ]
}

/// What a person types for "delete everything", never quite it.
fn confirmation() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Delete everything",
            "delete  everything",
            "delete everything.",
            "delete-everything",
            "delete everythin",
            "delete\u{a0}everything",
            "",
        ])
        .prop_map(String::from),
        text(),
    ]
    .prop_filter("the real confirmation deletes everything", |c| {
        c.trim() != ERASE_CONFIRMATION
    })
}

/// A backup file that is not one: any bytes, or the first line of one and then anything.
fn not_a_backup() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        text().prop_map(|t| format!("HOLDSPACE-BACKUP 1\n{t}").into_bytes()),
        "\\{[ -~]{0,80}\\}".prop_map(|t| format!("HOLDSPACE-BACKUP 1\n{t}\n").into_bytes()),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => (prop::option::of(passphrase()), any::<bool>()).prop_map(|(p, k)| Step::Create(p, k)),
        2 => passphrase().prop_map(Step::UnlockWithPassphrase),
        1 => code().prop_map(Step::UnlockWithCode),
        1 => Just(Step::UnlockWithKeyring),
        3 => passphrase().prop_map(Step::ChangePassphrase),
        2 => prop::option::of(passphrase()).prop_map(Step::AddProtector),
        2 => prop::sample::select(vec![
            ProtectorKind::Keyring,
            ProtectorKind::Passphrase,
            ProtectorKind::RecoveryCode,
        ])
        .prop_map(Step::RemoveProtector),
        2 => (code(), prop::option::of(passphrase())).prop_map(|(c, p)| Step::Recover(c, p)),
        2 => prop::option::of(prop_oneof![
            Just(Given::Current),
            passphrase().prop_map(Given::Typed),
        ])
        .prop_map(Step::RotateKey),
        1 => passphrase().prop_map(Step::Backup),
        1 => (not_a_backup(), passphrase(), any::<bool>()).prop_map(|(b, p, r)| Step::Restore(b, p, r)),
        1 => confirmation().prop_map(Step::Erase),
    ]
}

/// What the vault is protected by, as far as the steps accepted so far say.
#[derive(Debug)]
struct Protectors {
    passphrase: Option<String>,
    keyring: bool,
    /// The recovery code as shown at creation.
    code: String,
}

impl Protectors {
    fn typed(&self, code: &Code) -> String {
        match code {
            Code::Typed(text) => text.clone(),
            Code::Real(variant) => match variant % 4 {
                0 => self.code.clone(),
                1 => self.code.to_lowercase().replace('-', " "),
                // Right shape, wrong code: the first symbol changed.
                2 => {
                    let first = if self.code.starts_with('A') { "B" } else { "A" };
                    format!("{first}{}", &self.code[1..])
                }
                _ => format!("{}U", self.code),
            },
        }
    }

    /// How the test opens the vault: its passphrase, else the keyring.
    fn unlock(&self) -> UnlockRequest {
        match &self.passphrase {
            Some(passphrase) => UnlockRequest::Passphrase {
                passphrase: passphrase.clone(),
            },
            None => UnlockRequest::Keyring,
        }
    }

    /// Records what an accepted step changed.
    fn accepted(&mut self, step: &Step) {
        match step {
            Step::ChangePassphrase(p) | Step::AddProtector(Some(p)) | Step::Recover(_, Some(p)) => {
                self.passphrase = Some(p.clone());
            }
            Step::AddProtector(None) | Step::Recover(_, None) => self.keyring = true,
            Step::RemoveProtector(ProtectorKind::Keyring) => self.keyring = false,
            Step::RemoveProtector(_) => self.passphrase = None,
            _ => {}
        }
    }
}

fn new_protector(passphrase: &Option<String>) -> NewProtectorRequest {
    match passphrase {
        Some(passphrase) => NewProtectorRequest::Passphrase {
            passphrase: passphrase.clone(),
        },
        None => NewProtectorRequest::Keyring,
    }
}

/// The database's content, leaving out the unlock log (every unlock adds to it, and the test
/// unlocks to look).
fn contents(vault: &Vault) -> BTreeMap<String, (usize, u64)> {
    crate::contents::contents_except(vault, &["vault_unlock"])
}

/// Every file under `dir`, by path.
fn files_under(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(files_under(&path));
            } else {
                files.push(path.display().to_string());
            }
        }
    }
    files
}

/// Runs one step as its command would.
fn run(session: &Session, protectors: &Protectors, step: &Step, out: &Path) -> Outcome {
    match step {
        Step::Create(passphrase, use_keyring) => {
            let created = session.create(CreateRequest {
                use_keyring: *use_keyring,
                passphrase: passphrase.clone(),
            });
            assert!(
                created.is_err(),
                "set-up must never make a vault over the one there"
            );
            Outcome::Refused
        }
        Step::UnlockWithPassphrase(passphrase) => {
            outcome(session.unlock(UnlockRequest::Passphrase {
                passphrase: passphrase.clone(),
            }))
        }
        Step::UnlockWithCode(code) => outcome(session.unlock(UnlockRequest::RecoveryCode {
            code: protectors.typed(code),
        })),
        Step::UnlockWithKeyring => outcome(session.unlock(UnlockRequest::Keyring)),
        Step::ChangePassphrase(passphrase) => {
            outcome(session.change_passphrase(passphrase.clone()))
        }
        Step::AddProtector(passphrase) => outcome(session.add_protector(new_protector(passphrase))),
        Step::RemoveProtector(kind) => outcome(session.remove_protector(*kind)),
        Step::Recover(code, passphrase) => outcome(session.recover(RecoverRequest {
            code: protectors.typed(code),
            new_protector: new_protector(passphrase),
        })),
        Step::RotateKey(given) => {
            let passphrase = given.as_ref().map(|given| match given {
                Given::Current => protectors.passphrase.clone().unwrap_or_default(),
                Given::Typed(text) => text.clone(),
            });
            match session.rotate_data_key(passphrase) {
                Ok(rotated) => Outcome::NewCode(rotated.recovery_code),
                Err(_) => Outcome::Refused,
            }
        }
        Step::Backup(passphrase) => {
            outcome(session.backup(passphrase.clone(), &out.join("vault.holdspace-backup")))
        }
        Step::Restore(bytes, passphrase, replace) => {
            let file = out.join("not-a-backup");
            std::fs::write(&file, bytes).unwrap();
            let restored = session.restore_backup(&file, passphrase.clone(), *replace);
            assert!(
                restored.is_err(),
                "a file that is no backup must never be restored"
            );
            Outcome::Refused
        }
        Step::Erase(confirmation) => {
            let erased = session.erase_everything(confirmation);
            assert!(
                erased.is_err(),
                "only \"delete everything\" may delete everything"
            );
            Outcome::Refused
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn vault_commands_take_any_secret_and_a_refused_one_changes_no_file_and_no_protector(
        first in (prop::option::of(passphrase()), any::<bool>(), any::<bool>()),
        with_keyring in any::<bool>(),
        steps in prop::collection::vec((step(), any::<bool>()), 1..5),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let keyring = Arc::new(MemoryKeyring::default());
        let session = Session::new(VaultPaths::new(&data), keyring.clone(), fast_kdf());
        // Set-up with any request first; refused, it leaves no file and no keyring entry.
        let (passphrase, use_keyring, keyring_down) = first;
        keyring.unreachable.store(keyring_down, Ordering::SeqCst);
        let created = session.create(CreateRequest { use_keyring, passphrase: passphrase.clone() });
        keyring.unreachable.store(false, Ordering::SeqCst);
        let (created, passphrase, use_keyring) = match created {
            Ok(created) => (created, passphrase, use_keyring),
            Err(_) => {
                prop_assert!(
                    files_under(&data).is_empty(),
                    "a refused set-up must leave no file behind: {:?}",
                    files_under(&data)
                );
                prop_assert!(
                    keyring.entries.lock().unwrap().is_empty(),
                    "a refused set-up must leave no key in the keyring"
                );
                let request = CreateRequest { use_keyring: with_keyring, passphrase: Some(PASSPHRASE.into()) };
                (session.create(request).unwrap(), Some(PASSPHRASE.into()), with_keyring)
            }
        };
        support::group(&session.vault().unwrap(), "2024-01-01");
        let mut protectors = Protectors {
            passphrase,
            keyring: use_keyring,
            code: created.recovery_code,
        };
        let manifest = data.join("vault.json");
        for (step, keyring_down) in &steps {
            let before = (std::fs::read(&manifest).unwrap(), contents(&session.vault().unwrap()));
            keyring.unreachable.store(*keyring_down, Ordering::SeqCst);
            let outcome = run(&session, &protectors, step, dir.path());
            keyring.unreachable.store(false, Ordering::SeqCst);
            if let Outcome::Accepted | Outcome::NewCode(_) = &outcome {
                protectors.accepted(step);
                if let Outcome::NewCode(code) = outcome {
                    protectors.code = code;
                }
                let opened = session.unlock(protectors.unlock());
                prop_assert!(
                    opened.is_ok(),
                    "after an accepted {:?} the vault must open with {:?}: {:?}",
                    step,
                    protectors,
                    opened.err()
                );
                continue;
            }
            prop_assert_eq!(
                &std::fs::read(&manifest).unwrap(),
                &before.0,
                "a refused {:?} must leave vault.json byte for byte as it was",
                step
            );
            let opened = session.unlock(protectors.unlock());
            prop_assert!(
                opened.is_ok(),
                "after a refused {:?} the vault must still open with {:?}: {:?}",
                step,
                protectors,
                opened.err()
            );
            prop_assert_eq!(
                &contents(&session.vault().unwrap()),
                &before.1,
                "a refused {:?} must leave the database's content as it was",
                step
            );
        }
        // From the files alone, as the next start of the app would.
        session.lock().unwrap();
        let again = Session::new(VaultPaths::new(&data), keyring.clone(), fast_kdf());
        let opened = again.unlock(protectors.unlock());
        prop_assert!(
            opened.is_ok(),
            "after every step the vault must open from its files with {:?}: {:?}",
            protectors,
            opened.err()
        );
    }
}

#[test]
fn recovering_into_the_keyring_leaves_a_keyring_that_opens_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(
        VaultPaths::new(dir.path()),
        Arc::new(MemoryKeyring::default()),
        fast_kdf(),
    );
    let created = session
        .create(CreateRequest {
            use_keyring: true,
            passphrase: None,
        })
        .unwrap();
    session
        .recover(RecoverRequest {
            code: created.recovery_code,
            new_protector: NewProtectorRequest::Keyring,
        })
        .unwrap();
    session.lock().unwrap();
    let opened = session.unlock(UnlockRequest::Keyring);
    assert!(
        opened.is_ok(),
        "the keyring protector a recovery has just set up must open the vault: {:?}",
        opened.err()
    );
}
