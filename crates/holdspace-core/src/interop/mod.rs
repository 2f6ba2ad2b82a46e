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
