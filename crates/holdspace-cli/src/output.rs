//! Everything the CLI prints goes through here: with `--json`, exactly one JSON document on
//! stdout (or, on error, one `{code, message}` object on stderr with stdout left empty).
//! Writes never panic: a closed pipe or a full disk becomes an `io` error like any other.

use std::io::Write;
use std::process::ExitCode;

use holdspace_core::{Error, ErrorCode};
use serde::Serialize;

#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as JSON, or `text` for people.
    pub fn show<T: Serialize>(&self, value: &T, text: &str) -> Result<(), Error> {
        if self.json {
            let doc = serde_json::to_string_pretty(value)
                .map_err(|_| Error::Storage("the result could not be encoded as JSON".into()))?;
            print_out(&doc)
        } else {
            print_out(text)
        }
    }

    /// A remark for the person at the terminal (never on stdout, so JSON stays one document).
    pub fn note(&self, text: &str) {
        let _ = writeln!(std::io::stderr(), "note: {text}");
    }

    pub fn fail(&self, error: &Error) -> ExitCode {
        if self.json {
            let doc =
                serde_json::json!({ "code": error.code().as_str(), "message": error.to_string() });
            let _ = writeln!(std::io::stderr(), "{doc}");
        } else {
            let _ = writeln!(
                std::io::stderr(),
                "error [{}]: {error}",
                error.code().as_str()
            );
        }
        ExitCode::from(exit_code(error.code()))
    }
}

/// 0 ok; 1 a user error; 2 the vault is damaged, unreadable or from a newer version.
pub fn exit_code(code: ErrorCode) -> u8 {
    match code {
        ErrorCode::VaultDamaged | ErrorCode::NewerVersion | ErrorCode::Io => 2,
        ErrorCode::Locked
        | ErrorCode::NotFound
        | ErrorCode::InvalidInput
        | ErrorCode::WrongPassphrase
        | ErrorCode::KeyringUnavailable
        | ErrorCode::Conflict => 1,
    }
}

/// One line on stdout, flushed at once (the streaming writer's acknowledgement).
pub fn print_line(text: &str) -> Result<(), Error> {
    print_out(text)
}

fn print_out(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}")
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::Io {
            action: "print the result",
            source,
        })
}
