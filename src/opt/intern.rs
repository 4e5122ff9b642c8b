//! Block merging (`intern_blocks`) and root skipping (`opt_root`).
//!
//! libpcap's `intern_blocks` compares every pair of reachable blocks, links
//! each to a later equal one (same branch opcode and operand, same
//! successors, same live statements), redirects all successors through the
//! links and repeats until nothing changes: O(n²) per round and about one
//! round per level of duplicated tails, the main cost of big `host` and
//! `port` lists. Its fixpoint is the graph in which no two reachable blocks
//! are equal; by induction on height that is exactly the graph in which
//! blocks with equal code *and equal successor subgraphs* are one block.
//! We build that graph directly by hash-consing bottom-up (children before
//! parents, so successors are already canonical when a block is keyed): one
//! pass, O(n). Which of the equal blocks survives cannot show in the output,
//! because linearization depends only on the graph's shape.
//!
//! `opt_root` then skips the root while both its successors are the same
//! block, moving the old root's statements in front of the new root's (the
//! stray `ld #0x0` of `-y IPV4 'ip and tcp'`), and drops them if the new
//! root is a return.
//!
//! Neither looks inside statements beyond comparing them: blocks that
//! compute the same thing differently are not merged.
//!
//! Both are single walks over the reachable DAG, so they terminate.

use std::collections::HashMap;

use super::vn::FxBuild;
use super::{NONE, Opt};
use crate::bpf::insn::{self, consts::*};

/// What makes two blocks equal for `eq_blk`.
#[derive(PartialEq, Eq, Hash)]
struct Key {
    code: u16,
    k: u32,
    jt: u32,
    jf: u32,
    stmts: Vec<(u16, u32)>,
}

impl Opt {
    /// `intern_blocks`, as bottom-up hash-consing.
    pub(crate) fn intern_blocks(&mut self) {
        let n = self.n;
        let mut canon = vec![NONE; n];
        let mut seen = vec![false; n];
        let mut table: HashMap<Key, u32, FxBuild> = HashMap::default();
        let mut stack: Vec<(u32, bool)> = vec![(self.root, false)];
        while let Some((b, expanded)) = stack.pop() {
            let bi = b as usize;
            if expanded {
                let node = &mut self.g[bi];
                if node.jt != NONE {
                    node.jt = canon[node.jt as usize];
                    node.jf = canon[node.jf as usize];
                }
                let key = Key {
                    code: node.code,
                    k: node.k,
                    jt: node.jt,
                    jf: node.jf,
                    stmts: node
                        .stmts
                        .iter()
                        .filter(|s| !s.is_nop())
                        .map(|s| (s.code, s.k))
                        .collect(),
                };
                canon[bi] = *table.entry(key).or_insert(b);
                continue;
            }
            if seen[bi] {
                continue;
            }
            seen[bi] = true;
            stack.push((b, true));
            let node = &self.g[bi];
            if node.jt != NONE {
                stack.push((node.jf, false));
                stack.push((node.jt, false));
            }
        }
    }

    /// `opt_root`.
    pub(crate) fn opt_root(&mut self) {
        let old = self.root as usize;
        let carried = std::mem::take(&mut self.g[old].stmts);
        let mut r = self.root;
        while insn::class(self.g[r as usize].code) == JMP
            && self.g[r as usize].jt == self.g[r as usize].jf
        {
            r = self.g[r as usize].jt;
        }
        self.root = r;
        let node = &mut self.g[r as usize];
        let mut stmts = carried;
        stmts.append(&mut node.stmts);
        node.stmts = stmts;
        if insn::class(node.code) == RET {
            node.stmts.clear();
        }
    }
}
