//! `export journal|attendance|contacts`: plaintext on request, in the contract's forms, with a
//! warning on stderr and files only their owner can read.

use crate::support::*;

#[test]
fn the_journal_exports_as_one_json_file_or_markdown_files_with_a_warning() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let added = sandbox.run_json_with(
        &["journal", "add", "--lines", "--kind", "check-in"],
        "first, with a comma\nsecond \"quoted\"\n",
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let out = sandbox.root.path().join("export");
    let json = sandbox.run_json_with(
        &[
            "export",
            "journal",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(json.code, 0, "{}", json.stderr);
    assert!(
        json.stderr.contains("not encrypted"),
        "the person is warned"
    );
    let entries: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("journal.json")).unwrap()).unwrap();
    let bodies: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        ["first, with a comma", "second \"quoted\""],
        "a top-level array, oldest first"
    );
    for field in ["id", "kind", "created_utc", "mood", "tags", "body"] {
        assert!(entries[0].get(field).is_some(), "each entry has {field}");
    }
    let md = sandbox.root.path().join("md");
    let markdown = sandbox.run_json_with(
        &[
            "export",
            "journal",
            "--format",
            "md",
            "--out",
            md.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(markdown.code, 0, "{}", markdown.stderr);
    let files: Vec<_> = std::fs::read_dir(&md)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 2, "one Markdown file per entry");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only the owner can read an unencrypted export");
    }
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        text.starts_with("---\nid: ") && text.contains("kind: "),
        "front matter first"
    );
}

#[test]
fn contacts_export_as_one_vcard_file() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    for name in ["Sam", "Kim"] {
        assert_eq!(
            sandbox
                .run_json_with(&["contact", "add", "--name", name], "")
                .code,
            0
        );
    }
    let out = sandbox.root.path().join("contacts.vcf");
    let done = sandbox.run_json_with(&["export", "contacts", "--out", out.to_str().unwrap()], "");
    assert_eq!(done.code, 0, "{}", done.stderr);
    assert_eq!(done.json()["records"], 2);
    assert_eq!(
        std::fs::read_to_string(&out)
            .unwrap()
            .matches("BEGIN:VCARD")
            .count(),
        2
    );
}
