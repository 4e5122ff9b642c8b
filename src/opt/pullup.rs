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

/// What the pull-up walks read about a block, packed into 16 bytes: its
/// successors (kept in step with the graph during the pull-up phase), its
/// exit A value and its dominator-tree preorder number ([`ALWAYS`] for
/// blocks this pass did not reach, whose dominator set is "all").
#[derive(Clone, Copy, Default)]
pub(crate) struct PullNode {
    jt: u32,
    jf: u32,
    aval: u32,
    tin: u32,
}

impl Opt {
    fn get(&self, s: Slot) -> u32 {
        let n = &self.pull[s.block as usize];
        if s.true_side { n.jt } else { n.jf }
    }

    fn set(&mut self, s: Slot, v: u32) {
        let (n, p) = (&mut self.g[s.block as usize], &mut self.pull[s.block as usize]);
        if s.true_side {
            n.jt = v;
            p.jt = v;
        } else {
            n.jf = v;
            p.jf = v;
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

    /// Builds the per-pass [`PullNode`] table (after jump threading).
    pub(crate) fn prepare_pullups(&mut self) {
        let n = self.n;
        self.pull.clear();
        self.pull.extend((0..n).map(|x| PullNode {
            jt: self.g[x].jt,
            jf: self.g[x].jf,
            aval: self.val[x][A_ATOM],
            tin: if self.reach[x] { self.dom.tree.tin[x] } else { ALWAYS },
        }));
    }

    fn pullup(&mut self, b: u32, or: bool) {
        let ins = &self.in_edges[b as usize];
        let Some(&first) = ins.last() else { return };
        let pn = &self.pull;
        let val = pn[self.pred(first) as usize].aval;
        if ins.iter().any(|&e| pn[self.pred(e) as usize].aval != val) {
            return;
        }
        // "b dominates x", as an interval test on b's dominator subtree.
        let (lo, hi) = (self.dom.tree.tin[b as usize], self.dom.tree.tout[b as usize]);
        let in_subtree = |t: u32| t == ALWAYS || (lo <= t && t <= hi);
        // (chain successor, shared successor, exit A, dominated by b).
        let step = |x: u32| {
            let n = &pn[x as usize];
            let (chain, shared) = if or { (n.jf, n.jt) } else { (n.jt, n.jf) };
            (chain, shared, n.aval, in_subtree(n.tin))
        };
        let shared_b = step(b).1;
        let p0 = self.pred(first);
        let mut diff = Slot { block: p0, true_side: pn[p0 as usize].jt == b };
        let mut at_top = true;
        let mut d = self.get(diff);
        let dnode = loop {
            if d == NONE {
                return;
            }
            let (next, shared, a, dominated) = step(d);
            if shared != shared_b || !dominated {
                return;
            }
            if a != val {
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
            let (next, shared, a, dominated) = step(s);
            if shared != shared_b || !dominated {
                return;
            }
            if a == val {
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
                let true_side = self.pull[p as usize].jt == b;
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
