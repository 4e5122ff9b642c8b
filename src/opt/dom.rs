//! Dominators of blocks (`find_dom`) and of edges (`find_edom`).
//!
//! libpcap keeps one bitset per block (and per edge) holding all its
//! dominators, computed top-down by level as "self plus the intersection of
//! the predecessors' sets". On a DAG those sets are exactly the chains of a
//! dominator *tree*: the intersection of several root paths is the root path
//! of their lowest common ancestor. So we keep a parent pointer per block and
//! per edge instead of n² bits, and answer the two questions the passes ask:
//!
//! * "is `b` in `x`'s dominator set" (pull-ups): an interval test on the
//!   tree's preorder numbering (`pullup.rs`);
//! * "the dominating edges of `e`, lowest id first" (jump threading): the
//!   chain of `e`'s ancestors, whose lowest-id match `jumps.rs` selects.
//!
//! Blocks not reached by this pass's walk have libpcap's initial set, "all
//! blocks", so every membership test on them answers yes. The edges of the
//! root form the roots of the edge forest (their sets hold only
//! themselves); blocks whose in-edges share no dominator hang their edges
//! at the top as well.
//!
//! The sets are computed once per pass, at its start, and not updated when
//! edges move or blocks are pulled up during the pass: 1.10.3 does the same
//! (libpcap#945, fixed only in 1.10.5).
//!
//! Each computation is a constant number of walks over the level lists plus
//! lowest-common-ancestor climbs, so it terminates.

use super::{NONE, Opt};

/// A parent-pointer forest with preorder intervals.
#[derive(Default)]
pub(crate) struct Forest {
    pub parent: Vec<u32>,
    pub depth: Vec<u32>,
    /// Preorder number, [`NONE`] for nodes not in the forest.
    pub tin: Vec<u32>,
    /// Largest preorder number in the node's subtree.
    pub tout: Vec<u32>,
    /// The nodes in preorder.
    pub pre: Vec<u32>,
}

const UNSET: u32 = u32::MAX - 1;

impl Forest {
    fn reset(&mut self, size: usize) {
        for v in [&mut self.parent, &mut self.depth, &mut self.tin, &mut self.tout] {
            v.clear();
            v.resize(size, NONE);
        }
    }

    /// Lowest common ancestor, or [`NONE`] if the two are in different trees.
    fn lca(&self, mut a: u32, mut b: u32) -> u32 {
        loop {
            if a == b {
                return a;
            }
            if self.depth[a as usize] < self.depth[b as usize] {
                std::mem::swap(&mut a, &mut b);
            }
            let p = self.parent[a as usize];
            if p == NONE {
                return NONE;
            }
            a = p;
        }
    }

    /// Places `node` under `parent` (or as a root).
    fn attach(&mut self, node: u32, parent: u32) {
        self.parent[node as usize] = parent;
        self.depth[node as usize] =
            if parent == NONE { 0 } else { self.depth[parent as usize] + 1 };
    }

    /// Numbers the nodes in preorder; `nodes` lists every node in the forest.
    fn number(&mut self, nodes: &[u32]) {
        let size = self.parent.len();
        let mut first_child = vec![NONE; size];
        let mut next_sibling = vec![NONE; size];
        let mut roots = Vec::new();
        for &v in nodes.iter().rev() {
            let p = self.parent[v as usize];
            if p == NONE {
                roots.push(v);
            } else {
                next_sibling[v as usize] = first_child[p as usize];
                first_child[p as usize] = v;
            }
        }
        self.pre.clear();
        let mut t = 0u32;
        // (node, entered)
        let mut stack: Vec<(u32, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
        while let Some((v, entered)) = stack.pop() {
            if entered {
                self.tout[v as usize] = t - 1;
                continue;
            }
            self.tin[v as usize] = t;
            self.pre.push(v);
            t += 1;
            stack.push((v, true));
            let mut c = first_child[v as usize];
            while c != NONE {
                stack.push((c, false));
                c = next_sibling[c as usize];
            }
        }
    }
}

/// Block dominators of the current pass.
#[derive(Default)]
pub(crate) struct DomTree {
    pub tree: Forest,
}

/// Edge dominators of the current pass.
#[derive(Default)]
pub(crate) struct EdgeDom {
    pub tree: Forest,
}

impl Opt {
    /// `find_dom`: block dominator tree, top-down by level.
    pub(crate) fn find_dom(&mut self) {
        let n = self.n;
        let t = &mut self.dom.tree;
        t.reset(n);
        let mut idom = vec![UNSET; n];
        idom[self.root as usize] = NONE;
        let mut nodes = Vec::new();
        for lev in (0..self.levels.len()).rev() {
            for &b in &self.levels[lev] {
                let bi = b as usize;
                if self.g[bi].is_leaf() && b != self.root {
                    continue;
                }
                t.attach(b, idom[bi]);
                nodes.push(b);
                let node = &self.g[bi];
                if node.is_leaf() {
                    continue;
                }
                for c in [node.jt, node.jf] {
                    let ci = c as usize;
                    // Nobody asks for the dominators of a return (a pull-up
                    // stops at a return before its dominance test), and the
                    // two shared returns have thousands of predecessors.
                    if self.g[ci].is_leaf() {
                        continue;
                    }
                    idom[ci] = if idom[ci] == UNSET { b } else { t.lca(idom[ci], b) };
                }
            }
        }
        t.number(&nodes);
    }

    /// `find_edom`: edge dominator forest, top-down by level.
    pub(crate) fn find_edom(&mut self) {
        let n = self.n;
        let t = &mut self.edom.tree;
        t.reset(2 * n);
        // Lowest common dominating edge of each block's in-edges.
        let mut up = vec![UNSET; n];
        up[self.root as usize] = NONE;
        let mut nodes = Vec::new();
        for lev in (1..self.levels.len()).rev() {
            for &b in &self.levels[lev] {
                let bi = b as usize;
                let p = up[bi];
                let (et, ef) = (b, n as u32 + b);
                t.attach(et, p);
                t.attach(ef, p);
                nodes.push(et);
                nodes.push(ef);
                let node = &self.g[bi];
                for (c, e) in [(node.jt, et), (node.jf, ef)] {
                    let ci = c as usize;
                    if self.g[ci].is_leaf() {
                        continue;
                    }
                    up[ci] = match up[ci] {
                        UNSET => e,
                        NONE => NONE,
                        cur => t.lca(cur, e),
                    };
                }
            }
        }
        t.number(&nodes);
    }
}
