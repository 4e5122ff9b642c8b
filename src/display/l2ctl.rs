//! Dispatch to the link-layer control protocols: Cisco's SNAP protocols
//! (CDP, UDLD, DTP and VTP, called from [`super::llc`]) and the ones with
//! their own ethertype (LLDP, slow protocols, EAPOL, CFM, and OSI on
//! 0xfefe). IS-IS, ES-IS and CLNP are reached through [`super::osi`].
//!
//! Each protocol lives in its own file; this one only decides which of
//! them a frame belongs to, so the link-layer code needs one call per
//! encapsulation. It also holds the indented hex dump and the escaping of
//! packet text that several of these printers share.

use super::{Printer, cdp, cfm, cisco, eapol, fmt, lldp, osi, slow};

/// Whether a Cisco SNAP protocol identifier (OUI 00:00:0c) is one printed
/// here.
pub(crate) fn is_cisco(pid: u16) -> bool {
    matches!(pid, 0x2000 | 0x0111 | 0x2004 | 0x2003)
}

/// Prints the payload of a Cisco SNAP protocol for which [`is_cisco`]
/// holds: `data` starts after the SNAP header, `len` is its length from
/// the 802.3 header.
pub(crate) fn cisco(p: &mut Printer, pid: u16, data: &[u8], len: usize, out: &mut Vec<u8>) {
    match pid {
        0x2000 => cdp::print(p, data, len, out),
        0x0111 => cisco::udld(p, data, len, out),
        0x2004 => cisco::dtp(p, data, len, out),
        _ => cisco::vtp(p, data, len, out),
    }
}

/// Whether an ethertype belongs to a protocol printed here.
pub(crate) fn is_ether(t: u16) -> bool {
    matches!(t, 0x88cc | 0x8809 | 0x888e | 0x8902 | 0xabcd | 0xfefe)
}

/// Prints the payload of an ethertype for which [`is_ether`] holds;
/// `data` starts after the ethertype and `wire` is its length on the wire.
pub(crate) fn ether(p: &mut Printer, t: u16, data: &[u8], wire: usize, out: &mut Vec<u8>) {
    match t {
        0x88cc => lldp::print(p, data, wire, out),
        0x8809 => slow::print(p, data, wire, out),
        0x888e => eapol::print(p, data, wire, out),
        0xfefe => {
            // OSI straight over an ethertype: one byte sits before the
            // NLPID. When even that is missing tcpdump gives up by
            // unwinding, so -x dumps the whole frame.
            if data.len() < 2 {
                p.dump_whole = true;
                fmt::s(out, " [|isoclns]");
            } else {
                osi::print(p, &data[1..], wire.saturating_sub(1), out);
            }
        }
        _ => cfm::print(p, data, wire, out),
    }
}

/// tcpdump's dump of bytes it shows but does not decode: 16 bytes a line
/// in groups of two, each line introduced by `prefix` (a newline and the
/// indentation) and the offset, with no ASCII column.
pub(crate) fn hex_lines(out: &mut Vec<u8>, prefix: &str, data: &[u8]) {
    for (line, chunk) in data.chunks(16).enumerate() {
        fmt::s(out, prefix);
        fmt::s(out, "0x");
        fmt::x_pad(out, (line * 16) as u64, 4);
        out.push(b':');
        out.push(b' ');
        for pair in chunk.chunks(2) {
            out.push(b' ');
            fmt::hex_bytes(out, pair);
        }
    }
}

/// Writes text from the packet the way tcpdump shows untrusted strings:
/// bytes with the top bit set as `M-` and the low seven bits, control
/// characters as `^` and the matching letter (`^A`, `^?` for DEL).
pub(crate) fn safe_text(out: &mut Vec<u8>, text: &[u8]) {
    for &c in text {
        let mut c = c;
        if c & 0x80 != 0 {
            fmt::s(out, "M-");
            c &= 0x7f;
        }
        if c < 0x20 || c == 0x7f {
            out.push(b'^');
            c ^= 0x40;
        }
        out.push(c);
    }
}
