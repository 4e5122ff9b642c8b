//! The link-layer model: per-DLT offsets (libpcap's `init_linktype`), loads
//! relative to those offsets, the link-type tests (`gen_linktype` and its
//! Ethernet, LLC, SLL and 802.11 variants), and the code prepended at the
//! root to compute variable header lengths (radiotap, AVS, Prism, PPI,
//! 802.11, pflog).

use super::*;

/// Ethernet types and LLC SAPs used by the link-type tests.
pub(crate) mod eth {
    pub const IP: u32 = 0x0800;
    pub const ARP: u32 = 0x0806;
    pub const REVARP: u32 = 0x8035;
    pub const IPV6: u32 = 0x86dd;
    pub const ATALK: u32 = 0x809b;
    pub const AARP: u32 = 0x80f3;
    pub const DN: u32 = 0x6003;
    pub const SCA: u32 = 0x6007;
    pub const LAT: u32 = 0x6004;
    pub const MOPDL: u32 = 0x6001;
    pub const MOPRC: u32 = 0x6002;
    pub const IPX: u32 = 0x8137;
    pub const NS: u32 = 0x0600;
    pub const VLAN: u32 = 0x8100;
    pub const MPLS: u32 = 0x8847;
    pub const PPPOED: u32 = 0x8863;
    pub const PPPOES: u32 = 0x8864;
    pub const MTU: u32 = 1500;
    pub const SAP_ISONS: u32 = 0xfe;
    pub const SAP_IP: u32 = 0x06;
    pub const SAP_NETBEUI: u32 = 0xf0;
    pub const SAP_IPX: u32 = 0xe0;
    pub const SAP_8021D: u32 = 0x42;
    pub const SAP_SNAP: u32 = 0xaa;
}

use eth::*;

/// Which offset field a variable part belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Which {
    LinkHdr,
    PrevLinkHdr,
    LinkPl,
    LinkType,
}

