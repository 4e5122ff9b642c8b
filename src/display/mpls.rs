//! MPLS label stacks (ethertypes 0x8847/0x8848, PPP protocol 0x0281 and
//! MPLS-in-UDP on port 6635), as tcpdump prints them: `MPLS` then one
//! `(label L, tc T, [S], ttl N)` per stack entry, then the packet under
//! the stack, which tcpdump guesses from the first nibble (IPv4 or IPv6;
//! the explicit-null labels name it outright). Anything else under the
//! stack is dumped in hex, as tcpdump does for what it cannot recognise.

use super::{Bytes, Printer, fmt, ip};

/// Prints an MPLS label stack and its payload (`len` bytes on the wire).
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "MPLS");
    let mut off = 0;
    let mut last = 0;
    loop {
        if len < off + 4 {
            fmt::s(out, " (invalid)");
            return;
        }
        let Some(e) = b.u32(off) else {
            // Cut short by the capture: tcpdump unwinds (whole-packet -x dump).
            p.dump_whole = true;
            fmt::s(out, " [|mpls]");
            return;
        };
        let label = e >> 12;
        last = if off == 0 || label <= 15 { label } else { last };
        fmt::s(out, " (label ");
        fmt::u(out, label as u64);
        fmt::s(out, ", tc ");
        fmt::u(out, ((e >> 9) & 7) as u64);
        if e & 0x100 != 0 {
            fmt::s(out, ", [S]");
        }
        fmt::s(out, ", ttl ");
        fmt::u(out, (e & 0xff) as u64);
        out.push(b')');
        off += 4;
        if e & 0x100 != 0 {
            break;
        }
    }
    let rest = &data[off.min(data.len())..];
    let wire = len.saturating_sub(off);
    let Some(first) = rest.first() else {
        if wire > 0 {
            // Cut short by the capture: tcpdump unwinds (whole-packet -x dump).
            p.dump_whole = true;
            fmt::s(out, " [|mpls]");
        }
        return;
    };
    if p.depth >= super::MAX_DEPTH {
        return;
    }
    let kind = match last {
        0 => 4,
        2 => 6,
        _ => first >> 4,
    };
    p.depth += 1;
    match kind {
        // An explicit-null label promises IPv4: tcpdump's IPv4 printer
        // then names what it found.
        4 if first >> 4 == 6 => fmt::s(out, " IP6, wrong link-layer encapsulation (invalid)"),
        4 => {
            out.push(b' ');
            ip::ipv4(p, rest, wire, out, !p.opts.link_header);
        }
        6 => {
            out.push(b' ');
            ip::ipv6(p, rest, wire, out, !p.opts.link_header);
        }
        // CLNP, ES-IS and IS-IS carried straight over MPLS.
        8 if matches!(first, 0x81..=0x83) => {
            out.push(b' ');
            super::osi::print(p, rest, wire, out);
        }
        // tcpdump dumps what it cannot recognise under the stack, and
        // marks a payload the capture cut short.
        _ => {
            super::tunnel::dump_rest(p, rest, out);
            if rest.len() < wire {
                fmt::s(out, " [|mpls]");
            }
        }
    }
    p.depth -= 1;
}
