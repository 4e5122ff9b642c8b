//! Network-layer primitives: protocol abbreviations (`tcp`, `ip6`, `l1`),
//! `proto N`, and host/net tests for IPv4, IPv6, ARP/RARP, DECnet and
//! link-layer (MAC, ARCnet) addresses, including the dispatch of an
//! identifier operand by its qualifiers (libpcap's `gen_scode`,
//! `gen_ncode`, `gen_mcode`, `gen_mcode6`, `gen_ecode`, `gen_acode`).

use super::link::eth::*;
use super::*;
use crate::syntax::ast::Dir;

/// IP protocol numbers.
pub(crate) mod ipproto {
    pub const ICMP: u32 = 1;
    pub const IGMP: u32 = 2;
    pub const TCP: u32 = 6;
    pub const IGRP: u32 = 9;
    pub const UDP: u32 = 17;
    pub const FRAGMENT: u32 = 44;
    pub const ESP: u32 = 50;
    pub const AH: u32 = 51;
    pub const ICMPV6: u32 = 58;
    pub const PIM: u32 = 103;
    pub const VRRP: u32 = 112;
    pub const SCTP: u32 = 132;
}
use ipproto::*;

/// The keyword of a protocol qualifier, as libpcap's messages spell it.
pub(crate) fn pname(p: Proto) -> &'static str {
    match p {
        Proto::Link => "link",
        Proto::Ip => "ip",
        Proto::Arp => "arp",
        Proto::Rarp => "rarp",
        Proto::Sctp => "sctp",
        Proto::Tcp => "tcp",
        Proto::Udp => "udp",
        Proto::Icmp => "icmp",
        Proto::Igmp => "igmp",
        Proto::Igrp => "igrp",
        Proto::Atalk => "atalk",
        Proto::Decnet => "decnet",
        Proto::Lat => "lat",
        Proto::Sca => "sca",
        Proto::Moprc => "moprc",
        Proto::Mopdl => "mopdl",
        Proto::Ip6 => "ip6",
        Proto::Icmp6 => "icmp6",
        Proto::Ah => "ah",
        Proto::Esp => "esp",
        Proto::Pim => "pim",
        Proto::Vrrp => "vrrp",
        Proto::Aarp => "aarp",
        Proto::Iso => "iso",
        Proto::Esis => "esis",
        Proto::Isis => "isis",
        Proto::Clnp => "clnp",
        Proto::Stp => "stp",
        Proto::Ipx => "ipx",
        Proto::Netbeui => "netbeui",
        Proto::IsisL1 => "l1",
        Proto::IsisL2 => "l2",
        Proto::IsisIih => "iih",
        Proto::IsisSnp => "snp",
        Proto::IsisCsnp => "csnp",
        Proto::IsisPsnp => "psnp",
        Proto::IsisLsp => "lsp",
        Proto::Radio => "radio",
        Proto::Carp => "carp",
    }
}

/// The error for an 802.11-only direction qualifier on other addresses.
fn wlan_dir_error(d: Dir) -> Option<&'static str> {
    Some(match d {
        Dir::Addr1 => {
            "'addr1' and 'address1' are not valid qualifiers for addresses other than 802.11 MAC addresses"
        }
        Dir::Addr2 => {
            "'addr2' and 'address2' are not valid qualifiers for addresses other than 802.11 MAC addresses"
        }
        Dir::Addr3 => {
            "'addr3' and 'address3' are not valid qualifiers for addresses other than 802.11 MAC addresses"
        }
        Dir::Addr4 => {
            "'addr4' and 'address4' are not valid qualifiers for addresses other than 802.11 MAC addresses"
        }
        Dir::Ra => "'ra' is not a valid qualifier for addresses other than 802.11 MAC addresses",
        Dir::Ta => "'ta' is not a valid qualifier for addresses other than 802.11 MAC addresses",
        _ => return None,
    })
}

/// The error for an 802.11-only direction qualifier on MAC addresses of
/// other link types.
fn wlan_mac_dir_error(d: Dir, ether: bool) -> Option<String> {
    let head = match d {
        Dir::Addr1 => "'addr1' and 'address1' are",
        Dir::Addr2 => "'addr2' and 'address2' are",
        Dir::Addr3 => "'addr3' and 'address3' are",
        Dir::Addr4 => "'addr4' and 'address4' are",
        Dir::Ra => "'ra' is",
        Dir::Ta => "'ta' is",
        _ => return None,
    };
    let tail = if ether { " with 802.11 headers" } else { "" };
    Some(format!("{head} only supported on 802.11{tail}"))
}

/// libpcap's `__pcap_atoin`: a dotted IPv4 prefix; returns (value, bits).
pub(crate) fn atoin(s: &str) -> Option<(u32, u32)> {
    let mut addr: u32 = 0;
    let mut len = 0u32;
    for part in s.split('.') {
        let mut n: u32 = 0;
        for c in part.bytes() {
            if n > 25 {
                return None;
            }
            n = n * 10 + (c.wrapping_sub(b'0')) as u32;
        }
        if n > 255 {
            return None;
        }
        addr = (addr << 8) | (n & 0xff);
        len += 8;
    }
    Some((addr, len))
}

fn shl(v: u32, n: u32) -> u32 {
    if n >= 32 { 0 } else { v << n }
}

