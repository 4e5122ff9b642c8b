//! LDP, the MPLS Label Distribution Protocol (RFC 5036, UDP and TCP port
//! 646). Without `-v` tcpdump prints the first PDU's header only:
//! `LDP, Label-Space-ID: 10.1.0.2:0, pdu-length: 38`. It prints nothing
//! at all for a payload of 18 bytes or less (too short for a PDU header and
//! a message header), `LDP version N packet not supported` for versions
//! other than 1, and `LDP, pdu-length: N (too short, < 6)` for an
//! impossible PDU length. The messages and TLVs are not dissected.

use super::{Bytes, fmt};

/// Prints the LDP PDUs in `data` (`len` bytes on the wire).
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    if len <= 18 {
        return;
    }
    let b = Bytes(data);
    let (Some(ver), Some(plen), Some(lsr), Some(space)) =
        (b.u16(0), b.u16(2), b.slice(4, 4), b.u16(8))
    else {
        fmt::s(out, " [|LDP]");
        return;
    };
    if ver != 1 {
        fmt::s(out, "LDP version ");
        fmt::u(out, ver as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    fmt::s(out, "LDP, ");
    if plen < 6 {
        fmt::s(out, "pdu-length: ");
        fmt::u(out, plen as u64);
        fmt::s(out, " (too short, < 6)");
        return;
    }
    fmt::s(out, "Label-Space-ID: ");
    fmt::ipv4(out, lsr);
    out.push(b':');
    fmt::u(out, space as u64);
    fmt::s(out, ", pdu-length: ");
    fmt::u(out, plen as u64);
}
