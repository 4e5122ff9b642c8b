//! DNS queries and answers, as tcpdump summarizes them without `-v`:
//! `ID+ [1au] A? name. (LEN)` for a query and
//! `ID*- 2/0/0 A 192.0.2.1, A 192.0.2.2 (LEN)` for a response.
//!
//! Names follow compression pointers only backwards and at most a fixed
//! number of times, so a looping or hostile message cannot hang the
//! printer.

use super::ip::addr;
use super::{Bytes, Printer, fmt};

/// tcpdump's names for RR types.
fn type_name(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "A",
        2 => "NS",
        3 => "MD",
        4 => "MF",
        5 => "CNAME",
        6 => "SOA",
        7 => "MB",
        8 => "MG",
        9 => "MR",
        10 => "NULL",
        11 => "WKS",
        12 => "PTR",
        13 => "HINFO",
        14 => "MINFO",
        15 => "MX",
        16 => "TXT",
        17 => "RP",
        18 => "AFSDB",
        19 => "X25",
        20 => "ISDN",
        21 => "RT",
        22 => "NSAP",
        23 => "NSAP_PTR",
        24 => "SIG",
        25 => "KEY",
        26 => "PX",
        27 => "GPOS",
        28 => "AAAA",
        29 => "LOC",
        30 => "NXT",
        31 => "EID",
        32 => "NIMLOC",
        33 => "SRV",
        34 => "ATMA",
        35 => "NAPTR",
        36 => "KX",
        37 => "CERT",
        38 => "A6",
        39 => "DNAME",
        40 => "SINK",
        41 => "OPT",
        42 => "APL",
        43 => "DS",
        44 => "SSHFP",
        45 => "IPSECKEY",
        46 => "RRSIG",
        47 => "NSEC",
        48 => "DNSKEY",
        49 => "DHCID",
        50 => "NSEC3",
        51 => "NSEC3PARAM",
        52 => "TLSA",
        53 => "SMIMEA",
        55 => "HIP",
        59 => "CDS",
        60 => "CDNSKEY",
        61 => "OPENPGPKEY",
        62 => "CSYNC",
        63 => "ZONEMD",
        64 => "SVCB",
        65 => "HTTPS",
        99 => "SPF",
        100 => "UINFO",
        101 => "UID",
        102 => "GID",
        103 => "UNSPEC",
        249 => "TKEY",
        250 => "TSIG",
        251 => "IXFR",
        252 => "AXFR",
        253 => "MAILB",
        254 => "MAILA",
        255 => "ANY",
        256 => "URI",
        257 => "CAA",
        _ => return None,
    })
}

fn write_type(out: &mut Vec<u8>, t: u16) {
    match type_name(t) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "Type");
            fmt::u(out, t as u64);
        }
    }
}

/// Writes the name at `off` and returns the offset just past it in the
/// original position, or `None` if the message is truncated or malformed.
fn name(msg: &[u8], off: usize, out: &mut Vec<u8>) -> Option<usize> {
    let mut pos = off;
    let mut end = None;
    let mut jumps = 0;
    let mut any = false;
    loop {
        let l = *msg.get(pos)?;
        match l & 0xc0 {
            0xc0 => {
                let target = (((l & 0x3f) as usize) << 8) | *msg.get(pos + 1)? as usize;
                if end.is_none() {
                    end = Some(pos + 2);
                }
                jumps += 1;
                if jumps > 64 || target >= msg.len() {
                    return None;
                }
                pos = target;
            }
            0x00 => {
                if l == 0 {
                    if !any {
                        out.push(b'.');
                    }
                    return Some(end.unwrap_or(pos + 1));
                }
                let label = msg.get(pos + 1..pos + 1 + l as usize)?;
                for &c in label {
                    if (0x21..0x7f).contains(&c) || c == b' ' {
                        out.push(c);
                    } else {
                        out.push(b'\\');
                        fmt::u_pad(out, c as u64, 3);
                    }
                }
                out.push(b'.');
                any = true;
                pos += 1 + l as usize;
            }
            _ => return None,
        }
    }
}

/// Skips a name without printing it.
fn skip_name(msg: &[u8], off: usize) -> Option<usize> {
    let mut pos = off;
    loop {
        let l = *msg.get(pos)?;
        match l & 0xc0 {
            0xc0 => {
                msg.get(pos + 1)?;
                return Some(pos + 2);
            }
            0x00 if l == 0 => return Some(pos + 1),
            0x00 => pos += 1 + l as usize,
            _ => return None,
        }
    }
}

/// Skips one RR; returns the offset past it and its type and TTL.
fn skip_rr(msg: &[u8], off: usize) -> Option<(usize, u16, u32)> {
    let b = Bytes(msg);
    let p = skip_name(msg, off)?;
    let (typ, ttl, rdlen) = (b.u16(p)?, b.u32(p + 4)?, b.u16(p + 8)? as usize);
    Some((p + 10 + rdlen, typ, ttl))
}

