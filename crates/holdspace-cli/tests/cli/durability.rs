//! Durability as the system sees it: under strace, the streaming writer syncs the vault's WAL
//! after each entry and before it prints that entry's id, so an acknowledged entry has reached
//! the disk. (Every connection's `synchronous = FULL` and WAL mode are asserted in the core's
//! vault tests.)

use std::collections::HashMap;
use std::process::{Command, Stdio};

use crate::support::*;

#[test]
fn each_acknowledged_entry_follows_a_sync_of_the_wal() {
    let sandbox = Sandbox::new();
    sandbox.init_passphrase_vault();
    let log = sandbox.root.path().join("strace.log");
    let mut child = Command::new("strace")
        .args(["-f", "-e", "trace=openat,close,fsync,fdatasync,write", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_holdspace-cli"))
        .arg("--data-dir")
        .arg(sandbox.dir())
        .arg("--passphrase-file")
        .arg(sandbox.pass_file())
        .args(["journal", "add", "--lines", "--kind", "check-in"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("strace is installed by scripts/setup.sh");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"one\ntwo\nthree\nfour\nfive\n").unwrap();
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let acknowledged = String::from_utf8_lossy(&output.stdout).lines().count();
    assert_eq!(acknowledged, 5);

    // Follow which file each descriptor is, and whether the WAL was synced since the last id.
    let trace = std::fs::read_to_string(&log).unwrap();
    let mut files: HashMap<(String, String), String> = HashMap::new();
    let mut synced_since_ack = false;
    let mut acks = 0;
    for line in trace.lines() {
        let mut words = line.splitn(2, ' ');
        let (pid, call) = (
            words.next().unwrap_or("").to_string(),
            words.next().unwrap_or("").trim(),
        );
        let result = call.rsplit("= ").next().unwrap_or("").trim().to_string();
        if call.starts_with("openat(") && call.contains("holdspace.db") {
            let path = call.split('"').nth(1).unwrap_or("").to_string();
            files.insert((pid, result), path);
        } else if let Some(rest) = call.strip_prefix("close(") {
            files.remove(&(pid, rest.split(')').next().unwrap_or("").to_string()));
        } else if let Some(rest) = call
            .strip_prefix("fsync(")
            .or_else(|| call.strip_prefix("fdatasync("))
        {
            let fd = rest.split(')').next().unwrap_or("").to_string();
            if files.get(&(pid, fd)).is_some_and(|p| p.ends_with("-wal")) {
                synced_since_ack = true;
            }
        } else if call.starts_with("write(1,") {
            assert!(
                synced_since_ack,
                "id {} was printed before the WAL was synced:\n{trace}",
                acks + 1
            );
            synced_since_ack = false;
            acks += 1;
        }
    }
    assert_eq!(acks, acknowledged, "every printed id was seen in the trace");
}
