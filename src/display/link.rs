//! Link layers: Ethernet (with 802.1Q tags), Linux cooked v1 and v2, raw
//! IP, BSD NULL and OpenBSD LOOP, plus ARP, which rides directly on them.
//!
//! Without `-e` tcpdump prints no link header, only the network protocol's
//! name (`IP `, `IP6 `, `ARP, `); with `-e` it prints the header and drops
//! the name. Payloads it cannot dissect are announced with the link header
//! and dumped in hex; bpfcap does the same for every ethertype it does not
//! dissect.

use super::{
    Bytes, Dump, PacketRef, Printer, aoe, arcnet, atm, chdlc, decnet, dsa, fmt, fr, geonet,
    ieee802154, ip, ipnet, ipoib, juniper, l2ctl, llc, macsec, nflog, osi, ptp, slip, tipc, tunnel,
    vsock,
};
use crate::dlt::Dlt;

/// Dispatches on the printer's link type.
pub(crate) fn print(p: &mut Printer, pkt: &PacketRef<'_>, out: &mut Vec<u8>, dump: &mut Dump) {
    let data = pkt.data;
    let wire = (pkt.wire_len as usize).max(data.len());
    let linktype = p.linktype.0;
    match linktype {
        1 => ether(p, data, wire, out, dump),
        113 => sll(p, data, wire, out, dump),
        276 => sll2(p, data, wire, out, dump),
        // LINKTYPE_IPV4 and LINKTYPE_IPV6 too are dispatched on the
        // version field, whatever the link type promises.
        12 | 14 | 101 | 228 | 229 => raw(p, data, wire, out, true),
        0 | 108 => null(p, data, wire, out, dump),
        105 => super::ieee80211::frame(p, data, wire, out, dump, false, false),
        127 => super::radiotap::print(p, data, wire, out, dump),
        119 => super::radiotap::prism(p, data, wire, out, dump),
        163 => super::radiotap::avs(p, data, wire, out, dump),
        192 => super::radiotap::ppi(p, pkt, out, dump),
        9 if !p.opts.link_header && tunnel::ppp_mpls(data).is_some() => {
            tunnel::ppp_mpls_print(p, data, wire, out, dump)
        }
        // Apple's PKTAP (and the user DLT it was first shipped as).
        258 | 149 => pktap(p, pkt, wire, out, dump),
        104 => chdlc::print(p, data, wire, out, dump),
        9 => super::ppp::print(p, data, wire, out, dump),
        50 if data.starts_with(&[0xff, 0x03]) => super::ppp::print(p, data, wire, out, dump),
        50 if data.first() == Some(&0xff) && super::ppp::serial(p, data, wire, out) => {}
        51 => super::ppp::pppoe(p, data, wire, out, dump, 0),
        8 => slip::print(p, data, wire, out, dump),
        195 | 215 | 230 | 283 => ieee802154::print(p, data, out, dump),
        7 | 129 => arcnet::print(p, data, wire, out, dump, p.linktype.0 == 129),
        // Frame Relay, FRF.16, ATM and Juniper (src/display/fr.rs, atm.rs,
        // juniper.rs); the ATM1 and ES PIC headers cut short (with their
        // -e forms) first.
        107 => fr::print(p, data, wire, out, dump),
        182 => fr::mfr(p, data, wire, out, dump),
        123 if atm::sunatm(p, data, wire, out, dump) => {}
        19 | 106 => atm::cip(p, data, wire, out, dump),
        11 | 100 if atm::rfc1483(p, data, wire, out, dump) => {}
        132 | 137 if super::linkhdr::juniper_pic_short(p, linktype == 137, data, out) => {}
        d if juniper::is_juniper(d) && juniper::print(p, d, data, wire, out, dump) => {}
        123 => {
            if !super::linkhdr::sunatm_short(p, data, out) {
                fmt::s(out, "link-type ");
                dlt_name(out, p.linktype);
                fmt::s(out, ", length ");
                fmt::u(out, wire as u64);
                fmt::s(out, ": [not dissected]");
            }
        }
        50 if data.len() < 4 => {
            dump.net_off = data.len();
            fmt::s(out, " [|ppp_hdlc]");
        }
        226 => ipnet::print(p, data, wire, out, dump),
        239 => nflog::print(p, data, wire, out, dump),
        242 => ipoib::print(p, data, wire, out, dump),
        271 => vsock::print(data, p.opts.verbose, out, dump),
        281 => dsa::brcm(p, data, wire, out, dump),
        282 => dsa::brcm_prepend(p, data, wire, out, dump),
        284 | 285 => dsa::marvell(p, data, wire, out, dump, p.linktype.0 == 285),
        other if !tcpdump_knows(other) => {
            // tcpdump has no printer at all for this link type: it says
            // so and dumps the packet.
            fmt::s(out, "UNSUPPORTED");
            super::hex_dump(out, data, true);
        }
        other => {
            let e = p.opts.link_header;
            // With -e only Frame Relay's Cisco-ethertype form is spelled out.
            let fr_e = |off: usize| other == 107 && data.get(off - 2) != Some(&0x03);
            if let Some((off, v6)) = serial_ip(other, data).filter(|&(off, _)| !e || fr_e(off)) {
                if e {
                    q922(out, data, off - 2, wire);
                }
                dump.net_off = off;
                let rest = &data[off..];
                let w = wire.saturating_sub(off);
                if v6 {
                    ip::ipv6(p, rest, w, out, !e);
                } else {
                    ip::ipv4(p, rest, w, out, !e);
                }
                return;
            }
            fmt::s(out, "link-type ");
            dlt_name(out, Dlt(other));
            fmt::s(out, ", length ");
            fmt::u(out, wire as u64);
            fmt::s(out, ": [not dissected]");
        }
    }
}

