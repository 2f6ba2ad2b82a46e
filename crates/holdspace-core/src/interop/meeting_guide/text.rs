//! What feeds written by hand or by old plugins contain: trailing commas in the JSON, HTML in
//! names and notes, times as "6:00 PM", days as names.

/// Removes commas that stand before `]` or `}` (outside strings), which JSON forbids and
/// hand-edited feeds contain.
pub(crate) fn without_trailing_commas(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut pending_comma: Option<String> = None;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if let Some(held) = pending_comma.as_mut() {
            if c.is_whitespace() {
                held.push(c);
                continue;
            }
            let held = pending_comma.take().unwrap_or_default();
            if c == ']' || c == '}' {
                out.push_str(&held[1..]);
            } else {
                out.push_str(&held);
            }
        }
        match c {
            ',' => pending_comma = Some(String::from(",")),
            '"' => {
                in_string = true;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    if let Some(held) = pending_comma {
        out.push_str(&held);
    }
    out
}

/// Text without HTML: tags removed (`<br>` and `</p>` become line breaks), the common entities
/// decoded, runs of spaces collapsed.
pub(crate) fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' {
            let mut tag = String::new();
            for t in chars.by_ref() {
                if t == '>' {
                    break;
                }
                tag.push(t);
            }
            let name = tag
                .trim_start_matches('/')
                .split(|ch: char| ch.is_whitespace() || ch == '/')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if matches!(name.as_str(), "br" | "p" | "div" | "li") {
                out.push('\n');
            }
            continue;
        }
        out.push(c);
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    decoded
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// "18:30", "18:30:00", "6:30 PM", "6:30pm", "6 PM", "noon", "midnight" as (hour, minute).
pub(crate) fn time_of_day(text: &str) -> Option<(u32, u32)> {
    let text = text.trim().to_ascii_lowercase();
    match text.as_str() {
        "noon" => return Some((12, 0)),
        "midnight" => return Some((0, 0)),
        _ => {}
    }
    let (clock, meridiem) = if let Some(rest) = text.strip_suffix("am") {
        (rest.trim().trim_end_matches('.'), Some(false))
    } else if let Some(rest) = text.strip_suffix("pm") {
        (rest.trim().trim_end_matches('.'), Some(true))
    } else if let Some(rest) = text.strip_suffix("a.m.") {
        (rest.trim(), Some(false))
    } else if let Some(rest) = text.strip_suffix("p.m.") {
        (rest.trim(), Some(true))
    } else {
        (text.as_str(), None)
    };
    let mut parts = clock.split(':');
    let hour: u32 = parts.next()?.trim().parse().ok()?;
    let minute: u32 = match parts.next() {
        Some(m) => m.trim().parse().ok()?,
        None => 0,
    };
    let hour = match meridiem {
        Some(pm) if (1..=12).contains(&hour) => (hour % 12) + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => hour,
    };
    (hour < 24 && minute < 60).then_some((hour, minute))
}

/// A weekday as the spec allows it: 0-6 with 0 = Sunday, or a name ("Monday", "tue").
pub(crate) fn weekday(value: &serde_json::Value) -> Option<u8> {
    const NAMES: [&str; 7] = [
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
    ];
    match value {
        serde_json::Value::Number(n) => n
            .as_u64()
            .filter(|d| *d < 7)
            .and_then(|d| u8::try_from(d).ok()),
        serde_json::Value::String(s) => {
            let s = s.trim().to_ascii_lowercase();
            if let Ok(n) = s.parse::<u8>() {
                return (n < 7).then_some(n);
            }
            NAMES
                .iter()
                .position(|name| s.len() >= 2 && name.starts_with(&s))
                .and_then(|i| u8::try_from(i).ok())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_commas_go_and_commas_in_strings_stay() {
        assert_eq!(
            without_trailing_commas("[{\"a\": \"x,]\", },\n]"),
            "[{\"a\": \"x,]\" }\n]"
        );
    }

    #[test]
    fn html_becomes_plain_text_with_line_breaks() {
        assert_eq!(
            plain("<p>Enter via the <b>side</b> door &amp; ring.</p><p>Second&nbsp;floor</p>"),
            "Enter via the side door & ring.\nSecond floor"
        );
    }

    #[test]
    fn times_in_every_written_form() {
        assert_eq!(time_of_day("18:30"), Some((18, 30)));
        assert_eq!(time_of_day("18:30:00"), Some((18, 30)));
        assert_eq!(time_of_day("6:30 PM"), Some((18, 30)));
        assert_eq!(time_of_day("12:15 am"), Some((0, 15)));
        assert_eq!(time_of_day("12 pm"), Some((12, 0)));
        assert_eq!(time_of_day("25:00"), None);
        assert_eq!(time_of_day("13 pm"), None);
    }
}
