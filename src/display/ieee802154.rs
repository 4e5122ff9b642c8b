//! IEEE 802.15.4 MAC frames (link types 195 with FCS, 230 without it,
//! 215 behind a PHY header and 283 behind a TAP header).
//!
//! tcpdump names the frame (`IEEE 802.15.4 Data packet v2 `) and then
//! the addresses, destination first: `PAN:ADDR < PAN:ADDR`, a short
//! address as four hex digits, an extended one as eight colon-separated
//! bytes (sent little-endian, printed most significant first) and an
//! absent PAN id as `-`. A header cut short ends the line with
//! `[ERROR: Truncated before FIELD]`, naming the field as tcpdump does
//! (it calls the source address `dst_addr` too).
//!
//! With `-v` the sequence number (`seq 01 `) comes before the addresses.
//! Only the addressing is dissected: auxiliary security headers,
//! information elements and the frame payloads are not.

use super::{Bytes, Dump, Printer, fmt};

const TYPES: [&str; 8] =
    ["Beacon", "Data", "Ack", "Command", "Reserved", "Multipurpose", "Fragment", "Extended"];

/// Prints one frame; `dlt` is the link type, which decides what comes
/// before the MAC header.
pub(crate) fn print(p: &Printer, data: &[u8], out: &mut Vec<u8>, dump: &mut Dump) {
    let dlt = p.linktype.0;
    let verbose = p.opts.verbose > 0;
    let b = Bytes(data);
    let start = match dlt {
        // A non-ASK PHY header: preamble, start-of-frame delimiter and
        // length.
        215 => 6,
        // The TAP header says how long it is.
        283 => match b.u16(2) {
            Some(l) => l.swap_bytes() as usize,
            None => {
                fmt::s(out, " [|802.15.4]");
                return;
            }
        },
        _ => 0,
    };
    let Some(frame) = data.get(start..) else {
        fmt::s(out, " [|802.15.4]");
        return;
    };
    if frame.len() < 2 {
        // No frame control field: tcpdump dumps nothing with -x.
        fmt::s(out, " [|802.15.4]");
        dump.net_off = data.len();
        return;
    }
    let Some(hdr) = mac(frame, verbose, out) else {
        return;
    };
    // tcpdump's -x dump of a whole header starts one byte in.
    dump.net_off = start + 1;
    // The payload is not dissected: tcpdump ends the line with a space and
    // dumps the rest of the frame.
    out.push(b' ');
    let o = &p.opts;
    let plain = o.hex == 0 && o.hex_ascii == 0 && !o.ascii && !o.quiet;
    if plain && frame.len() > hdr {
        super::hex_dump(out, &frame[hdr..], true);
    }
}

/// Prints the frame's name and addresses; returns the length of the MAC
/// header when all of it was captured.
fn mac(data: &[u8], verbose: bool, out: &mut Vec<u8>) -> Option<usize> {
    let b = Bytes(data);
    let Some(fc) = b.u16(0).map(u16::swap_bytes) else {
        fmt::s(out, " [|802.15.4]");
        return None;
    };
    let ftype = (fc & 0x07) as usize;
    let pan_comp = fc & 0x40 != 0;
    let seq_suppressed = fc & 0x0100 != 0;
    let dst_mode = (fc >> 10) & 0x03;
    let version = (fc >> 12) & 0x03;
    let src_mode = (fc >> 14) & 0x03;
    fmt::s(out, "IEEE 802.15.4 ");
    fmt::s(out, TYPES[ftype]);
    fmt::s(out, " packet v");
    fmt::u(out, u64::from(version));
    out.push(b' ');
    let mut off = 2;
    if version == 2 && seq_suppressed {
        if verbose {
            fmt::s(out, "seq suppressed ");
        }
    } else {
        if data.len() < 3 {
            fmt::s(out, " [|802.15.4]");
            return None;
        }
        off = 3;
        if verbose {
            fmt::s(out, "seq ");
            fmt::byte_hex(out, data[2]);
            out.push(b' ');
        }
    }
    let (dst_pan, src_pan) = if version == 2 {
        (
            (dst_mode != 0 && !pan_comp) || (dst_mode == 0 && src_mode == 0 && pan_comp),
            src_mode != 0 && dst_mode == 0 && !pan_comp,
        )
    } else {
        (dst_mode != 0, src_mode != 0 && !pan_comp)
    };
    let addr = |out: &mut Vec<u8>, off: &mut usize, mode: u16| -> bool {
        let len = if mode == 3 { 8 } else { 2 };
        let Some(a) = b.slice(*off, len) else {
            return false;
        };
        if mode == 3 {
            for (i, x) in a.iter().rev().enumerate() {
                if i > 0 {
                    out.push(b':');
                }
                fmt::byte_hex(out, *x);
            }
        } else {
            fmt::x_pad(out, u64::from(u16::from_le_bytes([a[0], a[1]])), 4);
        }
        *off += len;
        true
    };
    let pan = |out: &mut Vec<u8>, off: &mut usize| -> bool {
        let Some(v) = b.u16(*off) else {
            return false;
        };
        fmt::x_pad(out, u64::from(v.swap_bytes()), 4);
        *off += 2;
        true
    };
    if dst_mode != 0 {
        if dst_pan {
            if !pan(out, &mut off) {
                fmt::s(out, "[ERROR: Truncated before dst_pan]");
                return None;
            }
        } else {
            out.push(b'-');
        }
        out.push(b':');
        if !addr(out, &mut off, dst_mode) {
            fmt::s(out, "[ERROR: Truncated before dst_addr]");
            return None;
        }
    } else if dst_pan && !pan(out, &mut off) {
        fmt::s(out, "[ERROR: Truncated before dst_pan]");
        return None;
    }
    if src_mode != 0 {
        fmt::s(out, " < ");
        if src_pan {
            if !pan(out, &mut off) {
                fmt::s(out, "[ERROR: Truncated before src_pan]");
                return None;
            }
        } else {
            out.push(b'-');
        }
        out.push(b':');
        if !addr(out, &mut off, src_mode) {
            fmt::s(out, "[ERROR: Truncated before dst_addr]");
            return None;
        }
    }
    Some(off)
}