impl Gen<'_> {
    /// `gen_proto_abbrev`: a protocol name on its own.
    pub fn gen_proto_abbrev(&mut self, p: Proto) -> R<Bx> {
        let d: Q<Dir> = Q::Default;
        match p {
            Proto::Sctp => self.gen_proto(SCTP, Q::Default, d),
            Proto::Tcp => self.gen_proto(TCP, Q::Default, d),
            Proto::Udp => self.gen_proto(UDP, Q::Default, d),
            Proto::Icmp => self.gen_proto(ICMP, Q::Is(Proto::Ip), d),
            Proto::Igmp => self.gen_proto(IGMP, Q::Is(Proto::Ip), d),
            Proto::Igrp => self.gen_proto(IGRP, Q::Is(Proto::Ip), d),
            Proto::Pim => self.gen_proto(PIM, Q::Default, d),
            Proto::Vrrp | Proto::Carp => self.gen_proto(VRRP, Q::Is(Proto::Ip), d),
            Proto::Ip => self.linktype(IP),
            Proto::Arp => self.linktype(ARP),
            Proto::Rarp => self.linktype(REVARP),
            Proto::Link => err("link layer applied in wrong context"),
            Proto::Atalk => self.linktype(ATALK),
            Proto::Aarp => self.linktype(AARP),
            Proto::Decnet => self.linktype(DN),
            Proto::Sca => self.linktype(SCA),
            Proto::Lat => self.linktype(LAT),
            Proto::Mopdl => self.linktype(MOPDL),
            Proto::Moprc => self.linktype(MOPRC),
            Proto::Ip6 => self.linktype(IPV6),
            Proto::Icmp6 => self.gen_proto(ICMPV6, Q::Is(Proto::Ip6), d),
            Proto::Ah => self.gen_proto(AH, Q::Default, d),
            Proto::Esp => self.gen_proto(ESP, Q::Default, d),
            Proto::Iso => self.linktype(SAP_ISONS),
            Proto::Esis => self.gen_proto(0x82, Q::Is(Proto::Iso), d),
            Proto::Isis => self.gen_proto(0x83, Q::Is(Proto::Iso), d),
            Proto::Clnp => self.gen_proto(0x81, Q::Is(Proto::Iso), d),
            Proto::IsisL1 => self.isis_list(&[15, 17, 18, 24, 26]),
            Proto::IsisL2 => self.isis_list(&[16, 17, 20, 25, 27]),
            Proto::IsisIih => self.isis_list(&[15, 16, 17]),
            Proto::IsisLsp => self.isis_list(&[18, 20]),
            Proto::IsisSnp => self.isis_list(&[24, 25, 26, 27]),
            Proto::IsisCsnp => self.isis_list(&[24, 25]),
            Proto::IsisPsnp => self.isis_list(&[26, 27]),
            Proto::Stp => self.linktype(SAP_8021D),
            Proto::Ipx => self.linktype(SAP_IPX),
            Proto::Netbeui => self.linktype(SAP_NETBEUI),
            Proto::Radio => err("'radio' is not a valid protocol type"),
        }
    }

    /// IS-IS PDU types: `b0 = p0; b1 = p1; or(b0, b1); b0 = p2; or(b0, b1)...`
    /// (so the later types are tested first, except the first two).
    fn isis_list(&mut self, types: &[u32]) -> R<Bx> {
        let isis = Q::Is(Proto::Isis);
        let b0 = self.gen_proto(types[0], isis, Q::Default)?;
        let b1 = self.gen_proto(types[1], isis, Q::Default)?;
        let mut acc = self.or(b0, b1);
        for &t in &types[2..] {
            let b0 = self.gen_proto(t, isis, Q::Default)?;
            acc = self.or(b0, acc);
        }
        Ok(acc)
    }

    /// `gen_proto`: `[proto] proto N`.
    pub fn gen_proto(&mut self, v: u32, proto: Q<Proto>, dir: Q<Dir>) -> R<Bx> {
        if dir != Q::Default {
            return err("direction applied to 'proto'");
        }
        let p = match proto {
            Q::Default => {
                let b0 = self.gen_proto(v, Q::Is(Proto::Ip), dir)?;
                let b1 = self.gen_proto(v, Q::Is(Proto::Ip6), dir)?;
                return Ok(self.or(b0, b1));
            }
            Q::Undef => return err(SYNTAX_ERROR),
            Q::Is(p) => p,
        };
        match p {
            Proto::Link => self.linktype(v),
            Proto::Ip => {
                let b0 = self.linktype(IP)?;
                let b1 = self.cmp(OffRel::LinkPl, 9, B, v)?;
                Ok(self.and(b0, b1))
            }
            Proto::Ip6 => {
                let b0 = self.linktype(IPV6)?;
                let b2 = self.cmp(OffRel::LinkPl, 6, B, FRAGMENT)?;
                let b1 = self.cmp(OffRel::LinkPl, 40, B, v)?;
                let b1 = self.and(b2, b1);
                let b2 = self.cmp(OffRel::LinkPl, 6, B, v)?;
                let b1 = self.or(b2, b1);
                Ok(self.and(b0, b1))
            }
            Proto::Arp => err("arp does not encapsulate another protocol"),
            Proto::Rarp => err("rarp does not encapsulate another protocol"),
            Proto::Atalk => err("AppleTalk encapsulation is not specifiable"),
            Proto::Decnet => err("DECNET encapsulation is not specifiable"),
            Proto::Lat => err("LAT does not encapsulate another protocol"),
            Proto::Sca => err("SCA does not encapsulate another protocol"),
            Proto::Moprc => err("MOPRC does not encapsulate another protocol"),
            Proto::Mopdl => err("MOPDL does not encapsulate another protocol"),
            Proto::Iso => match self.linktype {
                Dlt::FRELAY => {
                    let b0 = self.cmp(OffRel::LinkHdr, 2, H, (0x03 << 8) | v)?;
                    Ok(b0)
                }
                Dlt::C_HDLC => {
                    let b0 = self.linktype(SAP_ISONS)?;
                    let b1 = self.cmp(OffRel::LinkPlNoSnap, 1, B, v)?;
                    Ok(self.and(b0, b1))
                }
                _ => {
                    let b0 = self.linktype(SAP_ISONS)?;
                    let b1 = self.cmp(OffRel::LinkPlNoSnap, 0, B, v)?;
                    Ok(self.and(b0, b1))
                }
            },
            Proto::Isis => {
                let b0 = self.gen_proto(0x83, Q::Is(Proto::Iso), Q::Default)?;
                let b1 = self.cmp(OffRel::LinkPlNoSnap, 4, B, v)?;
                Ok(self.and(b0, b1))
            }
            Proto::Clnp => err("'clnp proto' is not supported"),
            other => err(format!("'{} proto' is bogus", pname(other))),
        }
    }

    /// `gen_hostop`: an IPv4/ARP address test at L3 offsets `src`/`dst`.
    fn hostop(&mut self, addr: u32, mask: u32, dir: Q<Dir>, ll: u32, src: u32, dst: u32) -> R<Bx> {
        let offset = match dir {
            Q::Is(Dir::Src) => src,
            Q::Is(Dir::Dst) => dst,
            Q::Is(Dir::SrcAndDst) => {
                let b0 = self.hostop(addr, mask, Q::Is(Dir::Src), ll, src, dst)?;
                let b1 = self.hostop(addr, mask, Q::Is(Dir::Dst), ll, src, dst)?;
                return Ok(self.and(b0, b1));
            }
            Q::Default | Q::Is(Dir::SrcOrDst) => {
                let b0 = self.hostop(addr, mask, Q::Is(Dir::Src), ll, src, dst)?;
                let b1 = self.hostop(addr, mask, Q::Is(Dir::Dst), ll, src, dst)?;
                return Ok(self.or(b0, b1));
            }
            Q::Is(d) => return err(wlan_dir_error(d).unwrap_or(SYNTAX_ERROR)),
            Q::Undef => return err(SYNTAX_ERROR),
        };
        let b0 = self.linktype(ll)?;
        let b1 = self.mcmp(OffRel::LinkPl, offset, W, addr, mask)?;
        Ok(self.and(b0, b1))
    }

    /// `gen_host`: an IPv4 (or DECnet) host or network.
    pub fn gen_host(
        &mut self,
        addr: u32,
        mask: u32,
        proto: Q<Proto>,
        dir: Q<Dir>,
        net: bool,
    ) -> R<Bx> {
        let typestr = if net { "net" } else { "host" };
        let p = match proto {
            Q::Default => {
                let b0 = self.gen_host(addr, mask, Q::Is(Proto::Ip), dir, net)?;
                // Inside an MPLS label stack only IPv4 is looked for: the
                // payload has no link-layer type to tell ARP apart (r003).
                if self.label_stack_depth > 0 {
                    return Ok(b0);
                }
                let b1 = self.gen_host(addr, mask, Q::Is(Proto::Arp), dir, net)?;
                let b1 = self.or(b0, b1);
                let b0 = self.gen_host(addr, mask, Q::Is(Proto::Rarp), dir, net)?;
                return Ok(self.or(b1, b0));
            }
            Q::Undef => return err(SYNTAX_ERROR),
            Q::Is(p) => p,
        };
        match p {
            Proto::Link => err(format!("link-layer modifier applied to {typestr}")),
            Proto::Ip => self.hostop(addr, mask, dir, IP, 12, 16),
            Proto::Rarp => self.hostop(addr, mask, dir, REVARP, 14, 24),
            Proto::Arp => self.hostop(addr, mask, dir, ARP, 14, 24),
            Proto::Decnet => self.dnhostop(addr, dir),
            Proto::Atalk => err("AppleTalk host filtering not implemented"),
            Proto::Aarp => err("AARP host filtering not implemented"),
            Proto::Lat => err("LAT host filtering not implemented"),
            Proto::Sca => err("SCA host filtering not implemented"),
            Proto::Moprc => err("MOPRC host filtering not implemented"),
            Proto::Mopdl => err("MOPDL host filtering not implemented"),
            Proto::Iso => err("ISO host filtering not implemented"),
            Proto::Ipx => err("IPX host filtering not implemented"),
            Proto::Ip6 => err(format!("'ip6' modifier applied to ip {typestr}")),
            other => err(format!("'{}' modifier applied to {typestr}", pname(other))),
        }
    }

    /// `gen_dnhostop`: a DECnet address.
    fn dnhostop(&mut self, addr: u32, dir: Q<Dir>) -> R<Bx> {
        let (sh, lh) = match dir {
            Q::Is(Dir::Dst) => (1u32, 7u32),
            Q::Is(Dir::Src) => (3, 15),
            Q::Is(Dir::SrcAndDst) => {
                let b0 = self.dnhostop(addr, Q::Is(Dir::Src))?;
                let b1 = self.dnhostop(addr, Q::Is(Dir::Dst))?;
                return Ok(self.and(b0, b1));
            }
            Q::Default | Q::Is(Dir::SrcOrDst) => {
                let b0 = self.dnhostop(addr, Q::Is(Dir::Src))?;
                let b1 = self.dnhostop(addr, Q::Is(Dir::Dst))?;
                return Ok(self.or(b0, b1));
            }
            Q::Is(d) => return err(wlan_dir_error(d).unwrap_or(SYNTAX_ERROR)),
            Q::Undef => return err(SYNTAX_ERROR),
        };
        let a = (addr as u16).swap_bytes() as u32;
        let b0 = self.linktype(DN)?;
        let tmp = self.mcmp(OffRel::LinkPl, 2, H, 0x8106, 0xff07)?;
        let b1 = self.cmp(OffRel::LinkPl, 2 + 1 + lh, H, a)?;
        let b1 = self.and(tmp, b1);
        let tmp = self.mcmp(OffRel::LinkPl, 2, B, 0x06, 0x7)?;
        let b2 = self.cmp(OffRel::LinkPl, 2 + lh, H, a)?;
        let b2 = self.and(tmp, b2);
        let b1 = self.or(b2, b1);
        let tmp = self.mcmp(OffRel::LinkPl, 2, H, 0x8102, 0xff07)?;
        let b2 = self.cmp(OffRel::LinkPl, 2 + 1 + sh, H, a)?;
        let b2 = self.and(tmp, b2);
        let b1 = self.or(b2, b1);
        let tmp = self.mcmp(OffRel::LinkPl, 2, B, 0x02, 0x7)?;
        let b2 = self.cmp(OffRel::LinkPl, 2 + sh, H, a)?;
        let b2 = self.and(tmp, b2);
        let b1 = self.or(b2, b1);
        Ok(self.and(b0, b1))
    }

    fn hostop6(&mut self, a: &[u32; 4], m: &[u32; 4], dir: Q<Dir>, src: u32, dst: u32) -> R<Bx> {
        let offset = match dir {
            Q::Is(Dir::Src) => src,
            Q::Is(Dir::Dst) => dst,
            Q::Is(Dir::SrcAndDst) => {
                let b0 = self.hostop6(a, m, Q::Is(Dir::Src), src, dst)?;
                let b1 = self.hostop6(a, m, Q::Is(Dir::Dst), src, dst)?;
                return Ok(self.and(b0, b1));
            }
            Q::Default | Q::Is(Dir::SrcOrDst) => {
                let b0 = self.hostop6(a, m, Q::Is(Dir::Src), src, dst)?;
                let b1 = self.hostop6(a, m, Q::Is(Dir::Dst), src, dst)?;
                return Ok(self.or(b0, b1));
            }
            Q::Is(d) => return err(wlan_dir_error(d).unwrap_or(SYNTAX_ERROR)),
            Q::Undef => return err(SYNTAX_ERROR),
        };
        let b1 = self.mcmp(OffRel::LinkPl, offset + 12, W, a[3], m[3])?;
        let b0 = self.mcmp(OffRel::LinkPl, offset + 8, W, a[2], m[2])?;
        let b1 = self.and(b0, b1);
        let b0 = self.mcmp(OffRel::LinkPl, offset + 4, W, a[1], m[1])?;
        let b1 = self.and(b0, b1);
        let b0 = self.mcmp(OffRel::LinkPl, offset, W, a[0], m[0])?;
        let b1 = self.and(b0, b1);
        let b0 = self.linktype(IPV6)?;
        Ok(self.and(b0, b1))
    }

    /// `gen_host6`.
    pub fn gen_host6(
        &mut self,
        a: &[u32; 4],
        m: &[u32; 4],
        proto: Q<Proto>,
        dir: Q<Dir>,
        net: bool,
    ) -> R<Bx> {
        let typestr = if net { "net" } else { "host" };
        match proto {
            Q::Default | Q::Is(Proto::Ip6) => self.hostop6(a, m, dir, 8, 24),
            Q::Undef => err(SYNTAX_ERROR),
            Q::Is(Proto::Link) => err(format!("link-layer modifier applied to ip6 {typestr}")),
            Q::Is(Proto::Atalk) => err(format!("AppleTalk modifier applied to ip6 {typestr}")),
            Q::Is(p) => err(format!("'{}' modifier applied to ip6 {typestr}", pname(p))),
        }
    }

    /// `gen_ncode`: a number or dotted IPv4 address operand.
    pub fn gen_ncode(&mut self, s: Option<&str>, v: u32, q: Quals) -> R<Bx> {
        let proto = q.proto;
        let dir = q.dir;
        let (mut v, vlen) = match s {
            None => (v, 32u32),
            Some(s) if proto == Q::Is(Proto::Decnet) => match atodn(s) {
                Some(v) => (v, 32),
                None => return err(format!("malformed decnet address '{s}'")),
            },
            Some(s) => match atoin(s) {
                Some(x) => x,
                None => return err(format!("invalid IPv4 address '{s}'")),
            },
        };
        match q.addr {
            Q::Default | Q::Is(AddrKind::Host) | Q::Is(AddrKind::Net) => {
                let net = q.addr == Q::Is(AddrKind::Net);
                if proto == Q::Is(Proto::Decnet) {
                    self.gen_host(v, 0, proto, dir, net)
                } else if proto == Q::Is(Proto::Link) {
                    err("illegal link layer address")
                } else {
                    let mut mask = 0xffff_ffffu32;
                    if s.is_none() && net {
                        while v != 0 && (v & 0xff00_0000) == 0 {
                            v <<= 8;
                            mask <<= 8;
                        }
                    } else {
                        v = shl(v, 32 - vlen);
                        mask = shl(mask, 32 - vlen);
                    }
                    self.gen_host(v, mask, proto, dir, net)
                }
            }
            Q::Is(AddrKind::Port) => {
                let p = port_proto(proto, "port")?;
                if v > 65535 {
                    return err(format!("illegal port number {v} > 65535"));
                }
                let b = self.gen_port(v, p, dir)?;
                let b6 = self.gen_port6(v, p, dir)?;
                Ok(self.or(b6, b))
            }
            Q::Is(AddrKind::Portrange) => {
                let p = port_proto(proto, "portrange")?;
                if v > 65535 {
                    return err(format!("illegal port number {v} > 65535"));
                }
                let b = self.gen_portrange(v, v, p, dir)?;
                let b6 = self.gen_portrange6(v, v, p, dir)?;
                Ok(self.or(b6, b))
            }
            Q::Is(AddrKind::Gateway) => err("'gateway' requires a name"),
            Q::Is(AddrKind::Proto) => self.gen_proto(v, proto, dir),
            Q::Is(AddrKind::Protochain) => self.gen_protochain(v, proto),
            Q::Undef => err(SYNTAX_ERROR),
        }
    }

    /// `gen_mcode`: `net A/len` and `net A mask M`.
    pub fn gen_mcode(&mut self, s1: &str, s2: Option<&str>, masklen: u32, q: Quals) -> R<Bx> {
        let Some((n, nlen)) = atoin(s1) else {
            return err(format!("invalid IPv4 address '{s1}'"));
        };
        let n = shl(n, 32 - nlen);
        let m = match s2 {
            Some(s2) => {
                let Some((m, mlen)) = atoin(s2) else {
                    return err(format!("invalid IPv4 address '{s2}'"));
                };
                let m = shl(m, 32 - mlen);
                if n & !m != 0 {
                    return err(format!("non-network bits set in \"{s1} mask {s2}\""));
                }
                m
            }
            None => {
                if masklen > 32 {
                    return err("mask length must be <= 32");
                }
                let m = if masklen == 0 { 0 } else { 0xffff_ffffu32 << (32 - masklen) };
                if n & !m != 0 {
                    return err(format!("non-network bits set in \"{s1}/{masklen}\""));
                }
                m
            }
        };
        match q.addr {
            Q::Is(AddrKind::Net) => self.gen_host(n, m, q.proto, q.dir, true),
            Q::Undef => err(SYNTAX_ERROR),
            _ => err("Mask syntax for networks only"),
        }
    }

    /// `gen_mcode6`: an IPv6 address with a prefix length.
    pub fn gen_mcode6(&mut self, s: &str, masklen: u32, q: Quals) -> R<Bx> {
        let Ok(addr) = s.parse::<std::net::Ipv6Addr>() else {
            return err(format!("invalid ip6 address {s}"));
        };
        if masklen > 128 {
            return err("mask length must be <= 128");
        }
        let o = addr.octets();
        let mut a = [0u32; 4];
        let mut m = [0u32; 4];
        for i in 0..4 {
            a[i] = u32::from_be_bytes([o[4 * i], o[4 * i + 1], o[4 * i + 2], o[4 * i + 3]]);
            let bits = masklen.saturating_sub(32 * i as u32).min(32);
            m[i] = if bits == 0 { 0 } else { 0xffff_ffffu32 << (32 - bits) };
        }
        if (0..4).any(|i| a[i] & !m[i] != 0) {
            return err(format!("non-network bits set in \"{s}/{masklen}\""));
        }
        match q.addr {
            Q::Default | Q::Is(AddrKind::Host) => {
                if masklen != 128 {
                    return err("Mask syntax for networks only");
                }
                self.gen_host6(&a, &m, q.proto, q.dir, false)
            }
            Q::Is(AddrKind::Net) => self.gen_host6(&a, &m, q.proto, q.dir, true),
            Q::Undef => err(SYNTAX_ERROR),
            _ => err("invalid qualifier against IPv6 address"),
        }
    }

    /// A MAC address test for the current link type (`gen_ehostop` and
    /// the FDDI, Token Ring, 802.11 and Fibre Channel variants).
    pub fn mac_host(&mut self, e: &[u8; 6], dir: Q<Dir>) -> R<Option<Bx>> {
        let (src, dst) = match self.linktype {
            Dlt::EN10MB | Dlt::NETANALYZER | Dlt::NETANALYZER_TRANSPARENT => (6, 0),
            Dlt::FDDI => (7, 1),
            Dlt::IEEE802 => (8, 2),
            Dlt::IP_OVER_FC => (10, 2),
            Dlt::IEEE802_11
            | Dlt::PRISM_HEADER
            | Dlt::IEEE802_11_RADIO_AVS
            | Dlt::IEEE802_11_RADIO
            | Dlt::PPI => return self.wlanhostop(e, dir).map(Some),
            Dlt::SUNATM if self.is_lane => (8, 2),
            _ => return Ok(None),
        };
        let ether =
            matches!(self.linktype, Dlt::EN10MB | Dlt::NETANALYZER | Dlt::NETANALYZER_TRANSPARENT);
        let pre = if ether { self.prevlinkhdr_check()? } else { None };
        let b = self.machostop(e, dir, src, dst, ether)?;
        Ok(Some(match pre {
            Some(p) => self.and(p, b),
            None => b,
        }))
    }

    fn machostop(&mut self, e: &[u8; 6], dir: Q<Dir>, src: u32, dst: u32, ether: bool) -> R<Bx> {
        match dir {
            Q::Is(Dir::Src) => self.bcmp(OffRel::LinkHdr, src, e),
            Q::Is(Dir::Dst) => self.bcmp(OffRel::LinkHdr, dst, e),
            Q::Is(Dir::SrcAndDst) => {
                let b0 = self.machostop(e, Q::Is(Dir::Src), src, dst, ether)?;
                let b1 = self.machostop(e, Q::Is(Dir::Dst), src, dst, ether)?;
                Ok(self.and(b0, b1))
            }
            Q::Default | Q::Is(Dir::SrcOrDst) => {
                let b0 = self.machostop(e, Q::Is(Dir::Src), src, dst, ether)?;
                let b1 = self.machostop(e, Q::Is(Dir::Dst), src, dst, ether)?;
                Ok(self.or(b0, b1))
            }
            Q::Is(d) => err(wlan_mac_dir_error(d, ether).unwrap_or(SYNTAX_ERROR.into())),
            Q::Undef => err(SYNTAX_ERROR),
        }
    }

    fn jset_at(&mut self, off: u32, mask: u32) -> R<Bx> {
        let s = self.load_a(OffRel::LinkHdr, off, B)?;
        Ok(self.jset(s, mask))
    }

    /// Not a CTS/ACK control frame (`!(ctl) || (!cts && !ack)`).
    fn wlan_not_cts_ack(&mut self) -> R<Bx> {
        let b0 = self.mcmp(OffRel::LinkHdr, 0, B, 0x04, 0x0c)?;
        let b0 = Gen::not(b0);
        let b1 = self.mcmp(OffRel::LinkHdr, 0, B, 0xc0, 0xf0)?;
        let b1 = Gen::not(b1);
        let b2 = self.mcmp(OffRel::LinkHdr, 0, B, 0xd0, 0xf0)?;
        let b2 = Gen::not(b2);
        let b2 = self.and(b1, b2);
        Ok(self.or(b0, b2))
    }

    /// `b0` only when the frame-control bit `bit` of byte `byte` is set.
    fn wlan_gate(&mut self, b0: Bx, byte: u32, bit: u32) -> R<Bx> {
        let b1 = self.jset_at(byte, bit)?;
        Ok(self.and(b1, b0))
    }

    /// `b0`, or, when that frame-control bit is clear, the address at
    /// `off` in the 802.11 header.
    fn wlan_unless(&mut self, b0: Bx, byte: u32, bit: u32, off: u32, e: &[u8; 6]) -> R<Bx> {
        let b2 = self.jset_at(byte, bit)?;
        let b2 = Gen::not(b2);
        let b1 = self.bcmp(OffRel::LinkHdr, off, e)?;
        let b1 = self.and(b2, b1);
        Ok(self.or(b1, b0))
    }

    /// `gen_wlanhostop`.
    fn wlanhostop(&mut self, e: &[u8; 6], dir: Q<Dir>) -> R<Bx> {
        match dir {
            Q::Is(Dir::Src) => {
                // Which address field holds the source depends on the
                // From DS / To DS bits and on whether it is a data frame.
                let b1 = self.jset_at(1, 0x01)?;
                let b0 = self.bcmp(OffRel::LinkHdr, 24, e)?;
                let b0 = self.and(b1, b0);
                let b0 = self.wlan_unless(b0, 1, 0x01, 16, e)?;
                let b0 = self.wlan_gate(b0, 1, 0x02)?;
                let b0 = self.wlan_unless(b0, 1, 0x02, 10, e)?;
                let b0 = self.wlan_gate(b0, 0, 0x08)?;
                let b0 = self.wlan_unless(b0, 0, 0x08, 10, e)?;
                let b1 = self.jset_at(0, 0x04)?;
                let b1 = Gen::not(b1);
                Ok(self.and(b1, b0))
            }
            Q::Is(Dir::Dst) => {
                let b1 = self.jset_at(1, 0x01)?;
                let b0 = self.bcmp(OffRel::LinkHdr, 16, e)?;
                let b0 = self.and(b1, b0);
                let b0 = self.wlan_unless(b0, 1, 0x01, 4, e)?;
                let b0 = self.wlan_gate(b0, 0, 0x08)?;
                let b0 = self.wlan_unless(b0, 0, 0x08, 4, e)?;
                let b1 = self.jset_at(0, 0x04)?;
                let b1 = Gen::not(b1);
                Ok(self.and(b1, b0))
            }
            Q::Is(Dir::Ra) => {
                let b0 = self.jset_at(0, 0x08)?;
                let b1 = self.bcmp(OffRel::LinkHdr, 4, e)?;
                Ok(self.and(b0, b1))
            }
            Q::Is(Dir::Ta) => {
                let b0 = self.jset_at(0, 0x08)?;
                let b2 = self.wlan_not_cts_ack()?;
                let b1 = self.bcmp(OffRel::LinkHdr, 10, e)?;
                let b1 = self.and(b2, b1);
                Ok(self.and(b0, b1))
            }
            Q::Is(Dir::Addr1) => self.bcmp(OffRel::LinkHdr, 4, e),
            Q::Is(Dir::Addr2) => {
                let b2 = self.wlan_not_cts_ack()?;
                let b1 = self.bcmp(OffRel::LinkHdr, 10, e)?;
                Ok(self.and(b2, b1))
            }
            Q::Is(Dir::Addr3) => {
                let b0 = self.mcmp(OffRel::LinkHdr, 0, B, 0x04, 0x0c)?;
                let b0 = Gen::not(b0);
                let b1 = self.bcmp(OffRel::LinkHdr, 16, e)?;
                Ok(self.and(b0, b1))
            }
            Q::Is(Dir::Addr4) => {
                let b0 = self.mcmp(OffRel::LinkHdr, 1, B, 0x03, 0x03)?;
                let b1 = self.bcmp(OffRel::LinkHdr, 24, e)?;
                Ok(self.and(b0, b1))
            }
            Q::Is(Dir::SrcAndDst) => {
                let b0 = self.wlanhostop(e, Q::Is(Dir::Src))?;
                let b1 = self.wlanhostop(e, Q::Is(Dir::Dst))?;
                Ok(self.and(b0, b1))
            }
            Q::Default | Q::Is(Dir::SrcOrDst) => {
                let b0 = self.wlanhostop(e, Q::Is(Dir::Src))?;
                let b1 = self.wlanhostop(e, Q::Is(Dir::Dst))?;
                Ok(self.or(b0, b1))
            }
            Q::Undef => err(SYNTAX_ERROR),
        }
    }

    /// `gen_ahostop`: an ARCnet address byte.
    pub fn ahostop(&mut self, a: u8, dir: Q<Dir>) -> R<Bx> {
        match dir {
            Q::Is(Dir::Src) => self.cmp(OffRel::LinkHdr, 0, B, a as u32),
            Q::Is(Dir::Dst) => self.cmp(OffRel::LinkHdr, 1, B, a as u32),
            Q::Is(Dir::SrcAndDst) => {
                let b0 = self.ahostop(a, Q::Is(Dir::Src))?;
                let b1 = self.ahostop(a, Q::Is(Dir::Dst))?;
                Ok(self.and(b0, b1))
            }
            Q::Default | Q::Is(Dir::SrcOrDst) => {
                let b0 = self.ahostop(a, Q::Is(Dir::Src))?;
                let b1 = self.ahostop(a, Q::Is(Dir::Dst))?;
                Ok(self.or(b0, b1))
            }
            Q::Is(d) => err(wlan_mac_dir_error(d, false).unwrap_or(SYNTAX_ERROR.into())),
            Q::Undef => err(SYNTAX_ERROR),
        }
    }

    /// `gen_ecode`: a MAC address operand.
    pub fn gen_ecode(&mut self, s: &str, q: Quals) -> R<Bx> {
        if matches!(q.addr, Q::Default | Q::Is(AddrKind::Host)) && q.proto == Q::Is(Proto::Link) {
            let e = ether_aton(s);
            match self.mac_host(&e, q.dir)? {
                Some(b) => Ok(b),
                None => err(
                    "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel",
                ),
            }
        } else if q.addr == Q::Undef || q.proto == Q::Undef {
            err(SYNTAX_ERROR)
        } else {
            err("ethernet address used in non-ether expression")
        }
    }

    /// `gen_acode`: an ARCnet address operand.
    pub fn gen_acode(&mut self, s: &str, q: Quals) -> R<Bx> {
        if matches!(q.addr, Q::Default | Q::Is(AddrKind::Host)) && q.proto == Q::Is(Proto::Link) {
            let e = ether_aton(s);
            match self.linktype {
                Dlt::ARCNET | Dlt::ARCNET_LINUX => self.ahostop(e[0], q.dir),
                _ => err("aid supported only on ARCnet"),
            }
        } else if q.addr == Q::Undef || q.proto == Q::Undef {
            err(SYNTAX_ERROR)
        } else {
            err("ARCnet address used in non-arc expression")
        }
    }

    /// `gen_scode`: a name operand.
    pub fn gen_scode(&mut self, name: &str, q: Quals) -> R<Bx> {
        let proto = q.proto;
        let dir = q.dir;
        match q.addr {
            Q::Is(AddrKind::Net) => {
                let Some(mut addr) = names::network(name) else {
                    return err(format!("unknown network '{name}'"));
                };
                let mut mask = 0xffff_ffffu32;
                while addr != 0 && (addr & 0xff00_0000) == 0 {
                    addr <<= 8;
                    mask <<= 8;
                }
                self.gen_host(addr, mask, proto, dir, true)
            }
            Q::Default | Q::Is(AddrKind::Host) => {
                if proto == Q::Is(Proto::Link) {
                    let supported = matches!(
                        self.linktype,
                        Dlt::EN10MB
                            | Dlt::NETANALYZER
                            | Dlt::NETANALYZER_TRANSPARENT
                            | Dlt::FDDI
                            | Dlt::IEEE802
                            | Dlt::IP_OVER_FC
                            | Dlt::IEEE802_11
                            | Dlt::PRISM_HEADER
                            | Dlt::IEEE802_11_RADIO_AVS
                            | Dlt::IEEE802_11_RADIO
                            | Dlt::PPI
                    ) || (self.linktype == Dlt::SUNATM && self.is_lane);
                    if !supported {
                        return err(
                            "only ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel supports link-level host name",
                        );
                    }
                    let Some(e) = names::ether_host(name) else {
                        let kind = match self.linktype {
                            Dlt::FDDI => "FDDI",
                            Dlt::IEEE802 => "token ring",
                            Dlt::IP_OVER_FC => "Fibre Channel",
                            Dlt::IEEE802_11
                            | Dlt::PRISM_HEADER
                            | Dlt::IEEE802_11_RADIO_AVS
                            | Dlt::IEEE802_11_RADIO
                            | Dlt::PPI => "802.11",
                            _ => "ether",
                        };
                        return err(format!("unknown {kind} host '{name}'"));
                    };
                    match self.mac_host(&e, dir)? {
                        Some(b) => Ok(b),
                        None => err(
                            "only ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel supports link-level host name",
                        ),
                    }
                } else if proto == Q::Is(Proto::Decnet) {
                    err(format!("decnet name support not included, '{name}' cannot be translated"))
                } else {
                    let addrs = names::host_addrs(name);
                    if addrs.is_empty() {
                        return err(format!("unknown host '{name}'"));
                    }
                    let (mut tproto, mut tproto6) = (proto, proto);
                    if self.off_linktype.constant == NOT_SET && tproto == Q::Default {
                        tproto = Q::Is(Proto::Ip);
                        tproto6 = Q::Is(Proto::Ip6);
                    }
                    let mut acc: Option<Bx> = None;
                    for a in addrs {
                        let t = match a {
                            std::net::IpAddr::V4(v4) => {
                                if tproto == Q::Is(Proto::Ip6) {
                                    continue;
                                }
                                self.gen_host(u32::from(v4), 0xffff_ffff, tproto, dir, false)?
                            }
                            std::net::IpAddr::V6(v6) => {
                                if tproto6 == Q::Is(Proto::Ip) {
                                    continue;
                                }
                                let o = v6.octets();
                                let mut w = [0u32; 4];
                                for (i, x) in w.iter_mut().enumerate() {
                                    *x = u32::from_be_bytes([
                                        o[4 * i],
                                        o[4 * i + 1],
                                        o[4 * i + 2],
                                        o[4 * i + 3],
                                    ]);
                                }
                                self.gen_host6(&w, &[0xffff_ffff; 4], tproto6, dir, false)?
                            }
                        };
                        acc = Some(match acc {
                            Some(a) => self.or(a, t),
                            None => t,
                        });
                    }
                    match acc {
                        Some(b) => Ok(b),
                        None => err(format!(
                            "unknown host '{name}'{}",
                            if proto == Q::Default { "" } else { " for specified address family" }
                        )),
                    }
                }
            }
            Q::Is(AddrKind::Port) => {
                let p = port_proto(proto, "port")?;
                let Some((port, real)) = names::port(name) else {
                    return err(format!("unknown port '{name}'"));
                };
                let real = restrict_port_proto(&format!("port '{name}'"), p, real)?;
                let b = self.gen_port(port, real, dir)?;
                let b6 = self.gen_port6(port, real, dir)?;
                Ok(self.or(b6, b))
            }
            Q::Is(AddrKind::Portrange) => {
                let p = port_proto(proto, "portrange")?;
                let Some((p1, p2, real)) = names::portrange(name) else {
                    return err(format!("unknown port in range '{name}'"));
                };
                let real = restrict_port_proto(&format!("port in range '{name}'"), p, real)?;
                if p1 > 65535 {
                    return err(format!("illegal port number {p1} > 65535"));
                }
                if p2 > 65535 {
                    return err(format!("illegal port number {p2} > 65535"));
                }
                let b = self.gen_portrange(p1, p2, real, dir)?;
                let b6 = self.gen_portrange6(p1, p2, real, dir)?;
                Ok(self.or(b6, b))
            }
            Q::Is(AddrKind::Gateway) => err("'gateway' not supported in this configuration"),
            Q::Is(AddrKind::Proto) => match names::lookup_proto(name, proto) {
                Ok(Some(v)) => self.gen_proto(v, proto, dir),
                Ok(None) => err(format!("unknown protocol: {name}")),
                Err(e) => err(e),
            },
            Q::Is(AddrKind::Protochain) => match names::lookup_proto(name, proto) {
                Ok(Some(v)) => self.gen_protochain(v, proto),
                Ok(None) => err(format!("unknown protocol: {name}")),
                Err(e) => err(e),
            },
            Q::Undef => err(SYNTAX_ERROR),
        }
    }
}

