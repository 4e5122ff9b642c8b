//! A safe classic BPF interpreter with libpcap's `bpf_filter` semantics.
//!
//! The program is checked and decoded once ([`Vm::new`]) into a compact
//! [`Op`] array whose jump targets are absolute indices, so the hot loop
//! ([`Vm::run`]) does no opcode decoding and no jump arithmetic. Decoding
//! applies libpcap's userland rules ([`super::validate::check_userland`]):
//! every scratch index is below 16 and every jump lands inside the program,
//! which makes the run loop's indexing infallible. It also refuses the
//! kernel's ancillary loads (`ld [type]`, `ldb [vlanp]`, ...), which have no
//! meaning outside a socket.
//!
//! Run-time semantics, as in libpcap:
//!
//! * a load outside the captured bytes rejects the packet (returns 0);
//! * `div x` / `mod x` with X = 0 rejects the packet;
//! * `ld #pktlen` / `ldx #pktlen` give the length on the wire;
//! * `ldxb 4*([k]&0xf)` is the IPv4 header-length idiom;
//! * scratch memory and both registers start at zero;
//! * shifts by 32 or more give 0 (C leaves them undefined);
//! * `ret a` returns the accumulator.
//!
//! The common pairs "load, then compare with a constant" are fused into one
//! op (the comparison also stays in place for jumps that land on it), which
//! saves a third of the dispatches of a typical filter; the two-way
//! link-type test (`ip6`, else `ip`) is one op as well. Jump targets are
//! chosen with real branches rather than conditional moves ([`branch`]):
//! on traffic where every comparison goes either way, that cut the cost
//! of `tcp port 80` per packet by about a quarter.
//!
//! A backward `ja` (libpcap's `protochain` loop) is allowed; to guarantee
//! termination on hostile programs the interpreter rejects a packet after
//! [`BACKWARD_JUMP_BUDGET`] backward jumps, far more than any real
//! protochain walk can take on a 256 KiB packet.

use super::insn::{Insn, class, consts::*, miscop, mode, op, rval, size, src};
use super::validate::{self, ValidationError};

/// How many backward jumps one run may take before the packet is rejected.
pub const BACKWARD_JUMP_BUDGET: u32 = 1 << 20;

