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
/// line starts `ES-IS, `; with it the caller has already named the NLPID.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if !p.opts.link_header {
        fmt::s(out, "ES-IS, ");
    }
    // NLPID, length indicator, version, reserved, then the type in the
    // low five bits.
    let Some(kind) = Bytes(data).u8(4).map(|t| t & 0x1f) else {
        fmt::s(out, "[|esis]");
        return;
    };
    match kind {
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
