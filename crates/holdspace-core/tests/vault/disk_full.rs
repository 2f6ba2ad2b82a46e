//! A full disk: the data folder on a small tmpfs (root may mount here) is filled up; a write
//! fails with a clear error and changes nothing, every acknowledged write is still there, and
//! writing works again once space is freed. Linux only; needs root to mount, and fails (never
//! skips) without it, as the reliability suite must run in CI.
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::Command;

use holdspace_core::ErrorCode;

use crate::support::*;

/// A tmpfs mounted for the test, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(dir: &Path, size: &str) -> Self {
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .expect("mount must be runnable");
        assert!(
            status.success(),
            "mounting a tmpfs needs root; the reliability suite needs it"
        );
        Self(dir.to_path_buf())
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn free_bytes(dir: &Path) -> u64 {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(dir)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn a_full_disk_refuses_the_write_keeps_every_acknowledged_one_and_recovers() {
    let root = tempfile::tempdir().unwrap();
    let disk = SmallDisk::mount(root.path(), "16m");
    let dir = disk.0.join("vault");
    let (vault, _) = passphrase_vault(&dir);
    for i in 0..20 {
        write_probe(&vault, &format!("before the disk filled up {i}"));
    }
    // Leave a little room, then write until the disk is full.
    let filler = disk.0.join("filler");
    let room = 256 * 1024;
    std::fs::write(
        &filler,
        vec![0u8; usize::try_from(free_bytes(&disk.0).saturating_sub(room)).unwrap()],
    )
    .unwrap();
    let mut acknowledged = read_probes(&vault).unwrap();
    let mut refusal = None;
    for i in 0..2000 {
        let text = format!("entry {i}: {}", "what I want to remember. ".repeat(160));
        let written = vault.write(|tx| {
            tx.execute("INSERT INTO probe (text) VALUES (?1)", [&text])?;
            Ok(tx.last_insert_rowid())
        });
        match written {
            Ok(id) => acknowledged.push((id, text)),
            Err(error) => {
                refusal = Some(error);
                break;
            }
        }
    }
    let refusal = refusal.expect("the disk must fill up within 2,000 writes of 4 KB");
    assert_eq!(refusal.code(), ErrorCode::Io);
    assert!(
        refusal.to_string().contains("disk is full"),
        "a clear message: {refusal}"
    );
    assert_eq!(
        read_probes(&vault).unwrap(),
        acknowledged,
        "every acknowledged write is there, nothing else"
    );

    std::fs::remove_file(&filler).unwrap();
    let id = write_probe(&vault, "after space was freed");
    vault.lock().unwrap();
    drop(vault);
    let reopened = unlock_with_passphrase(&dir).expect("the vault opens after the disk was full");
    let probes = read_probes(&reopened).unwrap();
    assert_eq!(probes.len(), acknowledged.len() + 1);
    assert_eq!(probes.last().map(|p| p.0), Some(id));
    let report = reopened.doctor(holdspace_core::vault::Unlock::Passphrase(secret(
        PASSPHRASE,
    )));
    drop(reopened);
    assert!(
        report.is_ok(),
        "doctor runs on the vault that filled the disk"
    );
}
