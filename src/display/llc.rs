//! IEEE 802.2 LLC, as tcpdump prints it after an 802.3 length field:
//! spanning-tree BPDUs (SAP 0x42) as the one-line
//! `STP 802.1d, Config, Flags [none], bridge-id ..., length 35` and the
//! Rapid/Multiple STP forms, SNAP (SAP 0xaa) with an OUI and a protocol
//! identifier (Ethernet OUI 0 hands its ethertype back to the link layer,
//! Cisco PVST+ carries a BPDU), IPX (SAP 0xe0, [`super::ipx`]), and the
//! generic line for every other SAP:
//! `SRC Unknown SSAP 0x10 > DST Unknown DSAP 0x44 Information, send seq 0,
//! rcv seq 26, Flags [Command], length 52` followed by a hex dump.
//!
//! With `-e` the LLC header itself is spelled out first:
//! `LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: `
//! and, for SNAP, `oui Ethernet (0x000000), ethertype IPv4 (0x0800),
//! length 28: `. OSI (SAP 0xfe) goes to [`super::osi`]; the Cisco SNAP
//! protocols CDP, DTP, UDLD and VTP are named but not dissected.

use super::{Bytes, Dump, Printer, fmt, ip, ipx, l2ctl, link, osi};

/// The BPDU flag bits tcpdump names, lowest bit first (the two port-role
/// bits are not printed in this form).
const FLAGS: [(u8, &str); 6] = [
    (0x01, "Topology change"),
    (0x02, "Proposal"),
    (0x10, "Learn"),
    (0x20, "Forward"),
    (0x40, "Agreement"),
    (0x80, "Topology change ACK"),
];

fn flags(out: &mut Vec<u8>, f: u8) {
    out.push(b'[');
    let mut first = true;
    for (bit, name) in FLAGS {
        if f & bit != 0 {
            if !first {
                fmt::s(out, ", ");
            }
            fmt::s(out, name);
            first = false;
        }
    }
    if first {
        fmt::s(out, "none");
    }
    out.push(b']');
}

/// Prints the BPDU in `bpdu` (the bytes after the LLC header; `len` is
/// the 802.3 length field less the LLC header). `false` when the BPDU is
/// not in a form bpfcap prints, with nothing written.
pub(crate) fn stp(bpdu: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(bpdu);
    if stp_short_form(bpdu, len, out) {
        return true;
    }
    let (Some(0), Some(version), Some(kind), Some(f)) = (b.u16(0), b.u8(2), b.u8(3), b.u8(4))
    else {
        return false;
    };
    let mstp = match (version, kind) {
        // Without -v only the fields up to the port identifier are read.
        (0 | 2 | 3 | 4, 0x00) if bpdu.len() >= 27 => false,
        (2, 0x02) if bpdu.len() >= 27 => false,
        (3 | 4, 0x02) if bpdu.len() >= 38 => {
            let v3 = b.u16(36).unwrap_or(0) as usize + 38;
            if v3 > len {
                // The MSTI records it announces do not fit.
                fmt::s(out, "STP ");
                fmt::s(out, stp_version(version).unwrap_or(""));
                fmt::s(out, ", Rapid STP (invalid)");
                return true;
            }
            let fits = if version == 3 { v3 == len } else { v3 < len };
            if !fits {
                return false;
            }
            true
        }
        _ => return false,
    };
    if kind == 0x00 {
        // A configuration BPDU prints the same whatever version it claims.
        fmt::s(out, "STP ");
        fmt::s(out, stp_version(version).unwrap_or(""));
        fmt::s(out, ", Config, Flags ");
    } else {
        fmt::s(
            out,
            match version {
                2 => "STP 802.1w, Rapid STP, Flags ",
                3 => "STP 802.1s, Rapid STP, CIST Flags ",
                _ => "STP 802.1aq, Rapid STP, CIST Flags ",
            },
        );
    }
    flags(out, f);
    if !mstp {
        // bridge-id PRIO.MAC.PORT: the bridge identifier's priority and
        // address, then the port identifier.
        fmt::s(out, ", bridge-id ");
        fmt::x_pad(out, b.u16(17).unwrap_or(0) as u64, 4);
        out.push(b'.');
        fmt::mac(out, &bpdu[19..25]);
        out.push(b'.');
        fmt::x_pad(out, b.u16(25).unwrap_or(0) as u64, 4);
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    true
}

/// The protocol versions tcpdump names.
fn stp_version(version: u8) -> Option<&'static str> {
    Some(match version {
        0 => "802.1d",
        2 => "802.1w",
        3 => "802.1s",
        4 => "802.1aq",
        _ => return None,
    })
}

