//! GRE and the glue of the tunnel printers, plus one-line printers for the
//! IP protocols routers chatter in (PIMv2, VRRP, OSPF, IGMP).
//!
//! * GRE (IP protocol 47): version 0 with its offset, key, sequence number
//!   and source routes (`GREv0, key=0x2, length 116: `), then IPv4, IPv6,
//!   MPLS, bridged Ethernet, OSI or IPX, anything else as
//!   `gre-proto-0xT`; version 1 (PPTP) as `GREv1, call 5, seq 7, ...`
//!   and its PPP payload (src/display/ppp.rs); with `-e` the
//!   protocol type is named (`proto TEB (0x6558)`).
//! * [`ether`] and [`ethertype_payload`] re-enter the link and IP printers
//!   for the frames and packets that tunnels carry, with tcpdump's default
//!   hex dump for what they do not dissect.
//! * [`udp`] picks among the UDP printers of this family (Geneve, VXLAN,
//!   OTV, VXLAN-GPE, MPLS over UDP, LISP, RADIUS, L2TP, IKE and its NAT
//!   traversal, RIP) in the order tcpdump tries ports, measured pair by
//!   pair, and leaves the packet to others when tcpdump would.
//! * PPP frames carrying MPLS print as the label stack.
//!
//! The one-line printers answer `false` for forms not yet compared with
//! tcpdump, so the caller keeps its honest `ip-proto-N` line.

use super::{Bytes, Printer, fmt, ip};

/// tcpdump's names for the PIMv2 message types it prints on one line.
fn pim_type(t: u8) -> Option<&'static str> {
    Some(match t {
        0 => "Hello",
        1 => "Register",
        2 => "Register Stop",
        3 => "Join / Prune",
        4 => "Bootstrap",
        5 => "Assert",
        6 => "Graft",
        7 => "Graft ACK",
        8 => "Candidate RP Advertisement",
        10 => "DF Election",
        _ => return None,
    })
}

/// `PIMv2, TYPE, length LEN` for the PIM message in `data` (`len` bytes on
/// the wire); `false` when the message is not one of the known PIMv2 types.
pub(crate) fn pim(data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let Some(b0) = Bytes(data).u8(0) else {
        return false;
    };
    if b0 >> 4 != 2 {
        return false;
    }
    let Some(name) = pim_type(b0 & 0x0f) else {
        return false;
    };
    fmt::s(out, "PIMv2, ");
    fmt::s(out, name);
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    true
}

/// GRE flag bits (RFC 1701/2784, and RFC 2637's enhanced GRE version 1).
const GRE_CP: u16 = 0x8000;
const GRE_RP: u16 = 0x4000;
const GRE_KP: u16 = 0x2000;
const GRE_SP: u16 = 0x1000;
const GRE_AP: u16 = 0x0080;

/// Where a GRE version 0 header's routing entries (or, without them, the
/// payload) start: after the base, checksum/offset, key and sequence.
fn gre0_opts_end(flags: u16) -> usize {
    let mut off = 4;
    if flags & (GRE_CP | GRE_RP) != 0 {
        off += 4;
    }
    if flags & GRE_KP != 0 {
        off += 4;
    }
    if flags & GRE_SP != 0 {
        off += 4;
    }
    off
}

/// Whether [`gre`] will print this GRE packet: all of them, now that the
/// PPP inside version 1 (PPTP) is printed too.
pub(crate) fn gre_supported(_data: &[u8]) -> bool {
    true
}

/// The length of a GRE version 1 header.
fn gre1_hlen(flags: u16) -> usize {
    let mut hlen = 4;
    for bit in [GRE_KP, GRE_SP, GRE_AP] {
        if flags & bit != 0 {
            hlen += 4;
        }
    }
    hlen
}

/// `GREv0[, off 0xO][, key=0xK][, seq N][, (rtaf=ip *A B)], length LEN: `
/// then the carried protocol: IPv4, IPv6, MPLS and bridged Ethernet are
/// printed in full, anything else as `gre-proto-0xT`. The checksum is not
/// shown (tcpdump shows it only with `-v`). Version 1 prints
/// `GREv1, call C[, seq N][, ack N], no-payload, length LEN`. Call only when
/// [`gre_supported`] said yes.
pub(crate) fn gre(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let Some(flags) = b.u16(0) else {
        fmt::s(out, " [|gre]");
        return;
    };
    let version = flags & 7;
    fmt::s(out, "GREv");
    fmt::u(out, version as u64);
    match version {
        0 => gre0(p, data, flags, len, out),
        1 => gre1(p, data, flags, len, out),
        _ => fmt::s(out, " ERROR: unknown-version"),
    }
}

