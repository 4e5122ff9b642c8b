//! Geneve (RFC 8926, UDP port 6081). tcpdump prints the header on the
//! outer line, `Geneve, Flags [C], vni 0xa, options [8 bytes]: `, then the
//! encapsulated frame: Ethernet (protocol 0x6558, printed as a top-level
//! Ethernet frame would be) or IPv4/IPv6. The options themselves are only
//! counted, as tcpdump does without `-v`.

use super::{Bytes, Printer, fmt, tunnel};

/// Prints a Geneve packet; `false` (nothing written) when the fixed
/// header is not captured or the version is not 0.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(b0), Some(flags), Some(proto), Some(vni)) = (b.u8(0), b.u8(1), b.u16(2), b.u32(4))
    else {
        return false;
    };
    if b0 >> 6 != 0 {
        return false;
    }
    let optlen = (b0 & 0x3f) as usize * 4;
    fmt::s(out, "Geneve, Flags [");
    match flags & 0xc0 {
        0 => fmt::s(out, "none"),
        0x80 => fmt::s(out, "O"),
        0x40 => fmt::s(out, "C"),
        _ => fmt::s(out, "O, C"),
    }
    fmt::s(out, "], vni 0x");
    fmt::x(out, (vni >> 8) as u64);
    if optlen > 0 {
        fmt::s(out, ", options [");
        fmt::u(out, optlen as u64);
        fmt::s(out, " bytes]");
    }
    let hlen = 8 + optlen;
    let Some(inner) = data.get(hlen..) else {
        fmt::s(out, " [|geneve]");
        return true;
    };
    fmt::s(out, ": ");
    tunnel::ethertype_payload(p, proto, inner, len.saturating_sub(hlen), out);
    true
}
