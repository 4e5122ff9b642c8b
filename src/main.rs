//! The `bpfcap` command: see the crate documentation and `bpfcap --help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    bpfcap::cli::main(std::env::args_os())
}
