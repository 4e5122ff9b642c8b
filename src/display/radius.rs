//! RADIUS (RFC 2865/2866, dynamic authorization RFC 5176) on UDP ports
//! 1645, 1646, 1812, 1813, 1700 and 3799. Without `-v` tcpdump prints one
//! line: `RADIUS, Access-Request (1), id: 0x05 length: 139`. The attributes
//! that `-v` lists are not dissected.

use super::{Bytes, fmt};

/// tcpdump's names for the RADIUS codes.
fn code_name(c: u8) -> Option<&'static str> {
    Some(match c {
        1 => "Access-Request",
        2 => "Access-Accept",
        3 => "Access-Reject",
        4 => "Accounting-Request",
        5 => "Accounting-Response",
        11 => "Access-Challenge",
        12 => "Status-Server",
        13 => "Status-Client",
        40 => "Disconnect-Request",
        41 => "Disconnect-ACK",
        42 => "Disconnect-NAK",
        43 => "CoA-Request",
        44 => "CoA-ACK",
        45 => "CoA-NAK",
        _ => return None,
    })
}

/// `RADIUS, NAME (CODE), id: 0xII length: LEN`, where LEN is the header's
/// length bounded by the UDP payload's; tcpdump writes ` [|radius]` when
/// that is less than the 20-byte header.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(code), Some(id), Some(hlen)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        fmt::s(out, " [|radius]");
        return;
    };
    let mlen = (hlen as usize).min(len);
    if mlen < 20 || data.len() < 20 {
        fmt::s(out, " [|radius]");
        return;
    }
    fmt::s(out, "RADIUS, ");
    fmt::s(out, code_name(code).unwrap_or("Unknown Command"));
    fmt::s(out, " (");
    fmt::u(out, code as u64);
    fmt::s(out, "), id: 0x");
    fmt::x_pad(out, id as u64, 2);
    fmt::s(out, " length: ");
    fmt::u(out, mlen as u64);
}
