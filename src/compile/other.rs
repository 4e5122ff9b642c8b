//! The remaining primitives: `broadcast`/`multicast`, `less`/`greater`,
//! `byte`, `inbound`/`outbound`, `ifindex`, the encapsulations that shift
//! later offsets (`vlan`, `mpls`, `pppoes`), `pppoed`, and `protochain`
//! (a single block with in-block jumps, including a backward `ja`).

use super::link::Which;
use super::link::eth::*;
use super::*;
use crate::syntax::ast::{ByteOp, Dir, NumOrName, Prim};

const EBROADCAST: [u8; 6] = [0xff; 6];

impl Gen<'_> {
    /// Dispatches an "other" primitive.
    pub(super) fn gen_prim(&mut self, p: &Prim) -> R<Bx> {
        match p {
            Prim::Broadcast(q) => self.gen_broadcast(*q),
            Prim::Multicast(q) => self.gen_multicast(*q),
            Prim::Less(n) => {
                let b = self.blk(vec![st(LD | LEN | W, 0)], jmp(JGT), *n);
                Ok(Gen::not(b))
            }
            Prim::Greater(n) => Ok(self.blk(vec![st(LD | LEN | W, 0)], jmp(JGE), *n)),
            Prim::Byte(idx, op, val) => self.gen_byteop(*idx, *op, *val),
            Prim::Inbound => self.gen_inbound(false),
            Prim::Outbound => self.gen_inbound(true),
            Prim::Ifindex(n) => self.gen_ifindex(*n),
            Prim::Vlan(id) => self.gen_vlan(*id),
            Prim::Mpls(label) => self.gen_mpls(*label),
            Prim::Pppoed => self.linktype(PPPOED),
            Prim::Pppoes(sess) => self.gen_pppoes(*sess),
            Prim::Geneve(vni) => self.gen_geneve(*vni),
            _ => self.gen_prim_tail(p),
        }
    }

    fn gen_broadcast(&mut self, q: Q<Proto>) -> R<Bx> {
        match q {
            Q::Default | Q::Is(Proto::Link) => match self.linktype {
                Dlt::ARCNET | Dlt::ARCNET_LINUX => self.ahostop(0, Q::Is(Dir::Dst)),
                _ => match self.mac_host(&EBROADCAST, Q::Is(Dir::Dst))? {
                    Some(b) => Ok(b),
                    None => err("not a broadcast link"),
                },
            },
            Q::Is(Proto::Ip) => {
                let b0 = self.linktype(IP)?;
                let hostmask = !self.target.netmask;
                let b1 = self.mcmp(OffRel::LinkPl, 16, W, 0, hostmask)?;
                let b2 = self.mcmp(OffRel::LinkPl, 16, W, hostmask, hostmask)?;
                let b2 = self.or(b1, b2);
                Ok(self.and(b0, b2))
            }
            Q::Undef => err(SYNTAX_ERROR),
            _ => err("only link-layer/IP broadcast filters supported"),
        }
    }

    fn mac_multicast(&mut self, off: u32) -> R<Bx> {
        let s = self.load_a(OffRel::LinkHdr, off, B)?;
        Ok(self.jset(s, 1))
    }

    fn jset_hdr(&mut self, off: u32, mask: u32) -> R<Bx> {
        let s = self.load_a(OffRel::LinkHdr, off, B)?;
        Ok(self.jset(s, mask))
    }

    fn gen_multicast(&mut self, q: Q<Proto>) -> R<Bx> {
        const MSG: &str = "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel";
        match q {
            Q::Default | Q::Is(Proto::Link) => match self.linktype {
                Dlt::ARCNET | Dlt::ARCNET_LINUX => self.ahostop(0, Q::Is(Dir::Dst)),
                Dlt::EN10MB | Dlt::NETANALYZER | Dlt::NETANALYZER_TRANSPARENT => {
                    let pre = self.prevlinkhdr_check()?;
                    let b0 = self.mac_multicast(0)?;
                    Ok(match pre {
                        Some(p) => self.and(p, b0),
                        None => b0,
                    })
                }
                Dlt::FDDI => self.mac_multicast(1),
                Dlt::IEEE802 | Dlt::IP_OVER_FC => self.mac_multicast(2),
                Dlt::IEEE802_11
                | Dlt::PRISM_HEADER
                | Dlt::IEEE802_11_RADIO_AVS
                | Dlt::IEEE802_11_RADIO
                | Dlt::PPI => {
                    let b1 = self.jset_hdr(1, 0x01)?;
                    let b0 = self.mac_multicast(16)?;
                    let b0 = self.and(b1, b0);
                    let b2 = self.jset_hdr(1, 0x01)?;
                    let b2 = Gen::not(b2);
                    let b1 = self.mac_multicast(4)?;
                    let b1 = self.and(b2, b1);
                    let b0 = self.or(b1, b0);
                    let b1 = self.jset_hdr(0, 0x08)?;
                    let b0 = self.and(b1, b0);
                    let b2 = self.jset_hdr(0, 0x08)?;
                    let b2 = Gen::not(b2);
                    let b1 = self.mac_multicast(4)?;
                    let b1 = self.and(b2, b1);
                    let b0 = self.or(b1, b0);
                    let b1 = self.jset_hdr(0, 0x04)?;
                    let b1 = Gen::not(b1);
                    Ok(self.and(b1, b0))
                }
                Dlt::SUNATM if self.is_lane => self.mac_multicast(2),
                _ => err(MSG),
            },
            Q::Is(Proto::Ip) => {
                let b0 = self.linktype(IP)?;
                let b1 = self.cmp_ge(OffRel::LinkPl, 16, B, 224)?;
                Ok(self.and(b0, b1))
            }
            Q::Is(Proto::Ip6) => {
                let b0 = self.linktype(IPV6)?;
                let b1 = self.cmp(OffRel::LinkPl, 24, B, 255)?;
                Ok(self.and(b0, b1))
            }
            Q::Undef => err(SYNTAX_ERROR),
            _ => err(MSG),
        }
    }

    fn gen_byteop(&mut self, idx: u32, op: ByteOp, val: u32) -> R<Bx> {
        match op {
            ByteOp::Eq => self.cmp(OffRel::LinkHdr, idx, B, val),
            ByteOp::Lt => self.cmp_lt(OffRel::LinkHdr, idx, B, val),
            ByteOp::Gt => self.cmp_gt(OffRel::LinkHdr, idx, B, val),
            ByteOp::And | ByteOp::Or => {
                let code = if op == ByteOp::And { ALU | AND | K } else { ALU | OR | K };
                let b = self.blk(vec![st(code, val)], jmp(JEQ), 0);
                Ok(Gen::not(b))
            }
        }
    }

    /// `gen_inbound`: `outbound` when `out`.
    fn gen_inbound(&mut self, out: bool) -> R<Bx> {
        match self.linktype {
            Dlt::SLIP => {
                // libpcap builds `link[0] = dir` as arithmetic; C evaluates
                // the value's register before the index's.
                let val = self.loadi_pub(0)?;
                let idx = self.loadi_pub(0)?;
                let b = self.slip_dir(idx, val)?;
                Ok(if out { Gen::not(b) } else { b })
            }
            Dlt::IPNET => self.cmp(OffRel::LinkHdr, 2, H, if out { 1 } else { 2 }),
            Dlt::LINUX_SLL => {
                let b = self.cmp(OffRel::LinkHdr, 0, H, 4)?;
                Ok(if out { b } else { Gen::not(b) })
            }
            Dlt::LINUX_SLL2 => {
                let b = self.cmp(OffRel::LinkHdr, 10, B, 4)?;
                Ok(if out { b } else { Gen::not(b) })
            }
            Dlt::PFLOG => self.cmp(OffRel::LinkHdr, 60, B, if out { 2 } else { 1 }),
            Dlt::PPP_PPPD => self.cmp(OffRel::LinkHdr, 0, B, if out { 1 } else { 0 }),
            d if super::link::is_juniper(d) => {
                self.mcmp(OffRel::LinkHdr, 3, B, if out { 0 } else { 1 }, 0x01)
            }
            _ => {
                let k = (SKF_AD_OFF + SKF_AD_PKTTYPE) as u32;
                let b = self.cmp(OffRel::LinkHdr, k, H, 4)?;
                Ok(if out { b } else { Gen::not(b) })
            }
        }
    }

    fn gen_ifindex(&mut self, n: u32) -> R<Bx> {
        match self.linktype {
            Dlt::LINUX_SLL2 => self.cmp(OffRel::LinkHdr, 4, W, n),
            _ => {
                let k = (SKF_AD_OFF + SKF_AD_IFINDEX) as u32;
                self.cmp(OffRel::LinkHdr, k, W, n)
            }
        }
    }

    fn gen_vlan(&mut self, id: Option<u32>) -> R<Bx> {
        if self.label_stack_depth > 0 {
            return err("no VLAN match after MPLS");
        }
        let b = match self.linktype {
            Dlt::EN10MB | Dlt::NETANALYZER | Dlt::NETANALYZER_TRANSPARENT => {
                if self.target.live_linux
                    && self.vlan_stack_depth == 0
                    && !self.off_linkhdr.variable
                    && self.off_linkhdr.constant == self.off_outermostlinkhdr.constant
                {
                    self.vlan_bpf_extensions(id)?
                } else {
                    self.vlan_no_bpf_extensions(id)?
                }
            }
            Dlt::IEEE802_11
            | Dlt::PRISM_HEADER
            | Dlt::IEEE802_11_RADIO_AVS
            | Dlt::IEEE802_11_RADIO => self.vlan_no_bpf_extensions(id)?,
            d => return err(format!("no VLAN support for {}", link::dlt_description(d))),
        };
        self.vlan_stack_depth += 1;
        Ok(b)
    }

    fn vlan_tpid_test(&mut self) -> R<Bx> {
        let b0 = self.linktype(VLAN)?;
        let b1 = self.linktype(0x88a8)?;
        let b1 = self.or(b0, b1);
        let b0 = self.linktype(0x9100)?;
        Ok(self.or(b1, b0))
    }

    fn vlan_vid_check(id: u32) -> R<()> {
        if id > 0x0fff {
            return err(format!("VLAN tag {id} greater than maximum {}", 0x0fff));
        }
        Ok(())
    }

    fn vlan_no_bpf_extensions(&mut self, id: Option<u32>) -> R<Bx> {
        let mut b0 = self.vlan_tpid_test()?;
        if let Some(id) = id {
            Gen::vlan_vid_check(id)?;
            let b1 = self.mcmp(OffRel::LinkPl, 0, H, id, 0x0fff)?;
            b0 = self.and(b0, b1);
        }
        self.off_linkpl.constant = self.off_linkpl.constant.wrapping_add(4);
        self.off_linktype.constant = self.off_linktype.constant.wrapping_add(4);
        Ok(b0)
    }

    /// Live-Linux VLAN code (`BPF_SPECIAL_VLAN_HANDLING`): the kernel may
    /// have stripped the outer tag into metadata (`[vlanp]`,
    /// `[vlan_tci]`), so the payload and type offsets become variable:
    /// registers set to 0 at the root and bumped by 4 when the tag is
    /// found in the packet data instead.
    fn vlan_bpf_extensions(&mut self, id: Option<u32>) -> R<Bx> {
        let vlanp = (SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT) as u32;
        let b0 = self.blk(vec![st(LD | B | ABS, vlanp)], jmp(JEQ), 1);
        let b_tpid = self.vlan_tpid_test()?;
        let b_vid = match id {
            Some(id) => {
                Gen::vlan_vid_check(id)?;
                Some(self.mcmp(OffRel::LinkPl, 0, H, id, 0x0fff)?)
            }
            None => None,
        };
        // Patch the head of the TPID test with the offset bumps.
        self.is_vlan_vloffset = true;
        let mut pre = Vec::new();
        for w in [Which::LinkPl, Which::LinkType] {
            let r = self.vloffset_reg(w)?;
            pre.push(st(LD | MEM, r));
            pre.push(st(ALU | ADD | K, 4));
            pre.push(st(ST, r));
        }
        prepend_stmts(&mut self.cfg.blocks[b_tpid.head.index()].stmts, pre);
        let mut b0 = self.or(b0, b_tpid);
        if let Some(b_vid) = b_vid {
            let tci = (SKF_AD_OFF + SKF_AD_VLAN_TAG) as u32;
            let blk = &mut self.cfg.blocks[b_vid.head.index()].stmts;
            let cnt = blk.len() as u32;
            let pre = vec![
                st(LD | B | ABS, vlanp),
                Stmt { code: JMP | JEQ | K, k: 1, jt: Some(2), jf: Some(4) },
                st(LD | B | ABS, tci),
                st(JMP | JA, cnt.wrapping_sub(1)),
            ];
            prepend_stmts(blk, pre);
            b0 = self.and(b0, b_vid);
        }
        Ok(b0)
    }

    /// Makes an offset variable and returns its register.
    fn vloffset_reg(&mut self, w: Which) -> R<u32> {
        let off = match w {
            Which::LinkPl => &mut self.off_linkpl,
            _ => &mut self.off_linktype,
        };
        off.variable = true;
        if let Some(r) = off.reg {
            return Ok(r);
        }
        let r = self.alloc_reg()?;
        match w {
            Which::LinkPl => self.off_linkpl.reg = Some(r),
            _ => self.off_linktype.reg = Some(r),
        }
        Ok(r)
    }

    fn gen_mpls(&mut self, label: Option<u32>) -> R<Bx> {
        let mut b0 = if self.label_stack_depth > 0 {
            self.mcmp(OffRel::PrevMplsHdr, 2, B, 0, 0x01)?
        } else {
            match self.linktype {
                Dlt::C_HDLC | Dlt::EN10MB | Dlt::NETANALYZER | Dlt::NETANALYZER_TRANSPARENT => {
                    self.linktype(MPLS)?
                }
                Dlt::PPP => self.linktype(0x0281)?,
                d => return err(format!("no MPLS support for {}", link::dlt_description(d))),
            }
        };
        if let Some(l) = label {
            if l > 0xfffff {
                return err(format!("MPLS label {l} greater than maximum {}", 0xfffff));
            }
            let b1 = self.mcmp(OffRel::LinkPl, 0, W, l << 12, 0xffff_f000)?;
            b0 = self.and(b0, b1);
        }
        self.off_nl_nosnap = self.off_nl_nosnap.wrapping_add(4);
        self.off_nl = self.off_nl.wrapping_add(4);
        self.label_stack_depth += 1;
        Ok(b0)
    }

    fn gen_pppoes(&mut self, sess: Option<u32>) -> R<Bx> {
        let mut b0 = self.linktype(PPPOES)?;
        if let Some(s) = sess {
            if s > 0xffff {
                return err(format!("PPPoE session number {s} greater than maximum {}", 0xffff));
            }
            let b1 = self.mcmp(OffRel::LinkPl, 0, W, s, 0x0000_ffff)?;
            b0 = self.and(b0, b1);
        }
        let c = self.off_linkpl.constant.wrapping_add(self.off_nl).wrapping_add(6);
        let newhdr =
            AbsOff { constant: c, variable: self.off_linkpl.variable, reg: self.off_linkpl.reg };
        self.push_linkhdr(Dlt::PPP, newhdr);
        self.off_linktype = self.off_linkhdr;
        self.off_linkpl.constant = self.off_linkhdr.constant.wrapping_add(2);
        self.off_nl = 0;
        self.off_nl_nosnap = 0;
        Ok(b0)
    }

    fn push_linkhdr(&mut self, d: Dlt, hdr: AbsOff) {
        self.prevlinktype = Some(self.linktype);
        self.off_prevlinkhdr = self.off_linkhdr;
        self.linktype = d;
        self.off_linkhdr = hdr;
        self.is_geneve = false;
    }

    fn llc_internal(&mut self) -> R<Bx> {
        match self.linktype {
            Dlt::EN10MB => {
                let b0 = self.cmp_gt(OffRel::LinkType, 0, H, MTU)?;
                let b0 = Gen::not(b0);
                let b1 = self.cmp(OffRel::Llc, 0, H, 0xffff)?;
                let b1 = Gen::not(b1);
                Ok(self.and(b0, b1))
            }
            Dlt::SUNATM => self.atmtype_llc(),
            Dlt::IEEE802 | Dlt::FDDI | Dlt::ATM_RFC1483 => Ok(self.gen_true()),
            Dlt::IEEE802_11
            | Dlt::PRISM_HEADER
            | Dlt::IEEE802_11_RADIO
            | Dlt::IEEE802_11_RADIO_AVS
            | Dlt::PPI => self.check_802_11_data_frame(),
            d => err(format!("'llc' not supported for {}", link::dlt_description(d))),
        }
    }

    /// `llc [i|s|u|SUBTYPE]`.
    fn gen_llc(&mut self, kind: Option<&str>) -> R<Bx> {
        const S_SUB: &[(&str, u32)] = &[("rr", 0x01), ("rnr", 0x05), ("rej", 0x09)];
        const U_SUB: &[(&str, u32)] = &[
            ("ui", 0x03),
            ("ua", 0x63),
            ("disc", 0x43),
            ("dm", 0x0f),
            ("sabme", 0x6f),
            ("test", 0xe3),
            ("xid", 0xaf),
            ("frmr", 0x87),
        ];
        let Some(k) = kind else {
            return self.llc_internal();
        };
        let find =
            |t: &[(&str, u32)]| t.iter().find(|(n, _)| n.eq_ignore_ascii_case(k)).map(|&(_, v)| v);
        if k.eq_ignore_ascii_case("i") {
            let b0 = self.llc_internal()?;
            let s = self.load_a(OffRel::Llc, 2, B)?;
            let b1 = self.jset(s, 0x01);
            let b1 = Gen::not(b1);
            return Ok(self.and(b0, b1));
        }
        let (v, mask) = if k.eq_ignore_ascii_case("s") {
            (1, 0x03)
        } else if k.eq_ignore_ascii_case("u") {
            (3, 0x03)
        } else if let Some(v) = find(S_SUB) {
            (v, 0x0f)
        } else if let Some(v) = find(U_SUB) {
            (v, 0xef)
        } else {
            return err(format!("unknown LLC type name \"{k}\""));
        };
        let b0 = self.llc_internal()?;
        let b1 = self.mcmp(OffRel::Llc, 2, B, v, mask)?;
        Ok(self.and(b0, b1))
    }

    fn gen_pf_field(&mut self, off: u32, size: u16, v: u32, what: &str) -> R<Bx> {
        if self.linktype != Dlt::PFLOG {
            return err(format!("{what} supported only on PF linktype"));
        }
        self.cmp(OffRel::LinkHdr, off, size, v)
    }

    fn gen_pf_name(&mut self, s: &str, off: u32, what: &str, noun: &str) -> R<Bx> {
        if self.linktype != Dlt::PFLOG {
            return err(format!("{what} supported only on PF linktype"));
        }
        if s.len() >= 16 {
            return err(format!("{noun} names can only be 15 characters"));
        }
        self.bcmp(OffRel::LinkHdr, off, s.as_bytes())
    }

    /// `gen_geneve_check`: UDP destination port 6081, version 0, VNI.
    fn geneve_check(&mut self, v6: bool, vni: Option<u32>) -> R<Bx> {
        let (b0, rel) = if v6 {
            (self.gen_port6(6081, Some(17), Q::Is(Dir::Dst))?, OffRel::TranIpv6)
        } else {
            (self.gen_port(6081, Some(17), Q::Is(Dir::Dst))?, OffRel::TranIpv4)
        };
        let b1 = self.mcmp(rel, 8, B, 0, 0xc0)?;
        let mut b0 = self.and(b0, b1);
        if let Some(vni) = vni {
            if vni > 0xff_ffff {
                return err(format!("Geneve VNI {vni} greater than maximum {}", 0xff_ffff));
            }
            let b1 = self.mcmp(rel, 12, W, vni << 8, 0xffff_ff00)?;
            b0 = self.and(b0, b1);
        }
        Ok(b0)
    }

    /// `geneve [vni]`: Geneve over IPv4 or IPv6; afterwards every offset
    /// refers to the encapsulated frame, held in scratch registers.
    fn gen_geneve(&mut self, vni: Option<u32>) -> R<Bx> {
        // IPv4: leave the IP header length in A (via an always-true `jeq x`).
        let b0 = self.geneve_check(false, vni)?;
        let mut s = self.loadx_iphdrlen()?;
        s.push(st(MISC | TXA, 0));
        let b1 = self.blk(s, JMP | JEQ | X, 0);
        let b4 = self.and(b0, b1);
        // IPv6: the header length is taken as 40.
        let b0 = self.geneve_check(true, vni)?;
        let mut s = Vec::new();
        if let Some(v) = self.varpart(Which::LinkPl)? {
            s.push(v);
            s.push(st(LD | IMM, 40));
            s.push(st(ALU | ADD | X, 0));
        } else {
            s.push(st(LD | IMM, 40));
        }
        s.push(st(MISC | TAX, 0));
        let b1 = self.blk(s, JMP | JEQ | X, 0);
        let b6 = self.and(b0, b1);
        let b0 = self.or(b4, b6);
        let s = self.geneve_offsets()?;
        let b1 = self.gen_true();
        prepend_stmts(&mut self.cfg.blocks[b1.head.index()].stmts, s);
        let b = self.and(b0, b1);
        // libpcap leaves filters using geneve unoptimized (observed).
        self.no_optimize = true;
        self.is_geneve = true;
        Ok(b)
    }

    /// `gen_geneve_offsets`: computes the inner link header, type and
    /// payload offsets into registers.
    fn geneve_offsets(&mut self) -> R<Vec<Stmt>> {
        let mut s = vec![
            st(ALU | ADD | K, self.off_linkpl.constant.wrapping_add(self.off_nl).wrapping_add(8)),
            st(MISC | TAX, 0),
            st(ALU | ADD | K, 2),
        ];
        let lt = self.alloc_reg()?;
        self.off_linktype = AbsOff { constant: 0, variable: true, reg: Some(lt) };
        s.push(st(ST, lt));
        s.push(st(LD | IND | B, 0));
        s.push(st(ALU | AND | K, 0x3f));
        s.push(st(ALU | MUL | K, 4));
        s.push(st(ALU | ADD | K, 8));
        s.push(st(ALU | ADD | X, 0));
        let hdr = self.alloc_reg()?;
        self.push_linkhdr(Dlt::EN10MB, AbsOff { constant: 0, variable: true, reg: Some(hdr) });
        s.push(st(ST, hdr));
        s.push(st(LD | IND | H, 2));
        s.push(st(LDX | MEM, hdr));
        let jeq_at = s.len() as u32;
        s.push(Stmt { code: JMP | JEQ | K, k: 0x6558, jt: Some(jeq_at + 1), jf: Some(jeq_at + 6) });
        s.push(st(MISC | TXA, 0));
        s.push(st(ALU | ADD | K, 12));
        s.push(st(ST, lt));
        s.push(st(ALU | ADD | K, 2));
        s.push(st(MISC | TAX, 0));
        let pl = self.alloc_reg()?;
        self.off_linkpl = AbsOff { constant: 0, variable: true, reg: Some(pl) };
        s.push(st(STX, pl));
        self.off_nl = 0;
        Ok(s)
    }

    /// `gen_protochain`: walk IPv6 extension headers and IPv4/IPv6 AH
    /// headers looking for protocol `v`; one block with in-block jumps.
    pub fn gen_protochain(&mut self, v: u32, proto: Q<Proto>) -> R<Bx> {
        // libpcap allocates the scratch register before looking at the
        // protocol, so the `protochain N` (both families) form leaks one.
        let reg2 = self.alloc_reg()?;
        let v6 = match proto {
            Q::Is(Proto::Ip) => false,
            Q::Is(Proto::Ip6) => true,
            Q::Default => {
                let b0 = self.gen_protochain(v, Q::Is(Proto::Ip))?;
                let b = self.gen_protochain(v, Q::Is(Proto::Ip6))?;
                return Ok(self.or(b0, b));
            }
            Q::Undef => return err(SYNTAX_ERROR),
            _ => return err("bad protocol applied for 'protochain'"),
        };
        if self.off_linkpl.variable {
            return err("'protochain' not supported with variable length headers");
        }
        self.no_optimize = true;
        let base = self.off_linkpl.constant.wrapping_add(self.off_nl);
        let b0 = self.linktype(if v6 { IPV6 } else { IP })?;
        // Statements are built with placeholder targets, then patched.
        let mut s: Vec<Stmt> = Vec::new();
        let jeq = |k: u32| Stmt { code: JMP | JEQ | K, k, jt: Some(0), jf: Some(0) };
        if v6 {
            s.push(st(LD | ABS | B, base.wrapping_add(6)));
            s.push(st(LDX | IMM, 40));
        } else {
            s.push(st(LD | ABS | B, base.wrapping_add(9)));
            s.push(st(LDX | MSH | B, base));
        }
        let again = s.len();
        let fix5 = s.len();
        s.push(jeq(v));
        let fix2 = s.len();
        s.push(jeq(59));
        s[fix5].jf = Some(fix2 as u32);
        let mut fix3 = None;
        if v6 {
            let v6start = s.len();
            s.push(jeq(0));
            s[fix2].jf = Some(v6start as u32);
            s.push(jeq(60));
            let n = s.len();
            s[n - 2].jf = Some((n - 1) as u32);
            s.push(jeq(43));
            let n = s.len();
            s[n - 2].jf = Some((n - 1) as u32);
            s.push(jeq(44));
            let n = s.len();
            s[n - 2].jf = Some((n - 1) as u32);
            let v6end = n - 1;
            fix3 = Some(v6end);
            let v6advance = s.len();
            s.push(st(LD | IND | B, base));
            s.push(st(ST, reg2));
            s.push(st(LD | IND | B, base.wrapping_add(1)));
            s.push(st(ALU | ADD | K, 1));
            s.push(st(ALU | MUL | K, 8));
            s.push(st(ALU | ADD | X, 0));
            s.push(st(MISC | TAX, 0));
            s.push(st(LD | MEM, reg2));
            let i = s.len();
            s.push(st(JMP | JA, (again as i64 - i as i64 - 1) as u32));
            for st_ in s.iter_mut().take(v6end + 1).skip(v6start) {
                st_.jt = Some(v6advance as u32);
            }
        } else {
            let i = s.len();
            s.push(st(ALU | ADD | K, 0));
            s[fix2].jf = Some(i as u32);
        }
        let ahcheck = s.len();
        s.push(jeq(51));
        if let Some(f3) = fix3 {
            s[f3].jf = Some(ahcheck as u32);
        }
        let fix4 = ahcheck;
        s[fix4].jt = Some(s.len() as u32);
        s.push(st(MISC | TXA, 0));
        s.push(st(LD | IND | B, base));
        s.push(st(ST, reg2));
        s.push(st(MISC | TXA, 0));
        s.push(st(ALU | ADD | K, 1));
        s.push(st(MISC | TAX, 0));
        s.push(st(LD | IND | B, base));
        s.push(st(ALU | ADD | K, 2));
        s.push(st(ALU | MUL | K, 4));
        s.push(st(MISC | TAX, 0));
        s.push(st(LD | MEM, reg2));
        let i = s.len();
        s.push(st(JMP | JA, (again as i64 - i as i64 - 1) as u32));
        let end = s.len() as u32;
        s.push(st(ALU | ADD | K, 0));
        s[fix2].jt = Some(end);
        s[fix4].jf = Some(end);
        s[fix5].jt = Some(end);
        let b = self.blk(s, jmp(JEQ), v);
        self.free_reg(reg2);
        Ok(self.and(b0, b))
    }

    /// The long tail of link-specific primitives.
    fn gen_prim_tail(&mut self, p: &Prim) -> R<Bx> {
        let _ = Which::LinkHdr;
        match p {
            Prim::WlanType(_, t, s) => self.gen_wlan_type(t, s.as_ref()),
            Prim::WlanSubtype(_, s) => self.gen_wlan_subtype(s),
            Prim::WlanDir(_, d) => self.gen_wlan_dir(d),
            Prim::Llc(kind) => self.gen_llc(kind.as_deref()),
            Prim::AtmType(kw) => self.gen_atm_type(kw),
            Prim::AtmField(name, v) => self.gen_atm_field(name, v),
            Prim::Mtp2Type(kw) => self.gen_mtp2_type(kw),
            Prim::Mtp3Field(name, v) => self.gen_mtp3_field(name, v),
            Prim::PfIfname(s) => self.gen_pf_name(s, 4, "ifname", "interface"),
            Prim::PfRuleset(s) => self.gen_pf_name(s, 20, "ruleset", "ruleset"),
            Prim::PfRulenum(n) => self.gen_pf_field(36, W, *n, "rnr"),
            Prim::PfSubrulenum(n) => self.gen_pf_field(40, W, *n, "srnr"),
            Prim::PfReason(r) => {
                let v = pf_lookup(r, PF_REASONS, "reason")?;
                self.gen_pf_field(3, B, v, "reason")
            }
            Prim::PfAction(a) => {
                let v = pf_lookup(a, PF_ACTIONS, "action")?;
                self.gen_pf_field(2, B, v, "action")
            }
            _ => err("this primitive is not supported yet"),
        }
    }
}

