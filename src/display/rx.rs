//! AFS's Rx remote procedure calls on UDP ports 7000 to 7009.
//!
//! At default verbosity tcpdump prints ` rx TYPE`, then for the first data
//! packet of a call (sequence 1, with a body) the service, `call` or
//! `reply`, the operation's name and a few of its arguments, then the UDP
//! payload length in parentheses:
//! ` rx data fs call fetch-status fid 536871098/846/1049757 (44)`. Acks
//! show the first packet, the serial they answer, the reason and the
//! packets acknowledged (`first 2 serial 7 reason delay acked 2`).
//!
//! The service of a call is named by its destination port (7000 fs, 7001
//! cb, 7002 pt, 7003 vldb, 7004 kauth, 7005 vol, 7007 bos), the service
//! of a reply by its source port. A reply carries no operation code, so,
//! as tcpdump does, we remember the last 64 calls (call number, addresses,
//! server port and operation; not the connection) and name a reply by a
//! remembered call that matches. Which one, when several match, follows
//! tcpdump: the search starts at the entry the previous search found and
//! goes forward, wrapping around. Simulating the corpus's 124 calls and
//! replies shows this is the order that names every reply as tcpdump
//! does (a reply to pt's list-elements comes out as an older list-entry).
//!
//! Operation names and call arguments come from a table ([`rxops`]) for
//! fs, cb, pt, vldb, kauth, vol, bos and ubik, built from tcpdump's
//! output on the corpus and on crafted calls; replies show the results
//! tcpdump shows (new fids, id and name lists, volume location entries,
//! volume status, ubik versions). The `-v` header fields (connection,
//! call number, serial, flags) and the ack trailer (MTUs, window) are not
//! printed.

use super::ip::Addrs;
use super::rxops::{self, A};
use super::{Bytes, fmt};

/// The Rx header length.
const HDR: usize = 28;
/// How many calls are remembered for naming replies.
const CACHE: usize = 64;

/// One remembered call.
#[derive(Clone, Copy, Default)]
struct Call {
    callnum: u32,
    client: [u8; 16],
    server: [u8; 16],
    server_port: u16,
    opcode: u32,
}

/// The calls remembered for naming replies, oldest slot first until it
/// wraps.
pub(crate) struct RxCache {
    calls: Box<[Call; CACHE]>,
    used: [bool; CACHE],
    next: usize,
    /// Where the last successful search found its call.
    hint: usize,
}

impl Default for RxCache {
    fn default() -> Self {
        RxCache {
            calls: Box::new([Call::default(); CACHE]),
            used: [false; CACHE],
            next: 0,
            hint: 0,
        }
    }
}

fn addr16(a: &[u8]) -> [u8; 16] {
    let mut k = [0u8; 16];
    let n = a.len().min(16);
    k[..n].copy_from_slice(&a[..n]);
    k
}

impl RxCache {
    fn insert(&mut self, c: Call) {
        self.calls[self.next] = c;
        self.used[self.next] = true;
        self.next = (self.next + 1) % CACHE;
    }

    fn find(&mut self, callnum: u32, client: &[u8], server: &[u8], sport: u16) -> Option<u32> {
        let (client, server) = (addr16(client), addr16(server));
        for k in 0..CACHE {
            let i = (self.hint + k) % CACHE;
            let c = &self.calls[i];
            if self.used[i]
                && c.callnum == callnum
                && c.client == client
                && c.server == server
                && c.server_port == sport
            {
                self.hint = i;
                return Some(c.opcode);
            }
        }
        None
    }
}

/// A reader of 32-bit XDR words; `None` means the capture ended.
struct Rd<'a> {
    b: Bytes<'a>,
    off: usize,
}

impl<'a> Rd<'a> {
    fn u32(&mut self) -> Option<u32> {
        let v = self.b.u32(self.off)?;
        self.off += 4;
        Some(v)
    }
    fn i32(&mut self) -> Option<i32> {
        self.u32().map(|v| v as i32)
    }
    fn skip(&mut self, n: usize) -> Option<()> {
        self.b.slice(self.off, n)?;
        self.off += n;
        Some(())
    }
}

