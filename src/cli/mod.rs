//! The tcpdump-compatible command line: clap's raw [`args::Args`], a
//! validated [`Config`], then one of four jobs:
//!
//! * `-D` / `-L`: list interfaces or link types ([`crate::capture`]);
//! * `-d`/`-dd`/`-ddd`: print the compiled program;
//! * `-r FILE`: filter a savefile ([`crate::offline`]);
//! * otherwise: capture live ([`crate::capture`]).
//!
//! Packets go to `-w FILE` or, without it, to the printer
//! ([`crate::display`]). Every error becomes `bpfcap: MESSAGE` on stderr
//! and exit status 1; nothing here panics on user input.

pub mod args;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use crate::bpf::DumpFormat;
use crate::compile::Target;
use crate::display::PrintOptions;
use crate::dlt::Dlt;
pub use args::Args;

/// The default (and `-s 0`) snapshot length.
pub const DEFAULT_SNAPLEN: u32 = 262144;

/// An error for the user: printed as `bpfcap: MESSAGE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    /// The message (may span several lines, e.g. with a caret).
    pub message: String,
}

impl CliError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> CliError {
        CliError { message: message.into() }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<crate::Error> for CliError {
    fn from(e: crate::Error) -> CliError {
        CliError::new(e.to_string())
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> CliError {
        CliError::new(e.to_string())
    }
}

/// Capture direction (`-Q`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Direction {
    /// Both directions.
    #[default]
    InOut,
    /// Received packets only.
    In,
    /// Sent packets only.
    Out,
}

/// The validated command line.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The filter expression (empty = accept all).
    pub expr: String,
    /// Snapshot length.
    pub snaplen: u32,
    /// `-y`.
    pub linktype: Option<Dlt>,
    /// False with `-O`.
    pub optimize: bool,
    /// `-d`/`-dd`/`-ddd`.
    pub dump: Option<DumpFormat>,
    /// `-r`.
    pub read: Option<String>,
    /// `-w`.
    pub write: Option<String>,
    /// `-c`.
    pub count: Option<u64>,
    /// `-i`.
    pub interface: Option<String>,
    /// False with `-p`.
    pub promisc: bool,
    /// `-Q`.
    pub direction: Direction,
    /// `-B`, in KiB.
    pub buffer_kib: Option<u32>,
    /// `-U`.
    pub packet_buffered: bool,
    /// `-C`, in bytes (tcpdump's unit is 1,000,000 bytes).
    pub file_size: Option<u64>,
    /// `-G`.
    pub rotate_seconds: Option<u64>,
    /// `-W`.
    pub file_count: Option<u32>,
    /// `-Z`.
    pub user: Option<String>,
    /// How to print packets when there is no `-w`.
    pub print: PrintOptions,
    /// `--count`.
    pub count_only: bool,
}

fn number<T: std::str::FromStr>(v: &Option<String>, what: &str) -> Result<Option<T>, CliError> {
    match v {
        None => Ok(None),
        Some(s) => {
            s.trim().parse().map(Some).map_err(|_| CliError::new(format!("invalid {what} {s}")))
        }
    }
}

