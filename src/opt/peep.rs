//! Peephole rewrites of one block (`opt_peep`), run in both phases.
//!
//! Inside the statement list (NOPs skipped):
//! * `st M[k]; ldx M[k]` becomes `st M[k]; tax`;
//! * `ld #k; tax` becomes `ldx #k; txa`;
//! * the `tcp[k]` special case `ld #k; [ldxb ..]; add x; tax; ld [x+o]`
//!   becomes `[ldxb ..]; ld [x+o+k]` when X is not live on exit.
//!
//! At the branch, when A is not live on exit and the branch is `jeq #k`,
//! the last statement folds into it (`sub x` with X constant, `sub x` against
//! 0 becoming `jeq x`, `sub #c`, and `and #m; jeq #0` becoming `jset #m` with
//! the successors swapped). Then `jset #0` never jumps, `jset #0xffffffff`
//! is taken to always jump (a bug in 1.10.3, kept: `link[0:1] & 0xffffffff
//! != 0` accepts everything), a constant X operand becomes `#k`, and a branch
//! on a constant A is decided (both successors set to the taken one).
//!
//! Like libpcap it returns at once for a block with an empty statement list,
//! and "the last statement" is the first list entry when the block holds
//! fewer than two live statements (even if that entry is a NOP).
//!
//! It does not look across blocks, and it does not update the value
//! numbers after a rewrite (libpcap does not either); the next pass sees the
//! rewritten code.
//!
//! One forward scan over the statements, so it terminates.

use super::{A_ATOM, Opt, X_ATOM};
use crate::bpf::insn::{self, consts::*};
use crate::ir::Stmt;

/// The first live statement at or after `i`.
fn this_op(stmts: &[Stmt], mut i: usize) -> Option<usize> {
    while i < stmts.len() {
        if !stmts[i].is_nop() {
            return Some(i);
        }
        i += 1;
    }
    None
}

impl Opt {
    /// `opt_peep`.
    pub(crate) fn opt_peep(&mut self, b: u32) {
        let bi = b as usize;
        if self.g[bi].stmts.is_empty() {
            return;
        }
        let x_live = self.out_use[bi] & (1 << X_ATOM) != 0;
        let a_live = self.out_use[bi] & (1 << A_ATOM) != 0;
        let mut changed = false;
        let mut last = 0usize;
        {
            let stmts = &mut self.g[bi].stmts;
            let mut cur = 0usize;
            while let Some(s) = this_op(stmts, cur) {
                let Some(next) = this_op(stmts, s + 1) else { break };
                last = next;
                cur = next;
                if stmts[s].code == ST
                    && stmts[next].code == LDX | MEM
                    && stmts[s].k == stmts[next].k
                {
                    changed = true;
                    stmts[next].code = MISC | TAX;
                }
                if stmts[s].code == LD | IMM && stmts[next].code == MISC | TAX {
                    stmts[s].code = LDX | IMM;
                    stmts[next].code = MISC | TXA;
                    changed = true;
                }
                if stmts[s].code == LD | IMM {
                    if x_live {
                        continue;
                    }
                    let add = if stmts[next].code != LDX | MSH | B {
                        Some(next)
                    } else {
                        this_op(stmts, next + 1)
                    };
                    let Some(add) = add.filter(|&a| stmts[a].code == ALU | ADD | X) else {
                        continue;
                    };
                    let Some(tax) =
                        this_op(stmts, add + 1).filter(|&t| stmts[t].code == MISC | TAX)
                    else {
                        continue;
                    };
                    let Some(ild) = this_op(stmts, tax + 1).filter(|&l| {
                        insn::class(stmts[l].code) == LD && insn::mode(stmts[l].code) == IND
                    }) else {
                        continue;
                    };
                    stmts[ild].k = stmts[ild].k.wrapping_add(stmts[s].k);
                    stmts[s].code = Stmt::NOP_CODE;
                    stmts[add].code = Stmt::NOP_CODE;
                    stmts[tax].code = Stmt::NOP_CODE;
                    changed = true;
                }
            }
        }
        if changed {
            self.changed();
        }

        let xval = self.val[bi][X_ATOM];
        let aval = self.val[bi][A_ATOM];
        let xconst = self.vn.constant(xval);
        let aconst = self.vn.constant(aval);
        let node = &mut self.g[bi];
        let mut changed = false;
        if node.code == JMP | JEQ | K && !a_live {
            let l = node.stmts[last];
            if l.code == ALU | SUB | X {
                if let Some(x) = xconst {
                    node.k = node.k.wrapping_add(x);
                    node.stmts[last].code = Stmt::NOP_CODE;
                    changed = true;
                } else if node.k == 0 {
                    node.stmts[last].code = Stmt::NOP_CODE;
                    node.code = JMP | JEQ | X;
                    changed = true;
                }
            } else if l.code == ALU | SUB | K {
                node.stmts[last].code = Stmt::NOP_CODE;
                node.k = node.k.wrapping_add(l.k);
                changed = true;
            } else if l.code == ALU | AND | K && node.k == 0 {
                node.k = l.k;
                node.code = JMP | K | JSET;
                node.stmts[last].code = Stmt::NOP_CODE;
                changed = true;
                std::mem::swap(&mut node.jt, &mut node.jf);
            }
        }
        if node.code == JMP | K | JSET {
            if node.k == 0 {
                node.jt = node.jf;
            }
            if node.k == 0xffff_ffff {
                node.jf = node.jt;
            }
        }
        if let Some(x) = xconst
            && insn::src(node.code) == X
        {
            node.code &= !X;
            node.k = x;
        }
        if let Some(a) = aconst
            && insn::src(node.code) == K
            && insn::class(node.code) == JMP
        {
            let k = node.k;
            let taken = match insn::op(node.code) {
                JEQ => a == k,
                JGT => a > k,
                JGE => a >= k,
                JSET => a & k != 0,
                _ => return,
            };
            if node.jf != node.jt {
                changed = true;
            }
            if taken {
                node.jf = node.jt;
            } else {
                node.jt = node.jf;
            }
        }
        if changed {
            self.changed();
        }
    }
}
