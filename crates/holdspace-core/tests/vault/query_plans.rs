//! The app's hot reads use indexes. On a vault filled like a few years of real use, every
//! statement the screens run is judged by SQLite's own count of the rows it stepped through in
//! full table scans (SQLITE_STMTSTATUS_FULLSCAN_STEP), so a change that drops an index, or a
//! query no index can serve, fails here with the plan that shows which table is scanned.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use holdspace_core::attendance::{self, AttendanceInput, AttendanceStatus, RoleHeld};
use holdspace_core::buddies::{self, ContactFilter, ContactInput, Labelled, Relation};
use holdspace_core::groups::{self, NewGroup};
use holdspace_core::insights::{self, InsightsQuery};
use holdspace_core::journal::{self, EntryInput, EntryKind, PageCursor, SearchFilters};
use holdspace_core::meetings::{self, ExceptionKind, NewMeeting};
use holdspace_core::reminders::{self, RuleInput, RuleKind};
use holdspace_core::vault::Vault;
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::StatementStatus;

use crate::support::passphrase_vault;

/// Rows a statement may step through in full scans per run: enough for the tables that stay
/// tiny by nature (settings rows, the few groups and meetings a person has, the schema), far
/// below the thousands of rows of the big tables filled here.
const MAX_FULLSCAN_STEPS: i32 = 100;

/// Statements that must read a whole big table, by the end of the SQL as run (values in place
/// of parameters, whitespace collapsed; matching the end keeps a narrower statement that merely
/// begins the same way, such as one group's attendance, judged), and why.
const MAY_SCAN: &[(&str, &str)] = &[
    (
        "FROM contact c ORDER BY c.display_name COLLATE NOCASE, c.id",
        "the contact list shows every contact by name; its filters run in Rust over the few \
         hundred contacts a person has (buddies::list), so every row is read whatever the index",
    ),
    (
        "FROM attendance a JOIN meeting m ON m.id = a.meeting_id",
        "every attendance record of every group: insights over the whole period count each one",
    ),
];

const JOURNAL_ENTRIES: usize = 3000;
const GROUPS: usize = 6;
const CONTACTS: usize = 300;
const DAILY_RULES: usize = 4;
const SETTLED_DAYS: i64 = 120;
const RARE_WORD: &str = "lighthouse";
const COMMON_WORD: &str = "today";

/// One run of a statement on a pooled connection.
#[derive(Debug)]
struct Run {
    sql: String,
    expanded: String,
    fullscan_steps: i32,
}

type Runs = Arc<Mutex<Vec<Run>>>;

/// Records every statement run on `conn` with the full-scan steps of that run alone: the
/// counter of a cached statement adds up over its runs, so the count when it starts is
/// subtracted from the count when it finishes.
fn trace(conn: &mut rusqlite::Connection, runs: &Runs) {
    let runs = Arc::clone(runs);
    let mut started: HashMap<String, Vec<i32>> = HashMap::new();
    conn.trace_v2(
        TraceEventCodes::SQLITE_TRACE_STMT | TraceEventCodes::SQLITE_TRACE_PROFILE,
        Some(move |event: TraceEvent<'_>| match event {
            // A trigger's program announces itself with a comment; it belongs to its statement.
            TraceEvent::Stmt(stmt, text) if !text.starts_with("--") => {
                started
                    .entry(stmt.sql().into_owned())
                    .or_default()
                    .push(stmt.get_status(StatementStatus::FullscanStep));
            }
            TraceEvent::Profile(stmt, _) => {
                let sql = stmt.sql().into_owned();
                let before = started.get_mut(&sql).and_then(Vec::pop).unwrap_or(0);
                runs.lock().unwrap().push(Run {
                    fullscan_steps: stmt.get_status(StatementStatus::FullscanStep) - before,
                    expanded: stmt.expanded_sql().unwrap_or_else(|| sql.clone()),
                    sql,
                });
            }
            _ => {}
        }),
    )
    .unwrap();
}

fn one_line(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// SQLite's plan for `sql`, as an indented tree.
fn query_plan(vault: &Vault, sql: &str) -> String {
    let conn = vault.connection().unwrap();
    let mut stmt = match conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")) {
        Ok(stmt) => stmt,
        Err(error) => return format!("    (no plan: {error})"),
    };
    // The plan is made before any value is bound: NULL for each parameter changes nothing.
    let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
    let rows = stmt
        .query_map(rusqlite::params_from_iter(nulls), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(3)?,
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    let mut depth: HashMap<i64, usize> = HashMap::new();
    let mut lines = Vec::new();
    for (id, parent, detail) in rows {
        let d = depth.get(&parent).map_or(0, |p| p + 1);
        depth.insert(id, d);
        lines.push(format!("    {}{detail}", "  ".repeat(d)));
    }
    lines.join("\n")
}

/// A small deterministic generator, so every run fills the same vault.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % n as u64).unwrap()
    }
}

