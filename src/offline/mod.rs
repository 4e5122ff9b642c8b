//! Filtering savefiles: `bpfcap -r IN [-w OUT] [-c N] [--count] EXPR`.
//!
//! The job reads the savefile header ([`savefile::Reader`]), compiles the
//! expression for the file's link type and snapshot length (as tcpdump
//! does, `-s` does not change either when reading a file), decodes the
//! program once for the interpreter ([`crate::bpf::vm::Vm`]) and streams
//! packets through it. Matching packets go to a pcap file (`-w`), to the
//! packet printer ([`crate::display::Printer`]) or, with `--count`, are only
//! counted.
//!
//! A savefile that turns out truncated or corrupt is reported after every
//! good packet before the damage has been written and flushed, so the
//! output file stays valid. Nothing here panics on input data.

pub mod names;
pub mod savefile;

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;

use crate::bpf::Insn;
use crate::bpf::insn::consts::{K, RET, SKF_AD_IFINDEX, SKF_AD_OFF, SKF_AD_PKTTYPE};
use crate::bpf::validate::Rule;
use crate::bpf::vm::Vm;
use crate::cli::{CliError, Config};
use crate::compile::Target;
use crate::display::{PacketRef, Printer};
use crate::dlt::Dlt;
use savefile::{FileInfo, Reader};

/// Output buffer size for `-w` and the printer.
const OUT_BUF: usize = 1 << 20;

/// Opens `-r PATH` (`-` = standard input).
fn open(path: &str) -> Result<Reader<Box<dyn Read>>, CliError> {
    let src: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            File::open(path).map_err(|e| CliError::new(format!("{path}: {}", io_message(&e))))?,
        )
    };
    Reader::new(src).map_err(|e| CliError::new(e.to_string()))
}

/// An I/O error as libc's `strerror` words it (without Rust's "(os error N)").
fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// tcpdump's first stderr line for a savefile.
fn announce(path: &str, info: &FileInfo) {
    eprintln!(
        "reading from file {path}, link-type {}, snapshot length {}",
        names::describe(info.linktype_raw),
        info.snaplen
    );
}

/// The link type of a savefile, for `-r FILE -d`.
pub fn savefile_linktype(path: &str) -> Result<Dlt, CliError> {
    Ok(open(path)?.info().dlt)
}

/// What `-r FILE -d` compiles for: the file's link type and snapshot length.
/// Prints tcpdump's "reading from file" line, as `tcpdump -r F -d` does.
pub fn savefile_target(path: &str) -> Result<Target, CliError> {
    let info = open(path)?.info();
    announce(path, &info);
    Ok(Target::savefile(info.dlt, info.snaplen))
}

/// Compiles the filter for the file. The empty expression accepts every
/// packet (libpcap's `ret #snaplen`) without needing the compiler.
pub fn program_for(cfg: &Config, info: &FileInfo) -> Result<Vec<Insn>, CliError> {
    compile_offline(&cfg.expr, info, cfg.optimize)
}

/// Compiles `expr` as `tcpdump -r FILE [-O] EXPR` does for a savefile
/// with this header.
pub fn compile_offline(expr: &str, info: &FileInfo, optimize: bool) -> Result<Vec<Insn>, CliError> {
    if expr.trim().is_empty() {
        return Ok(vec![Insn::stmt(RET | K, info.snaplen)]);
    }
    let prog = crate::compile_for(expr, &Target::savefile(info.dlt, info.snaplen), optimize)?;
    // The compiler targets a dead handle, where `inbound` and `ifindex`
    // become kernel ancillary loads; with a savefile libpcap refuses them
    // at compile time, and so do we, in its words.
    if let Err(e) = crate::bpf::validate::check_no_ancillary(prog.insns()) {
        let what = match e.rule {
            Rule::AncillaryOffline(k) => match (k as i32).wrapping_sub(SKF_AD_OFF) {
                SKF_AD_PKTTYPE => Some("inbound/outbound"),
                SKF_AD_IFINDEX => Some("ifindex"),
                _ => None,
            },
            _ => None,
        };
        return Err(CliError::new(match what {
            Some(w) => format!(
                "{w} not supported on {} when reading savefiles",
                names::description(info.linktype_raw)
            ),
            None => e.to_string(),
        }));
    }
    Ok(prog.insns().to_vec())
}

/// Where matching packets go.
enum Sink {
    File(savefile::Writer<BufWriter<Box<dyn Write>>>),
    Print {
        printer: Box<Printer>,
        out: BufWriter<std::io::StdoutLock<'static>>,
        line: Vec<u8>,
        flush_each: bool,
    },
    Count,
}

/// Turns a write error into the job's error, treating a closed pipe as
/// the reader having seen enough.
fn write_error(e: std::io::Error) -> Option<CliError> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        None
    } else {
        Some(CliError::new(io_message(&e)))
    }
}

