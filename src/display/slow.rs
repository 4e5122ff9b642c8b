//! The IEEE 802.3 slow protocols (ethertype 0x8809): LACP, the marker
//! protocol and OAM.
//!
//! At default verbosity tcpdump prints the subtype's name, its version and
//! the length (OAM, which has no version byte, without it):
//!
//! ```text
//! LACPv1, length 110
//! OAM, length 44
//! ```
//!
//! A version other than 1 is `not supported`, and a PDU too short for its
//! subtype and version is `(packet is too short)`.
//!
//! A subtype it does not know (the organization-specific one, 10,
//! included) is named by number and dumped in hex from the subtype on:
//!
//! ```text
//! unknown (10), length 52
//!     0x0000:  0a00 19a7 0001 1000 0000 0100 0404 0000
//! ```
//!
//! The TLVs of LACP and marker PDUs and the OAM fields (`-v`) are not
//! dissected.

use super::{Bytes, Printer, fmt, l2ctl};

/// Prints a slow-protocol PDU: `data` starts at the subtype, `len` is its
/// length on the wire.
pub(crate) fn print(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let Some(subtype) = b.u8(0) else {
        fmt::s(out, " (packet is too short)");
        return;
    };
    let name = match subtype {
        1 => "LACP",
        2 => "MARKER",
        3 => {
            // OAM has flags where the others have a version.
            fmt::s(out, "OAM, length ");
            fmt::u(out, len as u64);
            return;
        }
        _ => {
            fmt::s(out, "unknown (");
            fmt::u(out, subtype as u64);
            fmt::s(out, "), length ");
            fmt::u(out, len as u64);
            l2ctl::hex_lines(out, "\n\t", &data[..len.min(data.len())]);
            return;
        }
    };
    let Some(version) = b.u8(1) else {
        fmt::s(out, " (packet is too short)");
        return;
    };
    fmt::s(out, name);
    if version != 1 {
        fmt::s(out, " version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    fmt::s(out, "v1, length ");
    fmt::u(out, len as u64);
}
