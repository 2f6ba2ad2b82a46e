//! Crash safety: a writer killed with SIGKILL in the middle of mixed writes (journal entries,
//! contacts, attendance) loses no acknowledged write and leaves a sound database; a passphrase
//! change killed midway leaves the old or the new passphrase working, never neither. CI runs 200
//! kills; HOLDSPACE_FULL_RELIABILITY=1 runs 1,000.
//!
//! The child processes are this same test binary, re-run on one ignored test that acts as the
//! child when HOLDSPACE_CRASH_CHILD is set (so no extra binary ships for testing).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use holdspace_core::vault::{RestoreInto, Unlock, VaultPaths};

use crate::support::*;

const CHILD_ENV: &str = "HOLDSPACE_CRASH_CHILD";
const DIR_ENV: &str = "HOLDSPACE_CRASH_DIR";
const FROM_ENV: &str = "HOLDSPACE_CRASH_FROM";
const TO_ENV: &str = "HOLDSPACE_CRASH_TO";
const BACKUP_ENV: &str = "HOLDSPACE_CRASH_BACKUP";
const BACKUP_PASSPHRASE: &str = "the backup's own passphrase";

fn full_reliability() -> bool {
    std::env::var_os("HOLDSPACE_FULL_RELIABILITY").is_some()
}

/// Kills of the writer: 200 in the test command, 1,000 with the full flag.
fn kills() -> usize {
    if full_reliability() {
        1000
    } else {
        200
    }
}

/// Kills during each one-off operation (a migration, a passphrase change, a restore): 40 in
/// the test command, 100 with the full flag.
fn operation_kills() -> usize {
    if full_reliability() {
        100
    } else {
        40
    }
}

/// The meeting attendance is recorded for: daily from 2015, so every occurrence is in the past.
const MEETING_START: &str = "2015-01-01T18:00";

/// The child's side. `write`: unlock once, then store each stdin line in its own durable
/// transaction (a journal entry, a contact, an attendance record in turn) and print
/// `ACK <kind> <key> <line>` after the commit. `change`: change the passphrase.
#[test]
#[ignore = "the child process of the kill -9 tests, started by them"]
fn crash_child() {
    let Ok(mode) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = std::env::var(DIR_ENV).unwrap();
    let mut out = std::io::stdout().lock();
    if mode == "restore" {
        writeln!(out, "READY").unwrap();
        out.flush().unwrap();
        holdspace_core::vault::restore(
            Path::new(&std::env::var(BACKUP_ENV).unwrap()),
            &secret(BACKUP_PASSPHRASE),
            &VaultPaths::new(&dir),
            RestoreInto::Replace,
            &MemoryKeyring::default(),
        )
        .unwrap();
        writeln!(out, "DONE").unwrap();
        return;
    }
    if mode == "rotate" {
        let vault = unlock_with_passphrase(Path::new(&dir)).unwrap();
        writeln!(out, "READY").unwrap();
        out.flush().unwrap();
        vault.rotate_data_key(Some(&secret(PASSPHRASE))).unwrap();
        writeln!(out, "DONE").unwrap();
        return;
    }
    if mode == "migrate" {
        writeln!(out, "READY").unwrap();
        out.flush().unwrap();
        unlock_with_passphrase(Path::new(&dir)).unwrap();
        writeln!(out, "DONE").unwrap();
        return;
    }
    let from = std::env::var(FROM_ENV).unwrap_or_else(|_| PASSPHRASE.into());
    let vault = load(Path::new(&dir));
    vault.unlock(Unlock::Passphrase(secret(&from))).unwrap();
    if mode == "change" {
        writeln!(out, "READY").unwrap();
        out.flush().unwrap();
        vault
            .change_passphrase(&secret(&std::env::var(TO_ENV).unwrap()))
            .unwrap();
        writeln!(out, "DONE").unwrap();
        return;
    }
    let meeting = holdspace_core::meetings::list(&vault, None).unwrap()[0].id;
    // Attendance goes to the next day not yet recorded, whatever a killed writer left.
    let first_day = holdspace_core::attendance::list(&vault, None)
        .unwrap()
        .len();
    writeln!(out, "READY").unwrap();
    out.flush().unwrap();
    for (i, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line.unwrap();
        let ack = match i % 3 {
            0 => {
                let entry = holdspace_core::journal::add(
                    &vault,
                    &holdspace_core::journal::EntryInput {
                        kind: holdspace_core::journal::EntryKind::CheckIn,
                        title: None,
                        body: line.clone(),
                        mood: Some(3),
                        feelings: None,
                        tags: None,
                        group_id: None,
                        occurrence_id: None,
                    },
                )
                .unwrap();
                format!("ACK journal {} {line}", entry.id)
            }
            1 => {
                let contact = holdspace_core::buddies::add(
                    &vault,
                    &holdspace_core::buddies::ContactInput {
                        display_name: line.clone(),
                        ..Default::default()
                    },
                )
                .unwrap();
                format!("ACK contact {} {line}", contact.id)
            }
            _ => {
                let day = first_day + i / 3;
                let start = chrono::DateTime::parse_from_rfc3339("2015-01-01T18:00:00Z").unwrap()
                    + chrono::Duration::days(i64::try_from(day).unwrap());
                let occurrence = holdspace_core::meetings::occurrence_id(meeting, start.to_utc());
                holdspace_core::attendance::record(
                    &vault,
                    &holdspace_core::attendance::AttendanceInput {
                        occurrence_id: occurrence.clone(),
                        status: holdspace_core::attendance::AttendanceStatus::AttendedInPerson,
                        shared: true,
                        role: None,
                        mood_before: None,
                        mood_after: None,
                        note: Some(line.clone()),
                    },
                )
                .unwrap();
                format!("ACK attendance {occurrence} {line}")
            }
        };
        writeln!(out, "{ack}").unwrap();
        out.flush().unwrap();
    }
}