/// Runs an offline job.
pub fn run(cfg: &Config) -> Result<ExitCode, CliError> {
    let Some(path) = cfg.read.as_deref() else {
        return Err(CliError::new("no savefile given (-r FILE)"));
    };
    let mut reader = open(path)?;
    let info = reader.info();
    let nanos = info.nanos;
    // tcpdump announces the file before compiling the filter.
    announce(path, &info);
    let prog = program_for(cfg, &info)?;
    let vm = Vm::new(&prog).map_err(|e| CliError::new(e.to_string()))?;
    let mut sink = if cfg.count_only {
        Sink::Count
    } else if let Some(out) = cfg.write.as_deref() {
        let w: Box<dyn Write> = if out == "-" {
            Box::new(std::io::stdout().lock())
        } else {
            Box::new(
                File::create(out)
                    .map_err(|e| CliError::new(format!("{out}: {}", io_message(&e))))?,
            )
        };
        let w = BufWriter::with_capacity(OUT_BUF, w);
        Sink::File(savefile::Writer::new(w, &info).map_err(|e| CliError::new(e.to_string()))?)
    } else {
        Sink::Print {
            printer: Box::new(Printer::new(cfg.print.clone(), info.dlt)),
            out: BufWriter::with_capacity(OUT_BUF, std::io::stdout().lock()),
            line: Vec::with_capacity(4096),
            flush_each: cfg.print.line_buffered || cfg.packet_buffered,
        }
    };

    let limit = cfg.count.unwrap_or(u64::MAX);
    let mut matched: u64 = 0;
    let mut read_error = None;
    let mut write_err: Option<std::io::Error> = None;
    while matched < limit {
        let pkt = match reader.next_packet() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(e) => {
                read_error = Some(e);
                break;
            }
        };
        if vm.run(pkt.data, pkt.wire_len) == 0 {
            continue;
        }
        matched += 1;
        let res = match &mut sink {
            Sink::File(w) => w.write(&pkt),
            Sink::Print { printer, out, line, flush_each } => {
                line.clear();
                let r = PacketRef {
                    ts_sec: pkt.ts_sec,
                    ts_usec: savefile::usec_of(&pkt, nanos),
                    wire_len: pkt.wire_len,
                    data: pkt.data,
                };
                printer.format(&r, line);
                match out.write_all(line) {
                    Ok(()) if *flush_each => out.flush(),
                    other => other,
                }
            }
            Sink::Count => Ok(()),
        };
        if let Err(e) = res {
            write_err = Some(e);
            break;
        }
    }
    // Flush what was written before reporting any damage in the input.
    let flushed = match &mut sink {
        Sink::File(w) => w.flush(),
        Sink::Print { out, .. } => out.flush(),
        Sink::Count => Ok(()),
    };
    if let Some(e) = write_err.or(flushed.err()) {
        return match write_error(e) {
            Some(e) => Err(e),
            None => Ok(ExitCode::SUCCESS),
        };
    }
    if cfg.count_only {
        let line = format!("{matched} packet{}\n", if matched == 1 { "" } else { "s" });
        crate::cli::write_quietly(&mut std::io::stdout().lock(), line.as_bytes())?;
    }
    match read_error {
        Some(e) => Err(CliError::new(e.to_string())),
        None => Ok(ExitCode::SUCCESS),
    }
}

#[cfg(test)]
mod tests {
    use super::names::{describe, description};
    use super::savefile::linktype_to_dlt;
    use crate::dlt::Dlt;

    #[test]
    fn link_type_names_and_mapping() {
        // (LINKTYPE field, tcpdump's name, libpcap's description, DLT).
        let cases: &[(u32, &str, &str, Dlt)] = &[
            (1, "EN10MB (Ethernet)", "Ethernet", Dlt::EN10MB),
            (0x3000_0001, "EN10MB (Ethernet)", "Ethernet", Dlt::EN10MB),
            (101, "RAW (Raw IP)", "Raw IP", Dlt::RAW),
            (
                100,
                "ATM_RFC1483 (RFC 1483 LLC-encapsulated ATM)",
                "RFC 1483 LLC-encapsulated ATM",
                Dlt::ATM_RFC1483,
            ),
            (102, "SLIP_BSDOS (BSD/OS SLIP)", "BSD/OS SLIP", Dlt::SLIP_BSDOS),
            (103, "PPP_BSDOS (BSD/OS PPP)", "BSD/OS PPP", Dlt::PPP_BSDOS),
            (
                106,
                "ATM_CLIP (Linux Classical IP over ATM)",
                "Linux Classical IP over ATM",
                Dlt::ATM_CLIP,
            ),
            (113, "LINUX_SLL (Linux cooked v1)", "Linux cooked v1", Dlt::LINUX_SLL),
            (276, "LINUX_SLL2 (Linux cooked v2)", "Linux cooked v2", Dlt::LINUX_SLL2),
            (149, "149", "DLT 149", Dlt(149)),
        ];
        for &(lt, name, desc, dlt) in cases {
            assert_eq!(describe(lt), name, "{lt}");
            assert_eq!(description(lt), desc, "{lt}");
            assert_eq!(linktype_to_dlt(lt), dlt, "{lt}");
        }
    }
}
