//! LDP, the Label Distribution Protocol (RFC 5036), on TCP and UDP port
//! 646.
//!
//! Every LDP PDU starts with a ten-byte header: version, PDU length (not
//! counting the first four bytes), and the LDP identifier, which is the
//! LSR's router id and a two-byte label space. At default verbosity
//! tcpdump prints the header of the first PDU only,
//! `LDP, Label-Space-ID: 192.168.0.2:0, pdu-length: 28`, right after the
//! UDP `: ` or glued to the TCP `length N` (tcpdump writes no separator
//! there). A payload of 18 bytes or less (a PDU header plus one message
//! header) prints nothing at all, even a complete KeepAlive. The messages
//! and their TLVs, which tcpdump shows with `-v`, are not dissected.

use super::{Bytes, Printer, fmt};

/// The PDU header plus a message header: tcpdump prints a PDU only while
/// more than this much of the payload is left.
const MIN_PAYLOAD: usize = 18;

/// Prints the LDP part of a TCP or UDP line; `data` is the captured
/// payload and `len` its length on the wire.
pub(crate) fn print(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if len <= MIN_PAYLOAD {
        return;
    }
    let b = Bytes(data);
    let (Some(version), Some(pdu_len), Some(lsr), Some(space)) =
        (b.u16(0), b.u16(2), b.slice(4, 4), b.u16(8))
    else {
        fmt::s(out, "[|ldp]");
        return;
    };
    if version != 1 {
        fmt::s(out, "LDP version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    fmt::s(out, "LDP, Label-Space-ID: ");
    fmt::ipv4(out, lsr);
    out.push(b':');
    fmt::u(out, space as u64);
    fmt::s(out, ", pdu-length: ");
    fmt::u(out, pdu_len as u64);
}
