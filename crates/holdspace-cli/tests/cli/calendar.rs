//! `calendar import` from a shell: the contract's rows, a dry run that saves nothing, and a
//! second import of the same file that updates rather than duplicates.

use crate::support::*;

#[test]
fn a_dry_run_prints_each_event_with_its_zone_and_first_utc_start() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let rows = sandbox.ok_json(&[
        "calendar",
        "import",
        &core_fixture("ical", "outlook_display_name.ics"),
        "--dry-run",
    ]);
    let picked: Vec<serde_json::Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            serde_json::json!([
                r["uid"],
                r["title"],
                r["time_zone"],
                r["first_start_utc"],
                r["rrule"],
                r["duration_minutes"]
            ])
        })
        .collect();
    assert_eq!(
        picked,
        [
            serde_json::json!([
                "display-name-1",
                "Carers' evening",
                "Australia/Canberra",
                "2026-01-05T08:00:00Z",
                null,
                90
            ]),
            serde_json::json!([
                "aus-eastern-1",
                "Winter morning",
                "Australia/Sydney",
                "2026-07-12T00:00:00Z",
                null,
                60
            ]),
        ]
    );
    let utc = sandbox.ok_json(&[
        "calendar",
        "import",
        &core_fixture("ical", "utc_start.ics"),
        "--dry-run",
    ]);
    assert_eq!(utc[0]["time_zone"], "UTC");
    assert_eq!(utc[0]["rrule"], "FREQ=WEEKLY");
    assert_eq!(
        sandbox.ok_json(&["group", "list"]),
        serde_json::json!([]),
        "a dry run saves nothing"
    );
}

#[test]
fn importing_the_same_file_twice_updates_the_meetings() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let first = sandbox.ok_json(&["calendar", "import", &core_fixture("ical", "google.ics")]);
    assert_eq!(first.as_array().unwrap().len(), 2);
    assert!(first
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["updated"] == false));
    let again = sandbox.ok_json(&["calendar", "import", &core_fixture("ical", "google.ics")]);
    assert!(
        again
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["updated"] == true),
        "by UID: updated, not added"
    );
    assert_eq!(again[0]["meeting_id"], first[0]["meeting_id"]);
    let groups = sandbox.ok_json(&["group", "list"]);
    assert_eq!(
        groups.as_array().unwrap().len(),
        2,
        "no second group for the same events"
    );
}

#[test]
fn an_export_is_discreet_unless_detailed_and_reimports() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    sandbox.ok_json(&["calendar", "import", &core_fixture("ical", "google.ics")]);
    let out = sandbox.dir().join("meetings.ics");
    let written = sandbox.ok_json(&["calendar", "export", "--out", out.to_str().unwrap()]);
    assert_eq!(
        written["events"], 3,
        "two meetings and one moved occurrence"
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        !text.contains("Tuesday circle") && !text.contains("Orientation"),
        "no group or event names"
    );
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"));
    sandbox.ok_json(&[
        "calendar",
        "export",
        "--detailed",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("SUMMARY:Tuesday circle"));
    let again = sandbox.ok_json(&["calendar", "import", out.to_str().unwrap()]);
    assert!(
        again
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["updated"] == true),
        "our own UIDs come back as updates"
    );
}
