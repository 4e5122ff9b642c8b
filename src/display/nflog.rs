//! Linux netfilter log messages (NFLOG, link type 239): a 4-byte header
//! (address family, version, big-endian resource id) and then
//! type-length-value attributes in host (little-endian) order, each padded
//! to four bytes; the attribute of type 9 holds the logged packet.
//!
//! Without `-e` tcpdump prints the packet alone; with `-e` it prefixes
//! `version V, resource ID R, family IPv4 (2), length N: `. A family other
//! than IPv4 and IPv6 gets that header (with the length left at the
//! payload) even without `-e`, and its payload is dumped. The other
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
    if version != 0 {
        fmt::s(out, "version ");
        fmt::u(out, u64::from(version));
        fmt::s(out, " (unknown)");
        return;
    }
    let name = match family {
        2 => "IPv4",
        10 => "IPv6",
        _ => "Unknown",
    };
    let header = |out: &mut Vec<u8>, len: usize| {
        fmt::s(out, "version ");
        fmt::u(out, u64::from(version));
        fmt::s(out, ", resource ID ");
        fmt::u(out, u64::from(resid));
        super::ipnet::family_length(out, p.opts.quiet, name, family.into(), len);
    };
    let eflag = p.opts.link_header;
    if eflag {
        header(out, wire);
    }
    let le16 = |off: usize| b.u16(off).map(u16::swap_bytes);
    let mut off = 4;
    // The payload attribute runs to the end of the packet, whatever its
    // length says; running out of attributes leaves an empty payload.
    // Every attribute takes at least 4 bytes, so the walk ends.
    let start = loop {
        // The walk goes by the length on the wire, the checks by what was
        // captured.
        if off >= wire {
            break data.len();
        }
        // tcpdump wants every attribute up to the payload whole; its -x
        // dump of a packet cut short starts at the attribute.
        dump.net_off = off;
        let (Some(len), Some(typ)) = (le16(off), le16(off + 2)) else {
            fmt::s(out, " [|nflog]");
            return;
        };
        let size = (len as usize + 3) & !3;
        if size == 0 || off + size > data.len() {
            fmt::s(out, " [|nflog]");
            return;
        }
        if typ == 9 {
            break off + 4;
        }
        off += size;
    };
    // Without -e an unknown family still gets the header, with the length
    // left after the payload attribute's header, plus 4.
    let known = matches!(family, 2 | 10);
    if !eflag && !known {
        header(out, wire.saturating_sub(start) + 4);
    }
    dump.net_off = start;
    let rest = &data[start..];
    let w = wire.saturating_sub(start);
    let named = !p.opts.link_header;
    match family {
        2 => ip::ipv4(p, rest, w, out, named),
        10 => ip::ipv6(p, rest, w, out, named),
        _ => {
            if !rest.is_empty() {
                dump.forced = Some(start);
            }
        }
    }
}
