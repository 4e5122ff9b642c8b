//! Stage 2: AST to control-flow graph (the role of libpcap's `gencode.c`).
//!
//! The lowering walks the tree in libpcap's reduction order (post-order,
//! left to right) because code generation is stateful: scratch registers
//! come from a round-robin allocator whose cursor persists across the whole
//! filter, and `vlan`, `mpls`, `pppoes` and `geneve` shift the offsets used
//! by everything written after them.
//!
//! A boolean sub-expression is a `Bx`: its entry block plus the lists of
//! unresolved true and false exits (libpcap threads these through the
//! blocks' successor fields with a sense bit; lists are equivalent). `and`,
//! `or` and `not` patch and splice the lists, and `finish` sends every true
//! exit to `ret #snaplen` and every false exit to `ret #0`.
//!
//! The module is split by layer:
//! * `link`: the per-DLT offset model and the link-type tests;
//! * `net`: host/net/proto for IPv4, IPv6, ARP, DECnet and MAC addresses;
//! * `transport`: `port` and `portrange`;
//! * `arith`: packet accessors, arithmetic, relations, scratch registers;
//! * `names`: protocol, service and Ethernet-type names;
//! * `other`: the remaining primitives (vlan incl. the live-Linux form,
//!   mpls, pppoe, geneve, broadcast/multicast, inbound, ifindex, byte,
//!   less/greater, llc, pflog fields, protochain);
//! * `wlan`: 802.11 `type`/`subtype`/`dir`;
//! * `atm_mtp`: SunATM (`vpi`, `vci`, `lane`, `oam`, ...) and SS7
//!   (MTP2 signal units, MTP3 fields).
//!
//! Some generators set `Cfg::no_optimize`: protochain (as libpcap does),
//! and, as observed in tcpdump's output, the 802.11 header-length code,
//! the Prism prefix code, geneve, and every DLT_PRISM_HEADER filter.

mod arith;
mod atm_mtp;
mod link;
mod names;
mod net;
mod other;
mod transport;
mod wlan;

use crate::bpf::insn::consts::*;
use crate::dlt::Dlt;
use crate::ir::{Block, BlockId, Cfg, Stmt};
use crate::syntax::ast::{AddrKind, Expr, ExprKind, Filter, Id, Proto, Q, Quals, Span};

/// What the program is compiled for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    /// Link-layer type of the packets.
    pub linktype: Dlt,
    /// Snapshot length: the accept return value `ret #snaplen`.
    pub snaplen: u32,
    /// Compile for a live Linux socket (libpcap's `BPF_SPECIAL_VLAN_HANDLING`
    /// and related differences), as `tcpdump -i IFACE -d` does.
    pub live_linux: bool,
    /// IPv4 netmask for `ip broadcast` (tcpdump passes 0).
    pub netmask: u32,
    /// Compile for a savefile (`tcpdump -r FILE`): DLT_NULL/LOOP/ENC `ip6`
    /// then tests all three BSD `AF_INET6` values, not this platform's.
    pub savefile: bool,
}

impl Target {
    /// A dead (offline) handle for the given link type and snaplen.
    pub fn new(linktype: Dlt, snaplen: u32) -> Target {
        Target { linktype, snaplen, live_linux: false, netmask: 0, savefile: false }
    }

    /// A handle reading a savefile of the given link type and snaplen.
    pub fn savefile(linktype: Dlt, snaplen: u32) -> Target {
        Target { savefile: true, ..Target::new(linktype, snaplen) }
    }
}

/// A semantic error found while generating code, with libpcap's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// The message tcpdump prints after `tcpdump: `.
    pub message: String,
    /// The primitive it concerns, where known.
    pub span: Option<Span>,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CompileError {}

/// Result type of the generators.
pub(crate) type R<T> = Result<T, CompileError>;

/// An error with libpcap's message and no span (the caller adds one).
pub(crate) fn err<T>(msg: impl Into<String>) -> R<T> {
    Err(CompileError { message: msg.into(), span: None })
}

/// libpcap's message for a qualifier triple that reached an id after a
/// primitive that yields none.
pub(crate) const SYNTAX_ERROR: &str = "syntax error in filter expression";

/// One unresolved exit of a boolean expression: the block, and whether its
/// true (`true`) or false (`false`) successor is missing.
pub(crate) type Exit = (BlockId, bool);

/// A boolean sub-expression under construction.
#[derive(Clone, Debug)]
pub(crate) struct Bx {
    /// The entry block.
    pub head: BlockId,
    /// Exits taken when the expression is true.
    pub t: Vec<Exit>,
    /// Exits taken when the expression is false.
    pub f: Vec<Exit>,
}

