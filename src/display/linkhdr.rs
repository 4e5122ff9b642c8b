//! Capture pseudo-headers of a few link types, as tcpdump prints them:
//!
//! * IP over InfiniBand (`DLT_IPOIB`): 40 address bytes, an ethertype and
//!   two reserved bytes; `-e` shows `IPOIB, ethertype IPv4 (0x0800),
//!   length 128: `.
//! * Solaris ipnet (`DLT_IPNET`): a 24-byte header; `-e` shows the source
//!   and destination zones and the family:
//!   `4294967295 > 0, family IPv4 (2), length 108: `.
//! * Linux netfilter log (`DLT_NFLOG`): family, version, resource id, then
//!   type-length-value attributes, one of which holds the packet; `-e`
//!   shows `version 0, resource ID 20, family IPv4 (2), length 180: `.
//! * Linux vsock monitoring (`DLT_VSOCK`): one line, with or without `-e`,
//!   `VIRTIO 3.1024 > 2.1234 CONNECT, length 76`.
//!
//! * SLIP (`DLT_SLIP`): a 16-byte header (direction and the compressed
//!   TCP/IP header), then the IP packet; without `-e` only the packet is
//!   printed (`ip v14` for a version other than 4 and 6). The `-e` form
//!   (direction and header compression state) is not produced.
//!
//!
//! * IEEE 802.15.4 (`DLT_IEEE802_15_4`): the frame type and version and
//!   the addressing fields, `IEEE 802.15.4 Data packet v2 ab4d:10:05:...
//!   < -:...`, with tcpdump's `[ERROR: Truncated before ...]` when the
//!   capture ends inside them. Only 2015-format (version 2) frames are
//!   recognised, and nothing after the addresses is dissected.
//!
//! * Juniper ATM1 and ES PIC headers cut short (`[|juniper_atm1]`, with
//!   their `-e` forms), and Sun raw ATM (`DLT_SUNATM`) cut short on its
//!   OAM and signalling circuits when [`super::atm`] leaves a packet
//!   undissected. Juniper Ethernet and the other Juniper types are in
//!   [`super::juniper`], ATM in [`super::atm`].
//!
//! Without `-e` the first three print only their IPv4 or IPv6 payload.

use super::{Bytes, Dump, Printer, fmt, ip, link};