impl Gen<'_> {
    /// libpcap's `init_linktype`: the offsets for the target DLT.
    pub(super) fn init_linktype(&mut self) -> R<()> {
        let d = self.linktype;
        // (linkhdr, linktype, linkpl, nl, nl_nosnap)
        let (hdr, lt, pl, nl, nosnap): (u32, u32, u32, u32, u32) = match d {
            Dlt::ARCNET => (0, 2, 6, 0, 0),
            Dlt::ARCNET_LINUX => (0, 4, 8, 0, 0),
            Dlt::EN10MB => (0, 12, 14, 0, 3),
            Dlt::C_HDLC | Dlt::PPP_SERIAL => (0, 2, 4, 0, 0),
            Dlt::PPP | Dlt::PPP_PPPD => (0, 2, 4, 0, 0),
            Dlt::PPP_ETHER => (0, 6, 8, 0, 0),
            Dlt::PPP_BSDOS => (0, 5, 24, 0, 0),
            Dlt::FDDI => (0, 13, 13, 8, 3),
            Dlt::IEEE802 => (0, 14, 14, 8, 3),
            Dlt::IEEE802_11 | Dlt::PRISM_HEADER | Dlt::IEEE802_11_RADIO_AVS => (0, 24, 0, 8, 3),
            Dlt::IEEE802_11_RADIO | Dlt::PPI => (0, 24, 0, 8, 3),
            Dlt::ATM_RFC1483 | Dlt::ATM_CLIP => (0, 0, 0, 8, 3),
            Dlt::SUNATM => (0, 0, 4, 8, 3),
            Dlt::RAW | Dlt::IPV4 | Dlt::IPV6 => (0, NOT_SET, 0, 0, 0),
            Dlt::LINUX_SLL => (0, 14, 16, 0, 0),
            Dlt::LINUX_SLL2 => (0, 0, 20, 0, 0),
            Dlt::LTALK => (0, NOT_SET, 0, 0, 0),
            Dlt::IP_OVER_FC => (0, 0, 16, 8, 3),
            Dlt::NULL | Dlt::LOOP => (0, 0, 4, 0, 0),
            Dlt::ENC => (0, 0, 12, 0, 0),
            Dlt::SLIP => (0, NOT_SET, 16, 0, 0),
            Dlt::SLIP_BSDOS => (0, NOT_SET, 24, 0, 0),
            Dlt::APPLE_IP_OVER_IEEE1394 => (0, 16, 18, 0, 0),
            Dlt::SYMANTEC_FIREWALL => (0, 6, 44, 0, 0),
            Dlt::IPNET => (0, 1, 24, 0, 0),
            Dlt::NETANALYZER => (4, 16, 18, 0, 3),
            Dlt::NETANALYZER_TRANSPARENT => (12, 24, 26, 0, 3),
            Dlt::FRELAY => (0, NOT_SET, 0, 0, 0),
            Dlt::PFLOG => (0, 0, 0, 0, 0),
            Dlt::JUNIPER_MFR
            | Dlt::JUNIPER_MLFR
            | Dlt::JUNIPER_MLPPP
            | Dlt::JUNIPER_PPP
            | Dlt::JUNIPER_CHDLC
            | Dlt::JUNIPER_FRELAY => (0, 0, 4, 0, NOT_SET),
            Dlt::MTP2 | Dlt::MTP2_WITH_PHDR => (0, NOT_SET, NOT_SET, NOT_SET, NOT_SET),
            _ => (0, NOT_SET, NOT_SET, NOT_SET, NOT_SET),
        };
        self.off_linkhdr = AbsOff::fixed(hdr);
        self.off_linktype = AbsOff::fixed(lt);
        self.off_linkpl = AbsOff::fixed(pl);
        self.off_nl = nl;
        self.off_nl_nosnap = nosnap;
        match d {
            Dlt::IEEE802_11 => self.off_linkpl = AbsOff::var(0),
            Dlt::PRISM_HEADER | Dlt::IEEE802_11_RADIO_AVS | Dlt::IEEE802_11_RADIO | Dlt::PPI => {
                self.off_linkhdr = AbsOff::var(0);
                self.off_linkpl = AbsOff::var(0);
                // Observed: tcpdump never optimizes DLT_PRISM_HEADER filters.
                if d == Dlt::PRISM_HEADER {
                    self.no_optimize = true;
                }
            }
            Dlt::PFLOG => self.off_linkpl = AbsOff::var(0),
            Dlt::SUNATM => {
                self.is_atm = true;
                self.off_vpi = 1;
                self.off_vci = 2;
                self.off_proto = 0;
                self.off_payload = 4;
            }
            Dlt::MTP2 => {
                self.off_li = 2;
                self.off_li_hsl = 4;
                self.off_sio = 3;
                self.off_opc = 4;
                self.off_dpc = 4;
                self.off_sls = 7;
            }
            Dlt::MTP2_WITH_PHDR => {
                self.off_li = 6;
                self.off_li_hsl = 8;
                self.off_sio = 7;
                self.off_opc = 8;
                self.off_dpc = 8;
                self.off_sls = 11;
            }
            _ => {}
        }
        self.off_outermostlinkhdr = self.off_linkhdr;
        self.off_prevlinkhdr = AbsOff::fixed(NOT_SET);
        Ok(())
    }

    fn off_mut(&mut self, w: Which) -> &mut AbsOff {
        match w {
            Which::LinkHdr => &mut self.off_linkhdr,
            Which::PrevLinkHdr => &mut self.off_prevlinkhdr,
            Which::LinkPl => &mut self.off_linkpl,
            Which::LinkType => &mut self.off_linktype,
        }
    }

    /// libpcap's `gen_abs_offset_varpart`: `ldx M[r]` for a variable
    /// offset, allocating its register on first use.
    pub fn varpart(&mut self, w: Which) -> R<Option<Stmt>> {
        let o = *self.off_mut(w);
        if !o.variable {
            return Ok(None);
        }
        let r = match o.reg {
            Some(r) => r,
            None => {
                let r = self.alloc_reg()?;
                self.off_mut(w).reg = Some(r);
                r
            }
        };
        Ok(Some(st(LDX | MEM, r)))
    }

    fn load_absoffsetrel(&mut self, w: Which, offset: u32, size: u16) -> R<Vec<Stmt>> {
        let c = self.off_mut(w).constant;
        Ok(match self.varpart(w)? {
            Some(s) => vec![s, st(LD | IND | size, c.wrapping_add(offset))],
            None => vec![st(LD | ABS | size, c.wrapping_add(offset))],
        })
    }

    /// libpcap's `gen_load_a`.
    pub fn load_a(&mut self, rel: OffRel, offset: u32, size: u16) -> R<Vec<Stmt>> {
        match rel {
            OffRel::Packet => Ok(vec![st(LD | ABS | size, offset)]),
            OffRel::LinkHdr => self.load_absoffsetrel(Which::LinkHdr, offset, size),
            OffRel::PrevLinkHdr => self.load_absoffsetrel(Which::PrevLinkHdr, offset, size),
            OffRel::Llc => self.load_absoffsetrel(Which::LinkPl, offset, size),
            OffRel::PrevMplsHdr => {
                let o = self.off_nl.wrapping_sub(4).wrapping_add(offset);
                self.load_absoffsetrel(Which::LinkPl, o, size)
            }
            OffRel::LinkPl => {
                let o = self.off_nl.wrapping_add(offset);
                self.load_absoffsetrel(Which::LinkPl, o, size)
            }
            OffRel::LinkPlNoSnap => {
                let o = self.off_nl_nosnap.wrapping_add(offset);
                self.load_absoffsetrel(Which::LinkPl, o, size)
            }
            OffRel::LinkType => self.load_absoffsetrel(Which::LinkType, offset, size),
            OffRel::TranIpv4 => {
                let mut s = self.loadx_iphdrlen()?;
                let k = self.off_linkpl.constant.wrapping_add(self.off_nl).wrapping_add(offset);
                s.push(st(LD | IND | size, k));
                Ok(s)
            }
            OffRel::TranIpv6 => {
                let o = self.off_nl.wrapping_add(40).wrapping_add(offset);
                self.load_absoffsetrel(Which::LinkPl, o, size)
            }
        }
    }

    /// libpcap's `gen_loadx_iphdrlen`: X = IPv4 header length.
    pub fn loadx_iphdrlen(&mut self) -> R<Vec<Stmt>> {
        let k = self.off_linkpl.constant.wrapping_add(self.off_nl);
        Ok(match self.varpart(Which::LinkPl)? {
            Some(s) => vec![
                s,
                st(LD | IND | B, k),
                st(ALU | AND | K, 0xf),
                st(ALU | LSH | K, 2),
                st(ALU | ADD | X, 0),
                st(MISC | TAX, 0),
            ],
            None => vec![st(LDX | MSH | B, k)],
        })
    }

    /// libpcap's `gen_ncmp`.
    #[allow(clippy::too_many_arguments)]
    pub fn ncmp(
        &mut self,
        rel: OffRel,
        off: u32,
        size: u16,
        mask: u32,
        jtype: u16,
        reverse: bool,
        v: u32,
    ) -> R<Bx> {
        let mut s = self.load_a(rel, off, size)?;
        if mask != 0xffff_ffff {
            s.push(st(ALU | AND | K, mask));
        }
        let b = self.blk(s, jmp(jtype), v);
        Ok(if reverse && (jtype == JGT || jtype == JGE) { Gen::not(b) } else { b })
    }

    /// `gen_cmp`: load and `jeq #v`.
    pub fn cmp(&mut self, rel: OffRel, off: u32, size: u16, v: u32) -> R<Bx> {
        self.ncmp(rel, off, size, 0xffff_ffff, JEQ, false, v)
    }

    /// `gen_mcmp`: load, `and #mask`, `jeq #v`.
    pub fn mcmp(&mut self, rel: OffRel, off: u32, size: u16, v: u32, mask: u32) -> R<Bx> {
        self.ncmp(rel, off, size, mask, JEQ, false, v)
    }

    /// `gen_cmp_gt`.
    pub fn cmp_gt(&mut self, rel: OffRel, off: u32, size: u16, v: u32) -> R<Bx> {
        self.ncmp(rel, off, size, 0xffff_ffff, JGT, false, v)
    }

    /// `gen_cmp_ge`.
    pub fn cmp_ge(&mut self, rel: OffRel, off: u32, size: u16, v: u32) -> R<Bx> {
        self.ncmp(rel, off, size, 0xffff_ffff, JGE, false, v)
    }

    /// `gen_cmp_lt`.
    pub fn cmp_lt(&mut self, rel: OffRel, off: u32, size: u16, v: u32) -> R<Bx> {
        self.ncmp(rel, off, size, 0xffff_ffff, JGE, true, v)
    }

    /// `gen_cmp_le`.
    pub fn cmp_le(&mut self, rel: OffRel, off: u32, size: u16, v: u32) -> R<Bx> {
        self.ncmp(rel, off, size, 0xffff_ffff, JGT, true, v)
    }

    /// `gen_bcmp`: compare bytes, last 4-byte chunk first.
    pub fn bcmp(&mut self, rel: OffRel, off: u32, bytes: &[u8]) -> R<Bx> {
        let mut size = bytes.len();
        let mut acc: Option<Bx> = None;
        while size >= 4 {
            let p = &bytes[size - 4..size];
            let w = u32::from_be_bytes([p[0], p[1], p[2], p[3]]);
            let t = self.cmp(rel, off + size as u32 - 4, W, w)?;
            acc = Some(self.and_opt(acc, t));
            size -= 4;
        }
        while size >= 2 {
            let p = &bytes[size - 2..size];
            let w = u16::from_be_bytes([p[0], p[1]]) as u32;
            let t = self.cmp(rel, off + size as u32 - 2, H, w)?;
            acc = Some(self.and_opt(acc, t));
            size -= 2;
        }
        if size > 0 {
            let t = self.cmp(rel, off, B, bytes[0] as u32)?;
            acc = Some(self.and_opt(acc, t));
        }
        match acc {
            Some(b) => Ok(b),
            None => Ok(self.gen_true()),
        }
    }

    /// `gen_snap`: an 802.2 SNAP header with this OUI and type.
    pub fn snap(&mut self, org: u32, ptype: u32) -> R<Bx> {
        let b = [
            SAP_SNAP as u8,
            SAP_SNAP as u8,
            0x03,
            (org >> 16) as u8,
            (org >> 8) as u8,
            org as u8,
            (ptype >> 8) as u8,
            ptype as u8,
        ];
        self.bcmp(OffRel::Llc, 0, &b)
    }

    fn not_llc_len(&mut self) -> R<Bx> {
        let b = self.cmp_gt(OffRel::LinkType, 0, H, MTU)?;
        Ok(Gen::not(b))
    }

    /// `gen_ether_linktype`.
    fn ether_linktype(&mut self, p: u32) -> R<Bx> {
        match p {
            SAP_ISONS | SAP_IP | SAP_NETBEUI => {
                let b0 = self.not_llc_len()?;
                let b1 = self.cmp(OffRel::Llc, 0, H, (p << 8) | p)?;
                Ok(self.and(b0, b1))
            }
            SAP_IPX => {
                let b0 = self.cmp(OffRel::Llc, 0, B, SAP_IPX)?;
                let b1 = self.cmp(OffRel::Llc, 0, H, 0xffff)?;
                let b1 = self.or(b0, b1);
                let b0 = self.snap(0, IPX)?;
                let b1 = self.or(b0, b1);
                let b0 = self.not_llc_len()?;
                let b1 = self.and(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, H, IPX)?;
                Ok(self.or(b0, b1))
            }
            ATALK | AARP => {
                let b0 = self.not_llc_len()?;
                let b1 = if p == ATALK { self.snap(0x080007, ATALK)? } else { self.snap(0, AARP)? };
                let b1 = self.and(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, H, p)?;
                Ok(self.or(b0, b1))
            }
            _ if p <= MTU => {
                let b0 = self.not_llc_len()?;
                let b1 = self.cmp(OffRel::LinkType, 2, B, p)?;
                Ok(self.and(b0, b1))
            }
            _ => self.cmp(OffRel::LinkType, 0, H, p),
        }
    }

    /// `gen_llc_linktype`.
    pub fn llc_linktype(&mut self, p: u32) -> R<Bx> {
        match p {
            SAP_IP | SAP_ISONS | SAP_NETBEUI => self.cmp(OffRel::Llc, 0, H, (p << 8) | p),
            SAP_IPX => self.cmp(OffRel::Llc, 0, B, SAP_IPX),
            ATALK => self.snap(0x080007, ATALK),
            _ if p <= MTU => self.cmp(OffRel::Llc, 0, B, p),
            _ => self.cmp(OffRel::Llc, 6, H, p),
        }
    }

    /// `gen_linux_sll_linktype`.
    fn sll_linktype(&mut self, p: u32) -> R<Bx> {
        match p {
            SAP_ISONS | SAP_IP | SAP_NETBEUI => {
                let b0 = self.cmp(OffRel::LinkType, 0, H, 4)?;
                let b1 = self.cmp(OffRel::LinkPl, 0, H, (p << 8) | p)?;
                Ok(self.and(b0, b1))
            }
            SAP_IPX => {
                let b0 = self.cmp(OffRel::LinkPl, 0, B, SAP_IPX)?;
                let b1 = self.snap(0, IPX)?;
                let b1 = self.or(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, H, 4)?;
                let b1 = self.and(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, H, 1)?;
                let b1 = self.or(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, H, IPX)?;
                Ok(self.or(b0, b1))
            }
            ATALK | AARP => {
                let b0 = self.cmp(OffRel::LinkType, 0, H, 4)?;
                let b1 = if p == ATALK { self.snap(0x080007, ATALK)? } else { self.snap(0, AARP)? };
                let b1 = self.and(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, H, p)?;
                Ok(self.or(b0, b1))
            }
            _ if p <= MTU => {
                let b0 = self.cmp(OffRel::LinkType, 0, H, 4)?;
                let c = self.off_linkpl.constant;
                let b1 = self.cmp(OffRel::LinkHdr, c, B, p)?;
                Ok(self.and(b0, b1))
            }
            _ => self.cmp(OffRel::LinkType, 0, H, p),
        }
    }

    /// `gen_check_802_11_data_frame`.
    pub fn check_802_11_data_frame(&mut self) -> R<Bx> {
        let s = self.load_a(OffRel::LinkHdr, 0, B)?;
        let b0 = self.jset(s, 0x08);
        let s = self.load_a(OffRel::LinkHdr, 0, B)?;
        let b1 = self.jset(s, 0x04);
        let b1 = Gen::not(b1);
        Ok(self.and(b1, b0))
    }

    /// `gen_prevlinkhdr_check`.
    pub fn prevlinkhdr_check(&mut self) -> R<Option<Bx>> {
        if self.is_geneve {
            return Ok(Some(self.geneve_ll_check()?));
        }
        if self.prevlinktype == Some(Dlt::SUNATM) {
            let b = self.cmp(OffRel::PrevLinkHdr, 4, H, 0xff00)?;
            return Ok(Some(Gen::not(b)));
        }
        Ok(None)
    }

    /// `gen_geneve_ll_check`: an inner Ethernet header is present when
    /// the link header and payload offsets differ.
    pub fn geneve_ll_check(&mut self) -> R<Bx> {
        let hdr = self.off_linkhdr.reg.unwrap_or(0);
        let pl = self.off_linkpl.reg.unwrap_or(0);
        let b = self.blk(vec![st(LD | MEM, hdr), st(LDX | MEM, pl)], JMP | JEQ | X, 0);
        Ok(Gen::not(b))
    }

    /// `gen_atmtype_llc`: SunATM LLC-encapsulated traffic.
    pub fn atmtype_llc(&mut self) -> R<Bx> {
        let off = self.off_proto;
        self.ncmp(OffRel::LinkHdr, off, B, 0x0f, JEQ, false, 2)
    }

    fn loopback_linktype(&mut self, family: u32) -> R<Bx> {
        let v = if self.linktype == Dlt::NULL || self.linktype == Dlt::ENC {
            family.swap_bytes()
        } else {
            family
        };
        self.cmp(OffRel::LinkHdr, 0, W, v)
    }

    /// `gen_linktype`: packets whose link-layer payload is `p` (an
    /// Ethernet type or an LLC SAP).
    pub fn linktype(&mut self, p: u32) -> R<Bx> {
        if self.label_stack_depth > 0 {
            return self.mpls_linktype(p);
        }
        let d = self.linktype;
        match d {
            Dlt::EN10MB | Dlt::NETANALYZER | Dlt::NETANALYZER_TRANSPARENT => {
                let b0 = if !self.is_geneve { self.prevlinkhdr_check()? } else { None };
                let b1 = self.ether_linktype(p)?;
                Ok(match b0 {
                    Some(b0) => self.and(b0, b1),
                    None => b1,
                })
            }
            Dlt::C_HDLC => {
                let v = if p == SAP_ISONS { (p << 8) | SAP_ISONS } else { p };
                self.cmp(OffRel::LinkType, 0, H, v)
            }
            Dlt::IEEE802_11
            | Dlt::PRISM_HEADER
            | Dlt::IEEE802_11_RADIO_AVS
            | Dlt::IEEE802_11_RADIO
            | Dlt::PPI => {
                let b0 = self.check_802_11_data_frame()?;
                let b1 = self.llc_linktype(p)?;
                Ok(self.and(b0, b1))
            }
            Dlt::FDDI | Dlt::IEEE802 | Dlt::ATM_RFC1483 | Dlt::ATM_CLIP | Dlt::IP_OVER_FC => {
                self.llc_linktype(p)
            }
            Dlt::SUNATM => {
                let off = self.off_proto;
                let b0 = self.ncmp(OffRel::LinkHdr, off, B, 0x0f, JEQ, false, 2)?;
                let b1 = self.llc_linktype(p)?;
                Ok(self.and(b0, b1))
            }
            Dlt::LINUX_SLL => self.sll_linktype(p),
            Dlt::SLIP | Dlt::SLIP_BSDOS | Dlt::RAW => match p {
                IP => self.mcmp(OffRel::LinkHdr, 0, B, 0x40, 0xf0),
                IPV6 => self.mcmp(OffRel::LinkHdr, 0, B, 0x60, 0xf0),
                _ => Ok(self.gen_false()),
            },
            Dlt::IPV4 => Ok(if p == IP { self.gen_true() } else { self.gen_false() }),
            Dlt::IPV6 => Ok(if p == IPV6 { self.gen_true() } else { self.gen_false() }),
            Dlt::PPP | Dlt::PPP_PPPD | Dlt::PPP_SERIAL | Dlt::PPP_ETHER => {
                self.cmp(OffRel::LinkType, 0, H, ethertype_to_ppptype(p))
            }
            Dlt::PPP_BSDOS => {
                if p == IP {
                    let b0 = self.cmp(OffRel::LinkType, 0, H, 0x21)?;
                    let b1 = self.cmp(OffRel::LinkType, 0, H, 0x2d)?;
                    let b1 = self.or(b0, b1);
                    let b0 = self.cmp(OffRel::LinkType, 0, H, 0x2f)?;
                    Ok(self.or(b1, b0))
                } else {
                    self.cmp(OffRel::LinkType, 0, H, ethertype_to_ppptype(p))
                }
            }
            Dlt::NULL | Dlt::LOOP | Dlt::ENC => match p {
                IP => self.loopback_linktype(2),
                IPV6 => self.loopback_linktype(10),
                _ => Ok(self.gen_false()),
            },
            Dlt::IPNET => match p {
                IP => self.cmp(OffRel::LinkType, 0, B, 2),
                IPV6 => self.cmp(OffRel::LinkType, 0, B, 26),
                _ => Ok(self.gen_false()),
            },
            Dlt::ARCNET | Dlt::ARCNET_LINUX => match p {
                IPV6 => self.cmp(OffRel::LinkType, 0, B, 0xc4),
                IP => {
                    let b0 = self.cmp(OffRel::LinkType, 0, B, 0xd4)?;
                    let b1 = self.cmp(OffRel::LinkType, 0, B, 0xf0)?;
                    Ok(self.or(b0, b1))
                }
                ARP => {
                    let b0 = self.cmp(OffRel::LinkType, 0, B, 0xd5)?;
                    let b1 = self.cmp(OffRel::LinkType, 0, B, 0xf1)?;
                    Ok(self.or(b0, b1))
                }
                REVARP => self.cmp(OffRel::LinkType, 0, B, 0xd6),
                ATALK => self.cmp(OffRel::LinkType, 0, B, 0xdd),
                _ => Ok(self.gen_false()),
            },
            Dlt::LTALK => Ok(if p == ATALK { self.gen_true() } else { self.gen_false() }),
            Dlt::FRELAY => match p {
                IP => self.cmp(OffRel::LinkHdr, 2, H, 0x03cc),
                IPV6 => self.cmp(OffRel::LinkHdr, 2, H, 0x038e),
                SAP_ISONS => {
                    let b0 = self.cmp(OffRel::LinkHdr, 2, H, 0x0381)?;
                    let b1 = self.cmp(OffRel::LinkHdr, 2, H, 0x0382)?;
                    let b2 = self.cmp(OffRel::LinkHdr, 2, H, 0x0383)?;
                    let b2 = self.or(b1, b2);
                    Ok(self.or(b0, b2))
                }
                _ => Ok(self.gen_false()),
            },
            Dlt::PFLOG => match p {
                IP => self.cmp(OffRel::LinkHdr, 1, B, 2),
                IPV6 => self.cmp(OffRel::LinkHdr, 1, B, 10),
                _ => Ok(self.gen_false()),
            },
            Dlt::BACNET_MS_TP => self.mcmp(OffRel::LinkHdr, 0, W, 0x55ff_0000, 0xffff_0000),
            Dlt::MFR => err("Multi-link Frame Relay link-layer type filtering not implemented"),
            Dlt::DSA_TAG_BRCM | Dlt::DSA_TAG_BRCM_PREPEND => {
                err("Broadcom tag link-layer type filtering not implemented")
            }
            Dlt::DSA_TAG_DSA | Dlt::DSA_TAG_EDSA => {
                err("Marvell DSA link-layer type filtering not implemented")
            }
            Dlt::MTP2 | Dlt::MTP2_WITH_PHDR => {
                err("MTP2 link-layer type filtering not implemented")
            }
            _ if is_juniper(d) => self.mcmp(OffRel::LinkHdr, 0, W, 0x4d47_4300, 0xffff_ff00),
            _ => {
                if self.off_linktype.constant != NOT_SET {
                    self.cmp(OffRel::LinkType, 0, H, p)
                } else {
                    err(format!("{} link-layer type filtering not implemented", dlt_description(d)))
                }
            }
        }
    }

    /// `gen_mpls_linktype`: what follows the MPLS label stack.
    fn mpls_linktype(&mut self, p: u32) -> R<Bx> {
        let v = match p {
            IP => 0x40,
            IPV6 => 0x60,
            _ => return err("unsupported protocol over mpls"),
        };
        let b0 = self.mcmp(OffRel::LinkPl, 0u32.wrapping_sub(2), B, 0x01, 0x01)?;
        let b1 = self.mcmp(OffRel::LinkPl, 0, B, v, 0xf0)?;
        Ok(self.and(b0, b1))
    }

    /// `insert_compute_vloffsets`: statements computing variable header
    /// lengths, to be put in front of the root block.
    pub(super) fn compute_vloffsets(&mut self) -> Vec<Stmt> {
        let mut s: Option<Vec<Stmt>> = match self.outermostlinktype {
            Dlt::PRISM_HEADER => self.prism_llprefixlen(),
            Dlt::IEEE802_11_RADIO_AVS => self
                .off_linkhdr_reg()
                .map(|r| vec![st(LD | ABS | W, 4), st(ST, r), st(MISC | TAX, 0)]),
            Dlt::IEEE802_11_RADIO | Dlt::PPI => self.off_linkhdr_reg().map(|r| {
                vec![
                    st(LD | ABS | B, 3),
                    st(ALU | LSH | K, 8),
                    st(MISC | TAX, 0),
                    st(LD | ABS | B, 2),
                    st(ALU | OR | X, 0),
                    st(ST, r),
                    st(MISC | TAX, 0),
                ]
            }),
            _ => None,
        };
        match self.outermostlinktype {
            Dlt::IEEE802_11
            | Dlt::PRISM_HEADER
            | Dlt::IEEE802_11_RADIO_AVS
            | Dlt::IEEE802_11_RADIO
            | Dlt::PPI => {
                s = self.load_802_11_header_len(s);
            }
            Dlt::PFLOG => {
                if let Some(r) = self.off_linkpl.reg {
                    s = Some(vec![
                        st(LD | ABS | B, 0),
                        st(ALU | ADD | K, 3),
                        st(ALU | AND | K, 0xffff_fffc),
                        st(ST, r),
                        st(MISC | TAX, 0),
                    ]);
                }
            }
            _ => {}
        }
        if s.is_none() && self.is_vlan_vloffset {
            let mut v = vec![st(LD | IMM, 0)];
            if let Some(r) = self.off_linkpl.reg {
                v.push(st(ST, r));
            }
            if let Some(r) = self.off_linktype.reg {
                v.push(st(ST, r));
            }
            s = Some(v);
        }
        s.unwrap_or_default()
    }

    fn off_linkhdr_reg(&self) -> Option<u32> {
        self.off_linkhdr.reg
    }

    fn prism_llprefixlen(&mut self) -> Option<Vec<Stmt>> {
        let r = self.off_linkhdr.reg?;
        // As with the 802.11 header-length code, libpcap leaves programs
        // with this prefix code unoptimized.
        self.no_optimize = true;
        // ld [0]; and #0xfffff000; jeq #0x80211000 (AVS cookie) ? ld [4] : ld #144
        let mut v = vec![st(LD | ABS | W, 0), st(ALU | AND | K, 0xffff_f000)];
        v.push(Stmt { code: JMP | JEQ | K, k: 0x8021_1000, jt: Some(3), jf: Some(5) });
        v.push(st(LD | ABS | W, 4));
        v.push(st(JMP | JA, 1));
        v.push(st(LD | IMM, 144));
        v.push(st(ST, r));
        v.push(st(MISC | TAX, 0));
        Some(v)
    }

    /// `gen_load_802_11_header_len`; in-block jumps to "the rest of the
    /// program" target the index just past the generated code.
    fn load_802_11_header_len(&mut self, s: Option<Vec<Stmt>>) -> Option<Vec<Stmt>> {
        let Some(r) = self.off_linkpl.reg else {
            return s;
        };
        // libpcap 1.10.3 leaves programs with this code unoptimized
        // (observed: `-d` equals `-O -d`, and no "rejects all packets").
        self.no_optimize = true;
        let mut v = s.unwrap_or_else(|| vec![st(LDX | IMM, self.off_outermostlinkhdr.constant)]);
        let radio = self.linktype == Dlt::IEEE802_11_RADIO;
        v.push(st(MISC | TXA, 0));
        v.push(st(ALU | ADD | K, 24));
        v.push(st(ST, r));
        v.push(st(LD | IND | B, 0));
        let base = v.len() as u32;
        // Layout (indices relative to base):
        // 0 jset 0x08 (jt 1, jf END)
        // 1 jset 0x04 (jt END, jf 2)
        // 2 jset 0x80 (jt 3, jf RADIO-or-END)
        // 3 ld M[r]; 4 add #2; 5 st M[r]
        // radio: 6 ld [4]; 7 jset 0x02000000 (jt 8, jf END); 8 jset 0x80 (jt END, jf 9)
        //        9 jset 0x01000000 (jt 10, jf 12); 10 ldb [16]; 11 jset 0x20 (jt 14, jf END)
        //        12 ldb [8]; 13 jset 0x20 (jt 14, jf END); 14 ld M[r]; 15 add #3;
        //        16 and #~3; 17 st M[r]
        let end = base + if radio { 18 } else { 6 };
        let j = |k: u32, t: u32, f: u32| Stmt { code: JMP | JSET | K, k, jt: Some(t), jf: Some(f) };
        v.push(j(0x08, base + 1, end));
        v.push(j(0x04, end, base + 2));
        v.push(j(0x80, base + 3, if radio { base + 6 } else { end }));
        v.push(st(LD | MEM, r));
        v.push(st(ALU | ADD | K, 2));
        v.push(st(ST, r));
        if radio {
            v.push(st(LD | ABS | W, 4));
            v.push(j(0x0200_0000, base + 8, end));
            v.push(j(0x80, end, base + 9));
            v.push(j(0x0100_0000, base + 10, base + 12));
            v.push(st(LD | ABS | B, 16));
            v.push(j(0x20, base + 14, end));
            v.push(st(LD | ABS | B, 8));
            v.push(j(0x20, base + 14, end));
            v.push(st(LD | MEM, r));
            v.push(st(ALU | ADD | K, 3));
            v.push(st(ALU | AND | K, 0xffff_fffc));
            v.push(st(ST, r));
        }
        Some(v)
    }

    /// The PPI per-packet DLT check ANDed in front of the whole filter.
    pub(super) fn ppi_dlt_check(&mut self) -> Option<Bx> {
        if self.linktype != Dlt::PPI {
            return None;
        }
        self.cmp(OffRel::Packet, 4, W, 105u32.swap_bytes()).ok()
    }
}

