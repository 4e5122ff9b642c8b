//! ES-IS (ISO 9542), the OSI end-system to intermediate-system hello and
//! redirect protocol, reached through [`super::osi`] (NLPID 0x82).
//!
//! At default verbosity tcpdump prints the PDU type and the length the
//! link layer gave:
//!
//! ```text
//! ES-IS, redirect, length 262139
//! ES-IS, unknown type (0), length 65565
//! ```
//!
//! The addresses and options, shown with `-v`, are not dissected.

use super::{Bytes, Printer, fmt};

/// Prints an ES-IS PDU, `data` starting at its NLPID. Without `-e` the
/// line starts `ES-IS`; with it the caller has already named the NLPID.
///
/// As in tcpdump, the nine-byte fixed header must have been captured, the
/// version must be 1 and the length indicator between 11 and `len`.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if !p.opts.link_header {
        fmt::s(out, "ES-IS");
    }
    // NLPID, length indicator, version, reserved, type (low five bits),
    // holding time and checksum.
    let b = Bytes(data);
    let (Some(li), Some(version), Some(kind), true) = (b.u8(1), b.u8(2), b.u8(4), data.len() >= 9)
    else {
        fmt::s(out, " [|esis]");
        return;
    };
    if version != 1 {
        fmt::s(out, " version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    if li < 11 {
        fmt::s(out, " length indicator ");
        fmt::u(out, li as u64);
        fmt::s(out, " < min PDU size:");
        upper_hex(out, &data[..data.len().min(len)]);
        return;
    }
    if li as usize > len {
        fmt::s(out, " length indicator(");
        fmt::u(out, li as u64);
        fmt::s(out, ") > PDU size (");
        fmt::u(out, len as u64);
        fmt::s(out, ")!");
        return;
    }
    if !p.opts.link_header {
        fmt::s(out, ", ");
    }
    match kind & 0x1f {
        2 => fmt::s(out, "ESH"),
        4 => fmt::s(out, "ISH"),
        6 => fmt::s(out, "redirect"),
        other => {
            fmt::s(out, "unknown type (");
            fmt::u(out, other as u64);
            out.push(b')');
        }
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

/// Bytes as contiguous upper-case hex, as tcpdump writes a PDU too short
/// for its length indicator.
pub(crate) fn upper_hex(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &c in bytes {
        out.push(HEX[(c >> 4) as usize]);
        out.push(HEX[(c & 15) as usize]);
    }
}
