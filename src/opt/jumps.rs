//! Jump threading (`opt_j`, `fold_edge`, `use_conflict`).
//!
//! For an edge `pred -> succ`:
//! * if `succ`'s two successors are the same block and no atom live out of
//!   that block differs between `pred` and it, the edge skips `succ`. Like
//!   1.10.3 this ignores what `succ` itself computes for that block
//!   (libpcap#1670: `vxlan and arp`);
//! * otherwise, each edge `d` that dominates the edge may decide `succ`'s
//!   branch (`fold_edge`): when `succ` branches with the same opcode on the
//!   same value of A as `d`'s block, equal operands mean `succ` goes the way
//!   `d` went, and a taken `jeq #k` against a different constant means
//!   `succ` fails. libpcap scans the dominator bitset lowest edge id first
//!   and takes the first candidate whose target has no use conflict; after
//!   a move it rescans from the start unless the target is a return.
//!
//! We get the same answer without a bitset scan. A dominating edge can only
//! send the edge to `succ`'s true successor (a true edge with the same
//! opcode, A value and operand) or to its false successor (a false edge
//! with the same opcode, A value and operand, or a true `jeq #k` edge with
//! the same A value and another operand). So [`JumpIndex`] answers "the
//! lowest-id dominating edge of each of these three kinds", and the first
//! acceptable move is the lower of the (at most two) acceptable targets'
//! answers. The dominating edges of `e` are `e`'s ancestor chain in the edge
//! dominator forest (`dom.rs`); for each kind we keep the edges of that kind
//! sorted by preorder number, find the deepest one that is an ancestor of
//! `e` and read a minimum precomputed along same-kind ancestor chains.
//!
//! It does not re-run value numbering or recompute dominators after a
//! move; later edges in the same pass see the stale analyses, as in
//! libpcap.
//!
//! Why it terminates: every move replaces `succ` by one of its successors,
//! so the edge only ever moves down the acyclic graph.

use std::collections::HashMap;

use super::vn::FxBuild;
use super::{A_ATOM, N_ATOMS, NONE, Opt};
use crate::bpf::insn::consts::*;

/// "Same opcode, same A value, same sense, same operand".
type Key4 = (u16, u32, bool, u32);

/// Per-pass index of the dominating edges by the way they can fold a branch.
#[derive(Default)]
pub(crate) struct JumpIndex {
    /// Edges of each [`Key4`], in preorder.
    lists4: HashMap<Key4, Vec<u32>, FxBuild>,
    /// True `jeq #k` edges by A value, in preorder.
    lists3: HashMap<u32, Vec<u32>, FxBuild>,
    /// Nearest proper ancestor with the same key (per family).
    up4: Vec<u32>,
    up3: Vec<u32>,
    /// Lowest id on the same-key ancestor chain (self included).
    min4: Vec<u32>,
    /// Lowest (id, operand) on the chain, and the lowest with an operand
    /// other than that one's.
    best3: Vec<[(u32, u32); 2]>,
}

/// Builds the deepest-same-key-ancestor links of one list.
fn chain_links(list: &[u32], tin: &[u32], tout: &[u32], up: &mut [u32], stack: &mut Vec<u32>) {
    stack.clear();
    for &e in list {
        let t = tin[e as usize];
        while let Some(&top) = stack.last() {
            if tout[top as usize] < t {
                stack.pop();
            } else {
                break;
            }
        }
        up[e as usize] = stack.last().copied().unwrap_or(NONE);
        stack.push(e);
    }
}

/// The deepest edge of `list` that is an ancestor of (or is) `v`.
fn deepest(list: &[u32], up: &[u32], tin: &[u32], tout: &[u32], v: u32) -> u32 {
    let t = tin[v as usize];
    let i = list.partition_point(|&e| tin[e as usize] <= t);
    if i == 0 {
        return NONE;
    }
    let mut w = list[i - 1];
    while w != NONE && tout[w as usize] < t {
        w = up[w as usize];
    }
    w
}

impl Opt {
    /// The [`Key4`] of a dominating edge.
    fn key4(&self, d: u32) -> Key4 {
        let p = self.pred(d) as usize;
        (self.g[p].code, self.val[p][A_ATOM], self.is_true_edge(d), self.oval[p])
    }

    /// Builds this pass's [`JumpIndex`] (after value numbering).
    pub(crate) fn build_jump_index(&mut self) {
        let mut ix = std::mem::take(&mut self.jix);
        let size = 2 * self.n;
        ix.lists4.clear();
        ix.lists3.clear();
        for v in [&mut ix.up4, &mut ix.up3, &mut ix.min4] {
            v.clear();
            v.resize(size, NONE);
        }
        ix.best3.clear();
        ix.best3.resize(size, [(NONE, 0); 2]);
        let tree = &self.edom.tree;
        for &e in &tree.pre {
            let key = self.key4(e);
            ix.lists4.entry(key).or_default().push(e);
            if key.0 == JMP | JEQ | K && key.2 {
                ix.lists3.entry(key.1).or_default().push(e);
            }
        }
        let mut stack = Vec::new();
        for list in ix.lists4.values() {
            chain_links(list, &tree.tin, &tree.tout, &mut ix.up4, &mut stack);
            for &e in list {
                let up = ix.up4[e as usize];
                ix.min4[e as usize] = if up == NONE { e } else { e.min(ix.min4[up as usize]) };
            }
        }
        for list in ix.lists3.values() {
            chain_links(list, &tree.tin, &tree.tout, &mut ix.up3, &mut stack);
            for &e in list {
                let up = ix.up3[e as usize];
                let me = (e, self.oval[self.pred(e) as usize]);
                let cands = if up == NONE {
                    [me, (NONE, 0), (NONE, 0)]
                } else {
                    let [b1, b2] = ix.best3[up as usize];
                    [me, b1, b2]
                };
                let best1 = *cands.iter().min_by_key(|c| c.0).unwrap_or(&me);
                let best2 = cands
                    .iter()
                    .filter(|c| c.0 != NONE && c.1 != best1.1)
                    .min_by_key(|c| c.0)
                    .copied()
                    .unwrap_or((NONE, 0));
                ix.best3[e as usize] = [best1, best2];
            }
        }
        self.jix = ix;
    }

