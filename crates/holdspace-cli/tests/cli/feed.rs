//! `feed import` from a shell: the contract's rows, a dry run that saves nothing, and following
//! chosen meetings into groups.

use std::path::PathBuf;

use crate::support::*;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../holdspace-core/tests/fixtures/meeting_guide")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run_json(sandbox: &Sandbox, args: &[&str]) -> serde_json::Value {
    let pass = sandbox.pass_file();
    let mut all = vec!["--json", "--passphrase-file", pass.to_str().unwrap()];
    all.extend_from_slice(args);
    let run = sandbox.run_env(&all, "", &[("TZ", Some("Europe/Berlin"))]);
    assert_eq!(run.code, 0, "{args:?} must succeed: {}", run.stderr);
    run.json()
}

#[test]
fn a_dry_run_prints_one_row_per_meeting_with_the_contracts_fields() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let rows = run_json(
        &sandbox,
        &["feed", "import", &fixture("quirks.json"), "--dry-run"],
    );
    assert_eq!(
        rows,
        serde_json::json!([
            {"slug": "4711", "name": "Reunión & Café", "weekdays": [2], "start_local": "18:30",
             "end_local": "19:30", "time_zone": "Europe/Madrid", "types": ["S", "SP", "XYZ"]},
            {"slug": "closed-for-now", "name": "Closed for now", "weekdays": [4, 6],
             "start_local": "07:00", "end_local": "08:00", "time_zone": "Australia/Sydney",
             "types": ["TC", "BE"]},
        ])
    );
    assert_eq!(
        run_json(&sandbox, &["group", "list"]),
        serde_json::json!([]),
        "a dry run saves nothing"
    );
}

#[test]
fn chosen_meetings_are_followed_into_groups() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let rows = run_json(
        &sandbox,
        &[
            "feed",
            "import",
            &fixture("spec_example.json"),
            "--slug",
            "lunch-online",
        ],
    );
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let group_id = rows[0]["group_id"]
        .as_i64()
        .expect("the group it was followed into");
    let group = run_json(&sandbox, &["group", "show", &group_id.to_string()]);
    assert_eq!(group["venue"], "online");
    assert_eq!(group["meeting_link"], "https://zoom.us/j/123456789");
    let meetings = run_json(
        &sandbox,
        &["meeting", "list", "--group", &group_id.to_string()],
    );
    assert_eq!(
        meetings.as_array().unwrap().len(),
        3,
        "Monday, Wednesday and Friday"
    );
    let unknown = sandbox.run(
        &[
            "--json",
            "--passphrase-file",
            sandbox.pass_file().to_str().unwrap(),
            "feed",
            "import",
            &fixture("spec_example.json"),
            "--slug",
            "nope",
        ],
        "",
    );
    assert_eq!(unknown.code, 1);
    assert_eq!(unknown.error_json()["code"], "invalid_input");
}