const WORDS: &[&str] = &[
    "calm", "tired", "hopeful", "group", "share", "listen", "walk", "sleep", "call", "sponsor",
    "anxious", "grateful", "morning", "evening", "work", "family", "rain", "coffee", "quiet",
    "step", "honest", "angry", "relief", "friend", "breathe", "read", "cook", "garden", "letter",
    "phone", "meeting", "week", "small", "win", "hard", "day", "again", "slowly", "kind",
];

/// What the reads need to know about the filled vault.
struct Filled {
    groups: Vec<i64>,
    middle_entry: i64,
    period_start: DateTime<Utc>,
    now: DateTime<Utc>,
}

/// Fills the vault through the public API: groups meeting weekly for two years with the user's
/// attendance, a journal of thousands of entries, hundreds of contacts, reminders with a log.
fn fill(vault: &Vault) -> Filled {
    let now = Utc::now();
    let period_start = now - Duration::days(730);
    let mut dice = Dice(7);

    let groups: Vec<i64> = (0..GROUPS)
        .map(|i| {
            groups::add(
                vault,
                &NewGroup {
                    name: format!("Circle {i}"),
                    kind: "mental-health".into(),
                    joined: Some(period_start.date_naive().to_string()),
                    ..NewGroup::default()
                },
            )
            .unwrap()
            .id
        })
        .collect();
    for (i, group_id) in groups.iter().enumerate() {
        let start = period_start + Duration::days(i as i64);
        meetings::add(
            vault,
            &NewMeeting {
                group_id: *group_id,
                title: None,
                start_local: start.format("%Y-%m-%dT19:00").to_string(),
                time_zone: "Europe/Berlin".into(),
                duration_minutes: 90,
                rrule: Some("FREQ=WEEKLY".into()),
            },
        )
        .unwrap();
        let past = meetings::occurrences(
            vault,
            period_start,
            now - Duration::days(1),
            Some(*group_id),
        )
        .unwrap();
        for (n, occurrence) in past.iter().enumerate() {
            if n % 25 == 7 {
                meetings::set_exception(
                    vault,
                    &occurrence.occurrence_id,
                    ExceptionKind::Cancelled,
                    None,
                )
                .unwrap();
            }
            let status = match n % 10 {
                0 => AttendanceStatus::Missed,
                1 => AttendanceStatus::Excused,
                2 => AttendanceStatus::AttendedOnline,
                _ => AttendanceStatus::AttendedInPerson,
            };
            attendance::record(
                vault,
                &AttendanceInput {
                    occurrence_id: occurrence.occurrence_id.clone(),
                    status,
                    shared: n % 2 == 0,
                    role: Some(if n % 6 == 0 {
                        RoleHeld::Timekeeper
                    } else {
                        RoleHeld::None
                    }),
                    mood_before: Some(u8::try_from(1 + n % 5).unwrap()),
                    mood_after: Some(u8::try_from(1 + (n + 2) % 5).unwrap()),
                    note: None,
                },
            )
            .unwrap();
        }
    }

    let mut middle_entry = 0;
    for i in 0..JOURNAL_ENTRIES {
        let words: Vec<&str> = (0..12).map(|_| WORDS[dice.below(WORDS.len())]).collect();
        let rare = if i % 1000 == 500 { RARE_WORD } else { "" };
        let entry = journal::add(
            vault,
            &EntryInput {
                kind: [EntryKind::CheckIn, EntryKind::Reflection, EntryKind::Note][i % 3],
                title: Some(if i % 4 == 0 {
                    format!("{} {}", words[0], words[1])
                } else {
                    String::new()
                }),
                body: format!("{COMMON_WORD} {} {rare}", words.join(" ")),
                mood: Some(u8::try_from(1 + i % 5).unwrap()),
                feelings: None,
                tags: Some(vec![["morning", "evening", "meeting"][i % 3].into()]),
                group_id: (i % 5 == 0).then(|| groups[i % GROUPS]),
                occurrence_id: None,
            },
        )
        .unwrap();
        if i == JOURNAL_ENTRIES / 2 {
            middle_entry = entry.id;
        }
        if i % 300 == 1 {
            journal::delete(vault, entry.id).unwrap();
        }
    }

    for i in 0..CONTACTS {
        buddies::add(
            vault,
            &ContactInput {
                display_name: format!("Friend {i:03}"),
                relation: Some([Relation::Buddy, Relation::Peer, Relation::Mentor][i % 3]),
                phones: vec![Labelled {
                    label: "mobile".into(),
                    value: format!("+49 170 {i:07}"),
                }],
                availability: ["evenings", "weekends", "any time"][i % 3].into(),
                ok_to_call_any_time: i % 7 == 0,
                group_ids: vec![groups[i % GROUPS]],
                ..ContactInput::default()
            },
        )
        .unwrap();
    }

    let rules_from = now - Duration::days(SETTLED_DAYS + 1);
    for i in 0..DAILY_RULES {
        reminders::add_rule(
            vault,
            &RuleInput {
                kind: Some(RuleKind::DailyCheckIn),
                time_of_day: Some(format!("{:02}:30", 8 + 3 * i)),
                ..RuleInput::default()
            },
            rules_from,
        )
        .unwrap();
    }
    reminders::add_rule(
        vault,
        &RuleInput {
            kind: Some(RuleKind::BeforeMeeting),
            group_id: Some(groups[0]),
            minutes_before: Some(60),
            ..RuleInput::default()
        },
        rules_from,
    )
    .unwrap();
    // The shell settles what came due once a day: the log grows by a few rows a day.
    for day in (1..=SETTLED_DAYS).rev() {
        reminders::take_due(
            vault,
            now - Duration::days(day),
            chrono_tz::Europe::Berlin,
            holdspace_core::Language::En,
        )
        .unwrap();
    }
    let log = reminders::history(vault, rules_from).unwrap();
    assert!(
        log.len() > 4 * usize::try_from(MAX_FULLSCAN_STEPS).unwrap(),
        "the reminder log must be big enough that a scan of it shows: {} rows",
        log.len()
    );

    Filled {
        groups,
        middle_entry,
        period_start,
        now,
    }
}