/// tcpdump's lines for BPDUs too short for their type, of an unknown
/// protocol, version or type, and topology change notifications; `false`
/// for the full configuration and rapid/multiple STP forms.
fn stp_short_form(bpdu: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    if len < 4 {
        fmt::s(out, " (invalid)");
        return true;
    }
    let Some(&[p0, p1, version, kind]) = bpdu.get(..4) else {
        // Captured too short for the type field.
        if let (Some([0, 0, _]), Some(name)) =
            (bpdu.get(..3), bpdu.get(2).copied().and_then(stp_version))
        {
            fmt::s(out, "STP ");
            fmt::s(out, name);
        }
        fmt::s(out, " [|stp]");
        return true;
    };
    if (p0, p1) != (0, 0) {
        fmt::s(out, "unknown STP version, length ");
        fmt::u(out, len as u64);
        return true;
    }
    let Some(name) = stp_version(version) else {
        fmt::s(out, "STP Unknown STP protocol (0x");
        fmt::x_pad(out, version as u64, 2);
        out.push(b')');
        return true;
    };
    let text = match kind {
        0x80 => "Topology Change",
        0x00 if len < 35 => "Config (invalid)",
        0x02 if version == 0 => "Rapid STP",
        0x02 if len < 36 => "Rapid STP (invalid)",
        // Long enough on the wire but not in the capture: the flags, if
        // captured, then the truncation mark.
        0x00 if bpdu.len() < 27 => {
            fmt::s(out, "STP ");
            fmt::s(out, name);
            fmt::s(out, ", Config");
            if let Some(&f) = bpdu.get(4) {
                fmt::s(out, ", Flags ");
                flags(out, f);
            }
            fmt::s(out, " [|stp]");
            return true;
        }
        0x00 | 0x02 => return false,
        _ => "",
    };
    fmt::s(out, "STP ");
    fmt::s(out, name);
    fmt::s(out, ", ");
    if text.is_empty() {
        fmt::s(out, "Unknown BPDU Type (0x");
        fmt::x_pad(out, kind as u64, 2);
        out.push(b')');
    } else {
        fmt::s(out, text);
    }
    true
}

/// The names tcpdump gives service access points (the low bit masked off).
fn sap_name(sap: u8) -> Option<&'static str> {
    Some(match sap {
        0x00 => "Null",
        0x02 => "802.1B I",
        0x04 => "SNA",
        0x06 => "IP",
        0x0e => "ProWay NM",
        0x42 => "STP",
        0x4e => "RS511",
        0x7e => "ISO8208",
        0x8e => "ProWay",
        0xaa => "SNAP",
        0xe0 => "IPX",
        0xf0 => "NetBeui",
        0xfe => "OSI",
        _ => return None,
    })
}

pub(crate) fn oui_name(oui: u32) -> &'static str {
    match oui {
        0x00_0000 => "Ethernet",
        0x00_000c => "Cisco",
        0x00_00f8 => "Cisco bridged",
        0x00_80c2 => "Ethernet bridged",
        0x08_0007 => "Appletalk",
        0x00_9069 => "Juniper",
        _ => "Unknown",
    }
}

pub(crate) fn cisco_pid_name(pid: u16) -> &'static str {
    match pid {
        0x2000 => "CDP",
        0x2003 => "VTP",
        0x2004 => "DTP",
        0x0111 => "UDLD",
        0x010b => "PVST",
        _ => "Unknown",
    }
}

/// The unnumbered commands, by control byte with the poll/final bit clear;
/// tcpdump shows any other as that byte in hex.
fn u_name(out: &mut Vec<u8>, ctrl: u8) {
    let name = match ctrl & !0x10 {
        0x03 => "ui",
        0x0f => "dm",
        0x43 => "disc",
        0x63 => "ua",
        0x6f => "sabme",
        0x87 => "frmr",
        0xaf => "xid",
        0xe3 => "test",
        other => return fmt::x_pad(out, other as u64, 2),
    };
    fmt::s(out, name);
}

/// `NAME (0xHH)` of a SAP for the `-e` header.
fn sap_e(out: &mut Vec<u8>, sap: u8) {
    fmt::s(out, sap_name(sap).unwrap_or("Unknown"));
    fmt::s(out, " (0x");
    fmt::x_pad(out, sap as u64, 2);
    out.push(b')');
}

/// The station addresses of the frame that carries the LLC PDU, when it
/// has them (Ethernet does; LLC directly on an ATM circuit does not).
pub(crate) type Macs<'a> = Option<(&'a [u8], &'a [u8])>;

