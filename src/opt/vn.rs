//! Value numbering and statement simplification (`F`, `K`, `vstore`,
//! `opt_stmt`, `fold_op`).
//!
//! A value number names "the result of operation `code` on operands `v0`
//! and `v1`"; equal triples get equal numbers, so two loads of `[12]` in
//! different blocks get the same number within a pass. Number 0 means
//! "unknown". Numbers are handed out sequentially from a table that is
//! cleared at the start of every pass; the table is only ever looked up,
//! never iterated, so the hash function cannot influence the output. Loads
//! of immediates record their constant, which drives the folding below.
//!
//! With `alter` (the statement phase) `opt_stmt` also rewrites statements:
//! indirect loads at a constant X become absolute, loads of scratch words
//! holding constants become immediates, ALU operations on constants fold,
//! X operands that are constant become K operands, and a statement that
//! stores a value already present becomes a NOP (`vstore`, which like
//! libpcap does not count as a change). It does not delete stores whose
//! value is never read (that is `deadstores.rs`).
//!
//! Every function here is a single pass over one statement.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::{A_ATOM, N_ATOMS, Opt, X_ATOM};
use crate::bpf::insn::{self, consts::*};
use crate::ir::Stmt;

/// A small multiplicative hasher for the value table (keys are integers).
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// The value table of one pass.
#[derive(Default)]
pub(crate) struct Values {
    table: HashMap<(u32, u32, u32), u32, FxBuild>,
    /// Constant of each value number, if it is a constant (index 0 unused).
    consts: Vec<Option<u32>>,
}

impl Values {
    /// `init_val`.
    pub fn reset(&mut self) {
        self.table.clear();
        self.consts.clear();
        self.consts.push(None);
    }

    /// `F(code, v0, v1)`: the value number of an operation.
    pub fn f(&mut self, code: u16, v0: u32, v1: u32) -> u32 {
        let next = self.consts.len() as u32;
        let v = *self.table.entry((code as u32, v0, v1)).or_insert(next);
        if v == next {
            let is_imm =
                insn::mode(code) == IMM && (insn::class(code) == LD || insn::class(code) == LDX);
            self.consts.push(if is_imm { Some(v0) } else { None });
        }
        v
    }

    /// `K(k)`: the value number of a constant.
    pub fn k(&mut self, k: u32) -> u32 {
        self.f(LD | IMM | W, k, 0)
    }

    /// The constant a value number stands for, if any.
    pub fn constant(&self, v: u32) -> Option<u32> {
        self.consts.get(v as usize).copied().flatten()
    }
}

/// `vstore`: records `newval` in `slot`, or deletes the statement if the
/// slot already holds it (only when altering).
fn vstore(s: &mut Stmt, slot: &mut u32, newval: u32, alter: bool) {
    if alter && newval != 0 && *slot == newval {
        s.code = Stmt::NOP_CODE;
    } else {
        *slot = newval;
    }
}

impl Opt {
    /// `fold_op`: computes a constant ALU operation into `ld #result`.
    fn fold_op(&mut self, s: &mut Stmt, v0: u32, v1: u32) -> Result<(), String> {
        let a = self.vn.constant(v0).unwrap_or(0);
        let b = self.vn.constant(v1).unwrap_or(0);
        let r = match insn::op(s.code) {
            ADD => a.wrapping_add(b),
            SUB => a.wrapping_sub(b),
            MUL => a.wrapping_mul(b),
            DIV => {
                if b == 0 {
                    return Err("division by zero".into());
                }
                a / b
            }
            MOD => {
                if b == 0 {
                    return Err("modulus by zero".into());
                }
                a % b
            }
            AND => a & b,
            OR => a | b,
            XOR => a ^ b,
            LSH => {
                if b < 32 {
                    a << b
                } else {
                    0
                }
            }
            RSH => {
                if b < 32 {
                    a >> b
                } else {
                    0
                }
            }
            _ => return Err("internal error: unknown ALU operation".into()),
        };
        s.k = r;
        s.code = LD | IMM;
        self.changed();
        Ok(())
    }

