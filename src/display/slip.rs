//! SLIP (link type 8) with the 16-byte BSD pseudo-header: a direction
//! byte (0 in, 1 out), then the first byte of the Van Jacobson header
//! (its type in the top bits) and the rest of a compressed TCP/IP header,
//! then the IP packet.
//!
//! Without `-e` tcpdump prints the IP packet alone, `ip vN` for a
//! version it does not know. With `-e` it first prints the direction
//! (`I `, `O ` or `Invalid direction N `) and the header type: `ip LEN: `
//! for plain IP, `utcp CONN: ` for uncompressed TCP, `ctcp` and the
//! header's changes for compressed TCP (`C` new connection, `*` push,
//! `U=`, `W+`, `A+`, `S+`, `I+`), `slip-N!: ` for anything else (after a
//! bad direction only the first two are named).

use super::{Bytes, Dump, Printer, fmt, ip};

const HDR: usize = 16;

const TYPE_UNCOMPRESSED: u8 = 0x70;
const TYPE_COMPRESSED: u8 = 0x80;

/// Prints one SLIP packet.
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    if data.len() < HDR {
        fmt::s(out, " [|slip]");
        return;
    }
    let eflag = p.opts.link_header;
    if eflag && !link_header(data, wire, out) {
        fmt::s(out, " [|slip]");
        p.dump_whole = true;
        return;
    }
    let rest = &data[HDR..];
    let Some(&v) = rest.first() else {
        fmt::s(out, " [|slip]");
        p.dump_whole = true;
        return;
    };
    dump.net_off = HDR;
    let w = wire.saturating_sub(HDR);
    match v >> 4 {
        4 => ip::ipv4(p, rest, w, out, !eflag),
        6 => ip::ipv6(p, rest, w, out, !eflag),
        v => {
            fmt::s(out, "ip v");
            fmt::u(out, u64::from(v));
        }
    }
}

/// The `-e` part; false when the VJ header refers to more than was
/// captured.
fn link_header(data: &[u8], wire: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let valid = data[0] <= 1;
    match data[0] {
        0 => fmt::s(out, "I "),
        1 => fmt::s(out, "O "),
        d => {
            fmt::s(out, "Invalid direction ");
            fmt::u(out, u64::from(d));
            out.push(b' ');
        }
    }
    let flags = data[1];
    // After a bad direction tcpdump still names plain IP and uncompressed
    // TCP, but nothing else.
    if flags & 0xf0 == 0x40 {
        fmt::s(out, "ip ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
        return true;
    }
    if !valid && flags & 0xf0 != TYPE_UNCOMPRESSED {
        return true;
    }
    // The compressed-header state needs the IP and TCP headers of the
    // packet behind the pseudo-header.
    let headers_captured = || -> Option<()> {
        let ihl = (b.u8(HDR)? & 0x0f) as usize * 4;
        (data.len() >= HDR + ihl).then_some(())
    };
    if flags & TYPE_COMPRESSED != 0 {
        fmt::s(out, "ctcp");
        let mut cp = 2;
        if flags & 0x40 != 0 {
            fmt::s(out, " C");
            fmt::u(out, u64::from(data[cp]));
            cp += 1;
        }
        // The TCP checksum is carried whole.
        cp += 2;
        if flags & 0x10 != 0 {
            fmt::s(out, " *");
        }
        let mut delta = |out: &mut Vec<u8>, label: &str| {
            let v = match b.u8(cp) {
                Some(0) => {
                    let v = b.u16(cp + 1).unwrap_or(0);
                    cp += 3;
                    v
                }
                Some(v) => {
                    cp += 1;
                    u16::from(v)
                }
                None => 0,
            };
            fmt::s(out, label);
            fmt::u(out, u64::from(v));
        };
        match flags & 0x0f {
            0x0b => delta(out, " *SA+"),
            0x0f => delta(out, " *S+"),
            f => {
                if f & 0x01 != 0 {
                    delta(out, " U=");
                }
                if f & 0x02 != 0 {
                    delta(out, " W+");
                }
                if f & 0x04 != 0 {
                    delta(out, " A+");
                }
                if f & 0x08 != 0 {
                    delta(out, " S+");
                }
            }
        }
        if flags & 0x20 != 0 {
            delta(out, " I+");
        }
        if headers_captured().is_none() {
            return false;
        }
        out.push(b' ');
        fmt::u(out, data.len().saturating_sub(HDR) as u64);
        fmt::s(out, ": ");
    } else if flags & 0xf0 == TYPE_UNCOMPRESSED {
        // The connection number sits where the protocol byte of the
        // header copy in the pseudo-header is.
        let conn = data[1 + 9];
        fmt::s(out, "utcp ");
        fmt::u(out, u64::from(conn));
        fmt::s(out, ": ");
        if headers_captured().is_none() {
            return false;
        }
    } else {
        fmt::s(out, "slip-");
        fmt::u(out, u64::from(flags));
        fmt::s(out, "!: ");
    }
    true
}
