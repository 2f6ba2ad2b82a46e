//! `reminder` from a shell, in the exact forms scripts rely on. Every run fixes `TZ`, the zone
//! the schedule is computed in, so local times and their offsets are known.

use crate::support::*;

const ZONE: &str = "Europe/Berlin";

fn run(sandbox: &Sandbox, args: &[&str]) -> Run {
    let pass = sandbox.pass_file();
    let mut all = vec!["--passphrase-file", pass.to_str().unwrap()];
    all.extend_from_slice(args);
    sandbox.run_env(&all, "", &[("TZ", Some(ZONE))])
}

fn run_json(sandbox: &Sandbox, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let run = run(sandbox, &all);
    assert_eq!(run.code, 0, "{args:?} must succeed: {}", run.stderr);
    run.json()
}

/// A vault with one group meeting on Tuesdays at 19:00 in Berlin from 17 March 2026, across
/// the EU change to summer time on 29 March; returns the group's and the meeting's ids.
fn weekly_meeting(sandbox: &Sandbox) -> (String, i64) {
    sandbox.init_passphrase_vault();
    let group = run_json(
        sandbox,
        &[
            "group",
            "add",
            "--name",
            "Tuesday circle",
            "--kind",
            "other",
        ],
    );
    let group_id = group["id"].as_i64().expect("the group object has an id");
    let meeting = run_json(
        sandbox,
        &[
            "meeting",
            "add",
            "--group",
            &group_id.to_string(),
            "--start",
            "2026-03-17T19:00",
            "--time-zone",
            ZONE,
            "--duration",
            "90",
            "--rrule",
            "FREQ=WEEKLY",
        ],
    );
    let meeting_id = meeting["id"]
        .as_i64()
        .expect("the meeting object has an id");
    (group_id.to_string(), meeting_id)
}

fn rule_count(sandbox: &Sandbox) -> usize {
    run_json(sandbox, &["reminder", "list"])
        .as_array()
        .expect("reminder list prints a top-level array")
        .len()
}

#[test]
fn two_before_meeting_rules_come_due_in_order_at_the_same_local_time_across_dst() {
    let sandbox = Sandbox::new();
    let (group, meeting_id) = weekly_meeting(&sandbox);
    let hour = run_json(
        &sandbox,
        &["reminder", "add", "--group", &group, "--before", "60"],
    );
    let quarter = run_json(
        &sandbox,
        &["reminder", "add", "--group", &group, "--before", "15"],
    );
    assert_eq!(hour["kind"], "before-meeting", "the rule object: {hour}");
    assert_eq!(
        hour["minutes_before"], 60,
        "the rule keeps its offset: {hour}"
    );
    assert_eq!(
        hour["group_id"].as_i64().map(|g| g.to_string()),
        Some(group.clone()),
        "the rule names its group: {hour}"
    );
    let (hour_id, quarter_id) = (hour["id"].as_i64(), quarter["id"].as_i64());
    assert!(
        hour_id.is_some() && quarter_id.is_some() && hour_id != quarter_id,
        "each rule has its own id: {hour} {quarter}"
    );
    assert_eq!(rule_count(&sandbox), 2, "reminder list holds both rules");

    let next = run_json(
        &sandbox,
        &[
            "reminder",
            "next",
            "--from",
            "2026-03-20T00:00:00Z",
            "--count",
            "4",
        ],
    );
    let next = next
        .as_array()
        .expect("reminder next prints a top-level array");
    let winter = format!("{meeting_id}@2026-03-24T18:00:00Z");
    let summer = format!("{meeting_id}@2026-03-31T17:00:00Z");
    // (rule, due_utc, due_local, occurrence, start_utc): 18:00 and 18:45 local both weeks.
    let expected = [
        (
            hour_id,
            "2026-03-24T17:00:00Z",
            "2026-03-24T18:00:00+01:00",
            &winter,
            "2026-03-24T18:00:00Z",
        ),
        (
            quarter_id,
            "2026-03-24T17:45:00Z",
            "2026-03-24T18:45:00+01:00",
            &winter,
            "2026-03-24T18:00:00Z",
        ),
        (
            hour_id,
            "2026-03-31T16:00:00Z",
            "2026-03-31T18:00:00+02:00",
            &summer,
            "2026-03-31T17:00:00Z",
        ),
        (
            quarter_id,
            "2026-03-31T16:45:00Z",
            "2026-03-31T18:45:00+02:00",
            &summer,
            "2026-03-31T17:00:00Z",
        ),
    ];
    assert_eq!(
        next.len(),
        expected.len(),
        "exactly --count reminders: {next:?}"
    );
    for (due, (rule, due_utc, due_local, occurrence, start)) in next.iter().zip(expected) {
        assert_eq!(due["rule_id"].as_i64(), rule, "the rules alternate: {due}");
        assert_eq!(due["due_utc"], due_utc, "in due order, in UTC: {due}");
        assert_eq!(
            due["due_local"], due_local,
            "local time with the offset of that day, CET then CEST: {due}"
        );
        assert_eq!(
            due["occurrence_id"],
            occurrence.as_str(),
            "the occurrence: {due}"
        );
        assert_eq!(due["start_utc"], start, "the meeting's start: {due}");
    }

    let text = run(
        &sandbox,
        &["reminder", "next", "--from", "2026-03-30T00:00:00Z"],
    );
    assert_eq!(text.code, 0, "the text form succeeds: {}", text.stderr);
    assert!(
        text.stdout.contains("2026-03-31T18:00:00+02:00") && text.stdout.lines().count() == 1,
        "without --json, one line per reminder with its local time: {:?}",
        text.stdout
    );
}

