//! IPv4 (with fragments and the `-v` header line and options) and IPv6
//! (with its extension headers, whose options and routing details `-v`
//! shows), and the dispatch to the upper layers.
//!
//! tcpdump's layering of the text is a little irregular, and the printers
//! reproduce it: TCP and UDP print the addresses themselves, joined to the
//! ports (`10.0.0.1.80 > ...`), while every other protocol gets
//! `src > dst: ` from the IP layer. After IPv6 extension headers the
//! addresses have already been printed, so TCP and UDP print bare ports.

use super::{
    Bytes, Printer, dccp, eigrp, fmt, icmp, icmp6, igmp, ipsec, link, mobility, pgm, rsvp, sctp,
    transport, tunnel,
};

/// A packet's two addresses (4 or 16 bytes each).
#[derive(Clone, Copy)]
pub(crate) struct Addrs<'a> {
    pub src: &'a [u8],
    pub dst: &'a [u8],
    /// Whether `src > dst: ` has been printed already.
    pub printed: bool,
    /// Whether the payload is the first fragment of a larger datagram (so
    /// length fields may exceed what the packet holds).
    pub frag: bool,
}

pub(crate) fn addr(out: &mut Vec<u8>, a: &[u8]) {
    if let Ok(v6) = <&[u8; 16]>::try_from(a) {
        fmt::ipv6(out, v6);
    } else {
        fmt::ipv4(out, a);
    }
}

impl Addrs<'_> {
    /// `src > dst: ` unless already printed.
    pub fn pair(&self, out: &mut Vec<u8>) {
        if !self.printed {
            addr(out, self.src);
            fmt::s(out, " > ");
            addr(out, self.dst);
            fmt::s(out, ": ");
        }
    }

    /// `src.sport > dst.dport: ` (bare ports after IPv6 extension headers).
    pub fn ports(&self, out: &mut Vec<u8>, sport: u16, dport: u16) {
        if !self.printed {
            addr(out, self.src);
            out.push(b'.');
        }
        fmt::u(out, sport as u64);
        fmt::s(out, " > ");
        if !self.printed {
            addr(out, self.dst);
            out.push(b'.');
        }
        fmt::u(out, dport as u64);
        fmt::s(out, ": ");
    }
}

/// tcpdump's names for IP protocol numbers (in `-v` output).
pub(crate) fn proto_name(p: u8) -> Option<&'static str> {
    Some(match p {
        0 => "Options",
        1 => "ICMP",
        2 => "IGMP",
        4 => "IPIP",
        6 => "TCP",
        17 => "UDP",
        33 => "DCCP",
        41 => "IPv6",
        43 => "Routing",
        44 => "Fragment",
        47 => "GRE",
        50 => "ESP",
        51 => "AH",
        58 => "ICMPv6",
        62 => "Mobile IP (old)",
        60 => "DSTOPT",
        89 => "OSPF",
        103 => "PIM",
        112 => "VRRP",
        132 => "SCTP",
        135 => "Mobility",
        _ => return None,
    })
}