fn signed(out: &mut Vec<u8>, v: i32) {
    if v < 0 {
        out.push(b'-');
    }
    fmt::u(out, v.unsigned_abs() as u64);
}

fn text_byte(out: &mut Vec<u8>, c: u8) {
    super::krb::vis_byte(out, c);
}

/// ` "text"` from an XDR string (length, bytes, padding).
fn xdr_string(out: &mut Vec<u8>, r: &mut Rd<'_>) -> Option<()> {
    let n = r.u32()? as usize;
    let s = r.b.slice(r.off, n)?;
    fmt::s(out, " \"");
    for &c in s {
        text_byte(out, c);
    }
    out.push(b'"');
    r.off += n.div_ceil(4) * 4;
    Some(())
}

/// ` "text"` from a fixed array of `max` characters, each sent as a
/// 32-bit word (how rxgen encodes `char name[N]`), up to its NUL.
fn char_vector(out: &mut Vec<u8>, r: &mut Rd<'_>, max: usize) -> Option<()> {
    r.b.slice(r.off, max * 4)?;
    fmt::s(out, " \"");
    for i in 0..max {
        let c = r.b.u32(r.off + i * 4)? as u8;
        if c == 0 {
            break;
        }
        text_byte(out, c);
    }
    out.push(b'"');
    r.off += max * 4;
    Some(())
}

/// ` fid VOLUME/VNODE/UNIQUE`.
fn fid(out: &mut Vec<u8>, r: &mut Rd<'_>) -> Option<()> {
    let (v, n, u) = (r.u32()?, r.u32()?, r.u32()?);
    fmt::s(out, " fid ");
    fmt::u(out, v as u64);
    out.push(b'/');
    fmt::u(out, n as u64);
    out.push(b'/');
    fmt::u(out, u as u64);
    Some(())
}

/// ` StoreStatus` and the fields its mask selects.
fn store_status(out: &mut Vec<u8>, r: &mut Rd<'_>) -> Option<()> {
    let (mask, date, owner, group, mode, seg) =
        (r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?);
    if mask == 0 {
        return Some(());
    }
    fmt::s(out, " StoreStatus");
    if mask & 1 != 0 {
        fmt::s(out, " date ");
        date_time(out, date);
    }
    if mask & 2 != 0 {
        fmt::s(out, " owner ");
        fmt::u(out, owner as u64);
    }
    if mask & 4 != 0 {
        fmt::s(out, " group ");
        fmt::u(out, group as u64);
    }
    if mask & 8 != 0 {
        fmt::s(out, " mode ");
        octal(out, mode & 0o7777);
    }
    if mask & 16 != 0 {
        fmt::s(out, " segsize ");
        fmt::u(out, seg as u64);
    }
    Some(())
}

/// `YYYY/MM/DD HH:MM:SS` (UTC) of a time in seconds.
fn date_time(out: &mut Vec<u8>, secs: u32) {
    let t = i64::from(secs);
    let (y, m, d) = fmt::civil_from_days(t.div_euclid(86_400));
    fmt::u(out, y as u64);
    out.push(b'/');
    fmt::u_pad(out, m as u64, 2);
    out.push(b'/');
    fmt::u_pad(out, d as u64, 2);
    out.push(b' ');
    fmt::hms(out, t.rem_euclid(86_400) as u64);
}

fn octal(out: &mut Vec<u8>, v: u32) {
    let mut buf = [0u8; 11];
    let mut i = buf.len();
    let mut v = v;
    loop {
        i -= 1;
        buf[i] = b'0' + (v & 7) as u8;
        v >>= 3;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// The Rx services tcpdump dissects, by port.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Svc {
    Fs,
    Cb,
    Pt,
    Vldb,
    Kauth,
    Vol,
    Bos,
}

fn service(port: u16) -> Option<Svc> {
    Some(match port {
        7000 => Svc::Fs,
        7001 => Svc::Cb,
        7002 => Svc::Pt,
        7003 => Svc::Vldb,
        7004 => Svc::Kauth,
        7005 => Svc::Vol,
        7007 => Svc::Bos,
        _ => return None,
    })
}

fn svc_name(s: Svc) -> &'static str {
    match s {
        Svc::Fs => "fs",
        Svc::Cb => "cb",
        Svc::Pt => "pt",
        Svc::Vldb => "vldb",
        Svc::Kauth => "kauth",
        Svc::Vol => "vol",
        Svc::Bos => "bos",
    }
}

