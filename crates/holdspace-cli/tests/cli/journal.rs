//! The journal from a shell: the streaming writer, search, the trash.

use crate::support::*;

fn run_ok(sandbox: &Sandbox, args: &[&str], stdin: &str) -> Run {
    let pass = sandbox.pass_file();
    let mut all = vec!["--passphrase-file", pass.to_str().unwrap()];
    all.extend_from_slice(args);
    let run = sandbox.run(&all, stdin);
    assert_eq!(run.code, 0, "{args:?} must succeed: {}", run.stderr);
    run
}

#[test]
fn the_streaming_writer_prints_one_id_per_line_and_search_finds_them() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let run = run_ok(
        &sandbox,
        &[
            "journal", "add", "--lines", "--kind", "check-in", "--mood", "3",
        ],
        "arrived tired\nleft lighter, café after\n",
    );
    let ids: Vec<i64> = run
        .stdout
        .lines()
        .map(|l| l.parse().expect("each line is an id"))
        .collect();
    assert_eq!(ids.len(), 2, "one id per stdin line");

    let hits: serde_json::Value =
        run_ok(&sandbox, &["--json", "journal", "search", "cafe"], "").json();
    let hits = hits.as_array().expect("a top-level array");
    assert_eq!(hits.len(), 1);
    for field in ["id", "kind", "created_utc", "snippet"] {
        assert!(hits[0].get(field).is_some(), "each hit has {field}");
    }
    assert_eq!(hits[0]["id"], ids[1]);
    let odd = run_ok(
        &sandbox,
        &["--json", "journal", "search", "\"NEAR( * )"],
        "",
    )
    .json();
    assert!(odd.is_array(), "query syntax in user text is just text");
}

#[test]
fn an_entry_goes_to_the_trash_comes_back_and_is_erased_by_empty_trash() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let entry = run_ok(
        &sandbox,
        &[
            "--json", "journal", "add", "--kind", "note", "--mood", "4", "--tag", "evening",
        ],
        "a quiet evening",
    )
    .json();
    let id = entry["id"]
        .as_i64()
        .expect("the entry object has an id")
        .to_string();
    assert_eq!(entry["body"], "a quiet evening", "the body is stdin");
    run_ok(&sandbox, &["journal", "delete", &id], "");
    let found = run_ok(&sandbox, &["--json", "journal", "search", "quiet"], "").json();
    assert_eq!(
        found.as_array().map(Vec::len),
        Some(0),
        "the trash leaves search"
    );
    run_ok(&sandbox, &["journal", "restore", &id], "");
    run_ok(&sandbox, &["journal", "delete", &id], "");
    let emptied = run_ok(&sandbox, &["--json", "journal", "empty-trash"], "").json();
    assert_eq!(emptied["erased"], 1);
    let pass = sandbox.pass_file();
    let gone = sandbox.run(
        &[
            "--json",
            "--passphrase-file",
            pass.to_str().unwrap(),
            "journal",
            "show",
            &id,
        ],
        "",
    );
    assert_eq!(gone.code, 1);
    assert_eq!(gone.error_json()["code"], "not_found");
}
