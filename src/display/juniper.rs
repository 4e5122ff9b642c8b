//! Juniper's link types (DLT_JUNIPER_*): every packet starts with the
//! "MGC" magic, a flags byte and, when the extension flag (0x80) is set, a
//! two-byte length of type-length-value extensions; then, per link type,
//! a "cookie" and the frame.
//!
//! Without `-e` tcpdump prints nothing of this header: a Juniper Ethernet
//! packet reads exactly as plain Ethernet. With `-e` it prints the
//! direction (` In ` or `Out `) and, for Ethernet, `hlen 22, proto 0x0000, `
//! before the Ethernet header. It does print its complaints:
//! `no magic-number found!`, ` [extension_length 48 < 50] (invalid)` for
//! an extension that overruns the extensions' length, `no IP-hdr found!`
//! when the no-layer-2 flag (0x02) announces an IP packet that is not one,
//! and ` [|juniper_atm1]` (with the link type's name) for a header that was
//! not captured whole.
//!
//! Dissected: the common header, Juniper Ethernet (then Ethernet), the
//! ATM1 PIC (LLC, OSI or IP after its cookie, with the `-e` cookie line),
//! the no-layer-2 form and the monitor link type's IP payload. The cookies
//! of the other ATM, PPP, Frame Relay and services link types are only
//! checked for truncation; a complete packet of those types keeps bpfcap's
//! `[not dissected]` line.

use super::{Bytes, Dump, Printer, fmt, ip, link, llc, osi};

/// tcpdump's name for the link type in truncation markers.
fn name(dlt: u32) -> &'static str {
    match dlt {
        130 => "juniper_mlppp",
        131 => "juniper_mlfr",
        132 => "juniper_es",
        133 => "juniper_ggsn",
        134 => "juniper_mfr",
        135 => "juniper_atm2",
        136 => "juniper_services",
        137 => "juniper_atm1",
        164 => "juniper_monitor",
        167 => "juniper_pppoe",
        168 => "juniper_pppoe_atm",
        178 => "juniper_ether",
        179 => "juniper_ppp",
        180 => "juniper_frelay",
        181 => "juniper_chdlc",
        _ => "juniper",
    }
}

/// Whether this is a Juniper link type.
pub(crate) fn is_juniper(dlt: u32) -> bool {
    matches!(dlt, 130..=137 | 164 | 167 | 168 | 178..=181)
}

fn trunc(out: &mut Vec<u8>, dlt: u32) {
    fmt::s(out, " [|");
    fmt::s(out, name(dlt));
    out.push(b']');
}

/// The common header: its length, or `None` when the packet ended (the
/// marker or complaint already written).
fn header(data: &[u8], dlt: u32, eflag: bool, out: &mut Vec<u8>) -> Option<(usize, u8)> {
    let b = Bytes(data);
    let (Some(magic), Some(flags)) = (b.slice(0, 3), b.u8(3)) else {
        trunc(out, dlt);
        return None;
    };
    if magic != b"MGC" {
        fmt::s(out, "no magic-number found!");
        return None;
    }
    if eflag {
        fmt::s(out, if flags & 0x01 != 0 { " In " } else { "Out " });
    }
    let mut hlen = 4;
    if flags & 0x80 != 0 {
        let Some(ext_len) = b.u16(4) else {
            trunc(out, dlt);
            return None;
        };
        let ext_len = usize::from(ext_len);
        if b.slice(6, ext_len).is_none() {
            trunc(out, dlt);
            return None;
        }
        // The extensions must each fit in what is left of their length.
        let mut left = ext_len;
        let mut at = 6;
        while left > 2 {
            let tlv_len = usize::from(data[at + 1]);
            if tlv_len + 2 > left {
                fmt::s(out, " [extension_length ");
                fmt::u(out, left as u64);
                fmt::s(out, " < ");
                fmt::u(out, (tlv_len + 2) as u64);
                fmt::s(out, "] (invalid)");
                return None;
            }
            left -= tlv_len + 2;
            at += tlv_len + 2;
        }
        hlen += 2 + ext_len;
    }
    Some((hlen, flags))
}

