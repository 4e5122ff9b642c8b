//! Cisco Discovery Protocol (LLC/SNAP, OUI 00:00:0c, PID 0x2000).
//!
//! At default verbosity tcpdump 4.99.3 prints the version and the hold
//! time, then walks the TLVs: a Device-ID is written inline, every other
//! TLV's value is shown as an indented hex dump (offsets restarting at 0
//! for each), and the CDP length ends the output:
//!
//! ```text
//! CDPv2, ttl: 180s, Device-ID 'Switch'
//!       0x0000:  4369 7363 6f20 494f 5320 536f 6674 7761
//!       ...
//!       0x0000:  0000 0001 0000 0000 ffff ffff, length 378
//! ```
//!
//! A TLV whose value has a length its type does not allow is flagged
//! ` (malformed TLV)` before its dump; a TLV header that is too short or
//! runs past the packet ends the output with tcpdump's `(invalid)`
//! messages. The `-v` forms, which name and decode each TLV, are not done.

use super::{Bytes, Printer, fmt, l2ctl};

/// The TLV type of the Device-ID.
const DEVICE_ID: u16 = 0x0001;

/// The name tcpdump gives a TLV type, and the value lengths it accepts
/// (`None` when it does not check).
fn tlv_info(t: u16) -> (&'static str, Option<(usize, usize)>) {
    match t {
        0x01 => ("Device-ID", None),
        0x02 => ("Address", None),
        0x03 => ("Port-ID", None),
        0x04 => ("Capability", Some((4, 4))),
        0x05 => ("Version String", None),
        0x06 => ("Platform", None),
        0x07 => ("Prefixes", None),
        0x08 => ("Protocol-Hello option", None),
        0x09 => ("VTP Management Domain", None),
        0x0a => ("Native VLAN ID", Some((2, 2))),
        0x0b => ("Duplex", Some((1, 1))),
        0x0e => ("ATA-186 VoIP VLAN assignment", Some((3, 3))),
        0x0f => ("ATA-186 VoIP VLAN request", Some((2, 3))),
        0x10 => ("power consumption", Some((1, 3))),
        0x11 => ("MTU", Some((4, 4))),
        0x12 => ("AVVID trust bitmap", Some((1, 1))),
        0x13 => ("AVVID untrusted ports CoS", Some((1, 1))),
        0x14 => ("System Name", None),
        0x15 => ("System Object ID (not decoded)", None),
        0x16 => ("Management Addresses", Some((4, usize::MAX))),
        0x17 => ("Physical Location", Some((1, usize::MAX))),
        _ => ("unknown field type", None),
    }
}

/// Prints a CDP packet: `data` starts after the SNAP header, `len` is its
/// length from the 802.3 header.
pub(crate) fn print(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    if len < 4 {
        fmt::s(out, " (packet length ");
        fmt::u(out, len as u64);
        fmt::s(out, " < 4) (invalid)");
        return;
    }
    let (Some(version), Some(ttl)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|cdp]");
        return;
    };
    fmt::s(out, "CDPv");
    fmt::u(out, version as u64);
    fmt::s(out, ", ttl: ");
    fmt::u(out, ttl as u64);
    out.push(b's');
    let mut off = 4;
    // Every TLV takes at least its four header bytes, which bounds the loop.
    while off < len {
        let remaining = len - off;
        if remaining < 4 {
            fmt::s(out, " (remaining packet length ");
            fmt::u(out, remaining as u64);
            fmt::s(out, " < 4) (invalid)");
            return;
        }
        let (Some(t), Some(l)) = (b.u16(off), b.u16(off + 2)) else {
            fmt::s(out, " [|cdp]");
            return;
        };
        let l = l as usize;
        let (name, lengths) = tlv_info(t);
        if l < 4 {
            fmt::s(out, ", ");
            fmt::s(out, name);
            fmt::s(out, " TLV length ");
            fmt::u(out, l as u64);
            fmt::s(out, " too short (invalid)");
            return;
        }
        if l > remaining {
            fmt::s(out, " (TLV length ");
            fmt::u(out, l as u64);
            fmt::s(out, " > ");
            fmt::u(out, remaining as u64);
            fmt::s(out, ") (invalid)");
            return;
        }
        let Some(value) = b.slice(off + 4, l - 4) else {
            fmt::s(out, " [|cdp]");
            return;
        };
        if t == DEVICE_ID {
            fmt::s(out, ", Device-ID '");
            l2ctl::safe_text(out, value);
            out.push(b'\'');
        } else {
            if let Some((lo, hi)) = lengths
                && !(lo..=hi).contains(&value.len())
            {
                fmt::s(out, " (malformed TLV)");
            }
            l2ctl::hex_lines(out, "\n\t  ", value);
        }
        off += l;
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}
