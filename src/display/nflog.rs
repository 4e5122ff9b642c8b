//! Linux netfilter log messages (NFLOG, link type 239): a 4-byte header
//! (address family, version, big-endian resource id) and then
//! type-length-value attributes in host (little-endian) order, each padded
//! to four bytes; the attribute of type 9 holds the logged packet.
//!
//! Without `-e` tcpdump prints the packet alone; with `-e` it prefixes
//! `version V, resource ID R, family IPv4 (2), length N: `. The other
//! attributes (prefix, marks, timestamps, ...) are not printed.

use super::{Bytes, Dump, Printer, fmt, ip};

/// Prints one NFLOG record.
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(family), Some(version), Some(resid)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        // Nothing is dumped of a short header.
        fmt::s(out, " [|nflog]");
        dump.net_off = data.len();
        return;
    };
    let name = match family {
        2 => "IPv4",
        10 => "IPv6",
        _ => "Unknown",
    };
    if p.opts.link_header {
        fmt::s(out, "version ");
        fmt::u(out, u64::from(version));
        fmt::s(out, ", resource ID ");
        fmt::u(out, u64::from(resid));
        if p.opts.quiet {
            fmt::s(out, ", ");
            fmt::s(out, name);
        } else {
            fmt::s(out, ", family ");
            fmt::s(out, name);
            fmt::s(out, " (");
            fmt::u(out, u64::from(family));
            out.push(b')');
        }
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    let le16 = |off: usize| b.u16(off).map(u16::swap_bytes);
    let mut off = 4;
    // Every attribute is at least 4 bytes long, so the walk ends.
    let payload = loop {
        // tcpdump wants every attribute up to the payload whole; its -x
        // dump of a packet cut short starts at the attribute.
        dump.net_off = off;
        let (Some(len), Some(typ)) = (le16(off), le16(off + 2)) else {
            fmt::s(out, " [|nflog]");
            return;
        };
        let len = len as usize;
        if len < 4 || off + ((len + 3) & !3) > data.len() {
            fmt::s(out, " [|nflog]");
            return;
        }
        if typ == 9 {
            break off + 4;
        }
        off += (len + 3) & !3;
    };
    if payload > data.len() {
        fmt::s(out, " [|nflog]");
        p.dump_whole = true;
        return;
    }
    dump.net_off = payload;
    let rest = &data[payload..];
    let w = wire.saturating_sub(payload);
    let named = !p.opts.link_header;
    match family {
        2 => ip::ipv4(p, rest, w, out, named),
        10 => ip::ipv6(p, rest, w, out, named),
        _ => dump.forced = Some(payload),
    }
}
