//! `feed import` from a shell: the contract's rows, a dry run that saves nothing, and following
//! chosen meetings into groups.

use crate::support::*;

#[test]
fn a_dry_run_prints_one_row_per_meeting_with_the_contracts_fields() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let rows = sandbox.ok_json(&[
        "feed",
        "import",
        &core_fixture("meeting_guide", "quirks.json"),
        "--dry-run",
    ]);
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
        sandbox.ok_json(&["group", "list"]),
        serde_json::json!([]),
        "a dry run saves nothing"
    );
}

#[test]
fn chosen_meetings_are_followed_into_groups() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let rows = sandbox.ok_json(&[
        "feed",
        "import",
        &core_fixture("meeting_guide", "spec_example.json"),
        "--slug",
        "lunch-online",
    ]);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let group_id = rows[0]["group_id"]
        .as_i64()
        .expect("the group it was followed into");
    let group = sandbox.ok_json(&["group", "show", &group_id.to_string()]);
    assert_eq!(group["venue"], "online");
    assert_eq!(group["meeting_link"], "https://zoom.us/j/123456789");
    let meetings = sandbox.ok_json(&["meeting", "list", "--group", &group_id.to_string()]);
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
            &core_fixture("meeting_guide", "spec_example.json"),
            "--slug",
            "nope",
        ],
        "",
    );
    assert_eq!(unknown.code, 1);
    assert_eq!(unknown.error_json()["code"], "invalid_input");
}