    /// Lowest id among `e`'s dominating edges with key `key`.
    fn lowest4(&self, e: u32, key: Key4) -> u32 {
        let ix = &self.jix;
        let Some(list) = ix.lists4.get(&key) else { return NONE };
        let t = &self.edom.tree;
        let w = deepest(list, &ix.up4, &t.tin, &t.tout, e);
        if w == NONE { NONE } else { ix.min4[w as usize] }
    }

    /// Lowest id among `e`'s dominating true `jeq #k` edges leaving A value
    /// `aval` whose operand is not `oval`.
    fn lowest3(&self, e: u32, aval: u32, oval: u32) -> u32 {
        let ix = &self.jix;
        let Some(list) = ix.lists3.get(&aval) else { return NONE };
        let t = &self.edom.tree;
        let w = deepest(list, &ix.up3, &t.tin, &t.tout, e);
        if w == NONE {
            return NONE;
        }
        let [b1, b2] = ix.best3[w as usize];
        if b1.1 != oval { b1.0 } else { b2.0 }
    }

    /// `use_conflict`: does any atom live out of `succ` hold a different
    /// value in `b`?
    pub(crate) fn use_conflict(&self, b: u32, succ: u32) -> bool {
        let used = self.out_use[succ as usize];
        if used == 0 {
            return false;
        }
        let (vb, vs) = (&self.val[b as usize], &self.val[succ as usize]);
        (0..N_ATOMS).any(|a| used & (1 << a) != 0 && vb[a] != vs[a])
    }

    /// `fold_edge`: where `child` goes, given that dominating edge `d` was
    /// taken; [`NONE`] if that is not known. (Used to check the index.)
    fn fold_edge(&self, child: u32, d: u32) -> u32 {
        let dp = self.pred(d) as usize;
        let c = &self.g[child as usize];
        let code = self.g[dp].code;
        let ci = child as usize;
        if c.code != code || self.val[ci][A_ATOM] != self.val[dp][A_ATOM] {
            return NONE;
        }
        let sense = self.is_true_edge(d);
        if self.oval[ci] == self.oval[dp] {
            return if sense { c.jt } else { c.jf };
        }
        if sense && code == JMP | JEQ | K {
            return c.jf;
        }
        NONE
    }

    /// libpcap's scan, literally: the target of the lowest-id dominating
    /// edge whose fold has no use conflict. Debug builds check the index
    /// against it.
    fn naive_fold(&self, e: u32, child: u32) -> u32 {
        let pred = self.pred(e);
        let mut best = (NONE, NONE);
        let mut d = e;
        while d != NONE {
            let t = self.fold_edge(child, d);
            if t != NONE && d < best.0 && !self.use_conflict(pred, t) {
                best = (d, t);
            }
            d = self.edom.tree.parent[d as usize];
        }
        best.1
    }

    /// `opt_j` on edge `e`.
    pub(crate) fn opt_j(&mut self, e: u32) {
        let pred = self.pred(e);
        let mut child = self.succ(e);
        if self.g[child as usize].is_leaf() {
            return;
        }
        let (cjt, cjf) = (self.g[child as usize].jt, self.g[child as usize].jf);
        if cjt == cjf && !self.use_conflict(pred, cjt) {
            self.changed();
            child = cjt;
            self.set_succ(e, child);
        }
        loop {
            let c = &self.g[child as usize];
            if c.is_leaf() {
                return;
            }
            let ci = child as usize;
            let (code, jt, jf) = (c.code, c.jt, c.jf);
            let (aval, oval) = (self.val[ci][A_ATOM], self.oval[ci]);
            let to_jt = if self.use_conflict(pred, jt) {
                NONE
            } else {
                self.lowest4(e, (code, aval, true, oval))
            };
            let to_jf = if self.use_conflict(pred, jf) {
                NONE
            } else {
                let mut d = self.lowest4(e, (code, aval, false, oval));
                if code == JMP | JEQ | K {
                    d = d.min(self.lowest3(e, aval, oval));
                }
                d
            };
            if to_jt == NONE && to_jf == NONE {
                if cfg!(debug_assertions) && self.n <= 4096 {
                    assert_eq!(self.naive_fold(e, child), NONE);
                }
                return;
            }
            let target = if to_jt < to_jf { jt } else { jf };
            if cfg!(debug_assertions) && self.n <= 4096 {
                assert_eq!(self.naive_fold(e, child), target);
            }
            self.done = false;
            self.set_succ(e, target);
            child = target;
        }
    }
}