/// An IP packet found by its version nibble, as tcpdump guesses it;
/// whether one was found.
fn ip_guess(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>) -> bool {
    let name = !p.opts.link_header;
    match data.first() {
        Some(0x45..=0x4f) => ip::ipv4(p, data, wire, out, name),
        Some(0x60..=0x6f) => ip::ipv6(p, data, wire, out, name),
        _ => return false,
    }
    true
}

/// Prints a packet of Juniper link type `dlt`; `false` when the packet
/// is complete but of a kind bpfcap does not dissect.
pub(crate) fn print(
    p: &mut Printer,
    dlt: u32,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) -> bool {
    let eflag = p.opts.link_header;
    let Some((hlen, flags)) = header(data, dlt, eflag, out) else { return true };
    let rest = &data[hlen.min(data.len())..];
    let rwire = wire.saturating_sub(hlen);
    if flags & 0x02 != 0 {
        // No layer 2 header: four bytes, then (it is hoped) IP.
        let ip = rest.get(4..).unwrap_or(&[]);
        dump.net_off = (hlen + 4).min(data.len());
        if eflag {
            fmt::s(out, "no-L2-hdr, ");
        }
        if !ip_guess(p, ip, rwire.saturating_sub(4), out) {
            fmt::s(out, "no IP-hdr found!");
        }
        return true;
    }
    match dlt {
        178 => {
            dump.net_off = hlen;
            if eflag {
                fmt::s(out, "hlen ");
                fmt::u(out, hlen as u64);
                fmt::s(out, ", proto 0x0000, ");
            }
            if rest.len() < 14 {
                dump.net_off = data.len();
                fmt::s(out, " [|ether]");
            } else {
                // The Ethernet printer counts its offsets from its frame.
                link::ether(p, rest, rwire, out, dump);
                dump.net_off += hlen;
                if let Some(f) = dump.forced.as_mut() {
                    *f += hlen;
                }
            }
            true
        }
        164 => {
            let Some(ip) = rest.get(8..).filter(|r| r.len() >= 4) else {
                trunc(out, dlt);
                return true;
            };
            match ip[0] {
                0x45..=0x4f | 0x60..=0x6f => {
                    ip_guess(p, ip, rwire.saturating_sub(8), out);
                }
                0 => {}
                _ => fmt::s(out, " (invalid)"),
            }
            true
        }
        137 if rest.len() < 8 => {
            trunc(out, dlt);
            true
        }
        137 => atm1(p, hlen, rest, rwire, out, dump),
        132 if rest.len() < 12 => {
            trunc(out, dlt);
            true
        }
        _ => false,
    }
}

/// The ATM1 PIC: a four-byte cookie, then an LLC PDU, an OSI packet after
/// a UI byte, or a bare IP packet (anything else prints nothing, as in
/// tcpdump). OAM cells (the cookie's top bit) are left undissected.
fn atm1(
    p: &mut Printer,
    hlen: usize,
    rest: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) -> bool {
    let (cookie, pdu) = rest.split_at(4);
    if cookie[0] & 0x80 != 0 {
        return false;
    }
    let len = wire.saturating_sub(4);
    if p.opts.link_header {
        fmt::s(out, "ATM1-PIC, cookie-len 4, cookie 0x");
        fmt::hex_bytes(out, cookie);
        fmt::s(out, ": hlen ");
        fmt::u(out, (hlen + 4) as u64);
        fmt::s(out, ", proto 0x");
        fmt::x_pad(out, u64::from(Bytes(pdu).u16(0).unwrap_or(0)), 4);
        fmt::s(out, ", ");
    }
    let base = hlen + 4;
    dump.net_off = base;
    match pdu {
        [0xaa, 0xaa, 0x03, ..] | [0xfe, 0xfe, 0x03, ..] => {
            llc::print(p, pdu, len, None, out, dump, base);
            // tcpdump's -x dump starts after the cookie whatever is inside.
            dump.net_off = base;
        }
        [0x03, ..] => osi::print(p, &pdu[1..], len.saturating_sub(1), out),
        _ => {
            ip_guess(p, pdu, len, out);
        }
    }
    true
}