impl Config {
    /// Validates the raw arguments. Reads `-F FILE` (the only I/O here).
    pub fn from_args(a: &Args) -> Result<Config, CliError> {
        let snaplen =
            match number::<i64>(&a.snaplen, "snaplen")? {
                None | Some(0) => DEFAULT_SNAPLEN,
                Some(n) if (1..=i64::from(u32::MAX)).contains(&n) => {
                    if n > i64::from(DEFAULT_SNAPLEN) { DEFAULT_SNAPLEN } else { n as u32 }
                }
                Some(_) => {
                    return Err(CliError::new(format!(
                        "invalid snaplen {}",
                        a.snaplen.as_deref().unwrap_or("")
                    )));
                }
            };
        let linktype = match &a.linktype {
            None => None,
            Some(n) => Some(
                Dlt::from_name(n)
                    .ok_or_else(|| CliError::new(format!("invalid data link type {n}")))?,
            ),
        };
        let expr = match &a.filter_file {
            Some(f) => {
                if !a.expression.is_empty() {
                    eprintln!("Warning: filter expression ignored (using -F {f})");
                }
                read_filter_file(f)?
            }
            None => a.expression.join(" "),
        };
        let direction = match a.direction.as_deref() {
            None | Some("inout") => Direction::InOut,
            Some("in") => Direction::In,
            Some("out") => Direction::Out,
            Some(d) => return Err(CliError::new(format!("unknown capture direction '{d}'"))),
        };
        let count = match number::<i64>(&a.count, "packet count")? {
            Some(n) if n <= 0 => return Err(CliError::new(format!("invalid packet count {n}"))),
            c => c.map(|n| n as u64),
        };
        let file_size = match &a.file_size {
            None => None,
            Some(s) => {
                let mb: f64 = s
                    .parse()
                    .ok()
                    .filter(|v: &f64| *v > 0.0)
                    .ok_or_else(|| CliError::new(format!("invalid file size {s}")))?;
                Some((mb * 1_000_000.0) as u64)
            }
        };
        Ok(Config {
            expr,
            snaplen,
            linktype,
            optimize: !a.no_optimize,
            dump: (a.dump > 0).then(|| DumpFormat::from_count(a.dump)),
            read: a.read.clone(),
            write: a.write.clone(),
            count,
            interface: a.interface.clone(),
            promisc: !a.no_promisc,
            direction,
            buffer_kib: number(&a.buffer_kib, "buffer size")?,
            packet_buffered: a.packet_buffered,
            file_size,
            rotate_seconds: number(&a.rotate_seconds, "rotation seconds")?,
            file_count: number(&a.file_count, "file count")?,
            user: a.user.clone(),
            print: PrintOptions::from_args(a),
            count_only: a.count_only,
        })
    }
}

/// Reads a `-F` file. As in tcpdump, `#` starts a comment that runs to
/// the end of the line.
fn read_filter_file(path: &str) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::new(format!("can't open {path}: {e}")))?;
    let mut out = String::with_capacity(text.len());
    let mut in_comment = false;
    for c in text.chars() {
        match c {
            '#' => in_comment = true,
            '\n' => {
                in_comment = false;
                out.push(c);
            }
            _ if in_comment => out.push(' '),
            _ => out.push(c),
        }
    }
    Ok(out)
}

/// Entry point of the binary.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args = match Args::try_parse_from(args) {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bpfcap: {e}");
            ExitCode::from(1)
        }
    }
}

/// Runs the job the arguments ask for.
pub fn run(args: &Args) -> Result<ExitCode, CliError> {
    let cfg = Config::from_args(args)?;
    if args.list_interfaces {
        return crate::capture::list_interfaces();
    }
    if args.list_linktypes {
        return crate::capture::list_linktypes(&cfg);
    }
    if let Some(format) = cfg.dump {
        return dump_program(&cfg, format);
    }
    if cfg.read.is_some() {
        return crate::offline::run(&cfg);
    }
    crate::capture::run(&cfg)
}

/// `-d`: compile for the savefile's, the interface's or `-y`'s link type and
/// print the program.
fn dump_program(cfg: &Config, format: DumpFormat) -> Result<ExitCode, CliError> {
    let target = if let Some(path) = &cfg.read {
        crate::offline::savefile_target(path)?
    } else if let Some(iface) = &cfg.interface {
        crate::capture::live_target(iface, cfg)?
    } else {
        let linktype = cfg.linktype.unwrap_or_else(|| {
            eprintln!("Warning: assuming Ethernet");
            Dlt::EN10MB
        });
        Target::new(linktype, cfg.snaplen)
    };
    let prog = crate::compile_for(&cfg.expr, &target, cfg.optimize)?;
    let mut out = std::io::stdout().lock();
    write_quietly(&mut out, prog.dump(format).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
pub fn write_quietly(out: &mut impl std::io::Write, bytes: &[u8]) -> Result<(), CliError> {
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
