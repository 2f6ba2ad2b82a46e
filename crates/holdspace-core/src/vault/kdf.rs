//! Argon2id: turns a passphrase or a recovery code into a key-encryption key.
//!
//! Costs are stored per protector in `vault.json`, so a vault opens on any machine with the
//! parameters it was sealed with. At creation they are tuned so that one derivation takes
//! 0.25-0.5 s here, never below 64 MiB of memory.

use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

use super::key::{Key, KEY_LEN};
use super::random;
use crate::{Error, Result, Secret};

pub const MIN_MEMORY_KIB: u32 = 64 * 1024;
/// Refuse absurd costs read from a tampered `vault.json` rather than exhaust the machine.
const MAX_MEMORY_KIB: u32 = 4 * 1024 * 1024;
const MAX_ITERATIONS: u32 = 64;
const SALT_LEN: usize = 16;
const TARGET: Duration = Duration::from_millis(350);

/// The cost of one derivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfCost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfCost {
    /// The floor DESIGN.md sets; tests use it to stay fast, `init` never goes below it.
    pub const MINIMUM: Self = Self {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    };

    fn validate(self) -> Result<Self> {
        let sane = (MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&self.memory_kib)
            && (1..=MAX_ITERATIONS).contains(&self.iterations)
            && (1..=16).contains(&self.parallelism);
        if sane {
            Ok(self)
        } else {
            Err(Error::invalid(
                "key derivation cost out of range (at least 64 MiB, 1-64 passes, 1-16 lanes)",
            ))
        }
    }
}

/// How to choose the cost when a protector is created.
#[derive(Debug, Clone, Copy)]
pub enum KdfTuning {
    /// Measure this machine (what `init` does).
    Calibrate,
    /// Use a given cost (tests; still at least the minimum).
    Fixed(KdfCost),
}

impl KdfTuning {
    pub(crate) fn cost(self) -> Result<KdfCost> {
        match self {
            Self::Fixed(cost) => cost.validate(),
            Self::Calibrate => calibrate(),
        }
    }
}

/// Parameters of one sealed key: the cost and its salt.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct KdfParams {
    pub algorithm: String,
    #[serde(flatten)]
    pub cost: KdfCost,
    pub salt: String,
}

const ALGORITHM: &str = "argon2id-v19";

impl KdfParams {
    pub(crate) fn new(cost: KdfCost) -> Result<Self> {
        let mut salt = [0u8; SALT_LEN];
        random::fill(&mut salt)?;
        Ok(Self {
            algorithm: ALGORITHM.into(),
            cost: cost.validate()?,
            salt: hex::encode(salt),
        })
    }

    pub(crate) fn derive(&self, secret: &[u8]) -> Result<Key> {
        if self.algorithm != ALGORITHM {
            return Err(Error::VaultDamaged(
                "vault.json names a key derivation this version does not know".into(),
            ));
        }
        let damaged = || Error::VaultDamaged("key derivation parameters are malformed".into());
        let salt = hex::decode(&self.salt).map_err(|_| damaged())?;
        let cost = self.cost.validate().map_err(|_| damaged())?;
        derive(secret, &salt, cost)
    }
}

fn derive(secret: &[u8], salt: &[u8], cost: KdfCost) -> Result<Key> {
    let params = Params::new(
        cost.memory_kib,
        cost.iterations,
        cost.parallelism,
        Some(KEY_LEN),
    )
    .map_err(|_| Error::invalid("key derivation cost out of range"))?;
    // The working memory holds material from which the key could be recomputed: wipe it.
    let mut memory = zeroize::Zeroizing::new(vec![argon2::Block::default(); params.block_count()]);
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut key = Secret::new([0u8; KEY_LEN]);
    argon
        .hash_password_into_with_memory(secret, salt, key.expose_mut(), memory.as_mut_slice())
        .map_err(|_| Error::Storage("key derivation failed".into()))?;
    Ok(key)
}

/// Measures this machine at the minimum memory and picks the number of passes that lands near
/// [`TARGET`] (inside 0.25-0.5 s). A single timing is misleading: the first derivation also
/// pays for faulting in 64 MiB, so a warm-up runs first and the cost of one pass is taken as
/// the difference between a three-pass and a one-pass run. On a slow machine the floor wins
/// over the time budget.
fn calibrate() -> Result<KdfCost> {
    let salt = [0u8; SALT_LEN];
    let with_passes = |iterations| KdfCost {
        iterations,
        ..KdfCost::MINIMUM
    };
    let time = |iterations| -> Result<Duration> {
        let started = Instant::now();
        derive(b"calibration", &salt, with_passes(iterations))?;
        Ok(started.elapsed())
    };
    time(1)?;
    let one = time(1)?;
    let three = time(3)?;
    let per_pass = (three.saturating_sub(one) / 2).max(Duration::from_millis(1));
    let overhead = one.saturating_sub(per_pass);
    let passes = (TARGET.saturating_sub(overhead).as_secs_f64() / per_pass.as_secs_f64()).round();
    // Passes are a small whole number; the float only carries a ratio of two durations.
    let iterations = if passes.is_finite() && passes >= 1.0 {
        (passes as u32).clamp(1, MAX_ITERATIONS)
    } else {
        1
    };
    Ok(with_passes(iterations))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_secret_and_salt_derive_the_same_key_and_others_do_not() {
        let params = KdfParams::new(KdfCost::MINIMUM).unwrap();
        let a = params.derive(b"correct horse").unwrap();
        let b = params.derive(b"correct horse").unwrap();
        let c = params.derive(b"correct horsf").unwrap();
        assert_eq!(
            a.expose(),
            b.expose(),
            "derivation must be deterministic to unlock"
        );
        assert_ne!(
            a.expose(),
            c.expose(),
            "a different passphrase must give another key"
        );
    }

    #[test]
    fn costs_below_the_floor_are_refused() {
        let weak = KdfCost {
            memory_kib: 1024,
            ..KdfCost::MINIMUM
        };
        assert!(
            KdfParams::new(weak).is_err(),
            "the design requires at least 64 MiB of memory for Argon2id"
        );
    }
}
