use std::sync::Arc;

use chrono::{DateTime, Utc};
use holdspace_core::groups::{self, NewGroup};
use holdspace_core::meetings::{self, NewMeeting, Occurrence};
use holdspace_core::vault::{
    CreateOptions, KdfCost, KdfTuning, KeyStore, KeyringFailure, Vault, VaultPaths,
};
use holdspace_core::Secret;

/// No keyring in these tests: the vault uses a passphrase.
#[derive(Debug)]
pub struct NoKeyring;

impl KeyStore for NoKeyring {
    fn get(&self, _: &str) -> Result<Secret<[u8; 32]>, KeyringFailure> {
        Err(KeyringFailure::Missing)
    }
    fn set(&self, _: &str, _: &Secret<[u8; 32]>) -> Result<(), KeyringFailure> {
        Err(KeyringFailure::Unavailable("not in these tests".into()))
    }
    fn delete(&self, _: &str) -> Result<(), KeyringFailure> {
        Ok(())
    }
}

pub fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        VaultPaths::new(dir.path()),
        Arc::new(NoKeyring),
        CreateOptions {
            passphrase: Some(Secret::new("a passphrase for tests".to_string())),
            use_keyring: false,
            kdf: KdfTuning::Fixed(KdfCost::MINIMUM),
        },
    )
    .unwrap()
    .vault;
    (dir, vault)
}

pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

pub fn group(vault: &Vault, joined: &str) -> i64 {
    groups::add(
        vault,
        &NewGroup {
            name: "Tuesday circle".into(),
            kind: "grief-loss".into(),
            joined: Some(joined.into()),
            ..NewGroup::default()
        },
    )
    .unwrap()
    .id
}

pub fn meeting(vault: &Vault, group_id: i64, start: &str, zone: &str, rrule: Option<&str>) -> i64 {
    meetings::add(
        vault,
        &NewMeeting {
            group_id,
            title: None,
            start_local: start.into(),
            time_zone: zone.into(),
            duration_minutes: 90,
            rrule: rrule.map(String::from),
        },
    )
    .unwrap()
    .id
}

pub fn starts(list: &[Occurrence]) -> Vec<String> {
    list.iter().map(|o| o.start_utc.clone()).collect()
}