/// An operation's name, from tcpdump's table ([`rxops`]).
fn op_name(s: Svc, op: u32) -> Option<&'static str> {
    rxops::op(s, op).map(|(n, _)| n)
}

fn type_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "data",
        2 => "ack",
        3 => "busy",
        4 => "abort",
        5 => "ackall",
        6 => "challenge",
        7 => "response",
        8 => "debug",
        9 => "params",
        13 => "version",
        _ => return None,
    })
}

fn reason_name(r: u8) -> Option<&'static str> {
    Some(match r {
        1 => "ack requested",
        2 => "duplicate packet",
        3 => "out of sequence",
        4 => "exceeds window",
        5 => "no buffer space",
        6 => "ping",
        7 => "ping response",
        8 => "delay",
        9 => "idle",
        _ => return None,
    })
}

/// Whether either port is one of Rx's.
pub(crate) fn is_rx(sport: u16, dport: u16) -> bool {
    (7000..=7009).contains(&sport) || (7000..=7009).contains(&dport)
}

/// How a body ended.
enum End {
    /// Printed in full: the length follows.
    Done,
    /// A fixed field ran past the capture: ` [|rx]` ends the line.
    Trunc,
}

/// Prints an Rx packet (the UDP payload `data`, `len` bytes long);
/// false if it ended with ` [|rx]`, where tcpdump's `-x` dump starts at
/// the link layer.
pub(crate) fn print(
    cache: &mut RxCache,
    addrs: &Addrs<'_>,
    sport: u16,
    dport: u16,
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) -> bool {
    let b = Bytes(data);
    fmt::s(out, " rx");
    let (Some(callnum), Some(seq), Some(ty), Some(flags)) =
        (b.u32(8), b.u32(12), b.u8(20), b.u8(21))
    else {
        fmt::s(out, " [|rx]");
        return false;
    };
    if b.u16(26).is_none() {
        fmt::s(out, " [|rx]");
        return false;
    }
    out.push(b' ');
    match type_name(ty) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "type ");
            fmt::u(out, ty as u64);
        }
    }
    let body = Rd { b, off: HDR };
    let end = match ty {
        1 if seq == 1 && len > HDR => {
            if flags & 1 != 0 {
                call(cache, addrs, dport, callnum, body, out)
            } else {
                reply(cache, addrs, sport, callnum, body, out)
            }
        }
        2 => ack(body, out),
        _ => Some(End::Done),
    };
    match end {
        Some(End::Done) => {
            fmt::s(out, " (");
            fmt::u(out, len as u64);
            out.push(b')');
            true
        }
        Some(End::Trunc) | None => {
            fmt::s(out, " [|rx]");
            false
        }
    }
}

/// An ack's first packet, serial, reason and acknowledged packets.
fn ack(mut r: Rd<'_>, out: &mut Vec<u8>) -> Option<End> {
    r.skip(4)?;
    let first = r.u32()?;
    r.skip(4)?;
    let serial = r.u32()?;
    let reason = r.b.u8(r.off)?;
    let n = r.b.u8(r.off + 1)? as usize;
    let acks = r.b.slice(r.off + 2, n)?;
    fmt::s(out, " first ");
    fmt::u(out, first as u64);
    fmt::s(out, " serial ");
    fmt::u(out, serial as u64);
    fmt::s(out, " reason ");
    match reason_name(reason) {
        Some(s) => fmt::s(out, s),
        None => {
            out.push(b'#');
            fmt::u(out, reason as u64);
        }
    }
    for (want, label) in [(1u8, " acked "), (0u8, " nacked ")] {
        let mut any = false;
        let mut i = 0;
        while i < n {
            if acks[i] != want {
                i += 1;
                continue;
            }
            let start = i;
            while i + 1 < n && acks[i + 1] == want {
                i += 1;
            }
            fmt::s(out, if any { "," } else { label });
            any = true;
            let lo = first.wrapping_add(start as u32);
            fmt::u(out, lo as u64);
            if i > start {
                out.push(b'-');
                fmt::u(out, first.wrapping_add(i as u32) as u64);
            }
            i += 1;
        }
    }
    Some(End::Done)
}

