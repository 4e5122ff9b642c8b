//! IP over InfiniBand (link type 242, RFC 4391): a 44-byte pseudo-header
//! (20-byte destination and source hardware addresses, the ethertype at
//! offset 40, two reserved bytes) before the packet.
//!
//! Without `-e` tcpdump prints the packet alone; with `-e` it prefixes
//! `IPOIB, ethertype NAME (0xHHHH), length N: ` (no addresses).

use super::{Bytes, Dump, Printer, fmt, link};

const HDR: usize = 44;

/// Prints one IPoIB packet.
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let Some(t) = Bytes(data).u16(40).filter(|_| data.len() >= HDR) else {
        fmt::s(out, " [|ipoib]");
        p.dump_whole = true;
        return;
    };
    let eflag = p.opts.link_header;
    let show = eflag || !link::dissected(t);
    if show {
        // With -q tcpdump keeps the word "ethertype" here.
        // Without -e (an undissected payload) the name is left out.
        fmt::s(out, if eflag { "IPOIB, " } else { ", " });
        if p.opts.quiet {
            fmt::s(out, "ethertype ");
        }
        link::ethertype_q(out, t, p.opts.quiet);
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    dump.net_off = HDR;
    link::payload(p, t, &data[HDR..], wire.saturating_sub(HDR), out, dump, HDR, !show);
}
