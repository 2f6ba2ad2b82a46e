//! The journal against real vaults: search with and without diacritics, ranking, filters,
//! adversarial queries, size limits, the trash, and erasure that leaves no trace.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use holdspace_core::journal::{self, EntryInput, EntryKind, SearchFilters, MAX_BODY_BYTES};
use holdspace_core::vault::{
    CreateOptions, KdfCost, KdfTuning, KeyStore, KeyringFailure, Vault, VaultPaths,
};
use holdspace_core::{ErrorCode, Secret};

mod templates;

#[derive(Debug)]
struct NoKeyring;

impl KeyStore for NoKeyring {
    fn get(&self, _: &str) -> Result<Secret<[u8; 32]>, KeyringFailure> {
        Err(KeyringFailure::Missing)
    }
    fn set(&self, _: &str, _: &Secret<[u8; 32]>) -> Result<(), KeyringFailure> {
        Err(KeyringFailure::Unavailable("not in these tests".into()))
    }
    fn delete(&self, _: &str) -> Result<(), KeyringFailure> {
        Ok(())
    }
}

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        VaultPaths::new(dir.path()),
        Arc::new(NoKeyring),
        CreateOptions {
            passphrase: Some(Secret::new("a passphrase for tests".into())),
            use_keyring: false,
            kdf: KdfTuning::Fixed(KdfCost::MINIMUM),
        },
    )
    .unwrap()
    .vault;
    (dir, vault)
}

fn entry(kind: EntryKind, title: &str, body: &str, mood: Option<u8>, tags: &[&str]) -> EntryInput {
    EntryInput {
        kind,
        title: Some(title.into()),
        body: body.into(),
        mood,
        feelings: None,
        tags: Some(tags.iter().map(|t| t.to_string()).collect()),
        group_id: None,
        occurrence_id: None,
    }
}

fn ids(hits: &[journal::SearchHit]) -> Vec<i64> {
    hits.iter().map(|h| h.id).collect()
}

#[test]
fn search_finds_words_with_or_without_diacritics_and_returns_snippets() {
    let (_dir, vault) = vault();
    let a = journal::add(
        &vault,
        &entry(
            EntryKind::Note,
            "",
            "Ich fühlte mich müde, aber das Café war ruhig.",
            None,
            &[],
        ),
    )
    .unwrap();
    for query in ["müde", "mude", "cafe", "CAFÉ"] {
        let hits = journal::search(&vault, query, &SearchFilters::default(), 50).unwrap();
        assert_eq!(ids(&hits), [a.id], "{query} must find the entry either way");
    }
    let hit = &journal::search(&vault, "ruhig", &SearchFilters::default(), 50).unwrap()[0];
    assert!(
        hit.snippet.contains("«ruhig»"),
        "the snippet highlights the match: {}",
        hit.snippet
    );
}

#[test]
fn title_hits_rank_above_body_hits() {
    let (_dir, vault) = vault();
    let body = journal::add(
        &vault,
        &entry(
            EntryKind::Note,
            "A quiet day",
            "I thought about gratitude on the walk.",
            None,
            &[],
        ),
    )
    .unwrap();
    let title = journal::add(
        &vault,
        &entry(
            EntryKind::Reflection,
            "Gratitude",
            "Small things went well today.",
            None,
            &[],
        ),
    )
    .unwrap();
    let hits = journal::search(&vault, "gratitude", &SearchFilters::default(), 50).unwrap();
    assert_eq!(ids(&hits), [title.id, body.id], "the title hit comes first");
}

