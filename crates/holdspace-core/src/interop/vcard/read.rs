//! From content lines to cards: what each property means to Holdspace, whatever version wrote
//! it. Unknown properties are skipped; nothing here fails.

use std::collections::HashMap;

use base64::Engine as _;

use super::card::Card;
use super::write::GENERIC_IM_SCHEME;
use crate::buddies::model::{Labelled, Photo, Relation, MAX_PHOTO_BYTES};
use crate::interop::content::decode::{components, raw_text, text, unescape};
use crate::interop::content::lines::{content_line, unfold, ContentLine};

/// A file from a stranger could hold millions of cards; no person has that many buddies.
pub const MAX_CARDS: usize = 10_000;

/// Every card in `input`, in file order. Lines outside `BEGIN:VCARD`/`END:VCARD` are ignored; a
/// card cut off at the end of the input is still read; a card nested in another (vCard 2.1
/// AGENT) is skipped with its parent's other lines kept.
pub fn parse(input: &[u8]) -> Vec<Card> {
    let mut cards = Vec::new();
    let mut current: Option<Vec<ContentLine>> = None;
    let mut nested = 0usize;
    for raw in unfold(input) {
        let Some(line) = content_line(&raw) else {
            continue;
        };
        let marker = String::from_utf8_lossy(&line.value)
            .trim()
            .to_ascii_uppercase();
        let is_card_marker = marker == "VCARD";
        match (line.name.as_str(), current.as_mut()) {
            ("BEGIN", None) if is_card_marker => current = Some(Vec::new()),
            ("BEGIN", Some(_)) if is_card_marker => nested += 1,
            ("END", Some(_)) if is_card_marker && nested > 0 => nested -= 1,
            ("END", Some(_)) if is_card_marker => {
                if let Some(lines) = current.take() {
                    cards.push(card(&lines));
                }
            }
            (_, Some(lines)) if nested == 0 => lines.push(line),
            _ => {}
        }
        if cards.len() >= MAX_CARDS {
            return cards;
        }
    }
    if let Some(lines) = current {
        cards.push(card(&lines));
    }
    cards
}

/// iOS writes its own labels as `_$!<Mobile>!$_` and the user's as plain text.
fn apple_label(label: &str) -> String {
    label
        .strip_prefix("_$!<")
        .and_then(|l| l.strip_suffix(">!$_"))
        .unwrap_or(label)
        .trim()
        .to_string()
}

/// The words of the TYPE parameters that say what kind of number or address it is.
fn type_label(line: &ContentLine) -> String {
    let words: Vec<&str> = line
        .param("TYPE")
        .filter_map(|t| match t.to_ascii_lowercase().as_str() {
            "cell" | "mobile" => Some("mobile"),
            "home" => Some("home"),
            "work" => Some("work"),
            "fax" => Some("fax"),
            "pager" => Some("pager"),
            "main" => Some("main"),
            "iphone" => Some("iPhone"),
            "text" => Some("text"),
            "other" => Some("other"),
            _ => None,
        })
        .collect();
    let mut unique: Vec<&str> = Vec::with_capacity(words.len());
    for word in words {
        if !unique.contains(&word) {
            unique.push(word);
        }
    }
    unique.join(" ")
}

fn label(line: &ContentLine, group_labels: &HashMap<String, String>) -> String {
    line.group
        .as_ref()
        .and_then(|g| group_labels.get(&g.to_ascii_lowercase()))
        .cloned()
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| type_label(line))
}

/// `tel:+1-555` (vCard 4.0's URI form) or a plain number.
fn phone_value(line: &ContentLine) -> String {
    let value = text(line);
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("tel:") {
        value[4..].trim().to_string()
    } else {
        value
    }
}

fn email_value(line: &ContentLine) -> String {
    let value = text(line);
    if value.to_ascii_lowercase().starts_with("mailto:") {
        value[7..].trim().to_string()
    } else {
        value
    }
}

/// `IMPP;X-SERVICE-TYPE=Signal:signal:+4917...`: the service as the label, the handle as the
/// value. Without a service type the URI scheme names the service.
fn messenger(line: &ContentLine, group_labels: &HashMap<String, String>) -> Labelled {
    let value = text(line);
    let (scheme, handle) = match value.split_once(':') {
        Some((scheme, handle))
            if !scheme.is_empty()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'+') =>
        {
            (Some(scheme), handle.trim_start_matches("//"))
        }
        _ => (None, value.as_str()),
    };
    let service = line
        .param("X-SERVICE-TYPE")
        .next()
        .map(str::to_string)
        .or_else(|| {
            line.group
                .as_ref()
                .and_then(|g| group_labels.get(&g.to_ascii_lowercase()).cloned())
        })
        .or_else(|| {
            scheme
                .filter(|s| !s.eq_ignore_ascii_case(GENERIC_IM_SCHEME))
                .map(capitalised)
        })
        .unwrap_or_default();
    Labelled {
        label: service,
        value: percent_decoded(handle.trim()),
    }
}

/// `%2C` and the like in a URI's handle; a `%` not followed by two hex digits stays.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' {
            if let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// Older clients' one-property-per-service messenger fields.