/// One decoded instruction. Jump targets are absolute instruction indices,
/// already checked to be inside the program; scratch indices are below 16.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Op {
    LdAbsW(u32),
    LdAbsH(u32),
    LdAbsB(u32),
    LdIndW(u32),
    LdIndH(u32),
    LdIndB(u32),
    LdLen,
    LdImm(u32),
    LdMem(u8),
    LdxLen,
    LdxImm(u32),
    LdxMem(u8),
    LdxMsh(u32),
    St(u8),
    Stx(u8),
    AddK(u32),
    SubK(u32),
    MulK(u32),
    DivK(u32),
    ModK(u32),
    AndK(u32),
    OrK(u32),
    XorK(u32),
    LshK(u32),
    RshK(u32),
    AddX,
    SubX,
    MulX,
    DivX,
    ModX,
    AndX,
    OrX,
    XorX,
    LshX,
    RshX,
    Neg,
    Tax,
    Txa,
    /// Forward unconditional jump.
    Ja(u32),
    /// Backward unconditional jump (counted against the budget).
    JaBack(u32),
    JeqK {
        k: u32,
        jt: u32,
        jf: u32,
    },
    JgtK {
        k: u32,
        jt: u32,
        jf: u32,
    },
    JgeK {
        k: u32,
        jt: u32,
        jf: u32,
    },
    JsetK {
        k: u32,
        jt: u32,
        jf: u32,
    },
    JeqX {
        jt: u32,
        jf: u32,
    },
    JgtX {
        jt: u32,
        jf: u32,
    },
    JgeX {
        jt: u32,
        jf: u32,
    },
    JsetX {
        jt: u32,
        jf: u32,
    },
    RetK(u32),
    RetA,
    // Fused "load, then compare with a constant": the commonest pairs in
    // compiled filters, run as one dispatch. A receives the loaded value,
    // so the pair means exactly what its two instructions mean.
    LdAbsHJeq {
        k: u32,
        v: u32,
        jt: u32,
        jf: u32,
    },
    LdAbsBJeq {
        k: u32,
        v: u32,
        jt: u32,
        jf: u32,
    },
    LdAbsWJeq {
        k: u32,
        v: u32,
        jt: u32,
        jf: u32,
    },
    LdIndHJeq {
        k: u32,
        v: u32,
        jt: u32,
        jf: u32,
    },
    LdIndBJeq {
        k: u32,
        v: u32,
        jt: u32,
        jf: u32,
    },
    LdAbsHJset {
        k: u32,
        v: u32,
        jt: u32,
        jf: u32,
    },
    LdAbsBJset {
        k: u32,
        v: u32,
        jt: u32,
        jf: u32,
    },
    /// A fused `ldh [k]; jeq #v` whose false branch lands on `jeq #w`:
    /// the link-layer type test that opens nearly every filter (`ip6`,
    /// else `ip`), two comparisons of one load in one dispatch.
    LdAbsHJeq2 {
        k: u32,
        v: u32,
        jt: u32,
        w: u32,
        wt: u32,
        wf: u32,
    },
    /// `ldxb 4*([m]&0xf)` then a fused `ldh [x + k]; jeq #v`: the IPv4
    /// transport-header idiom of every port test.
    MshIndHJeq {
        m: u32,
        k: u32,
        v: u32,
        jt: u32,
        jf: u32,
    },
}

/// Replaces each load that is directly followed by a constant comparison
/// with a fused op. The comparison stays in place as its own op, so jumps
/// that land on it still work.
fn fuse(ops: &mut [Op]) {
    for i in 0..ops.len().saturating_sub(1) {
        let fused = match (ops[i], ops[i + 1]) {
            (Op::LdAbsH(k), Op::JeqK { k: v, jt, jf }) => Op::LdAbsHJeq { k, v, jt, jf },
            (Op::LdAbsB(k), Op::JeqK { k: v, jt, jf }) => Op::LdAbsBJeq { k, v, jt, jf },
            (Op::LdAbsW(k), Op::JeqK { k: v, jt, jf }) => Op::LdAbsWJeq { k, v, jt, jf },
            (Op::LdIndH(k), Op::JeqK { k: v, jt, jf }) => Op::LdIndHJeq { k, v, jt, jf },
            (Op::LdIndB(k), Op::JeqK { k: v, jt, jf }) => Op::LdIndBJeq { k, v, jt, jf },
            (Op::LdAbsH(k), Op::JsetK { k: v, jt, jf }) => Op::LdAbsHJset { k, v, jt, jf },
            (Op::LdAbsB(k), Op::JsetK { k: v, jt, jf }) => Op::LdAbsBJset { k, v, jt, jf },
            _ => continue,
        };
        ops[i] = fused;
    }
    for i in 0..ops.len().saturating_sub(1) {
        if let (Op::LdxMsh(m), Op::LdIndHJeq { k, v, jt, jf }) = (ops[i], ops[i + 1]) {
            ops[i] = Op::MshIndHJeq { m, k, v, jt, jf };
        }
    }
    for i in 0..ops.len() {
        if let Op::LdAbsHJeq { k, v, jt, jf } = ops[i]
            && let Some(&Op::JeqK { k: w, jt: wt, jf: wf }) = ops.get(jf as usize)
        {
            ops[i] = Op::LdAbsHJeq2 { k, v, jt, w, wt, wf };
        }
    }
}

/// A program checked and decoded for fast repeated runs.
#[derive(Clone, Debug)]
pub struct Vm {
    ops: Vec<Op>,
}

