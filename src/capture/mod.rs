//! Live capture on Linux: `AF_PACKET` + `TPACKET_V3` ring + `SO_ATTACH_FILTER`.
//!
//! The path of a packet:
//!
//! 1. [`iface`] resolves `-i NAME` (or picks tcpdump's default device) and
//!    [`link`] decides the link type: Ethernet and loopback are captured raw
//!    as `EN10MB`, `any` and unknown hardware cooked as `LINUX_SLL2`.
//! 2. The filter is compiled for that [`Target`] (live-Linux code), then
//!    [`link::kernel_program`] rewrites it for the kernel (cooked offsets,
//!    `-Q` prologue) or leaves it to [`userfilter`] when the kernel cannot
//!    run it.
//! 3. [`sys::PacketSocket`] is opened with protocol 0, so it receives
//!    nothing until the ring is mapped and the filter attached; only then is
//!    it bound. No unfiltered packet ever reaches the ring.
//! 4. The loop takes whole blocks from the ring, rebuilds the cooked header
//!    of each packet and puts back the VLAN tag the kernel stripped (for
//!    Ethernet and SLL; like libpcap, not for SLL2), and appends it to a
//!    [`savefile::RotatingWriter`] (`-w`) or hands it to the
//!    [`crate::display::Printer`].
//! 5. SIGINT/SIGTERM/SIGHUP only set a flag; `-c`, signals and errors all
//!    leave through the same exit that flushes the savefile and prints
//!    tcpdump's three statistics lines from `PACKET_STATISTICS`.
//!
//! `unsafe` code lives in [`sys`] only.

pub mod iface;
pub mod link;
pub mod savefile;
pub mod sys;
mod userfilter;

use std::io::Write;
use std::process::ExitCode;

use crate::bpf::Insn;
use crate::bpf::insn::consts::{K, RET};
use crate::cli::{CliError, Config, Direction};
use crate::compile::Target;
use crate::display::{PacketRef, Printer};
use crate::dlt::Dlt;
use iface::{Interface, strip_os};
use link::LinkKind;
pub use sys::{RawSender, enter_netns};

/// The default ring size: 128 MiB holds well over 200 ms of 1514-byte
/// frames at 300,000 packets per second.
pub const DEFAULT_BUFFER_KIB: u32 = 128 * 1024;

/// Environment variable with a `-ddd` program that replaces the compiled
/// filter (a test hook, used while the compiler cannot yet compile an
/// expression, and to test programs the compiler would never emit).
pub const PROGRAM_HOOK: &str = "BPFCAP_TEST_PROGRAM";

/// A short description of the link types capture produces (for `-L` and
/// the "listening on" line).
fn dlt_description(d: Dlt) -> &'static str {
    match d {
        Dlt::EN10MB => "Ethernet",
        Dlt::LINUX_SLL => "Linux cooked v1",
        Dlt::LINUX_SLL2 => "Linux cooked v2",
        Dlt::RAW => "Raw IP",
        Dlt::DOCSIS => "DOCSIS",
        Dlt::IEEE802_11_RADIO => "802.11 plus radiotap header",
        _ => "",
    }
}

fn dlt_name(d: Dlt) -> String {
    d.name().map_or_else(|| d.0.to_string(), str::to_string)
}