/// Apple's PKTAP: a little-endian header (its own length, a type, the
/// link type of the packet inside, the interface name, process details)
/// before a packet of that link type. tcpdump prints the inner packet, and
/// with `-e` the header's link type and length first.
fn pktap(p: &mut Printer, pkt: &PacketRef<'_>, wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    /// The size of the version 1 header, the smallest tcpdump accepts.
    const MIN: u32 = 108;
    let data = pkt.data;
    let le =
        |off: usize| data.get(off..off + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let (Some(hlen), Some(inner)) = (le(0), le(8)) else {
        fmt::s(out, " [|pktap]");
        return;
    };
    if hlen < MIN {
        fmt::s(out, " (pkt_len too small, ");
        fmt::u(out, u64::from(hlen));
        fmt::s(out, " < 108) (invalid)");
        return;
    }
    if p.opts.link_header {
        fmt::s(out, "DLT ");
        dlt_name(out, Dlt(inner));
        fmt::s(out, " (");
        fmt::u(out, u64::from(inner));
        fmt::s(out, ") len ");
        fmt::u(out, u64::from(hlen));
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    let hlen = hlen as usize;
    if hlen > data.len() || p.depth >= super::MAX_DEPTH || matches!(inner, 258 | 149) {
        // Nothing of the inner packet was captured: tcpdump's printer for
        // it reports the truncation.
        fmt::s(
            out,
            match inner {
                1 => " [|ether]",
                50 => " [|ppp_hdlc]",
                _ => " [|pktap]",
            },
        );
        return;
    }
    let sub = PacketRef {
        ts_sec: pkt.ts_sec,
        ts_usec: pkt.ts_usec,
        wire_len: (wire - hlen) as u32,
        data: &data[hlen..],
    };
    let outer = p.linktype;
    p.linktype = Dlt(inner);
    p.depth += 1;
    print(p, &sub, out, dump);
    p.depth -= 1;
    p.linktype = outer;
    // tcpdump counts the inner link header twice when it works out where
    // the network layer starts, so -x starts that much further on.
    dump.net_off = hlen + 2 * dump.net_off;
    if let Some(f) = dump.forced.as_mut() {
        *f += hlen;
    }
}

/// For the serial-line link types (PPP, Cisco HDLC, Frame Relay) carrying
/// plain IPv4 or IPv6, where the network layer starts and whether it is
/// IPv6. Without `-e` tcpdump prints such packets exactly like raw IP;
/// every other payload keeps the `[not dissected]` line.
fn serial_ip(dlt: u32, data: &[u8]) -> Option<(usize, bool)> {
    let b = Bytes(data);
    let found = match dlt {
        // PPP in HDLC-like framing: optional address/control 0xff 0x03,
        // then the protocol.
        50 => {
            let off = if b.u16(0)? == 0xff03 { 2 } else { 0 };
            match b.u16(off)? {
                0x0021 => (off + 2, false),
                0x0057 => (off + 2, true),
                _ => return None,
            }
        }
        // Frame Relay: a Q.922 address of two to four bytes (the last has
        // its low, extension, bit set), then either UI control and an
        // NLPID (RFC 2427) or a Cisco ethertype.
        107 => {
            if b.u8(0)? & 0x01 != 0 {
                return None;
            }
            let a = (1..4).find(|&i| b.u8(i).is_some_and(|v| v & 0x01 != 0))? + 1;
            match (b.u8(a)?, b.u8(a + 1)?) {
                (0x03, 0xcc) => (a + 2, false),
                (0x03, 0x8e) => (a + 2, true),
                (0x08, 0x00) => (a + 2, false),
                (0x86, 0xdd) => (a + 2, true),
                _ => return None,
            }
        }
        _ => return None,
    };
    (data.len() > found.0).then_some(found)
}

/// AppleTalk ARP (ethertype 0x80f3): `aarp who-has 65280.1 tell 65280.2`,
/// `aarp reply 65280.1 is-at MAC`, `aarp probe ...`, with AppleTalk
/// addresses as network.node.
fn aarp(data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "aarp ");
    let (Some(op), Some(sha), Some(spa), Some(tpa)) =
        (b.u16(6), b.slice(8, 6), b.slice(14, 4), b.slice(24, 4))
    else {
        fmt::s(out, " [|aarp]");
        return;
    };
    let at = |out: &mut Vec<u8>, a: &[u8]| {
        fmt::u(out, u16::from_be_bytes([a[1], a[2]]) as u64);
        out.push(b'.');
        fmt::u(out, a[3] as u64);
    };
    match op {
        1 | 3 => {
            fmt::s(out, if op == 1 { "who-has " } else { "probe " });
            at(out, tpa);
            fmt::s(out, " tell ");
            at(out, spa);
        }
        2 => {
            fmt::s(out, "reply ");
            at(out, spa);
            fmt::s(out, " is-at ");
            fmt::mac(out, sha);
        }
        _ => {
            fmt::s(out, "op ");
            fmt::u(out, op as u64);
        }
    }
}

/// tcpdump's `-e` header of a Frame Relay frame with a Cisco ethertype:
/// `Q.922, hdr-len 2, DLCI 302, Flags [none], cisco-ethertype IPv6
/// (0x86dd), length 80: `. `alen` is the address length.
fn q922(out: &mut Vec<u8>, data: &[u8], alen: usize, wire: usize) {
    q922_head(out, data, alen);
    let b = |i: usize| data.get(i).copied().unwrap_or(0);
    let t = u16::from_be_bytes([b(alen), b(alen + 1)]);
    fmt::s(out, ", cisco-ethertype ");
    fmt::s(out, ethertype_name(t));
    fmt::s(out, " (0x");
    fmt::x_pad(out, t as u64, 4);
    fmt::s(out, "), length ");
    fmt::u(out, wire as u64);
    fmt::s(out, ": ");
}

/// `Q.922, hdr-len 2, DLCI 302, Flags [none]`: the address part of
/// tcpdump's Frame Relay header line.
pub(crate) fn q922_head(out: &mut Vec<u8>, data: &[u8], alen: usize) {
    let b = |i: usize| data.get(i).copied().unwrap_or(0);
    let (b0, b1) = (b(0), b(1));
    let mut dlci = ((b0 as u64 >> 2) << 4) | (b1 as u64 >> 4);
    let mut sdl = false;
    if alen >= 3 {
        let last = b(alen - 1);
        if alen == 4 {
            dlci = (dlci << 7) | (b(2) as u64 >> 1);
        }
        dlci = (dlci << 6) | (last as u64 >> 2);
        sdl = last & 0x02 != 0;
    }
    fmt::s(out, "Q.922, hdr-len ");
    fmt::u(out, alen as u64);
    fmt::s(out, ", DLCI ");
    fmt::u(out, dlci);
    fmt::s(out, ", Flags [");
    let flags = [
        (b0 & 0x02 != 0, "C/R"),
        (b1 & 0x02 != 0, "DE"),
        (b1 & 0x04 != 0, "BECN"),
        (b1 & 0x08 != 0, "FECN"),
        (sdl, "sdlcore"),
    ];
    let mut first = true;
    for (on, name) in flags {
        if on {
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
    out.push(b']');
}

/// Whether tcpdump 4.99 has a printer for link type `dlt` (the others
/// print as `UNSUPPORTED` and a dump).
fn tcpdump_knows(dlt: u32) -> bool {
    matches!(
        dlt,
        0..=19
            | 50
            | 51
            | 99..=108
            | 113..=123
            | 127..=144
            | 157
            | 163..=168
            | 174
            | 177..=183
            | 187
            | 189
            | 192
            | 195
            | 197..=206
            | 209
            | 215
            | 220
            | 226
            | 228..=230
            | 239..=242
            | 249
            | 253
            | 258
            | 271
            | 276
            | 281..=285
    )
}

fn dlt_name(out: &mut Vec<u8>, dlt: Dlt) {
    match crate::dlt::TABLE.iter().find(|(_, d)| *d == dlt) {
        Some((name, _)) => fmt::s(out, name),
        None => fmt::u(out, dlt.0 as u64),
    }
}

/// The names tcpdump gives ethertypes in `ethertype NAME (0x....)` (and
/// ARP in its protocol type).
pub(crate) fn ethertype_name(t: u16) -> &'static str {
    match t {
        0x0800 => "IPv4",
        0x86dd => "IPv6",
        0x0806 => "ARP",
        0x8035 => "Reverse ARP",
        0x8100 => "802.1Q",
        0x88a8 => "802.1Q-QinQ",
        0x9100 => "802.1Q-9100",
        0x9200 => "802.1Q-9200",
        0x6003 => "DN",
        0x809b => "Appletalk",
        0x80f3 => "Appletalk ARP",
        0x8137 => "IPX",
        0x880b => "PPP",
        0x8809 => "Slow Protocols",
        0x886f => "MS NLB heartbeat",
        0x88a2 => "AoE",
        0x88ca => "TIPC",
        0x88e5 => "802.1AE MACsec",
        0x88f7 => "PTP",
        0x8902 => "CFM",
        0x8947 => "GeoNet",
        0x894f => "NSH",
        0x1111 => "CALM FAST",
        0x0707 => "GeoNet (old)",
        0xd28b => "Arista Vendor Specific Protocol",
        0xfefe => "OSI",
        0x8847 => "MPLS unicast",
        0x8848 => "MPLS multicast",
        0x8863 => "PPPoE D",
        0x8864 => "PPPoE S",
        0x88cc => "LLDP",
        0x888e => "EAPOL",
        0xabcd => "CFM (old)",
        0x9000 => "Loopback",
        _ => "Unknown",
    }
}

/// One 802.1Q tag as `-e` shows it: `vlan V, p P[, DEI], ` and the type
/// that follows (`802.3`, which tcpdump runs into the LLC header, or the
/// ethertype and `, `).
pub(crate) fn vlan_tag(out: &mut Vec<u8>, tci: u16, next: u16, quiet: bool) {
    fmt::s(out, "vlan ");
    fmt::u(out, u64::from(tci & 0xfff));
    fmt::s(out, ", p ");
    fmt::u(out, u64::from(tci >> 13));
    if tci & 0x1000 != 0 {
        fmt::s(out, ", DEI");
    }
    fmt::s(out, ", ");
    if next <= 1500 {
        fmt::s(out, "802.3");
    } else {
        ethertype_q(out, next, quiet);
        fmt::s(out, ", ");
    }
}

/// `ethertype NAME (0xHHHH)`, or with `-q` just the name.
pub(crate) fn ethertype_q(out: &mut Vec<u8>, t: u16, quiet: bool) {
    if !quiet {
        return ethertype(out, t);
    }
    match ethertype_name(t) {
        "Unknown" => {
            fmt::s(out, "Unknown Ethertype (0x");
            fmt::x_pad(out, t as u64, 4);
            out.push(b')');
        }
        name => fmt::s(out, name),
    }
}

fn ethertype(out: &mut Vec<u8>, t: u16) {
    fmt::s(out, "ethertype ");
    fmt::s(out, ethertype_name(t));
    fmt::s(out, " (0x");
    fmt::x_pad(out, t as u64, 4);
    fmt::s(out, ")");
}

fn is_vlan(t: u16) -> bool {
    matches!(t, 0x8100 | 0x88a8 | 0x9100)
}

/// Whether bpfcap dissects this ethertype.
pub(crate) fn dissected(t: u16) -> bool {
    matches!(
        t,
        0x0800
            | 0x86dd
            | 0x0806
            | 0x8035
            | 0x9000
            | 0x8947
            | 0x0707
            | 0x1111
            | 0x88f7
            | 0x88a2
            | 0x6003
            | 0x88ca
            | 0x8847
            | 0x8848
            | 0x894f
    ) || l2ctl::is_ether(t)
}

/// The Ethernet configuration testing protocol (ethertype 0x9000): a
/// little-endian skip count, then at that offset the current message,
/// a forward (with the next station's address) or a reply (with a
/// receipt number), and the data.
fn loopback(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let le16 = |off: usize| b.u16(off).map(u16::swap_bytes);
    fmt::s(out, "Loopback");
    let Some(skip) = le16(0) else {
        fmt::s(out, " [|loopback]");
        return;
    };
    fmt::s(out, ", skipCount ");
    fmt::u(out, skip as u64);
    let at = 2 + skip as usize;
    let Some(func) = le16(at) else {
        fmt::s(out, " [|loopback]");
        return;
    };
    fmt::s(out, ", ");
    let data_at = match func {
        1 => {
            let Some(rcpt) = le16(at + 2) else {
                fmt::s(out, "Reply [|loopback]");
                return;
            };
            fmt::s(out, "Reply, receipt number ");
            fmt::u(out, rcpt as u64);
            at + 4
        }
        2 => {
            let Some(fwd) = b.slice(at + 2, 6) else {
                fmt::s(out, "Forward Data [|loopback]");
                return;
            };
            fmt::s(out, "Forward Data, forwarding address ");
            fmt::mac(out, fwd);
            at + 8
        }
        _ => {
            fmt::s(out, "Unknown (");
            fmt::u(out, func as u64);
            out.push(b')');
            return;
        }
    };
    fmt::s(out, ", data (");
    fmt::u(out, len.saturating_sub(data_at) as u64);
    fmt::s(out, " octets)");
}

pub(crate) fn ether(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let Some(mut t) = b.u16(12) else {
        fmt::s(out, " [|ether]");
        // Nothing past the (partial) link header is left for -x to dump.
        dump.net_off = data.len();
        return;
    };
    // Frames whose link header tcpdump prints its own way.
    match t {
        0x88e5 => return macsec::ether(p, data, wire, out, dump),
        0xd28b => return dsa::arista(p, data, wire, out, dump),
        _ => {}
    }
    let eflag = p.opts.link_header;
    p.eth_src = data.get(6..12).and_then(|s| s.try_into().ok());
    let header = |out: &mut Vec<u8>| {
        fmt::mac(out, &data[6..12]);
        fmt::s(out, " > ");
        fmt::mac(out, &data[0..6]);
        fmt::s(out, ", ");
    };
    if t <= 1500 {
        // An 802.3 frame: the field is a length (never more than the
        // frame holds) and an LLC header follows.
        let len = (t as usize).min(wire.saturating_sub(14));
        if eflag {
            header(out);
            fmt::s(out, "802.3, length ");
            fmt::u(out, len as u64);
            fmt::s(out, ": ");
        }
        let macs = Some((&data[6..12], &data[0..6]));
        llc::print(p, &data[14.min(data.len())..], len, macs, out, dump, 14);
        return;
    }
    let mut off = 14;
    // Without -e the VLAN tags are skipped silently; an undissected payload
    // makes tcpdump print the whole link header, so look ahead first.
    let mut inner = t;
    let mut look = 14;
    while is_vlan(inner) {
        match b.u16(look + 2) {
            Some(n) => inner = n,
            None => break,
        }
        look += 4;
    }
    let ppp = super::ppp::is_ether(inner)
        || matches!(inner, 0x80f3 | 0x88e5 | 0xd28b | 0x6003 | 0x88ca | 0x886f);
    let show_link = eflag || !(inner <= 1500 || dissected(inner) || ppp);
    if show_link {
        header(out);
        ethertype_q(out, t, p.opts.quiet);
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
        while is_vlan(t) {
            let (Some(tci), Some(next)) = (b.u16(off), b.u16(off + 2)) else {
                fmt::s(out, "[|vlan]");
                return;
            };
            vlan_tag(out, tci, next, p.opts.quiet);
            t = next;
            off += 4;
        }
    } else {
        while is_vlan(t) {
            match b.u16(off + 2) {
                Some(n) => t = n,
                None => {
                    fmt::s(out, "[|vlan]");
                    return;
                }
            }
            off += 4;
        }
    }
    dump.net_off = off;
    if t <= 1500 {
        let len = (t as usize).min(wire.saturating_sub(off));
        let macs = Some((&data[6..12], &data[0..6]));
        llc::print(p, &data[off.min(data.len())..], len, macs, out, dump, off);
        return;
    }
    payload(
        p,
        t,
        &data[off.min(data.len())..],
        wire.saturating_sub(off),
        out,
        dump,
        off,
        !show_link,
    );
}

/// Prints the network layer named by an ethertype.
#[allow(clippy::too_many_arguments)]
pub(crate) fn payload(
    p: &mut Printer,
    t: u16,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    off: usize,
    name: bool,
) {
    match t {
        0x0800 => ip::ipv4(p, data, wire, out, name),
        0x86dd => ip::ipv6(p, data, wire, out, name),
        0x8863 | 0x8864 => super::ppp::pppoe(p, data, wire, out, dump, off),
        0x80f3 => aarp(data, out),
        0x886f => super::ethmisc::msnlb(p, data, out),
        0x880b => super::ppp::over_ether(p, data, wire, out, dump, off),
        0x0806 | 0x8035 => arp(p, data, wire, out, name),
        0x8847 | 0x8848 | 0x894f => {
            tunnel::ethertype_payload(p, t, data, wire, out);
        }
        0x8947 | 0x0707 => {
            geonet::geonet(data, wire, p.eth_src.as_ref().map(|a| &a[..]), out);
            // A short header unwinds tcpdump's printer: -x dumps it all.
            p.unwound_at(out, " [|geonet]");
        }
        0x1111 => geonet::calm_fast(data, p.eth_src.as_ref().map(|a| &a[..]), out),
        0x88f7 => ptp::print(data, out),
        0x88a2 => aoe::print(data, wire, out),
        0x9000 => loopback(data, wire, out),
        0x6003 => decnet::print(p, data, wire, out),
        0x88ca => tipc::print(p, data, out),
        t if l2ctl::is_ether(t) => l2ctl::ether(p, t, data, wire, out),
        _ => dump.forced = Some(off),
    }
}

fn sll_dir(out: &mut Vec<u8>, pkttype: u16) {
    fmt::s(
        out,
        match pkttype {
            0 => " In",
            1 => "  B",
            2 => "  M",
            3 => "  P",
            4 => "Out",
            _ => "  ?",
        },
    );
}

fn sll(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(pkttype), Some(halen), Some(t)) = (b.u16(0), b.u16(4), b.u16(14)) else {
        fmt::s(out, " [|sll]");
        return;
    };
    let mut inner = t;
    if is_vlan(t) {
        inner = b.u16(18).unwrap_or(0);
    }
    let show_link = p.opts.link_header || !dissected(inner);
    let mut t = t;
    let mut off = 16;
    if show_link {
        sll_dir(out, pkttype);
        out.push(b' ');
        if halen > 0 {
            fmt::mac(out, &data[6..6 + (halen as usize).min(8)]);
            out.push(b' ');
        }
        if !p.opts.quiet {
            ethertype(out, t);
            fmt::s(out, ", length ");
            fmt::u(out, wire as u64);
            fmt::s(out, ": ");
        }
    }
    while is_vlan(t) {
        let (Some(tci), Some(next)) = (b.u16(off), b.u16(off + 2)) else {
            fmt::s(out, "[|vlan]");
            return;
        };
        if show_link {
            fmt::s(out, "vlan ");
            fmt::u(out, (tci & 0xfff) as u64);
            fmt::s(out, ", p ");
            fmt::u(out, (tci >> 13) as u64);
            fmt::s(out, ", ");
            ethertype(out, next);
            fmt::s(out, ", ");
        }
        t = next;
        off += 4;
    }
    dump.net_off = off;
    payload(
        p,
        t,
        &data[off.min(data.len())..],
        wire.saturating_sub(off),
        out,
        dump,
        off,
        !show_link,
    );
}

fn sll2(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(t), Some(ifindex), Some(pkttype), Some(halen)) =
        (b.u16(0), b.u32(4), b.u8(10), b.u8(11))
    else {
        fmt::s(out, " [|sll2]");
        return;
    };
    if data.len() < 20 {
        fmt::s(out, " [|sll2]");
        return;
    }
    if let Some(name) = p.ifname(ifindex) {
        fmt::s(out, name);
        fmt::s(out, "  ");
    }
    fmt::s(
        out,
        match pkttype {
            0 => "In  ",
            1 => "B   ",
            2 => "M   ",
            3 => "P   ",
            4 => "Out ",
            _ => "?   ",
        },
    );
    let show_link = p.opts.link_header || !dissected(t);
    if show_link {
        fmt::s(out, "ifindex ");
        fmt::u(out, ifindex as u64);
        out.push(b' ');
        fmt::mac(out, &data[12..12 + (halen as usize).min(8)]);
        out.push(b' ');
        ethertype(out, t);
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    dump.net_off = 20;
    payload(p, t, &data[20..], wire.saturating_sub(20), out, dump, 20, !show_link);
}

/// Raw IP: the version nibble chooses IPv4 or IPv6. With `-e` tcpdump
/// prints `ip: ` and drops the protocol name.
fn raw(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, _any: bool) {
    let name = !p.opts.link_header;
    if !name {
        fmt::s(out, "ip: ");
    }
    match data.first().map(|v| v >> 4) {
        Some(6) => ip::ipv6(p, data, wire, out, name),
        Some(4) => ip::ipv4(p, data, wire, out, name),
        Some(v) => {
            fmt::s(out, "unknown ip ");
            fmt::u(out, u64::from(v));
        }
        None => fmt::s(out, "[|ip]"),
    }
}

/// BSD NULL (host byte order, either) and OpenBSD LOOP (network order):
/// a four-byte address family.
fn null(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let Some(raw) = b.u32(0) else {
        fmt::s(out, " [|null]");
        return;
    };
    // OpenBSD's LOOP stores the family in network order. NULL stores it in
    // the capturing host's order: tcpdump reads it little-endian (as the
    // host it runs on) and swaps it when the high half is set, since a
    // family is small.
    let fam = if p.linktype.0 == 108 {
        raw
    } else {
        let le = raw.swap_bytes();
        if le & 0xffff_0000 != 0 { raw } else { le }
    };
    let (name, v6) = match fam {
        2 => ("IPv4", false),
        24 | 28 | 30 => ("IPv6", true),
        7 => ("ISO", false),
        _ => ("", false),
    };
    let e = p.opts.link_header;
    if e || name.is_empty() {
        fmt::s(out, "AF ");
        fmt::s(out, if name.is_empty() { "Unknown" } else { name });
        fmt::s(out, " (");
        fmt::u(out, fam as u64);
        fmt::s(out, "), length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    dump.net_off = 4;
    let rest = &data[4..];
    let w = wire.saturating_sub(4);
    if name.is_empty() {
        dump.forced = Some(4);
    } else if fam == 7 {
        osi::print(p, rest, w, out);
    } else if v6 {
        ip::ipv6(p, rest, w, out, !e);
    } else {
        ip::ipv4(p, rest, w, out, !e);
    }
}

/// ARP and RARP over Ethernet/IPv4 addresses.
pub(crate) fn arp(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, name: bool) {
    let b = Bytes(data);
    let (Some(hrd), Some(pro), Some(hln), Some(pln), Some(op)) =
        (b.u16(0), b.u16(2), b.u8(4), b.u8(5), b.u16(6))
    else {
        p.dump_whole = true;
        fmt::s(out, " [|arp]");
        return;
    };
    let (hln, pln) = (hln as usize, pln as usize);
    // ATM ARP (RFC 2225) has its own layout: type-and-length bytes for
    // two addresses per station; bpfcap only checks it was all captured.
    let atm_short = hrd == 19 && {
        let l = |off: usize, mask: u8| b.u8(off).map_or(usize::MAX / 8, |v| (v & mask) as usize);
        let need =
            12 + l(4, 0x3f) + l(5, 0x3f) + l(8, 0xff) + l(9, 0x3f) + l(10, 0x3f) + l(11, 0xff);
        data.len() < need
    };
    if atm_short || data.len() < 8 + 2 * (hln + pln) {
        p.dump_whole = true;
        fmt::s(out, " [|arp]");
        return;
    }
    if name {
        fmt::s(out, "ARP, ");
    }
    let generic = (pro != 0x0800 && pro != 0x1000) || pln != 4 || hln == 0;
    if p.opts.verbose > 0 || generic {
        if hrd == 1 {
            fmt::s(out, "Ethernet");
        } else if hrd == 7 {
            fmt::s(out, "ArcNet");
        } else {
            fmt::s(out, "Unknown Hardware (");
            fmt::u(out, hrd as u64);
            fmt::s(out, ")");
        }
        fmt::s(out, " (len ");
        fmt::u(out, hln as u64);
        fmt::s(out, "), ");
        let pname = ethertype_name(pro);
        if pname != "Unknown" {
            fmt::s(out, pname);
        } else {
            fmt::s(out, "Unknown Protocol (0x");
            fmt::x_pad(out, pro as u64, 4);
            fmt::s(out, ")");
        }
        fmt::s(out, " (len ");
        fmt::u(out, pln as u64);
        fmt::s(out, ")");
        if generic {
            fmt::s(out, ", length ");
            fmt::u(out, wire as u64);
            return;
        }
        fmt::s(out, ", ");
    }
    if !matches!(op, 1..=4 | 8 | 9) {
        fmt::s(out, "Unknown (");
        fmt::u(out, op as u64);
        fmt::s(out, ") ");
        // tcpdump dumps the packet right here, before any -x dump, and
        // does so with -q too.
        super::hex_dump(out, data, true);
        return;
    }
    let sha = b.slice(8, hln);
    let spa = b.slice(8 + hln, pln);
    let tha = b.slice(8 + hln + pln, hln);
    let tpa = b.slice(8 + 2 * hln + pln, pln);
    let (Some(sha), Some(spa), Some(tha), Some(tpa)) = (sha, spa, tha, tpa) else {
        fmt::s(out, "[|ARP]");
        return;
    };
    let paddr = |out: &mut Vec<u8>, a: &[u8]| {
        if a.len() == 4 { fmt::ipv4(out, a) } else { fmt::mac(out, a) }
    };
    match op {
        1 => {
            fmt::s(out, "Request who-has ");
            paddr(out, tpa);
            if tha.iter().any(|&x| x != 0) {
                fmt::s(out, " (");
                fmt::mac(out, tha);
                fmt::s(out, ")");
            }
            fmt::s(out, " tell ");
            paddr(out, spa);
        }
        2 => {
            fmt::s(out, "Reply ");
            paddr(out, spa);
            fmt::s(out, " is-at ");
            fmt::mac(out, sha);
        }
        3 => {
            fmt::s(out, "Reverse Request who-is ");
            fmt::mac(out, tha);
            fmt::s(out, " tell ");
            fmt::mac(out, sha);
        }
        4 => {
            fmt::s(out, "Reverse Reply ");
            fmt::mac(out, tha);
            fmt::s(out, " at ");
            paddr(out, tpa);
        }
        8 => {
            fmt::s(out, "Inverse Request who-is ");
            fmt::mac(out, tha);
            fmt::s(out, " tell ");
            fmt::mac(out, sha);
        }
        9 => {
            fmt::s(out, "Inverse Reply ");
            fmt::mac(out, sha);
            fmt::s(out, " at ");
            paddr(out, spa);
        }
        _ => {}
    }
    fmt::s(out, ", length ");
    fmt::u(out, wire as u64);
}
