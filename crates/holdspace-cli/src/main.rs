//! `holdspace-cli`: a small command-line host of the Holdspace core. It parses arguments,
//! resolves the data folder, calls one core operation and prints the result; all rules live in
//! the core.

mod args;
mod commands;
mod output;
mod secret_input;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use holdspace_core::vault::paths::{default_data_dir, DATA_DIR_ENV};
use holdspace_core::Error;

use args::{Cli, Command};
use output::Output;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(usage) => return usage_error(&usage),
    };
    let out = Output {
        json: cli.global.json,
    };
    match run(cli, out) {
        Ok(code) => code,
        Err(error) => out.fail(&error),
    }
}

fn run(cli: Cli, out: Output) -> Result<ExitCode, Error> {
    if let Command::Bench { quick } = cli.command {
        return commands::bench::run(quick, out);
    }
    let data_dir = data_dir(&cli.global.data_dir)?;
    // Logs go to the vault's own folder and only once that folder exists.
    if data_dir.is_dir() {
        holdspace_core::logging::init_file_log(&data_dir);
    }
    let ctx = commands::Context {
        data_dir,
        passphrase_file: cli.global.passphrase_file,
        out,
    };
    commands::run(&ctx, cli.command)
}

fn data_dir(flag: &Option<PathBuf>) -> Result<PathBuf, Error> {
    flag.clone()
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_data_dir)
        .ok_or_else(|| {
            Error::InvalidInput("no data folder: pass --data-dir or set HOLDSPACE_DATA_DIR".into())
        })
}

/// Help and version exit 0; a usage mistake is a user error (exit 1, JSON with --json), never
/// clap's exit 2, which our contract reserves for a damaged vault.
fn usage_error(usage: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        usage.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = usage.print();
        return ExitCode::SUCCESS;
    }
    let out = Output {
        json: std::env::args().any(|a| a == "--json"),
    };
    let message = usage
        .kind()
        .as_str()
        .unwrap_or("the arguments are not valid");
    if !out.json {
        let _ = usage.print();
        return ExitCode::from(1);
    }
    out.fail(&Error::InvalidInput(format!(
        "{message}; run `holdspace-cli --help` for the commands"
    )))
}