use super::names;

/// The transport protocol a `port`/`portrange` qualifier restricts to.
pub(crate) fn port_proto(proto: Q<Proto>, what: &str) -> R<Option<u32>> {
    match proto {
        Q::Is(Proto::Udp) => Ok(Some(UDP)),
        Q::Is(Proto::Tcp) => Ok(Some(TCP)),
        Q::Is(Proto::Sctp) => Ok(Some(SCTP)),
        Q::Default => Ok(None),
        Q::Undef => err(SYNTAX_ERROR),
        _ => err(format!("illegal qualifier of '{what}'")),
    }
}

/// Checks a named port's protocol against the written one.
fn restrict_port_proto(name: &str, want: Option<u32>, real: Option<u32>) -> R<Option<u32>> {
    let nm = |p: u32| match p {
        TCP => "tcp",
        UDP => "udp",
        _ => "sctp",
    };
    match want {
        None => Ok(real),
        Some(w) => match real {
            Some(r) if r != w => err(format!("{name} is {}", nm(r))),
            _ => Ok(Some(w)),
        },
    }
}

/// libpcap's `__pcap_atodn`: `area.node` (read like `sscanf("%d.%d")`).
fn atodn(s: &str) -> Option<u32> {
    let (a, n) = s.split_once('.')?;
    let lead = |t: &str| -> Option<u32> {
        let n = t.bytes().take_while(u8::is_ascii_digit).count();
        t[..n].parse().ok()
    };
    let a = lead(a)?;
    let n = lead(n)?;
    Some((a << 10) | (n & 0x3ff))
}

/// libpcap's `pcap_ether_aton`, including its digit conversion of
/// non-hex characters (which gives ARCnet `$xx` its odd values).
pub(crate) fn ether_aton(s: &str) -> [u8; 6] {
    fn xdtoi(c: u8) -> u32 {
        if c.is_ascii_digit() {
            (c - b'0') as u32
        } else if (b'a'..=b'f').contains(&c) {
            (c - b'a' + 10) as u32
        } else {
            (c.wrapping_sub(b'A').wrapping_add(10)) as u32
        }
    }
    let b = s.as_bytes();
    let mut out = [0u8; 6];
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        if matches!(b[i], b':' | b'.' | b'-') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let mut d = xdtoi(b[i]);
        i += 1;
        if i < b.len() && b[i].is_ascii_hexdigit() {
            d <<= 4;
            d |= xdtoi(b[i]);
            i += 1;
        }
        if n < 6 {
            out[n] = d as u8;
        }
        n += 1;
    }
    out
}
