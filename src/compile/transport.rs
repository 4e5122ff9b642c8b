//! Transport-layer primitives: `port` and `portrange` over IPv4 (with the
//! fragment check and the variable IP header length) and IPv6 (fixed
//! 40-byte header, no extension-header walk), for TCP, UDP and SCTP.

use super::link::eth::*;
use super::net::ipproto::*;
use super::*;
use crate::syntax::ast::Dir;

/// The error for an 802.11-only direction qualifier on a port.
fn port_dir_error(d: Dir) -> &'static str {
    match d {
        Dir::Addr1 => "'addr1' and 'address1' are not valid qualifiers for ports",
        Dir::Addr2 => "'addr2' and 'address2' are not valid qualifiers for ports",
        Dir::Addr3 => "'addr3' and 'address3' are not valid qualifiers for ports",
        Dir::Addr4 => "'addr4' and 'address4' are not valid qualifiers for ports",
        Dir::Ra => "'ra' is not a valid qualifier for ports",
        Dir::Ta => "'ta' is not a valid qualifier for ports",
        _ => SYNTAX_ERROR,
    }
}

/// Port test on both ends, per direction qualifier; `atom(off)` builds the
/// test of the port field at `off` (0 = source, 2 = destination).
fn by_dir(g: &mut Gen<'_>, dir: Q<Dir>, atom: &mut dyn FnMut(&mut Gen<'_>, u32) -> R<Bx>) -> R<Bx> {
    match dir {
        Q::Is(Dir::Src) => atom(g, 0),
        Q::Is(Dir::Dst) => atom(g, 2),
        Q::Is(Dir::SrcAndDst) => {
            let a = atom(g, 0)?;
            let b = atom(g, 2)?;
            Ok(g.and(a, b))
        }
        Q::Default | Q::Is(Dir::SrcOrDst) => {
            let a = atom(g, 0)?;
            let b = atom(g, 2)?;
            Ok(g.or(a, b))
        }
        Q::Is(d) => err(port_dir_error(d)),
        Q::Undef => err(SYNTAX_ERROR),
    }
}

impl Gen<'_> {
    /// `gen_ipfrag`: not a fragment other than the first.
    pub fn ipfrag(&mut self) -> R<Bx> {
        let s = self.load_a(OffRel::LinkPl, 6, H)?;
        let b = self.jset(s, 0x1fff);
        Ok(Gen::not(b))
    }

    fn portop(&mut self, port: u32, proto: u32, dir: Q<Dir>, range: Option<u32>) -> R<Bx> {
        let tmp = self.cmp(OffRel::LinkPl, 9, B, proto)?;
        let b0 = self.ipfrag()?;
        let b0 = self.and(tmp, b0);
        let b1 = by_dir(self, dir, &mut |g, off| g.portatom(OffRel::TranIpv4, off, port, range))?;
        Ok(self.and(b0, b1))
    }

    fn portop6(&mut self, port: u32, proto: u32, dir: Q<Dir>, range: Option<u32>) -> R<Bx> {
        let tmp = self.cmp(OffRel::LinkPl, 6, B, proto)?;
        let b1 = by_dir(self, dir, &mut |g, off| g.portatom(OffRel::TranIpv6, off, port, range))?;
        Ok(self.and(tmp, b1))
    }

    fn portatom(&mut self, rel: OffRel, off: u32, v1: u32, range: Option<u32>) -> R<Bx> {
        match range {
            None => self.cmp(rel, off, H, v1),
            Some(v2) => {
                let (lo, hi) = if v1 > v2 { (v2, v1) } else { (v1, v2) };
                let b1 = self.cmp_ge(rel, off, H, lo)?;
                let b2 = self.cmp_le(rel, off, H, hi)?;
                Ok(self.and(b1, b2))
            }
        }
    }

    fn port_any(
        &mut self,
        v6: bool,
        port: u32,
        p: Option<u32>,
        dir: Q<Dir>,
        range: Option<u32>,
    ) -> R<Bx> {
        let b0 = self.linktype(if v6 { IPV6 } else { IP })?;
        let op = |g: &mut Gen<'_>, proto: u32| {
            if v6 { g.portop6(port, proto, dir, range) } else { g.portop(port, proto, dir, range) }
        };
        let b1 = match p {
            Some(proto) => op(self, proto)?,
            None => {
                let tmp = op(self, TCP)?;
                let b1 = op(self, UDP)?;
                let b1 = self.or(tmp, b1);
                let tmp = op(self, SCTP)?;
                self.or(tmp, b1)
            }
        };
        Ok(self.and(b0, b1))
    }

    /// `gen_port`: IPv4 ports.
    pub fn gen_port(&mut self, port: u32, p: Option<u32>, dir: Q<Dir>) -> R<Bx> {
        self.port_any(false, port, p, dir, None)
    }

    /// `gen_port6`: IPv6 ports.
    pub fn gen_port6(&mut self, port: u32, p: Option<u32>, dir: Q<Dir>) -> R<Bx> {
        self.port_any(true, port, p, dir, None)
    }

    /// `gen_portrange`: IPv4 port ranges.
    pub fn gen_portrange(&mut self, p1: u32, p2: u32, p: Option<u32>, dir: Q<Dir>) -> R<Bx> {
        self.port_any(false, p1, p, dir, Some(p2))
    }

    /// `gen_portrange6`: IPv6 port ranges.
    pub fn gen_portrange6(&mut self, p1: u32, p2: u32, p: Option<u32>, dir: Q<Dir>) -> R<Bx> {
        self.port_any(true, p1, p, dir, Some(p2))
    }
}
