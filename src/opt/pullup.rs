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
//! It does not check data dependencies between the pulled node and the
//! nodes it jumps over (libpcap relies on code generation never producing
//! them, and so do we).
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

    /// `or_pullup`.
    pub(crate) fn or_pullup(&mut self, b: u32) {
        self.pullup(b, true);
    }

    /// `and_pullup`.
    pub(crate) fn and_pullup(&mut self, b: u32) {
        self.pullup(b, false);
    }

    /// Per-pass compact copies of what the pull-up walks read: each node's
    /// exit A value and its dominator-tree preorder number ([`ALWAYS`] for
    /// blocks this pass did not reach, whose dominator set is "all").
    pub(crate) fn prepare_pullups(&mut self) {
        let n = self.n;
        self.pull_aval.clear();
        self.pull_aval.extend(self.val.iter().map(|v| v[A_ATOM]));
        self.pull_tin.clear();
        self.pull_tin
            .extend((0..n).map(|x| if self.reach[x] { self.dom.tree.tin[x] } else { ALWAYS }));
    }

    fn pullup(&mut self, b: u32, or: bool) {
        let ins = &self.in_edges[b as usize];
        let Some(&first) = ins.last() else { return };
        let aval = &self.pull_aval;
        let val = aval[self.pred(first) as usize];
        if ins.iter().any(|&e| aval[self.pred(e) as usize] != val) {
            return;
        }
        // "b dominates x", as an interval test on b's dominator subtree.
        let (lo, hi) = (self.dom.tree.tin[b as usize], self.dom.tree.tout[b as usize]);
        let tin = &self.pull_tin;
        let dominated = |x: u32| {
            let t = tin[x as usize];
            t == ALWAYS || (lo <= t && t <= hi)
        };
        let g = &self.g;
        // (chain successor, shared successor) of a node.
        let step = |x: u32| {
            let n = &g[x as usize];
            if or { (n.jf, n.jt) } else { (n.jt, n.jf) }
        };
        let shared_b = step(b).1;
        let p0 = self.pred(first);
        let mut diff = Slot { block: p0, true_side: g[p0 as usize].jt == b };
        let mut at_top = true;
        let mut d = self.get(diff);
        let dnode = loop {
            if d == NONE {
                return;
            }
            let (next, shared) = step(d);
            if shared != shared_b || !dominated(d) {
                return;
            }
            if aval[d as usize] != val {
                break d;
            }
            diff = Slot { block: d, true_side: !or };
            at_top = false;
            d = next;
        };
        let mut same = Slot { block: dnode, true_side: !or };
        let mut s = step(dnode).0;
        let pull = loop {
            if s == NONE {
                return;
            }
            let (next, shared) = step(s);
            if shared != shared_b || !dominated(s) {
                return;
            }
            if aval[s as usize] == val {
                break s;
            }
            same = Slot { block: s, true_side: !or };
            s = next;
        };
        let after = step(pull).0;
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

/// [`Opt::prepare_pullups`]'s mark for "dominated by every block".
const ALWAYS: u32 = u32::MAX - 1;
