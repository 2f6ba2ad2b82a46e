//! The content-line text format vCard (RFC 6350) and iCalendar (RFC 5545) share: reading
//! (line endings, folding, groups, parameters, escapes, charsets) and writing (folding at 75
//! octets, TEXT escapes).

pub(crate) mod decode;
pub(crate) mod lines;
pub(crate) mod write;
