//! ARCNET as Linux captures it (`DLT_ARCNET_LINUX`): source and
//! destination station bytes, two offset bytes, then the protocol type.
//! RFC 1201 types are followed by a split flag and a sequence number (and,
//! for an exception packet, four more bytes); the older RFC 1051 types
//! (`oldip`, `oldarp`) carry the payload right after the type.
//!
//! Without `-e` tcpdump prints only the IPv4 or ARP payload. With `-e` it
//! first writes `be 50 c8 60: `: source, destination, the third header
//! byte read as a protocol type (named when tcpdump knows it), and the
//! length. Other protocols (AppleTalk beyond a truncated header, IPX) are
//! not dissected.

use super::{Bytes, Dump, Printer, fmt, ip, link};

fn type_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0xf0 => "oldip",
        0xf1 => "oldarp",
        0xd4 => "ip",
        0xd5 => "arp",
        0xd6 => "rarp",
        0xdd => "atalk",
        _ => return None,
    })
}

/// Prints a Linux ARCNET frame.
pub(crate) fn linux(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(src), Some(dst), Some(third), Some(proto)) = (b.u8(0), b.u8(1), b.u8(2), b.u8(4))
    else {
        fmt::s(out, "[|arcnet]");
        return;
    };
    let eflag = p.opts.link_header;
    if eflag {
        fmt::byte_hex(out, src);
        out.push(b' ');
        fmt::byte_hex(out, dst);
        out.push(b' ');
        match type_name(third) {
            Some(n) => fmt::s(out, n),
            None => fmt::byte_hex(out, third),
        }
        out.push(b' ');
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    // RFC 1051 types have no fragmentation header; RFC 1201 ones have a
    // split flag and a sequence number, and an exception packet (flag
    // 0xff) repeats the type, flag and sequence after four padding bytes.
    let off = match proto {
        0xf0 | 0xf1 => 5,
        _ => match b.u8(5) {
            Some(0xff) => 12,
            Some(_) => 8,
            None => {
                fmt::s(out, "[|arcnet]");
                return;
            }
        },
    };
    if data.len() < off {
        fmt::s(out, "[|arcnet]");
        return;
    }
    dump.net_off = off;
    let rest = &data[off..];
    let w = wire.saturating_sub(off);
    match proto {
        0xf0 | 0xd4 => ip::ipv4(p, rest, w, out, !eflag),
        0xf1 | 0xd5 | 0xd6 => link::arp(p, rest, w, out, !eflag),
        // AppleTalk DDP: only a 13-byte long header cut short is
        // recognised.
        0xdd if rest.len() < 13 => {
            if !eflag {
                fmt::s(out, "AT ");
            }
            fmt::s(out, " [|ddp]");
        }
        _ => {
            if !eflag {
                fmt::s(out, "arcnet type 0x");
                fmt::byte_hex(out, proto);
            }
            dump.forced = Some(off);
        }
    }
}