/// The Internet checksum of some 16-bit-word-aligned pieces.
pub(crate) fn checksum(parts: &[&[u8]]) -> u16 {
    let mut sum: u64 = 0;
    let mut odd: Option<u8> = None;
    for part in parts {
        for &b in part.iter() {
            match odd.take() {
                Some(hi) => sum += u64::from(u16::from_be_bytes([hi, b])),
                None => odd = Some(b),
            }
        }
    }
    if let Some(hi) = odd {
        sum += u64::from(u16::from_be_bytes([hi, 0]));
    }
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

pub(crate) fn ipv4(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, name: bool) {
    let b = Bytes(data);
    let Some(vhl) = b.u8(0) else {
        p.dump_whole = true;
        fmt::s(out, " [|ip]");
        return;
    };
    if vhl >> 4 == 6 {
        fmt::s(out, "IP6, wrong link-layer encapsulation (invalid)");
        return;
    }
    if vhl >> 4 != 4 {
        fmt::s(out, "IP");
        fmt::u(out, (vhl >> 4) as u64);
        fmt::s(out, " (invalid)");
        return;
    }
    if name {
        fmt::s(out, "IP ");
    }
    if data.len() < 20 {
        fmt::s(out, " [|ip]");
        return;
    }
    let hlen = ((vhl & 15) as usize) * 4;
    let len = b.u16(2).unwrap_or(0) as usize;
    if hlen < 20 {
        fmt::s(out, "bad-hlen ");
        fmt::u(out, hlen as u64);
        return;
    }
    if len < hlen {
        fmt::s(out, "bad-len ");
        fmt::u(out, len as u64);
        return;
    }
    if len > wire {
        fmt::s(out, "truncated-ip - ");
        fmt::u(out, (len - wire) as u64);
        fmt::s(out, " bytes missing! ");
    }
    let tos = data[1];
    let id = b.u16(4).unwrap_or(0);
    let frag = b.u16(6).unwrap_or(0);
    let ttl = data[8];
    let proto = data[9];
    let off = ((frag & 0x1fff) as usize) * 8;
    if p.opts.verbose > 0 {
        fmt::s(out, "(tos 0x");
        fmt::x(out, tos as u64);
        match tos & 3 {
            1 => fmt::s(out, ",ECT(1)"),
            2 => fmt::s(out, ",ECT(0)"),
            3 => fmt::s(out, ",CE"),
            _ => {}
        }
        // tcpdump leaves a zero TTL out.
        if ttl != 0 {
            fmt::s(out, ", ttl ");
            fmt::u(out, ttl as u64);
        }
        fmt::s(out, ", id ");
        fmt::u(out, id as u64);
        fmt::s(out, ", offset ");
        fmt::u(out, off as u64);
        fmt::s(out, ", flags [");
        if frag & 0xe000 == 0 {
            fmt::s(out, "none");
        } else {
            let mut sep = "";
            for (bit, name) in [(0x2000, "+"), (0x4000, "DF"), (0x8000, "rsvd")] {
                if frag & bit != 0 {
                    fmt::s(out, sep);
                    fmt::s(out, name);
                    sep = ", ";
                }
            }
        }
        fmt::s(out, "], proto ");
        fmt::s(out, proto_name(proto).unwrap_or("unknown"));
        fmt::s(out, " (");
        fmt::u(out, proto as u64);
        fmt::s(out, "), length ");
        fmt::u(out, len as u64);
        if let Some(hdr) = b.slice(0, hlen) {
            if hlen > 20 {
                fmt::s(out, ", options (");
                ipv4_options(out, &hdr[20..]);
                out.push(b')');
            }
            let sum = checksum(&[hdr]);
            if sum != 0 {
                fmt::s(out, ", bad cksum ");
                fmt::x(out, b.u16(10).unwrap_or(0) as u64);
                fmt::s(out, " (->");
                let (h, t) = hdr.split_at(10);
                fmt::x(out, checksum(&[h, &[0, 0], &t[2..]]) as u64);
                fmt::s(out, ")!");
            }
        }
        fmt::s(out, ")\n    ");
    }
    let src = &data[12..16];
    let dst = &data[16..20];
    let addrs = Addrs { src, dst, printed: false, frag: frag & 0x2000 != 0 };
    let end = len.min(data.len());
    let payload = data.get(hlen..end).unwrap_or(&[]);
    let plen = len - hlen;
    if off != 0 {
        addrs.pair(out);
        fmt::s(out, "ip-proto-");
        fmt::u(out, proto as u64);
        return;
    }
    if data.len() < hlen {
        addrs.pair(out);
        fmt::s(out, "[|ip]");
        return;
    }
    upper(p, proto, addrs, payload, plen, out, Some(data));
}

/// IPv4 options as `-v` lists them: `NOP`, `EOL` (which ends the list),
/// `RA`, the route options with their addresses (a comma after each one
/// the pointer has passed), timestamps as `TS{TSONLY ^ 1@ 2@}`, others
/// by number; an option longer than what is left ends the list with
/// `[bad length N]`.
fn ipv4_options(out: &mut Vec<u8>, opts: &[u8]) {
    let mut i = 0;
    let mut first = true;
    while i < opts.len() {
        if !first {
            out.push(b',');
        }
        first = false;
        let kind = opts[i];
        let name = match kind {
            0 => "EOL",
            1 => "NOP",
            7 => "RR",
            68 => "timestamp",
            130 => "security",
            131 => "LSRR",
            137 => "SSRR",
            148 => "RA",
            _ => "",
        };
        if name.is_empty() {
            fmt::s(out, "unknown ");
            fmt::u(out, kind as u64);
        } else {
            fmt::s(out, name);
        }
        match kind {
            0 => return,
            1 => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let Some(&l) = opts.get(i + 1) else {
            fmt::s(out, " [bad length]");
            return;
        };
        let l = l as usize;
        if l < 2 || i + l > opts.len() {
            fmt::s(out, " [bad length ");
            fmt::u(out, l as u64);
            out.push(b']');
            return;
        }
        let o = &opts[i..i + l];
        match kind {
            7 | 131 | 137 => {
                if l < 3 {
                    fmt::s(out, " [bad length ");
                    fmt::u(out, l as u64);
                    out.push(b']');
                } else {
                    let ptr = o[2] as usize;
                    let mut at = 3;
                    while at + 4 <= l {
                        out.push(b' ');
                        fmt::ipv4(out, &o[at..at + 4]);
                        if ptr > at + 1 {
                            out.push(b',');
                        }
                        at += 4;
                    }
                }
            }
            68 => timestamp(out, o),
            148 if l == 4 => {
                let v = u16::from_be_bytes([o[2], o[3]]);
                if v != 0 {
                    fmt::s(out, " value ");
                    fmt::u(out, v as u64);
                }
            }
            _ => {}
        }
        i += l;
    }
}

/// The timestamp option (RFC 791): its type, the entries with ` ^ ` where
/// the pointer is, and the overflow count.
fn timestamp(out: &mut Vec<u8>, o: &[u8]) {
    fmt::s(out, " TS{");
    let l = o.len();
    if l < 4 {
        fmt::s(out, "[bad length ");
        fmt::u(out, l as u64);
        fmt::s(out, "]}");
        return;
    }
    let ptr = o[2] as usize;
    let (oflw, flag) = (o[3] >> 4, o[3] & 15);
    let hop = if flag == 0 { 4 } else { 8 };
    if !(l - 4).is_multiple_of(hop) {
        fmt::s(out, "[bad length ");
        fmt::u(out, l as u64);
        out.push(b']');
    }
    match flag {
        0 => fmt::s(out, "TSONLY"),
        1 => fmt::s(out, "TS+ADDR"),
        3 => fmt::s(out, "PRESPEC"),
        _ => {
            fmt::s(out, "[bad ts type ");
            fmt::u(out, flag as u64);
            out.push(b']');
        }
    }
    let mut at = 4;
    while at + hop <= l {
        fmt::s(out, if ptr == at + 1 { " ^ " } else { " " });
        if flag == 0 {
            fmt::u(out, u32::from_be_bytes([o[at], o[at + 1], o[at + 2], o[at + 3]]) as u64);
            out.push(b'@');
        } else {
            let ts = u32::from_be_bytes([o[at + 4], o[at + 5], o[at + 6], o[at + 7]]);
            fmt::u(out, ts as u64);
            out.push(b'@');
            fmt::ipv4(out, &o[at..at + 4]);
        }
        at += hop;
    }
    if ptr == at + 1 {
        fmt::s(out, " ^ ");
    }
    if oflw != 0 {
        fmt::s(out, " [");
        fmt::u(out, oflw as u64);
        fmt::s(out, " hops not recorded]} ");
    } else {
        out.push(b'}');
    }
}

/// The layer above IP.
pub(crate) fn upper(
    p: &mut Printer,
    proto: u8,
    addrs: Addrs<'_>,
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
    ip4: Option<&[u8]>,
) {
    match proto {
        6 => transport::tcp(p, addrs, data, len, out),
        17 => transport::udp(p, addrs, data, len, out),
        33 => dccp::print(addrs, data, len, p.opts.verbose > 0, p.opts.quiet, out),
        1 if ip4.is_some() => {
            addrs.pair(out);
            icmp::icmp4(p, data, len, out);
        }
        58 => {
            addrs.pair(out);
            icmp6::print(p, addrs, data, len, out);
        }
        4 if data.len() >= 20 && p.depth < super::MAX_DEPTH => {
            addrs.pair(out);
            p.depth += 1;
            ipv4(p, data, len, out, !p.opts.link_header);
            p.depth -= 1;
        }
        41 if data.len() >= 40 && p.depth < super::MAX_DEPTH => {
            addrs.pair(out);
            p.depth += 1;
            ipv6(p, data, len, out, !p.opts.link_header);
            p.depth -= 1;
        }
        132 => sctp::print(p, addrs, data, len, out),
        113 => {
            addrs.pair(out);
            pgm::print(&addrs, data, out);
        }
        50 => {
            addrs.pair(out);
            ipsec::esp(data, len, out);
        }
        108 => {
            addrs.pair(out);
            ipsec::ipcomp(data, out);
        }
        9 => {
            addrs.pair(out);
            super::igrp::print(data, len, out);
        }
        51 => {
            addrs.pair(out);
            ipsec::ah(p, addrs, data, len, ip4, out);
        }
        47 if tunnel::gre_supported(data) => {
            addrs.pair(out);
            tunnel::gre(p, data, len, out);
        }
        103 if {
            let mut probe = Vec::new();
            tunnel::pim(data, len, &mut probe)
        } =>
        {
            addrs.pair(out);
            tunnel::pim(data, len, out);
        }
        112 => {
            addrs.pair(out);
            let ttl = ip4.map_or(p.hop_limit, |h| h.get(8).copied().unwrap_or(0));
            tunnel::vrrp(data, len, ttl, p.opts.verbose > 0, (addrs.src, addrs.dst), out);
            // A short VRRP message makes tcpdump unwind: -x dumps the whole
            // frame.
            p.unwound_at(out, " [|vrrp]");
        }
        89 if {
            let mut probe = Vec::new();
            tunnel::ospf(data, len, if ip4.is_some() { 2 } else { 3 }, &mut probe)
        } =>
        {
            addrs.pair(out);
            tunnel::ospf(data, len, if ip4.is_some() { 2 } else { 3 }, out);
        }
        88 => {
            addrs.pair(out);
            eigrp::print(data, len, out);
        }
        46 => {
            addrs.pair(out);
            rsvp::print(data, len, out);
        }
        // -q names IGMP and nothing more.
        2 if ip4.is_some() && p.opts.quiet => {
            addrs.pair(out);
            fmt::s(out, "igmp");
        }
        2 if ip4.is_some() && igmp::handles(data, len) => {
            addrs.pair(out);
            if !igmp::print(data, len, p.opts.verbose > 0, out) {
                p.dump_whole = true;
            }
        }
        2 if ip4.is_some() && {
            let mut probe = Vec::new();
            tunnel::igmp(data, len, &mut probe)
        } =>
        {
            addrs.pair(out);
            tunnel::igmp(data, len, out);
        }
        _ => {
            addrs.pair(out);
            fmt::s(out, " ip-proto-");
            fmt::u(out, proto as u64);
            out.push(b' ');
            fmt::u(out, len as u64);
        }
    }
}

pub(crate) fn ipv6(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, name: bool) {
    let b = Bytes(data);
    if data.len() < 40 {
        fmt::s(out, " [|ip6]");
        return;
    }
    let v = data[0] >> 4;
    p.hop_limit = data[7];
    if v != 6 {
        if name {
            fmt::s(out, "IP6 ");
        }
        fmt::s(out, "version error: ");
        fmt::u(out, v as u64);
        fmt::s(out, " != 6");
        return;
    }
    if name {
        fmt::s(out, "IP6 ");
    }
    let first = b.u32(0).unwrap_or(0);
    let plen = b.u16(4).unwrap_or(0) as usize;
    let mut nh = data[6];
    let hlim = data[7];
    // A zero payload length with a hop-by-hop header first announces a
    // jumbogram (RFC 2675): the length is in the Jumbo Payload option, and
    // tcpdump reports a missing length only after the `HBH ` it found it in.
    let jumbo = plen == 0 && nh == 0;
    let mut total = 40 + plen;
    // The message comes before the -v header details.
    if !jumbo && total > wire {
        fmt::s(out, "truncated-ip6 - ");
        fmt::u(out, (total - wire) as u64);
        fmt::s(out, " bytes missing!");
    }
    if p.opts.verbose > 0 {
        fmt::s(out, "(");
        let tc = (first >> 20) & 0xff;
        if tc != 0 {
            fmt::s(out, "class 0x");
            fmt::x_pad(out, tc as u64, 2);
            fmt::s(out, ", ");
        }
        let fl = first & 0xfffff;
        if fl != 0 {
            fmt::s(out, "flowlabel 0x");
            fmt::x_pad(out, fl as u64, 5);
            fmt::s(out, ", ");
        }
        fmt::s(out, "hlim ");
        fmt::u(out, hlim as u64);
        fmt::s(out, ", next-header ");
        fmt::s(out, proto_name(nh).unwrap_or("unknown"));
        fmt::s(out, " (");
        fmt::u(out, nh as u64);
        fmt::s(out, ") payload length: ");
        fmt::u(out, plen as u64);
        fmt::s(out, ") ");
    }
    let src = &data[8..24];
    let dst = &data[24..40];
    let mut addrs = Addrs { src, dst, printed: false, frag: false };
    let mut off = 40;
    // Extension headers are read from what was captured (tcpdump does not
    // bound them by the payload length), and there are at most as many as
    // fit in the packet.
    loop {
        let rest_len = total.saturating_sub(off);
        let cap = data.get(off..).unwrap_or(&[]);
        let r = Bytes(cap);
        match nh {
            0 | 60 => {
                addrs.pair(out);
                addrs.printed = true;
                let (label, trunc) =
                    if nh == 0 { ("HBH ", " [|hbhopt]") } else { ("DSTOPT ", " [|dstopt]") };
                fmt::s(out, label);
                let (Some(next), Some(hl)) = (r.u8(0), r.u8(1)) else {
                    fmt::s(out, trunc);
                    return;
                };
                let hlen = (hl as usize + 1) * 8;
                let Some(found) = options(cap, hlen) else {
                    fmt::s(out, trunc);
                    return;
                };
                if p.opts.verbose > 0 {
                    ext_options(out, &cap[2..hlen.min(cap.len())]);
                    out.push(b' ');
                }
                if jumbo && off == 40 {
                    let Some(j) = found else {
                        fmt::s(out, "[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
                        return;
                    };
                    total = 40 + j as usize;
                    if total > wire {
                        fmt::s(out, "truncated-ip6 - ");
                        fmt::u(out, (total - wire) as u64);
                        fmt::s(out, " bytes missing!");
                    }
                }
                nh = next;
                off += hlen;
            }
            43 => {
                addrs.pair(out);
                addrs.printed = true;
                let Some((hlen, last)) = routing(out, cap, p.opts.verbose > 0) else { return };
                // Transport checksums use the route's final destination.
                if let Some(last) = last {
                    addrs.dst = last;
                }
                nh = cap[0];
                off += hlen;
            }
            44 => {
                addrs.pair(out);
                addrs.printed = true;
                let (Some(next), Some(fo)) = (r.u8(0), r.u16(2)) else {
                    fmt::s(out, "frag [|frag]");
                    return;
                };
                let id = if p.opts.verbose > 0 {
                    match r.u32(4) {
                        Some(id) => Some(id),
                        None => {
                            fmt::s(out, "frag [|frag]");
                            return;
                        }
                    }
                } else {
                    None
                };
                let foff = (fo & 0xfff8) as u64;
                fmt::s(out, "frag (");
                if let Some(id) = id {
                    fmt::s(out, "0x");
                    fmt::x_pad(out, id as u64, 8);
                    out.push(b':');
                }
                fmt::u(out, foff);
                out.push(b'|');
                // tcpdump subtracts in unsigned arithmetic, so a payload
                // length too small for the header wraps around.
                fmt::u(out, (total as u64).wrapping_sub(off as u64 + 8));
                fmt::s(out, ")");
                if foff != 0 {
                    return;
                }
                addrs.frag = fo & 1 != 0;
                out.push(b' ');
                if cap.len() < 8 {
                    // Nothing of the next header was captured.
                    return;
                }
                nh = next;
                off += 8;
            }
            59 => {
                addrs.pair(out);
                fmt::s(out, "no next header");
                return;
            }
            // 62 is the number the Mobility Header had in its drafts.
            62 | 135 => {
                // tcpdump ends the packet with the Mobility Header.
                addrs.pair(out);
                mobility::print(out, cap, p.opts.verbose > 0);
                return;
            }
            143 if p.depth < super::MAX_DEPTH => {
                // Ethernet carried in IPv6 (segment routing's L2 VPNs).
                addrs.pair(out);
                let end = total.min(data.len()).max(off);
                let mut dump = super::Dump { net_off: 0, forced: None };
                p.depth += 1;
                link::ether(p, &data[off.min(end)..end], rest_len, out, &mut dump);
                p.depth -= 1;
                return;
            }
            _ => {
                let end = total.min(data.len()).max(off.min(data.len()));
                let rest = data.get(off..end).unwrap_or(&[]);
                upper(p, nh, addrs, rest, rest_len, out, None);
                return;
            }
        }
    }
}

/// The options of a hop-by-hop or destination options header, as `-v`
/// shows them: `(pad1)`, `(padn)`, `(rtalert: 0x0000) `, `(jumbo: N) `,
/// others as `(opt_type 0xNN: len=N)`.
fn ext_options(out: &mut Vec<u8>, opts: &[u8]) {
    let b = Bytes(opts);
    let mut i = 0;
    let mut jumbo = false;
    while i < opts.len() {
        let t = opts[i];
        if t == 0 {
            fmt::s(out, "(pad1)");
            i += 1;
            continue;
        }
        let Some(l) = b.u8(i + 1) else {
            fmt::s(out, "[trunc]");
            return;
        };
        let l = l as usize;
        if b.slice(i + 2, l).is_none() {
            fmt::s(out, "[trunc]");
            return;
        }
        match t {
            1 => fmt::s(out, "(padn)"),
            5 if l == 2 => {
                fmt::s(out, "(rtalert: 0x");
                fmt::x_pad(out, b.u16(i + 2).unwrap_or(0) as u64, 4);
                fmt::s(out, ") ");
            }
            0xc2 if l == 4 => {
                fmt::s(out, "(jumbo: ");
                fmt::u(out, b.u32(i + 2).unwrap_or(0) as u64);
                fmt::s(out, if jumbo { " - already seen) " } else { ") " });
                jumbo = true;
            }
            _ => {
                fmt::s(out, "(opt_type 0x");
                fmt::x_pad(out, t as u64, 2);
                fmt::s(out, ": len=");
                fmt::u(out, l as u64);
                out.push(b')');
            }
        }
        i += 2 + l;
    }
}

/// Walks the options of a hop-by-hop or destination options header of
/// `hlen` bytes at the start of `hdr` (what was captured of it), as
/// tcpdump does even when it prints none of them. `None` when an option
/// runs past the header or the capture; otherwise the Jumbo Payload
/// length, if the header has that option.
fn options(hdr: &[u8], hlen: usize) -> Option<Option<u32>> {
    let mut jumbo = None;
    let mut i = 2;
    while i < hlen {
        let t = *hdr.get(i)?;
        if t == 0 {
            i += 1;
            continue;
        }
        let l = *hdr.get(i + 1)? as usize;
        if i + 2 + l > hlen || i + 2 + l > hdr.len() {
            return None;
        }
        // The first Jumbo Payload option counts.
        if t == 0xc2 && l == 4 && jumbo.is_none() {
            jumbo = Bytes(hdr).u32(i + 2);
        }
        i += 2 + l;
    }
    Some(jumbo)
}

/// A routing header: tcpdump details type 0 (the deprecated source route)
/// and type 4 (segment routing); the others get the common fields.
/// Returns the header's length, or `None` when it is truncated or invalid
/// (with tcpdump's marker written).
fn routing<'a>(
    out: &mut Vec<u8>,
    rest: &'a [u8],
    verbose: bool,
) -> Option<(usize, Option<&'a [u8]>)> {
    let r = Bytes(rest);
    fmt::s(out, "RT6");
    let (Some(len), Some(typ), Some(segleft)) = (r.u8(1), r.u8(2), r.u8(3)) else {
        fmt::s(out, " [|rt6]");
        return None;
    };
    fmt::s(out, " (len=");
    fmt::u(out, len as u64);
    fmt::s(out, ", type=");
    fmt::u(out, typ as u64);
    if typ == 0 {
        fmt::s(out, " [Deprecated]");
    }
    fmt::s(out, ", segleft=");
    fmt::u(out, segleft as u64);
    let mut last_hop = None;
    let mut segments = |out: &mut Vec<u8>, n: usize, final_at: usize| -> Option<()> {
        for i in 0..n {
            let Some(a) = r.slice(8 + 16 * i, 16) else {
                fmt::s(out, " [|rt6]");
                return None;
            };
            fmt::s(out, ", [");
            fmt::u(out, i as u64);
            fmt::s(out, "]");
            addr(out, a);
            if segleft > 0 && i == final_at {
                last_hop = Some(a);
            }
        }
        Some(())
    };
    match typ {
        0 => {
            if verbose {
                let Some(rsv) = r.u32(4) else {
                    fmt::s(out, " [|rt6]");
                    return None;
                };
                fmt::s(out, ", rsv=0x");
                fmt::x(out, rsv as u64);
            }
            let n = (len as usize) / 2;
            segments(out, n, n.saturating_sub(1))?
        }
        4 => {
            let (Some(last), Some(flags), Some(tag)) = (r.u8(4), r.u8(5), r.u16(6)) else {
                fmt::s(out, " [|rt6]");
                return None;
            };
            fmt::s(out, ", last-entry=");
            fmt::u(out, last as u64);
            if verbose {
                fmt::s(out, ", flags=0x");
                fmt::x(out, flags as u64);
            }
            fmt::s(out, ", tag=");
            fmt::x(out, tag as u64);
            // Segment routing headers with TLVs (an odd length in 8-byte
            // units here) are not decoded by tcpdump 4.99.3.
            if len % 2 == 1 {
                fmt::s(out, " (invalid length ");
                fmt::u(out, len as u64);
                fmt::s(out, ") (invalid)");
                return None;
            }
            segments(out, last as usize + 1, 0)?;
        }
        _ => {}
    }
    fmt::s(out, ") ");
    Some(((len as usize + 1) * 8, last_hop))
}
