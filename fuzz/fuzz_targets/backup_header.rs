//! A backup file comes from anywhere the user kept it: its first line and header, read before
//! any key is derived, must never panic or allocate without bound on any bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    holdspace_core::vault::read_header_for_fuzzing(data);
});