/// Runs `prog` once on a packet: `pkt` is the captured bytes, `wire_len`
/// the original length. Returns the number of bytes to keep (0 = reject),
/// or why the program cannot run offline. Decode once with [`Vm::new`]
/// when filtering many packets.
pub fn run(prog: &[Insn], pkt: &[u8], wire_len: u32) -> Result<u32, ValidationError> {
    Ok(Vm::new(prog)?.run(pkt, wire_len))
}

impl Vm {
    /// Checks `prog` with libpcap's userland rules, refuses ancillary loads
    /// and decodes it.
    pub fn new(prog: &[Insn]) -> Result<Vm, ValidationError> {
        validate::check_userland(prog)?;
        validate::check_no_ancillary(prog)?;
        let mut ops = Vec::with_capacity(prog.len());
        for (pc, insn) in prog.iter().enumerate() {
            ops.push(decode(pc, *insn)?);
        }
        fuse(&mut ops);
        Ok(Vm { ops })
    }

    /// The decoded program.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// Filters one packet: returns the snapshot length to keep, 0 to drop.
    #[inline]
    pub fn run(&self, pkt: &[u8], wire_len: u32) -> u32 {
        let ops = &self.ops[..];
        let mut a: u32 = 0;
        let mut x: u32 = 0;
        let mut mem = [0u32; MEMWORDS as usize];
        let mut pc: usize = 0;
        let mut budget = BACKWARD_JUMP_BUDGET;
        loop {
            // Decoding proved every target in range, so `get` never fails
            // on a decoded program; it keeps the loop panic-free anyway.
            let Some(&insn) = ops.get(pc) else { return 0 };
            pc += 1;
            match insn {
                Op::LdAbsW(k) => match load_w(pkt, k as usize) {
                    Some(v) => a = v,
                    None => return 0,
                },
                Op::LdAbsH(k) => match load_h(pkt, k as usize) {
                    Some(v) => a = v,
                    None => return 0,
                },
                Op::LdAbsB(k) => match pkt.get(k as usize) {
                    Some(&v) => a = u32::from(v),
                    None => return 0,
                },
                Op::LdIndW(k) => match load_w(pkt, x as usize + k as usize) {
                    Some(v) => a = v,
                    None => return 0,
                },
                Op::LdIndH(k) => match load_h(pkt, x as usize + k as usize) {
                    Some(v) => a = v,
                    None => return 0,
                },
                Op::LdIndB(k) => match pkt.get(x as usize + k as usize) {
                    Some(&v) => a = u32::from(v),
                    None => return 0,
                },
                Op::LdLen => a = wire_len,
                Op::LdImm(k) => a = k,
                Op::LdMem(i) => a = mem[usize::from(i) & 15],
                Op::LdxLen => x = wire_len,
                Op::LdxImm(k) => x = k,
                Op::LdxMem(i) => x = mem[usize::from(i) & 15],
                Op::LdxMsh(k) => match pkt.get(k as usize) {
                    Some(&v) => x = u32::from(v & 0xf) << 2,
                    None => return 0,
                },
                Op::St(i) => mem[usize::from(i) & 15] = a,
                Op::Stx(i) => mem[usize::from(i) & 15] = x,
                Op::AddK(k) => a = a.wrapping_add(k),
                Op::SubK(k) => a = a.wrapping_sub(k),
                Op::MulK(k) => a = a.wrapping_mul(k),
                Op::DivK(k) => match a.checked_div(k) {
                    Some(v) => a = v,
                    None => return 0,
                },
                Op::ModK(k) => match a.checked_rem(k) {
                    Some(v) => a = v,
                    None => return 0,
                },
                Op::AndK(k) => a &= k,
                Op::OrK(k) => a |= k,
                Op::XorK(k) => a ^= k,
                Op::LshK(k) => a = a.checked_shl(k).unwrap_or(0),
                Op::RshK(k) => a = a.checked_shr(k).unwrap_or(0),
                Op::AddX => a = a.wrapping_add(x),
                Op::SubX => a = a.wrapping_sub(x),
                Op::MulX => a = a.wrapping_mul(x),
                Op::DivX => match a.checked_div(x) {
                    Some(v) => a = v,
                    None => return 0,
                },
                Op::ModX => match a.checked_rem(x) {
                    Some(v) => a = v,
                    None => return 0,
                },
                Op::AndX => a &= x,
                Op::OrX => a |= x,
                Op::XorX => a ^= x,
                Op::LshX => a = a.checked_shl(x).unwrap_or(0),
                Op::RshX => a = a.checked_shr(x).unwrap_or(0),
                Op::Neg => a = a.wrapping_neg(),
                Op::Tax => x = a,
                Op::Txa => a = x,
                Op::Ja(t) => pc = t as usize,
                Op::JaBack(t) => {
                    budget = match budget.checked_sub(1) {
                        Some(b) => b,
                        None => return 0,
                    };
                    pc = t as usize;
                }
                Op::JeqK { k, jt, jf } => pc = branch(a == k, jt, jf),
                Op::JgtK { k, jt, jf } => pc = branch(a > k, jt, jf),
                Op::JgeK { k, jt, jf } => pc = branch(a >= k, jt, jf),
                Op::JsetK { k, jt, jf } => pc = branch(a & k != 0, jt, jf),
                Op::JeqX { jt, jf } => pc = branch(a == x, jt, jf),
                Op::JgtX { jt, jf } => pc = branch(a > x, jt, jf),
                Op::JgeX { jt, jf } => pc = branch(a >= x, jt, jf),
                Op::JsetX { jt, jf } => pc = branch(a & x != 0, jt, jf),
                Op::RetK(k) => return k,
                Op::RetA => return a,
                Op::LdAbsHJeq { k, v, jt, jf } => match load_h(pkt, k as usize) {
                    Some(l) => {
                        a = l;
                        pc = branch(a == v, jt, jf);
                    }
                    None => return 0,
                },
                Op::LdAbsHJeq2 { k, v, jt, w, wt, wf } => match load_h(pkt, k as usize) {
                    Some(l) => {
                        a = l;
                        pc = if a == v { jt as usize } else { branch(a == w, wt, wf) };
                    }
                    None => return 0,
                },
                Op::LdAbsBJeq { k, v, jt, jf } => match pkt.get(k as usize) {
                    Some(&l) => {
                        a = u32::from(l);
                        pc = branch(a == v, jt, jf);
                    }
                    None => return 0,
                },
                Op::LdAbsWJeq { k, v, jt, jf } => match load_w(pkt, k as usize) {
                    Some(l) => {
                        a = l;
                        pc = branch(a == v, jt, jf);
                    }
                    None => return 0,
                },
                Op::LdIndHJeq { k, v, jt, jf } => match load_h(pkt, x as usize + k as usize) {
                    Some(l) => {
                        a = l;
                        pc = branch(a == v, jt, jf);
                    }
                    None => return 0,
                },
                Op::LdIndBJeq { k, v, jt, jf } => match pkt.get(x as usize + k as usize) {
                    Some(&l) => {
                        a = u32::from(l);
                        pc = branch(a == v, jt, jf);
                    }
                    None => return 0,
                },
                Op::LdAbsHJset { k, v, jt, jf } => match load_h(pkt, k as usize) {
                    Some(l) => {
                        a = l;
                        pc = branch(a & v != 0, jt, jf);
                    }
                    None => return 0,
                },
                Op::MshIndHJeq { m, k, v, jt, jf } => {
                    match pkt.get(m as usize) {
                        Some(&l) => x = u32::from(l & 0xf) << 2,
                        None => return 0,
                    }
                    match load_h(pkt, x as usize + k as usize) {
                        Some(l) => {
                            a = l;
                            pc = branch(a == v, jt, jf);
                        }
                        None => return 0,
                    }
                }
                Op::LdAbsBJset { k, v, jt, jf } => match pkt.get(k as usize) {
                    Some(&l) => {
                        a = u32::from(l);
                        pc = branch(a & v != 0, jt, jf);
                    }
                    None => return 0,
                },
            }
        }
    }
}

