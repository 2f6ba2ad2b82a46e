//! Running the binary and reading what it printed.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const PASSPHRASE: &str = "correct horse battery staple";

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout must be one JSON document ({e}): {:?}", self.stdout))
    }

    pub fn error_json(&self) -> serde_json::Value {
        serde_json::from_str(self.stderr.trim())
            .unwrap_or_else(|e| panic!("stderr must be one JSON error ({e}): {:?}", self.stderr))
    }
}

/// A vault folder with a passphrase file beside it.
pub struct Sandbox {
    pub root: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("pass.txt"), format!("{PASSPHRASE}\n")).unwrap();
        Self { root }
    }

    pub fn dir(&self) -> PathBuf {
        self.root.path().join("vault")
    }

    pub fn pass_file(&self) -> PathBuf {
        self.root.path().join("pass.txt")
    }

    pub fn write_pass_file(&self, name: &str, passphrase: &str) -> PathBuf {
        let path = self.root.path().join(name);
        std::fs::write(&path, format!("{passphrase}\n")).unwrap();
        path
    }

    /// Runs with `--data-dir` set, `stdin` fed, and `env` applied (`None` removes a variable).
    pub fn run_env(&self, args: &[&str], stdin: &str, env: &[(&str, Option<&str>)]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_holdspace-cli"));
        command
            .arg("--data-dir")
            .arg(self.dir())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in env {
            match value {
                Some(v) => command.env(key, v),
                None => command.env_remove(key),
            };
        }
        let mut child = command.spawn().unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    pub fn run(&self, args: &[&str], stdin: &str) -> Run {
        self.run_env(args, stdin, &[])
    }

    /// A passphrase-only vault; returns its recovery code.
    pub fn init_passphrase_vault(&self) -> String {
        let run = self.run(
            &["init", "--no-keyring", "--passphrase-stdin", "--json"],
            &format!("{PASSPHRASE}\n"),
        );
        assert_eq!(run.code, 0, "init must succeed: {}", run.stderr);
        run.json()["recovery_code"].as_str().unwrap().to_string()
    }

    /// Every file in the vault folder as (length, content hash): enough to prove that nothing
    /// changed, and readable when something did.
    pub fn snapshot(&self) -> BTreeMap<String, (usize, u64)> {
        use std::hash::{Hash, Hasher};
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(self.dir()).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let bytes = std::fs::read(&path).unwrap();
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                bytes.hash(&mut hasher);
                files.insert(name(&path), (bytes.len(), hasher.finish()));
            }
        }
        files
    }
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// A fixture of the core's tests (`dir` under crates/holdspace-core/tests/fixtures).
pub fn core_fixture(dir: &str, name: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../holdspace-core/tests/fixtures")
        .join(dir)
        .join(name)
        .to_string_lossy()
        .into_owned()
}

impl Sandbox {
    /// `--json` with the sandbox's passphrase file, then `args`; stdin as given, `TZ` fixed so
    /// local times in the output are known.
    pub fn run_json_with(&self, args: &[&str], stdin: &str) -> Run {
        let pass = self.pass_file();
        let mut all = vec!["--json", "--passphrase-file", pass.to_str().unwrap()];
        all.extend_from_slice(args);
        self.run_env(&all, stdin, &[("TZ", Some("Europe/Berlin"))])
    }

    /// Like [`Sandbox::run_json_with`] without stdin, asserting success; the parsed output.
    pub fn ok_json(&self, args: &[&str]) -> serde_json::Value {
        let run = self.run_json_with(args, "");
        assert_eq!(run.code, 0, "{args:?} must succeed: {}", run.stderr);
        run.json()
    }
}
