//! Live capture on Linux. (Stub: being written.)

use std::process::ExitCode;

use crate::cli::{CliError, Config};
use crate::compile::Target;

/// `-D`.
pub fn list_interfaces() -> Result<ExitCode, CliError> {
    Err(CliError::new("listing interfaces is not implemented yet"))
}

/// `-L`.
pub fn list_linktypes(cfg: &Config) -> Result<ExitCode, CliError> {
    let _ = cfg;
    Err(CliError::new("listing link types is not implemented yet"))
}

/// The compile target for a live capture on `iface` (`-i IFACE -d`).
pub fn live_target(iface: &str, cfg: &Config) -> Result<Target, CliError> {
    let _ = cfg;
    Err(CliError::new(format!("{iface}: live capture is not implemented yet")))
}

/// Captures live.
pub fn run(cfg: &Config) -> Result<ExitCode, CliError> {
    let _ = cfg;
    Err(CliError::new("live capture is not implemented yet"))
}
