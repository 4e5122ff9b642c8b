//! The intermediate representation shared by code generation, the optimizer
//! and the assembler: a control-flow graph of basic blocks, as libpcap's
//! `gencode.c` builds it.
//!
//! A [`Block`] is a straight-line list of [`Stmt`]s followed by one branch:
//! either a conditional jump (`jeq`, `jgt`, `jge`, `jset` with a constant
//! or X operand) whose true and false successors are `jt` and `jf`, or a
//! return (`ret #k` / `ret a`) with no successors. Blocks live in an arena
//! ([`Cfg::blocks`]) and refer to each other by [`BlockId`].
//!
//! The optimizer turns dead statements into [`Stmt::NOP`] rather than
//! removing them (the assembler skips them), except that, as libpcap does, it
//! may clear a block's whole list. A few
//! generators (protochain, live-Linux VLAN code) put jump statements inside a
//! block; those refer to other statements of the same block by index.

use crate::bpf::insn::{self, consts::*};

/// Index of a block in [`Cfg::blocks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

impl BlockId {
    /// The arena index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One straight-line statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stmt {
    /// BPF opcode, or [`Stmt::NOP_CODE`] for a deleted statement.
    pub code: u16,
    /// Operand.
    pub k: u32,
    /// For an in-block conditional jump: index (in the same block's
    /// statement list) of the statement reached when true.
    pub jt: Option<u32>,
    /// Same, when false.
    pub jf: Option<u32>,
}

impl Stmt {
    /// The opcode of a deleted statement (libpcap's `NOP`, -1).
    pub const NOP_CODE: u16 = u16::MAX;
    /// A deleted statement.
    pub const NOP: Stmt = Stmt { code: Stmt::NOP_CODE, k: 0, jt: None, jf: None };

    /// A statement with no in-block jump targets.
    pub const fn new(code: u16, k: u32) -> Stmt {
        Stmt { code, k, jt: None, jf: None }
    }

    /// True for a deleted statement.
    pub fn is_nop(&self) -> bool {
        self.code == Stmt::NOP_CODE
    }
}

/// A basic block: statements, then one branch or return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The straight-line part.
    pub stmts: Vec<Stmt>,
    /// Opcode of the final branch: `JMP|op|src` or `RET|...`.
    pub code: u16,
    /// Operand of the final branch.
    pub k: u32,
    /// Successor when the branch is true (None for a return, or while
    /// code generation has not yet patched it).
    pub jt: Option<BlockId>,
    /// Successor when the branch is false.
    pub jf: Option<BlockId>,
}

impl Block {
    /// A conditional block with unpatched successors.
    pub fn branch(stmts: Vec<Stmt>, code: u16, k: u32) -> Block {
        Block { stmts, code, k, jt: None, jf: None }
    }

    /// A return block.
    pub fn ret(stmts: Vec<Stmt>, code: u16, k: u32) -> Block {
        Block { stmts, code, k, jt: None, jf: None }
    }

    /// True if the block ends in a return.
    pub fn is_ret(&self) -> bool {
        insn::class(self.code) == RET
    }
}

/// A whole filter program before assembly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cfg {
    /// Every block ever created; unreachable ones are ignored.
    pub blocks: Vec<Block>,
    /// The entry block.
    pub root: BlockId,
    /// Set by generators (protochain) whose output the optimizer must not
    /// touch: libpcap then skips optimization for the whole filter.
    pub no_optimize: bool,
}

impl Cfg {
    /// The block with the given id.
    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }

    /// The block with the given id, mutably.
    pub fn block_mut(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.index()]
    }

    /// Adds a block and returns its id.
    pub fn push(&mut self, b: Block) -> BlockId {
        let id = BlockId(self.blocks.len() as u32);
        self.blocks.push(b);
        id
    }
}
