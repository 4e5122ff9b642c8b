//! From a control-flow graph to a flat instruction array (libpcap's
//! `icode_to_fcode`).
//!
//! Layout: a block is placed after its true subtree and its false subtree
//! have been placed, filling the array from the end and visiting the false
//! successor first. The result has the root at 0, then the true subtree,
//! then the false subtree; a block reachable from both sides lands in the
//! false region, so every jump goes forward.
//!
//! Classic BPF conditional jumps have 8-bit offsets. A branch whose target
//! is 256 or more instructions away gets a *long jump*: the branch targets
//! an extra `ja` placed right after it. libpcap discovers long jumps one at
//! a time and restarts the whole conversion after each; since adding a `ja`
//! only ever lengthens forward distances, setting every overflowing flag at
//! once per round reaches the same fixpoint in a handful of rounds.

use super::insn::{Insn, consts::*};
use crate::ir::{BlockId, Cfg};

/// Why a graph could not be assembled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssembleError {
    /// A conditional block has a missing successor.
    Unpatched(BlockId),
    /// An in-block jump target is out of range (generator bug).
    BadInBlockJump(BlockId),
}

impl std::fmt::Display for AssembleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AssembleError::Unpatched(b) => {
                write!(f, "internal error: block {} has no successor", b.0)
            }
            AssembleError::BadInBlockJump(b) => {
                write!(f, "internal error: bad in-block jump in block {}", b.0)
            }
        }
    }
}

/// The blocks reachable from the root in layout order (root first).
pub fn layout_order(cfg: &Cfg) -> Result<Vec<BlockId>, AssembleError> {
    let n = cfg.blocks.len();
    let mut placed = vec![false; n];
    let mut post = Vec::new();
    // (block, children_done)
    let mut stack = vec![(cfg.root, false)];
    while let Some((b, done)) = stack.pop() {
        if placed[b.index()] {
            continue;
        }
        if done {
            placed[b.index()] = true;
            post.push(b);
            continue;
        }
        let blk = cfg.block(b);
        stack.push((b, true));
        if !blk.is_ret() {
            let jt = blk.jt.ok_or(AssembleError::Unpatched(b))?;
            let jf = blk.jf.ok_or(AssembleError::Unpatched(b))?;
            // Popped in reverse: the false side is converted first.
            stack.push((jt, false));
            stack.push((jf, false));
        }
    }
    post.reverse();
    Ok(post)
}

/// Assembles the graph into instructions.
pub fn assemble(cfg: &Cfg) -> Result<Vec<Insn>, AssembleError> {
    let order = layout_order(cfg)?;
    let n = cfg.blocks.len();
    let mut longjt = vec![false; n];
    let mut longjf = vec![false; n];
    let mut offset = vec![0usize; n];
    let nstmts: Vec<usize> =
        (0..n).map(|i| cfg.blocks[i].stmts.iter().filter(|s| !s.is_nop()).count()).collect();
    loop {
        let mut pos = 0;
        for &b in &order {
            let i = b.index();
            offset[i] = pos;
            pos += nstmts[i] + 1 + longjt[i] as usize + longjf[i] as usize;
        }
        let mut changed = false;
        for &b in &order {
            let i = b.index();
            let blk = cfg.block(b);
            if blk.is_ret() {
                continue;
            }
            let at = offset[i] + nstmts[i];
            let (jt, jf) = (blk.jt.unwrap(), blk.jf.unwrap());
            if !longjt[i] && offset[jt.index()] - at - 1 > 255 {
                longjt[i] = true;
                changed = true;
            }
            if !longjf[i] && offset[jf.index()] - at - 1 > 255 {
                longjf[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let mut out = Vec::new();
    for &b in &order {
        let i = b.index();
        let blk = cfg.block(b);
        emit_stmts(cfg, b, &mut out)?;
        if blk.is_ret() {
            out.push(Insn::stmt(blk.code, blk.k));
            continue;
        }
        let at = out.len();
        let (jt, jf) = (blk.jt.unwrap(), blk.jf.unwrap());
        let off_t = offset[jt.index()] - at - 1;
        let off_f = offset[jf.index()] - at - 1;
        let mut extra = 0;
        let t = if longjt[i] {
            extra += 1;
            0
        } else {
            off_t
        };
        let f = if longjf[i] {
            extra += 1;
            longjt[i] as usize
        } else {
            off_f
        };
        out.push(Insn::jump(blk.code, blk.k, t as u8, f as u8));
        if longjt[i] {
            out.push(Insn::stmt(JMP | JA, (off_t - 1) as u32));
        }
        if longjf[i] {
            out.push(Insn::stmt(JMP | JA, (off_f - extra) as u32));
        }
    }
    Ok(out)
}

/// Emits the non-NOP statements of one block, resolving in-block jumps.
fn emit_stmts(cfg: &Cfg, b: BlockId, out: &mut Vec<Insn>) -> Result<(), AssembleError> {
    let stmts = &cfg.block(b).stmts;
    // Position of each statement among the emitted (non-NOP) ones.
    let mut pos = Vec::with_capacity(stmts.len());
    let mut p = 0usize;
    for s in stmts {
        pos.push(p);
        if !s.is_nop() {
            p += 1;
        }
    }
    // An in-block jump may target the block's final branch.
    pos.push(p);
    for (idx, s) in stmts.iter().enumerate() {
        if s.is_nop() {
            continue;
        }
        let mut insn = Insn::stmt(s.code, s.k);
        if let (Some(t), Some(f)) = (s.jt, s.jf) {
            let here = pos[idx];
            let target = |j: u32| -> Result<u8, AssembleError> {
                let tp = *pos.get(j as usize).ok_or(AssembleError::BadInBlockJump(b))?;
                let d = tp.checked_sub(here + 1).ok_or(AssembleError::BadInBlockJump(b))?;
                u8::try_from(d).map_err(|_| AssembleError::BadInBlockJump(b))
            };
            insn.jt = target(t)?;
            insn.jf = target(f)?;
        }
        out.push(insn);
    }
    Ok(())
}