fn gre0(p: &mut Printer, data: &[u8], flags: u16, len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let hlen = gre0_opts_end(flags);
    let Some(proto) = b.u16(2).filter(|_| data.len() >= hlen) else {
        fmt::s(out, " [|gre]");
        return;
    };
    fmt::s(out, ", ");
    let mut off = 4;
    if flags & (GRE_CP | GRE_RP) != 0 {
        fmt::s(out, "off 0x");
        fmt::x(out, b.u16(6).unwrap_or(0) as u64);
        fmt::s(out, ", ");
        off += 4;
    }
    if flags & GRE_KP != 0 {
        fmt::s(out, "key=0x");
        fmt::x(out, b.u32(off).unwrap_or(0) as u64);
        fmt::s(out, ", ");
        off += 4;
    }
    if flags & GRE_SP != 0 {
        fmt::s(out, "seq ");
        fmt::u(out, b.u32(off).unwrap_or(0) as u64);
        fmt::s(out, ", ");
        off += 4;
    }
    if flags & GRE_RP != 0 {
        // Source route entries up to the empty one: an IPv4 entry lists its
        // addresses, the active one (at the entry's offset) starred; other
        // families are only named.
        for _ in 0..64 {
            let (Some(af), Some(sre_off), Some(sre_len)) =
                (b.u16(off), b.u8(off + 2), b.u8(off + 3))
            else {
                fmt::s(out, " [|gre]");
                return;
            };
            let (sre_off, sre_len) = (sre_off as usize, sre_len as usize);
            if af == 0 && sre_len == 0 {
                off += 4;
                break;
            }
            fmt::s(out, "(rtaf=");
            if af == 0x0800 {
                fmt::s(out, "ip");
                if !sre_len.is_multiple_of(4) {
                    fmt::s(out, ", badlength=");
                    fmt::u(out, sre_len as u64);
                    fmt::s(out, ") [|gre]");
                    return;
                }
            } else {
                fmt::s(out, "0x");
                fmt::x(out, af as u64);
            }
            let Some(entry) = b.slice(off + 4, sre_len) else {
                fmt::s(out, ") [|gre]");
                return;
            };
            off += 4 + sre_len;
            if af == 0x0800 {
                for (i, a) in entry.chunks_exact(4).enumerate() {
                    out.push(b' ');
                    if i * 4 == sre_off {
                        out.push(b'*');
                    }
                    fmt::ipv4(out, a);
                }
            }
            fmt::s(out, "), ");
        }
    }
    gre_proto_e(p, proto, out);
    fmt::s(out, "length ");
    fmt::u(out, len as u64);
    fmt::s(out, ": ");
    let inner = &data[off.min(data.len())..];
    let wire = len.saturating_sub(off);
    let printed = match proto {
        0x0800 | 0x86dd | 0x8847 | 0x6558 => ethertype_payload(p, proto, inner, wire, out),
        0x00fe => {
            super::osi::print(p, inner, wire, out);
            true
        }
        0x8137 => {
            if !p.opts.link_header {
                fmt::s(out, "IPX ");
            }
            super::ipx::print(p, inner, wire, out);
            true
        }
        _ => false,
    };
    if !printed {
        fmt::s(out, "gre-proto-0x");
        fmt::x(out, proto as u64);
    }
}

/// Enhanced GRE (PPTP): the key field holds the payload length and the
/// call ID, then the optional sequence and acknowledgement numbers.
fn gre1(p: &mut Printer, data: &[u8], flags: u16, len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let mut off = 4;
    if flags & GRE_KP != 0 {
        let Some(key) = b.u32(off) else {
            fmt::s(out, " [|gre]");
            return;
        };
        fmt::s(out, ", call ");
        fmt::u(out, (key & 0xffff) as u64);
        off += 4;
    }
    if flags & GRE_SP != 0 {
        let Some(seq) = b.u32(off) else {
            fmt::s(out, " [|gre]");
            return;
        };
        fmt::s(out, ", seq ");
        fmt::u(out, seq as u64);
        off += 4;
    }
    if flags & GRE_AP != 0 {
        let Some(ack) = b.u32(off) else {
            fmt::s(out, " [|gre]");
            return;
        };
        fmt::s(out, ", ack ");
        fmt::u(out, ack as u64);
    }
    if flags & GRE_SP == 0 {
        fmt::s(out, ", no-payload");
    }
    fmt::s(out, ", ");
    gre_proto_e(p, b.u16(2).unwrap_or(0), out);
    fmt::s(out, "length ");
    fmt::u(out, len as u64);
    // The payload (present only with a sequence number) is a PPP frame.
    if flags & GRE_SP != 0 {
        fmt::s(out, ": ");
        let hlen = gre1_hlen(flags);
        if data.len() <= hlen {
            fmt::s(out, " [|ppp]");
            return;
        }
        super::ppp::in_gre(p, &data[hlen..], len.saturating_sub(hlen), out);
    }
}

