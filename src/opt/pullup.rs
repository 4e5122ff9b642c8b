//! The or/and pull-ups (`or_pullup`, `and_pullup`).
//!
//! `a or b or c` over the same value compiles to a chain of tests whose true
//! edges meet. When a test of a *different* value sits in that chain
//! between tests of the original value, the pull-up moves the later test of
//! the original value up, ahead of the different one, so that jump threading
//! can then fold it. `and_pullup` is the mirror image on false edges.
//!
//! Order and data are 1.10.3's, warts included:
//! * all predecessors of the block must leave the same A value, and the walk
//!   starts from the block's *first* in-edge (the in-edge lists are those of
//!   this pass and are not updated as edges move);
//! * "`b` dominates the node" uses the dominators computed at the start of
//!   the pass, not recomputed after each pull-up (libpcap#945);
//! * when the pulled node goes to the top of the chain, every recorded
//!   in-edge of `b` is redirected: its true edge if that still points at
//!   `b`, otherwise its false edge;
//! * a pull-up counts as branch movement only (it clears `done`, never sets
//!   "non-branch movement"), which is what can make it oscillate with jump
//!   threading until the 100-pass guard (libpcap#112).
//!
//! Each walk follows one successor chain of an acyclic graph, so it ends.

use super::{A_ATOM, NONE, Opt};

/// A successor slot: the true or false successor of a block.
#[derive(Clone, Copy)]
struct Slot {
    block: u32,
    true_side: bool,
}

impl Opt {
    fn get(&self, s: Slot) -> u32 {
        let n = &self.g[s.block as usize];
        if s.true_side { n.jt } else { n.jf }
    }

    fn set(&mut self, s: Slot, v: u32) {
        let n = &mut self.g[s.block as usize];
        if s.true_side {
            n.jt = v;
        } else {
            n.jf = v;
        }
    }

    /// Successor of `b` on the chain side (false for or, true for and).
    fn chain(&self, b: u32, or: bool) -> u32 {
        let n = &self.g[b as usize];
        if or { n.jf } else { n.jt }
    }

    /// Successor of `b` on the shared side (true for or, false for and).
    fn shared(&self, b: u32, or: bool) -> u32 {
        let n = &self.g[b as usize];
        if or { n.jt } else { n.jf }
    }

    /// `or_pullup`.
    pub(crate) fn or_pullup(&mut self, b: u32) {
        self.pullup(b, true);
    }

    /// `and_pullup`.
    pub(crate) fn and_pullup(&mut self, b: u32) {
        self.pullup(b, false);
    }

    fn pullup(&mut self, b: u32, or: bool) {
        let ins = &self.in_edges[b as usize];
        let Some(&first) = ins.last() else { return };
        let val = self.val[self.pred(first) as usize][A_ATOM];
        if ins.iter().any(|&e| self.val[self.pred(e) as usize][A_ATOM] != val) {
            return;
        }
        let p0 = self.pred(first);
        let mut diff = Slot { block: p0, true_side: self.g[p0 as usize].jt == b };
        let shared_b = self.shared(b, or);
        let mut at_top = true;
        let dnode = loop {
            let d = self.get(diff);
            if d == NONE || self.shared(d, or) != shared_b || !self.dominates(b, d) {
                return;
            }
            if self.val[d as usize][A_ATOM] != val {
                break d;
            }
            diff = Slot { block: d, true_side: !or };
            at_top = false;
        };
        let mut same = Slot { block: dnode, true_side: !or };
        let pull = loop {
            let s = self.get(same);
            if s == NONE || self.shared(s, or) != shared_b || !self.dominates(b, s) {
                return;
            }
            if self.val[s as usize][A_ATOM] == val {
                break s;
            }
            same = Slot { block: s, true_side: !or };
        };
        let after = self.chain(pull, or);
        self.set(same, after);
        let d = self.get(diff);
        self.set(Slot { block: pull, true_side: !or }, d);
        if at_top {
            for i in 0..self.in_edges[b as usize].len() {
                let p = self.pred(self.in_edges[b as usize][i]);
                let true_side = self.g[p as usize].jt == b;
                self.set(Slot { block: p, true_side }, pull);
            }
        } else {
            self.set(diff, pull);
        }
        self.done = false;
    }
}
