//! OLSR (RFC 3626, UDP port 698).
//!
//! At default verbosity tcpdump prints only the packet header:
//! `OLSRv4, seq 0xce93, length 72` (`OLSRv6` over IPv6), the length being
//! the packet length field or the UDP payload length, whichever is smaller. The messages, which it shows with `-v`, are
//! not dissected.

use super::{Bytes, fmt};

/// Prints an OLSR packet; `v6` says whether it came over IPv6.
pub(crate) fn print(data: &[u8], udp_len: usize, v6: bool, out: &mut Vec<u8>) {
    fmt::s(out, if v6 { "OLSRv6" } else { "OLSRv4" });
    let b = Bytes(data);
    let (Some(len), Some(seq)) = (b.u16(0), b.u16(2)) else {
        fmt::s(out, " [|olsr]");
        return;
    };
    fmt::s(out, ", seq 0x");
    fmt::x_pad(out, u64::from(seq), 4);
    fmt::s(out, ", length ");
    fmt::u(out, (usize::from(len)).min(udp_len) as u64);
}
