//! Structured logs to a daily-rotated file in `<data dir>/logs/`, WARN by default.
//!
//! What must hold: no user content in any log line. Spans skip all arguments
//! (`#[instrument(skip_all)]`), events carry only our own words and counts, and errors display
//! without user content. A test writes a canary at the most verbose level and searches every
//! file for it. The file is opened only when the first line is written, so a quiet run (and a
//! failed unlock) leaves no trace in the data folder.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

use crate::vault::paths::LOG_DIR;

/// Set to a tracing filter (e.g. `trace`) to log more; the default is `warn`.
pub const LOG_LEVEL_ENV: &str = "HOLDSPACE_LOG";
const KEEP_DAYS: usize = 7;

/// A writer that creates `logs/` and the day's file on first use.
#[derive(Debug, Clone)]
pub struct LazyLogFile {
    dir: PathBuf,
    file: Arc<Mutex<Option<RollingFileAppender>>>,
}

impl LazyLogFile {
    pub fn in_data_dir(data_dir: &std::path::Path) -> Self {
        Self {
            dir: data_dir.join(LOG_DIR),
            file: Arc::new(Mutex::new(None)),
        }
    }
}

impl Write for LazyLogFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut slot = self
            .file
            .lock()
            .map_err(|_| std::io::Error::other("log writer poisoned"))?;
        if slot.is_none() {
            let appender = RollingFileAppender::builder()
                .rotation(Rotation::DAILY)
                .filename_prefix("holdspace")
                .filename_suffix("log")
                .max_log_files(KEEP_DAYS)
                .build(&self.dir)
                .map_err(std::io::Error::other)?;
            *slot = Some(appender);
        }
        match slot.as_mut() {
            Some(file) => file.write(buf),
            None => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.file.lock() {
            Ok(mut slot) => slot.as_mut().map_or(Ok(()), Write::flush),
            Err(_) => Ok(()),
        }
    }
}

impl<'a> MakeWriter<'a> for LazyLogFile {
    type Writer = LazyLogFile;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// The filter from `HOLDSPACE_LOG`, or WARN.
pub fn filter_from_env() -> EnvFilter {
    EnvFilter::try_from_env(LOG_LEVEL_ENV).unwrap_or_else(|_| EnvFilter::new("warn"))
}

/// A subscriber writing to the data folder's log. Hosts install it once; tests may scope it.
pub fn file_subscriber(
    data_dir: &std::path::Path,
    filter: EnvFilter,
) -> impl tracing::Subscriber + Send + Sync {
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(LazyLogFile::in_data_dir(data_dir))
        .finish()
}

/// Installs the file log for the process. Returns false if a subscriber was already set.
pub fn init_file_log(data_dir: &std::path::Path) -> bool {
    tracing::subscriber::set_global_default(file_subscriber(data_dir, filter_from_env())).is_ok()
}
