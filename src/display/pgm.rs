//! PGM, Pragmatic General Multicast (RFC 3208, IP protocol 113). Without
//! `-v` tcpdump prints the addresses, then the addresses joined to the PGM
//! ports, then `PGM, length N` with the TSDU length from the header
//! (`IP a > b: a.1234 > b.5678: PGM, length 0`). The packet types and
//! options that `-v` details are not dissected.

use super::ip::Addrs;
use super::{Bytes, fmt, ip};

/// Prints a PGM packet after the IP layer's `src > dst: `.
pub(crate) fn print(addrs: &Addrs<'_>, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(sport), Some(dport)) = (b.u16(0), b.u16(2)) else {
        fmt::s(out, " [|pgm]");
        return;
    };
    ip::addr(out, addrs.src);
    out.push(b'.');
    fmt::u(out, sport as u64);
    fmt::s(out, " > ");
    ip::addr(out, addrs.dst);
    out.push(b'.');
    fmt::u(out, dport as u64);
    fmt::s(out, ": ");
    let Some(tsdu) = b.u16(14) else {
        fmt::s(out, " [|pgm]");
        return;
    };
    fmt::s(out, "PGM, length ");
    fmt::u(out, tsdu as u64);
}