/// VRRP (IP protocol 112): `VRRPv2, Advertisement, vrid V, prio P,
/// authtype none, intvl 1s, length N` (VRRPv3: `intvl Ncs`), with
/// `(ttl N), ` after the type when the TTL or hop limit is not 255, and
/// tcpdump's short forms for other versions and types and for truncated
/// packets. With -v: the checksum when it is wrong, the addresses and a
/// simple password. `src` is the IP source address (for the VRRPv3
/// pseudo-header checksum).
pub(crate) fn vrrp(
    data: &[u8],
    len: usize,
    ttl: u8,
    verbose: bool,
    addrs: (&[u8], &[u8]),
    out: &mut Vec<u8>,
) {
    const TRUNC: &str = " [|vrrp]";
    let b = Bytes(data);
    fmt::s(out, "VRRP");
    let Some(vt) = b.u8(0) else {
        fmt::s(out, TRUNC);
        return;
    };
    let (version, typ) = (vt >> 4, vt & 0x0f);
    out.push(b'v');
    fmt::u(out, version as u64);
    fmt::s(out, ", ");
    if typ == 1 {
        fmt::s(out, "Advertisement");
    } else {
        fmt::s(out, "unknown type (");
        fmt::u(out, typ as u64);
        out.push(b')');
    }
    if ttl != 255 {
        fmt::s(out, ", (ttl ");
        fmt::u(out, ttl as u64);
        out.push(b')');
    }
    if typ != 1 || !matches!(version, 2 | 3) {
        return;
    }
    let (Some(vrid), Some(prio)) = (b.u8(1), b.u8(2)) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, ", vrid ");
    fmt::u(out, vrid as u64);
    fmt::s(out, ", prio ");
    fmt::u(out, prio as u64);
    let auth = if version == 2 {
        let Some(auth) = b.u8(4) else {
            fmt::s(out, TRUNC);
            return;
        };
        fmt::s(out, ", authtype ");
        match auth {
            0 => fmt::s(out, "none"),
            1 => fmt::s(out, "simple"),
            2 => fmt::s(out, "ah"),
            _ => {
                out.push(b'#');
                fmt::u(out, auth as u64);
            }
        }
        let Some(intvl) = b.u8(5) else {
            fmt::s(out, TRUNC);
            return;
        };
        fmt::s(out, ", intvl ");
        fmt::u(out, intvl as u64);
        out.push(b's');
        auth
    } else {
        let Some(intvl) = b.u16(4) else {
            fmt::s(out, TRUNC);
            return;
        };
        fmt::s(out, ", intvl ");
        fmt::u(out, (intvl & 0x0fff) as u64);
        fmt::s(out, "cs");
        0
    };
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    if !verbose {
        return;
    }
    // The checksum covers the VRRP message (and, for VRRPv3, the IP
    // pseudo-header); it can be checked only when all of it was captured.
    if data.len() >= len {
        let msg = &data[..len];
        let sum = if version == 3 {
            let mut pseudo = Vec::with_capacity(40);
            pseudo.extend_from_slice(addrs.0);
            pseudo.extend_from_slice(addrs.1);
            if addrs.0.len() == 16 {
                pseudo.extend_from_slice(&(len as u32).to_be_bytes());
                pseudo.extend_from_slice(&[0, 0, 0, 112]);
            } else {
                pseudo.extend_from_slice(&[0, 112]);
                pseudo.extend_from_slice(&(len as u16).to_be_bytes());
            }
            super::ip::checksum(&[&pseudo, msg])
        } else {
            super::ip::checksum(&[msg])
        };
        if sum != 0 {
            // The field itself may lie past a short message.
            let Some(field) = b.u16(6) else {
                fmt::s(out, TRUNC);
                return;
            };
            fmt::s(out, ", (bad vrrp cksum ");
            fmt::x(out, field as u64);
            out.push(b')');
        }
    }
    let Some(naddr) = b.u8(3) else { return };
    let alen = addrs.0.len();
    fmt::s(out, ", addrs");
    if naddr > 1 {
        out.push(b'(');
        fmt::u(out, naddr as u64);
        out.push(b')');
    }
    out.push(b':');
    for i in 0..naddr as usize {
        let Some(a) = b.slice(8 + alen * i, alen) else {
            fmt::s(out, TRUNC);
            return;
        };
        out.push(if i > 0 { b',' } else { b' ' });
        super::ip::addr(out, a);
    }
    if auth == 1 {
        // The password is printed as far as it was captured (up to 8
        // bytes or a NUL).
        let at = 8 + alen * naddr as usize;
        fmt::s(out, " auth \"");
        for i in 0..8 {
            let Some(c) = b.u8(at + i) else {
                fmt::s(out, TRUNC);
                return;
            };
            if c == 0 {
                break;
            }
            out.push(if c.is_ascii_graphic() || c == b' ' { c } else { b'.' });
        }
        out.push(b'"');
    }
}

