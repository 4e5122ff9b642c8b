//! Stage 3: libpcap 1.10.3's optimizer (`bpf_optimize`), reimplemented.
//!
//! # What it does
//!
//! The optimizer rewrites the control-flow graph built by code generation
//! in the same steps, in the same order and with the same bookkeeping as
//! libpcap 1.10.3, so that the linearized program is byte-identical to
//! `tcpdump -d`. That includes the miscompilations 1.10.3 still has (see
//! the notes on each pass).
//!
//! 1. Numbering ([`Opt::new`]): the reachable blocks get ids by a depth-first
//!    preorder walk from the root, true successor first. The ids never
//!    change afterwards; edge ids are `et = id`, `ef = n + id`.
//! 2. The *branch phase* ([`Opt::opt_loop`] with `do_stmts = false`), then the
//!    *statement phase* (`do_stmts = true`). Each is a fixpoint loop of
//!    passes; a pass recomputes the analyses (`analysis.rs`: levels and
//!    use/def; `dom.rs`: block and edge dominators), runs value numbering
//!    over every block top-down (`vn.rs`, `peep.rs`, `deadstores.rs`) and,
//!    in the branch phase only, jump threading bottom-up (`jumps.rs`) and the
//!    or/and pull-ups (`pullup.rs`).
//! 3. Block merging and root skipping (`intern.rs`).
//!
//! # Why it terminates
//!
//! A pass ends the loop when it changed nothing (`done`). Branch movement can
//! oscillate (libpcap issue #112: a pull-up undone by jump threading); like
//! libpcap we stop after 100 consecutive passes in which nothing but branch
//! movement happened. Every other change (a folded constant, a deleted
//! statement) usually simplifies the program and resets the counter, as in
//! libpcap. Not always: on some graphs (none that code generation builds,
//! as far as the corpus and random testing show) a constant-branch fold and
//! jump threading undo each other forever, and libpcap never returns. We
//! stop instead, once a graph seen after an earlier pass comes back.
//!
//! # What it does not do
//!
//! It does not compute libpcap's `find_closure` (computed there but never
//! used), and it does not fix any of 1.10.3's bugs: that is the point.
//! Where libpcap keeps n² bitsets (dominators, edge dominators) we keep
//! dominator trees that answer the same questions (`dom.rs`, `jumps.rs`),
//! and `intern_blocks` is a linear hash-consing (`intern.rs`); the output is
//! the same, only the cost differs.
//!
//! # What it needs from code generation
//!
//! The result depends on the exact graph `gencode.c` builds, including two
//! details that do not show in an unoptimized listing:
//! * whether a block's statement list is *empty* or not: `opt_peep` does
//!   nothing for a block with no statements, even at its branch. Generate
//!   a statement only where libpcap does (never a placeholder NOP);
//! * `no_optimize`: libpcap skips the optimizer for protochain and for
//!   every PRISM_HEADER filter (whose header code has in-block jumps), even
//!   `radio[0xab] == 0xcd`, whose program does not contain that code.
//!
//! # Testing
//!
//! `tests/opt_pairs.rs` rebuilds libpcap's unoptimized graph from
//! `tcpdump -O -ddd` ([`rebuild`]) for every corpus expression and compares
//! our optimized listing with `tcpdump -d`.

mod analysis;
mod deadstores;
mod dom;
mod intern;
mod jumps;
mod peep;
mod pullup;
pub mod rebuild;
mod vn;

use crate::bpf::insn::{self, consts::*};
use crate::ir::{Block, BlockId, Cfg, Stmt};

/// "No block": the successor of a return block.
pub(crate) const NONE: u32 = u32::MAX;
/// Atom index of the accumulator (scratch words are 0..16).
pub(crate) const A_ATOM: usize = 16;
/// Atom index of the index register.
pub(crate) const X_ATOM: usize = 17;
/// Number of atoms tracked by use/def and value numbering.
pub(crate) const N_ATOMS: usize = 18;