const PF_REASONS: &[&str] = &[
    "match",
    "bad-offset",
    "fragment",
    "short",
    "normalize",
    "memory",
    "bad-timestamp",
    "congestion",
    "ip-option",
    "proto-cksum",
    "state-mismatch",
    "state-insert",
    "state-limit",
    "src-limit",
    "synproxy",
];

const PF_ACTIONS: &[(&str, u32)] = &[
    ("pass", 0),
    ("accept", 0),
    ("drop", 1),
    ("block", 1),
    ("scrub", 2),
    ("noscrub", 3),
    ("nat", 4),
    ("nonat", 5),
    ("binat", 6),
    ("nobinat", 7),
    ("rdr", 8),
    ("nordr", 9),
    ("synproxy-drop", 10),
];

/// A pflog reason or action by number or name.
fn pf_lookup<T: PfTable + ?Sized>(v: &NumOrName, table: &T, what: &str) -> R<u32> {
    match v {
        NumOrName::Num(n) => Ok(*n),
        NumOrName::Name(s) => match table.find(s) {
            Some(n) => Ok(n),
            None => err(format!("unknown PF {what} \"{s}\"")),
        },
    }
}

trait PfTable {
    fn find(&self, name: &str) -> Option<u32>;
}

impl PfTable for [&str] {
    fn find(&self, name: &str) -> Option<u32> {
        self.iter().position(|n| n.eq_ignore_ascii_case(name)).map(|i| i as u32)
    }
}

impl PfTable for [(&str, u32)] {
    fn find(&self, name: &str) -> Option<u32> {
        self.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|&(_, v)| v)
    }
}