/// libpcap's `OFFSET_NOT_SET`.
pub(crate) const NOT_SET: u32 = u32::MAX;

/// An absolute offset: a constant part plus, for variable-length headers,
/// a part held in a scratch register (allocated on first use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AbsOff {
    pub constant: u32,
    pub variable: bool,
    pub reg: Option<u32>,
}

impl AbsOff {
    pub const fn fixed(constant: u32) -> AbsOff {
        AbsOff { constant, variable: false, reg: None }
    }
    pub const fn var(constant: u32) -> AbsOff {
        AbsOff { constant, variable: true, reg: None }
    }
}

/// What an offset is relative to (libpcap's `enum e_offrel`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OffRel {
    Packet,
    LinkHdr,
    PrevLinkHdr,
    Llc,
    PrevMplsHdr,
    LinkPl,
    LinkPlNoSnap,
    LinkType,
    TranIpv4,
    TranIpv6,
}

/// The code generator's state (libpcap's `compiler_state_t`).
pub(crate) struct Gen<'t> {
    pub cfg: Cfg,
    pub target: &'t Target,
    pub regused: [bool; 16],
    pub curreg: usize,

    pub linktype: Dlt,
    pub prevlinktype: Option<Dlt>,
    pub outermostlinktype: Dlt,
    pub off_linkhdr: AbsOff,
    pub off_prevlinkhdr: AbsOff,
    pub off_outermostlinkhdr: AbsOff,
    pub off_linktype: AbsOff,
    pub off_linkpl: AbsOff,
    pub off_nl: u32,
    pub off_nl_nosnap: u32,
    pub label_stack_depth: u32,
    pub vlan_stack_depth: u32,
    pub is_geneve: bool,
    pub is_vlan_vloffset: bool,
    pub is_atm: bool,
    pub is_lane: bool,
    pub off_vpi: u32,
    pub off_vci: u32,
    pub off_proto: u32,
    pub off_payload: u32,
    pub off_li: u32,
    pub off_li_hsl: u32,
    pub off_sio: u32,
    pub off_opc: u32,
    pub off_dpc: u32,
    pub off_sls: u32,
    pub no_optimize: bool,
}

/// Builds a statement.
pub(crate) const fn st(code: u16, k: u32) -> Stmt {
    Stmt::new(code, k)
}

/// `BPF_JMP | op | BPF_K`.
pub(crate) const fn jmp(op: u16) -> u16 {
    JMP | op | K
}

/// Size code of a load of `n` bytes.
pub(crate) fn size_code(n: u32) -> Option<u16> {
    match n {
        1 => Some(B),
        2 => Some(H),
        4 => Some(W),
        _ => None,
    }
}