#[test]
fn filters_apply_beside_the_match() {
    let (_dir, vault) = vault();
    let calm = journal::add(
        &vault,
        &entry(
            EntryKind::CheckIn,
            "",
            "Feeling hopeful before group.",
            Some(4),
            &["evening"],
        ),
    )
    .unwrap();
    journal::add(
        &vault,
        &entry(
            EntryKind::Note,
            "",
            "Hopeful but tired.",
            Some(2),
            &["morning"],
        ),
    )
    .unwrap();
    let only =
        |filters: SearchFilters| ids(&journal::search(&vault, "hopeful", &filters, 50).unwrap());
    assert_eq!(
        only(SearchFilters {
            kind: Some(EntryKind::CheckIn),
            ..Default::default()
        }),
        [calm.id],
        "by kind"
    );
    assert_eq!(
        only(SearchFilters {
            tag: Some("evening".into()),
            ..Default::default()
        }),
        [calm.id],
        "by tag"
    );
    assert_eq!(
        only(SearchFilters {
            mood: Some(4),
            ..Default::default()
        }),
        [calm.id],
        "by mood"
    );
    assert_eq!(
        only(SearchFilters {
            from: Some("2199-01-01T00:00:00Z".into()),
            ..Default::default()
        }),
        Vec::<i64>::new(),
        "by date"
    );
}

#[test]
fn a_page_stays_full_when_the_trash_or_a_filter_sets_aside_the_best_matches() {
    let (_dir, vault) = vault();
    // Short entries rank best for a word; the long check-in ranks last among twenty matches,
    // beyond the few best candidates that one hit asks the index for.
    let mut best = Vec::new();
    for i in 0..20 {
        let note = entry(EntryKind::Note, "", &format!("hopeful {i}"), None, &[]);
        best.push(journal::add(&vault, &note).unwrap().id);
    }
    let filler = "and the evening went on quietly ".repeat(20);
    let last = journal::add(
        &vault,
        &entry(
            EntryKind::CheckIn,
            "",
            &format!("hopeful {filler}"),
            None,
            &[],
        ),
    )
    .unwrap();
    let check_ins = SearchFilters {
        kind: Some(EntryKind::CheckIn),
        ..Default::default()
    };
    assert_eq!(
        ids(&journal::search(&vault, "hopeful", &check_ins, 1).unwrap()),
        [last.id],
        "the only check-in is found however low it ranks"
    );
    for id in &best[..15] {
        journal::delete(&vault, *id).unwrap();
    }
    let hits = journal::search(&vault, "hopeful", &SearchFilters::default(), 2).unwrap();
    assert_eq!(hits.len(), 2, "the trash takes no room on the page");
    assert!(
        hits.iter().all(|h| !best[..15].contains(&h.id)),
        "and nothing in the trash is shown"
    );
}

#[test]
fn adversarial_queries_return_results_or_nothing_never_an_error() {
    let (_dir, vault) = vault();
    journal::add(
        &vault,
        &entry(
            EntryKind::Note,
            "",
            "Plain words \"quoted\" and NEAR things * stars",
            None,
            &[],
        ),
    )
    .unwrap();
    let long = "x".repeat(10 * 1024);
    let queries = [
        "\"",
        "\"unbalanced",
        "NEAR(",
        "NEAR(plain words",
        "*",
        "plain*",
        "AND OR NOT",
        "-plain",
        "title:plain",
        "^plain",
        "(plain",
        "plain)",
        "{plain}",
        "😀🙏",
        "שלום עולם",
        "مرحبا",
        "a\0b",
        "\0",
        "'; DROP TABLE journal_entry; --",
        long.as_str(),
        "   ",
        "",
    ];
    for query in queries {
        let result = journal::search(&vault, query, &SearchFilters::default(), 50);
        assert!(
            result.is_ok(),
            "{:?} must not be an error: {:?}",
            query.chars().take(20).collect::<String>(),
            result.err()
        );
    }
    assert_eq!(
        journal::search(&vault, "NEAR(", &SearchFilters::default(), 50)
            .unwrap()
            .len(),
        1,
        "operators are just words"
    );
}

