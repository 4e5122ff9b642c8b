//! Switch tags on Ethernet: Marvell DSA and EDSA (link types 284 and
//! 285), the Broadcom tag after the source address (281) and before the
//! frame (282), and the Arista vendor ethertype 0xd28b with its
//! timestamp.
//!
//! A Marvell DSA tag takes the place of the ethertype (4 bytes: mode,
//! tagged bit, device, port or trunk, To-CPU code or sniffer direction,
//! CFI, priority, VLAN id); EDSA puts an ethertype (0xdada) and two
//! reserved bytes before it. tcpdump prints a summary without `-e` (`DSA
//! Forward port 0.1, VLAN 0u, `) and every field with it (`Marvell DSA
//! mode Forward, dev 0, port 1, untagged, VID 0, FPri 0, `), then the real
//! ethertype and payload as Ethernet would (the addresses and ethertype
//! line too when the payload is not dissected).
//!
//! The Broadcom tag is printed as `BRCM tag OP: IG, ...` or `OP: EG, ...`
//! with the ingress or egress fields. With the tag after the source
//! address tcpdump prints it with or without `-e`; when it is prepended
//! only `-e` shows it.
//!
//! The Arista header is printed with its ethertype line even without
//! `-e`; only the timestamp subtype (64-bit and 48-bit formats) is
//! decoded.

use super::{Bytes, Dump, Printer, fmt, link, llc};

