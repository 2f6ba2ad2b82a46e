//! Reading secrets: the vault passphrase from `--passphrase-file` or stdin, second secrets from
//! stdin lines. Only the line ending is stripped; nothing is echoed or logged.

use std::io::BufRead;
use std::path::Path;

use holdspace_core::{Error, Secret};

/// Lines of stdin, read once and handed out in order.
#[derive(Debug)]
pub struct StdinLines {
    lines: Vec<Secret<String>>,
    next: usize,
}

impl StdinLines {
    pub fn read() -> Result<Self, Error> {
        let mut lines = Vec::new();
        for line in std::io::stdin().lock().lines() {
            // Wrapped at once so the raw line is wiped when dropped, like the trimmed copy.
            let line = Secret::new(
                line.map_err(|_| Error::InvalidInput("stdin is not valid UTF-8 text".into()))?,
            );
            lines.push(Secret::new(
                line.expose().trim_end_matches('\r').to_string(),
            ));
        }
        Ok(Self { lines, next: 0 })
    }

    /// The next line; `what` names it in the error when stdin has run out.
    pub fn next(&mut self, what: &str) -> Result<Secret<String>, Error> {
        let line = self
            .lines
            .get_mut(self.next)
            .map(|s| Secret::new(s.expose().clone()));
        self.next += 1;
        line.ok_or_else(|| Error::InvalidInput(format!("expected {what} on stdin")))
    }
}

pub fn passphrase_from_file(path: &Path) -> Result<Secret<String>, Error> {
    let content = Secret::new(std::fs::read_to_string(path).map_err(|_| {
        Error::InvalidInput("the passphrase file could not be read as UTF-8 text".into())
    })?);
    let first = content.expose().lines().next().unwrap_or("");
    Ok(Secret::new(first.trim_end_matches('\r').to_string()))
}
