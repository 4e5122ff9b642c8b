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
//! where the length is the SNAP payload's. Their TLVs, shown with `-v`,
//! are not dissected.

use super::{Bytes, Printer, fmt};

/// UniDirectional Link Detection (RFC 5171).
pub(crate) fn udld(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(vo), Some(flags)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, "[|udld]");
        return;
    };
    fmt::s(out, "UDLDv");
    fmt::u(out, (vo >> 5) as u64);
    fmt::s(out, ", Code ");
    let code = vo & 0x1f;
    fmt::s(
        out,
        match code {
            0 => "Reserved",
            1 => "Probe message",
            2 => "Echo message",
            3 => "Flush message",
            _ => "unknown",
        },
    );
    fmt::s(out, " (");
    fmt::u(out, code as u64);
    fmt::s(out, "), Flags [");
    let mut first = true;
    for (bit, name) in [(0x01u8, "RT"), (0x02, "RSY")] {
        if flags & bit != 0 {
            if !first {
                fmt::s(out, ", ");
            }
            fmt::s(out, name);
            first = false;
        }
    }
    if first {
        fmt::s(out, "none");
    }
    fmt::s(out, "] (0x");
    fmt::x_pad(out, flags as u64, 2);
    fmt::s(out, "), length ");
    fmt::u(out, len as u64);
}

/// Dynamic Trunking Protocol: only the version is in a fixed place.
pub(crate) fn dtp(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let Some(version) = Bytes(data).u8(0) else {
        fmt::s(out, "[|dtp]");
        return;
    };
    fmt::s(out, "DTPv");
    fmt::u(out, version as u64);
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

/// VLAN Trunking Protocol: version and message type.
pub(crate) fn vtp(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(version), Some(kind)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, "[|vtp]");
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
}