/// The Ethernet frame from an ethertype on: `off` is where the ethertype
/// sits. With `eflag` the ethertype, the frame length `wire` and any VLAN
/// tags are printed before the payload, as tcpdump's `-e` does; without
/// it only the payload with its protocol name (or, for an ethertype
/// bpfcap does not dissect, the ethertype line).
pub(crate) fn ether_tail(
    p: &mut Printer,
    data: &[u8],
    off: usize,
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    eflag: bool,
) {
    let b = Bytes(data);
    let Some(mut t) = b.u16(off) else {
        fmt::s(out, "[|ether]");
        return;
    };
    let mut off = off + 2;
    let addrs = data.get(6..12).zip(data.get(0..6));
    if t <= 1500 {
        let len = (t as usize).min(wire.saturating_sub(off));
        if eflag {
            fmt::s(out, "802.3, length ");
            fmt::u(out, len as u64);
            fmt::s(out, ": ");
        }
        dump.net_off = off;
        llc::print(p, data.get(off..).unwrap_or(&[]), len, addrs, out, dump, off);
        return;
    }
    let vlan = |t: u16| matches!(t, 0x8100 | 0x88a8 | 0x9100);
    let mut inner = t;
    let mut look = off;
    while vlan(inner) {
        match b.u16(look + 2) {
            Some(n) => inner = n,
            None => {
                // A tag cut short: tcpdump says so before anything else.
                fmt::s(out, " [|vlan]");
                dump.net_off = data.len();
                return;
            }
        }
        look += 4;
    }
    let show = eflag || !(inner <= 1500 || link::dissected(inner));
    if show {
        // An undissected payload brings the addresses too, as for plain
        // Ethernet (with -e they were printed first).
        if !eflag && data.len() >= 12 {
            macs(out, data);
        }
        link::ethertype_q(out, t, p.opts.quiet);
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    while vlan(t) {
        let (Some(tci), Some(next)) = (b.u16(off), b.u16(off + 2)) else {
            fmt::s(out, "[|vlan]");
            return;
        };
        if show {
            link::vlan_tag(out, tci, next, p.opts.quiet);
        }
        t = next;
        off += 4;
    }
    dump.net_off = off;
    let rest = data.get(off..).unwrap_or(&[]);
    if t <= 1500 {
        let len = (t as usize).min(wire.saturating_sub(off));
        llc::print(p, rest, len, addrs, out, dump, off);
        return;
    }
    link::payload(p, t, rest, wire.saturating_sub(off), out, dump, off, !show);
}

fn macs(out: &mut Vec<u8>, data: &[u8]) {
    fmt::mac(out, &data[6..12]);
    fmt::s(out, " > ");
    fmt::mac(out, &data[0..6]);
    fmt::s(out, ", ");
}

/// Marvell DSA (`edsa` false) and EDSA frames.
pub(crate) fn marvell(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    edsa: bool,
) {
    let b = Bytes(data);
    let tag = if edsa { 16 } else { 12 };
    // tcpdump wants the tag and the ethertype after it, and dumps nothing
    // of a frame cut short before them.
    let (Some(b0), Some(b1), Some(b2), Some(b3), Some(_)) =
        (b.u8(tag), b.u8(tag + 1), b.u8(tag + 2), b.u8(tag + 3), b.u16(tag + 4))
    else {
        fmt::s(out, if edsa { " [|edsa]" } else { " [|dsa]" });
        dump.net_off = data.len();
        return;
    };
    let eflag = p.opts.link_header;
    let mode = b0 >> 6;
    let tagged = b0 & 0x20 != 0;
    let dev = b0 & 0x1f;
    let port = b1 >> 3;
    // Bit 2 of the second byte: a trunk source when forwarding, the
    // ingress side when sniffing.
    let trunk = b1 & 0x04 != 0;
    let pri = b2 >> 5;
    let vid = (u16::from(b2 & 0x0f) << 8) | u16::from(b3);
    if eflag {
        macs(out, data);
        if edsa {
            let et = b.u16(12).unwrap_or(0);
            fmt::s(out, "Marvell EDSA ethertype 0x");
            fmt::x_pad(out, u64::from(et), 4);
            fmt::s(out, " (");
            fmt::s(out, link::ethertype_name(et));
            fmt::s(out, "), rsvd ");
            fmt::u(out, u64::from(b.u8(14).unwrap_or(0)));
            out.push(b' ');
            fmt::u(out, u64::from(b.u8(15).unwrap_or(0)));
            fmt::s(out, ", mode ");
        } else {
            fmt::s(out, "Marvell DSA mode ");
        }
        fmt::s(
            out,
            match mode {
                0 => "To CPU, source ",
                1 => "From CPU, target ",
                2 => "To Sniffer, source ",
                _ => "Forward, ",
            },
        );
        fmt::s(out, "dev ");
        fmt::u(out, u64::from(dev));
        fmt::s(out, if mode == 3 && trunk { ", trunk " } else { ", port " });
        fmt::u(out, u64::from(port));
        match mode {
            0 => {
                // The To-CPU code: two bits of the second byte and one of
                // the third.
                let code = ((b1 >> 1) & 0x03) << 1 | ((b2 >> 4) & 0x01);
                fmt::s(out, ", code ");
                fmt::s(
                    out,
                    match code {
                        0 => "BPDU (MGMT) Trap",
                        1 => "Frame2Reg",
                        2 => "IGMP/MLD Trap",
                        3 => "Policy Trap",
                        4 => "ARP Mirror",
                        5 => "Policy Mirror",
                        _ => "reserved",
                    },
                );
            }
            2 => fmt::s(out, if trunk { ", ingress sniff" } else { ", egress sniff" }),
            _ => {}
        }
        fmt::s(out, if tagged { ", tagged" } else { ", untagged" });
        if b1 & 0x01 != 0 {
            fmt::s(out, ", CFI");
        }
        fmt::s(out, ", VID ");
        fmt::u(out, u64::from(vid));
        fmt::s(out, ", FPri ");
        fmt::u(out, u64::from(pri));
        fmt::s(out, ", ");
    } else {
        if edsa {
            fmt::s(out, "EDSA 0x");
            fmt::x_pad(out, u64::from(b.u16(12).unwrap_or(0)), 4);
            fmt::s(out, ", ");
        } else {
            fmt::s(out, "DSA ");
        }
        let (pre, post) = match mode {
            0 => ("port ", " > CPU"),
            1 => ("CPU > port ", ""),
            2 => ("port ", if trunk { " > Rx Sniffer" } else { " > Tx Sniffer" }),
            _ => (if trunk { "Forward trunk " } else { "Forward port " }, ""),
        };
        fmt::s(out, pre);
        fmt::u(out, u64::from(dev));
        out.push(b'.');
        fmt::u(out, u64::from(port));
        fmt::s(out, post);
        fmt::s(out, ", VLAN ");
        fmt::u(out, u64::from(vid));
        out.push(if tagged { b't' } else { b'u' });
        fmt::s(out, ", ");
    }
    ether_tail(p, data, tag + 4, wire, out, dump, eflag);
}

/// The 4-byte Broadcom tag. tcpdump names the opcode `EG` only for a
/// first byte of zero, and lays the fields out by bit 5 of that byte:
/// set, the ingress fields (traffic class, tag enforcement, time stamp,
/// destination port map); clear, the egress ones (class id, reason code,
/// traffic class, source port).
fn brcm_tag(out: &mut Vec<u8>, tag: [u8; 4]) {
    fmt::s(out, "BRCM tag OP: ");
    fmt::s(out, if tag[0] == 0 { "EG" } else { "IG" });
    if tag[0] & 0x20 != 0 {
        fmt::s(out, ", TC: ");
        fmt::u(out, u64::from((tag[1] >> 2) & 0x07));
        fmt::s(out, ", TE: ");
        fmt::s(
            out,
            match tag[1] & 0x03 {
                0 => "None",
                1 => "Untag",
                2 => "Header",
                _ => "Reserved",
            },
        );
        fmt::s(out, ", TS: ");
        fmt::u(out, u64::from(tag[1] >> 7));
        fmt::s(out, ", DST map: 0x");
        fmt::x_pad(out, u64::from(u16::from_be_bytes([tag[2], tag[3]]) & 0x1ff), 4);
    } else {
        fmt::s(out, ", CID: ");
        fmt::u(out, u64::from(tag[1]));
        fmt::s(out, ", RC: ");
        fmt::s(
            out,
            match tag[2] {
                0x01 => "mirror",
                0x02 => "MAC learning",
                0x04 => "switching",
                0x08 => "prot term",
                0x10 => "prot snoop",
                0x20 => "exception",
                _ => "reserved",
            },
        );
        fmt::s(out, ", TC: ");
        fmt::u(out, u64::from(tag[3] >> 5));
        fmt::s(out, ", port: ");
        fmt::u(out, u64::from(tag[3] & 0x1f));
    }
    fmt::s(out, ", ");
}

/// Link type 281: the Broadcom tag sits between the source address and
/// the ethertype.
pub(crate) fn brcm(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    // tcpdump wants the addresses, the tag and the ethertype after it.
    let (Some(tag), true) = (data.get(12..16), data.len() >= 18) else {
        fmt::s(out, " [|brcm-tag]");
        dump.net_off = data.len();
        return;
    };
    let eflag = p.opts.link_header;
    if eflag {
        macs(out, data);
    }
    brcm_tag(out, [tag[0], tag[1], tag[2], tag[3]]);
    ether_tail(p, data, 16, wire, out, dump, eflag);
}

/// Link type 282: the Broadcom tag comes before the Ethernet frame.
pub(crate) fn brcm_prepend(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) {
    let Some(tag) = data.get(0..4) else {
        fmt::s(out, " [|brcm-tag-prepend]");
        p.dump_whole = true;
        return;
    };
    if p.opts.link_header {
        brcm_tag(out, [tag[0], tag[1], tag[2], tag[3]]);
    }
    let inner = &data[4..];
    link::ether(p, inner, wire.saturating_sub(4), out, dump);
    dump.net_off += 4;
    if let Some(f) = dump.forced.as_mut() {
        *f += 4;
    }
}

/// The Arista vendor ethertype: a subtype (1 is a timestamp), a version
/// word giving the time scale, the timestamp format and the hardware, the
/// timestamp, then the Ethernet frame's own ethertype. tcpdump prints the
/// vendor header with the ethertype line even without `-e` (but without
/// the addresses), then the inner frame as Ethernet from its ethertype.
/// `data` is the whole frame. A header cut short ends in ` [|arista]`,
/// and the -x dump then starts at the link layer.
pub(crate) fn arista(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) {
    let eflag = p.opts.link_header;
    if eflag {
        macs(out, data);
    }
    let b = Bytes(data);
    let Some(sub) = b.u16(14) else {
        fmt::s(out, "[|arista]");
        dump.net_off = data.len();
        return;
    };
    link::ethertype_q(out, 0xd28b, p.opts.quiet);
    fmt::s(out, ", length ");
    fmt::u(out, wire as u64);
    fmt::s(out, ": SubType ");
    if sub != 1 {
        fmt::s(out, "Unknown (0x");
        fmt::x_pad(out, u64::from(sub), 4);
        fmt::s(out, ")");
        dump.forced = Some(14);
        return;
    }
    fmt::s(out, "Timestamp (0x0001), ");
    if arista_timestamp(p, b, wire, out, dump).is_none() {
        fmt::s(out, " [|arista]");
        p.dump_whole = true;
    }
}

/// The timestamp subtype's fields and the frame after them; `None` when
/// they were cut short.
fn arista_timestamp(
    p: &mut Printer,
    b: Bytes<'_>,
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) -> Option<()> {
    let scale = b.u8(16)? & 0x03;
    fmt::s(out, "Timescale ");
    fmt::s(out, ["TAI", "UTC", "Unknown", "Unknown"][scale as usize]);
    fmt::s(out, " (");
    fmt::u(out, u64::from(scale));
    fmt::s(out, "), ");
    let v = b.u8(17)?;
    let (form, hw) = (v >> 4, v & 0x0f);
    fmt::s(out, "Format ");
    fmt::s(
        out,
        match form {
            1 => "64-bit",
            2 => "48-bit",
            _ => "Unknown",
        },
    );
    fmt::s(out, " (");
    fmt::u(out, u64::from(form));
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
    fmt::u(out, u64::from(hw));
    fmt::s(out, "), Timestamp ");
    let next = match form {
        1 => {
            let (sec, ns) = (b.u32(18)?, b.u32(22)?);
            let sec = i64::from(sec);
            let (y, m, d) = fmt::civil_from_days(sec.div_euclid(86_400));
            fmt::u(out, y as u64);
            out.push(b'-');
            fmt::u_pad(out, u64::from(m), 2);
            out.push(b'-');
            fmt::u_pad(out, u64::from(d), 2);
            out.push(b' ');
            fmt::hms(out, sec.rem_euclid(86_400) as u64);
            out.push(b'.');
            fmt::u_pad(out, u64::from(ns), 9);
            26
        }
        2 => {
            let (sec, ns) = (b.u16(18)?, b.u32(20)?);
            fmt::u(out, u64::from(sec));
            out.push(b'.');
            fmt::u_pad(out, u64::from(ns), 9);
            24
        }
        _ => {
            dump.forced = Some(18);
            return Some(());
        }
    };
    fmt::s(out, ": ");
    b.u16(next)?;
    ether_tail(p, b.0, next, wire, out, dump, p.opts.link_header);
    Some(())
}
