//! Switch-chip tags on Ethernet frames (the link types for Marvell DSA and
//! EDSA and Broadcom tags), as tcpdump prints them.
//!
//! Marvell DSA puts a four-byte tag where the ethertype would be, EDSA an
//! ethertype, two reserved bytes and that tag. Without `-e` tcpdump
//! prints `DSA Forward port 0.1, VLAN 0u, ` (mode, device.port, VLAN with
//! `u`ntagged or `t`agged) before the payload; with `-e` the long form
//! `Marvell DSA mode Forward, dev 0, port 1, untagged, VID 0, FPri 0, `
//! follows the addresses, then the ethertype and length as for Ethernet.
//!
//! The Broadcom tag sits between the addresses and the ethertype (or, in
//! the prepended form, before the whole frame): `BRCM tag OP: IG, TC: 0,
//! TE: None, TS: 0, DST map: 0x0080, ` for frames towards the switch,
//! `BRCM tag OP: EG, CID: 0, RC: exception, TC: 0, port: 0, ` for frames
//! from it. The prepended form is printed only with `-e`.

use super::{Bytes, Dump, Printer, fmt, link};

/// Which tag a link type carries.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Brcm,
    BrcmPrepend,
    Dsa,
    Edsa,
}

/// The link types of the tags.
pub(crate) fn kind(dlt: u32) -> Option<Kind> {
    Some(match dlt {
        281 => Kind::Brcm,
        282 => Kind::BrcmPrepend,
        284 => Kind::Dsa,
        285 => Kind::Edsa,
        _ => return None,
    })
}

/// Prints a tagged frame.
pub(crate) fn print(
    p: &mut Printer,
    kind: Kind,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) {
    let b = Bytes(data);
    let eflag = p.opts.link_header;
    // Where the Ethernet header starts and where its ethertype is.
    let (mac, et) = match kind {
        Kind::BrcmPrepend => (4, 16),
        Kind::Brcm | Kind::Dsa => (0, 16),
        Kind::Edsa => (0, 20),
    };
    let (Some(dst), Some(src), Some(t)) = (b.slice(mac, 6), b.slice(mac + 6, 6), b.u16(et)) else {
        fmt::s(out, "[|ether]");
        return;
    };
    let addrs = |out: &mut Vec<u8>| {
        fmt::mac(out, src);
        fmt::s(out, " > ");
        fmt::mac(out, dst);
        fmt::s(out, ", ");
    };
    match kind {
        Kind::BrcmPrepend => {
            if eflag {
                brcm(out, &data[..4]);
                addrs(out);
            }
        }
        Kind::Brcm => {
            if eflag {
                addrs(out);
            }
            brcm(out, &data[12..16]);
        }
        Kind::Dsa | Kind::Edsa => {
            if eflag {
                addrs(out);
            }
            let tag = &data[et - 4..et];
            let edsa = (kind == Kind::Edsa).then(|| &data[12..16]);
            marvell(out, tag, edsa, eflag);
        }
    }
    let off = et + 2;
    let w = wire.saturating_sub(mac);
    if eflag {
        fmt::s(out, "ethertype ");
        fmt::s(out, link::ethertype_name(t));
        fmt::s(out, " (0x");
        fmt::x_pad(out, t as u64, 4);
        fmt::s(out, "), length ");
        fmt::u(out, w as u64);
        fmt::s(out, ": ");
    }
    dump.net_off = off;
    link::payload(
        p,
        t,
        &data[off.min(data.len())..],
        wire.saturating_sub(off),
        out,
        dump,
        off,
        !eflag,
    );
}