/// IP over InfiniBand.
pub(crate) fn ipoib(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let Some(t) = Bytes(data).u16(40) else {
        fmt::s(out, "[|ipoib]");
        return;
    };
    let e = p.opts.link_header;
    if e {
        fmt::s(out, "IPOIB, ethertype ");
        fmt::s(out, link::ethertype_name(t));
        fmt::s(out, " (0x");
        fmt::x_pad(out, t as u64, 4);
        fmt::s(out, "), length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    let off = 44.min(data.len());
    dump.net_off = off;
    link::payload(p, t, &data[off..], wire.saturating_sub(44), out, dump, off, !e);
}

/// A family number as `IPv4 (2)`.
fn family(out: &mut Vec<u8>, fam: u8, v6: u8) {
    fmt::s(
        out,
        match fam {
            2 => "IPv4",
            f if f == v6 => "IPv6",
            _ => "Unknown",
        },
    );
    fmt::s(out, " (");
    fmt::u(out, fam as u64);
    out.push(b')');
}

/// IPv4 or IPv6 by address family (`v6` is the platform's IPv6 number);
/// `false` for any other family.
fn by_family(
    p: &mut Printer,
    fam: u8,
    v6: u8,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
) -> bool {
    let name = !p.opts.link_header;
    if fam == 2 {
        ip::ipv4(p, data, wire, out, name);
    } else if fam == v6 {
        ip::ipv6(p, data, wire, out, name);
    } else {
        return false;
    }
    true
}

/// Solaris ipnet.
pub(crate) fn ipnet(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(fam), Some(zsrc), Some(zdst)) = (b.u8(1), b.u32(16), b.u32(20)) else {
        fmt::s(out, "[|ipnet]");
        return;
    };
    if p.opts.link_header {
        fmt::u(out, zsrc as u64);
        fmt::s(out, " > ");
        fmt::u(out, zdst as u64);
        fmt::s(out, ", family ");
        family(out, fam, 26);
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    dump.net_off = 24;
    if !by_family(p, fam, 26, &data[24..], wire.saturating_sub(24), out) {
        dump.forced = Some(24);
    }
}

/// Linux netfilter log: the packet is the payload attribute (type 9);
/// attribute lengths and types are in host (little-endian) order, and each
/// attribute is padded to four bytes.
pub(crate) fn nflog(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(fam), Some(ver), Some(res)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        fmt::s(out, "[|nflog]");
        return;
    };
    if p.opts.link_header {
        fmt::s(out, "version ");
        fmt::u(out, ver as u64);
        fmt::s(out, ", resource ID ");
        fmt::u(out, res as u64);
        fmt::s(out, ", family ");
        family(out, fam, 10);
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    let le16 = |off: usize| b.u16(off).map(u16::swap_bytes);
    let mut at = 4;
    while let (Some(len), Some(typ)) = (le16(at), le16(at + 2)) {
        let len = len as usize;
        if len < 4 {
            break;
        }
        if typ == 9 {
            let off = at + 4;
            let plen = len - 4;
            let end = (off + plen).min(data.len());
            dump.net_off = off.min(data.len());
            let pkt = &data[off.min(end)..end];
            if !by_family(p, fam, 10, pkt, plen, out) {
                dump.forced = Some(off);
            }
            return;
        }
        at += len.div_ceil(4) * 4;
    }
    fmt::s(out, "[|nflog]");
}

/// Linux vsock monitoring: a little-endian header with both ends' context
/// ids and ports, the operation and the transport.
pub(crate) fn vsock(data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let le32 = |off: usize| b.u32(off).map(u32::swap_bytes);
    let le16 = |off: usize| b.u16(off).map(u16::swap_bytes);
    let (Some(scid), Some(dcid), Some(sport), Some(dport), Some(op), Some(t)) =
        (le32(0), le32(8), le32(16), le32(20), le16(24), le16(26))
    else {
        fmt::s(out, "[|vsock]");
        return;
    };
    fmt::s(
        out,
        match t {
            1 => "NO_INFO",
            2 => "VIRTIO",
            _ => "UNKNOWN",
        },
    );
    out.push(b' ');
    fmt::u(out, scid as u64);
    out.push(b'.');
    fmt::u(out, sport as u64);
    fmt::s(out, " > ");
    fmt::u(out, dcid as u64);
    out.push(b'.');
    fmt::u(out, dport as u64);
    out.push(b' ');
    fmt::s(
        out,
        match op {
            1 => "CONNECT",
            2 => "DISCONNECT",
            3 => "CONTROL",
            4 => "PAYLOAD",
            _ => "UNKNOWN",
        },
    );
    fmt::s(out, ", length ");
    fmt::u(out, wire as u64);
    dump.net_off = 32.min(data.len());
}

/// SLIP without `-e`.
pub(crate) fn slip(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let Some(&first) = data.get(16) else {
        p.dump_whole = true;
        fmt::s(out, " [|slip]");
        return;
    };
    dump.net_off = 16;
    let (rest, w) = (&data[16..], wire.saturating_sub(16));
    match first >> 4 {
        4 => ip::ipv4(p, rest, w, out, true),
        6 => ip::ipv6(p, rest, w, out, true),
        v => {
            fmt::s(out, "ip v");
            fmt::u(out, v as u64);
        }
    }
}

/// IEEE 802.15.4 frame header, version 2 (IEEE 802.15.4-2015) addressing.
pub(crate) fn ieee802_15_4(data: &[u8], wire: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let Some(fc) = b.u16(0).map(u16::swap_bytes) else {
        return false;
    };
    let version = (fc >> 12) & 3;
    let kind = match fc & 7 {
        0 => "Beacon",
        1 => "Data",
        2 => "Ack",
        3 => "Command",
        _ => return false,
    };
    if version != 2 {
        return false;
    }
    let _ = wire;
    fmt::s(out, "IEEE 802.15.4 ");
    fmt::s(out, kind);
    fmt::s(out, " packet v2 ");
    let dst_mode = (fc >> 10) & 3;
    let src_mode = (fc >> 14) & 3;
    let compress = fc & 0x40 != 0;
    let mut at = if fc & 0x100 != 0 { 2 } else { 3 };
    // Which PAN ids are present: as tcpdump reads the 2015 rules, the
    // destination's unless compressed, the source's only when there is
    // no destination address.
    let dst_pan = !compress;
    let src_pan = dst_mode == 0 && !compress;
    let addr = |out: &mut Vec<u8>, at: &mut usize, mode: u16| -> bool {
        match mode {
            2 => match b.u16(*at) {
                Some(v) => {
                    fmt::x_pad(out, v.swap_bytes() as u64, 4);
                    *at += 2;
                    true
                }
                None => false,
            },
            3 => match b.slice(*at, 8) {
                Some(a) => {
                    for (i, &x) in a.iter().rev().enumerate() {
                        if i > 0 {
                            out.push(b':');
                        }
                        fmt::byte_hex(out, x);
                    }
                    *at += 8;
                    true
                }
                None => false,
            },
            _ => true,
        }
    };
    let pan = |out: &mut Vec<u8>, at: &mut usize, present: bool, what: &str| -> bool {
        if !present {
            fmt::s(out, "-:");
            return true;
        }
        match b.u16(*at) {
            Some(v) => {
                fmt::x_pad(out, v.swap_bytes() as u64, 4);
                out.push(b':');
                *at += 2;
                true
            }
            None => {
                fmt::s(out, "[ERROR: Truncated before ");
                fmt::s(out, what);
                out.push(b']');
                false
            }
        }
    };
    let trunc = |out: &mut Vec<u8>| fmt::s(out, "[ERROR: Truncated before dst_addr]");
    if dst_mode != 0 {
        if !pan(out, &mut at, dst_pan, "dst_pan") {
            return true;
        }
        if !addr(out, &mut at, dst_mode) {
            trunc(out);
            return true;
        }
    }
    if src_mode != 0 {
        fmt::s(out, " < ");
        if !pan(out, &mut at, src_pan, "src_pan") {
            return true;
        }
        // tcpdump names the destination here too.
        if !addr(out, &mut at, src_mode) {
            trunc(out);
            return true;
        }
    }
    true
}

/// Juniper ATM1 (`atm1`) and ES PIC headers when the capture ends within
/// them or right after the protocol field; `false` for anything longer.
pub(crate) fn juniper_pic_short(
    p: &mut Printer,
    atm1: bool,
    data: &[u8],
    out: &mut Vec<u8>,
) -> bool {
    let b = Bytes(data);
    let (Some(magic), Some(flags)) = (b.slice(0, 3), b.u8(3)) else {
        return false;
    };
    let cookie = if atm1 { 4 } else { 0 };
    let hlen = 4 + cookie;
    if magic != b"MGC" || flags & 0x80 != 0 || data.len() > hlen + 2 {
        return false;
    }
    let trunc = if atm1 { " [|juniper_atm1]" } else { " [|juniper_es]" };
    p.dump_whole = true;
    if p.opts.link_header {
        fmt::s(out, if flags & 1 != 0 { " In " } else { "Out " });
        if let Some(c) = b.slice(4, cookie) {
            fmt::s(out, if atm1 { "ATM1-PIC, cookie-len " } else { "ES-PIC, cookie-len " });
            fmt::u(out, cookie as u64);
            if cookie > 0 {
                fmt::s(out, ", cookie 0x");
                fmt::hex_bytes(out, c);
            }
            fmt::s(out, ": ");
            if let Some(proto) = b.u16(hlen) {
                fmt::s(out, "hlen ");
                fmt::u(out, hlen as u64);
                fmt::s(out, ", proto 0x");
                fmt::x_pad(out, proto as u64, 4);
                fmt::s(out, ", ");
            }
        }
    }
    fmt::s(out, trunc);
    true
}

/// Sun ATM: a flags byte (top bit: transmitted), VPI and VCI, then a cell
/// payload; only a payload too short for its signalling (VCI 5) or OAM
/// (VCI 3 and 4) header is recognised.
pub(crate) fn sunatm_short(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(flags), Some(vpi), Some(vci)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        return false;
    };
    let trunc = match vci {
        3 | 4 if data.len() < 4 + 5 => " [|oam]",
        5 if data.len() < 4 + 9 => " [|atm]",
        _ => return false,
    };
    if p.opts.link_header {
        fmt::s(out, if flags & 0x80 != 0 { "Tx: VPI:" } else { "Rx: VPI:" });
        fmt::u(out, vpi as u64);
        fmt::s(out, " VCI:");
        fmt::u(out, vci as u64);
        out.push(b' ');
    }
    p.dump_whole = true;
    fmt::s(out, trunc);
    true
}
