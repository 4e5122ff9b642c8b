//! VXLAN (RFC 7348, UDP port 4789), its OTV reading on port 8472, and
//! VXLAN-GPE (UDP 4790) with the NSH header (RFC 8300, also ethertype
//! 0x894f) it often carries. tcpdump prints:
//!
//! * `VXLAN, flags [I] (0x08), vni 100` then, on a new line, the inner
//!   Ethernet frame as a top-level frame would print (`[invalid]` when the
//!   I flag is clear);
//! * `OTV, flags [I] (0x08), overlay 0, instance 100` then the frame;
//! * `VXLAN-GPE, flags [IP], vni 16777215: ` then the next protocol
//!   (IPv4, IPv6, Ethernet or NSH);
//! * `NSH, flags [O], service-path-id 0xffffff, service-index 0xff: ` then
//!   the next protocol.
//!
//! NSH metadata (context headers) is not dissected.

use super::{Bytes, Printer, fmt, ip, tunnel};

/// `VXLAN, flags [I] (0x08), vni N` and the inner frame.
pub(crate) fn vxlan(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    if len < 8 {
        fmt::s(out, "VXLAN (invalid)");
        return;
    }
    let Some(flags) = b.u8(0) else {
        fmt::s(out, "VXLAN [|vxlan]");
        return;
    };
    fmt::s(out, "VXLAN, flags [");
    fmt::s(out, if flags & 0x08 != 0 { "I" } else { "invalid" });
    fmt::s(out, "] (0x");
    fmt::x_pad(out, flags as u64, 2);
    fmt::s(out, "), ");
    let Some(vni) = b.slice(4, 3) else {
        fmt::s(out, " [|vxlan]");
        return;
    };
    fmt::s(out, "vni ");
    fmt::u(out, u32::from_be_bytes([0, vni[0], vni[1], vni[2]]) as u64);
    out.push(b'\n');
    if data.len() < 8 {
        fmt::s(out, " [|vxlan]");
        return;
    }
    tunnel::ether(p, &data[8..], len - 8, out);
}

/// `OTV, flags [I] (0x08), overlay O, instance I` and the inner frame.
pub(crate) fn otv(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    if len < 8 {
        fmt::s(out, "OTV, [length ");
        fmt::u(out, len as u64);
        fmt::s(out, " < 8] (invalid)");
        return;
    }
    fmt::s(out, "OTV, ");
    let Some(flags) = b.u8(0) else {
        fmt::s(out, " [|otv]");
        return;
    };
    fmt::s(out, "flags [");
    out.push(if flags & 0x08 != 0 { b'I' } else { b'.' });
    fmt::s(out, "] (0x");
    fmt::x_pad(out, flags as u64, 2);
    fmt::s(out, "), ");
    let Some(overlay) = b.slice(1, 3) else {
        fmt::s(out, " [|otv]");
        return;
    };
    fmt::s(out, "overlay ");
    fmt::u(out, u32::from_be_bytes([0, overlay[0], overlay[1], overlay[2]]) as u64);
    fmt::s(out, ", ");
    let Some(inst) = b.slice(4, 3) else {
        fmt::s(out, " [|otv]");
        return;
    };
    fmt::s(out, "instance ");
    fmt::u(out, u32::from_be_bytes([0, inst[0], inst[1], inst[2]]) as u64);
    out.push(b'\n');
    if data.len() < 8 {
        fmt::s(out, " [|otv]");
        return;
    }
    tunnel::ether(p, &data[8..], len - 8, out);
}

/// Prints what a VXLAN-GPE or NSH "next protocol" number names; `false`
/// (nothing written) for numbers other than IPv4, IPv6, Ethernet and NSH.
fn next_proto(p: &mut Printer, proto: u8, data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    if !matches!(proto, 1..=4) {
        return false;
    }
    if p.depth >= super::MAX_DEPTH {
        return true;
    }
    p.depth += 1;
    match proto {
        1 => ip::ipv4(p, data, len, out, !p.opts.link_header),
        2 => ip::ipv6(p, data, len, out, !p.opts.link_header),
        3 => tunnel::ether(p, data, len, out),
        _ => nsh(p, data, len, out),
    }
    p.depth -= 1;
    true
}

/// `VXLAN-GPE, flags [IP], vni N: ` and the next protocol.
pub(crate) fn gpe(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "VXLAN-GPE, ");
    if len < 8 {
        fmt::s(out, " (len ");
        fmt::u(out, len as u64);
        fmt::s(out, " < 8) (invalid)");
        return;
    }
    let Some(flags) = b.u8(0) else {
        fmt::s(out, " [|vxlan_gpe]");
        return;
    };
    fmt::s(out, "flags [");
    if flags & 0x0f == 0 {
        fmt::s(out, "none");
    }
    for (bit, c) in [(0x08, b'I'), (0x04, b'P'), (0x02, b'B'), (0x01, b'O')] {
        if flags & bit != 0 {
            out.push(c);
        }
    }
    fmt::s(out, "], ");
    let (Some(proto), Some(vni)) = (b.u8(3), b.slice(4, 3)) else {
        fmt::s(out, " [|vxlan_gpe]");
        return;
    };
    fmt::s(out, "vni ");
    fmt::u(out, u32::from_be_bytes([0, vni[0], vni[1], vni[2]]) as u64);
    fmt::s(out, ": ");
    let rest = data.get(8..).unwrap_or(&[]);
    if !next_proto(p, proto, rest, len.saturating_sub(8), out) {
        fmt::s(out, "ERROR: unknown-next-protocol (invalid)");
    }
}

/// `NSH, flags [O], service-path-id 0xSSSSSS, service-index 0xI: ` and the
/// next protocol.
pub(crate) fn nsh(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(b0), Some(b1), Some(proto), Some(sp)) = (b.u8(0), b.u8(1), b.u8(3), b.u32(4)) else {
        fmt::s(out, " [|nsh]");
        return;
    };
    fmt::s(out, "NSH, ");
    // Another version's header is not dissected (tcpdump stops silently).
    if b0 >> 6 != 0 {
        return;
    }
    let words = (b1 & 0x3f) as usize;
    let hlen = words * 4;
    fmt::s(out, "flags [");
    fmt::s(out, if b0 & 0x20 != 0 { "O" } else { "none" });
    fmt::s(out, "], ");
    if hlen > len {
        fmt::s(out, " (too many headers for packet length ");
        fmt::u(out, len as u64);
        fmt::s(out, ") (invalid)");
        return;
    }
    fmt::s(out, "service-path-id 0x");
    fmt::x_pad(out, (sp >> 8) as u64, 6);
    fmt::s(out, ", service-index 0x");
    fmt::x(out, (sp & 0xff) as u64);
    if words < 2 {
        fmt::s(out, " (less than two headers) (invalid)");
        return;
    }
    if data.len() < hlen {
        fmt::s(out, " [|nsh]");
        return;
    }
    fmt::s(out, ": ");
    if !next_proto(p, proto, &data[hlen..], len.saturating_sub(hlen), out) {
        fmt::s(out, "ERROR: unknown-next-protocol");
    }
}
