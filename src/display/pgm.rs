//! PGM, Pragmatic General Multicast (RFC 3208), IP protocol 113.
//!
//! At default verbosity tcpdump prints the addresses again with PGM's
//! ports, then the transport data unit length from the common header:
//! `10.0.0.45.13320 > 239.255.0.16.5563: PGM, length 1436`. The packet
//! types, options and the ZMTP carried inside (shown with `-v`) are not
//! dissected.

use super::ip::{self, Addrs};
use super::{Bytes, fmt};

/// Prints a PGM packet after the IP layer's `src > dst: `.
pub(crate) fn print(addrs: &Addrs<'_>, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(sport), Some(dport), Some(tsdu)) = (b.u16(0), b.u16(2), b.u16(14)) else {
        fmt::s(out, "[|pgm]");
        return;
    };
    ip::addr(out, addrs.src);
    out.push(b'.');
    fmt::u(out, sport as u64);
    fmt::s(out, " > ");
    ip::addr(out, addrs.dst);
    out.push(b'.');
    fmt::u(out, dport as u64);
    fmt::s(out, ": PGM, length ");
    fmt::u(out, tsdu as u64);
}
