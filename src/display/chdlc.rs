//! Cisco HDLC framing and its keepalive protocol SLARP, as tcpdump prints
//! them.
//!
//! A Cisco HDLC frame is an address byte (0x0f unicast, 0x8f broadcast), a
//! control byte and an ethertype. Without `-e` tcpdump prints only the
//! payload; with `-e` it first writes `bcast, ethertype IPv4 (0x0800),
//! length 104: `. IPv4, IPv6 and OSI payloads are handed on; SLARP
//! (ethertype 0x8035) is one line:
//! `SLARP (length: 20), keepalive: mineseen=0x00000005,
//! yourseen=0x00000002, reliability=0xffff, link uptime=0d2h12m5s`, or
//! `request`, or `reply ADDRESS/MASK`. Any other protocol reads
//! `unknown CHDLC protocol (0x2000)` (and nothing with `-e`).

use super::{Bytes, Dump, Printer, fmt, ip, link, osi};

/// Prints a Cisco HDLC frame.
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(addr), Some(proto)) = (b.u8(0), b.u16(2)) else {
        p.dump_whole = true;
        fmt::s(out, " [|chdlc]");
        return;
    };
    let eflag = p.opts.link_header;
    if eflag {
        match addr {
            0x0f => fmt::s(out, "unicast"),
            0x8f => fmt::s(out, "bcast"),
            _ => {
                fmt::s(out, "0x");
                fmt::x_pad(out, addr as u64, 2);
            }
        }
        fmt::s(out, ", ethertype ");
        fmt::s(out, link::ethertype_name(proto));
        fmt::s(out, " (0x");
        fmt::x_pad(out, proto as u64, 4);
        fmt::s(out, "), length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    dump.net_off = 4;
    let rest = &data[4..];
    let w = wire.saturating_sub(4);
    match proto {
        0x0800 => ip::ipv4(p, rest, w, out, !eflag),
        0x86dd => ip::ipv6(p, rest, w, out, !eflag),
        0x8035 => slarp(rest, w, out),
        0xfefe if rest.is_empty() => {
            // tcpdump gives up here by unwinding: the dump starts at the
            // frame.
            p.dump_whole = true;
            fmt::s(out, " [|chdlc]");
        }
        0xfefe => {
            // Some routers put one byte before the NLPID; as tcpdump does,
            // skip it when the byte after it is the NLPID of CLNP, ES-IS
            // or IS-IS.
            let at = usize::from(matches!(rest.get(1), Some(0x81..=0x83)));
            osi::print(p, &rest[at..], w.saturating_sub(at), out)
        }
        _ => {
            if !eflag {
                fmt::s(out, "unknown CHDLC protocol (0x");
                fmt::x_pad(out, proto as u64, 4);
                out.push(b')');
            }
        }
    }
}

/// SLARP: a four-byte code, then an address and mask (reply) or the
/// keepalive sequence numbers, reliability and, when present, the link's
/// uptime in milliseconds.
fn slarp(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "SLARP (length: ");
    fmt::u(out, len as u64);
    fmt::s(out, "), ");
    let Some(code) = b.u32(0) else {
        fmt::s(out, " [|chdlc_slarp]");
        return;
    };
    match code {
        0 => fmt::s(out, "request"),
        1 => {
            let (Some(a), Some(m)) = (b.slice(4, 4), b.slice(8, 4)) else {
                fmt::s(out, " [|chdlc_slarp]");
                return;
            };
            fmt::s(out, "reply ");
            fmt::ipv4(out, a);
            out.push(b'/');
            fmt::ipv4(out, m);
        }
        2 => {
            let (Some(mine), Some(yours), Some(rel)) = (b.u32(4), b.u32(8), b.u16(12)) else {
                fmt::s(out, " [|chdlc_slarp]");
                return;
            };
            fmt::s(out, "keepalive: mineseen=0x");
            fmt::x_pad(out, mine as u64, 8);
            fmt::s(out, ", yourseen=0x");
            fmt::x_pad(out, yours as u64, 8);
            fmt::s(out, ", reliability=0x");
            fmt::x_pad(out, rel as u64, 4);
            if let Some(ms) = b.u32(14) {
                let s = ms / 1000;
                fmt::s(out, ", link uptime=");
                fmt::u(out, (s / 86_400) as u64);
                out.push(b'd');
                fmt::u(out, (s / 3600 % 24) as u64);
                out.push(b'h');
                fmt::u(out, (s / 60 % 60) as u64);
                out.push(b'm');
                fmt::u(out, (s % 60) as u64);
                out.push(b's');
            }
        }
        _ => {
            // tcpdump's `0x%02x unknown`: at least two digits.
            fmt::s(out, "0x");
            if code < 0x10 {
                out.push(b'0');
            }
            fmt::x(out, code as u64);
            fmt::s(out, " unknown");
        }
    }
}
