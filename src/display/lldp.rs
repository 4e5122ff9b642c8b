//! Link Layer Discovery Protocol (IEEE 802.1AB, ethertype 0x88cc).
//!
//! At default verbosity tcpdump prints the LLDPDU's length and, when the
//! PDU carries a System Name TLV, that name:
//!
//! ```text
//! LLDP, length 282: S2.cisco.com
//! ```
//!
//! It still walks every TLV up to the End TLV, so a TLV cut short by the
//! capture ends the line with ` [|lldp]`. The TLV details (`-v`) are not
//! dissected.

use super::{Bytes, Printer, fmt, l2ctl};

/// The TLV types this printer looks at.
const END: u16 = 0;
const SYSTEM_NAME: u16 = 5;

/// Prints an LLDPDU: `data` starts after the ethertype, `len` is its
/// length on the wire.
pub(crate) fn print(_p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "LLDP, length ");
    fmt::u(out, len as u64);
    let mut off = 0;
    // Each TLV takes at least its two header bytes, which bounds the loop.
    while off + 2 <= len {
        let Some(head) = b.u16(off) else {
            fmt::s(out, " [|lldp]");
            return;
        };
        let (t, l) = (head >> 9, (head & 0x1ff) as usize);
        let Some(value) = b.slice(off + 2, l) else {
            fmt::s(out, " [|lldp]");
            return;
        };
        match t {
            END => return,
            // tcpdump shows the name up to its first NUL, and nothing
            // for an empty one.
            SYSTEM_NAME if !value.is_empty() => {
                fmt::s(out, ": ");
                let end = value.iter().position(|&c| c == 0).unwrap_or(value.len());
                l2ctl::safe_text(out, &value[..end]);
            }
            _ => {}
        }
        off += 2 + l;
    }
}
