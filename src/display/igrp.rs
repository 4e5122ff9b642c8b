//! Cisco's Interior Gateway Routing Protocol (IP protocol 9).
//!
//! tcpdump prints the header as `igrp: request V0 edit=142 AS=12336
//! (I/S/E)` (opcode, version, edition, autonomous system and the counts of
//! interior, system and exterior routes), then each 14-byte route entry as
//! `*.a.b.c d=DELAY b=BW r=REL l=LOAD M=METRIC mtu=MTU in H hops`, where an
//! interior route shows only the three low bytes of its number after `*.`,
//! the delay is in microseconds (tens of them on the wire), the bandwidth is
//! shown as 10^7 divided by the wire value and the metric is delay plus
//! bandwidth. A route cut short by the capture ends the line with
//! ` [|igrp]`. Nothing else is dissected.

use super::{Bytes, fmt};

/// The fixed header: version/opcode, edition, AS, three counts, checksum.
const HEADER: usize = 12;
/// One route entry.
const ENTRY: usize = 14;

/// Prints an IGRP message; the caller has printed the addresses.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    fmt::s(out, "igrp:");
    let b = Bytes(data);
    let (Some(vop), Some(edition), Some(asn), Some(ni), Some(ns), Some(ne)) =
        (b.u8(0), b.u8(1), b.u16(2), b.u16(4), b.u16(6), b.u16(8))
    else {
        fmt::s(out, " [|igrp]");
        return;
    };
    match vop & 0x0f {
        1 => fmt::s(out, " update"),
        2 => fmt::s(out, " request"),
        op => {
            fmt::s(out, " op-");
            fmt::u(out, op as u64);
        }
    }
    fmt::s(out, " V");
    fmt::u(out, (vop >> 4) as u64);
    fmt::s(out, " edit=");
    fmt::u(out, edition as u64);
    fmt::s(out, " AS=");
    fmt::u(out, asn as u64);
    fmt::s(out, " (");
    fmt::u(out, ni as u64);
    out.push(b'/');
    fmt::u(out, ns as u64);
    out.push(b'/');
    fmt::u(out, ne as u64);
    out.push(b')');
    let interior = ni as usize;
    let total = interior + ns as usize + ne as usize;
    let mut off = HEADER;
    for i in 0..total {
        if off + ENTRY > len {
            break;
        }
        let Some(e) = b.slice(off, ENTRY) else {
            fmt::s(out, " [|igrp]");
            return;
        };
        out.push(b' ');
        if i < interior {
            fmt::s(out, "*.");
            for (k, byte) in e[..3].iter().enumerate() {
                if k > 0 {
                    out.push(b'.');
                }
                fmt::u(out, *byte as u64);
            }
        } else {
            fmt::ipv4(out, &[e[0], e[1], e[2], 0]);
        }
        let delay = u32::from_be_bytes([0, e[3], e[4], e[5]]) as u64;
        let bw = u32::from_be_bytes([0, e[6], e[7], e[8]]) as u64;
        let mtu = u16::from_be_bytes([e[9], e[10]]);
        fmt::s(out, " d=");
        fmt::u(out, delay * 10);
        fmt::s(out, " b=");
        fmt::u(out, 10_000_000u64.checked_div(bw).unwrap_or(0));
        fmt::s(out, " r=");
        fmt::u(out, e[11] as u64);
        fmt::s(out, " l=");
        fmt::u(out, e[12] as u64);
        fmt::s(out, " M=");
        fmt::u(out, delay + bw);
        fmt::s(out, " mtu=");
        fmt::u(out, mtu as u64);
        fmt::s(out, " in ");
        fmt::u(out, e[13] as u64);
        fmt::s(out, " hops");
        off += ENTRY;
    }
}

#[cfg(test)]
mod tests {
    use super::print;

    #[test]
    fn headers_and_entries() {
        let cases: &[(&[u8], usize, &str)] = &[
            (&[0x12, 1, 0, 5], 4, "igrp: [|igrp]"),
            (
                &[
                    0x11, 3, 0, 7, 0, 0, 0, 1, 0, 0, 0, 0, 10, 1, 2, 0, 0, 1, 0, 0, 100, 5, 220,
                    255, 1, 2,
                ],
                26,
                "igrp: update V1 edit=3 AS=7 (0/1/0) 10.1.2.0 d=10 b=100000 r=255 l=1 M=101 mtu=1500 in 2 hops",
            ),
        ];
        for (data, len, want) in cases {
            let mut out = Vec::new();
            print(data, *len, &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), *want);
        }
    }
}
