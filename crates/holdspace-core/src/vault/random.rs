//! Randomness for keys, salts, nonces and recovery codes: the operating system's CSPRNG only.

use crate::{Error, Result};

pub(crate) fn fill(buffer: &mut [u8]) -> Result<()> {
    getrandom::getrandom(buffer).map_err(|_| Error::Io {
        action: "get random bytes from the operating system",
        source: std::io::Error::other("the system random source failed"),
    })
}