impl<'t> Gen<'t> {
    fn new(target: &'t Target) -> R<Gen<'t>> {
        let mut g = Gen {
            cfg: Cfg { blocks: Vec::new(), root: BlockId(0), no_optimize: false },
            target,
            regused: [false; 16],
            curreg: 0,
            linktype: target.linktype,
            prevlinktype: None,
            outermostlinktype: target.linktype,
            off_linkhdr: AbsOff::fixed(0),
            off_prevlinkhdr: AbsOff::fixed(NOT_SET),
            off_outermostlinkhdr: AbsOff::fixed(0),
            off_linktype: AbsOff::fixed(NOT_SET),
            off_linkpl: AbsOff::fixed(NOT_SET),
            off_nl: NOT_SET,
            off_nl_nosnap: NOT_SET,
            label_stack_depth: 0,
            vlan_stack_depth: 0,
            is_geneve: false,
            is_vlan_vloffset: false,
            is_atm: false,
            is_lane: false,
            off_vpi: NOT_SET,
            off_vci: NOT_SET,
            off_proto: NOT_SET,
            off_payload: NOT_SET,
            off_li: NOT_SET,
            off_li_hsl: NOT_SET,
            off_sio: NOT_SET,
            off_opc: NOT_SET,
            off_dpc: NOT_SET,
            off_sls: NOT_SET,
            no_optimize: false,
        };
        g.init_linktype()?;
        Ok(g)
    }

    // ----- blocks and boolean combination -------------------------------

    /// A new conditional block (libpcap's `new_block(JMP(op))` with stmts).
    pub fn blk(&mut self, stmts: Vec<Stmt>, code: u16, k: u32) -> Bx {
        let id = self.cfg.push(Block::branch(stmts, code, k));
        Bx { head: id, t: vec![(id, true)], f: vec![(id, false)] }
    }

    fn patch(&mut self, exits: &[Exit], target: BlockId) {
        for &(b, side) in exits {
            let blk = self.cfg.block_mut(b);
            if side {
                blk.jt = Some(target);
            } else {
                blk.jf = Some(target);
            }
        }
    }

    /// `a and b`.
    pub fn and(&mut self, a: Bx, b: Bx) -> Bx {
        self.patch(&a.t, b.head);
        let mut f = a.f;
        f.extend(b.f);
        Bx { head: a.head, t: b.t, f }
    }

    /// `a or b`.
    pub fn or(&mut self, a: Bx, b: Bx) -> Bx {
        self.patch(&a.f, b.head);
        let mut t = a.t;
        t.extend(b.t);
        Bx { head: a.head, t, f: b.f }
    }

    /// `not a`.
    pub fn not(a: Bx) -> Bx {
        Bx { head: a.head, t: a.f, f: a.t }
    }

    /// Optional conjunction: `and(a, b)` when `a` exists, else `b`.
    pub fn and_opt(&mut self, a: Option<Bx>, b: Bx) -> Bx {
        match a {
            Some(a) => self.and(a, b),
            None => b,
        }
    }

    /// `gen_true`: `ld #0; jeq #0`.
    pub fn gen_true(&mut self) -> Bx {
        self.blk(vec![st(LD | IMM, 0)], jmp(JEQ), 0)
    }

    /// `gen_false`: `ld #1; jeq #0`.
    pub fn gen_false(&mut self) -> Bx {
        self.blk(vec![st(LD | IMM, 1)], jmp(JEQ), 0)
    }

    /// A block with a plain `jset` branch on the given statements.
    pub fn jset(&mut self, stmts: Vec<Stmt>, mask: u32) -> Bx {
        self.blk(stmts, jmp(JSET), mask)
    }

    // ----- scratch registers -------------------------------------------

    /// libpcap's `alloc_reg`: scan round-robin from the persistent cursor.
    pub fn alloc_reg(&mut self) -> R<u32> {
        for _ in 0..16 {
            if self.regused[self.curreg] {
                self.curreg = (self.curreg + 1) % 16;
            } else {
                self.regused[self.curreg] = true;
                return Ok(self.curreg as u32);
            }
        }
        err("too many registers needed to evaluate expression")
    }

    /// libpcap's `free_reg`.
    pub fn free_reg(&mut self, r: u32) {
        if let Some(slot) = self.regused.get_mut(r as usize) {
            *slot = false;
        }
    }

    // ----- finishing ---------------------------------------------------

    fn finish(mut self, b: Bx) -> R<Cfg> {
        let vl = self.compute_vloffsets();
        if !vl.is_empty() {
            prepend_stmts(&mut self.cfg.blocks[b.head.index()].stmts, vl);
        }
        let b = match self.ppi_dlt_check() {
            Some(chk) => self.and(chk, b),
            None => b,
        };
        let yes = self.cfg.push(Block::ret(Vec::new(), RET | K, self.target.snaplen));
        let no = self.cfg.push(Block::ret(Vec::new(), RET | K, 0));
        self.patch(&b.t, yes);
        self.patch(&b.f, no);
        self.cfg.root = b.head;
        self.cfg.no_optimize = self.no_optimize;
        Ok(self.cfg)
    }
}

/// Puts `pre` in front of `stmts`, shifting the in-block jump targets of
/// the statements already there.
pub(crate) fn prepend_stmts(stmts: &mut Vec<Stmt>, mut pre: Vec<Stmt>) {
    let n = pre.len() as u32;
    for s in stmts.iter_mut() {
        if let (Some(t), Some(f)) = (s.jt, s.jf) {
            s.jt = Some(t + n);
            s.jf = Some(f + n);
        }
    }
    pre.append(stmts);
    *stmts = pre;
}

/// Appends `b` to `a`, shifting the in-block jump targets of `b`.
pub(crate) fn append_stmts(a: &mut Vec<Stmt>, b: Vec<Stmt>) {
    let n = a.len() as u32;
    for mut s in b {
        if let (Some(t), Some(f)) = (s.jt, s.jf) {
            s.jt = Some(t + n);
            s.jf = Some(f + n);
        }
        a.push(s);
    }
}

/// Generates the unoptimized control-flow graph for `filter`.
pub fn generate(filter: &Filter, target: &Target) -> Result<Cfg, CompileError> {
    let mut g = Gen::new(target)?;
    let Some(expr) = filter else {
        let root = g.cfg.push(Block::ret(Vec::new(), RET | K, target.snaplen));
        g.cfg.root = root;
        return Ok(g.cfg);
    };
    let (b, _) = g.lower(expr, Quals::UNDEF)?;
    g.finish(b)
}

/// Attaches a span to an error that has none.
fn with_span<T>(r: R<T>, span: Span) -> R<T> {
    r.map_err(|mut e| {
        if e.span.is_none() {
            e.span = Some(span);
        }
        e
    })
}

impl Gen<'_> {
    /// Lowers one expression with qualifiers `q` in force; returns the code
    /// and the qualifiers in force after it. Iterative over the left spine
    /// of `and`/`or` chains so long filters do not exhaust the stack.
    fn lower(&mut self, e: &Expr, q: Quals) -> R<(Bx, Quals)> {
        // Walk down the left spine of and/or.
        let mut spine: Vec<&Expr> = Vec::new();
        let mut cur = e;
        while let ExprKind::And(l, _) | ExprKind::Or(l, _) = &cur.kind {
            spine.push(cur);
            cur = l;
        }
        let (mut acc, mut q) = self.lower_term(cur, q)?;
        while let Some(node) = spine.pop() {
            match &node.kind {
                ExprKind::And(_, r) => {
                    let (rb, rq) = self.lower(r, q)?;
                    acc = self.and(acc, rb);
                    q = rq;
                }
                ExprKind::Or(_, r) => {
                    let (rb, rq) = self.lower(r, q)?;
                    acc = self.or(acc, rb);
                    q = rq;
                }
                _ => unreachable!("spine holds only and/or"),
            }
        }
        Ok((acc, q))
    }