fn spawn_child(mode: &str, dir: &Path, envs: &[(&str, &str)]) -> Child {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "--exact",
            "crash::crash_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
            "--quiet",
        ])
        .env(CHILD_ENV, mode)
        .env(DIR_ENV, dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in envs {
        command.env(k, v);
    }
    command.spawn().unwrap()
}

/// Lines the child prints, delivered through a channel so the parent can wait with a deadline.
fn child_lines(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_for(lines: &mpsc::Receiver<String>, word: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(line) = lines.recv_timeout(Duration::from_secs(1)) {
            if line == word {
                return;
            }
        }
    }
    panic!("the child never said {word}");
}

/// A small seeded generator: the seed is printed so a failure's choices can be replayed with
/// `HOLDSPACE_CRASH_SEED` (when the kill lands still depends on the scheduler).
struct Dice(u64);
impl Dice {
    fn seeded() -> Self {
        // Never zero: xorshift would stay at zero.
        Self(seed("HOLDSPACE_CRASH_SEED") | 1)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// An acknowledged write: what kind, its key (an id, or an occurrence for attendance), its text.
type Ack = (String, String, String);

fn verify_acknowledged(dir: &Path, acknowledged: &[Ack]) {
    let vault = unlock_with_passphrase(dir).unwrap();
    let attendance: std::collections::HashMap<String, String> =
        holdspace_core::attendance::list(&vault, None)
            .unwrap()
            .into_iter()
            .map(|a| (a.occurrence_id, a.note))
            .collect();
    for (kind, key, text) in acknowledged {
        let stored = match kind.as_str() {
            "journal" => holdspace_core::journal::get(&vault, key.parse().unwrap())
                .ok()
                .map(|e| e.body),
            "contact" => holdspace_core::buddies::get(&vault, key.parse().unwrap())
                .ok()
                .map(|c| c.display_name),
            _ => attendance.get(key).cloned(),
        };
        assert_eq!(
            stored.as_ref(),
            Some(text),
            "acknowledged {kind} {key} must survive kill -9"
        );
    }
    vault.lock().unwrap();
    let report = vault
        .doctor(Unlock::Passphrase(secret(PASSPHRASE)))
        .unwrap();
    assert!(
        report.ok,
        "integrity must hold after kill -9: {:?}",
        report.checks
    );
}

#[test]
fn a_writer_killed_mid_stream_of_mixed_writes_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (vault, _) = passphrase_vault(dir.path());
        let group = holdspace_core::groups::add(
            &vault,
            &holdspace_core::groups::NewGroup {
                name: "Daily circle".into(),
                kind: "other".into(),
                joined: Some("2014-12-01".into()),
                ..Default::default()
            },
        )
        .unwrap();
        holdspace_core::meetings::add(
            &vault,
            &holdspace_core::meetings::NewMeeting {
                group_id: group.id,
                title: None,
                start_local: MEETING_START.into(),
                time_zone: "UTC".into(),
                duration_minutes: 60,
                rrule: Some("FREQ=DAILY".into()),
            },
        )
        .unwrap();
    }
    let kills = kills();
    let mut dice = Dice::seeded();
    let mut acknowledged: Vec<Ack> = Vec::new();
    for round in 0..kills {
        let mut child = spawn_child("write", dir.path(), &[]);
        let lines = child_lines(&mut child);
        let mut stdin = child.stdin.take().unwrap();
        wait_for(&lines, "READY");
        // Keep the writer busy: lines stream in while it commits and acknowledges.
        let feeder = std::thread::spawn(move || {
            for i in 0..100_000 {
                if writeln!(
                    stdin,
                    "round {round} line {i} with some words of a check-in"
                )
                .is_err()
                {
                    break;
                }
            }
        });
        let acks_before_kill = dice.below(25);
        let mut seen = 0;
        while seen < acks_before_kill {
            match lines.recv_timeout(Duration::from_secs(10)) {
                Ok(line) if line.starts_with("ACK ") => {
                    seen += 1;
                    acknowledged.push(parse_ack(&line));
                }
                Ok(_) => {}
                Err(_) => panic!("the writer stopped acknowledging"),
            }
        }
        std::thread::sleep(Duration::from_micros(dice.below(3000)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let _ = feeder.join();
        // Everything acknowledged up to the kill, including lines still in the pipe.
        for line in lines.try_iter() {
            if line.starts_with("ACK ") {
                acknowledged.push(parse_ack(&line));
            }
        }
        if round % 10 == 9 {
            verify_acknowledged(dir.path(), &acknowledged);
        }
    }
    assert!(
        acknowledged.len() > kills,
        "the writers must have acknowledged writes to check"
    );
    verify_acknowledged(dir.path(), &acknowledged);
    let kinds = |k: &str| acknowledged.iter().filter(|a| a.0 == k).count();
    eprintln!(
        "{kills} SIGKILLs: all {} acknowledged writes present ({} journal, {} contact, {} attendance), integrity ok",
        acknowledged.len(),
        kinds("journal"),
        kinds("contact"),
        kinds("attendance")
    );
}

fn parse_ack(line: &str) -> Ack {
    let mut parts = line.splitn(4, ' ');
    parts.next();
    let kind = parts.next().unwrap().to_string();
    let key = parts.next().unwrap().to_string();
    (kind, key, parts.next().unwrap_or("").to_string())
}

#[test]
fn a_passphrase_change_killed_midway_leaves_the_old_or_the_new_passphrase_working() {
    let dir = tempfile::tempdir().unwrap();
    drop(passphrase_vault(dir.path()));
    let mut dice = Dice::seeded();
    let mut current = PASSPHRASE.to_string();
    let (mut old_kept, mut new_taken) = (0, 0);
    for round in 0..operation_kills() {
        let next = format!("passphrase number {round}");
        let mut child = spawn_child(
            "change",
            dir.path(),
            &[(FROM_ENV, &current), (TO_ENV, &next)],
        );
        let lines = child_lines(&mut child);
        wait_for(&lines, "READY");
        std::thread::sleep(Duration::from_micros(dice.below(120_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let vault = load(dir.path());
        if vault.unlock(Unlock::Passphrase(secret(&next))).is_ok() {
            current = next;
            new_taken += 1;
        } else {
            vault
                .unlock(Unlock::Passphrase(secret(&current)))
                .expect("if the new passphrase does not work, the old one must");
            old_kept += 1;
        }
        vault.lock().unwrap();
    }
    eprintln!("killed changes: old passphrase kept {old_kept}, new passphrase taken {new_taken}");
}

/// Runs `mode` once to the end to learn how long it takes after READY, then kills it at random
/// instants across that span (`reset` prepares the folder before each run, `check` judges
/// what a kill left and names the state found; `trigger`, a file the operation creates just
/// before its critical stretch, aims every other kill there).
fn kill_during(
    mode: &str,
    dir: &Path,
    envs: &[(&str, &str)],
    trigger: Option<&Path>,
    reset: impl Fn(),
    check: impl Fn(usize) -> &'static str,
) -> std::collections::BTreeMap<&'static str, usize> {
    reset();
    let mut child = spawn_child(mode, dir, envs);
    let lines = child_lines(&mut child);
    wait_for(&lines, "READY");
    let started = Instant::now();
    wait_for(&lines, "DONE");
    let span = started.elapsed();
    child.wait().unwrap();
    let mut dice = Dice::seeded();
    let mut found = std::collections::BTreeMap::new();
    for round in 0..operation_kills() {
        reset();
        let mut child = spawn_child(mode, dir, envs);
        let lines = child_lines(&mut child);
        wait_for(&lines, "READY");
        let micros = u64::try_from(span.as_micros()).unwrap().max(1);
        match trigger {
            // Every other round aims at the last, shortest stretch: the moment `trigger`
            // appears and the two milliseconds after it.
            Some(path) if round % 2 == 1 => {
                let deadline = Instant::now() + span * 5 + Duration::from_secs(1);
                while !path.exists() && Instant::now() < deadline {
                    std::hint::spin_loop();
                }
                std::thread::sleep(Duration::from_micros(dice.below(2000)));
            }
            _ => std::thread::sleep(Duration::from_micros(dice.below(micros + micros / 10))),
        }
        child.kill().unwrap();
        child.wait().unwrap();
        *found.entry(check(round)).or_insert(0) += 1;
    }
    eprintln!("{mode} ({span:?} when not killed): {found:?}");
    found
}

/// Copies every file of `from` into a fresh `to` (which is emptied first).
fn reset_folder(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for (name, bytes) in snapshot(from) {
        let path = to.join(&name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

#[test]
fn a_restore_killed_midway_leaves_the_old_or_the_restored_vault_never_neither() {
    let work = tempfile::tempdir().unwrap();
    let pristine = work.path().join("pristine");
    let dir = work.path().join("vault");
    let backup = work.path().join("holdspace.backup");
    let (old_rows, restored_rows) = {
        let (vault, _) = passphrase_vault(&pristine);
        for i in 0..5 {
            write_probe(&vault, &format!("kept in the backup {i}"));
        }
        vault
            .backup(&secret(BACKUP_PASSPHRASE), &backup, fast_kdf())
            .unwrap();
        let restored = read_probes(&vault).unwrap();
        for i in 0..10 {
            write_probe(&vault, &format!("written after the backup {i}"));
        }
        let old = read_probes(&vault).unwrap();
        vault.lock().unwrap();
        (old, restored)
    };
    let backup_path = backup.display().to_string();
    let found = kill_during(
        "restore",
        &dir,
        &[(BACKUP_ENV, &backup_path)],
        Some(&dir.join("restore.pending")),
        || reset_folder(&pristine, &dir),
        |round| {
            let interrupted = dir.join("restore.pending").exists();
            let vault = unlock_with_passphrase(&dir).unwrap_or_else(|e| {
                panic!("round {round}: the vault must open after the kill: {e}")
            });
            let rows = read_probes(&vault).unwrap();
            let state = if rows == old_rows && !interrupted {
                "old vault"
            } else if rows == restored_rows && interrupted {
                "restored vault, finished at the next start"
            } else if rows == restored_rows {
                "restored vault"
            } else {
                panic!(
                    "round {round}: the rows are neither the old nor the restored ones: {rows:?}"
                )
            };
            assert!(
                !dir.join("restore.pending").exists(),
                "round {round}: opening finishes an interrupted restore"
            );
            vault.lock().unwrap();
            state
        },
    );
    assert_eq!(found.values().sum::<usize>(), operation_kills());
}

#[test]
fn a_migration_killed_midway_leaves_a_vault_that_opens_and_finishes_it() {
    let work = tempfile::tempdir().unwrap();
    let pristine = work.path().join("v0");
    let dir = work.path().join("vault");
    std::fs::create_dir_all(&pristine).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v0");
    for name in ["holdspace.db", "vault.json"] {
        std::fs::copy(fixture.join(name), pristine.join(name)).unwrap();
    }
    let vault_id = load(&pristine).status().unwrap().vault_id;
    let latest = holdspace_core::vault::latest_schema_version();
    kill_during(
        "migrate",
        &dir,
        &[],
        None,
        || reset_folder(&pristine, &dir),
        |round| {
            let before = load(&dir).status().unwrap().schema_version;
            let vault = unlock_with_passphrase(&dir).unwrap_or_else(|e| {
                panic!("round {round}: the vault must open after the kill: {e}")
            });
            let status = vault.status().unwrap();
            assert_eq!(
                status.vault_id, vault_id,
                "round {round}: the same vault, never a new one"
            );
            assert_eq!(
                status.schema_version, latest,
                "round {round}: the upgrade completes"
            );
            vault.lock().unwrap();
            let report = vault
                .doctor(Unlock::Passphrase(secret(PASSPHRASE)))
                .unwrap();
            assert!(
                report.ok,
                "round {round}: sound after the kill: {:?}",
                report.checks
            );
            if before == latest {
                "upgraded before the kill"
            } else {
                "upgrade finished at the next unlock"
            }
        },
    );
}

#[test]
fn a_key_rotation_killed_midway_leaves_a_vault_the_passphrase_opens_with_every_row() {
    let work = tempfile::tempdir().unwrap();
    let pristine = work.path().join("pristine");
    let dir = work.path().join("vault");
    let (rows, old_code) = {
        let (vault, code) = passphrase_vault(&pristine);
        for i in 0..300 {
            write_probe(
                &vault,
                &format!("row {i}: {}", "a line about my week. ".repeat(10)),
            );
        }
        let rows = read_probes(&vault).unwrap();
        vault.lock().unwrap();
        (rows, code.display_form().expose().clone())
    };
    let sealed = |dir: &Path| -> (bool, serde_json::Value) {
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("vault.json")).unwrap()).unwrap();
        (
            manifest.get("pending_rotation").is_some(),
            manifest["protectors"]["recovery_code"]["wrapped_key"].clone(),
        )
    };
    let (_, original) = sealed(&pristine);
    let found = kill_during(
        "rotate",
        &dir,
        &[],
        Some(&dir.join("holdspace.db-journal")),
        || reset_folder(&pristine, &dir),
        |round| {
            let (pending, before) = sealed(&dir);
            // Half of the interrupted rotations are settled with the old recovery code: the
            // only way in that a person who lost their passphrase still has.
            let vault = if pending && round % 4 < 2 {
                let vault = load(&dir);
                vault
                    .unlock(Unlock::RecoveryCode(
                        holdspace_core::vault::RecoveryCode::parse(&old_code).unwrap(),
                    ))
                    .unwrap_or_else(|e| {
                        panic!("round {round}: the old recovery code must open it: {e}")
                    });
                vault
            } else {
                unlock_with_passphrase(&dir).unwrap_or_else(|e| {
                    panic!("round {round}: the passphrase must open the vault after the kill: {e}")
                })
            };
            assert_eq!(
                read_probes(&vault).unwrap(),
                rows,
                "round {round}: every row, as written"
            );
            let asks = vault.status().unwrap().needs_new_recovery_code;
            let (still_pending, after) = sealed(&dir);
            assert!(
                !still_pending,
                "round {round}: unlocking settles the rotation"
            );
            vault.lock().unwrap();
            let report = vault
                .doctor(Unlock::Passphrase(secret(PASSPHRASE)))
                .unwrap();
            assert!(
                report.ok,
                "round {round}: sound after the kill: {:?}",
                report.checks
            );
            match (pending, asks) {
                (true, true) => "new key, finished at the next unlock (asks for a new code)",
                (true, false) => {
                    assert_eq!(
                        after, original,
                        "round {round}: abandoned means the old seals"
                    );
                    "old key, the pending rotation abandoned at the next unlock"
                }
                (false, _) if before == original => "old key, not begun",
                (false, _) => "new key, completed before the kill",
            }
        },
    );
    assert_eq!(found.values().sum::<usize>(), operation_kills());
}