/// One block while optimizing: the IR block with successors as dense ids.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub stmts: Vec<Stmt>,
    pub code: u16,
    pub k: u32,
    /// True successor id, or [`NONE`] for a return.
    pub jt: u32,
    /// False successor id, or [`NONE`] for a return.
    pub jf: u32,
}

impl Node {
    pub fn is_leaf(&self) -> bool {
        self.jt == NONE
    }
}

/// The whole optimizer state (libpcap's `opt_state_t`).
pub(crate) struct Opt {
    /// Blocks by id; the root is id 0 until `opt_root`.
    pub g: Vec<Node>,
    /// Number of blocks (`n_blocks`).
    pub n: usize,
    /// The current root.
    pub root: u32,
    /// Level of each block (this pass).
    pub level: Vec<u32>,
    /// Level lists in libpcap's list order (this pass).
    pub levels: Vec<Vec<u32>>,
    /// Reached by this pass's `find_levels`.
    pub reach: Vec<bool>,
    pub def: Vec<u32>,
    pub kill: Vec<u32>,
    pub in_use: Vec<u32>,
    pub out_use: Vec<u32>,
    /// In-edges of each block in *link order*: libpcap's list is the
    /// reverse, so its first in-edge is the last element here.
    pub in_edges: Vec<Vec<u32>>,
    /// Exit value numbers of each block's atoms (persist across passes).
    pub val: Vec<[u32; N_ATOMS]>,
    /// Value number of each block's branch operand.
    pub oval: Vec<u32>,
    pub vn: vn::Values,
    pub dom: dom::DomTree,
    pub edom: dom::EdgeDom,
    pub jix: jumps::JumpIndex,
    /// Per-pass copies for the pull-up walks (`pullup.rs`).
    pub pull: Vec<pullup::PullNode>,
    /// Nothing changed in this pass.
    pub done: bool,
    /// Something other than branch movement happened in this pass.
    pub nbm: bool,
}

impl Opt {
    /// `opt_init`: numbers the reachable blocks (DFS preorder, JT first)
    /// and copies them out of the arena.
    fn new(cfg: &mut Cfg) -> Result<(Opt, Vec<BlockId>), String> {
        let mut num = vec![NONE; cfg.blocks.len()];
        let mut order: Vec<BlockId> = Vec::new();
        let mut stack = vec![cfg.root];
        while let Some(b) = stack.pop() {
            let i = b.index();
            if i >= cfg.blocks.len() {
                return Err(format!("internal error: block {} out of range", b.0));
            }
            if num[i] != NONE {
                continue;
            }
            num[i] = order.len() as u32;
            order.push(b);
            let blk = cfg.block(b);
            if !blk.is_ret() {
                let (Some(jt), Some(jf)) = (blk.jt, blk.jf) else {
                    return Err(format!("internal error: block {} has no successor", b.0));
                };
                // Popped in reverse: the true successor is numbered first.
                stack.push(jf);
                stack.push(jt);
            }
        }
        let n = order.len();
        check_acyclic(cfg, &order, &num)?;
        let mut g = Vec::with_capacity(n);
        for &b in &order {
            let blk = cfg.block_mut(b);
            let map = |s: Option<BlockId>| s.map_or(NONE, |s| num[s.index()]);
            let (jt, jf) = if blk.is_ret() { (NONE, NONE) } else { (map(blk.jt), map(blk.jf)) };
            g.push(Node {
                stmts: std::mem::take(&mut blk.stmts),
                code: blk.code,
                k: blk.k,
                jt,
                jf,
            });
        }
        let opt = Opt {
            g,
            n,
            root: 0,
            level: vec![0; n],
            levels: Vec::new(),
            reach: vec![false; n],
            def: vec![0; n],
            kill: vec![0; n],
            in_use: vec![0; n],
            out_use: vec![0; n],
            in_edges: vec![Vec::new(); n],
            val: vec![[0; N_ATOMS]; n],
            oval: vec![0; n],
            vn: vn::Values::default(),
            dom: dom::DomTree::default(),
            edom: dom::EdgeDom::default(),
            jix: jumps::JumpIndex::default(),
            pull: Vec::new(),
            done: true,
            nbm: false,
        };
        Ok((opt, order))
    }