/// The reads the screens make each time they open: Today, the journal, groups, the calendar,
/// insights, reminders, contacts.
fn hot_reads(vault: &Vault, filled: &Filled) {
    let zone = chrono_tz::Europe::Berlin;
    let first = journal::page(vault, false, None, 50).unwrap();
    assert_eq!(first.len(), 50, "the filled journal has a full first page");
    let middle = journal::get(vault, filled.middle_entry).unwrap();
    let cursor = PageCursor {
        created_utc: middle.created_utc.clone(),
        id: middle.id,
    };
    assert_eq!(
        journal::page(vault, false, Some(&cursor), 50)
            .unwrap()
            .len(),
        50,
        "a page from the middle is full too"
    );
    assert_eq!(
        journal::page(vault, true, None, 50).unwrap().len(),
        JOURNAL_ENTRIES / 300,
        "the trash holds the entries deleted"
    );
    let filters = SearchFilters::default();
    assert_eq!(
        journal::search(vault, COMMON_WORD, &filters, 50)
            .unwrap()
            .len(),
        50,
        "the common word is in every entry"
    );
    assert_eq!(
        journal::search(vault, RARE_WORD, &filters, 50)
            .unwrap()
            .len(),
        JOURNAL_ENTRIES / 1000,
        "the rare word is in a few entries"
    );
    let mood = SearchFilters {
        mood: Some(3),
        tag: Some("evening".into()),
        ..SearchFilters::default()
    };
    journal::search(vault, "grateful", &mood, 50).unwrap();

    assert_eq!(groups::list(vault, false).unwrap().len(), GROUPS);
    groups::get(vault, filled.groups[1]).unwrap();
    let week = meetings::occurrences(
        vault,
        filled.now - Duration::days(1),
        filled.now + Duration::days(7),
        None,
    )
    .unwrap();
    assert!(!week.is_empty(), "the groups meet this week");
    meetings::occurrences(
        vault,
        filled.now - Duration::days(90),
        filled.now,
        Some(filled.groups[2]),
    )
    .unwrap();
    let records = attendance::list(vault, Some(filled.groups[3])).unwrap();
    assert!(records.len() > 90, "two years of one group's records");
    attendance::awaiting_record(vault, filled.now, 30, None).unwrap();
    let seen = insights::compute(
        vault,
        &InsightsQuery {
            group_id: None,
            from: Some(filled.period_start.date_naive().to_string()),
            to: None,
        },
        &zone,
        filled.now,
    )
    .unwrap();
    assert!(seen.attended > 400, "insights count two years of meetings");
    insights::compute(
        vault,
        &InsightsQuery {
            group_id: Some(filled.groups[0]),
            ..InsightsQuery::default()
        },
        &zone,
        filled.now,
    )
    .unwrap();

    assert!(!reminders::next_due(vault, filled.now, zone, 5)
        .unwrap()
        .is_empty());
    reminders::history(vault, filled.now - Duration::days(7)).unwrap();
    reminders::list_rules(vault).unwrap();

    assert_eq!(
        buddies::list(vault, &ContactFilter::default())
            .unwrap()
            .len(),
        CONTACTS
    );
    let filtered = buddies::list(
        vault,
        &ContactFilter {
            text: Some("Friend 01".into()),
            group_id: Some(filled.groups[1]),
            ..ContactFilter::default()
        },
    )
    .unwrap();
    assert!(!filtered.is_empty(), "the filter finds some contacts");
}