/// Picks a jump target. The empty fence in one arm keeps the compiler from
/// turning the choice into a conditional move: as a real branch the
/// processor predicts it (with the history of earlier outcomes) and, when
/// wrong, finds out as soon as the comparison is known, rather than only
/// after the next instruction's dispatch that a conditional move feeds.
#[inline(always)]
fn branch(c: bool, jt: u32, jf: u32) -> usize {
    if c {
        jt as usize
    } else {
        std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
        jf as usize
    }
}

#[inline(always)]
fn load_w(pkt: &[u8], off: usize) -> Option<u32> {
    let b: &[u8; 4] = pkt.get(off..off.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_be_bytes(*b))
}

#[inline(always)]
fn load_h(pkt: &[u8], off: usize) -> Option<u32> {
    let b: &[u8; 2] = pkt.get(off..off.checked_add(2)?)?.try_into().ok()?;
    Some(u32::from(u16::from_be_bytes(*b)))
}

/// Decodes one instruction already accepted by `check_userland`.
fn decode(pc: usize, i: Insn) -> Result<Op, ValidationError> {
    let k = i.k;
    let bad = || ValidationError::new(pc, validate::Rule::UnknownOpcode(i.code));
    // Jump targets relative to the next instruction; `check_userland`
    // proved they fit in the program (and in u32).
    let rel = |off: u32| (pc as u32).wrapping_add(1).wrapping_add(off);
    let mem = || (k & 15) as u8;
    let code = i.code;
    Ok(match class(code) {
        LD => match (mode(code), size(code)) {
            (ABS, W) => Op::LdAbsW(k),
            (ABS, H) => Op::LdAbsH(k),
            (ABS, B) => Op::LdAbsB(k),
            (IND, W) => Op::LdIndW(k),
            (IND, H) => Op::LdIndH(k),
            (IND, B) => Op::LdIndB(k),
            (LEN, W) => Op::LdLen,
            (IMM, W) => Op::LdImm(k),
            (MEM, W) => Op::LdMem(mem()),
            _ => return Err(bad()),
        },
        LDX => match (mode(code), size(code)) {
            (LEN, W) => Op::LdxLen,
            (IMM, W) => Op::LdxImm(k),
            (MEM, W) => Op::LdxMem(mem()),
            (MSH, B) => Op::LdxMsh(k),
            _ => return Err(bad()),
        },
        ST => Op::St(mem()),
        STX => Op::Stx(mem()),
        ALU => match (op(code), src(code)) {
            (ADD, K) => Op::AddK(k),
            (SUB, K) => Op::SubK(k),
            (MUL, K) => Op::MulK(k),
            (DIV, K) => Op::DivK(k),
            (MOD, K) => Op::ModK(k),
            (AND, K) => Op::AndK(k),
            (OR, K) => Op::OrK(k),
            (XOR, K) => Op::XorK(k),
            (LSH, K) => Op::LshK(k),
            (RSH, K) => Op::RshK(k),
            (ADD, X) => Op::AddX,
            (SUB, X) => Op::SubX,
            (MUL, X) => Op::MulX,
            (DIV, X) => Op::DivX,
            (MOD, X) => Op::ModX,
            (AND, X) => Op::AndX,
            (OR, X) => Op::OrX,
            (XOR, X) => Op::XorX,
            (LSH, X) => Op::LshX,
            (RSH, X) => Op::RshX,
            (NEG, _) => Op::Neg,
            _ => return Err(bad()),
        },
        JMP => {
            let (jt, jf) = (rel(u32::from(i.jt)), rel(u32::from(i.jf)));
            match (op(code), src(code)) {
                (JA, _) => {
                    let t = rel(k);
                    if (t as usize) > pc { Op::Ja(t) } else { Op::JaBack(t) }
                }
                (JEQ, K) => Op::JeqK { k, jt, jf },
                (JGT, K) => Op::JgtK { k, jt, jf },
                (JGE, K) => Op::JgeK { k, jt, jf },
                (JSET, K) => Op::JsetK { k, jt, jf },
                (JEQ, X) => Op::JeqX { jt, jf },
                (JGT, X) => Op::JgtX { jt, jf },
                (JGE, X) => Op::JgeX { jt, jf },
                (JSET, X) => Op::JsetX { jt, jf },
                _ => return Err(bad()),
            }
        }
        RET => match rval(code) {
            K => Op::RetK(k),
            A => Op::RetA,
            _ => return Err(bad()),
        },
        _ => match miscop(code) {
            TAX => Op::Tax,
            TXA => Op::Txa,
            _ => return Err(bad()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(code: u16, k: u32) -> Insn {
        Insn::stmt(code, k)
    }
    fn j(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
        Insn::jump(code, k, jt, jf)
    }

    /// `ldh [0]`, then 0x86dd -> 2, 0x800 -> 1, else 3.
    fn ethertype_test() -> Vec<Insn> {
        vec![
            s(LD | H | ABS, 0),
            j(JMP | JEQ | K, 0x86dd, 2, 0),
            j(JMP | JEQ | K, 0x800, 0, 2),
            s(RET | K, 1),
            s(RET | K, 2),
            s(RET | K, 3),
        ]
    }

    /// (name, program, packet, wire length, expected result).
    #[allow(clippy::type_complexity)]
    fn cases() -> Vec<(&'static str, Vec<Insn>, Vec<u8>, u32, u32)> {
        let pkt: Vec<u8> = (0u8..64).collect();
        vec![
            ("ret k", vec![s(RET | K, 7)], vec![], 0, 7),
            ("ld w", vec![s(LD | W | ABS, 0), s(RET | A, 0)], pkt.clone(), 64, 0x00010203),
            ("ld h", vec![s(LD | H | ABS, 62), s(RET | A, 0)], pkt.clone(), 64, 0x3e3f),
            ("ld h oob", vec![s(LD | H | ABS, 63), s(RET | K, 1)], pkt.clone(), 64, 0),
            ("ld w huge k", vec![s(LD | W | ABS, u32::MAX), s(RET | K, 1)], pkt.clone(), 64, 0),
            ("ld b oob", vec![s(LD | B | ABS, 64), s(RET | K, 1)], pkt.clone(), 64, 0),
            ("ind", vec![s(LDX | IMM, 10), s(LD | B | IND, 5), s(RET | A, 0)], pkt.clone(), 64, 15),
            (
                "ind overflow",
                vec![s(LDX | IMM, u32::MAX), s(LD | B | IND, 5), s(RET | K, 1)],
                pkt.clone(),
                64,
                0,
            ),
            ("pktlen", vec![s(LD | W | LEN, 0), s(RET | A, 0)], pkt.clone(), 1500, 1500),
            // `ldh [k]; jeq #v` whose false branch is `jeq #w` (fused into
            // one two-way comparison): each of the three outcomes, and a
            // load outside the packet.
            ("jeq2 first", ethertype_test(), vec![0x86, 0xdd], 2, 2),
            ("jeq2 second", ethertype_test(), vec![0x08, 0x00], 2, 1),
            ("jeq2 neither", ethertype_test(), vec![0x08, 0x06], 2, 3),
            ("jeq2 oob", ethertype_test(), vec![0x08], 1, 0),
            (
                "msh",
                vec![s(LDX | B | MSH, 0x0f), s(MISC | TXA, 0), s(RET | A, 0)],
                pkt.clone(),
                64,
                0x3c,
            ),
            (
                "div x by zero",
                vec![s(LD | IMM, 5), s(ALU | DIV | X, 0), s(RET | K, 1)],
                vec![],
                0,
                0,
            ),
            (
                "mod x by zero",
                vec![s(LD | IMM, 5), s(ALU | MOD | X, 0), s(RET | K, 1)],
                vec![],
                0,
                0,
            ),
            (
                "mem",
                vec![
                    s(LD | IMM, 9),
                    s(ST, 15),
                    s(LD | IMM, 0),
                    s(LDX | MEM, 15),
                    s(MISC | TXA, 0),
                    s(RET | A, 0),
                ],
                vec![],
                0,
                9,
            ),
            (
                "jeq taken",
                vec![s(LD | IMM, 3), j(JMP | JEQ | K, 3, 0, 1), s(RET | K, 10), s(RET | K, 20)],
                vec![],
                0,
                10,
            ),
            (
                "jset not taken",
                vec![s(LD | IMM, 4), j(JMP | JSET | K, 3, 0, 1), s(RET | K, 10), s(RET | K, 20)],
                vec![],
                0,
                20,
            ),
            ("shift 32", vec![s(LD | IMM, 1), s(ALU | LSH | K, 32), s(RET | A, 0)], vec![], 0, 0),
            ("neg", vec![s(LD | IMM, 1), s(ALU | NEG, 0), s(RET | A, 0)], vec![], 0, u32::MAX),
            (
                // A jump that lands on the comparison of a fused
                // load-and-compare pair must still run the comparison alone.
                "jump into a fused pair",
                vec![
                    s(LD | IMM, 5),
                    j(JMP | JEQ | K, 5, 1, 0),
                    s(LD | H | ABS, 0),
                    j(JMP | JEQ | K, 5, 0, 1),
                    s(RET | K, 1),
                    s(RET | K, 2),
                ],
                vec![0, 9],
                2,
                1,
            ),
            (
                "fused pair taken from the top",
                vec![
                    s(LD | IMM, 4),
                    j(JMP | JEQ | K, 5, 1, 0),
                    s(LD | H | ABS, 0),
                    j(JMP | JEQ | K, 5, 0, 1),
                    s(RET | K, 1),
                    s(RET | A, 0),
                ],
                vec![0, 9],
                2,
                9,
            ),
            (
                "backward ja loop terminates",
                vec![s(LD | IMM, 1), s(JMP | JA, u32::MAX), s(RET | K, 1)],
                vec![],
                0,
                0,
            ),
        ]
    }

    #[test]
    fn table() {
        for (name, prog, pkt, wire, want) in cases() {
            assert_eq!(run(&prog, &pkt, wire), Ok(want), "{name}");
        }
    }

    #[test]
    fn fuses_the_two_way_ethertype_test() {
        let vm = Vm::new(&ethertype_test()).unwrap();
        assert!(matches!(
            vm.ops()[0],
            Op::LdAbsHJeq2 { k: 0, v: 0x86dd, jt: 4, w: 0x800, wt: 3, wf: 5 }
        ));
    }

    #[test]
    fn refuses_ancillary() {
        let prog = [s(LD | H | ABS, (SKF_AD_OFF + SKF_AD_PKTTYPE) as u32), s(RET | A, 0)];
        let e = Vm::new(&prog).unwrap_err();
        assert!(e.to_string().contains("ancillary"), "{e}");
    }

    #[test]
    fn refuses_bad_programs() {
        assert!(Vm::new(&[]).is_err());
        assert!(Vm::new(&[s(LD | IMM, 0)]).is_err());
        assert!(Vm::new(&[s(LD | MEM, 16), s(RET | A, 0)]).is_err());
        assert!(Vm::new(&[j(JMP | JEQ | K, 0, 5, 0), s(RET | A, 0)]).is_err());
    }
}
