//! Support now: the crisis or support line the user entered, and the links that open a call, a
//! text or an e-mail through the operating system. Links are built here from checked values,
//! so only `tel:`, `sms:` and `mailto:` ever reach the opener.

use serde::{Deserialize, Serialize};

use super::model::{email, line, multiline, phone};
use crate::vault::Vault;
use crate::Result;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SupportLine {
    /// What the user calls it ("Telefonseelsorge", "my clinic's night line").
    pub name: String,
    pub phone: String,
    /// A number that takes text messages, when it differs or is the only way.
    pub text_number: String,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    Call,
    Text,
    Email,
}

pub fn line_get(vault: &Vault) -> Result<SupportLine> {
    vault.read(|conn| {
        Ok(conn.query_row(
            "SELECT name, phone, text_number, notes FROM support_line WHERE id = 1",
            [],
            |row| {
                Ok(SupportLine {
                    name: row.get(0)?,
                    phone: row.get(1)?,
                    text_number: row.get(2)?,
                    notes: row.get(3)?,
                })
            },
        )?)
    })
}

pub fn line_save(vault: &Vault, input: &SupportLine) -> Result<SupportLine> {
    let optional_phone = |value: &str| {
        if value.trim().is_empty() {
            Ok(String::new())
        } else {
            phone(value)
        }
    };
    let valid = SupportLine {
        name: line("name", &input.name, 200, false)?,
        phone: optional_phone(&input.phone)?,
        text_number: optional_phone(&input.text_number)?,
        notes: multiline("notes", &input.notes, 2000)?,
    };
    vault.write(|tx| {
        tx.execute(
            "UPDATE support_line SET name = ?1, phone = ?2, text_number = ?3, notes = ?4
             WHERE id = 1",
            rusqlite::params![valid.name, valid.phone, valid.text_number, valid.notes],
        )?;
        Ok(())
    })?;
    line_get(vault)
}

/// Percent-encodes everything but what an address or number needs, so no value can add a
/// header (`?subject=`), a fragment or a second recipient to the link.
fn encoded(value: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The `tel:`, `sms:` or `mailto:` link for a checked number or address.
pub fn link(kind: LinkKind, value: &str) -> Result<String> {
    Ok(match kind {
        LinkKind::Call | LinkKind::Text => {
            let checked = phone(value)?;
            // "+49 (0)30 ...": the trunk zero in brackets is dialled only from inside the
            // country, never after the country code.
            let number = if checked.starts_with('+') {
                checked.replace("(0)", "")
            } else {
                checked
            };
            let number: String = number
                .chars()
                .filter(|c| c.is_ascii_digit() || matches!(c, '+' | '*' | '#'))
                .collect();
            let scheme = if kind == LinkKind::Call { "tel" } else { "sms" };
            format!("{scheme}:{}", encoded(&number, b"+"))
        }
        LinkKind::Email => format!("mailto:{}", encoded(&email(value)?, b"@.-_+")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_only_the_number_or_address_and_nothing_a_value_could_smuggle_in() {
        assert_eq!(
            link(LinkKind::Call, "+49 (0)30 123-45").unwrap(),
            "tel:+493012345"
        );
        assert_eq!(
            link(LinkKind::Text, "0800 111 0 111").unwrap(),
            "sms:08001110111"
        );
        assert_eq!(
            link(LinkKind::Email, "sam+buddy@example.org").unwrap(),
            "mailto:sam+buddy@example.org"
        );
        assert_eq!(
            link(LinkKind::Email, "a@b.org?cc=x@y.org").unwrap(),
            "mailto:a@b.org%3Fcc%3Dx@y.org",
            "a header smuggled into an address stays part of the address"
        );
        assert!(link(LinkKind::Call, "javascript:alert(1)").is_err());
    }
}
