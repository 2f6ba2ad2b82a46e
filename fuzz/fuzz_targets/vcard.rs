//! The vCard reader takes files from other people's phones: no input may make it panic, hang
//! or allocate without bound. Pasted text goes through the same reader and the text block's.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    holdspace_core::interop::vcard::parse_all_for_fuzzing(data);
});
