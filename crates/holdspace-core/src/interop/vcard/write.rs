//! Cards out: vCard 3.0 (what phone cameras read from a QR code) and 4.0, CRLF line endings,
//! lines folded at 75 octets without splitting a character, TEXT escaped. Labels that vCard
//! has a TYPE for are written as one; any other label rides in an Apple `X-ABLabel` group, which
//! iOS, macOS and Holdspace read back as the label.

use std::fmt::Write as _;

use super::card::{Card, VcardVersion};
use crate::buddies::model::Labelled;
use crate::interop::content::write::{escape, push_line};

/// The URI scheme for a messenger without a named service (RFC 3860's `im:`).
pub(crate) const GENERIC_IM_SCHEME: &str = "im";

/// A messenger handle inside a URI: percent-encoded, never backslash-escaped (a URI value is
/// not TEXT, and phones would show the backslashes).
fn uri_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~@:/+!$&'()*=".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A parameter value, quoted when it holds a separator (RFC 6350 section 5).
fn param_value(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([';', ':', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

fn known_type(label: &str) -> Option<&'static str> {
    Some(match label {
        "mobile" => "cell",
        "home" => "home",
        "work" => "work",
        "fax" => "fax",
        "pager" => "pager",
        _ => return None,
    })
}

struct Writer {
    out: String,
    version: VcardVersion,
    next_item: u32,
}

impl Writer {
    fn line(&mut self, line: &str) {
        push_line(&mut self.out, line);
    }

    /// `name` with the point's label as TYPE, or in an item group with `X-ABLabel`.
    fn labelled(&mut self, name: &str, extra_types: &[&str], point: &Labelled, value: &str) {
        let v3 = self.version == VcardVersion::V3;
        let mut types: Vec<String> = extra_types.iter().map(|t| (*t).to_string()).collect();
        let mut group = None;
        if let Some(kind) = known_type(&point.label) {
            types.push(if v3 {
                kind.to_ascii_uppercase()
            } else {
                kind.into()
            });
        } else if !point.label.is_empty() {
            self.next_item += 1;
            group = Some(format!("item{}", self.next_item));
        }
        let mut line = String::new();
        if let Some(group) = &group {
            let _ = write!(line, "{group}.");
        }
        line.push_str(name);
        if !types.is_empty() {
            let _ = write!(line, ";TYPE={}", types.join(","));
        }
        let _ = write!(line, ":{value}");
        self.line(&line);
        if let Some(group) = group {
            self.line(&format!("{group}.X-ABLabel:{}", escape(&point.label)));
        }
    }
}

/// The card as vCard text.
pub fn write(card: &Card, version: VcardVersion) -> String {
    let v3 = version == VcardVersion::V3;
    let mut w = Writer {
        out: String::new(),
        version,
        next_item: 0,
    };
    w.line("BEGIN:VCARD");
    w.line(if v3 { "VERSION:3.0" } else { "VERSION:4.0" });
    let name = escape(&card.name);
    // The name as the given name only: a first name or an alias is all a buddy needs.
    w.line(&format!("N:;{name};;;"));
    w.line(&format!("FN:{name}"));
    if !card.pronouns.is_empty() {
        let property = if v3 { "X-PRONOUNS" } else { "PRONOUNS" };
        w.line(&format!("{property}:{}", escape(&card.pronouns)));
    }
    for phone in &card.phones {
        // VALUE=text keeps the number as written (a tel: URI would lose its spaces).
        let value_type: &[&str] = &[];
        let (name, value) = if v3 {
            ("TEL", escape(&phone.value))
        } else {
            ("TEL;VALUE=text", escape(&phone.value))
        };
        w.labelled(name, value_type, phone, &value);
    }
    for email in &card.emails {
        let extra: &[&str] = if v3 { &["INTERNET"] } else { &[] };
        w.labelled("EMAIL", extra, email, &escape(&email.value));
    }
    for messenger in &card.messengers {
        let scheme: String = messenger
            .label
            .to_ascii_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let scheme = if scheme.is_empty() || !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            GENERIC_IM_SCHEME.to_string()
        } else {
            scheme
        };
        let mut line = String::from("IMPP");
        if !messenger.label.is_empty() {
            let _ = write!(line, ";X-SERVICE-TYPE={}", param_value(&messenger.label));
        }
        let _ = write!(line, ":{scheme}:{}", uri_encoded(&messenger.value));
        w.line(&line);
    }
    if !card.availability.is_empty() {
        w.line(&format!(
            "X-HOLDSPACE-AVAILABILITY:{}",
            escape(&card.availability)
        ));
    }
    if card.ok_to_call_any_time {
        w.line("X-HOLDSPACE-OK-TO-CALL:true");
    }
    if let Some(relation) = card.relation {
        if let Ok(serde_json::Value::String(text)) = serde_json::to_value(relation) {
            w.line(&format!("X-HOLDSPACE-RELATION:{text}"));
        }
    }
    if let Some(since) = &card.since {
        w.line(&format!("X-HOLDSPACE-SINCE:{}", escape(since)));
    }
    if !card.notes.is_empty() {
        w.line(&format!("NOTE:{}", escape(&card.notes)));
    }
    if let Some(photo) = &card.photo {
        if v3 {
            let kind = photo
                .media_type
                .strip_prefix("image/")
                .unwrap_or(&photo.media_type)
                .to_ascii_uppercase();
            w.line(&format!("PHOTO;ENCODING=b;TYPE={kind}:{}", photo.base64));
        } else {
            w.line(&format!(
                "PHOTO:data:{};base64,{}",
                photo.media_type, photo.base64
            ));
        }
    }
    w.line("END:VCARD");
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        push_line(&mut out, &format!("NOTE:{}", "ü".repeat(100)));
        for physical in out.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "RFC 6350 3.2: at most 75 octets a line"
            );
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("NOTE:{}\r\n", "ü".repeat(100))
        );
    }

    #[test]
    fn commas_semicolons_and_line_breaks_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
