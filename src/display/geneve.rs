//! Geneve (RFC 8926, UDP port 6081). tcpdump prints the header on the
//! outer line, `Geneve, Flags [C], vni 0xa, options [8 bytes]: `, then the
//! encapsulated packet named by the protocol field: Ethernet (0x6558,
//! printed as a top-level Ethernet frame would be) or any ethertype it
//! dissects; other values print `geneve-proto-0xN`. The flag letters are
//! `O` and `C` then `R1`..`R6` for the reserved bits, run together; a
//! non-zero reserved byte after the VNI shows as `, rsvd 0xN`. The options
//! themselves are only counted, as tcpdump does without `-v`.

use super::{Bytes, Printer, fmt, tunnel};

/// Prints a Geneve packet (`len` bytes of UDP payload on the wire).
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "Geneve");
    if len < 8 {
        fmt::s(out, " [length ");
        fmt::u(out, len as u64);
        fmt::s(out, " < 8] (invalid)");
        return;
    }
    let (Some(b0), Some(flags), Some(proto), Some(vni)) = (b.u8(0), b.u8(1), b.u16(2), b.u32(4))
    else {
        fmt::s(out, " [|geneve]");
        return;
    };
    if b0 >> 6 != 0 {
        fmt::s(out, " ERROR: unknown-version ");
        fmt::u(out, (b0 >> 6) as u64);
        return;
    }
    let optlen = (b0 & 0x3f) as usize * 4;
    fmt::s(out, ", Flags [");
    if flags == 0 {
        fmt::s(out, "none");
    }
    for (bit, name) in [
        (0x80, "O"),
        (0x40, "C"),
        (0x20, "R1"),
        (0x10, "R2"),
        (0x08, "R3"),
        (0x04, "R4"),
        (0x02, "R5"),
        (0x01, "R6"),
    ] {
        if flags & bit != 0 {
            fmt::s(out, name);
        }
    }
    fmt::s(out, "], vni 0x");
    fmt::x(out, (vni >> 8) as u64);
    if vni & 0xff != 0 {
        fmt::s(out, ", rsvd 0x");
        fmt::x(out, (vni & 0xff) as u64);
    }
    tunnel::proto_e(p, proto, out);
    let hlen = 8 + optlen;
    if len < hlen {
        fmt::s(out, " truncated-geneve - ");
        fmt::u(out, (hlen - len) as u64);
        fmt::s(out, " bytes missing");
        return;
    }
    if data.len() < hlen {
        fmt::s(out, " [|geneve]");
        return;
    }
    if optlen > 0 {
        fmt::s(out, ", options [");
        fmt::u(out, optlen as u64);
        fmt::s(out, " bytes]");
    }
    let Some(inner) = data.get(hlen..) else {
        fmt::s(out, " [|geneve]");
        return;
    };
    fmt::s(out, ": ");
    if !tunnel::ethertype_payload(p, proto, inner, len - hlen, out) {
        fmt::s(out, "geneve-proto-0x");
        fmt::x(out, proto as u64);
    }
}