/// The first packet of a call: service, operation, arguments; remembers
/// the call for its reply.
fn call(
    cache: &mut RxCache,
    addrs: &Addrs<'_>,
    dport: u16,
    callnum: u32,
    mut r: Rd<'_>,
    out: &mut Vec<u8>,
) -> Option<End> {
    let Some(svc) = service(dport) else {
        return Some(End::Done);
    };
    let op = r.u32()?;
    cache.insert(Call {
        callnum,
        client: addr16(addrs.src),
        server: addr16(addrs.dst),
        server_port: dport,
        opcode: op,
    });
    out.push(b' ');
    fmt::s(out, svc_name(svc));
    if let (Svc::Pt | Svc::Vldb | Svc::Kauth, Some((name, spec, _))) = (svc, rxops::ubik(op)) {
        fmt::s(out, " ubik call ");
        fmt::s(out, name);
        return args(spec, &mut r, out);
    }
    fmt::s(out, " call ");
    let Some((name, spec)) = rxops::op(svc, op) else {
        fmt::s(out, "op#");
        fmt::u(out, op as u64);
        return Some(End::Done);
    };
    fmt::s(out, name);
    args(spec, &mut r, out)
}

/// Prints a call's arguments as its table entry lists them.
fn args(spec: &[A], r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<End> {
    let mut after_ticket = false;
    for a in spec {
        let done = match *a {
            A::Lbl(t) => {
                fmt::s(out, t);
                Some(())
            }
            A::U(l) | A::I(l) | A::U64(l) | A::Date(l) => number(*a, l, r, out),
            A::Str => xdr_string(out, r),
            A::Fid => fid(out, r),
            A::Fids => fids(r, out),
            A::Callbacks => callbacks(r, out),
            A::Store => store_status(out, r),
            A::VolType => {
                let t = r.u32();
                match t {
                    Some(0) => fmt::s(out, " type read-write"),
                    Some(1) => fmt::s(out, " type read-only"),
                    Some(2) => fmt::s(out, " type backup"),
                    _ => {}
                }
                t.map(|_| ())
            }
            A::Uuid => {
                // Only cb carries UUIDs; a cut one ends with cb's marker
                // and the line goes on.
                if r.b.slice(r.off, 44).is_none() {
                    fmt::s(out, " [|cb]");
                    return Some(End::Done);
                }
                uuid(r, out)
            }
            A::Dest => dest(r, out),
            A::Dests => dests(r, out),
            A::YesNo(l) => {
                out.push(b' ');
                fmt::s(out, l);
                r.u32().map(|v| fmt::s(out, if v != 0 { " yes" } else { " no" }))
            }
            A::Ver(l) => {
                out.push(b' ');
                fmt::s(out, l);
                r.u32().zip(r.u32()).map(|(e, c)| {
                    out.push(b' ');
                    fmt::u(out, e as u64);
                    out.push(b'.');
                    fmt::u(out, c as u64);
                })
            }
            A::Skip => r.u32().map(|_| ()),
            A::Ticket => {
                after_ticket = true;
                r.u32().and_then(|n| r.skip(n as usize))
            }
            A::Names => return pt_names(r, out),
            A::Ids => return pt_ids(r, out),
            A::VlEntry => {
                if r.b.slice(r.off, 65 * 4).is_none() {
                    fmt::s(out, " [|vldb]");
                    return Some(End::Done);
                }
                char_vector(out, r, 65)
            }
        };
        if done.is_none() && after_ticket {
            fmt::s(out, " [|kauth]");
            return Some(End::Done);
        }
        done?;
    }
    Some(End::Done)
}

/// A labelled number (` offset 0`), or a date (` fromdate 1970/01/01
/// 00:00:00`).
fn number(a: A, label: &str, r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    // tcpdump writes the label before it reads the value, so a value cut
    // short leaves the label on the line.
    if !label.is_empty() {
        out.push(b' ');
        fmt::s(out, label);
    }
    let v = match a {
        A::U64(_) => {
            let hi = r.u32()?;
            (u64::from(hi) << 32) | u64::from(r.u32()?)
        }
        _ => u64::from(r.u32()?),
    };
    out.push(b' ');
    match a {
        A::I(_) => signed(out, v as u32 as i32),
        A::Date(_) => date_time(out, v as u32),
        _ => fmt::u(out, v),
    }
    Some(())
}

/// A counted list of fids, comma-separated; ` <none!>` when empty.
fn fids(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let n = r.u32()?;
    if n == 0 {
        fmt::s(out, " <none!>");
    }
    for i in 0..n.min(1024) {
        if i > 0 {
            out.push(b',');
        }
        fid(out, r)?;
    }
    Some(())
}

/// The callback list after a cb callback's fids: `; ver V expires
/// DATE` for each (the callback type is not shown).
fn callbacks(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let n = r.u32()?;
    if n > 0 {
        out.push(b';');
    }
    for _ in 0..n.min(1024) {
        let (ver, exp) = (r.u32()?, r.u32()?);
        r.u32()?;
        fmt::s(out, " ver ");
        fmt::u(out, ver as u64);
        fmt::s(out, " expires ");
        date_time(out, exp);
    }
    Some(())
}

/// A counted list of ` server HOST:PORT:SSID`, comma-separated;
/// ` <none!>` when empty.
fn dests(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let n = r.u32()?;
    if n == 0 {
        fmt::s(out, " <none!>");
    }
    for i in 0..n.min(1024) {
        if i > 0 {
            out.push(b',');
        }
        fmt::s(out, " server");
        dest(r, out)?;
    }
    Some(())
}

/// An AFS UUID: eleven words printed as 32 hex digits.
fn uuid(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let (lo, mid, hi) = (r.u32()?, r.u32()?, r.u32()?);
    out.push(b' ');
    fmt::x_pad(out, lo as u64, 8);
    fmt::x_pad(out, (mid & 0xffff) as u64, 4);
    fmt::x_pad(out, (hi & 0xffff) as u64, 4);
    for _ in 0..8 {
        fmt::x_pad(out, (r.u32()? & 0xff) as u64, 2);
    }
    Some(())
}

/// A volume server destination: ` HOST:PORT:SSID`.
fn dest(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let (h, p, s) = (r.u32()?, r.u32()?, r.u32()?);
    out.push(b' ');
    fmt::u(out, h as u64);
    out.push(b':');
    fmt::u(out, p as u64);
    out.push(b':');
    fmt::u(out, s as u64);
    Some(())
}

/// A pt name list: a count, then names of 64 characters.
fn pt_names(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<End> {
    let n = r.u32()?;
    if n == 0 {
        fmt::s(out, " <none!>");
    }
    for _ in 0..n.min(1024) {
        if r.b.slice(r.off, 256).is_none() {
            fmt::s(out, " [|pt]");
            return Some(End::Done);
        }
        char_vector(out, r, 64)?;
    }
    Some(End::Done)
}

/// ` ids:` and a pt id list.
fn pt_ids(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<End> {
    let n = r.u32()?;
    fmt::s(out, " ids:");
    if n == 0 {
        fmt::s(out, " <none!>");
    }
    for _ in 0..n.min(16384) {
        let Some(id) = r.i32() else {
            fmt::s(out, " [|pt]");
            return Some(End::Done);
        };
        out.push(b' ');
        signed(out, id);
    }
    Some(End::Done)
}

/// The first packet of a reply, named after its remembered call.
fn reply(
    cache: &mut RxCache,
    addrs: &Addrs<'_>,
    sport: u16,
    callnum: u32,
    mut r: Rd<'_>,
    out: &mut Vec<u8>,
) -> Option<End> {
    let Some(svc) = service(sport) else {
        return Some(End::Done);
    };
    let Some(op) = cache.find(callnum, addrs.dst, addrs.src, sport) else {
        return Some(End::Done);
    };
    out.push(b' ');
    fmt::s(out, svc_name(svc));
    if let (Svc::Pt | Svc::Vldb | Svc::Kauth, Some((name, _, spec))) = (svc, rxops::ubik(op)) {
        fmt::s(out, " ubik reply ");
        fmt::s(out, name);
        return args(spec, &mut r, out);
    }
    fmt::s(out, " reply ");
    match op_name(svc, op) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "op#");
            fmt::u(out, op as u64);
            return Some(End::Done);
        }
    }
    let ok = match (svc, op) {
        (Svc::Pt, 504) => return pt_ids(&mut r, out),
        (Svc::Pt, 505) => return pt_names(&mut r, out),
        (Svc::Pt, 508 | 514 | 517..=519) => return id_list(&mut r, out),
        (Svc::Vldb, 503 | 504 | 518 | 519) => {
            // The whole entry must be there before tcpdump prints any of
            // it.
            let size = if op < 510 { 384 } else { 476 };
            if r.b.slice(r.off, size).is_none() {
                fmt::s(out, " [|vldb]");
                return Some(End::Done);
            }
            vldb_entry(&mut r, out, op > 510)
        }
        (Svc::Vldb, 510 | 521 | 526 | 527 | 529) => {
            if matches!(op, 510 | 521 | 529) {
                let (c, n) = (r.u32()?, r.u32()?);
                fmt::s(out, " count ");
                fmt::u(out, c as u64);
                fmt::s(out, " nextindex ");
                fmt::u(out, n as u64);
            }
            let size = match op {
                510 => 384,
                521 => 476,
                _ => usize::MAX,
            };
            if r.b.slice(r.off, size).is_none() {
                fmt::s(out, " [|vldb]");
                return Some(End::Done);
            }
            vldb_entry(&mut r, out, op == 521)
        }
        (Svc::Vol, 116 | 121) => {
            if vol_entry(&mut r, out).is_none() {
                fmt::s(out, " [|vol]");
            }
            return Some(End::Done);
        }
        _ => match rxops::reply(svc, op) {
            Some(spec) => return args(spec, &mut r, out),
            None => Some(()),
        },
    };
    Some(if ok.is_some() { End::Done } else { End::Trunc })
}

