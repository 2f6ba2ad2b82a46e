//! The demo's folder: new, under the system's temporary folder, named with random bytes, and
//! readable by this user only. Creating it fails rather than reuse anything already there, so
//! nobody can slip a folder (or a link) in under the demo's name.
//!
//! The app removes its folder as it exits. A demo that was killed cannot, so each folder holds
//! the id of the process it belongs to, and the next demo removes the folders whose process is
//! gone (where the system lets us ask: Linux's /proc).

use std::path::{Path, PathBuf};

use crate::{Error, Result};

const PREFIX: &str = "holdspace-demo-";
const OWNER_FILE: &str = "demo.pid";

/// A new folder for a demo of this process.
pub fn new_demo_folder() -> Result<PathBuf> {
    remove_abandoned(&std::env::temp_dir());
    let mut tag = [0u8; 8];
    crate::vault::random::fill(&mut tag)?;
    let dir = std::env::temp_dir().join(format!("{PREFIX}{}", hex::encode(tag)));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    let io = |source| Error::Io {
        action: "make a folder for the demo",
        source,
    };
    builder.create(&dir).map_err(io)?;
    std::fs::write(dir.join(OWNER_FILE), std::process::id().to_string()).map_err(io)?;
    Ok(dir)
}

/// Removes the demo folders in `temp` whose process no longer runs. Best effort: a folder it
/// cannot judge (no owner file yet, another system) is left alone.
fn remove_abandoned(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let is_demo = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(PREFIX));
        if !is_demo {
            continue;
        }
        let owner = std::fs::read_to_string(entry.path().join(OWNER_FILE)).ok();
        if owner.is_some_and(|pid| owner_is_gone(pid.trim())) {
            crate::vault::erase_folder(&entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn owner_is_gone(pid: &str) -> bool {
    pid.parse::<u32>()
        .is_ok_and(|pid| !Path::new("/proc").join(pid.to_string()).exists())
}

#[cfg(not(target_os = "linux"))]
fn owner_is_gone(_pid: &str) -> bool {
    false
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn only_demo_folders_of_processes_that_are_gone_are_removed() {
        let temp = tempfile::tempdir().unwrap();
        let folder = |name: &str, owner: Option<&str>| {
            let dir = temp.path().join(name);
            std::fs::create_dir(&dir).unwrap();
            if let Some(pid) = owner {
                std::fs::write(dir.join(OWNER_FILE), pid).unwrap();
            }
            dir
        };
        // Above Linux's largest process id: no such process can run.
        let abandoned = folder("holdspace-demo-abandoned", Some("4194305"));
        let running = folder(
            "holdspace-demo-running",
            Some(&std::process::id().to_string()),
        );
        let unjudged = folder("holdspace-demo-starting", None);
        let other = folder("someone-elses-abandoned", Some("4194305"));

        remove_abandoned(temp.path());

        assert!(!abandoned.exists(), "a killed demo's folder is cleaned up");
        assert!(running.exists(), "a running demo keeps its folder");
        assert!(
            unjudged.exists(),
            "a folder without its owner yet may be a demo starting"
        );
        assert!(other.exists(), "only demo folders are ever touched");
    }
}
