//! Cisco Auto-RP announcements and mappings on UDP port 496.
//!
//! tcpdump prints the message type, the hold time and each RP with its
//! PIM versions and group ranges:
//! ` auto-rp mapping Hold 18h1m1s RP 10.0.0.1 PIMv1 224.0.0.0/8,!239.1.0.0/16`.
//! A negative range is marked `!`, a bidirectional one ` bidir`, and set
//! reserved bits are shown as `[rsvd=0x..]`; a hold time of zero is
//! `FOREVER`. A message the capture cuts short ends with
//! ` [|cisco_autorp]`.

use super::{Bytes, fmt};

/// A duration as tcpdump writes relative times: `1w2d3h4m5s`, the zero
/// units left out.
fn relts(out: &mut Vec<u8>, secs: u32) {
    const UNITS: [(u32, u8); 6] =
        [(31_536_000, b'y'), (604_800, b'w'), (86_400, b'd'), (3600, b'h'), (60, b'm'), (1, b's')];
    let mut left = secs;
    for (size, c) in UNITS {
        if left >= size {
            fmt::u(out, (left / size) as u64);
            out.push(c);
            left %= size;
        }
    }
}

fn rsvd(out: &mut Vec<u8>, bits: u8) {
    if bits != 0 {
        fmt::s(out, "[rsvd=0x");
        fmt::x_pad(out, bits as u64, 2);
        out.push(b']');
    }
}

/// Prints an Auto-RP message (the UDP payload); true if the capture cut
/// it short, where tcpdump's `-x` dump starts at the link layer.
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) -> bool {
    fmt::s(out, " auto-rp ");
    if body(data, out).is_none() {
        fmt::s(out, " [|cisco_autorp]");
        return true;
    }
    false
}

fn body(data: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let b = Bytes(data);
    let ty = b.u8(0)?;
    match ty {
        0x11 => fmt::s(out, "candidate-advert"),
        0x12 => fmt::s(out, "mapping"),
        _ => {
            fmt::s(out, "type-0x");
            fmt::x_pad(out, ty as u64, 2);
        }
    }
    let rps = b.u8(1)?;
    let hold = b.u16(2)?;
    fmt::s(out, " Hold ");
    if hold == 0 {
        fmt::s(out, "FOREVER");
    } else {
        relts(out, hold as u32);
    }
    let mut at = 8;
    for _ in 0..rps {
        let addr = b.slice(at, 4)?;
        fmt::s(out, " RP ");
        fmt::ipv4(out, addr);
        let v = b.u8(at + 4)?;
        fmt::s(
            out,
            match v & 3 {
                0 => " PIMv?",
                1 => " PIMv1",
                2 => " PIMv2",
                _ => " PIMv1+2",
            },
        );
        if v & 0xfc != 0 {
            out.push(b' ');
            rsvd(out, v & 0xfc);
        }
        let groups = b.u8(at + 5)?;
        at += 6;
        for g in 0..groups {
            let (flags, mlen, prefix) = (b.u8(at)?, b.u8(at + 1)?, b.slice(at + 2, 4)?);
            out.push(if g == 0 { b' ' } else { b',' });
            if flags & 1 != 0 {
                out.push(b'!');
            }
            fmt::ipv4(out, prefix);
            out.push(b'/');
            fmt::u(out, mlen as u64);
            if flags & 2 != 0 {
                fmt::s(out, " bidir");
            }
            rsvd(out, flags & 0xfc);
            at += 6;
        }
    }
    Some(())
}