/// libpcap's `ethertype_to_ppptype`.
pub(crate) fn ethertype_to_ppptype(p: u32) -> u32 {
    match p {
        IP => 0x21,
        IPV6 => 0x57,
        DN => 0x27,
        ATALK => 0x29,
        NS => 0x25,
        IPX => 0x2b,
        SAP_ISONS => 0x23,
        SAP_8021D => 0x31,
        SAP_IPX => 0x2b,
        _ => p,
    }
}

/// True for the Juniper link types, which all start with the "MGC" magic.
pub(crate) fn is_juniper(d: Dlt) -> bool {
    matches!(
        d,
        Dlt::JUNIPER_MFR
            | Dlt::JUNIPER_MLFR
            | Dlt::JUNIPER_MLPPP
            | Dlt::JUNIPER_ATM1
            | Dlt::JUNIPER_ATM2
            | Dlt::JUNIPER_PPPOE
            | Dlt::JUNIPER_PPPOE_ATM
            | Dlt::JUNIPER_GGSN
            | Dlt::JUNIPER_ES
            | Dlt::JUNIPER_MONITOR
            | Dlt::JUNIPER_SERVICES
            | Dlt::JUNIPER_ETHER
            | Dlt::JUNIPER_PPP
            | Dlt::JUNIPER_FRELAY
            | Dlt::JUNIPER_CHDLC
            | Dlt::JUNIPER_VP
            | Dlt::JUNIPER_ST
            | Dlt::JUNIPER_ISM
            | Dlt::JUNIPER_VS
            | Dlt::JUNIPER_SRX_E2E
            | Dlt::JUNIPER_FIBRECHANNEL
            | Dlt::JUNIPER_ATM_CEMIC
    )
}

