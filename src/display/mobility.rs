//! The IPv6 Mobility Header (RFC 6275, next header 135).
//!
//! tcpdump prints `mobility: ` and the message: `BRR`, `HoTI`, `CoTI`,
//! `HoT nonce id=0x..`, `CoT nonce id=0x..`, `BU seq#=N A lifetime=N` (the
//! A, H, L, K flags run together), `BA status=N seq#=N lifetime=N`,
//! `BE status=N homeaddr ADDR`; lifetimes are in seconds (the field counts
//! units of four). A header shorter than its type needs is reported as
//! `(header length N is too small for type N)`, and a message cut short
//! ends with ` [|mobility]`. With `-v` the cookies and keygen tokens of
//! the return-routability messages and the mobility options follow.

use super::ip::addr;
use super::{Bytes, fmt};

const NAMES: [&str; 8] = ["BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"];

/// The smallest header each message type fits in.
const MIN_LEN: [usize; 8] = [8, 16, 16, 24, 24, 12, 12, 24];

fn trunc(out: &mut Vec<u8>) {
    fmt::s(out, " [|mobility]");
}

/// Prints the Mobility Header at the start of `data`.
pub(crate) fn print(out: &mut Vec<u8>, data: &[u8], verbose: bool) {
    let b = Bytes(data);
    let (Some(hl), Some(typ)) = (b.u8(1), b.u8(2)) else {
        // Cut short before the type: no name, only the marker.
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
            fmt::s(out, " len=");
            fmt::u(out, hl as u64);
            return;
        }
    }
    match typ {
        1 | 2 if verbose => {
            let Some(c) = b.slice(8, 8) else {
                trunc(out);
                return;
            };
            fmt::s(out, if typ == 1 { " Home" } else { " Care-of" });
            fmt::s(out, " Init Cookie=");
            pair(out, c);
        }
        3 | 4 => {
            let Some(id) = b.u16(6) else {
                trunc(out);
                return;
            };
            fmt::s(out, " nonce id=0x");
            fmt::x(out, id as u64);
            if verbose {
                let who = if typ == 3 { " Home" } else { " Care-of" };
                let Some(c) = b.slice(8, 8) else {
                    trunc(out);
                    return;
                };
                fmt::s(out, who);
                fmt::s(out, " Init Cookie=");
                pair(out, c);
                let Some(t) = b.slice(16, 8) else {
                    trunc(out);
                    return;
                };
                fmt::s(out, who);
                fmt::s(out, " Keygen Token=");
                pair(out, t);
            }
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
    if verbose {
        let start = MIN_LEN[typ as usize];
        options(out, data.get(start..).unwrap_or(&[]), hlen.saturating_sub(start));
    }
}

/// Eight bytes as two groups of hex digits: `01020304:05060708`.
fn pair(out: &mut Vec<u8>, b: &[u8]) {
    fmt::hex_bytes(out, &b[..4]);
    out.push(b':');
    fmt::hex_bytes(out, &b[4..8]);
}

/// The mobility options in the `len` bytes after the message. tcpdump
/// wants the byte after each option captured before it prints it, so an
/// option that ends the packet ends the line with ` [|mobility]`.
fn options(out: &mut Vec<u8>, opts: &[u8], len: usize) {
    let b = Bytes(opts);
    let mut i = 0;
    while i < len {
        let Some(t) = b.u8(i) else {
            trunc(out);
            return;
        };
        if b.u8(i + 1).is_none() {
            trunc(out);
            return;
        }
        let olen = if t == 0 { 1 } else { opts[i + 1] as usize + 2 };
        if t != 0 && b.u8(i + olen).is_none() {
            trunc(out);
            return;
        }
        // Options too short for their type end the line the same way.
        let need = match t {
            2 => 2,
            3 => 16,
            4 => 4,
            5 => 12,
            _ => 0,
        };
        if t != 0 && olen - 2 < need {
            trunc(out);
            return;
        }
        match t {
            0 => fmt::s(out, "(pad1)"),
            1 => fmt::s(out, "(padn)"),
            2 => {
                fmt::s(out, "(refresh: ");
                fmt::u(out, b.u16(i + 2).unwrap_or(0) as u64 * 4);
                out.push(b')');
            }
            3 => {
                fmt::s(out, "(alt-CoA: ");
                addr(out, b.slice(i + 2, 16).unwrap_or(&[0; 16]));
                out.push(b')');
            }
            4 => {
                fmt::s(out, "(ni: ho=0x");
                fmt::x_pad(out, b.u16(i + 2).unwrap_or(0) as u64, 4);
                fmt::s(out, " co=0x");
                fmt::x_pad(out, b.u16(i + 4).unwrap_or(0) as u64, 4);
                out.push(b')');
            }
            5 => fmt::s(out, "(auth)"),
            _ => {
                fmt::s(out, "(type-0x");
                fmt::x_pad(out, t as u64, 2);
                fmt::s(out, ": len=");
                fmt::u(out, (olen - 2) as u64);
                out.push(b')');
            }
        }
        i += olen;
    }
}