    fn lower_term(&mut self, e: &Expr, q: Quals) -> R<(Bx, Quals)> {
        match &e.kind {
            ExprKind::And(..) | ExprKind::Or(..) => self.lower(e, q),
            ExprKind::Not(inner) => {
                // Iterate over chains of `not`.
                let mut n = 1usize;
                let mut cur: &Expr = inner;
                while let ExprKind::Not(i) = &cur.kind {
                    n += 1;
                    cur = i;
                }
                let (mut b, rq) = self.lower(cur, q)?;
                if n % 2 == 1 {
                    b = Gen::not(b);
                }
                Ok((b, rq))
            }
            ExprKind::Paren(inner) => {
                let (b, _) = self.lower(inner, q)?;
                Ok((b, q))
            }
            ExprKind::Qualified(hq, inner) => {
                let (b, _) = self.lower(inner, *hq)?;
                Ok((b, *hq))
            }
            ExprKind::Id(id) => {
                let b = with_span(self.gen_id(id, q), e.span)?;
                Ok((b, q))
            }
            ExprKind::Proto(p) => {
                let b = with_span(self.gen_proto_abbrev(*p), e.span)?;
                Ok((b, Quals::UNDEF))
            }
            ExprKind::Relation(op, a, b) => {
                let r = with_span(self.gen_relation_ast(*op, a, b), e.span)?;
                Ok((r, Quals::UNDEF))
            }
            ExprKind::Prim(p) => {
                let b = with_span(self.gen_prim(p), e.span)?;
                Ok((b, Quals::UNDEF))
            }
        }
    }

    /// An identifier operand under the qualifiers in force.
    fn gen_id(&mut self, id: &Id, q: Quals) -> R<Bx> {
        match id {
            Id::Name(name) => self.gen_scode(name, q),
            Id::Num(v) => self.gen_ncode(None, *v, q),
            Id::V4(s) => {
                match q.addr {
                    Q::Is(AddrKind::Port) => return err("'port' modifier applied to ip host"),
                    Q::Is(AddrKind::Portrange) => {
                        return err("'portrange' modifier applied to ip host");
                    }
                    Q::Is(AddrKind::Proto) => return err("'proto' modifier applied to ip host"),
                    Q::Is(AddrKind::Protochain) => {
                        return err("'protochain' modifier applied to ip host");
                    }
                    _ => {}
                }
                self.gen_ncode(Some(s), 0, q)
            }
            Id::V4Len(s, len) => self.gen_mcode(s, None, *len, q),
            Id::V4Mask(s, m) => self.gen_mcode(s, Some(m), 0, q),
            Id::V6(s) => self.gen_mcode6(s, 128, q),
            Id::V6Len(s, len) => self.gen_mcode6(s, *len, q),
            Id::Mac(s) => self.gen_ecode(s, q),
            Id::Arc(s) => self.gen_acode(s, q),
        }
    }
}

#[cfg(test)]
mod tests;
