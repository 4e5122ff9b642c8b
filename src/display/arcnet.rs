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

use super::{Dump, Printer, fmt, ip, ipx, link};

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
    // Only the RFC 1051 protocols lack the split flag and sequence
    // number; tcpdump assumes them for every other id.
    let rfc1201 = !matches!(id, 0xf0 | 0xf1);
    let mut off = id_at + 1;
    // The split flag and sequence number (BSD header only): 0 for a whole
    // packet, odd for the first of several fragments, even for a later
    // one; 0xff marks an exception packet, whose header comes again four
    // bytes on.
    let mut split_seq = None;
    // A BSD header cut short within the split fields: tcpdump shows its
    // start, -e or not.
    let phds = |out: &mut Vec<u8>, extended: bool| {
        if !linux {
            fmt::byte_hex(out, src);
            out.push(b' ');
            fmt::byte_hex(out, dst);
            out.push(b' ');
            proto_name(out, shown);
            out.push(b' ');
            fmt::u(out, wire as u64);
            fmt::s(out, if extended { ":  phds extended" } else { ":  phds" });
        }
        fmt::s(out, short);
    };
    if rfc1201 {
        let Some(&split) = data.get(off) else {
            phds(out, false);
            return;
        };
        let exception = !linux && split == 0xff;
        if off + 3 > data.len() {
            phds(out, false);
            return;
        }
        let seq_at = if exception { off + 5 } else { off + 1 };
        off = seq_at + 2;
        if off > data.len() {
            phds(out, true);
            return;
        }
        if !linux {
            // An exception packet's fragment details are in the copy.
            let split = if split == 0xff { data[seq_at - 1] } else { split };
            split_seq = Some((split, u16::from_be_bytes([data[seq_at], data[seq_at + 1]])));
        }
    } else if off > data.len() {
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
        if let Some((split, seq)) = split_seq {
            fmt::s(out, "seqid ");
            fmt::x_pad(out, u64::from(seq), 4);
            out.push(b' ');
            if split & 1 == 1 {
                fmt::s(out, "(first of ");
                fmt::u(out, (u64::from(split) + 3) / 2);
                fmt::s(out, " fragments) ");
            } else if split != 0 {
                fmt::s(out, "(fragment ");
                fmt::u(out, u64::from(split) / 2 + 1);
                fmt::s(out, ") ");
            }
        }
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    // Only a whole packet or the first fragment is dissected.
    if matches!(split_seq, Some((split, _)) if split != 0 && split & 1 == 0) {
        dump.net_off = off;
        return;
    }
    dump.net_off = off;
    let rest = &data[off..];
    let w = wire.saturating_sub(off);
    let name = !p.opts.link_header;
    match id {
        0xd4 | 0xf0 => ip::ipv4(p, rest, w, out, name),
        0xc4 => ip::ipv6(p, rest, w, out, name),
        // AppleTalk DDP: only a header cut short is reported; whole DDP
        // packets are dumped like any other payload.
        0xdd if rest.len() < 13 => {
            if name {
                fmt::s(out, "AT ");
            }
            fmt::s(out, " [|ddp]");
        }
        0xfa => {
            if name {
                fmt::s(out, "IPX ");
            }
            if rest.len() < 30 {
                fmt::s(out, " [|ipx]");
            } else {
                ipx::print(p, rest, w, out);
            }
        }
        0xd5 | 0xd6 | 0xf1 => {
            link::arp(p, rest, w, out, name);
            // A truncated ARP packet makes tcpdump unwind, and its -x
            // dump then starts at the ARCNET header.
            if out.ends_with(b"[|arp]") || out.ends_with(b"[|ARP]") {
                p.dump_whole = true;
            }
        }
        // tcpdump's ARCNET printer dumps an unknown payload itself, so
        // the dump comes even with -x, -X or -q.
        _ => super::hex_dump(out, rest, true),
    }
}
