//! vCard 2.1, 3.0 and 4.0 in, 3.0 and 4.0 out. No maintained crate reads all of vCard 2.1's
//! quoted-printable and bare parameters, iOS item groups and 4.0's URI values, so this is a small
//! tolerant reader of our own, tested against a fixture for each quirk and fuzzed.

mod card;
mod read;
pub mod text_block;
mod write;

pub use card::{Card, VcardVersion};
pub use read::{parse, parse_all_for_fuzzing, parse_text, MAX_CARDS};
pub use write::write;
