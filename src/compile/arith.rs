//! Packet accessors (`proto[index:size]`), arithmetic, `len`, and
//! relations between arithmetic expressions.
//!
//! Every value lives in a scratch register: a constant is `ld #k; st M[r]`,
//! a binary operation reloads both operands into X and A and stores the
//! result in a fresh register. The register numbers are visible in the
//! output, so the allocation order follows libpcap exactly: a load
//! allocates its result register before freeing the index register, and a
//! binary operation frees both operands before allocating its result.

use super::link::Which;
use super::*;
use crate::syntax::ast::{Arith, ArithKind, BinOp, RelOp};

/// An arithmetic value under construction (libpcap's `struct arth`).
pub(crate) struct Arth {
    /// Protocol checks the value depends on.
    pub b: Option<Bx>,
    /// Statements computing it.
    pub s: Vec<Stmt>,
    /// The register holding it.
    pub regno: u32,
}

impl Gen<'_> {
    fn lower_arith(&mut self, a: &Arith) -> R<Arth> {
        match &a.kind {
            ArithKind::Num(v) => self.loadi(*v),
            ArithKind::Len => {
                let r = self.alloc_reg()?;
                Ok(Arth { b: None, s: vec![st(LD | LEN | W, 0), st(ST, r)], regno: r })
            }
            ArithKind::Neg(inner) => {
                let mut x = self.lower_arith(inner)?;
                x.s.push(st(LD | MEM, x.regno));
                x.s.push(st(ALU | NEG, 0));
                x.s.push(st(ST, x.regno));
                Ok(x)
            }
            ArithKind::Bin(op, l, r) => {
                let a0 = self.lower_arith(l)?;
                let a1 = self.lower_arith(r)?;
                with_span(self.arth(*op, a0, a1), a.span)
            }
            ArithKind::Load { proto, index, size } => {
                let inst = self.lower_arith(index)?;
                with_span(self.gen_load(*proto, inst, size.unwrap_or(1)), a.span)
            }
        }
    }

    /// `gen_loadi` for other generators.
    pub(super) fn loadi_pub(&mut self, v: u32) -> R<Arth> {
        self.loadi(v)
    }

    /// `link[idx:1] = val` (SLIP direction).
    pub(super) fn slip_dir(&mut self, idx: Arth, val: Arth) -> R<Bx> {
        let a0 = self.gen_load(Proto::Link, idx, 1)?;
        self.relation(JEQ, a0, val, false)
    }

    fn loadi(&mut self, v: u32) -> R<Arth> {
        let r = self.alloc_reg()?;
        Ok(Arth { b: None, s: vec![st(LD | IMM, v), st(ST, r)], regno: r })
    }

    fn arth(&mut self, op: BinOp, mut a0: Arth, a1: Arth) -> R<Arth> {
        let first = a1.s.first().copied();
        let is_const =
            |k: &dyn Fn(u32) -> bool| matches!(first, Some(s) if s.code == LD | IMM && k(s.k));
        let code = match op {
            BinOp::Add => ADD,
            BinOp::Sub => SUB,
            BinOp::Mul => MUL,
            BinOp::Div => {
                if is_const(&|k| k == 0) {
                    return err("division by zero");
                }
                DIV
            }
            BinOp::Mod => {
                if is_const(&|k| k == 0) {
                    return err("modulus by zero");
                }
                MOD
            }
            BinOp::And => AND,
            BinOp::Or => OR,
            BinOp::Xor => XOR,
            BinOp::Lsh | BinOp::Rsh => {
                if is_const(&|k| k > 31) {
                    return err("shift by more than 31 bits");
                }
                if op == BinOp::Lsh { LSH } else { RSH }
            }
        };
        append_stmts(&mut a0.s, a1.s);
        a0.s.push(st(LDX | MEM, a1.regno));
        a0.s.push(st(LD | MEM, a0.regno));
        a0.s.push(st(ALU | code | X, 0));
        self.free_reg(a0.regno);
        self.free_reg(a1.regno);
        let r = self.alloc_reg()?;
        a0.s.push(st(ST, r));
        a0.regno = r;
        Ok(a0)
    }

    /// `gen_load`: `proto[inst : size]`.
    fn gen_load(&mut self, proto: Proto, mut inst: Arth, size: u32) -> R<Arth> {
        let Some(sz) = size_code(size) else {
            return err("data size must be 1, 2, or 4");
        };
        let regno = self.alloc_reg()?;
        self.free_reg(inst.regno);
        let xfer_x = st(LDX | MEM, inst.regno);
        let xfer_a = st(LD | MEM, inst.regno);
        // Index plus a variable base: `ldx M[base]; ld M[idx]; add x; tax`.
        let with_var = |v: Option<Stmt>| -> Vec<Stmt> {
            match v {
                Some(v) => vec![v, xfer_a, st(ALU | ADD | X, 0), st(MISC | TAX, 0)],
                None => vec![xfer_x],
            }
        };
        match proto {
            Proto::Radio => {
                if !matches!(
                    self.linktype,
                    Dlt::IEEE802_11_RADIO_AVS | Dlt::IEEE802_11_RADIO | Dlt::PRISM_HEADER
                ) {
                    return err("radio information not present in capture");
                }
                inst.s.push(xfer_x);
                inst.s.push(st(LD | IND | sz, 0));
            }
            Proto::Link => {
                let v = self.varpart(Which::LinkHdr)?;
                let mut s = with_var(v);
                s.push(st(LD | IND | sz, self.off_linkhdr.constant));
                inst.s.extend(s);
            }
            Proto::Ip
            | Proto::Arp
            | Proto::Rarp
            | Proto::Atalk
            | Proto::Decnet
            | Proto::Sca
            | Proto::Lat
            | Proto::Moprc
            | Proto::Mopdl
            | Proto::Ip6 => {
                let v = self.varpart(Which::LinkPl)?;
                let mut s = with_var(v);
                s.push(st(LD | IND | sz, self.off_linkpl.constant.wrapping_add(self.off_nl)));
                inst.s.extend(s);
                let b = self.gen_proto_abbrev(proto)?;
                let b = match inst.b.take() {
                    Some(ib) => self.and(ib, b),
                    None => b,
                };
                inst.b = Some(b);
            }
            Proto::Sctp
            | Proto::Tcp
            | Proto::Udp
            | Proto::Icmp
            | Proto::Igmp
            | Proto::Igrp
            | Proto::Pim
            | Proto::Vrrp
            | Proto::Carp => {
                let mut s = self.loadx_iphdrlen()?;
                s.push(xfer_a);
                s.push(st(ALU | ADD | X, 0));
                s.push(st(MISC | TAX, 0));
                s.push(st(LD | IND | sz, self.off_linkpl.constant.wrapping_add(self.off_nl)));
                inst.s.extend(s);
                let pb = self.gen_proto_abbrev(proto)?;
                let fb = self.ipfrag()?;
                let b = self.and(pb, fb);
                let b = match inst.b.take() {
                    Some(ib) => self.and(ib, b),
                    None => b,
                };
                let ipb = self.gen_proto_abbrev(Proto::Ip)?;
                inst.b = Some(self.and(ipb, b));
            }
            Proto::Icmp6 => {
                let b0 = self.linktype(super::link::eth::IPV6)?;
                let b1 = self.cmp(OffRel::LinkPl, 6, B, 58)?;
                let b = self.and(b0, b1);
                let v = self.varpart(Which::LinkPl)?;
                let mut s = with_var(v);
                s.push(st(
                    LD | IND | sz,
                    self.off_linkpl.constant.wrapping_add(self.off_nl).wrapping_add(40),
                ));
                inst.s.extend(s);
                let b = match inst.b.take() {
                    Some(ib) => self.and(ib, b),
                    None => b,
                };
                inst.b = Some(b);
            }
            _ => return err("unsupported index operation"),
        }
        inst.regno = regno;
        inst.s.push(st(ST, regno));
        Ok(inst)
    }

    /// `gen_relation` on two arithmetic expressions.
    pub(super) fn gen_relation_ast(&mut self, op: RelOp, l: &Arith, r: &Arith) -> R<Bx> {
        let a0 = self.lower_arith(l)?;
        let a1 = self.lower_arith(r)?;
        let (code, reversed) = match op {
            RelOp::Gt => (JGT, false),
            RelOp::Ge => (JGE, false),
            RelOp::Eq => (JEQ, false),
            RelOp::Le => (JGT, true),
            RelOp::Lt => (JGE, true),
            RelOp::Ne => (JEQ, true),
        };
        self.relation(code, a0, a1, reversed)
    }

    fn relation(&mut self, code: u16, a0: Arth, a1: Arth, reversed: bool) -> R<Bx> {
        let mut s = a0.s;
        append_stmts(&mut s, a1.s);
        s.push(st(LDX | MEM, a1.regno));
        s.push(st(LD | MEM, a0.regno));
        let b = if code == JEQ {
            s.push(st(ALU | SUB | X, 0));
            self.blk(s, jmp(JEQ), 0)
        } else {
            self.blk(s, JMP | code | X, 0)
        };
        let b = if reversed { Gen::not(b) } else { b };
        self.free_reg(a0.regno);
        self.free_reg(a1.regno);
        let tmp = match (a0.b, a1.b) {
            (Some(x), Some(y)) => Some(self.and(x, y)),
            (Some(x), None) => Some(x),
            (None, y) => y,
        };
        Ok(match tmp {
            Some(t) => self.and(t, b),
            None => b,
        })
    }
}
