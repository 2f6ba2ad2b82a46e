//! Formats other programs read and write: vCard for contacts, QR codes for phone cameras,
//! Meeting Guide feeds of meetings.
//! Parsers here are tolerant of what real clients write and never fail on bad input: they keep
//! what they understand and skip the rest, because a file from someone's phone is the input.

mod content;
pub mod ical;
pub mod meeting_guide;
pub mod plain_export;
pub mod qr;
pub mod vcard;

/// At most `max` bytes of `text`, cut at a character boundary: the vault's limits are in bytes
/// of UTF-8, so a long address in Greek or Chinese must be cut by bytes, not characters.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}
