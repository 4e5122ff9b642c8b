//! Cisco's smaller SNAP protocols (OUI 00:00:0c): UDLD (PID 0x0111), DTP
//! (PID 0x2004) and VTP (PID 0x2003).
//!
//! At default verbosity tcpdump prints one line for each:
//!
//! ```text
//! UDLDv1, Code Probe message (1), Flags [RT, RSY] (0x03), length 60
//! DTPv1, length 29
//! VTPv2, Message Summary advertisement (0x01), length 72
//! ```
//!
//! where the length is the SNAP payload's. A payload shorter than the
//! fixed header (4 bytes for UDLD, 36 for VTP, none for DTP) is
//! `(invalid)`. Their TLVs, shown with `-v`, are not dissected.

use super::{Bytes, Printer, fmt};

/// UniDirectional Link Detection (RFC 5171): version and opcode, flags.
/// Codes other than the three defined are all `Reserved`, and flag bits
/// other than RT and RSY are named `MBZ-n`, as tcpdump does.
pub(crate) fn udld(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if len < 4 {
        fmt::s(out, " (invalid)");
        return;
    }
    let b = Bytes(data);
    let (Some(vo), Some(flags)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|udld]");
        return;
    };
    fmt::s(out, "UDLDv");
    fmt::u(out, (vo >> 5) as u64);
    fmt::s(out, ", Code ");
    let code = vo & 0x1f;
    fmt::s(
        out,
        match code {
            1 => "Probe message",
            2 => "Echo message",
            3 => "Flush message",
            _ => "Reserved",
        },
    );
    fmt::s(out, " (");
    fmt::x(out, code as u64);
    fmt::s(out, "), Flags [");
    if flags == 0 {
        fmt::s(out, "none");
    }
    for bit in 0..8 {
        if flags & (1 << bit) == 0 {
            continue;
        }
        if flags & ((1 << bit) - 1) != 0 {
            fmt::s(out, ", ");
        }
        match bit {
            0 => fmt::s(out, "RT"),
            1 => fmt::s(out, "RSY"),
            _ => {
                fmt::s(out, "MBZ-");
                fmt::u(out, bit as u64);
            }
        }
    }
    fmt::s(out, "] (0x");
    fmt::x_pad(out, flags as u64, 2);
    fmt::s(out, "), length ");
    fmt::u(out, len as u64);
}

/// Dynamic Trunking Protocol: only the version is in a fixed place.
pub(crate) fn dtp(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if len == 0 {
        fmt::s(out, "[zero packet length] (invalid)");
        return;
    }
    let Some(version) = Bytes(data).u8(0) else {
        fmt::s(out, " [|dtp]");
        return;
    };
    fmt::s(out, "DTPv");
    fmt::u(out, version as u64);
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

/// The VTP header every message starts with: version, code, a count and
/// the management domain (length and 32 bytes).
const VTP_HEADER: usize = 36;

/// VLAN Trunking Protocol: version and message type.
pub(crate) fn vtp(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if len < VTP_HEADER {
        fmt::s(out, " (invalid)");
        return;
    }
    let b = Bytes(data);
    let (Some(version), Some(kind)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|vtp]");
        return;
    };
    fmt::s(out, "VTPv");
    fmt::u(out, version as u64);
    fmt::s(out, ", Message ");
    fmt::s(
        out,
        match kind {
            1 => "Summary advertisement",
            2 => "Subset advertisement",
            3 => "Advertisement request",
            4 => "Join message",
            _ => "Unknown message type",
        },
    );
    fmt::s(out, " (0x");
    fmt::x_pad(out, kind as u64, 2);
    fmt::s(out, "), length ");
    fmt::u(out, len as u64);
    // tcpdump walks the VLAN records of a subset advertisement to the end
    // of the message, even when it prints only the header.
    if data.len() < VTP_HEADER || (kind == 2 && data.len() < len) {
        fmt::s(out, " [|vtp]");
    }
}
