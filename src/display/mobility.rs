//! The IPv6 Mobility Header (RFC 6275, next header 135, and the draft
//! number 62 that tcpdump still accepts).
//!
//! tcpdump prints the message type and, at default verbosity, the fields
//! that identify the message:
//!
//! ```text
//! mobility: BRR
//! mobility: HoT nonce id=0x90a
//! mobility: BU seq#=1000 A lifetime=14400
//! mobility: BA status=0 seq#=1000 lifetime=14400
//! mobility: BE status=1 homeaddr 2001:db8::1
//! ```
//!
//! Lifetimes are shown in seconds (the field counts units of four). A
//! header length too small for its message type reads
//! `(header length 8 is too small for type 5) [|mobility]`. The cookies
//! and the mobility options, which tcpdump shows only with `-v`, are not
//! dissected.

use super::{Bytes, fmt};

/// The smallest header length (in bytes) of each known message type.
fn min_len(t: u8) -> usize {
    match t {
        0 => 8,
        1 | 2 | 5 | 6 => 16,
        3 | 4 | 7 => 24,
        _ => 0,
    }
}

/// Prints a mobility header; `data` starts at it.
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(hlen), Some(t)) = (b.u8(1), b.u8(2)) else {
        fmt::s(out, " [|mobility]");
        return;
    };
    let mhlen = (usize::from(hlen) + 1) * 8;
    if mhlen < min_len(t) {
        fmt::s(out, "(header length ");
        fmt::u(out, mhlen as u64);
        fmt::s(out, " is too small for type ");
        fmt::u(out, u64::from(t));
        fmt::s(out, ") [|mobility]");
        return;
    }
    fmt::s(out, "mobility: ");
    if body(b, t, hlen, out).is_none() {
        fmt::s(out, " [|mobility]");
    }
}

/// The message after its name; `None` where the capture ends.
fn body(b: Bytes<'_>, t: u8, hlen: u8, out: &mut Vec<u8>) -> Option<()> {
    match t {
        0 => fmt::s(out, "BRR"),
        1 => fmt::s(out, "HoTI"),
        2 => fmt::s(out, "CoTI"),
        3 | 4 => {
            fmt::s(out, if t == 3 { "HoT" } else { "CoT" });
            let id = b.u16(6)?;
            fmt::s(out, " nonce id=0x");
            fmt::x(out, u64::from(id));
        }
        5 => {
            fmt::s(out, "BU");
            let seq = b.u16(6)?;
            fmt::s(out, " seq#=");
            fmt::u(out, u64::from(seq));
            let (flags, life) = (b.u8(8)?, b.u16(10)?);
            if flags & 0xf0 != 0 {
                out.push(b' ');
                for (bit, c) in [(0x80, b'A'), (0x40, b'H'), (0x20, b'L'), (0x10, b'K')] {
                    if flags & bit != 0 {
                        out.push(c);
                    }
                }
            }
            fmt::s(out, " lifetime=");
            fmt::u(out, u64::from(life) * 4);
        }
        6 => {
            fmt::s(out, "BA");
            let status = b.u8(6)?;
            fmt::s(out, " status=");
            fmt::u(out, u64::from(status));
            if b.u8(7)? & 0x80 != 0 {
                fmt::s(out, " K");
            }
            let seq = b.u16(8)?;
            fmt::s(out, " seq#=");
            fmt::u(out, u64::from(seq));
            let life = b.u16(10)?;
            fmt::s(out, " lifetime=");
            fmt::u(out, u64::from(life) * 4);
        }
        7 => {
            fmt::s(out, "BE");
            let status = b.u8(6)?;
            fmt::s(out, " status=");
            fmt::u(out, u64::from(status));
            let home: &[u8; 16] = b.slice(8, 16)?.try_into().ok()?;
            fmt::s(out, " homeaddr ");
            fmt::ipv6(out, home);
        }
        _ => {
            fmt::s(out, "type-#");
            fmt::u(out, u64::from(t));
            fmt::s(out, " len=");
            fmt::u(out, u64::from(hlen));
        }
    }
    Some(())
}
