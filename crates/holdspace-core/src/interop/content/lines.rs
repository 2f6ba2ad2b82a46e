//! From bytes to content lines: line endings (CRLF, LF, CR, mixed), folding (a line starting
//! with a space or tab continues the one before), vCard 2.1's quoted-printable soft line breaks
//! (a QP value ending in `=` continues on the next line, indented or not), and each line's
//! group, name and parameters. Values stay bytes here: their encoding and charset are decoded
//! by the reader, which knows the property.

/// `[group.]NAME;PARAM=a,b;BARE:value`, with the name and parameter names in upper case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContentLine {
    pub group: Option<String>,
    pub name: String,
    pub params: Vec<Param>,
    pub value: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Param {
    /// Upper case; a bare vCard 2.1 parameter (`TEL;CELL`) is read as `TYPE=CELL`, or as
    /// `ENCODING=...` for the encodings.
    pub name: String,
    pub values: Vec<String>,
}

impl ContentLine {
    /// Values of parameter `name` (upper case), across repeats (`TYPE=a;TYPE=b`).
    pub fn param<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.params
            .iter()
            .filter(move |p| p.name == name)
            .flat_map(|p| p.values.iter().map(String::as_str))
    }

    #[cfg(test)]
    pub fn has_type(&self, value: &str) -> bool {
        self.param("TYPE").any(|t| t.eq_ignore_ascii_case(value))
    }

    pub fn encoding(&self) -> Option<String> {
        self.param("ENCODING").next().map(str::to_ascii_uppercase)
    }
}

/// Physical lines without their endings; a lone CR ends a line as well.
fn physical_lines(input: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'\n' => {
                lines.push(&input[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&input[start..i]);
                if input.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < input.len() {
        lines.push(&input[start..]);
    }
    lines
}

/// Where the value starts: the first `:` outside a quoted parameter value.
fn colon(line: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

fn is_quoted_printable(line: &[u8]) -> bool {
    let head = colon(line).map_or(line, |at| &line[..at]);
    head.to_ascii_uppercase()
        .windows(16)
        .any(|w| w == b"QUOTED-PRINTABLE")
}

/// Logical lines after unfolding; empty lines are dropped. Whether a line is quoted-printable
/// is decided once, on its first physical line, so long soft-broken values stay linear.
pub(crate) fn unfold(input: &[u8]) -> Vec<Vec<u8>> {
    let mut logical: Vec<Vec<u8>> = Vec::new();
    let mut quoted_printable = false;
    for line in physical_lines(input) {
        if let Some(current) = logical.last_mut() {
            if quoted_printable && current.last() == Some(&b'=') {
                current.pop();
                current.extend_from_slice(line);
                continue;
            }
            if let Some((b' ' | b'\t', rest)) = line.split_first() {
                current.extend_from_slice(rest);
                continue;
            }
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            quoted_printable = is_quoted_printable(line);
            logical.push(line.to_vec());
        }
    }
    logical
}

/// Splits at `sep` outside double quotes.
fn split_unquoted(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// RFC 6868 caret escapes in parameter values, and the quotes around them.
fn param_value(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\'') => out.push('"'),
            Some('^') => out.push('^'),
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    out
}

fn param(raw: &str) -> Option<Param> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let (name, values) = match raw.split_once('=') {
        Some((name, values)) => (name.trim().to_ascii_uppercase(), values),
        None => {
            let bare = raw.to_ascii_uppercase();
            let name = match bare.as_str() {
                "QUOTED-PRINTABLE" | "BASE64" | "B" | "8BIT" | "7BIT" => "ENCODING",
                _ => "TYPE",
            };
            return Some(Param {
                name: name.into(),
                values: vec![param_value(raw)],
            });
        }
    };
    let values = split_unquoted(values, ',')
        .into_iter()
        .map(param_value)
        // A quoted list (`TYPE="cell,voice"`, as RFC 6350 writes it) is still a list of types.
        .flat_map(|v| {
            if name == "TYPE" {
                v.split(',').map(|t| t.trim().to_string()).collect()
            } else {
                vec![v]
            }
        })
        .filter(|v| !v.is_empty())
        .collect();
    Some(Param { name, values })
}

/// One logical line as a content line; `None` for a line that has no `:` or no name.
pub(crate) fn content_line(line: &[u8]) -> Option<ContentLine> {
    let at = colon(line)?;
    let head = String::from_utf8_lossy(&line[..at]);
    let mut parts = split_unquoted(&head, ';').into_iter();
    let full_name = parts.next()?.trim();
    let (group, name) = match full_name.rsplit_once('.') {
        Some((group, name)) => (Some(group.to_string()), name),
        None => (None, full_name),
    };
    if name.is_empty() {
        return None;
    }
    Some(ContentLine {
        group,
        name: name.to_ascii_uppercase(),
        params: parts.filter_map(param).collect(),
        value: line[at + 1..].to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_ending_and_both_foldings_give_the_same_logical_lines() {
        let text =
            b"A:1\r\nB:2\nC:3\rD:fo\r\n lded\n\tmore\r\nE;ENCODING=QUOTED-PRINTABLE:=C3=\r\n=A4\n";
        let lines = unfold(text);
        let expected: Vec<Vec<u8>> = vec![
            b"A:1".to_vec(),
            b"B:2".to_vec(),
            b"C:3".to_vec(),
            b"D:foldedmore".to_vec(),
            b"E;ENCODING=QUOTED-PRINTABLE:=C3=A4".to_vec(),
        ];
        assert_eq!(
            lines, expected,
            "each ending and fold style must unfold alike"
        );
    }

    #[test]
    fn bare_and_quoted_parameters_are_read_as_typed_parameters() {
        let line = content_line(b"item1.tel;CELL;pref;x-label=\"a;b:c\";type=home,voice:+1 555")
            .expect("a valid content line");
        assert_eq!(
            line.group.as_deref(),
            Some("item1"),
            "the group prefix is kept"
        );
        assert_eq!(line.name, "TEL", "names are case-insensitive");
        assert!(line.has_type("cell") && line.has_type("PREF") && line.has_type("voice"));
        assert_eq!(
            line.param("X-LABEL").next(),
            Some("a;b:c"),
            "quotes protect ; and :"
        );
        assert_eq!(line.value, b"+1 555".to_vec());
    }

    #[test]
    fn caret_escapes_decode_in_one_pass() {
        assert_eq!(
            param_value("a^^nb^'c^n"),
            "a^nb\"c\n",
            "^^ then n is a caret and an n"
        );
    }
}
