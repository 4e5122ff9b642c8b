//! LSP ping, MPLS echo request and reply (RFC 8029, formerly RFC 4379), on
//! UDP port 3503.
//!
//! The fixed 32-byte header carries the version, global flags, message
//! type, reply mode, return code and subcode, the sender's handle, a
//! sequence number and two NTP timestamps. At default verbosity tcpdump
//! prints `LSP-PINGv1, MPLS Echo Request, seq 1, length: 48` (the length
//! being the UDP payload's), and ` [|lspping]` when the header is cut
//! short. The TLVs that follow (target FEC stack, downstream mapping,
//! ...), which tcpdump shows with `-v`, are not dissected.

use super::{Bytes, Printer, fmt};

/// The fixed part of an echo request or reply.
const HEADER_LEN: usize = 32;

fn msg_type_name(t: u8) -> &'static str {
    match t {
        1 => "MPLS Echo Request",
        2 => "MPLS Echo Reply",
        _ => "unknown",
    }
}

/// Prints the LSP ping part of a UDP line; `data` is the captured payload
/// and `len` its length on the wire.
pub(crate) fn print(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(version), Some(msg_type), Some(seq)) = (b.u16(0), b.u8(4), b.u32(12)) else {
        fmt::s(out, " [|lspping]");
        return;
    };
    if data.len() < HEADER_LEN {
        fmt::s(out, " [|lspping]");
        return;
    }
    fmt::s(out, "LSP-PINGv");
    fmt::u(out, version as u64);
    fmt::s(out, ", ");
    fmt::s(out, msg_type_name(msg_type));
    fmt::s(out, ", seq ");
    fmt::u(out, seq as u64);
    fmt::s(out, ", length: ");
    fmt::u(out, len as u64);
}