/// `OSPFv2, Hello, length N` (or `OSPFv3, ...` over IPv6), where N is the
/// IP payload length less an OSPFv2 cryptographic authentication trailer
/// (tcpdump's figure); `false` for other versions and types.
pub(crate) fn ospf(data: &[u8], len: usize, version: u8, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(v), Some(t)) = (b.u8(0), b.u8(1)) else {
        return false;
    };
    let mut len = len;
    if v == 2 && b.u16(14) == Some(2) {
        let Some(auth) = b.u8(19) else {
            return false;
        };
        len = len.saturating_sub(auth as usize);
    }
    let name = match t {
        1 => "Hello",
        2 => "Database Description",
        3 => "LS-Request",
        4 => "LS-Update",
        5 => "LS-Ack",
        _ => return false,
    };
    if v != version {
        return false;
    }
    fmt::s(out, if v == 2 { "OSPFv2, " } else { "OSPFv3, " });
    fmt::s(out, name);
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    true
}

/// `igmp v1 report G`, `igmp v2 report G`, `igmp leave G` and the
/// version 1 and 2 queries; `false` for other IGMP messages.
pub(crate) fn igmp(data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(t), Some(code), Some(group)) = (b.u8(0), b.u8(1), b.slice(4, 4)) else {
        return false;
    };
    let text = match t {
        0x11 if code == 0 && len == 8 => {
            fmt::s(out, "igmp query v1");
            return true;
        }
        // A version 2 query: the response time shows unless it is the
        // default 100 (tenths of a second), the group unless it is zero.
        0x11 if code != 0 && len == 8 => {
            fmt::s(out, "igmp query v2");
            if code != 100 {
                fmt::s(out, " [max resp time ");
                fmt::u(out, code as u64);
                out.push(b']');
            }
            if group != [0, 0, 0, 0] {
                fmt::s(out, " [gaddr ");
                fmt::ipv4(out, group);
                out.push(b']');
            }
            return true;
        }
        0x12 => "igmp v1 report ",
        0x16 => "igmp v2 report ",
        0x17 => "igmp leave ",
        _ => return false,
    };
    fmt::s(out, text);
    fmt::ipv4(out, group);
    true
}

/// tcpdump's names for the protocol types of GRE and Geneve, which `-e`
/// shows as `proto NAME (0xTTTT)`.
fn proto_name(t: u16) -> &'static str {
    match t {
        0x0800 => "IPv4",
        0x86dd => "IPv6",
        0x0806 => "ARP",
        0x8035 => "Reverse ARP",
        0x6558 => "TEB",
        0x8847 => "MPLS unicast",
        0x8848 => "MPLS multicast",
        0x880b => "PPP",
        0x00fe => "GRE-OSI",
        0x8137 => "IPX",
        0x8100 => "802.1Q",
        0x88a8 => "802.1Q-QinQ",
        0x8863 => "PPPoE D",
        0x8864 => "PPPoE S",
        0x88cc => "LLDP",
        0x894f => "NSH",
        0x9000 => "Loopback",
        _ => "unknown",
    }
}

/// `, proto NAME (0xTTTT)` when `-e` asks for link-level detail.
pub(crate) fn proto_e(p: &Printer, t: u16, out: &mut Vec<u8>) {
    if p.opts.link_header {
        fmt::s(out, ", proto ");
        fmt::s(out, proto_name(t));
        fmt::s(out, " (0x");
        fmt::x_pad(out, t as u64, 4);
        out.push(b')');
    }
}

