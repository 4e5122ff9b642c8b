//! ATM: SunATM captures (DLT 123: a direction/traffic-type byte, the VPI
//! and the VCI before the reassembled PDU) and Classical IP over ATM
//! (DLT 19), with OAM cells and the signalling channel, and LLC over ATM
//! (DLT 11, RFC 1483), where tcpdump takes a PDU that does not start with
//! an LLC header to have a 20-byte pseudo-header first.
//!
//! tcpdump prints no ATM header at default verbosity. On VPI 0 it gives
//! VCI 3 and 4 to OAM, whose line names the flow and the cell header it
//! carries:
//!
//! ```text
//! OAM F5, vpi 96, vci 12288, payload [ user data, uncongested, SDU 0 ], clp 0, length 54
//! ```
//!
//! and VCI 5 to signalling (`Q.2931:Setup CALL_REF:0x010203`, or
//! `SSCOP, proto 8 ` for other protocol discriminators). LLC traffic goes to
//! the LLC printer. The OAM cell's fault-management fields (shown with
//! `-v`), ILMI (SNMP on VCI 16) and LAN emulation are not dissected.

use super::{Bytes, Dump, Printer, fmt, ip, llc};

/// DLT 123, SunATM (with `-e`, `Rx: VPI:0 VCI:5 ` first). Returns `false`
/// for the traffic bpfcap does not dissect (nothing written then).
pub(crate) fn sunatm(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) -> bool {
    let b = Bytes(data);
    let (Some(flags), Some(vpi), Some(vci)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        fmt::s(out, " [|sunatm]");
        return true;
    };
    let ilmi = vpi == 0 && vci == 16;
    let known = (vpi == 0 && matches!(vci, 3..=5)) || (!ilmi && flags & 0x0f == 2);
    if !known {
        return false;
    }
    if p.opts.link_header {
        fmt::s(out, if flags & 0x80 != 0 { "Tx: VPI:" } else { "Rx: VPI:" });
        fmt::u(out, u64::from(vpi));
        fmt::s(out, " VCI:");
        fmt::u(out, u64::from(vci));
        out.push(b' ');
    }
    let rest = &data[4..];
    let len = wire.saturating_sub(4);
    dump.net_off = 4;
    if vpi == 0 {
        match vci {
            3 | 4 => {
                p.dump_whole = !oam(rest, len, out);
                return true;
            }
            5 => {
                p.dump_whole = !signalling(rest, out);
                return true;
            }
            _ => {}
        }
    }
    llc::print(p, rest, len, None, out, dump, 4);
    // tcpdump's -x dump starts after the SunATM header whatever the LLC
    // printer found inside.
    dump.net_off = 4;
    true
}

/// The names tcpdump gives the payload type of a cell header.
fn payload_type(pt: u8) -> &'static str {
    match pt {
        0 => "user data, uncongested, SDU 0",
        1 => "user data, uncongested, SDU 1",
        2 => "user data, congested, SDU 0",
        3 => "user data, congested, SDU 1",
        4 => "VCC OAM F5 flow segment",
        5 => "VCC OAM F5 flow end-to-end",
        6 => "Traffic Control and resource Mgmt",
        _ => "Unknown",
    }
}

/// An OAM cell as the SunATM driver hands it over: a byte, then the cell
/// header without its HEC, then the cell type. Returns `false` when it
/// was truncated (tcpdump then dumps the whole frame with `-x`).
fn oam(data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let Some(h) = data.get(1..6) else {
        fmt::s(out, " [|oam]");
        return false;
    };
    let vpi = (u32::from(h[0] & 0x0f) << 4) | u32::from(h[1] >> 4);
    let vci = (u32::from(h[1] & 0x0f) << 12) | (u32::from(h[2]) << 4) | u32::from(h[3] >> 4);
    let pt = (h[3] >> 1) & 7;
    fmt::s(
        out,
        match vci {
            3 => "OAM F4 (segment), vpi ",
            4 => "OAM F4 (end), vpi ",
            _ => "OAM F5, vpi ",
        },
    );
    fmt::u(out, u64::from(vpi));
    fmt::s(out, ", vci ");
    fmt::u(out, u64::from(vci));
    fmt::s(out, ", payload [ ");
    fmt::s(out, payload_type(pt));
    fmt::s(out, " ], clp ");
    fmt::u(out, u64::from(h[3] & 1));
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    true
}

fn q2931_msg(t: u8) -> Option<&'static str> {
    Some(match t {
        0x02 => "Call_proceeding",
        0x05 => "Setup",
        0x07 => "Connect",
        0x0f => "Connect_ack",
        0x46 => "Restart",
        0x4d => "Release",
        0x4e => "Restart_ack",
        0x5a => "Release_complete",
        0x75 => "Status_enquiry",
        0x7d => "Status",
        _ => return None,
    })
}

/// The signalling channel (VCI 5); `false` when truncated.
fn signalling(data: &[u8], out: &mut Vec<u8>) -> bool {
    let Some(&proto) = data.first() else {
        fmt::s(out, " [|atm]");
        return false;
    };
    if proto != 0x09 {
        fmt::s(out, "SSCOP, proto ");
        fmt::u(out, u64::from(proto));
        out.push(b' ');
        return true;
    }
    fmt::s(out, "Q.2931");
    let Some(&t) = data.get(5) else {
        fmt::s(out, " [|atm]");
        return false;
    };
    out.push(b':');
    match q2931_msg(t) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "msgtype#");
            fmt::u(out, u64::from(t));
        }
    }
    fmt::s(out, " CALL_REF:0x");
    for &c in &data[2..5] {
        fmt::byte_hex(out, c);
    }
    true
}

/// DLT 19, Classical IP over ATM: LLC/SNAP when the PDU starts with it,
/// else a bare IP packet (with `-e`, the length first).
pub(crate) fn cip(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    // With -e tcpdump names nothing but the length.
    if p.opts.link_header {
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    if data.len() < 6 {
        p.dump_whole = true;
        fmt::s(out, " [|cip]");
        return;
    }
    if data[..6] == [0xaa, 0xaa, 0x03, 0, 0, 0] {
        llc::print(p, data, wire, None, out, dump, 0);
    } else {
        ip::ipv4(p, data, wire, out, true);
    }
}

/// DLT 11: LLC-encapsulated ATM. Returns `false` for what bpfcap leaves
/// undissected (a PDU starting with a UI byte, which tcpdump hands to its
/// OSI printer).
pub(crate) fn rfc1483(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) -> bool {
    if data.first() == Some(&0x03) {
        return false;
    }
    let Some(head) = data.get(..3) else {
        fmt::s(out, " [|atm]");
        return true;
    };
    let off = if head == [0xaa, 0xaa, 0x03] || head == [0xfe, 0xfe, 0x03] { 0 } else { 20 };
    if data.len() < off {
        fmt::s(out, " [|atm]");
        return true;
    }
    llc::print(p, &data[off..], wire.saturating_sub(off), None, out, dump, off);
    true
}