    /// Writes the optimized blocks back into the arena.
    fn write_back(self, cfg: &mut Cfg, order: &[BlockId]) {
        cfg.root = order[self.root as usize];
        for (i, node) in self.g.into_iter().enumerate() {
            let map = |s: u32| if s == NONE { None } else { Some(order[s as usize]) };
            cfg.blocks[order[i].index()] = Block {
                stmts: node.stmts,
                code: node.code,
                k: node.k,
                jt: map(node.jt),
                jf: map(node.jf),
            };
        }
    }

    /// Records a change other than branch movement.
    pub fn changed(&mut self) {
        self.nbm = true;
        self.done = false;
    }

    /// The block an edge leaves.
    pub fn pred(&self, e: u32) -> u32 {
        if (e as usize) < self.n { e } else { e - self.n as u32 }
    }

    /// True for a block's true edge.
    pub fn is_true_edge(&self, e: u32) -> bool {
        (e as usize) < self.n
    }

    /// The block an edge enters.
    pub fn succ(&self, e: u32) -> u32 {
        let p = self.pred(e) as usize;
        if self.is_true_edge(e) { self.g[p].jt } else { self.g[p].jf }
    }

    /// Redirects an edge.
    pub fn set_succ(&mut self, e: u32, s: u32) {
        let p = self.pred(e) as usize;
        if self.is_true_edge(e) {
            self.g[p].jt = s;
        } else {
            self.g[p].jf = s;
        }
    }

    /// `opt_loop`: one phase's fixpoint loop with the oscillation guard.
    fn opt_loop(&mut self, do_stmts: bool) -> Result<(), String> {
        let mut loop_count = 0;
        let mut passes = 0u32;
        let mut seen: std::collections::HashSet<u64, vn::FxBuild> = Default::default();
        loop {
            passes += 1;
            self.done = true;
            self.nbm = false;
            self.find_levels();
            self.find_dom();
            self.find_ud();
            self.find_edom();
            self.opt_blks(do_stmts)?;
            if self.done {
                break;
            }
            if self.nbm {
                loop_count = 0;
                // libpcap loops forever when a cycle of passes includes a
                // change other than branch movement (the guard below never
                // fires). Code generation does not build such graphs, but
                // we must not hang on any input: after many passes, stop
                // as soon as a graph we have already seen comes back.
                if passes > 50 && !seen.insert(self.state_hash()) {
                    break;
                }
            } else {
                loop_count += 1;
                if loop_count >= 100 {
                    break;
                }
            }
        }
        Ok(())
    }

