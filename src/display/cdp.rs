//! Cisco Discovery Protocol (LLC/SNAP, OUI 00:00:0c, PID 0x2000).
//!
//! At default verbosity tcpdump 4.99.3 prints the version, the hold time
//! and the Device-ID, then, for every other TLV, its value as an indented
//! hex dump (one dump per TLV, offsets restarting at 0), and finally the
//! CDP length:
//!
//! ```text
//! CDPv2, ttl: 180s, Device-ID 'Switch'
//!       0x0000:  4369 7363 6f20 494f 5320 536f 6674 7761
//!       ...
//!       0x0000:  0000 0001 0000 0000 ffff ffff, length 378
//! ```
//!
//! The `-v` forms, which name and decode each TLV, are not done.

use super::{Bytes, Printer, fmt, l2ctl};

/// The TLV type of the Device-ID.
const DEVICE_ID: u16 = 0x0001;

/// Prints a CDP packet: `data` starts after the SNAP header, `len` is its
/// length from the 802.3 header.
pub(crate) fn print(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(version), Some(ttl)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, "[|cdp]");
        return;
    };
    fmt::s(out, "CDPv");
    fmt::u(out, version as u64);
    fmt::s(out, ", ttl: ");
    fmt::u(out, ttl as u64);
    out.push(b's');
    let end = len.min(data.len());
    // The Device-ID, when it is the first TLV, goes on the first line.
    if b.u16(4) == Some(DEVICE_ID)
        && let Some(l) = b.u16(6)
        && let Some(name) = b.slice(8, (l as usize).saturating_sub(4))
    {
        fmt::s(out, ", Device-ID '");
        for &c in name {
            out.push(if (0x20..0x7f).contains(&c) { c } else { b'.' });
        }
        out.push(b'\'');
    }
    let mut off = 4;
    // Every TLV takes at least its four header bytes, which bounds the loop.
    while off + 4 <= end {
        let (Some(t), Some(l)) = (b.u16(off), b.u16(off + 2)) else { break };
        let l = l as usize;
        if l < 4 {
            fmt::s(out, " [|cdp]");
            return;
        }
        let Some(value) = b.slice(off + 4, l - 4) else {
            fmt::s(out, " [|cdp]");
            return;
        };
        if t != DEVICE_ID {
            l2ctl::hex_lines(out, "\n\t  ", value);
        }
        off += l;
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}
