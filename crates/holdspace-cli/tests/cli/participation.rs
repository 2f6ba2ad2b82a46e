//! group, meeting, attend and insights from a shell, in the exact forms scripts rely on.

use crate::support::*;

fn run_json(sandbox: &Sandbox, args: &[&str]) -> serde_json::Value {
    let pass = sandbox.pass_file();
    let mut all = vec!["--json", "--passphrase-file", pass.to_str().unwrap()];
    all.extend_from_slice(args);
    let run = sandbox.run(&all, "");
    assert_eq!(run.code, 0, "{args:?} must succeed: {}", run.stderr);
    run.json()
}

#[test]
fn a_weekly_meeting_is_listed_attended_and_counted_in_insights() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let group = run_json(
        &sandbox,
        &[
            "group",
            "add",
            "--name",
            "Tuesday circle",
            "--kind",
            "grief-loss",
            "--venue",
            "community-centre",
            "--joined",
            "2026-01-01",
        ],
    );
    let group_id = group["id"].as_i64().expect("the group object has an id");
    let meeting = run_json(
        &sandbox,
        &[
            "meeting",
            "add",
            "--group",
            &group_id.to_string(),
            "--start",
            "2026-01-06T19:00",
            "--time-zone",
            "Europe/Berlin",
            "--duration",
            "90",
            "--rrule",
            "FREQ=WEEKLY;COUNT=3",
        ],
    );
    assert!(
        meeting["id"].as_i64().is_some(),
        "the meeting object has an id"
    );

    let occurrences = run_json(
        &sandbox,
        &[
            "meeting",
            "occurrences",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
        ],
    );
    let list = occurrences.as_array().expect("a top-level array");
    assert_eq!(list.len(), 3);
    for field in [
        "occurrence_id",
        "meeting_id",
        "group_id",
        "title",
        "start_utc",
        "end_utc",
        "time_zone",
        "status",
    ] {
        assert!(list[0].get(field).is_some(), "each occurrence has {field}");
    }
    assert_eq!(
        list[0]["start_utc"], "2026-01-06T18:00:00Z",
        "19:00 in Berlin in winter"
    );
    assert_eq!(list[0]["end_utc"], "2026-01-06T19:30:00Z");

    let first = list[0]["occurrence_id"].as_str().unwrap();
    run_json(
        &sandbox,
        &[
            "attend",
            "--occurrence",
            first,
            "--status",
            "attended-in-person",
            "--role",
            "facilitator",
            "--shared",
            "--mood-before",
            "2",
            "--mood-after",
            "4",
        ],
    );
    let second = list[1]["occurrence_id"].as_str().unwrap();
    run_json(
        &sandbox,
        &["attend", "--occurrence", second, "--status", "missed"],
    );

    let insights = run_json(
        &sandbox,
        &["insights", "--from", "2026-01-01", "--to", "2026-01-31"],
    );
    assert_eq!(
        insights["scheduled"], 3,
        "all three meetings are in the past"
    );
    assert_eq!(insights["attended"], 1);
    assert!(
        (insights["attendance_rate"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9,
        "1 of 3: {insights}"
    );
    assert_eq!(insights["roles"]["facilitator"], 1);
    assert_eq!(insights["longest_streak_weeks"], 1);
    assert_eq!(
        insights["current_streak_weeks"], 0,
        "the last two weeks had no attendance"
    );
}

#[test]
fn bad_participation_input_exits_1_names_the_field_and_changes_nothing() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let pass = sandbox.pass_file();
    let pass = pass.to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["group", "add", "--name", "", "--kind", "other"], "name"),
        (
            &[
                "group",
                "add",
                "--name",
                "x",
                "--kind",
                "other",
                "--joined",
                "01/02/2026",
            ],
            "joined",
        ),
        (
            &["attend", "--occurrence", "nonsense", "--status", "missed"],
            "occurrence",
        ),
        (
            &[
                "attend",
                "--occurrence",
                "1@2026-01-06T18:00:00Z",
                "--status",
                "missed",
                "--mood-before",
                "9",
            ],
            "mood_before",
        ),
    ];
    for (args, field) in cases {
        let mut all = vec!["--json", "--passphrase-file", pass];
        all.extend_from_slice(args);
        let run = sandbox.run(&all, "");
        assert_eq!(run.code, 1, "{args:?} is a user error");
        assert!(run.stdout.is_empty(), "no output on stdout");
        let error = run.error_json();
        assert_eq!(error["code"], "invalid_input");
        assert!(
            error["message"].as_str().unwrap().starts_with(field),
            "the message names {field}: {error}"
        );
    }
    let groups = run_json(&sandbox, &["group", "list"]);
    assert_eq!(
        groups.as_array().map(Vec::len),
        Some(0),
        "nothing was stored"
    );
}

#[test]
fn a_milestone_counts_days_and_a_reset_keeps_the_earlier_run() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let none = run_json(&sandbox, &["milestone", "show"]);
    assert!(none.is_null(), "no milestone until one is started: {none}");
    let started = run_json(
        &sandbox,
        &[
            "milestone",
            "start",
            "--label",
            "Clean date",
            "--since",
            "2026-01-01",
        ],
    );
    assert_eq!(started["since"], "2026-01-01");
    assert!(
        started["days"].as_u64().unwrap() >= 59,
        "at least 1 January to 1 March"
    );
    let reset = run_json(&sandbox, &["milestone", "reset", "--since", "2026-02-10"]);
    assert_eq!(
        reset["earlier"][0]["days"], 40,
        "1 January to 10 February is kept as an earlier run"
    );
}