#[test]
fn a_body_of_exactly_one_mebibyte_round_trips_and_a_larger_one_is_refused() {
    let (_dir, vault) = vault();
    // Multi-byte UTF-8 up to the limit, with a NUL and a newline in it.
    let mut body = String::from("start\0\n");
    while body.len() + 4 <= MAX_BODY_BYTES {
        body.push('é');
        body.push('😀');
        if body.len() > MAX_BODY_BYTES {
            body.pop();
        }
    }
    while body.len() < MAX_BODY_BYTES {
        body.push('a');
    }
    assert_eq!(body.len(), MAX_BODY_BYTES);
    let stored = journal::add(&vault, &entry(EntryKind::Note, "", &body, None, &[])).unwrap();
    assert_eq!(
        journal::get(&vault, stored.id).unwrap().body.as_bytes(),
        body.as_bytes(),
        "byte for byte"
    );
    body.push('a');
    let error = journal::add(&vault, &entry(EntryKind::Note, "", &body, None, &[])).unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::InvalidInput,
        "one byte more is refused"
    );
    assert_eq!(
        journal::page(&vault, false, None, 50).unwrap().len(),
        1,
        "and nothing was stored"
    );
}

#[test]
fn the_trash_hides_from_search_restore_brings_back_and_emptying_erases_every_byte() {
    let (dir, vault) = vault();
    let canary = "CANARYJOURNAL7741";
    let gone = journal::add(
        &vault,
        &entry(
            EntryKind::Note,
            "",
            &format!("a private {canary} thought"),
            None,
            &[],
        ),
    )
    .unwrap();
    journal::add(
        &vault,
        &entry(EntryKind::Note, "", "an entry that stays", None, &[]),
    )
    .unwrap();
    assert_eq!(
        journal::search(&vault, canary, &SearchFilters::default(), 50)
            .unwrap()
            .len(),
        1
    );
    journal::delete(&vault, gone.id).unwrap();
    assert!(
        journal::search(&vault, canary, &SearchFilters::default(), 50)
            .unwrap()
            .is_empty(),
        "trash leaves search"
    );
    assert_eq!(
        journal::page(&vault, true, None, 50).unwrap().len(),
        1,
        "and shows in the trash"
    );
    journal::restore(&vault, gone.id).unwrap();
    assert_eq!(
        journal::search(&vault, canary, &SearchFilters::default(), 50)
            .unwrap()
            .len(),
        1,
        "restore brings it back"
    );

    journal::delete(&vault, gone.id).unwrap();
    assert_eq!(journal::empty_trash(&vault).unwrap(), 1);
    assert_eq!(
        journal::get(&vault, gone.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    // A plaintext copy of everything the vault still holds, made the way an attacker with the
    // key would: no byte of the erased entry, not in the rows and not in the search index.
    let plain = dir.path().join("plaintext-copy.db");
    // Vault connections never create files, so the copy's file is made empty first.
    std::fs::write(&plain, b"").unwrap();
    vault
        .read(|conn| {
            conn.execute(
                "ATTACH DATABASE ?1 AS plaintext KEY ''",
                [plain.to_str().unwrap()],
            )?;
            conn.query_row("SELECT sqlcipher_export('plaintext')", [], |_| Ok(()))?;
            conn.execute("DETACH DATABASE plaintext", [])?;
            Ok(())
        })
        .unwrap();
    let bytes = std::fs::read(&plain).unwrap();
    assert!(
        bytes
            .windows(b"an entry that stays".len())
            .any(|w| w == b"an entry that stays"),
        "the copy is really plaintext"
    );
    let needle = canary.to_lowercase();
    for form in [canary.as_bytes(), needle.as_bytes()] {
        assert!(
            !bytes.windows(form.len()).any(|w| w == form),
            "the erased canary left no trace"
        );
    }
}

#[test]
fn pages_follow_each_other_without_gaps_or_repeats() {
    let (_dir, vault) = vault();
    for i in 0..25 {
        journal::add(
            &vault,
            &entry(EntryKind::Note, "", &format!("entry {i}"), None, &[]),
        )
        .unwrap();
    }
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = journal::page(&vault, false, cursor.as_ref(), 10).unwrap();
        if page.is_empty() {
            break;
        }
        let last = page.last().unwrap();
        cursor = Some(journal::PageCursor {
            created_utc: last.created_utc.clone(),
            id: last.id,
        });
        seen.extend(page.iter().map(|e| e.id));
    }
    let mut sorted = seen.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(seen.len(), 25, "every entry once");
    assert_eq!(seen, sorted, "newest first");
}
