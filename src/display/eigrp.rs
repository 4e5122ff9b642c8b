//! EIGRP, Cisco's Enhanced Interior Gateway Routing Protocol (IP protocol
//! 88, over IPv4 and IPv6; RFC 7868).
//!
//! At default verbosity tcpdump prints the opcode and the IP payload
//! length, `EIGRP Hello, length: 40`. The header fields and the TLVs
//! (shown with `-v`) are not dissected.

use super::{Bytes, fmt};

/// tcpdump's names for the opcodes.
fn opcode_name(op: u8) -> Option<&'static str> {
    Some(match op {
        1 => "Update",
        3 => "Query",
        4 => "Reply",
        5 => "Hello",
        6 => "IPX SAP",
        7 => "Probe",
        _ => return None,
    })
}

/// Prints an EIGRP packet; `len` is the IP payload length.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    // tcpdump wants the whole 20-byte common header first.
    let (Some(version), Some(op), Some(_)) = (b.u8(0), b.u8(1), b.slice(0, 20)) else {
        fmt::s(out, " [|eigrp]");
        return;
    };
    if version != 2 {
        fmt::s(out, "EIGRP version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    fmt::s(out, "EIGRP ");
    match opcode_name(op) {
        Some(name) => fmt::s(out, name),
        None => {
            fmt::s(out, "unknown (");
            fmt::u(out, op as u64);
            out.push(b')');
        }
    }
    fmt::s(out, ", length: ");
    fmt::u(out, len as u64);
}