/// `proto NAME (0xTTTT), ` in a GRE header under `-e`.
fn gre_proto_e(p: &Printer, t: u16, out: &mut Vec<u8>) {
    if p.opts.link_header {
        fmt::s(out, "proto ");
        fmt::s(out, proto_name(t));
        fmt::s(out, " (0x");
        fmt::x_pad(out, t as u64, 4);
        fmt::s(out, "), ");
    }
}

/// Whether an undissected payload inside a tunnel gets tcpdump's default
/// hex dump in the text: not under `-x`/`-X` (whose dump already shows
/// the whole packet) nor `-q`, but still under `-A`.
fn default_dump(p: &Printer) -> bool {
    let o = &p.opts;
    o.hex == 0 && o.hex_ascii == 0 && !o.quiet
}

/// The hex dump tcpdump prints for an undissected payload inside a tunnel.
pub(crate) fn dump_rest(p: &Printer, data: &[u8], out: &mut Vec<u8>) {
    if default_dump(p) {
        super::hex_dump(out, data, true);
    }
}

/// Prints an Ethernet frame carried inside a tunnel as tcpdump prints a
/// top-level one (the link header only with `-e` or for an undissected
/// ethertype, whose payload is then dumped in hex).
pub(crate) fn ether(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if p.depth >= super::MAX_DEPTH {
        return;
    }
    let mut dump = super::Dump { net_off: 0, forced: None };
    // The frame's own truncation and dump flags are not the packet's.
    let (whole, forced) = (p.dump_whole, p.dump_net_forced);
    p.depth += 1;
    super::link::ether(p, data, len.max(data.len()), out, &mut dump);
    p.depth -= 1;
    p.dump_whole = whole;
    p.dump_net_forced = forced;
    if let Some(off) = dump.forced {
        dump_rest(p, data.get(off..).unwrap_or(&[]), out);
    }
}

/// Prints a tunnel payload named by an ethertype (Geneve, GRE-like
/// encapsulations): bridged Ethernet, IPv4, IPv6, ARP, MPLS or NSH;
/// `false` (nothing written) for any other ethertype.
pub(crate) fn ethertype_payload(
    p: &mut Printer,
    proto: u16,
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) -> bool {
    if p.depth >= super::MAX_DEPTH {
        return true;
    }
    p.depth += 1;
    let known = match proto {
        0x6558 => {
            ether(p, data, len, out);
            true
        }
        0x0800 => {
            ip::ipv4(p, data, len, out, !p.opts.link_header);
            true
        }
        0x86dd => {
            ip::ipv6(p, data, len, out, !p.opts.link_header);
            true
        }
        0x0806 | 0x8035 => {
            super::link::arp(p, data, len, out, !p.opts.link_header);
            true
        }
        0x8847 | 0x8848 => {
            super::mpls::print(p, data, len, out);
            true
        }
        0x894f => {
            super::vxlan::nsh(p, data, len, out);
            true
        }
        _ => false,
    };
    p.depth -= 1;
    known
}

/// The UDP protocols of this family, by well-known port, in the order
/// tcpdump tries them (when both ports are ours, the earlier one wins,
/// whichever side it is on).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum UdpProto {
    Rip,
    Isakmp,
    NatT,
    L2tp,
    Ripng,
    Wb,
    Radius,
    Otv,
    Vxlan,
    Geneve,
    Lisp,
    VxlanGpe,
    MplsUdp,
}

fn udp_proto(port: u16) -> Option<UdpProto> {
    use UdpProto::*;
    Some(match port {
        520 => Rip,
        500 => Isakmp,
        4500 => NatT,
        1701 => L2tp,
        521 => Ripng,
        4567 => Wb,
        1645 | 1646 | 1812 | 1813 | 1700 | 3799 => Radius,
        8472 => Otv,
        4789 => Vxlan,
        6081 => Geneve,
        4342 => Lisp,
        4790 => VxlanGpe,
        6635 => MplsUdp,
        _ => return None,
    })
}

