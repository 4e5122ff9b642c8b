//! Filtering savefiles: `bpfcap -r IN [-w OUT] EXPR`. (Stub: being written.)

use std::process::ExitCode;

use crate::cli::{CliError, Config};
use crate::dlt::Dlt;

/// The link type of a savefile, for `-r FILE -d`.
pub fn savefile_linktype(path: &str) -> Result<Dlt, CliError> {
    Err(CliError::new(format!("{path}: reading savefiles is not implemented yet")))
}

/// Runs an offline job.
pub fn run(cfg: &Config) -> Result<ExitCode, CliError> {
    let _ = cfg;
    Err(CliError::new("reading savefiles is not implemented yet"))
}
