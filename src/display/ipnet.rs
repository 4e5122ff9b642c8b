//! Solaris ipnet (link type 226), as the e1000g driver's captures use: a
//! 24-byte header (version, address family, hook type, packet length,
//! interface and group indexes, source and destination zone ids), then an
//! IPv4 or IPv6 packet.
//!
//! Without `-e` tcpdump prints the packet alone; with `-e` it prefixes
//! `SRCZONE > DSTZONE, family IPv4 (2), length N: `.

use super::{Bytes, Dump, Printer, fmt, ip};

const HDR: usize = 24;

/// Prints one ipnet packet.
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(family), Some(zsrc), Some(zdst)) = (b.u8(1), b.u32(16), b.u32(20)) else {
        // tcpdump unwinds on a short header: its -x dump then starts at
        // the beginning.
        fmt::s(out, " [|ipnet]");
        p.dump_whole = true;
        return;
    };
    let name = match family {
        2 => "IPv4",
        26 => "IPv6",
        _ => "Unknown",
    };
    // An unknown family shows the header even without -e.
    if p.opts.link_header || name == "Unknown" {
        fmt::u(out, u64::from(zsrc));
        fmt::s(out, " > ");
        fmt::u(out, u64::from(zdst));
        family_length(out, p.opts.quiet, name, family.into(), wire);
    }
    dump.net_off = HDR;
    let rest = &data[HDR.min(data.len())..];
    let w = wire.saturating_sub(HDR);
    let named = !p.opts.link_header;
    match family {
        2 => ip::ipv4(p, rest, w, out, named),
        26 => ip::ipv6(p, rest, w, out, named),
        _ => dump.forced = Some(HDR),
    }
}

/// `, family NAME (N), length L: ` (with -q `, NAME, length L: `), the end
/// of the -e header of the capture formats that carry an address family
/// (ipnet, NFLOG).
pub(crate) fn family_length(out: &mut Vec<u8>, quiet: bool, name: &str, family: u64, len: usize) {
    if quiet {
        fmt::s(out, ", ");
        fmt::s(out, name);
    } else {
        fmt::s(out, ", family ");
        fmt::s(out, name);
        fmt::s(out, " (");
        fmt::u(out, family);
        out.push(b')');
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    fmt::s(out, ": ");
}