#[test]
fn every_hot_read_uses_an_index_on_a_filled_vault() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = passphrase_vault(dir.path());
    let filled = fill(&vault);
    let filled_in = started.elapsed();

    // Every connection the pool will hand out exists now and records what it runs.
    let runs: Runs = Arc::default();
    {
        let mut all: Vec<_> = (0..4).map(|_| vault.connection().unwrap()).collect();
        for conn in &mut all {
            trace(conn, &runs);
        }
    }

    hot_reads(&vault, &filled);

    // A pooled connection opened during the reads would have run them unrecorded.
    let marker = "SELECT 'every pooled connection is traced'";
    {
        let all: Vec<_> = (0..4).map(|_| vault.connection().unwrap()).collect();
        for conn in &all {
            conn.query_row(marker, [], |_| Ok(())).unwrap();
        }
    }
    let runs = std::mem::take(&mut *runs.lock().unwrap());
    assert_eq!(
        runs.iter().filter(|r| r.sql == marker).count(),
        4,
        "each of the pool's connections must be traced, or reads on one would go unjudged"
    );
    let runs: Vec<&Run> = runs.iter().filter(|r| r.sql != marker).collect();

    let mut statements: BTreeMap<String, usize> = BTreeMap::new();
    for run in &runs {
        *statements.entry(one_line(&run.sql)).or_default() += 1;
    }
    assert!(
        statements.len() >= 20,
        "the hot reads must have run (and been recorded) as many statements: got {}",
        statements.len()
    );

    // Judged run by run: one statement may serve a query that must read everything and one
    // that must not, told apart by the values it ran with.
    let exceptions: Vec<&(&str, &str)> = MAY_SCAN.iter().collect();
    let mut excepted = vec![false; exceptions.len()];
    let mut offenders: BTreeMap<String, &Run> = BTreeMap::new();
    for run in &runs {
        if run.fullscan_steps <= MAX_FULLSCAN_STEPS {
            continue;
        }
        let as_run = one_line(&run.expanded);
        if let Some(i) = exceptions.iter().position(|(f, _)| as_run.ends_with(f)) {
            excepted[i] = true;
            continue;
        }
        let worst = offenders.entry(one_line(&run.sql)).or_insert(run);
        if run.fullscan_steps > worst.fullscan_steps {
            *worst = run;
        }
    }
    eprintln!(
        "query plans: {} distinct statements judged ({} runs); filled in {:.1?}, all in {:.1?}",
        statements.len(),
        runs.len(),
        filled_in,
        started.elapsed()
    );

    let report: Vec<String> = offenders
        .iter()
        .map(|(sql, run)| {
            let prepared = query_plan(&vault, &run.sql);
            let with_values = query_plan(&vault, &run.expanded);
            let mut text = format!(
                "{sql}\n  stepped through {} rows of full table scans in one run (of {} runs), \
                 run as:\n    {}\n  plan as prepared (the one that ran; values are bound after \
                 planning):\n{prepared}",
                run.fullscan_steps,
                statements[sql],
                one_line(&run.expanded)
            );
            if with_values != prepared {
                text.push_str(&format!(
                    "\n  plan with the values written into the SQL (what SQLite could do if \
                     it knew them when planning):\n{with_values}"
                ));
            }
            text
        })
        .collect();
    assert!(
        report.is_empty(),
        "a hot read must find its rows through an index, not by stepping through a big table \
         (a scan grows with the user's years of data, and every page it reads is decrypted); \
         add the index the plan lacks, or allow-list the statement in MAY_SCAN with the reason \
         it must scan:\n\n{}",
        report.join("\n\n")
    );
    for ((fragment, _), used) in exceptions.iter().zip(excepted) {
        assert!(
            used,
            "the allow-listed scan {fragment:?} no longer happens in the hot reads: remove it, \
             so it cannot hide a new scan"
        );
    }
}
