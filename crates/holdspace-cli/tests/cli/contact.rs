//! `contact` and `share` from a shell, in the exact forms scripts rely on.

use std::path::PathBuf;

use crate::support::*;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../holdspace-core/tests/fixtures/vcard")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(sandbox: &Sandbox, args: &[&str]) -> Run {
    let pass = sandbox.pass_file();
    let mut all = vec!["--passphrase-file", pass.to_str().unwrap()];
    all.extend_from_slice(args);
    sandbox.run(&all, "")
}

fn run_json(sandbox: &Sandbox, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let run = run(sandbox, &all);
    assert_eq!(run.code, 0, "{args:?} must succeed: {}", run.stderr);
    run.json()
}

#[test]
fn import_dry_run_prints_every_card_in_file_order_and_saves_nothing() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let several = run_json(
        &sandbox,
        &["contact", "import", &fixture("several.vcf"), "--dry-run"],
    );
    let expected = serde_json::json!([
        {"name": "Card One", "phones": ["111 111 111"], "emails": [], "relation": null,
         "photo_dropped": false, "likely_duplicate_of": null},
        {"name": "Card Two", "phones": [], "emails": ["two@example.org"], "relation": null,
         "photo_dropped": false, "likely_duplicate_of": null},
        {"name": "Card Three", "phones": ["+33-1-23-45-67-89"], "emails": [], "relation": null,
         "photo_dropped": false, "likely_duplicate_of": null},
    ]);
    assert_eq!(
        several, expected,
        "a top-level array with the contract's fields, in file order"
    );
    let ios = run_json(
        &sandbox,
        &["contact", "import", &fixture("v30_ios.vcf"), "--dry-run"],
    );
    assert_eq!(ios[0]["name"], "Ada Okafor, Jr.");
    assert_eq!(
        ios[0]["photo_dropped"], true,
        "photos are dropped unless kept"
    );
    let unnamed = run_json(
        &sandbox,
        &["contact", "import", &fixture("no_name.vcf"), "--dry-run"],
    );
    assert_eq!(unnamed[1]["name"], "", "no FN and no N: an empty name");
    let list = run_json(&sandbox, &["contact", "list"]);
    assert_eq!(list, serde_json::json!([]), "a dry run saves nothing");
}

#[test]
fn imported_contacts_can_be_edited_exported_and_the_share_is_listed() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let imported = run_json(
        &sandbox,
        &["contact", "import", &fixture("v21_quoted_printable.vcf")],
    );
    let id = imported[0]["id"]
        .as_i64()
        .expect("a saved card has its contact's id");
    let id_text = id.to_string();
    let edited = run_json(
        &sandbox,
        &[
            "contact",
            "edit",
            &id_text,
            "--relation",
            "temporary-sponsor",
            "--any-time",
        ],
    );
    assert_eq!(edited["relation"], "temporary-sponsor");
    assert_eq!(edited["ok_to_call_any_time"], true);
    assert_eq!(
        edited["display_name"], "Jürgen Müller-Lüdenscheid",
        "edit keeps what it was not given"
    );
    assert_eq!(edited["phones"].as_array().unwrap().len(), 2);

    let out = sandbox.dir().join("juergen.vcf");
    let share = run_json(
        &sandbox,
        &[
            "contact",
            "export",
            &id_text,
            "--format",
            "vcard4",
            "--out",
            out.to_str().unwrap(),
            "--to",
            "my sponsor",
        ],
    );
    assert_eq!(share["method"], "vcard4-file");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    assert!(text.contains("FN:Jürgen Müller-Lüdenscheid") && text.contains("+49 170 1234567"));
    assert!(
        !text.contains("X-HOLDSPACE-RELATION") && !text.contains("NOTE:"),
        "passing on a contact's card carries their details, never the user's notes or relation"
    );

    let log = run_json(&sandbox, &["share", "list"]);
    assert_eq!(log.as_array().unwrap().len(), 1, "each export is logged");
    assert_eq!(log[0]["recipient"], "my sponsor");
    assert_eq!(log[0]["subject"], "contact");

    let shown = run_json(&sandbox, &["contact", "show", &id_text]);
    assert_eq!(shown["id"], id);
    run_json(&sandbox, &["contact", "delete", &id_text]);
    let gone = run(&sandbox, &["--json", "contact", "show", &id_text]);
    assert_eq!(gone.code, 1);
    assert_eq!(gone.error_json()["code"], "not_found");
}

#[test]
fn bad_contact_input_exits_1_with_a_json_error_and_an_empty_stdout() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let bad = run(
        &sandbox,
        &[
            "--json",
            "contact",
            "add",
            "--name",
            "Lee",
            "--email",
            "home=not-an-address",
        ],
    );
    assert_eq!(bad.code, 1);
    assert!(bad.stdout.is_empty(), "stdout stays empty on error");
    assert_eq!(bad.error_json()["code"], "invalid_input");
    let me = run(
        &sandbox,
        &[
            "--json", "contact", "export", "--me", "--format", "qr-svg", "--out", "x.svg",
        ],
    );
    assert_eq!(me.code, 1, "a card without a name cannot be shared");
    let list = run_json(&sandbox, &["contacts", "list", "--relation", "buddy"]);
    assert_eq!(list, serde_json::json!([]));
}