/// A Broadcom tag: the operation, then the ingress fields (traffic
/// class, tag enforcement, time stamp request, destination port map) or
/// the egress ones (classification id, reason code, traffic class, port).
fn brcm(out: &mut Vec<u8>, tag: &[u8]) {
    let (b0, b1, b2, b3) = (tag[0], tag[1], tag[2], tag[3]);
    fmt::s(out, "BRCM tag OP: ");
    if b0 >> 5 == 1 {
        fmt::s(out, "IG, TC: ");
        fmt::u(out, ((b1 >> 2) & 7) as u64);
        fmt::s(out, ", TE: ");
        fmt::s(
            out,
            match b1 & 3 {
                0 => "None",
                1 => "Untag",
                2 => "Header",
                _ => "Reserved",
            },
        );
        fmt::s(out, ", TS: ");
        fmt::u(out, (b1 >> 7) as u64);
        fmt::s(out, ", DST map: 0x");
        fmt::x_pad(out, (((b2 & 1) as u64) << 8) | b3 as u64, 4);
    } else {
        fmt::s(out, "EG, CID: ");
        fmt::u(out, b1 as u64);
        fmt::s(out, ", RC: ");
        const RC: [(u8, &str); 7] = [
            (0x01, "mirror"),
            (0x02, "MAC learning"),
            (0x04, "switching"),
            (0x08, "protocol termination"),
            (0x10, "protocol snooping"),
            (0x20, "exception"),
            (0xc0, "reserved"),
        ];
        let mut first = true;
        for (bit, name) in RC {
            if b2 & bit != 0 {
                if !first {
                    fmt::s(out, ", ");
                }
                fmt::s(out, name);
                first = false;
            }
        }
        if first {
            fmt::s(out, "none");
        }
        fmt::s(out, ", TC: ");
        fmt::u(out, (b3 >> 5) as u64);
        fmt::s(out, ", port: ");
        fmt::u(out, (b3 & 0x1f) as u64);
    }
    fmt::s(out, ", ");
}

/// A Marvell DSA tag (after the EDSA ethertype and reserved bytes when
/// `edsa` holds them).
fn marvell(out: &mut Vec<u8>, tag: &[u8], edsa: Option<&[u8]>, eflag: bool) {
    let (b0, b1, b2, b3) = (tag[0], tag[1], tag[2], tag[3]);
    let mode = b0 >> 6;
    let tagged = b0 & 0x20 != 0;
    let dev = b0 & 0x1f;
    let port = b1 >> 3;
    let vid = ((b2 & 0x0f) as u64) << 8 | b3 as u64;
    let fpri = b2 >> 5;
    if eflag {
        match edsa {
            Some(e) => {
                let et = u16::from_be_bytes([e[0], e[1]]);
                fmt::s(out, "Marvell EDSA ethertype 0x");
                fmt::x_pad(out, et as u64, 4);
                fmt::s(out, " (");
                fmt::s(out, link::ethertype_name(et));
                fmt::s(out, "), rsvd ");
                fmt::u(out, e[2] as u64);
                out.push(b' ');
                fmt::u(out, e[3] as u64);
                fmt::s(out, ", mode ");
            }
            None => fmt::s(out, "Marvell DSA mode "),
        }
        fmt::s(
            out,
            match mode {
                0 => "To CPU",
                1 => "From CPU",
                2 => "To Sniffer",
                _ => "Forward",
            },
        );
        fmt::s(out, if mode == 1 { ", target dev " } else { ", dev " });
        fmt::u(out, dev as u64);
        fmt::s(out, ", port ");
        fmt::u(out, port as u64);
        fmt::s(out, if tagged { ", tagged" } else { ", untagged" });
        fmt::s(out, ", VID ");
        fmt::u(out, vid);
        fmt::s(out, ", FPri ");
        fmt::u(out, fpri as u64);
        fmt::s(out, ", ");
        return;
    }
    if let Some(e) = edsa {
        fmt::s(out, "EDSA 0x");
        fmt::x_pad(out, u16::from_be_bytes([e[0], e[1]]) as u64, 4);
        fmt::s(out, ", ");
    } else {
        fmt::s(out, "DSA ");
    }
    let port_text = |out: &mut Vec<u8>| {
        fmt::s(out, "port ");
        fmt::u(out, dev as u64);
        out.push(b'.');
        fmt::u(out, port as u64);
    };
    match mode {
        0 => {
            port_text(out);
            fmt::s(out, " > CPU");
        }
        1 => {
            fmt::s(out, "CPU > ");
            port_text(out);
        }
        2 => {
            port_text(out);
            fmt::s(out, " > sniffer");
        }
        _ => {
            fmt::s(out, "Forward ");
            port_text(out);
        }
    }
    fmt::s(out, ", VLAN ");
    fmt::u(out, vid);
    out.push(if tagged { b't' } else { b'u' });
    fmt::s(out, ", ");
}