    /// A hash of the reachable graph (for the non-convergence check).
    fn state_hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for (i, node) in self.g.iter().enumerate() {
            if self.reach[i] {
                (i, node.code, node.k, node.jt, node.jf).hash(&mut h);
                for s in &node.stmts {
                    (s.code, s.k).hash(&mut h);
                }
            }
        }
        h.finish()
    }

    /// `opt_blks`: value numbering top-down, then (branch phase) jump
    /// threading and pull-ups bottom-up, over this pass's level lists.
    fn opt_blks(&mut self, do_stmts: bool) -> Result<(), String> {
        self.vn.reset();
        self.find_inedges();
        let maxlevel = self.levels.len() - 1;
        for lev in (0..=maxlevel).rev() {
            for i in 0..self.levels[lev].len() {
                let b = self.levels[lev][i];
                self.opt_blk(b, do_stmts)?;
            }
        }
        if do_stmts {
            return Ok(());
        }
        self.build_jump_index();
        for lev in 1..=maxlevel {
            for i in 0..self.levels[lev].len() {
                let b = self.levels[lev][i];
                self.opt_j(b);
                self.opt_j(self.n as u32 + b);
            }
        }
        self.find_inedges();
        self.prepare_pullups();
        for lev in 1..=maxlevel {
            for i in 0..self.levels[lev].len() {
                let b = self.levels[lev][i];
                self.or_pullup(b);
                self.and_pullup(b);
            }
        }
        Ok(())
    }

    /// `opt_blk`: value-numbers one block, then simplifies it.
    fn opt_blk(&mut self, b: u32, do_stmts: bool) -> Result<(), String> {
        let bi = b as usize;
        let mut v = [0u32; N_ATOMS];
        if let Some((&first, rest)) = self.in_edges[bi].split_last() {
            v = self.val[self.pred(first) as usize];
            for &e in rest {
                let pv = &self.val[self.pred(e) as usize];
                for i in 0..N_ATOMS {
                    if v[i] != pv[i] {
                        v[i] = 0;
                    }
                }
            }
        }
        let (aval, xval) = (v[A_ATOM], v[X_ATOM]);
        let mut stmts = std::mem::take(&mut self.g[bi].stmts);
        let mut res = Ok(());
        for s in stmts.iter_mut() {
            res = self.opt_stmt(s, &mut v, do_stmts);
            if res.is_err() {
                break;
            }
        }
        self.g[bi].stmts = stmts;
        res?;
        self.val[bi] = v;
        let node = &self.g[bi];
        let is_ret = insn::class(node.code) == RET;
        if do_stmts
            && ((self.out_use[bi] == 0
                && aval != 0
                && v[A_ATOM] == aval
                && xval != 0
                && v[X_ATOM] == xval)
                || is_ret)
        {
            if !self.g[bi].stmts.is_empty() {
                self.g[bi].stmts.clear();
                self.changed();
            }
        } else {
            self.opt_peep(b);
            self.opt_deadstores(b);
        }
        let node = &self.g[bi];
        self.oval[bi] = if insn::src(node.code) == K {
            let k = node.k;
            self.vn.k(k)
        } else {
            self.val[bi][X_ATOM]
        };
        Ok(())
    }
}

/// Rejects a graph with a cycle (a code generation bug): every analysis
/// here assumes, as libpcap's does, that the graph is acyclic.
fn check_acyclic(cfg: &Cfg, order: &[BlockId], num: &[u32]) -> Result<(), String> {
    // 0 = unvisited, 1 = on the current path, 2 = finished.
    let mut state = vec![0u8; order.len()];
    let mut stack: Vec<(u32, bool)> = vec![(0, false)];
    while let Some((b, expanded)) = stack.pop() {
        let bi = b as usize;
        if expanded {
            state[bi] = 2;
            continue;
        }
        match state[bi] {
            1 => return Err("internal error: the filter graph has a cycle".into()),
            2 => continue,
            _ => {}
        }
        state[bi] = 1;
        stack.push((b, true));
        let blk = cfg.block(order[bi]);
        if blk.is_ret() {
            continue;
        }
        for s in [blk.jt, blk.jf].into_iter().flatten() {
            let si = num[s.index()];
            match state[si as usize] {
                1 => return Err("internal error: the filter graph has a cycle".into()),
                0 => stack.push((si, false)),
                _ => {}
            }
        }
    }
    Ok(())
}

/// Optimizes `cfg` in place, producing the graph libpcap's `bpf_optimize`
/// would produce. Errors are libpcap's optimizer errors (`division by
/// zero`, ...), with libpcap's wording.
pub fn optimize(cfg: &mut Cfg) -> Result<(), String> {
    if cfg.no_optimize {
        return Ok(());
    }
    let (mut opt, order) = Opt::new(cfg)?;
    let res = opt.opt_loop(false).and_then(|()| opt.opt_loop(true));
    if res.is_ok() {
        opt.intern_blocks();
        opt.opt_root();
    }
    opt.write_back(cfg, &order);
    res
}

#[cfg(test)]
mod tests;