/// The extended RCODE bits from an OPT record in the additional section.
fn opt_ext_rcode(msg: &[u8], qd: u16, skip: usize, ar: u16) -> Option<u8> {
    let mut off = 12;
    for _ in 0..qd {
        off = skip_name(msg, off)? + 4;
    }
    for _ in 0..skip {
        off = skip_rr(msg, off)?.0;
    }
    for _ in 0..ar {
        let (next, typ, ttl) = skip_rr(msg, off)?;
        if typ == 41 {
            return Some((ttl >> 24) as u8);
        }
        off = next;
    }
    None
}

/// One answer RR (` TYPE DATA`); returns the offset past it.
/// With `-v` the record's owner name comes first.
/// How printing a resource record ended early.
enum RrStop {
    /// Nothing useful was printed: the caller removes the partial text.
    Drop,
    /// With -v the record's name could not be read: tcpdump reports the
    /// truncation.
    Name,
    /// With -v the name was printed but the rest is missing: tcpdump keeps
    /// the name and stops quietly.
    Rest,
}

fn rr(msg: &[u8], off: usize, out: &mut Vec<u8>, verbose: bool) -> Result<usize, RrStop> {
    if verbose {
        out.push(b' ');
        name(msg, off, out).ok_or(RrStop::Name)?;
        return rr_body(msg, off, out, true).ok_or(RrStop::Rest);
    }
    rr_body(msg, off, out, false).ok_or(RrStop::Drop)
}

/// A record after its name (which `rr` has printed with -v).
fn rr_body(msg: &[u8], off: usize, out: &mut Vec<u8>, verbose: bool) -> Option<usize> {
    let b = Bytes(msg);
    let p = skip_name(msg, off)?;
    let (typ, _class, rdlen) = (b.u16(p)?, b.u16(p + 2)?, b.u16(p + 8)? as usize);
    let rd = p + 10;
    let rdata = b.slice(rd, rdlen)?;
    out.push(b' ');
    write_type(out, typ);
    match typ {
        1 if rdlen == 4 => {
            out.push(b' ');
            fmt::ipv4(out, rdata);
        }
        28 if rdlen == 16 => {
            out.push(b' ');
            addr(out, rdata);
        }
        2 | 5 | 12 | 39 => {
            out.push(b' ');
            name(msg, rd, out)?;
        }
        15 => {
            out.push(b' ');
            name(msg, rd + 2, out)?;
            out.push(b' ');
            fmt::u(out, b.u16(rd)? as u64);
        }
        33 => {
            out.push(b' ');
            name(msg, rd + 6, out)?;
            out.push(b':');
            fmt::u(out, b.u16(rd + 4)? as u64);
            out.push(b' ');
            fmt::u(out, b.u16(rd)? as u64);
            out.push(b' ');
            fmt::u(out, b.u16(rd + 2)? as u64);
        }
        256 if rdlen >= 4 => {
            out.push(b' ');
            fmt::u(out, b.u16(rd)? as u64);
            out.push(b' ');
            fmt::u(out, b.u16(rd + 2)? as u64);
            out.push(b' ');
            for &c in &rdata[4..] {
                out.push(if (0x20..0x7f).contains(&c) { c } else { b'.' });
            }
        }
        // The SOA fields are printed with -v only.
        6 if verbose => {
            out.push(b' ');
            let rname = skip_name(msg, rd)?;
            name(msg, rd, out)?;
            out.push(b' ');
            name(msg, rname, out)?;
            let nums = skip_name(msg, rname)?;
            for i in 0..5 {
                out.push(b' ');
                fmt::u(out, b.u32(nums + 4 * i)? as u64);
            }
        }
        16 => {
            let mut i = 0;
            while i < rdata.len() {
                let l = rdata[i] as usize;
                let s = rdata.get(i + 1..i + 1 + l)?;
                fmt::s(out, " \"");
                for &c in s {
                    out.push(if (0x20..0x7f).contains(&c) { c } else { b'.' });
                }
                out.push(b'"');
                i += 1 + l;
            }
        }
        _ => {}
    }
    Some(rd + rdlen)
}

/// A DNS message (`msg` is what was captured, `len` its full length).
/// tcpdump's names for DNS opcodes (printed after the id; Query has none).
const OPCODES: [&str; 16] = [
    "",
    " inv_q",
    " stat",
    " op3",
    " notify",
    " update",
    " op6",
    " op7",
    " op8",
    " updateA",
    " updateD",
    " updateDA",
    " updateM",
    " updateMA",
    " zoneInit",
    " zoneRef",
];

