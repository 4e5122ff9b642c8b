//! Cisco's VLAN Query Protocol (VQP) on UDP port 1589.
//!
//! At default verbosity tcpdump prints the version, the message type, the
//! error code and the payload length:
//! `VQPv1 Request, Join Port Message, error-code No error (0), length 18`. The
//! sequence number and the items (shown with `-v`) are not printed.

use super::{Bytes, fmt};

fn msg_type(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Request, Join Port",
        2 => "Response, VLAN",
        3 => "Request, Reconfirm",
        4 => "Response, Reconfirm",
        _ => return None,
    })
}

fn error_code(e: u8) -> Option<&'static str> {
    Some(match e {
        0 => "No error",
        3 => "Access denied",
        4 => "Shutdown port",
        5 => "Wrong VTP domain",
        _ => return None,
    })
}

/// Prints a VQP message (the UDP payload, `len` bytes long).
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(v), Some(t), Some(e)) = (b.u8(0), b.u8(1), b.u8(2)) else {
        fmt::s(out, "[|vqp]");
        return;
    };
    fmt::s(out, "VQPv");
    fmt::u(out, v as u64);
    out.push(b' ');
    match msg_type(t) {
        Some(n) => fmt::s(out, n),
        None => unknown(out, t),
    }
    fmt::s(out, " Message, error-code ");
    match error_code(e) {
        Some(n) => fmt::s(out, n),
        None => fmt::s(out, "unknown"),
    }
    fmt::s(out, " (");
    fmt::u(out, e as u64);
    fmt::s(out, "), length ");
    fmt::u(out, len as u64);
}

fn unknown(out: &mut Vec<u8>, v: u8) {
    fmt::s(out, "unknown (");
    fmt::u(out, v as u64);
    out.push(b')');
}
