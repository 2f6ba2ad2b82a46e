//! The seal of `vault.json`: a MAC over every byte of the file, keyed by the data key.
//!
//! `vault.json` holds no secret, but a changed byte in it must not pass unnoticed: a flipped
//! letter in a hex field can decode to the same key, a flipped space parses the same, and a
//! field renamed by one flipped bit would be ignored. So the MAC covers the file's exact bytes
//! (with the seal's own value read as zeros), and a vault whose description was changed
//! outside Holdspace is refused as damaged once the key is in hand. Only a Holdspace that
//! holds the data key can write a description that passes.

use blake2::digest::consts::U32;
use blake2::digest::Mac;
use blake2::Blake2bMac;

use super::key::Key;
use crate::{Error, Result};

/// The seal's value while the MAC is computed: as long as a real seal (32 bytes in hex).
pub(crate) const PLACEHOLDER: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";
/// Keeps this MAC apart from every other use of the data key.
const PERSONAL: &[u8] = b"hs-vault.json";

fn mac(key: &Key, bytes: &[u8]) -> Result<Blake2bMac<U32>> {
    let mut mac = Blake2bMac::<U32>::new_with_salt_and_personal(key.expose(), &[], PERSONAL)
        .map_err(|_| Error::Storage("the vault description could not be sealed".into()))?;
    mac.update(bytes);
    Ok(mac)
}

fn field(value: &str) -> String {
    format!("\"seal\": \"{value}\"")
}

/// Fills in the seal of bytes serialized with [`PLACEHOLDER`] as its value.
pub(crate) fn seal(key: &Key, mut bytes: Vec<u8>) -> Result<Vec<u8>> {
    let at = only_place(&bytes, &field(PLACEHOLDER))
        .ok_or_else(|| Error::Storage("the vault description could not be sealed".into()))?;
    let tag = hex::encode(mac(key, &bytes)?.finalize().into_bytes());
    let start = at + "\"seal\": \"".len();
    bytes[start..start + tag.len()].copy_from_slice(tag.as_bytes());
    Ok(bytes)
}

/// Checks the seal `value` that the parsed file carries against the file's exact bytes.
pub(crate) fn verify(key: &Key, bytes: &[u8], value: &str) -> Result<()> {
    let changed = || Error::VaultDamaged("vault.json was changed outside Holdspace".into());
    let well_formed = value.len() == PLACEHOLDER.len()
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !well_formed {
        return Err(changed());
    }
    let at = only_place(bytes, &field(value)).ok_or_else(changed)?;
    let mut unsealed = bytes.to_vec();
    let start = at + "\"seal\": \"".len();
    unsealed[start..start + PLACEHOLDER.len()].copy_from_slice(PLACEHOLDER.as_bytes());
    let tag = hex::decode(value).map_err(|_| changed())?;
    mac(key, &unsealed)?
        .verify_slice(&tag)
        .map_err(|_| changed())
}

/// Where `needle` occurs, if it occurs exactly once.
fn only_place(haystack: &[u8], needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let mut places = haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i);
    let first = places.next()?;
    places.next().is_none().then_some(first)
}
