//! AODV (RFC 3561, UDP port 654), and the UDP dispatch of the MANET and
//! link-management protocols this file's neighbours print: OLSR (port 698,
//! [`super::olsr`]) and LMP (port 701, [`super::lmp`]).
//!
//! tcpdump prints each AODV message on one or two lines:
//!
//! ```text
//!  aodv rreq 24  hops 0 id 0x00000001
//!     dst 10.0.0.2 seq 7 src 10.0.0.1 seq 3
//!  aodv rrep 20  prefix 0 hops 1
//!     dst 10.0.0.2 dseq 7 src 10.0.0.1 3000 ms
//!  aodv rerr [D] [items 1] [12]: {10.0.0.9}(4)
//!  aodv rrep-ack 2
//! ```
//!
//! The number after the message name is the UDP payload length. tcpdump
//! tests the request and reply flags against the type byte rather than the
//! flags byte, so they show only where the type's bits happen to match
//! (the draft IPv6 request, type 16, always reads `[D]`); bpfcap does the
//! same. Over IPv6, and for the draft-perkins-aodv6 types 16 to 19 over
//! either version, the addresses are IPv6 ones and a request reads
//! `v6 rreq`. A request or reply longer than its fixed part is followed by
//! one extension line (`ext TYPE LENGTH`).

use super::{Bytes, fmt, lmp, olsr};

/// AODV, OLSR and LMP by UDP port at either end.
pub(crate) fn ports(
    sport: u16,
    dport: u16,
    payload: &[u8],
    plen: usize,
    v6: bool,
    out: &mut Vec<u8>,
) -> Option<()> {
    let port = |x: u16| sport == x || dport == x;
    if port(654) {
        print(payload, plen, v6, out);
    } else if port(698) {
        olsr::print(payload, plen, v6, out);
    } else if port(701) {
        lmp::print(payload, plen, out);
    } else {
        return None;
    }
    Some(())
}

fn trunc(out: &mut Vec<u8>) {
    fmt::s(out, " [|aodv]");
}

fn addr(out: &mut Vec<u8>, a: &[u8]) {
    match <&[u8; 16]>::try_from(a) {
        Ok(v6) => fmt::ipv6(out, v6),
        Err(_) => fmt::ipv4(out, a),
    }
}

/// The flags tcpdump reads from the type byte of a request.
fn rreq_flags(out: &mut Vec<u8>, t: u8) {
    for (bit, name) in [(0x80, "[J]"), (0x40, "[R]"), (0x20, "[G]"), (0x10, "[D]"), (0x08, "[U]")] {
        if t & bit != 0 {
            fmt::s(out, name);
        }
    }
}

/// Prints an AODV message of `len` bytes.
pub(crate) fn print(data: &[u8], len: usize, v6: bool, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let Some(t) = b.u8(0) else { return trunc(out) };
    fmt::s(out, " aodv");
    // The address size: the draft IPv6 types use IPv6 addresses whatever
    // carries them.
    let a = if v6 || (16..=19).contains(&t) { 16 } else { 4 };
    match t {
        1 | 16 => {
            let need = 16 + 2 * a;
            if data.len() < need {
                return trunc(out);
            }
            fmt::s(out, if t == 1 && v6 { " v6 rreq " } else { " rreq " });
            fmt::u(out, len as u64);
            out.push(b' ');
            rreq_flags(out, t);
            fmt::s(out, " hops ");
            fmt::u(out, u64::from(data[3]));
            fmt::s(out, " id 0x");
            fmt::x_pad(out, u64::from(b.u32(4).unwrap_or(0)), 8);
            fmt::s(out, "\n\tdst ");
            addr(out, &data[8..8 + a]);
            fmt::s(out, " seq ");
            fmt::u(out, u64::from(b.u32(8 + a).unwrap_or(0)));
            fmt::s(out, " src ");
            addr(out, &data[12 + a..12 + 2 * a]);
            fmt::s(out, " seq ");
            fmt::u(out, u64::from(b.u32(12 + 2 * a).unwrap_or(0)));
            extension(data, len, need, out);
        }
        2 | 17 => {
            let need = 12 + 2 * a;
            if data.len() < need {
                return trunc(out);
            }
            fmt::s(out, " rrep ");
            fmt::u(out, len as u64);
            out.push(b' ');
            for (bit, name) in [(0x80, "[R]"), (0x40, "[A]")] {
                if t & bit != 0 {
                    fmt::s(out, name);
                }
            }
            fmt::s(out, " prefix ");
            fmt::u(out, u64::from(data[2] & 0x1f));
            fmt::s(out, " hops ");
            fmt::u(out, u64::from(data[3]));
            fmt::s(out, "\n\tdst ");
            addr(out, &data[4..4 + a]);
            fmt::s(out, " dseq ");
            fmt::u(out, u64::from(b.u32(4 + a).unwrap_or(0)));
            fmt::s(out, " src ");
            addr(out, &data[8 + a..8 + 2 * a]);
            out.push(b' ');
            fmt::u(out, u64::from(b.u32(8 + 2 * a).unwrap_or(0)));
            fmt::s(out, " ms");
            extension(data, len, need, out);
        }
        3 | 18 => {
            let (Some(flags), Some(n)) = (b.u8(1), b.u8(3)) else { return trunc(out) };
            fmt::s(out, " rerr ");
            if flags & 0x80 != 0 {
                fmt::s(out, "[D]");
            }
            fmt::s(out, " [items ");
            fmt::u(out, u64::from(n));
            fmt::s(out, "] [");
            fmt::u(out, len as u64);
            fmt::s(out, "]:");
            for i in 0..usize::from(n) {
                let at = 4 + (a + 4) * i;
                let (Some(ad), Some(seq)) = (b.slice(at, a), b.u32(at + a)) else {
                    return trunc(out);
                };
                fmt::s(out, " {");
                addr(out, ad);
                fmt::s(out, "}(");
                fmt::u(out, u64::from(seq));
                out.push(b')');
            }
        }
        4 | 19 => {
            fmt::s(out, " rrep-ack ");
            fmt::u(out, len as u64);
        }
        _ => {
            fmt::s(out, " type ");
            fmt::u(out, u64::from(t));
            out.push(b' ');
            fmt::u(out, len as u64);
        }
    }
}

/// The one extension tcpdump shows after a request or reply whose length
/// leaves room for an extension header after the fixed part at `at`.
fn extension(data: &[u8], len: usize, at: usize, out: &mut Vec<u8>) {
    if len < at + 2 {
        return;
    }
    let b = Bytes(data);
    let (Some(t), Some(l)) = (b.u8(at), b.u8(at + 1)) else { return trunc(out) };
    fmt::s(out, "\n\text ");
    fmt::u(out, u64::from(t));
    out.push(b' ');
    fmt::u(out, u64::from(l));
}
