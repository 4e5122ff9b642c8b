//! Arista's vendor-specific ethertype (0xd28b), which switches insert to
//! carry a hardware timestamp in front of the frame's real ethertype.
//!
//! tcpdump names it even without `-e`: `ethertype Arista Vendor Specific
//! Protocol (0xd28b), length 110: SubType Timestamp (0x0001), Timescale TAI
//! (0), Format 64-bit (1), HwInfo R/R2 (0), Timestamp 2019-05-29
//! 20:36:39.944724424: ` (a 48-bit timestamp is printed as seconds and
//! nanoseconds), then the payload as Ethernet would print it: with `-e`
//! after `ethertype IPv4 (0x0800), length 110: ` and any VLAN tags.
//! Other subtypes are not dissected.

use super::{Bytes, Dump, Printer, fmt, link};

/// Prints the Arista header at `data` (offset `base` in the frame, `wire`
/// the frame's length) and the frame it carries.
pub(crate) fn print(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    base: usize,
) {
    let b = Bytes(data);
    let eflag = p.opts.link_header;
    if !eflag {
        fmt::s(out, "ethertype Arista Vendor Specific Protocol (0xd28b), length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    let (Some(sub), Some(w)) = (b.u16(0), b.u16(2)) else {
        fmt::s(out, "[|arista]");
        return;
    };
    if sub != 1 {
        fmt::s(out, "SubType Unknown (0x");
        fmt::x_pad(out, sub as u64, 4);
        out.push(b')');
        dump.forced = Some(base);
        return;
    }
    let (scale, format, hw) = ((w >> 8) & 0xf, (w >> 4) & 0xf, w & 0xf);
    fmt::s(out, "SubType Timestamp (0x0001), Timescale ");
    fmt::s(
        out,
        match scale {
            0 => "TAI",
            1 => "UTC",
            _ => "Unknown",
        },
    );
    fmt::s(out, " (");
    fmt::u(out, scale as u64);
    fmt::s(out, "), Format ");
    fmt::s(
        out,
        match format {
            1 => "64-bit",
            2 => "48-bit",
            _ => "Unknown",
        },
    );
    fmt::s(out, " (");
    fmt::u(out, format as u64);
    fmt::s(out, "), HwInfo ");
    fmt::s(
        out,
        match hw {
            0 => "R/R2",
            1 => "R3",
            _ => "Unknown",
        },
    );
    fmt::s(out, " (");
    fmt::u(out, hw as u64);
    fmt::s(out, "), Timestamp ");
    let mut off = match format {
        1 => {
            let (Some(sec), Some(ns)) = (b.u32(4), b.u32(8)) else {
                fmt::s(out, "[|arista]");
                return;
            };
            let (y, m, d) = fmt::civil_from_days((sec / 86_400) as i64);
            fmt::u(out, y as u64);
            out.push(b'-');
            fmt::u_pad(out, m as u64, 2);
            out.push(b'-');
            fmt::u_pad(out, d as u64, 2);
            out.push(b' ');
            fmt::hms(out, (sec % 86_400) as u64);
            out.push(b'.');
            fmt::u_pad(out, ns as u64, 9);
            12
        }
        2 => {
            let (Some(sec), Some(ns)) = (b.u16(4), b.u32(6)) else {
                fmt::s(out, "[|arista]");
                return;
            };
            fmt::u(out, sec as u64);
            out.push(b'.');
            fmt::u_pad(out, ns as u64, 9);
            10
        }
        _ => {
            fmt::s(out, "[|arista]");
            return;
        }
    };
    fmt::s(out, ": ");
    let Some(mut t) = b.u16(off) else {
        fmt::s(out, "[|arista]");
        return;
    };
    off += 2;
    if eflag {
        fmt::s(out, "ethertype ");
        fmt::s(out, link::ethertype_name(t));
        fmt::s(out, " (0x");
        fmt::x_pad(out, t as u64, 4);
        fmt::s(out, "), length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    while matches!(t, 0x8100 | 0x88a8 | 0x9100) {
        let (Some(tci), Some(next)) = (b.u16(off), b.u16(off + 2)) else {
            fmt::s(out, "[|vlan]");
            return;
        };
        if eflag {
            fmt::s(out, "vlan ");
            fmt::u(out, (tci & 0xfff) as u64);
            fmt::s(out, ", p ");
            fmt::u(out, (tci >> 13) as u64);
            if tci & 0x1000 != 0 {
                fmt::s(out, ", DEI");
            }
            fmt::s(out, ", ethertype ");
            fmt::s(out, link::ethertype_name(next));
            fmt::s(out, " (0x");
            fmt::x_pad(out, next as u64, 4);
            fmt::s(out, "), ");
        }
        t = next;
        off += 4;
    }
    let at = base + off;
    dump.net_off = at;
    let rest = &data[off.min(data.len())..];
    link::payload(p, t, rest, wire.saturating_sub(at), out, dump, at, !eflag);
}
