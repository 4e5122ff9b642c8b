//! The IPv6 Mobility Header (RFC 6275, next header 135).
//!
//! tcpdump prints `mobility: ` and the message: `BRR`, `HoTI`, `CoTI`,
//! `HoT nonce id=0x..`, `CoT nonce id=0x..`, `BU seq#=N A lifetime=N` (the
//! A, H, L, K flags run together), `BA status=N seq#=N lifetime=N`,
//! `BE status=N homeaddr ADDR`; lifetimes are in seconds (the field counts
//! units of four). A header shorter than its type needs is reported as
//! `(header length N is too small for type N)`, and a message cut short
//! ends with ` [|mobility]`. Not dissected: the `-v` cookies and mobility
//! options.

use super::ip::addr;
use super::{Bytes, fmt};

const NAMES: [&str; 8] = ["BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"];

/// The smallest header each message type fits in.
const MIN_LEN: [usize; 8] = [8, 16, 16, 24, 24, 12, 12, 24];

fn trunc(out: &mut Vec<u8>) {
    fmt::s(out, " [|mobility]");
}

/// Prints the Mobility Header at the start of `data`.
pub(crate) fn print(out: &mut Vec<u8>, data: &[u8]) {
    let b = Bytes(data);
    let (Some(hl), Some(typ)) = (b.u8(1), b.u8(2)) else {
        fmt::s(out, "mobility:");
        trunc(out);
        return;
    };
    let hlen = (hl as usize + 1) * 8;
    if let Some(&min) = MIN_LEN.get(typ as usize)
        && hlen < min
    {
        fmt::s(out, "(header length ");
        fmt::u(out, hlen as u64);
        fmt::s(out, " is too small for type ");
        fmt::u(out, typ as u64);
        out.push(b')');
        trunc(out);
        return;
    }
    fmt::s(out, "mobility: ");
    match NAMES.get(typ as usize) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "type-#");
            fmt::u(out, typ as u64);
            return;
        }
    }
    match typ {
        3 | 4 => {
            let Some(id) = b.u16(6) else {
                trunc(out);
                return;
            };
            fmt::s(out, " nonce id=0x");
            fmt::x(out, id as u64);
        }
        5 => {
            let Some(seq) = b.u16(6) else {
                trunc(out);
                return;
            };
            fmt::s(out, " seq#=");
            fmt::u(out, seq as u64);
            let Some(flags) = b.u8(8) else {
                trunc(out);
                return;
            };
            if flags & 0xf0 != 0 {
                out.push(b' ');
                for (bit, c) in [(0x80, b'A'), (0x40, b'H'), (0x20, b'L'), (0x10, b'K')] {
                    if flags & bit != 0 {
                        out.push(c);
                    }
                }
            }
            let Some(life) = b.u16(10) else {
                trunc(out);
                return;
            };
            fmt::s(out, " lifetime=");
            fmt::u(out, life as u64 * 4);
        }
        6 => {
            let Some(status) = b.u8(6) else {
                trunc(out);
                return;
            };
            fmt::s(out, " status=");
            fmt::u(out, status as u64);
            let (Some(flags), Some(seq)) = (b.u8(7), b.u16(8)) else {
                trunc(out);
                return;
            };
            if flags & 0x80 != 0 {
                fmt::s(out, " K");
            }
            fmt::s(out, " seq#=");
            fmt::u(out, seq as u64);
            let Some(life) = b.u16(10) else {
                trunc(out);
                return;
            };
            fmt::s(out, " lifetime=");
            fmt::u(out, life as u64 * 4);
        }
        7 => {
            let Some(status) = b.u8(6) else {
                trunc(out);
                return;
            };
            fmt::s(out, " status=");
            fmt::u(out, status as u64);
            let Some(home) = b.slice(8, 16) else {
                trunc(out);
                return;
            };
            fmt::s(out, " homeaddr ");
            addr(out, home);
        }
        _ => {}
    }
}