pub(crate) fn print(p: &mut Printer, msg: &[u8], len: usize, out: &mut Vec<u8>) {
    if len < 12 {
        fmt::s(out, "domain [length ");
        fmt::u(out, len as u64);
        fmt::s(out, " < 12] (invalid)");
        return;
    }
    let b = Bytes(msg);
    let (Some(id), Some(flags)) = (b.u16(0), b.u16(2)) else {
        fmt::s(out, "[|domain]");
        return;
    };
    fmt::u(out, id as u64);
    let qr = flags & 0x8000 != 0;
    let opcode = (flags >> 11) & 15;
    fmt::s(out, OPCODES[opcode as usize]);
    let counts = (b.u16(4), b.u16(6), b.u16(8), b.u16(10));
    if qr {
        let mut rcode = flags & 15;
        if let (Some(qd), Some(an), Some(ns), Some(ar)) = counts
            && ar > 0
            && let Some(ext) = opt_ext_rcode(msg, qd, an as usize + ns as usize, ar)
        {
            rcode |= (ext as u16) << 4;
        }
        if rcode != 0 {
            out.push(b' ');
            fmt::s(
                out,
                match rcode {
                    1 => "FormErr",
                    2 => "ServFail",
                    3 => "NXDomain",
                    4 => "NotImp",
                    5 => "Refused",
                    6 => "YXDomain",
                    7 => "YXRRSet",
                    8 => "NXRRSet",
                    9 => "NotAuth",
                    10 => "NotZone",
                    15 => "NoChange",
                    16 => "BadVers",
                    17 => "BadKey",
                    18 => "BadTime",
                    19 => "BadMode",
                    20 => "BadName",
                    21 => "BadAlg",
                    22 => "BadTrunc",
                    23 => "BadCookie",
                    _ => "Resp",
                },
            );
            if !matches!(rcode, 1..=10 | 15..=23) {
                fmt::u(out, rcode as u64);
            }
        }
        if flags & 0x0400 != 0 {
            out.push(b'*');
        }
        if flags & 0x0080 == 0 {
            out.push(b'-');
        }
        if flags & 0x0200 != 0 {
            out.push(b'|');
        }
        if flags & 0x0020 != 0 {
            out.push(b'$');
        }
        let (Some(qd), Some(an), Some(ns), Some(ar)) = counts else {
            fmt::s(out, " [|domain]");
            return;
        };
        if qd != 1 {
            fmt::s(out, " [");
            fmt::u(out, qd as u64);
            fmt::s(out, "q]");
        }
        // Skip the questions; tcpdump writes a comma before each after the
        // first (where -vv would print them).
        let mut off = 12;
        for i in 0..qd {
            if i > 0 {
                out.push(b',');
            }
            match skip_name(msg, off) {
                Some(p) if p + 4 <= msg.len() => off = p + 4,
                _ => {
                    fmt::s(out, " [|domain]");
                    return;
                }
            }
        }
        out.push(b' ');
        fmt::u(out, an as u64);
        out.push(b'/');
        fmt::u(out, ns as u64);
        out.push(b'/');
        fmt::u(out, ar as u64);
        for i in 0..an {
            if i > 0 {
                out.push(b',');
            }
            let mark = out.len();
            match rr(msg, off, out, p.opts.verbose > 0) {
                Ok(p) => off = p,
                Err(RrStop::Drop) => {
                    out.truncate(mark);
                    break;
                }
                Err(RrStop::Name) => {
                    out.truncate(mark);
                    fmt::s(out, "  [|domain]");
                    return;
                }
                Err(RrStop::Rest) => break,
            }
        }
    } else {
        if flags & 0x0100 != 0 {
            out.push(b'+');
        }
        if flags & 0x0010 != 0 {
            out.push(b'%');
        }
        // Bits a query should not have (AA, TC, RA, Z, a response code).
        if flags & 0x06cf != 0 {
            fmt::s(out, " [b2&3=0x");
            fmt::x(out, flags as u64);
            out.push(b']');
        }
        let (Some(qd), Some(an), Some(ns), Some(ar)) = counts else {
            fmt::s(out, " [|domain]");
            return;
        };
        let count = |out: &mut Vec<u8>, n: u16, tag: &str| {
            fmt::s(out, " [");
            fmt::u(out, n as u64);
            fmt::s(out, tag);
            out.push(b']');
        };
        if opcode == 1 {
            // An inverse query normally carries one answer and no question.
            if qd != 0 {
                count(out, qd, "q");
            }
            if an != 1 {
                count(out, an, "a");
            }
        } else {
            if an != 0 {
                count(out, an, "a");
            }
            if qd != 1 {
                count(out, qd, "q");
            }
        }
        if ns != 0 {
            count(out, ns, "n");
        }
        if ar != 0 {
            count(out, ar, "au");
        }
        let mut off = 12;
        for _ in 0..qd {
            let (Some(p), mark) = (skip_name(msg, off), out.len()) else {
                fmt::s(out, " [|domain]");
                return;
            };
            let Some(t) = b.u16(p) else {
                fmt::s(out, " [|domain]");
                return;
            };
            out.push(b' ');
            write_type(out, t);
            fmt::s(out, "? ");
            if name(msg, off, out).is_none() {
                out.truncate(mark);
                fmt::s(out, " [|domain]");
                return;
            }
            off = p + 4;
        }
    }
    fmt::s(out, " (");
    fmt::u(out, len as u64);
    out.push(b')');
}