/// `pcap_datalink_val_to_description_or_dlt`, for the types that reach an
/// error message.
pub(crate) fn dlt_description(d: Dlt) -> String {
    let s = match d {
        Dlt::NULL => "BSD loopback",
        Dlt::EN10MB => "Ethernet",
        Dlt::IEEE802 => "Token ring",
        Dlt::ARCNET => "BSD ARCNET",
        Dlt::SLIP => "SLIP",
        Dlt::PPP => "PPP",
        Dlt::FDDI => "FDDI",
        Dlt::ATM_RFC1483 => "RFC 1483 LLC-encapsulated ATM",
        Dlt::RAW => "Raw IP",
        Dlt::SLIP_BSDOS => "BSD/OS SLIP",
        Dlt::PPP_BSDOS => "BSD/OS PPP",
        Dlt::ATM_CLIP => "Linux Classical IP over ATM",
        Dlt::PPP_SERIAL => "PPP over serial",
        Dlt::PPP_ETHER => "PPPoE",
        Dlt::SYMANTEC_FIREWALL => "Symantec Firewall",
        Dlt::C_HDLC => "Cisco HDLC",
        Dlt::IEEE802_11 => "802.11",
        Dlt::FRELAY => "Frame Relay",
        Dlt::LOOP => "OpenBSD loopback",
        Dlt::ENC => "OpenBSD encapsulated IP",
        Dlt::LINUX_SLL => "Linux cooked v1",
        Dlt::LTALK => "Localtalk",
        Dlt::PFLOG => "OpenBSD pflog file",
        Dlt::PRISM_HEADER => "802.11 plus Prism header",
        Dlt::IP_OVER_FC => "RFC 2625 IP-over-Fibre Channel",
        Dlt::SUNATM => "Sun raw ATM",
        Dlt::IEEE802_11_RADIO => "802.11 plus radiotap header",
        Dlt::ARCNET_LINUX => "Linux ARCNET",
        Dlt::APPLE_IP_OVER_IEEE1394 => "Apple IP-over-IEEE 1394",
        Dlt::MTP2_WITH_PHDR => "SS7 MTP2 with Pseudo-header",
        Dlt::MTP2 => "SS7 MTP2",
        Dlt::MTP3 => "SS7 MTP3",
        Dlt::SCCP => "SS7 SCCP",
        Dlt::DOCSIS => "DOCSIS",
        Dlt::LINUX_IRDA => "Linux IrDA",
        Dlt::IEEE802_11_RADIO_AVS => "802.11 plus AVS radio information header",
        Dlt::BACNET_MS_TP => "BACnet MS/TP",
        Dlt::PPP_PPPD => "PPP for pppd, with direction flag",
        Dlt::PPI => "Per-Packet Information",
        Dlt::IPNET => "Solaris ipnet",
        Dlt::IPV4 => "Raw IPv4",
        Dlt::IPV6 => "Raw IPv6",
        Dlt::NETANALYZER => "Ethernet with Hilscher netANALYZER pseudo-header",
        Dlt::NETANALYZER_TRANSPARENT => {
            "Ethernet with Hilscher netANALYZER pseudo-header and with preamble and SFD"
        }
        Dlt::LINUX_SLL2 => "Linux cooked v2",
        Dlt::DSA_TAG_BRCM => "Broadcom tag",
        Dlt::DSA_TAG_DSA => "Marvell DSA",
        Dlt::JUNIPER_MFR => "Juniper Multi-Link Frame Relay",
        _ => return format!("DLT {}", d.0),
    };
    s.to_string()
}
