//! A Meeting Guide feed is a file from an intergroup's website: no bytes may make the reader
//! panic, hang or allocate without bound.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    holdspace_core::interop::meeting_guide::parse_for_fuzzing(data);
});
