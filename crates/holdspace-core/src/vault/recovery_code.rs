//! The recovery code: 25 symbols of Crockford base32 (125 random bits), shown once as five
//! groups of five. Typing is forgiving: case, spaces and dashes are ignored, and the letters
//! Crockford treats as look-alikes (I, L, O) are read as the digits they resemble.

use super::random;
use crate::{Error, Result, Secret};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SYMBOLS: usize = 25;
const GROUP: usize = 5;

/// A recovery code in canonical form (25 symbols, no separators).
#[derive(Debug)]
pub struct RecoveryCode(Secret<String>);

impl RecoveryCode {
    pub(crate) fn generate() -> Result<Self> {
        let mut bytes = Secret::new([0u8; SYMBOLS]);
        random::fill(bytes.expose_mut())?;
        // 256 is a multiple of 32, so taking each byte mod 32 is unbiased.
        let code: String = bytes
            .expose()
            .iter()
            .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
            .collect();
        Ok(Self(Secret::new(code)))
    }

    /// Reads what a person typed or pasted. Only the shape is checked here; whether the code
    /// is right is decided by unwrapping the key.
    pub fn parse(typed: &str) -> Result<Self> {
        let mut code = String::with_capacity(SYMBOLS);
        for c in typed.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' => continue,
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return Err(Error::invalid(
                    "a recovery code uses only the digits 0-9 and the letters A-Z except U",
                ));
            }
            code.push(c);
        }
        if code.chars().count() != SYMBOLS {
            return Err(Error::invalid(
                "a recovery code has 25 characters (five groups of five)",
            ));
        }
        Ok(Self(Secret::new(code)))
    }

    pub(crate) fn canonical(&self) -> &[u8] {
        self.0.expose().as_bytes()
    }

    /// The grouped form to show the user, once.
    pub fn display_form(&self) -> Secret<String> {
        let symbols = self.0.expose().as_bytes();
        let groups: Vec<&str> = symbols
            .chunks(GROUP)
            .filter_map(|chunk| std::str::from_utf8(chunk).ok())
            .collect();
        Secret::new(groups.join("-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_code_reads_back_from_its_display_form_typed_sloppily() {
        let code = RecoveryCode::generate().unwrap();
        let shown = code.display_form();
        assert_eq!(
            shown.expose().len(),
            29,
            "five groups of five with four dashes"
        );
        let typed = shown.expose().to_lowercase().replace('-', " ");
        let parsed = RecoveryCode::parse(&typed).unwrap();
        assert_eq!(
            parsed.canonical(),
            code.canonical(),
            "case and separators must not matter"
        );
    }

    #[test]
    fn look_alike_letters_are_read_as_digits_and_wrong_shapes_are_refused() {
        let parsed = RecoveryCode::parse("OIL00-00000-00000-00000-00000").unwrap();
        assert_eq!(
            &parsed.canonical()[..3],
            b"011",
            "O, I and L are read as 0, 1 and 1"
        );
        assert!(
            RecoveryCode::parse("ABCDE").is_err(),
            "too short must be refused"
        );
        assert!(
            RecoveryCode::parse("UUUUU-UUUUU-UUUUU-UUUUU-UUUUU").is_err(),
            "U is not used"
        );
    }
}
