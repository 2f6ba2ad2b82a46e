//! A wrapper for key material and passphrases: zeroized on drop, `<redacted>` in Debug, and
//! deliberately without `Serialize`, `Display` or `Clone`, so it cannot reach a log, a JSON
//! document or an error message by accident.

use zeroize::{Zeroize, Zeroizing};

pub struct Secret<T: Zeroize>(Zeroizing<T>);

impl<T: Zeroize> Secret<T> {
    pub fn new(value: T) -> Self {
        Self(Zeroizing::new(value))
    }

    /// The only way to the value; grep for it when auditing where secrets go.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Fills a secret in place (random bytes, derived keys) so no copy is left behind.
    pub(crate) fn expose_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: Zeroize> std::fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for Secret<String> {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_the_value() {
        let secret = Secret::new(String::from("canary-passphrase"));
        let shown = format!("{secret:?}");
        assert_eq!(
            shown, "<redacted>",
            "Debug must hide the secret, or it can reach a log"
        );
    }
}
