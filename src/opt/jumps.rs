//! Jump threading (`opt_j`, `fold_edge`, `use_conflict`).
//!
//! For an edge `pred -> succ`:
//! * if `succ`'s two successors are the same block and no atom live out of
//!   that block differs between `pred` and it, the edge skips `succ`. Like
//!   1.10.3 this ignores what `succ` itself computes for that block
//!   (libpcap#1670: `vxlan and arp`);
//! * otherwise, each edge `d` that dominates the edge may decide `succ`'s
//!   branch: when `succ` branches with the same opcode on the same value
//!   of A as `d`'s block, equal operands mean `succ` goes the way `d` went,
//!   and a taken `jeq #k` against a different constant means `succ` fails.
//!   libpcap scans the dominator bitset lowest edge id first and takes the
//!   first candidate whose target has no use conflict; after a move it
//!   rescans from the start unless the target is a return.
//!
//! We get the same answer without the bitset: among the dominating edges
//! (the edge's ancestor chain in the edge dominator forest, `dom.rs`) that
//! lead to an acceptable target, we take the one with the lowest id.
//!
//! Why it terminates: every move replaces `succ` by one of its successors,
//! so the edge only ever moves down the acyclic graph.

use super::{A_ATOM, N_ATOMS, NONE, Opt};
use crate::bpf::insn::consts::*;

impl Opt {
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
    /// taken; [`NONE`] if that is not known.
    fn fold_edge(&self, child: u32, d: u32) -> u32 {
        let dp = self.pred(d) as usize;
        let sense = self.is_true_edge(d);
        let c = &self.g[child as usize];
        let code = self.g[dp].code;
        if c.code != code {
            return NONE;
        }
        let ci = child as usize;
        if self.val[ci][A_ATOM] != self.val[dp][A_ATOM] {
            return NONE;
        }
        if self.oval[ci] == self.oval[dp] {
            return if sense { c.jt } else { c.jf };
        }
        if sense && code == JMP | JEQ | K {
            return c.jf;
        }
        NONE
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
            if self.g[child as usize].is_leaf() {
                return;
            }
            // The lowest-id dominating edge that moves the edge.
            let mut best: Option<(u32, u32)> = None;
            let mut d = e;
            while d != NONE {
                let t = self.fold_edge(child, d);
                if t != NONE && best.is_none_or(|(id, _)| d < id) && !self.use_conflict(pred, t) {
                    best = Some((d, t));
                }
                d = self.edom.tree.parent[d as usize];
            }
            let Some((_, target)) = best else { return };
            self.done = false;
            self.set_succ(e, target);
            child = target;
        }
    }
}