/// Prints an LLC PDU. `data` is what was captured from the LLC header on,
/// `length` its length on the wire, `base` its offset in the frame (the
/// dumps count from the frame's start).
pub(crate) fn print(
    p: &mut Printer,
    data: &[u8],
    length: usize,
    macs: Macs<'_>,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    base: usize,
) {
    let data = &data[..data.len().min(length)];
    let b = Bytes(data);
    let eflag = p.opts.link_header;
    // Novell's "raw 802.3": no LLC header, the IPX checksum 0xffff where
    // the SAPs would be.
    if b.u16(0) == Some(0xffff) {
        fmt::s(out, if eflag { "IPX 802.3: " } else { "IPX " });
        dump.net_off = base;
        ipx::print(p, data, length, out);
        p.unwound_at(out, " [|ipx]");
        return;
    }
    // A header cut short is dumped whatever the options, and nothing
    // follows it.
    let short = |out: &mut Vec<u8>, dump: &mut Dump| {
        fmt::s(out, " [|llc]");
        super::hex_dump(out, data, true);
        dump.net_off = usize::MAX;
    };
    let (Some(dsap_raw), Some(ssap_raw), Some(c0)) = (b.u8(0), b.u8(1), b.u8(2)) else {
        short(out, dump);
        return;
    };
    let (dsap, ssap) = (dsap_raw & 0xfe, ssap_raw & 0xfe);
    // Unnumbered frames have a one-byte control field, the others two
    // (read little-endian, as tcpdump shows them).
    let unnumbered = c0 & 3 == 3;
    let ctrl = if unnumbered {
        c0 as u16
    } else {
        match b.u8(3) {
            Some(c1) => c0 as u16 | (c1 as u16) << 8,
            None => {
                short(out, dump);
                return;
            }
        }
    };
    let hlen = if unnumbered { 3 } else { 4 };
    if eflag {
        fmt::s(out, "LLC, dsap ");
        sap_e(out, dsap);
        fmt::s(out, if dsap_raw & 1 != 0 { " Group, ssap " } else { " Individual, ssap " });
        sap_e(out, ssap);
        fmt::s(out, if ssap_raw & 1 != 0 { " Response, ctrl 0x" } else { " Command, ctrl 0x" });
        fmt::x_pad(out, ctrl as u64, if unnumbered { 2 } else { 4 });
        fmt::s(out, ": ");
    }
    if ssap == 0xaa && dsap == 0xaa && ctrl == 0x03 {
        snap(p, data, length, macs, out, dump, base);
        return;
    }
    if ssap == 0x42 && dsap == 0x42 && ctrl == 0x03 {
        let mut line = Vec::new();
        if stp(&data[3..], length - 3, &mut line) {
            out.extend_from_slice(&line);
            dump.net_off = base + 3;
            return;
        }
    }
    if ssap == 0xe0 && dsap == 0xe0 && ctrl == 0x03 {
        fmt::s(out, if eflag { "IPX 802.2: " } else { "IPX " });
        dump.net_off = base + 3;
        ipx::print(p, &data[3..], length - 3, out);
        p.unwound_at(out, " [|ipx]");
        return;
    }
    if ssap == 0x06 && dsap == 0x06 && ctrl == 0x03 {
        // IPv4 on its own SAP.
        dump.net_off = base + 3;
        ip::ipv4(p, &data[3..], length - 3, out, !eflag);
        return;
    }
    if ssap == 0xfe && dsap == 0xfe && ctrl == 0x03 {
        dump.net_off = base + 3;
        osi::print(p, &data[3..], length - 3, out);
        return;
    }
    if !eflag {
        let sap_text = |out: &mut Vec<u8>, sap: u8, what: &str| match sap_name(sap) {
            Some(name) => fmt::s(out, name),
            None => {
                fmt::s(out, what);
                fmt::x_pad(out, sap as u64, 2);
            }
        };
        match macs {
            Some((src, dst)) if ssap != dsap => {
                fmt::mac(out, src);
                out.push(b' ');
                sap_text(out, ssap, "Unknown SSAP 0x");
                fmt::s(out, " > ");
                fmt::mac(out, dst);
                out.push(b' ');
                sap_text(out, dsap, "Unknown DSAP 0x");
            }
            Some((src, dst)) => {
                fmt::mac(out, src);
                fmt::s(out, " > ");
                fmt::mac(out, dst);
                out.push(b' ');
                sap_text(out, dsap, "Unknown DSAP 0x");
            }
            None => sap_text(out, dsap, "Unknown DSAP 0x"),
        }
        out.push(b' ');
    }
    // Command or response, and the poll/final bit.
    let pf = if unnumbered { ctrl & 0x10 != 0 } else { ctrl & 0x100 != 0 };
    let flags = match (ssap_raw & 1 != 0, pf) {
        (false, false) => "Command",
        (false, true) => "Poll",
        (true, false) => "Response",
        (true, true) => "Final",
    };
    if unnumbered {
        fmt::s(out, "Unnumbered, ");
        u_name(out, c0);
    } else if c0 & 1 == 0 {
        fmt::s(out, "Information, send seq ");
        fmt::u(out, ((ctrl >> 1) & 0x7f) as u64);
        fmt::s(out, ", rcv seq ");
        fmt::u(out, ((ctrl >> 9) & 0x7f) as u64);
    } else {
        fmt::s(out, "Supervisory, ");
        fmt::s(
            out,
            match (c0 >> 2) & 3 {
                0 => "Receiver Ready",
                1 => "Receiver not Ready",
                2 => "Reject",
                _ => "?",
            },
        );
        fmt::s(out, ", rcv seq ");
        fmt::u(out, ((ctrl >> 9) & 0x7f) as u64);
    }
    fmt::s(out, ", Flags [");
    fmt::s(out, flags);
    fmt::s(out, "], length ");
    fmt::u(out, length as u64);
    // An XID in the IEEE basic format shows its class and window.
    if unnumbered && c0 & !0x10 == 0xaf && data.len() > hlen && data[hlen] == 0x81 {
        match data.get(hlen + 1..hlen + 3) {
            Some(&[class, window]) => {
                fmt::s(out, ": ");
                fmt::byte_hex(out, class);
                out.push(b' ');
                fmt::byte_hex(out, window);
            }
            _ => {
                fmt::s(out, " [|llc]");
                super::hex_dump(out, &data[hlen..], true);
            }
        }
        dump.net_off = base + hlen;
        return;
    }
    // An XID whose information field is on the wire but not captured: the
    // format byte cannot be read.
    if unnumbered && c0 & !0x10 == 0xaf && data.len() <= hlen && length > hlen {
        fmt::s(out, " [|llc]");
    }
    // The default dump starts at the LLC header (none for supervisory
    // frames, nor for an XID without data), -x past it.
    dump.net_off = base + hlen;
    let supervisory = !unnumbered && c0 & 1 != 0;
    let bare_xid = unnumbered && c0 & !0x10 == 0xaf && data.len() <= hlen;
    if !supervisory && !bare_xid {
        dump.forced = Some(base);
    }
}