#[test]
fn bad_reminder_input_exits_1_with_its_code_and_changes_nothing() {
    let sandbox = Sandbox::new();
    let (group, _) = weekly_meeting(&sandbox);
    let from = "2026-03-20T00:00:00Z";
    let cases: [(&[&str], &str, &str); 7] = [
        (
            &["reminder", "add", "--group", &group, "--before", "0"],
            "invalid_input",
            "minutes_before",
        ),
        (
            &["reminder", "add", "--group", "999", "--before", "60"],
            "not_found",
            "No group",
        ),
        (
            &["reminder", "add", "--daily-check-in", "8pm"],
            "invalid_input",
            "time_of_day",
        ),
        // A usage mistake (no --before) is a user error too, never clap's exit 2.
        (&["reminder", "add", "--group", &group], "invalid_input", ""),
        (
            &["reminder", "next", "--from", "2026-03-20", "--count", "4"],
            "invalid_input",
            "from",
        ),
        (
            &["reminder", "next", "--from", from, "--count", "0"],
            "invalid_input",
            "count",
        ),
        (&["reminder", "pause", "999"], "not_found", "No reminder"),
    ];
    for (args, code, start) in cases {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let run = run(&sandbox, &all);
        assert_eq!(run.code, 1, "{args:?} is a user error: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?} prints nothing on stdout");
        let error = run.error_json();
        assert_eq!(error["code"], code, "{args:?}: {error}");
        assert!(
            error["message"].as_str().unwrap().starts_with(start),
            "{args:?}: the message starts with {start:?}: {error}"
        );
    }
    assert_eq!(rule_count(&sandbox), 0, "no rule was stored");
}

#[test]
fn a_paused_rule_is_left_out_of_next_until_resumed_and_a_deleted_one_is_gone() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let daily = run_json(&sandbox, &["reminder", "add", "--daily-check-in", "20:00"]);
    let call = run_json(
        &sandbox,
        &[
            "reminders",
            "add",
            "--weekly-buddy-call",
            "monday",
            "--at",
            "19:00",
        ],
    );
    assert_eq!(
        call["kind"], "weekly-buddy-call",
        "the plural alias works: {call}"
    );
    let (daily_id, call_id) = (daily["id"].as_i64().unwrap(), call["id"].as_i64().unwrap());
    let call_arg = call_id.to_string();
    // Monday 23 March 2026: the call at 19:00, the check-in at 20:00, both CET.
    let next = |sandbox: &Sandbox| -> Vec<(i64, String)> {
        run_json(
            sandbox,
            &[
                "reminder",
                "next",
                "--from",
                "2026-03-23T00:00:00Z",
                "--count",
                "2",
            ],
        )
        .as_array()
        .expect("a top-level array")
        .iter()
        .map(|d| {
            (
                d["rule_id"].as_i64().unwrap(),
                d["due_local"].as_str().unwrap().to_string(),
            )
        })
        .collect()
    };
    let both = vec![
        (call_id, "2026-03-23T19:00:00+01:00".to_string()),
        (daily_id, "2026-03-23T20:00:00+01:00".to_string()),
    ];
    assert_eq!(next(&sandbox), both, "the call, then the check-in");

    let paused = run_json(&sandbox, &["reminder", "pause", &call_arg]);
    assert_eq!(
        paused["enabled"], false,
        "pause prints the paused rule: {paused}"
    );
    assert_eq!(
        next(&sandbox),
        vec![
            (daily_id, "2026-03-23T20:00:00+01:00".to_string()),
            (daily_id, "2026-03-24T20:00:00+01:00".to_string()),
        ],
        "a paused rule has no reminders"
    );
    run_json(&sandbox, &["reminder", "resume", &call_arg]);
    assert_eq!(next(&sandbox), both, "a resumed rule has them again");

    let deleted = run_json(&sandbox, &["reminder", "delete", &call_arg]);
    assert_eq!(deleted["deleted"], true, "delete says so: {deleted}");
    assert_eq!(rule_count(&sandbox), 1, "only the check-in is left");
    let again = run(&sandbox, &["reminder", "delete", &call_arg]);
    assert_eq!(
        again.code, 1,
        "a deleted rule is not found: {}",
        again.stderr
    );
}
