//! Connectivity Fault Management (IEEE 802.1ag, ethertype 0x8902).
//!
//! At default verbosity tcpdump prints the common CFM header:
//!
//! ```text
//! CFMv0 Linktrace Message, MD Level 3, length 74
//! CFMv0 unknown (204), MD Level 0, length 168
//! ```
//!
//! Only version 0 is decoded (`CFMv1 not supported, length 64`), and a PDU
//! shorter than the four-byte common header is `packet is too short` on a
//! line of its own. The opcode-specific fields and TLVs (`-v`) are not
//! dissected.

use super::{Bytes, Printer, fmt};

/// Prints a CFM PDU: `data` starts after the ethertype, `len` is its
/// length on the wire.
pub(crate) fn print(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    // The common header: MD level and version, opcode, flags and the
    // offset of the first TLV.
    let (Some(level_version), Some(opcode), true) = (b.u8(0), b.u8(1), data.len() >= 4) else {
        fmt::s(out, "\n\t\t packet is too short");
        return;
    };
    fmt::s(out, "CFMv");
    fmt::u(out, (level_version & 0x1f) as u64);
    if level_version & 0x1f != 0 {
        fmt::s(out, " not supported, length ");
        fmt::u(out, len as u64);
        return;
    }
    out.push(b' ');
    let name = match opcode {
        1 => "Continuity Check Message",
        2 => "Loopback Reply",
        3 => "Loopback Message",
        4 => "Linktrace Reply",
        5 => "Linktrace Message",
        _ => "",
    };
    if name.is_empty() {
        fmt::s(out, "unknown (");
        fmt::u(out, opcode as u64);
        out.push(b')');
    } else {
        fmt::s(out, name);
    }
    fmt::s(out, ", MD Level ");
    fmt::u(out, (level_version >> 5) as u64);
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}
