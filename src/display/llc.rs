//! 802.3 frames carrying spanning-tree BPDUs (LLC SAP 0x42): tcpdump's
//! one-line `STP 802.1d, Config, Flags [none], bridge-id ..., length 35`
//! and the Rapid/Multiple STP forms.
//!
//! Only BPDUs whose form was compared with tcpdump 4.99.3 are printed;
//! anything else answers `false` and keeps the caller's honest
//! `LLC, not dissected` line.

use super::{Bytes, fmt};

/// The BPDU flag bits tcpdump names, lowest bit first (the two port-role
/// bits are not printed in this form).
const FLAGS: [(u8, &str); 6] = [
    (0x01, "Topology change"),
    (0x02, "Proposal"),
    (0x10, "Learn"),
    (0x20, "Forward"),
    (0x40, "Agreement"),
    (0x80, "Topology change ACK"),
];

fn flags(out: &mut Vec<u8>, f: u8) {
    out.push(b'[');
    let mut first = true;
    for (bit, name) in FLAGS {
        if f & bit != 0 {
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
    out.push(b']');
}

/// Whether the LLC header at the start of `llc` is the spanning-tree one
/// (DSAP 0x42, SSAP 0x42, UI control).
pub(crate) fn is_stp(llc: &[u8]) -> bool {
    llc.get(0..3) == Some(&[0x42, 0x42, 0x03][..])
}

/// Where the BPDU starts after an LLC header: 3 for the spanning-tree
/// SAP, 8 for Cisco's PVST+ SNAP encapsulation (OUI 00:00:0c, PID 0x010b).
pub(crate) fn bpdu_offset(llc: &[u8]) -> Option<usize> {
    if is_stp(llc) {
        Some(3)
    } else if llc.get(0..8) == Some(&[0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x01, 0x0b][..]) {
        Some(8)
    } else {
        None
    }
}

/// Prints the BPDU in `bpdu` (the bytes after the LLC header; `len` is
/// the 802.3 length field less the LLC header). `false` when the BPDU is
/// not in a form bpfcap prints, with nothing written.
pub(crate) fn stp(bpdu: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(bpdu);
    let (Some(0), Some(version), Some(kind), Some(f)) = (b.u16(0), b.u8(2), b.u8(3), b.u8(4))
    else {
        return false;
    };
    let mstp = match (version, kind) {
        (0, 0x00) if bpdu.len() >= 35 => false,
        (2, 0x02) if bpdu.len() >= 36 => false,
        (3 | 4, 0x02) if bpdu.len() >= 38 => {
            let v3 = b.u16(36).unwrap_or(0) as usize + 38;
            let fits = if version == 3 { v3 == len } else { v3 < len };
            if !fits {
                return false;
            }
            true
        }
        _ => return false,
    };
    fmt::s(
        out,
        match version {
            0 => "STP 802.1d, Config, Flags ",
            2 => "STP 802.1w, Rapid STP, Flags ",
            3 => "STP 802.1s, Rapid STP, CIST Flags ",
            _ => "STP 802.1aq, Rapid STP, CIST Flags ",
        },
    );
    flags(out, f);
    if !mstp {
        // bridge-id PRIO.MAC.PORT: the bridge identifier's priority and
        // address, then the port identifier.
        fmt::s(out, ", bridge-id ");
        fmt::x_pad(out, b.u16(17).unwrap_or(0) as u64, 4);
        out.push(b'.');
        fmt::mac(out, &bpdu[19..25]);
        out.push(b'.');
        fmt::x_pad(out, b.u16(25).unwrap_or(0) as u64, 4);
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    true
}
