//! LISP control messages (RFC 6830/6833, UDP port 4342): Map-Register and
//! Map-Notify, which tcpdump prints as a header line followed by one line
//! per EID record,
//!
//! ```text
//! LISP-Map-Notify, 2 record(s),
//!  EID 10.30.1.100/32, 1 locator(s) LOC 20.20.8.253
//!     xTR-ID: 0x0000:  9787 ad75 3caf 58a7 13fa 6920 e6d2 7a8f
//!     SITE-ID: 0
//! ```
//!
//! with the xTR-ID and site ID when the I bit is set, any other trailing
//! bytes as `Data:` hex lines, and ` (invalid)` where the message ends
//! before a field it promises. Other LISP message types show only their
//! name (`LISP-Map-Request,`).

use super::{Bytes, fmt};

/// The address of an AFI-tagged field (IPv4 or IPv6) and its length;
/// `None` for any other family.
fn afi_len(afi: u16) -> Option<usize> {
    match afi {
        1 => Some(4),
        2 => Some(16),
        _ => None,
    }
}

fn addr(out: &mut Vec<u8>, a: &[u8]) {
    super::ip::addr(out, a);
}

/// tcpdump's hex lines with a label before each (`\n    Data: 0x0000:  ...`).
fn hex_lines(out: &mut Vec<u8>, label: &str, data: &[u8]) {
    for (i, chunk) in data.chunks(16).enumerate() {
        fmt::s(out, "\n    ");
        fmt::s(out, label);
        fmt::s(out, ": 0x");
        fmt::x_pad(out, (i * 16) as u64, 4);
        out.push(b':');
        out.push(b' ');
        for pair in chunk.chunks(2) {
            out.push(b' ');
            fmt::hex_bytes(out, pair);
        }
    }
}

/// Prints a LISP control message (only the type name for those other
/// than Map-Register and Map-Notify). `len` is the UDP payload length.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let data = &data[..len.min(data.len())];
    let b = Bytes(data);
    let (Some(b0), Some(count)) = (b.u8(0), b.u8(3)) else {
        fmt::s(out, " [|lisp]");
        return true;
    };
    let xtr_bit = match b0 >> 4 {
        3 => {
            fmt::s(out, "LISP-Map-Register, ");
            0x02
        }
        4 => {
            fmt::s(out, "LISP-Map-Notify, ");
            0x08
        }
        t => {
            match t {
                0 => fmt::s(out, "LISP-Reserved"),
                1 => fmt::s(out, "LISP-Map-Request"),
                2 => fmt::s(out, "LISP-Map-Reply"),
                // tcpdump's spelling.
                8 => fmt::s(out, "LISP-Encapsulated-Contol-Message"),
                _ => {
                    fmt::s(out, "unknown-type-");
                    fmt::u(out, t as u64);
                }
            }
            out.push(b',');
            return true;
        }
    };
    fmt::u(out, count as u64);
    fmt::s(out, " record(s),");
    let Some(auth_len) = b.u16(14) else {
        fmt::s(out, " (invalid)");
        return true;
    };
    let mut off = 16 + auth_len as usize;
    if off > data.len() {
        fmt::s(out, " (invalid)");
        return true;
    }
    for _ in 0..count {
        out.push(b'\n');
        let (Some(locs), Some(mask), Some(afi)) = (b.u8(off + 4), b.u8(off + 5), b.u16(off + 10))
        else {
            fmt::s(out, " (invalid)");
            return true;
        };
        let Some(alen) = afi_len(afi) else {
            return true;
        };
        let Some(eid) = b.slice(off + 12, alen) else {
            fmt::s(out, " (invalid)");
            return true;
        };
        fmt::s(out, " EID ");
        addr(out, eid);
        out.push(b'/');
        fmt::u(out, mask as u64);
        fmt::s(out, ", ");
        fmt::u(out, locs as u64);
        fmt::s(out, " locator(s)");
        off += 12 + alen;
        for _ in 0..locs {
            let Some(lafi) = b.u16(off + 6) else {
                fmt::s(out, " (invalid)");
                return true;
            };
            let Some(llen) = afi_len(lafi) else {
                return true;
            };
            let Some(loc) = b.slice(off + 8, llen) else {
                fmt::s(out, " (invalid)");
                return true;
            };
            fmt::s(out, " LOC ");
            addr(out, loc);
            off += 8 + llen;
        }
    }
    let rest = &data[off.min(data.len())..];
    if b0 & xtr_bit != 0 {
        let (Some(xtr), Some(site)) = (b.slice(off, 16), b.slice(off + 16, 8)) else {
            fmt::s(out, " (invalid)");
            return true;
        };
        hex_lines(out, "xTR-ID", xtr);
        fmt::s(out, "\n    SITE-ID: ");
        let mut id = [0u8; 8];
        id.copy_from_slice(site);
        fmt::u(out, u64::from_be_bytes(id));
    } else if !rest.is_empty() {
        hex_lines(out, "Data", rest);
    }
    true
}
