//! ARCNET (link types 7 and 129, the BSD and the Linux header).
//!
//! The header holds a one-byte source and destination address, then
//! (Linux only) a two-byte offset field, then the protocol id. RFC 1201
//! protocols (IP 0xd4, ARP 0xd5, RARP 0xd6, IPv6 0xc4, ...) have a split
//! flag and a two-byte sequence number after the id (and four bytes more
//! for an exception packet); the older RFC 1051 ones (IP 0xf0, ARP 0xf1)
//! start their payload straight after it.
//!
//! Without `-e` tcpdump prints only the payload. With `-e` it writes
//! `SRC DST PROTO LENGTH: ` in hex, naming the protocol from the byte two
//! bytes into the header: for the Linux header that is the offset field,
//! not the protocol id, and bpfcap prints what tcpdump prints.

use super::{Dump, Printer, fmt, ip, link};

fn proto_name(out: &mut Vec<u8>, id: u8) {
    let name = match id {
        0xd4 => "ip",
        0xd5 => "arp",
        0xd6 => "rarp",
        0xc4 => "ipv6",
        0xdd => "atalk",
        0xf0 => "oldip",
        0xf1 => "oldarp",
        _ => {
            fmt::byte_hex(out, id);
            return;
        }
    };
    fmt::s(out, name);
}

/// Prints one ARCNET frame; `linux` selects the Linux header (link type
/// 129) with its offset field.
pub(crate) fn print(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    linux: bool,
) {
    let id_at = if linux { 4 } else { 2 };
    let short = if linux { " [|arcnet_linux]" } else { " [|arcnet]" };
    let (Some(&src), Some(&dst), Some(&shown), Some(&id)) =
        (data.first(), data.get(1), data.get(2), data.get(id_at))
    else {
        fmt::s(out, short);
        return;
    };
    let rfc1201 = matches!(id, 0xd4 | 0xd5 | 0xd6 | 0xc4 | 0xdd | 0xfa | 0xcd);
    let mut off = id_at + 1;
    if rfc1201 {
        // The split flag 0xff marks an exception packet, which carries a
        // second copy of the header.
        let Some(&split) = data.get(off) else {
            fmt::s(out, short);
            return;
        };
        off += if split == 0xff { 7 } else { 3 };
    }
    if off > data.len() {
        fmt::s(out, short);
        return;
    }
    if p.opts.link_header {
        fmt::byte_hex(out, src);
        out.push(b' ');
        fmt::byte_hex(out, dst);
        out.push(b' ');
        if !p.opts.quiet {
            proto_name(out, shown);
            out.push(b' ');
        }
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    dump.net_off = off;
    let rest = &data[off..];
    let w = wire.saturating_sub(off);
    let name = !p.opts.link_header;
    match id {
        0xd4 | 0xf0 => ip::ipv4(p, rest, w, out, name),
        0xc4 => ip::ipv6(p, rest, w, out, name),
        0xd5 | 0xd6 | 0xf1 => {
            link::arp(p, rest, w, out, name);
            // A truncated ARP packet makes tcpdump unwind, and its -x
            // dump then starts at the ARCNET header.
            if out.ends_with(b"[|arp]") || out.ends_with(b"[|ARP]") {
                p.dump_whole = true;
            }
        }
        _ => dump.forced = Some(off),
    }
}
