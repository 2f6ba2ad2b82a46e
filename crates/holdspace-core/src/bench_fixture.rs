//! What the benchmarks share: a scratch vault with a passphrase at the Argon2 floor (no
//! keyring), best-of-n timing to damp noise from the machine's other core, and one timed run
//! for callers that keep every sample (medians, percentiles).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::vault::{
    CreateOptions, KdfCost, KdfTuning, KeyStore, KeyringFailure, Vault, VaultPaths,
};
use crate::{Result, Secret};

#[derive(Debug)]
struct NoKeyring;

impl KeyStore for NoKeyring {
    fn get(&self, _: &str) -> std::result::Result<Secret<[u8; 32]>, KeyringFailure> {
        Err(KeyringFailure::Missing)
    }
    fn set(&self, _: &str, _: &Secret<[u8; 32]>) -> std::result::Result<(), KeyringFailure> {
        Err(KeyringFailure::Unavailable(
            "the benchmark uses no keyring".into(),
        ))
    }
    fn delete(&self, _: &str) -> std::result::Result<(), KeyringFailure> {
        Ok(())
    }
}

/// A new, unlocked vault in `dir` (which must not hold one).
pub(crate) fn scratch_vault(dir: &Path) -> Result<Vault> {
    Ok(Vault::create(
        VaultPaths::new(dir),
        Arc::new(NoKeyring),
        CreateOptions {
            passphrase: Some(Secret::new("benchmark passphrase".to_string())),
            use_keyring: false,
            kdf: KdfTuning::Fixed(KdfCost::MINIMUM),
        },
    )?
    .vault)
}

/// The fastest of `runs` runs of `work`.
pub(crate) fn best_of<T>(runs: usize, mut work: impl FnMut() -> Result<T>) -> Result<Duration> {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        work()?;
        best = best.min(started.elapsed());
    }
    Ok(best)
}

/// How long one run of `work` took.
pub(crate) fn timed<T>(work: impl FnOnce() -> Result<T>) -> Result<Duration> {
    let started = Instant::now();
    work()?;
    Ok(started.elapsed())
}
