//! EAP over LAN (IEEE 802.1X, ethertype 0x888e).
//!
//! At default verbosity tcpdump prints the EAPOL header alone:
//!
//! ```text
//! EAP packet (0) v1, len 5
//! EAPOL start (1) v1, len 0
//! ```
//!
//! The EAP request/response inside, shown with `-v`, is not dissected.

use super::{Bytes, Printer, fmt};

/// Prints an EAPOL frame: `data` starts after the ethertype.
pub(crate) fn print(_p: &mut Printer, data: &[u8], _len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(version), Some(kind), Some(body_len)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        fmt::s(out, " [|eap]");
        return;
    };
    fmt::s(
        out,
        match kind {
            0 => "EAP packet",
            1 => "EAPOL start",
            2 => "EAPOL logoff",
            3 => "EAPOL key",
            4 => "Encapsulated ASF alert",
            _ => "unknown",
        },
    );
    fmt::s(out, " (");
    fmt::u(out, kind as u64);
    fmt::s(out, ") v");
    fmt::u(out, version as u64);
    fmt::s(out, ", len ");
    fmt::u(out, body_len as u64);
}
