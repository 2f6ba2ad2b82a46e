//! Value decoding: quoted-printable, charsets (vCard 2.1 `CHARSET=`; undeclared bytes are
//! UTF-8 when valid, else Windows-1252, which is what old phones wrote), and TEXT escapes.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::lines::ContentLine;

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// `=XX` becomes a byte; a `=` not followed by two hex digits stays as it is.
pub(crate) fn quoted_printable(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        if value[i] == b'=' {
            if let (Some(hi), Some(lo)) = (
                value.get(i + 1).copied().and_then(hex),
                value.get(i + 2).copied().and_then(hex),
            ) {
                out.push(hi << 4 | lo);
                i += 3;
                continue;
            }
        }
        out.push(value[i]);
        i += 1;
    }
    out
}

fn charset(bytes: &[u8], label: Option<&str>) -> String {
    let declared = label.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    match declared {
        Some(encoding) if encoding != UTF_8 => encoding.decode_without_bom_handling(bytes).0,
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => text.into(),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
        },
    }
    .into_owned()
}

/// The value as text, before TEXT unescaping.
pub(crate) fn raw_text(line: &ContentLine) -> String {
    let bytes = match line.encoding().as_deref() {
        Some("QUOTED-PRINTABLE") => quoted_printable(&line.value),
        _ => line.value.clone(),
    };
    charset(&bytes, line.param("CHARSET").next())
}

/// Splits at `sep` where it is not escaped with a backslash; escapes are kept for [`unescape`].
pub(crate) fn split_escaped(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut escaped = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// TEXT escapes: `\n` and `\N` are line breaks; `\,` `\;` `\:` `\\` the character itself.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A TEXT value: decoded, unescaped, trimmed.
pub(crate) fn text(line: &ContentLine) -> String {
    unescape(&raw_text(line))
        .replace("\r\n", "\n")
        .trim()
        .to_string()
}

/// The parts of a structured value (N), each unescaped.
pub(crate) fn components(line: &ContentLine) -> Vec<String> {
    let raw = raw_text(line);
    split_escaped(&raw, ';')
        .into_iter()
        .map(|part| unescape(part).trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_decodes_bytes_and_keeps_a_stray_equals_sign() {
        assert_eq!(
            quoted_printable(b"J=C3=BCrgen =3D x=ZZ"),
            b"J\xc3\xbcrgen = x=ZZ".to_vec()
        );
    }

    #[test]
    fn undeclared_latin_1_bytes_are_read_as_windows_1252() {
        assert_eq!(
            charset(b"M\xfcller", None),
            "Müller",
            "old phones wrote Latin-1 unlabelled"
        );
        assert_eq!(charset(b"M\xfcller", Some("ISO-8859-1")), "Müller");
        assert_eq!(charset("Müller".as_bytes(), Some("utf-8")), "Müller");
    }

    #[test]
    fn escaped_separators_do_not_split_and_are_unescaped_after() {
        let parts: Vec<String> = split_escaped(r"Doe\; Jr;Jane\, J.;;;", ';')
            .into_iter()
            .map(unescape)
            .collect();
        assert_eq!(parts, ["Doe; Jr", "Jane, J.", "", "", ""]);
        assert_eq!(unescape(r"line\nnext\\"), "line\nnext\\");
    }
}