    /// `opt_stmt`: value-numbers one statement, simplifying it if `alter`.
    pub(crate) fn opt_stmt(
        &mut self,
        s: &mut Stmt,
        val: &mut [u32; N_ATOMS],
        alter: bool,
    ) -> Result<(), String> {
        let code = s.code;
        if code == Stmt::NOP_CODE {
            return Ok(());
        }
        let mem = |k: u32| -> Result<usize, String> {
            if k < MEMWORDS {
                Ok(k as usize)
            } else {
                Err(format!("internal error: scratch word M[{k}] out of range"))
            }
        };
        match code {
            c if c == LD | ABS | W || c == LD | ABS | H || c == LD | ABS | B => {
                let v = self.vn.f(code, s.k, 0);
                vstore(s, &mut val[A_ATOM], v, alter);
            }
            c if c == LD | IND | W || c == LD | IND | H || c == LD | IND | B => {
                let xv = val[X_ATOM];
                let v = match self.vn.constant(xv) {
                    Some(x) if alter => {
                        s.code = LD | ABS | insn::size(code);
                        s.k = s.k.wrapping_add(x);
                        self.changed();
                        self.vn.f(s.code, s.k, 0)
                    }
                    _ => self.vn.f(code, s.k, xv),
                };
                vstore(s, &mut val[A_ATOM], v, alter);
            }
            c if c == LD | LEN => {
                let v = self.vn.f(code, 0, 0);
                vstore(s, &mut val[A_ATOM], v, alter);
            }
            c if c == LD | IMM => {
                let v = self.vn.k(s.k);
                vstore(s, &mut val[A_ATOM], v, alter);
            }
            c if c == LDX | IMM => {
                let v = self.vn.k(s.k);
                vstore(s, &mut val[X_ATOM], v, alter);
            }
            c if c == LDX | MSH | B => {
                let v = self.vn.f(code, s.k, 0);
                vstore(s, &mut val[X_ATOM], v, alter);
            }
            c if c == ALU | NEG => match self.vn.constant(val[A_ATOM]) {
                Some(a) if alter => {
                    s.code = LD | IMM;
                    s.k = 0u32.wrapping_sub(a);
                    val[A_ATOM] = self.vn.k(s.k);
                }
                _ => val[A_ATOM] = self.vn.f(code, val[A_ATOM], 0),
            },
            c if insn::class(c) == ALU && insn::src(c) == K && is_binary_op(c) => {
                let op = insn::op(code);
                if alter {
                    if s.k == 0 {
                        match op {
                            ADD | LSH | RSH | OR | XOR => {
                                s.code = Stmt::NOP_CODE;
                                return Ok(());
                            }
                            MUL | AND => {
                                s.code = LD | IMM;
                                val[A_ATOM] = self.vn.k(s.k);
                                return Ok(());
                            }
                            DIV => return Err("division by zero".into()),
                            MOD => return Err("modulus by zero".into()),
                            _ => {}
                        }
                    }
                    if self.vn.constant(val[A_ATOM]).is_some() {
                        let kv = self.vn.k(s.k);
                        self.fold_op(s, val[A_ATOM], kv)?;
                        val[A_ATOM] = self.vn.k(s.k);
                        return Ok(());
                    }
                }
                let kv = self.vn.k(s.k);
                val[A_ATOM] = self.vn.f(code, val[A_ATOM], kv);
            }
            c if insn::class(c) == ALU && insn::src(c) == X && is_binary_op(c) => {
                let op = insn::op(code);
                if alter && let Some(x) = self.vn.constant(val[X_ATOM]) {
                    if self.vn.constant(val[A_ATOM]).is_some() {
                        self.fold_op(s, val[A_ATOM], val[X_ATOM])?;
                        val[A_ATOM] = self.vn.k(s.k);
                    } else {
                        s.code = ALU | K | op;
                        s.k = x;
                        if (op == LSH || op == RSH) && s.k > 31 {
                            return Err("shift by more than 31 bits".into());
                        }
                        self.changed();
                        let kv = self.vn.k(s.k);
                        val[A_ATOM] = self.vn.f(s.code, val[A_ATOM], kv);
                    }
                    return Ok(());
                }
                if alter && self.vn.constant(val[A_ATOM]) == Some(0) {
                    match op {
                        ADD | OR | XOR => {
                            s.code = MISC | TXA;
                            let xv = val[X_ATOM];
                            vstore(s, &mut val[A_ATOM], xv, alter);
                            return Ok(());
                        }
                        MUL | DIV | MOD | AND | LSH | RSH => {
                            s.code = LD | IMM;
                            s.k = 0;
                            let kv = self.vn.k(0);
                            vstore(s, &mut val[A_ATOM], kv, alter);
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                val[A_ATOM] = self.vn.f(code, val[A_ATOM], val[X_ATOM]);
            }
            c if c == MISC | TXA => {
                let xv = val[X_ATOM];
                vstore(s, &mut val[A_ATOM], xv, alter);
            }
            c if c == LD | MEM => {
                let v = val[mem(s.k)?];
                if alter && let Some(cv) = self.vn.constant(v) {
                    s.code = LD | IMM;
                    s.k = cv;
                    self.changed();
                }
                vstore(s, &mut val[A_ATOM], v, alter);
            }
            c if c == MISC | TAX => {
                let av = val[A_ATOM];
                vstore(s, &mut val[X_ATOM], av, alter);
            }
            c if c == LDX | MEM => {
                let v = val[mem(s.k)?];
                if alter && let Some(cv) = self.vn.constant(v) {
                    s.code = LDX | IMM;
                    s.k = cv;
                    self.changed();
                }
                vstore(s, &mut val[X_ATOM], v, alter);
            }
            c if c == ST => {
                let av = val[A_ATOM];
                let m = mem(s.k)?;
                vstore(s, &mut val[m], av, alter);
            }
            c if c == STX => {
                let xv = val[X_ATOM];
                let m = mem(s.k)?;
                vstore(s, &mut val[m], xv, alter);
            }
            _ => {}
        }
        Ok(())
    }
}

/// The ten two-operand ALU operations libpcap's `opt_stmt` handles.
fn is_binary_op(code: u16) -> bool {
    matches!(insn::op(code), ADD | SUB | MUL | DIV | MOD | AND | OR | XOR | LSH | RSH)
}
