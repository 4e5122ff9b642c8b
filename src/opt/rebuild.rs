//! Rebuilding a control-flow graph from a linear program.
//!
//! libpcap linearizes an *unoptimized* graph without changing its shape:
//! every block ends in a conditional jump or a return, every jump to a block
//! lands on its first statement, a block reached from several places is
//! placed once, and the only `ja`s are long jumps inserted right after a
//! conditional. So `tcpdump -O -ddd` output determines the graph libpcap's
//! optimizer started from, and the optimizer can be tested against
//! `tcpdump -d` before (and independently of) code generation.
//!
//! Blocks are cut at jump targets and after every conditional jump or
//! return; a conditional whose target is a `ja` is resolved through it.
//! Programs with in-block jumps (protochain's loop, the PRISM/AVS header
//! code) are never optimized by libpcap; [`cfg_from_insns`] reports them
//! as [`RebuildError::InBlockJumps`] instead of guessing their blocks.

use crate::bpf::Insn;
use crate::bpf::insn::{self, consts::*};
use crate::ir::{Block, BlockId, Cfg, Stmt};

/// Parses `tcpdump -ddd` output (count line, then `code jt jf k` lines).
pub fn parse_decimal(text: &str) -> Result<Vec<Insn>, String> {
    let mut lines = text.lines();
    let count: usize = lines
        .next()
        .ok_or("empty listing")?
        .trim()
        .parse()
        .map_err(|e| format!("bad count: {e}"))?;
    let mut out = Vec::with_capacity(count);
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() != 4 {
            return Err(format!("bad line {line:?}"));
        }
        let p = |s: &str| s.parse::<u32>().map_err(|e| format!("bad field {s:?}: {e}"));
        out.push(Insn {
            code: p(f[0])? as u16,
            jt: p(f[1])? as u8,
            jf: p(f[2])? as u8,
            k: p(f[3])?,
        });
    }
    if out.len() != count {
        return Err(format!("count {count} but {} instructions", out.len()));
    }
    Ok(out)
}

/// Why a program cannot be turned back into a graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebuildError {
    /// The program has in-block jumps (protochain); libpcap does not
    /// optimize it.
    InBlockJumps,
    /// Not a linearized libpcap graph.
    Malformed(String),
}

fn is_cond(code: u16) -> bool {
    insn::class(code) == JMP && insn::op(code) != JA
}

fn is_ja(code: u16) -> bool {
    code == JMP | JA
}

/// Rebuilds the graph of an unoptimized libpcap program.
pub fn cfg_from_insns(prog: &[Insn]) -> Result<Cfg, RebuildError> {
    let n = prog.len();
    let bad = |m: &str| RebuildError::Malformed(m.to_string());
    if n == 0 {
        return Err(bad("empty program"));
    }
    for (i, ins) in prog.iter().enumerate() {
        if is_ja(ins.code) && (i as u32).wrapping_add(1).wrapping_add(ins.k) as usize <= i {
            return Err(RebuildError::InBlockJumps);
        }
    }
    // Resolves a conditional's target through a long-jump `ja`.
    let resolve = |t: usize| -> Result<usize, RebuildError> {
        let ins = prog.get(t).ok_or_else(|| bad("jump out of range"))?;
        if is_ja(ins.code) {
            let t2 = t + 1 + ins.k as usize;
            if t2 >= n || is_ja(prog[t2].code) {
                return Err(bad("bad long jump"));
            }
            Ok(t2)
        } else {
            Ok(t)
        }
    };
    let mut leader = vec![false; n];
    leader[0] = true;
    for (i, ins) in prog.iter().enumerate() {
        if is_cond(ins.code) {
            leader[resolve(i + 1 + ins.jt as usize)?] = true;
            leader[resolve(i + 1 + ins.jf as usize)?] = true;
        }
    }
    let mut id_at = vec![u32::MAX; n];
    let mut blocks: Vec<Block> = Vec::new();
    let mut pending: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !leader[i] {
            // Skip long jumps and anything unreachable.
            i += 1;
            continue;
        }
        let start = i;
        let mut stmts = Vec::new();
        loop {
            let ins = prog.get(i).ok_or_else(|| bad("block runs off the end"))?;
            if i > start && leader[i] {
                return Err(RebuildError::InBlockJumps);
            }
            if is_cond(ins.code) {
                let id = blocks.len();
                id_at[start] = id as u32;
                blocks.push(Block::branch(stmts, ins.code, ins.k));
                pending.push((
                    id,
                    resolve(i + 1 + ins.jt as usize)?,
                    resolve(i + 1 + ins.jf as usize)?,
                ));
                break;
            }
            if insn::class(ins.code) == RET {
                id_at[start] = blocks.len() as u32;
                blocks.push(Block::ret(stmts, ins.code, ins.k));
                break;
            }
            if is_ja(ins.code) {
                return Err(RebuildError::InBlockJumps);
            }
            stmts.push(Stmt::new(ins.code, ins.k));
            i += 1;
        }
        i += 1;
    }
    for (id, t, f) in pending {
        let (bt, bf) = (id_at[t], id_at[f]);
        if bt == u32::MAX || bf == u32::MAX {
            return Err(bad("jump into the middle of a block"));
        }
        blocks[id].jt = Some(BlockId(bt));
        blocks[id].jf = Some(BlockId(bf));
    }
    Ok(Cfg { blocks, root: BlockId(0), no_optimize: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_shared_return_blocks() {
        let prog = parse_decimal("4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n").unwrap();
        let cfg = cfg_from_insns(&prog).unwrap();
        assert_eq!(cfg.blocks.len(), 3);
        assert_eq!(cfg.blocks[0].stmts.len(), 1);
        assert_eq!(cfg.blocks[0].jt, Some(BlockId(1)));
        assert_eq!(cfg.blocks[0].jf, Some(BlockId(2)));
    }
}