// Where other protocols' ports fall in tcpdump's order, as seen from ours
// (measured against tcpdump 4.99.3 with every pairing of ports): each tier
// lists the ports tried before the next of our protocols.
/// Before RIP, and so before everything here (DNS, BOOTP, TFTP, mDNS,
/// timed).
const BEFORE_RIP: &[u16] = &[53, 67, 68, 69, 5353, 525];
/// ... before IKE and its NAT traversal.
const BEFORE_ISAKMP: &[u16] = &[654];
/// ... before L2TP (Kerberos, NTP, SNMP).
const BEFORE_L2TP: &[u16] = &[88, 750, 123, 161, 162];
/// ... before RADIUS (PIM RP discovery, RIPng, DHCPv6, AHCP, Babel, HNCP).
const BEFORE_RADIUS: &[u16] = &[496, 521, 546, 547, 5359, 6696, 6697, 8231];
/// ... before the tunnels (syslog, LDP, OLSR, LSP ping, SIP, sFlow, LWAPP
/// and others).
const BEFORE_TUNNELS: &[u16] = &[514, 646, 698, 701, 921, 3503, 5060, 6343, 12222, 12223];
/// ... and before the tunnels, but only as the destination port (HSRP,
/// BFD).
const BEFORE_TUNNELS_AS_DST: &[u16] = &[1985, 3784, 4784, 6784];

/// Whether another protocol's port `other` takes the packet from `proto`
/// (`other_is_dst`: the other port is the destination port).
fn yields(proto: UdpProto, other_is_dst: bool, other: u16) -> bool {
    use UdpProto::*;
    // AFS (RX) takes ports 7000-7009, between L2TP and RADIUS.
    let afs = (7000..=7009).contains(&other);
    let tiers: &[&[u16]] = match proto {
        Rip => &[BEFORE_RIP],
        Isakmp | NatT => &[BEFORE_RIP, BEFORE_ISAKMP],
        L2tp => &[BEFORE_RIP, BEFORE_ISAKMP, BEFORE_L2TP],
        Radius | Ripng | Wb => {
            return afs || yields(L2tp, other_is_dst, other) || BEFORE_RADIUS.contains(&other);
        }
        _ => {
            return yields(Radius, other_is_dst, other)
                || BEFORE_TUNNELS.contains(&other)
                || (other_is_dst && BEFORE_TUNNELS_AS_DST.contains(&other));
        }
    };
    tiers.iter().any(|t| t.contains(&other))
}

/// The UDP-borne tunnels and protocols of this family, chosen by port the
/// way tcpdump chooses: `true` when one of them printed the payload (after
/// `src.port > dst.port: `), `false` to leave the packet to the others.
pub(crate) fn udp(
    p: &mut Printer,
    addrs: &ip::Addrs<'_>,
    sport: u16,
    dport: u16,
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) -> bool {
    let proto = match (udp_proto(sport), udp_proto(dport)) {
        (Some(s), Some(d)) => s.min(d),
        (Some(s), None) if !yields(s, true, dport) => s,
        (None, Some(d)) if !yields(d, false, sport) => d,
        _ => return false,
    };
    use UdpProto::*;
    match proto {
        Geneve => super::geneve::print(p, data, len, out),
        Vxlan => super::vxlan::vxlan(p, data, len, out),
        Otv => super::vxlan::otv(p, data, len, out),
        VxlanGpe => super::vxlan::gpe(p, data, len, out),
        MplsUdp => super::mpls::print(p, data, len, out),
        Lisp => return super::lisp::print(data, len, out),
        Radius => super::radius::print(data, len, out),
        L2tp => return super::l2tp::print(p, data, len, out),
        Isakmp => super::isakmp::print(p, addrs, data, out),
        NatT => super::isakmp::nat_t(p, addrs, data, len, out),
        Rip => super::rip::print(data, len, out),
        Ripng => return super::ripng::print(data, out),
        Wb => return super::wb::print(data, out),
    }
    true
}

/// Where the MPLS stack starts in a PPP frame carrying MPLS unicast or
/// multicast (protocols 0x0281 and 0x0283), after the optional
/// address/control bytes.
pub(crate) fn ppp_mpls(data: &[u8]) -> Option<usize> {
    let b = Bytes(data);
    let off = if b.u16(0)? == 0xff03 { 2 } else { 0 };
    matches!(b.u16(off)?, 0x0281 | 0x0283).then_some(off + 2)
}

/// A PPP frame carrying MPLS, printed (without `-e`) as the label stack
/// alone, the way tcpdump prints it.
pub(crate) fn ppp_mpls_print(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut super::Dump,
) {
    let off = ppp_mpls(data).unwrap_or(0);
    dump.net_off = off;
    super::mpls::print(p, &data[off.min(data.len())..], wire.saturating_sub(off), out);
}
