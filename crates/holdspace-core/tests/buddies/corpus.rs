//! The fuzz corpus replayed as an ordinary test: every input the fuzzer kept must still parse
//! without a panic, and the seed fixtures must still yield cards.

use std::path::PathBuf;

use holdspace_core::interop::vcard;

#[test]
fn every_input_in_the_fuzz_corpus_parses_without_panicking() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/vcard");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut replayed = 0;
    for entry in entries {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        vcard::parse_all_for_fuzzing(&bytes);
        replayed += 1;
    }
    assert!(
        replayed >= 8,
        "the corpus holds at least the seed fixtures, found {replayed}"
    );
}