/// A counted list of pt ids (` <none!>` when empty).
fn id_list(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<End> {
    let n = r.u32()?;
    if n == 0 {
        fmt::s(out, " <none!>");
    }
    for _ in 0..n.min(16384) {
        let Some(id) = r.u32() else {
            fmt::s(out, " [|pt]");
            return Some(End::Done);
        };
        out.push(b' ');
        signed(out, id as i32);
    }
    Some(End::Done)
}

/// A volume location entry: name, servers, partitions, volume ids. The
/// `-n` entries hold 13 servers and no volume type, the old ones 8.
fn vldb_entry(r: &mut Rd<'_>, out: &mut Vec<u8>, n_form: bool) -> Option<()> {
    char_vector(out, r, 65)?;
    if !n_form {
        r.skip(4)?;
    }
    let max = if n_form { 13 } else { 8 };
    let n = r.u32()? as usize;
    fmt::s(out, " numservers ");
    fmt::u(out, n as u64);
    let base = r.off;
    r.skip(max * 4 * 3)?;
    let shown = n.min(max);
    fmt::s(out, " servers");
    for i in 0..shown {
        out.push(b' ');
        fmt::ipv4(out, r.b.slice(base + i * 4, 4)?);
    }
    fmt::s(out, " partitions");
    for i in 0..shown {
        let p = r.b.u32(base + max * 4 + i * 4)?;
        out.push(b' ');
        if p < 26 {
            out.push(b'a' + p as u8);
        } else if p < 255 {
            out.push(b'a' + (p / 26 - 1) as u8);
            out.push(b'a' + (p % 26) as u8);
        } else {
            out.push(b'?');
        }
    }
    for label in [" rwvol ", " rovol ", " backup "] {
        let v = r.u32()?;
        fmt::s(out, label);
        fmt::u(out, v as u64);
    }
    Some(())
}

/// The volume server's one-volume listing: name, id and the `type`
/// label (tcpdump prints no value after it).
fn vol_entry(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    r.skip(4)?;
    fmt::s(out, " name");
    char_vector(out, r, 32)?;
    let id = r.u32()?;
    fmt::s(out, " volid ");
    fmt::u(out, id as u64);
    fmt::s(out, " type");
    Some(())
}
