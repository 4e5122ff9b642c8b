//! Per-pass analyses: levels, use/def sets and in-edge lists.
//!
//! * `find_levels` walks the graph from the root depth-first, true successor
//!   first, and gives each block a level: 0 for returns, else one more than
//!   the higher of its successors. libpcap builds each level's list by
//!   *prepending* blocks as the walk finishes them; every later walk "by
//!   level" follows that list order, so we reproduce it exactly (finish
//!   order, reversed).
//! * `find_ud` computes, per block, the atoms (scratch words, A, X) it
//!   defines, kills and uses before defining, and then, bottom-up, the
//!   atoms live on exit (`out_use`) and on entry (`in_use`). As in libpcap
//!   the final `ret a` does not count as a use of A.
//! * `find_inedges` links each edge into its successor's in-edge list,
//!   walking the level lists top-down, true edge before false edge, each
//!   link prepending. The lists are not updated when edges move later in
//!   the pass: 1.10.3 works on stale lists too.
//!
//! None of them changes the graph. `find_closure`, which libpcap computes
//! here but never reads, is not computed at all.
//!
//! The walks are iterative, so deep graphs cannot overflow the stack. Each
//! visits every reachable block once, so each terminates.

use super::{A_ATOM, N_ATOMS, NONE, Opt, X_ATOM};
use crate::bpf::insn::{self, consts::*};
use crate::ir::Stmt;

/// "Uses both A and X" (an ALU or jump with an X operand).
pub(crate) const AX_ATOM: i32 = N_ATOMS as i32;

/// The atom a statement reads (libpcap's `atomuse`), -1 for none.
pub(crate) fn atomuse(code: u16, k: u32) -> i32 {
    if code == Stmt::NOP_CODE {
        return -1;
    }
    match insn::class(code) {
        RET => match insn::rval(code) {
            A => A_ATOM as i32,
            X => X_ATOM as i32,
            _ => -1,
        },
        LD | LDX => match insn::mode(code) {
            IND => X_ATOM as i32,
            MEM => k as i32,
            _ => -1,
        },
        ST => A_ATOM as i32,
        STX => X_ATOM as i32,
        JMP | ALU => {
            if insn::src(code) == X {
                AX_ATOM
            } else {
                A_ATOM as i32
            }
        }
        _ => {
            if insn::miscop(code) == TXA {
                X_ATOM as i32
            } else {
                A_ATOM as i32
            }
        }
    }
}

/// The atom a statement writes (libpcap's `atomdef`), -1 for none.
pub(crate) fn atomdef(code: u16, k: u32) -> i32 {
    if code == Stmt::NOP_CODE {
        return -1;
    }
    match insn::class(code) {
        LD | ALU => A_ATOM as i32,
        LDX => X_ATOM as i32,
        ST | STX => k as i32,
        MISC => {
            if insn::miscop(code) == TAX {
                X_ATOM as i32
            } else {
                A_ATOM as i32
            }
        }
        _ => -1,
    }
}

/// Bit of an atom in an atom set (atoms beyond the set are ignored).
pub(crate) fn atom_bit(atom: i32) -> u32 {
    if (0..32).contains(&atom) { 1u32 << atom } else { 0 }
}

impl Opt {
    /// `find_levels`.
    pub(crate) fn find_levels(&mut self) {
        let n = self.n;
        self.reach.clear();
        self.reach.resize(n, false);
        let mut finished: Vec<Vec<u32>> = Vec::new();
        // (block, children pushed)
        let mut stack: Vec<(u32, bool)> = vec![(self.root, false)];
        while let Some((b, expanded)) = stack.pop() {
            let bi = b as usize;
            let node = &self.g[bi];
            if expanded {
                let level = if node.is_leaf() {
                    0
                } else {
                    self.level[node.jt as usize].max(self.level[node.jf as usize]) + 1
                };
                self.level[bi] = level;
                let l = level as usize;
                if finished.len() <= l {
                    finished.resize(l + 1, Vec::new());
                }
                finished[l].push(b);
                continue;
            }
            if self.reach[bi] {
                continue;
            }
            self.reach[bi] = true;
            stack.push((b, true));
            if !node.is_leaf() {
                stack.push((node.jf, false));
                stack.push((node.jt, false));
            }
        }
        for l in finished.iter_mut() {
            l.reverse();
        }
        // Levels above the root's cannot exist; empty ones in between can.
        let top = self.level[self.root as usize] as usize;
        finished.truncate(top + 1);
        self.levels = finished;
    }

    /// `compute_local_ud` for one block.
    fn local_ud(&mut self, b: usize) {
        let (mut def, mut used, mut killed) = (0u32, 0u32, 0u32);
        let add_use = |atom: i32, def: u32, used: &mut u32| {
            if atom == AX_ATOM {
                if def & atom_bit(X_ATOM as i32) == 0 {
                    *used |= atom_bit(X_ATOM as i32);
                }
                if def & atom_bit(A_ATOM as i32) == 0 {
                    *used |= atom_bit(A_ATOM as i32);
                }
            } else if atom >= 0 && def & atom_bit(atom) == 0 {
                *used |= atom_bit(atom);
            }
        };
        let node = &self.g[b];
        for s in &node.stmts {
            if s.is_nop() {
                continue;
            }
            add_use(atomuse(s.code, s.k), def, &mut used);
            let d = atomdef(s.code, s.k);
            if d >= 0 {
                if used & atom_bit(d) == 0 {
                    killed |= atom_bit(d);
                }
                def |= atom_bit(d);
            }
        }
        if insn::class(node.code) == JMP {
            add_use(atomuse(node.code, node.k), def, &mut used);
        }
        self.def[b] = def;
        self.kill[b] = killed;
        self.in_use[b] = used;
    }

    /// `find_ud`.
    pub(crate) fn find_ud(&mut self) {
        for lev in (0..self.levels.len()).rev() {
            for i in 0..self.levels[lev].len() {
                let b = self.levels[lev][i] as usize;
                self.local_ud(b);
                self.out_use[b] = 0;
            }
        }
        for lev in 1..self.levels.len() {
            for &b in &self.levels[lev] {
                let b = b as usize;
                let (jt, jf) = (self.g[b].jt as usize, self.g[b].jf as usize);
                self.out_use[b] |= self.in_use[jt] | self.in_use[jf];
                self.in_use[b] |= self.out_use[b] & !self.kill[b];
            }
        }
    }

    /// `find_inedges`.
    pub(crate) fn find_inedges(&mut self) {
        for l in self.in_edges.iter_mut() {
            l.clear();
        }
        let n = self.n as u32;
        for lev in (1..self.levels.len()).rev() {
            for &b in &self.levels[lev] {
                let node = &self.g[b as usize];
                if node.jt != NONE {
                    self.in_edges[node.jt as usize].push(b);
                }
                if node.jf != NONE {
                    self.in_edges[node.jf as usize].push(n + b);
                }
            }
        }
    }
}