/// `-D`.
pub fn list_interfaces() -> Result<ExitCode, CliError> {
    let mut out = String::new();
    for (n, i) in iface::all()?.iter().enumerate() {
        out.push_str(&format!("{}.{}\n", n + 1, i.describe()));
    }
    crate::cli::write_quietly(&mut std::io::stdout().lock(), out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `-L`.
pub fn list_linktypes(cfg: &Config) -> Result<ExitCode, CliError> {
    let name = match &cfg.interface {
        Some(n) => device_name(n)?,
        None => iface::default_device()?,
    };
    let dev = Interface::lookup(&name)?;
    let mut out = format!("Data link types for {name} (use option -y to set):\n");
    for d in dev.link().alternatives(dev.hatype) {
        let desc = dlt_description(d);
        let extra = if d == Dlt::DOCSIS { " (printing not supported)" } else { "" };
        out.push_str(&format!("  {} ({desc}){extra}\n", dlt_name(d)));
    }
    crate::cli::write_quietly(&mut std::io::stdout().lock(), out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The device, its link kind after `-y`, and the compile target.
fn resolve(iface: &str, cfg: &Config) -> Result<(Interface, LinkKind, Target), CliError> {
    let dev = Interface::lookup(iface)?;
    let mut kind = dev.link();
    if let Some(y) = cfg.linktype {
        kind = kind.with_dlt(y).ok_or_else(|| {
            CliError::new(format!(
                "{} is not one of the DLTs supported by this device",
                dlt_name(y)
            ))
        })?;
    }
    if dev.index == 0 || cfg.linktype.is_some() {
        eprintln!("bpfcap: data link type {}", dlt_name(kind.dlt));
    }
    let target = Target {
        linktype: kind.dlt,
        snaplen: cfg.snaplen,
        live_linux: true,
        // `tcpdump -i IFACE -d` compiles with netmask 0 (its `ip broadcast`
        // tests only all-zeroes and all-ones); the capture itself uses the
        // interface's netmask, as tcpdump's manual says.
        netmask: 0,
        savefile: false,
    };
    Ok((dev, kind, target))
}

/// The compile target for a live capture on `iface` (`-i IFACE -d`).
pub fn live_target(iface: &str, cfg: &Config) -> Result<Target, CliError> {
    resolve(&device_name(iface)?, cfg).map(|(_, _, t)| t)
}

/// Parses a `-ddd` listing (the test hook).
fn parse_decimal_program(text: &str) -> Result<Vec<Insn>, CliError> {
    let bad = || CliError::new(format!("{PROGRAM_HOOK}: not a -ddd program"));
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let n: usize = lines.next().and_then(|l| l.parse().ok()).ok_or_else(bad)?;
    let mut insns = Vec::with_capacity(n.min(1 << 16));
    for l in lines {
        let v: Vec<u32> =
            l.split_whitespace().map(|w| w.parse()).collect::<Result<_, _>>().map_err(|_| bad())?;
        let [code, jt, jf, k] = v[..] else { return Err(bad()) };
        insns.push(Insn {
            code: u16::try_from(code).map_err(|_| bad())?,
            jt: u8::try_from(jt).map_err(|_| bad())?,
            jf: u8::try_from(jf).map_err(|_| bad())?,
            k,
        });
    }
    if insns.len() != n {
        return Err(bad());
    }
    Ok(insns)
}

/// The filter program for this capture.
fn filter_program(cfg: &Config, target: &Target) -> Result<Vec<Insn>, CliError> {
    if let Ok(text) = std::env::var(PROGRAM_HOOK) {
        return parse_decimal_program(&text);
    }
    if cfg.expr.trim().is_empty() {
        return Ok(vec![Insn::stmt(RET | K, target.snaplen)]);
    }
    Ok(crate::compile_for(&cfg.expr, target, cfg.optimize)?.insns().to_vec())
}

/// Turns a socket error into tcpdump's wording.
fn open_error(dev: &str, what: &str, e: &std::io::Error) -> CliError {
    match e.raw_os_error() {
        Some(libc::EPERM) | Some(libc::EACCES) => CliError::new(format!(
            "{dev}: You don't have permission to perform this capture on that device \
             ({what}: {}; capturing needs root or the CAP_NET_RAW capability)",
            strip_os(e)
        )),
        Some(libc::ENETDOWN) => CliError::new(format!("{dev}: That device is not up")),
        Some(libc::ENODEV) | Some(libc::ENXIO) => {
            CliError::new(format!("{dev}: No such device exists ({what}: {})", strip_os(e)))
        }
        _ => CliError::new(format!("{dev}: {what}: {}", strip_os(e))),
    }
}

/// The ring geometry for `-B` KiB.
fn ring_geometry(kib: u32) -> (usize, usize) {
    let bytes = (kib as usize).max(256) * 1024;
    // Big blocks mean fewer wake-ups; at least 8 blocks so the kernel can
    // keep filling while we drain.
    let mut block = 1usize << 20;
    while block > 128 * 1024 && block * 8 > bytes {
        block /= 2;
    }
    (bytes, block)
}

/// Maps the ring, halving its size while the kernel lacks the memory (as
/// libpcap does), down to 1 MiB.
fn map_ring_shrinking(
    sock: &mut sys::PacketSocket,
    mut opts: sys::SocketOptions,
) -> std::io::Result<sys::Ring> {
    loop {
        match sock.map_ring(&opts) {
            Err(e) if e.raw_os_error() == Some(libc::ENOMEM) && opts.ring_bytes > 1 << 20 => {
                opts.ring_bytes /= 2;
                opts.block_bytes = opts.block_bytes.min(opts.ring_bytes / 8).max(128 << 10);
            }
            r => return r,
        }
    }
}

/// tcpdump's `-i N`: a number that is not an interface name is the N-th
/// entry of the `-D` list.
fn device_name(name: &str) -> Result<String, CliError> {
    match name.parse::<usize>() {
        Ok(n) if sys::ifindex(name).is_err() => {
            let list = iface::all()?;
            list.get(n.wrapping_sub(1))
                .map(|i| i.name.clone())
                .ok_or_else(|| CliError::new("Invalid adapter index"))
        }
        _ => Ok(name.to_string()),
    }
}

/// Where packets go.
enum Sink {
    File(savefile::RotatingWriter),
    Print { printer: Printer, out: Vec<u8>, line_buffered: bool, quiet: bool },
}

/// The userspace filter: the crate's interpreter when the program has no
/// ancillary loads, else ours, which reads them from the packet metadata.
enum UserFilter {
    Vm(crate::bpf::vm::Vm),
    Ancillary(Vec<Insn>),
}

impl UserFilter {
    fn new(prog: Vec<Insn>) -> UserFilter {
        match crate::bpf::vm::Vm::new(&prog) {
            Ok(vm) => UserFilter::Vm(vm),
            Err(_) => UserFilter::Ancillary(prog),
        }
    }

    fn run(&self, pkt: &[u8], wire_len: u32, aux: &userfilter::Aux) -> u32 {
        match self {
            UserFilter::Vm(vm) => vm.run(pkt, wire_len),
            UserFilter::Ancillary(prog) => userfilter::run(prog, pkt, wire_len, aux),
        }
    }
}

/// Everything the per-packet code needs, kept together for the hot loop.
struct Capture {
    kind: LinkKind,
    snaplen: u32,
    direction: Direction,
    user: Option<UserFilter>,
    rotating: bool,
    count: Option<u64>,
    captured: u64,
    scratch: Vec<u8>,
    sink: Sink,
}

/// Result of handling one packet.
#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

impl Capture {
    #[inline]
    fn packet(&mut self, f: &sys::Frame<'_>) -> std::io::Result<Flow> {
        match self.direction {
            Direction::InOut => {}
            Direction::In if f.meta.pkttype == link::PACKET_OUTGOING => return Ok(Flow::Continue),
            Direction::Out if f.meta.pkttype != link::PACKET_OUTGOING => return Ok(Flow::Continue),
            _ => {}
        }
        let tag = link::vlan_tag(f.status, f.vlan_tci, f.vlan_tpid);
        let mut hdr = [0u8; 20];
        let mut tagbuf = [0u8; 4];
        let mut hlen = 0;
        let meta = &f.meta;
        let mut limit = self.snaplen;
        if self.kind.cooked {
            hlen = link::cooked_header(self.kind, meta, meta.protocol, &mut hdr);
        }
        if let Some(prog) = &self.user {
            // Filter the packet as the compiler sees it: pseudo-header, no tag.
            self.scratch.clear();
            self.scratch.extend_from_slice(&hdr[..hlen]);
            self.scratch.extend_from_slice(f.data);
            let aux = userfilter::Aux {
                protocol: f.meta.protocol,
                pkttype: f.meta.pkttype,
                ifindex: f.meta.ifindex,
                hatype: f.meta.hatype,
                vlan_present: tag.is_some(),
                vlan_tci: f.vlan_tci,
                vlan_tpid: tag.map_or(0, |t| u16::from_be_bytes([t[0], t[1]])),
            };
            let keep = prog.run(&self.scratch, f.len + hlen as u32, &aux);
            if keep == 0 {
                return Ok(Flow::Continue);
            }
            limit = limit.min(keep);
        }
        // Assemble the saved packet from up to four pieces.
        let mut parts: [&[u8]; 4] = [&[], &[], &[], &[]];
        let mut wire = f.len + hlen as u32;
        // libpcap puts the tag back for Ethernet and SLL, not for SLL2.
        let tag = if self.kind.dlt == Dlt::LINUX_SLL2 { None } else { tag };
        match (tag, self.kind.cooked && hlen > 0) {
            (None, _) => {
                parts[0] = &hdr[..hlen];
                parts[1] = f.data;
            }
            (Some(t), true) => {
                // Cooked: protocol becomes the TPID, then TCI and the real
                // protocol start the payload, as on the wire.
                hlen = link::cooked_header(
                    self.kind,
                    meta,
                    u16::from_be_bytes([t[0], t[1]]),
                    &mut hdr,
                );
                tagbuf[0..2].copy_from_slice(&t[2..4]);
                tagbuf[2..4].copy_from_slice(&f.meta.protocol.to_be_bytes());
                parts[0] = &hdr[..hlen];
                parts[1] = &tagbuf;
                parts[2] = f.data;
                wire += 4;
            }
            (Some(t), false) if self.kind.dlt == Dlt::EN10MB && f.data.len() >= 12 => {
                tagbuf = t;
                parts[0] = &f.data[..12];
                parts[1] = &tagbuf;
                parts[2] = &f.data[12..];
                wire += 4;
            }
            (Some(_), false) => parts[1] = f.data,
        }
        let total: usize = parts.iter().map(|p| p.len()).sum();
        let caplen = (total as u32).min(limit);
        match &mut self.sink {
            Sink::File(w) => {
                if self.rotating && w.before_packet(i64::from(f.sec))? == savefile::Next::Stop {
                    return Ok(Flow::Stop);
                }
                w.writer.write(f.sec, f.nsec / 1000, caplen, wire, &parts)?;
            }
            Sink::Print { printer, out, line_buffered, quiet } => {
                if !*quiet {
                    self.scratch.clear();
                    let mut left = caplen as usize;
                    for p in parts {
                        let n = p.len().min(left);
                        self.scratch.extend_from_slice(&p[..n]);
                        left -= n;
                    }
                    let pkt = PacketRef {
                        ts_sec: i64::from(f.sec),
                        ts_usec: (f.nsec / 1000) as i32,
                        wire_len: wire,
                        data: &self.scratch,
                    };
                    printer.format(&pkt, out);
                    if *line_buffered || out.len() >= 1 << 16 {
                        flush_stdout(out)?;
                    }
                }
            }
        }
        self.captured += 1;
        if self.count.is_some_and(|c| self.captured >= c) {
            return Ok(Flow::Stop);
        }
        Ok(Flow::Continue)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.sink {
            Sink::File(w) => w.writer.flush(),
            Sink::Print { out, .. } => flush_stdout(out),
        }
    }
}

fn flush_stdout(out: &mut Vec<u8>) -> std::io::Result<()> {
    if out.is_empty() {
        return Ok(());
    }
    let mut so = std::io::stdout().lock();
    let r = so.write_all(out).and_then(|_| so.flush());
    out.clear();
    r
}

/// Checks, before privileges are dropped, that `user` will be able to
/// create the rotated files in the directory of `path`; creates the
/// directory for the user when it does not exist yet.
fn prepare_output_dir(path: &str, user: &sys::User) -> Result<(), CliError> {
    use std::os::unix::fs::MetadataExt;
    let p = std::path::Path::new(path);
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    if !dir.exists() {
        std::fs::create_dir_all(&dir)
            .map_err(|e| CliError::new(format!("{}: {}", dir.display(), strip_os(&e))))?;
        sys::chown(&dir, user.uid, user.gid)
            .map_err(|e| CliError::new(format!("{}: {}", dir.display(), strip_os(&e))))?;
        return Ok(());
    }
    let md = std::fs::metadata(&dir)
        .map_err(|e| CliError::new(format!("{}: {}", dir.display(), strip_os(&e))))?;
    let mode = md.mode();
    let writable = user.uid == 0
        || (md.uid() == user.uid && mode & 0o200 != 0)
        || (md.gid() == user.gid && mode & 0o020 != 0)
        || mode & 0o002 != 0;
    if !writable {
        return Err(CliError::new(format!(
            "{}: not writable by user {}: files rotated after dropping privileges (-Z) \
             could not be created there",
            dir.display(),
            user.name
        )));
    }
    Ok(())
}

/// Captures live.
pub fn run(cfg: &Config) -> Result<ExitCode, CliError> {
    let name = match &cfg.interface {
        Some(n) => device_name(n)?,
        None => iface::default_device()?,
    };
    let (dev, kind, mut target) = resolve(&name, cfg)?;
    if dev.index != 0 {
        target.netmask = sys::ipv4_netmask(&name);
    }
    let prog = filter_program(cfg, &target)?;
    let mut plan = link::kernel_program(&prog, kind, cfg.direction, cfg.snaplen);

    // 1. A socket that receives nothing yet.
    let mut sock =
        sys::PacketSocket::open(kind.cooked).map_err(|e| open_error(&name, "socket", &e))?;
    let (ring_bytes, block_bytes) = ring_geometry(cfg.buffer_kib.unwrap_or(DEFAULT_BUFFER_KIB));
    let opts = sys::SocketOptions {
        ifindex: dev.index,
        cooked: kind.cooked,
        ring_bytes,
        block_bytes,
        block_timeout_ms: 100,
        promisc: cfg.promisc && dev.index != 0,
        ignore_outgoing: cfg.direction == Direction::In,
    };
    let mut ring = map_ring_shrinking(&mut sock, opts.clone())
        .map_err(|e| open_error(&name, "can't mmap rx ring", &e))?;
    // 2. The filter, before any packet can arrive.
    if let Err(e) = sock.attach_filter(&plan.kernel) {
        eprintln!("Warning: Kernel filter failed: {}", strip_os(&e));
        plan = link::FilterPlan {
            kernel: vec![Insn::stmt(RET | K, cfg.snaplen)],
            user: Some(prog.clone()),
            why_user: None,
        };
        sock.attach_filter(&plan.kernel).map_err(|e| open_error(&name, "SO_ATTACH_FILTER", &e))?;
    } else if let Some(why) = &plan.why_user
        && why.starts_with("Kernel")
    {
        eprintln!("Warning: {why}");
    }
    if opts.promisc {
        sock.set_promisc(dev.index).map_err(|e| open_error(&name, "PACKET_ADD_MEMBERSHIP", &e))?;
    }
    // 3. Only now do packets flow.
    sock.bind(dev.index).map_err(|e| open_error(&name, "bind", &e))?;
    if dev.index != 0 && !dev.is_up() {
        return Err(CliError::new(format!("{name}: That device is not up")));
    }

    // Output, opened before privileges are dropped.
    let user = match &cfg.user {
        Some(u) => Some(sys::lookup_user(u).map_err(|e| CliError::new(strip_os(&e)))?),
        None => None,
    };
    let rotation = savefile::Rotation {
        size: cfg.file_size,
        seconds: cfg.rotate_seconds,
        count: cfg.file_count,
    };
    let rotating = rotation.size.is_some() || rotation.seconds.is_some();
    let sink = match &cfg.write {
        Some(path) => {
            if let (Some(u), true) = (&user, rotating && path != "-") {
                prepare_output_dir(path, u)?;
            }
            let owner = user.as_ref().map(|u| (u.uid, u.gid));
            let w = savefile::RotatingWriter::open(
                path,
                kind.dlt,
                cfg.snaplen,
                cfg.packet_buffered,
                rotation,
                owner,
                sys::now_secs(),
            )
            .map_err(|e| CliError::new(strip_os(&e)))?;
            Sink::File(w)
        }
        None => Sink::Print {
            printer: Printer::new(cfg.print.clone(), kind.dlt),
            out: Vec::with_capacity(1 << 16),
            line_buffered: cfg.print.line_buffered || cfg.packet_buffered,
            quiet: cfg.count_only,
        },
    };
    if let Some(u) = &user {
        sys::drop_privileges(u).map_err(|e| {
            CliError::new(format!("Couldn't change to '{}': {}", u.name, strip_os(&e)))
        })?;
    }
    if cfg.write.is_none() && cfg.print.verbose == 0 {
        eprintln!("bpfcap: verbose output suppressed, use -v[v]... for full protocol decode");
    }
    eprintln!(
        "bpfcap: listening on {name}, link-type {} ({}), snapshot length {} bytes",
        dlt_name(kind.dlt),
        dlt_description(kind.dlt),
        cfg.snaplen
    );
    sys::install_stop_handlers();

    let mut cap = Capture {
        kind,
        snaplen: cfg.snaplen,
        direction: cfg.direction,
        user: plan.user.map(UserFilter::new),
        rotating,
        count: cfg.count,
        captured: 0,
        scratch: Vec::with_capacity(1 << 16),
        sink,
    };
    let result = capture_loop(&mut sock, &mut ring, &mut cap, cfg.rotate_seconds.is_some());
    let flushed = cap.flush();
    let stats = sock.stats();
    drop(ring);
    eprintln!(
        "{} packet{} captured\n{} packet{} received by filter\n{} packet{} dropped by kernel",
        cap.captured,
        plural(cap.captured),
        stats.received,
        plural(stats.received),
        stats.dropped,
        plural(stats.dropped)
    );
    let broken_pipe = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    match (result, flushed) {
        (Err(e), _)
            if matches!(e.raw_os_error(), Some(libc::ENETDOWN | libc::ENODEV | libc::ENXIO)) =>
        {
            Err(CliError::new(format!("{name}: The interface disappeared")))
        }
        (Err(e), _) | (Ok(()), Err(e)) if !broken_pipe(&e) => Err(CliError::new(strip_os(&e))),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Drains the ring until `-c`, a signal, or an error.
fn capture_loop(
    sock: &mut sys::PacketSocket,
    ring: &mut sys::Ring,
    cap: &mut Capture,
    timed_rotation: bool,
) -> std::io::Result<()> {
    loop {
        if sys::stop_requested() {
            return Ok(());
        }
        let Some(block) = ring.next_block() else {
            // Nothing ready: hand what we have to the reader, then wait.
            if let Sink::Print { out, .. } = &mut cap.sink {
                flush_stdout(out)?;
            }
            sock.poll(200)?;
            if timed_rotation
                && let Sink::File(w) = &mut cap.sink
                && w.before_packet(sys::now_secs())? == savefile::Next::Stop
            {
                return Ok(());
            }
            continue;
        };
        for f in block.frames() {
            if cap.packet(&f)? == Flow::Stop {
                return Ok(());
            }
        }
        drop(block);
        // Printed lines appear block by block, not only when traffic pauses.
        if let Sink::Print { out, .. } = &mut cap.sink {
            flush_stdout(out)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_hook_parses() {
        let p = parse_decimal_program("2\n40 0 0 12\n6 0 0 96\n").unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1], Insn::stmt(RET | K, 96));
        assert!(parse_decimal_program("3\n40 0 0 12\n").is_err());
        assert!(parse_decimal_program("x").is_err());
    }

    #[test]
    fn geometry() {
        assert_eq!(ring_geometry(DEFAULT_BUFFER_KIB), (128 << 20, 1 << 20));
        assert_eq!(ring_geometry(1024), (1 << 20, 128 << 10));
    }
}