/// The SNAP header after the LLC one: a three-byte OUI and a two-byte
/// protocol identifier (an ethertype when the OUI is zero).
fn snap(
    p: &mut Printer,
    data: &[u8],
    length: usize,
    macs: Macs<'_>,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    base: usize,
) {
    let b = Bytes(data);
    let (Some(o_hi), Some(o_lo), Some(pid)) = (b.u8(3), b.u16(4), b.u16(6)) else {
        fmt::s(out, " [|snap]");
        dump.net_off = usize::MAX;
        return;
    };
    let oui = (o_hi as u32) << 16 | o_lo as u32;
    let eflag = p.opts.link_header;
    let rest = &data[8.min(data.len())..];
    let rlen = length.saturating_sub(8);
    // Without -e tcpdump leaves the Ethernet organisation code out of its
    // unknown-SNAP line.
    let header = |out: &mut Vec<u8>| {
        if eflag || oui != 0 {
            fmt::s(out, "oui ");
            fmt::s(out, oui_name(oui));
            fmt::s(out, " (0x");
            fmt::x_pad(out, oui as u64, 6);
            fmt::s(out, "), ");
        }
        fmt::s(out, if oui == 0 { "ethertype " } else { "pid " });
        fmt::s(
            out,
            match oui {
                0 | 0x00_00f8 | 0x08_0007 => link::ethertype_name(pid),
                0x00_000c => cisco_pid_name(pid),
                _ => "Unknown",
            },
        );
        fmt::s(out, " (0x");
        fmt::x_pad(out, pid as u64, 4);
        fmt::s(out, "), length ");
        fmt::u(out, rlen as u64);
        fmt::s(out, ": ");
    };
    dump.net_off = base + 8;
    let known = match oui {
        0 | 0x00_00f8 => link::dissected(pid),
        0x00_000c if l2ctl::is_cisco(pid) => {
            if eflag {
                header(out);
            }
            l2ctl::cisco(p, pid, rest, rlen, out);
            return;
        }
        0x00_000c => {
            pid == 0x010b && {
                let mut line = Vec::new();
                let ok = stp(rest, rlen, &mut line);
                if ok {
                    if eflag {
                        header(out);
                    }
                    out.extend_from_slice(&line);
                    return;
                }
                false
            }
        }
        _ => false,
    };
    if known {
        if eflag {
            header(out);
        }
        link::payload(p, pid, rest, rlen, out, dump, base + 8, !eflag);
        return;
    }
    if !eflag {
        if let Some((src, dst)) = macs {
            fmt::mac(out, src);
            fmt::s(out, " > ");
            fmt::mac(out, dst);
            out.push(b' ');
        }
        fmt::s(out, "SNAP, ");
    }
    header(out);
    dump.forced = Some(base);
}
