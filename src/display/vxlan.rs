//! VXLAN (RFC 7348, UDP port 4789), its OTV reading on port 8472, and
//! VXLAN-GPE (UDP 4790) with the NSH header (RFC 8300, also ethertype
//! 0x894f) it often carries. tcpdump prints:
//!
//! * `VXLAN, flags [I] (0x08), vni 100` then, on a new line, the inner
//!   Ethernet frame as a top-level frame would print;
//! * `OTV, flags [I] (0x08), overlay 0, instance 100` then the frame;
//! * `VXLAN-GPE, flags [IP], vni 16777215: ` then the next protocol;
//! * `NSH, flags [O], service-path-id 0xffffff, service-index 0xff: ` then
//!   the next protocol.
//!
//! NSH metadata (context headers) is not dissected.

use super::{Bytes, Printer, fmt, ip, mpls, tunnel};

/// `VXLAN, flags [I] (0x08), vni N` and the inner frame; `false` when the
/// header is not captured.
pub(crate) fn vxlan(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(flags), Some(vni)) = (b.u8(0), b.u32(4)) else {
        return false;
    };
    fmt::s(out, "VXLAN, flags [");
    out.push(if flags & 0x08 != 0 { b'I' } else { b'.' });
    fmt::s(out, "] (0x");
    fmt::x_pad(out, flags as u64, 2);
    fmt::s(out, "), vni ");
    fmt::u(out, (vni >> 8) as u64);
    out.push(b'\n');
    tunnel::ether(p, &data[8..], len.saturating_sub(8), out);
    true
}

/// `OTV, flags [I] (0x08), overlay O, instance I` and the inner frame.
pub(crate) fn otv(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(w0), Some(w1)) = (b.u32(0), b.u32(4)) else {
        return false;
    };
    let flags = (w0 >> 24) as u8;
    fmt::s(out, "OTV, flags [");
    out.push(if flags & 0x08 != 0 { b'I' } else { b'.' });
    fmt::s(out, "] (0x");
    fmt::x_pad(out, flags as u64, 2);
    fmt::s(out, "), overlay ");
    fmt::u(out, (w0 & 0x00ff_ffff) as u64);
    fmt::s(out, ", instance ");
    fmt::u(out, (w1 >> 8) as u64);
    out.push(b'\n');
    tunnel::ether(p, &data[8..], len.saturating_sub(8), out);
    true
}

/// Prints what a VXLAN-GPE or NSH "next protocol" number names.
fn next_proto(p: &mut Printer, proto: u8, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if p.depth >= super::MAX_DEPTH {
        return;
    }
    p.depth += 1;
    match proto {
        1 => ip::ipv4(p, data, len, out, true),
        2 => ip::ipv6(p, data, len, out, true),
        3 => tunnel::ether(p, data, len, out),
        4 => nsh(p, data, len, out),
        5 => mpls::print(p, data, len, out),
        _ => {
            fmt::s(out, "ip-proto-");
            fmt::u(out, proto as u64);
        }
    }
    p.depth -= 1;
}

/// `VXLAN-GPE, flags [IP], vni N: ` and the next protocol.
pub(crate) fn gpe(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(flags), Some(proto), Some(vni)) = (b.u8(0), b.u8(3), b.u32(4)) else {
        return false;
    };
    fmt::s(out, "VXLAN-GPE, flags [");
    let mut any = false;
    for (bit, c) in [(0x08, b'I'), (0x04, b'P'), (0x02, b'B'), (0x01, b'O')] {
        if flags & bit != 0 {
            out.push(c);
            any = true;
        }
    }
    if !any {
        out.push(b'.');
    }
    fmt::s(out, "], vni ");
    fmt::u(out, (vni >> 8) as u64);
    fmt::s(out, ": ");
    next_proto(p, proto, &data[8..], len.saturating_sub(8), out);
    true
}

/// `NSH, flags [O], service-path-id 0xSSSSSS, service-index 0xI: ` and the
/// next protocol.
pub(crate) fn nsh(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(b0), Some(b1), Some(proto), Some(sp)) = (b.u8(0), b.u8(1), b.u8(3), b.u32(4)) else {
        fmt::s(out, "NSH [|nsh]");
        return;
    };
    let hlen = (b1 as usize & 0x3f) * 4;
    fmt::s(out, "NSH, flags [");
    // Only the OAM bit is named; the bit after it is unassigned.
    fmt::s(out, if b0 & 0x20 != 0 { "O" } else { "none" });
    fmt::s(out, "], service-path-id 0x");
    fmt::x_pad(out, (sp >> 8) as u64, 6);
    fmt::s(out, ", service-index 0x");
    fmt::x(out, (sp & 0xff) as u64);
    if hlen < 8 || data.len() < hlen {
        fmt::s(out, " [|nsh]");
        return;
    }
    fmt::s(out, ": ");
    next_proto(p, proto, &data[hlen..], len.saturating_sub(hlen), out);
}
