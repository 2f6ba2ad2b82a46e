//! A calendar file comes from anyone's calendar app or an invitation: no bytes may make the
//! reader panic, hang or allocate without bound.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    holdspace_core::interop::ical::parse_for_fuzzing(data);
});