fn legacy_messenger(name: &str) -> Option<&'static str> {
    Some(match name {
        "X-AIM" => "AIM",
        "X-ICQ" => "ICQ",
        "X-JABBER" => "Jabber",
        "X-MSN" => "MSN",
        "X-SKYPE" | "X-SKYPE-USERNAME" => "Skype",
        "X-YAHOO" => "Yahoo",
        "X-GOOGLE-TALK" | "X-GTALK" => "Google Talk",
        "X-TWITTER" => "Twitter",
        "X-SIGNAL" => "Signal",
        "X-TELEGRAM" => "Telegram",
        "X-WHATSAPP" => "WhatsApp",
        "X-MATRIX" => "Matrix",
        _ => return None,
    })
}

fn media_type(kind: &str) -> String {
    let kind = kind.trim().to_ascii_lowercase();
    if kind.contains('/') {
        kind
    } else {
        format!("image/{kind}")
    }
}

/// An embedded picture (`ENCODING=b`/`BASE64` with `TYPE=JPEG`, or a `data:` URI); links are
/// never fetched.
fn photo(line: &ContentLine) -> Option<Photo> {
    let raw = raw_text(line);
    let (kind, data) = match line.encoding().as_deref() {
        Some("B" | "BASE64") => (
            line.param("TYPE")
                .next()
                .map_or_else(|| "image/jpeg".to_string(), media_type),
            raw.as_str(),
        ),
        _ => {
            let rest = raw.trim().strip_prefix("data:")?;
            let (head, data) = rest.split_once(',')?;
            let kind = head.strip_suffix(";base64")?;
            (media_type(kind), data)
        }
    };
    // Only a plain image type is kept; anything else (a stray parameter, script types) drops
    // the picture rather than the card.
    let plain_type = kind.strip_prefix("image/").is_some_and(|sub| {
        !sub.is_empty()
            && kind.len() <= 40
            && sub
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
    });
    if !plain_type {
        return None;
    }
    let compact: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .ok()
        .filter(|b| !b.is_empty() && b.len() <= MAX_PHOTO_BYTES)?;
    Some(Photo {
        media_type: kind,
        base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    })
}

fn relation(value: &str) -> Option<Relation> {
    serde_json::from_value(serde_json::Value::String(value.trim().to_ascii_lowercase())).ok()
}

fn push_paragraph(notes: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !notes.is_empty() {
        notes.push_str("\n\n");
    }
    notes.push_str(text);
}

fn card(lines: &[ContentLine]) -> Card {
    let group_labels: HashMap<String, String> = lines
        .iter()
        .filter(|l| l.name == "X-ABLABEL")
        .filter_map(|l| {
            Some((
                l.group.as_ref()?.to_ascii_lowercase(),
                apple_label(&text(l)),
            ))
        })
        .collect();
    let mut card = Card::default();
    let mut n_name = String::new();
    for line in lines {
        match line.name.as_str() {
            "FN" if card.name.is_empty() => card.name = text(line),
            "N" => {
                let parts = components(line);
                let part = |i: usize| parts.get(i).map_or("", String::as_str);
                // prefix, given, additional, family, suffix: the order a name is said in.
                n_name = [part(3), part(1), part(2), part(0), part(4)]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            "NICKNAME" | "ORG" if card.other_name.is_empty() => {
                card.other_name = components(line)
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
            }
            "TEL" => card.phones.push(Labelled {
                label: label(line, &group_labels),
                value: phone_value(line),
            }),
            "EMAIL" => card.emails.push(Labelled {
                label: label(line, &group_labels),
                value: email_value(line),
            }),
            "IMPP" => card.messengers.push(messenger(line, &group_labels)),
            name if legacy_messenger(name).is_some() => card.messengers.push(Labelled {
                label: legacy_messenger(name).unwrap_or_default().to_string(),
                value: text(line),
            }),
            "NOTE" => push_paragraph(&mut card.notes, &text(line)),
            "PRONOUNS" | "X-PRONOUNS" if card.pronouns.is_empty() => card.pronouns = text(line),
            "X-HOLDSPACE-RELATION" => card.relation = relation(&text(line)),
            "X-HOLDSPACE-AVAILABILITY" => card.availability = text(line),
            "X-HOLDSPACE-OK-TO-CALL" => {
                card.ok_to_call_any_time = matches!(
                    text(line).to_ascii_lowercase().as_str(),
                    "true" | "yes" | "1"
                );
            }
            "X-HOLDSPACE-SINCE" => {
                let since = text(line);
                card.since = crate::time::parse_date("since", &since)
                    .ok()
                    .map(|d| d.to_string());
            }
            "PHOTO" => {
                card.had_photo = true;
                if card.photo.is_none() {
                    card.photo = photo(line);
                }
            }
            _ => {}
        }
    }
    if card.name.is_empty() {
        card.name = n_name;
    }
    card.phones.retain(|p| !p.value.is_empty());
    card.emails.retain(|p| !p.value.is_empty());
    card.messengers.retain(|p| !p.value.is_empty());
    card
}

/// Pasted text: vCard when it has a `BEGIN:VCARD`, else Holdspace's own text block
/// ("Name: ...", "Phone (mobile): ...").
pub fn parse_text(input: &str) -> Vec<Card> {
    if input.to_ascii_uppercase().contains("BEGIN:VCARD") {
        return parse(input.as_bytes());
    }
    let card = super::text_block::read(input);
    if card == Card::default() {
        Vec::new()
    } else {
        vec![card]
    }
}

/// For the fuzz target: parse and touch every decoded value.
#[doc(hidden)]
pub fn parse_all_for_fuzzing(input: &[u8]) -> usize {
    let text = String::from_utf8_lossy(input);
    parse(input).len() + parse_text(&text).len() + unescape(&text).len()
}
