//! Program checks: libpcap's userland rules and the kernel's stricter ones.
//!
//! * [`check_userland`] is what libpcap accepts before filtering in user
//!   space: a non-empty program, known opcodes, scratch indices below 16, no
//!   constant division or modulo by zero, every jump target inside the
//!   program (a backward `ja`, which `protochain` emits, is allowed) and a
//!   final `ret`. The interpreter ([`super::vm`]) relies on these.
//! * [`check_kernel`] adds what Linux's classic-BPF checker demands before
//!   `SO_ATTACH_FILTER`: 1..=4096 instructions, only forward jumps, shifts by
//!   constants below 32, every scratch load preceded by a store on all paths,
//!   and ancillary (`SKF_AD_*`) loads only at known offsets.
//! * [`check_no_ancillary`] refuses ancillary loads, which only a socket can
//!   answer, for offline filtering.
//!
//! Each failure names the rule ([`Rule`]) and the instruction index.

use super::insn::{Insn, ancillary_name, class, consts::*, mode, op, src};

/// Which rule a program broke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// The program has no instructions.
    Empty,
    /// More instructions than the kernel accepts.
    TooLarge(usize),
    /// An opcode no interpreter knows.
    UnknownOpcode(u16),
    /// A scratch memory index of 16 or more.
    MemIndex(u32),
    /// `div #0` or `mod #0`.
    DivByZero,
    /// A jump whose target is outside the program.
    JumpOutOfRange(u64),
    /// A jump backwards (the kernel allows only forward jumps).
    BackwardJump,
    /// The last instruction is not a `ret`.
    NoFinalRet,
    /// `lsh`/`rsh` by a constant of 32 or more.
    ShiftTooLarge(u32),
    /// A scratch load that some path reaches before any store to it.
    UninitializedMem(u32),
    /// An absolute load in the ancillary area at an offset the kernel
    /// does not know.
    UnknownAncillary(u32),
    /// An ancillary load in a program that is to run offline.
    AncillaryOffline(u32),
}

/// A failed check: the rule and the instruction (if one is to blame).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// The offending instruction's index.
    pub pc: Option<usize>,
    /// The rule it broke.
    pub rule: Rule,
}

impl ValidationError {
    /// An error at instruction `pc`.
    pub fn new(pc: usize, rule: Rule) -> ValidationError {
        ValidationError { pc: Some(pc), rule }
    }

    /// An error about the program as a whole.
    pub fn whole(rule: Rule) -> ValidationError {
        ValidationError { pc: None, rule }
    }
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(pc) = self.pc {
            write!(f, "invalid BPF program: instruction {pc}: ")?;
        } else {
            f.write_str("invalid BPF program: ")?;
        }
        match &self.rule {
            Rule::Empty => f.write_str("the program is empty"),
            Rule::TooLarge(n) => {
                write!(f, "{n} instructions is too large for the kernel (at most {MAXINSNS})")
            }
            Rule::UnknownOpcode(c) => write!(f, "unknown opcode 0x{c:x}"),
            Rule::MemIndex(k) => {
                write!(f, "scratch memory index {k} out of range (0..{MEMWORDS})")
            }
            Rule::DivByZero => f.write_str("division or modulo by constant 0"),
            Rule::JumpOutOfRange(t) => write!(f, "jump target {t} is outside the program"),
            Rule::BackwardJump => {
                f.write_str("backward jump (the kernel allows forward jumps only)")
            }
            Rule::NoFinalRet => f.write_str("the last instruction is not a ret"),
            Rule::ShiftTooLarge(k) => write!(f, "shift by {k} (must be below 32)"),
            Rule::UninitializedMem(k) => {
                write!(f, "M[{k}] is loaded before it is stored on some path")
            }
            Rule::UnknownAncillary(k) => {
                write!(f, "unknown ancillary load offset {}", *k as i32)
            }
            Rule::AncillaryOffline(k) => write!(
                f,
                "ancillary load [{}] needs a live Linux socket; it cannot run on a savefile",
                ancillary_name(*k).map(str::to_string).unwrap_or_else(|| (*k as i32).to_string())
            ),
        }
    }
}

impl std::error::Error for ValidationError {}

/// Is `code` an opcode of classic BPF (the kernel's allow-list)?
fn known_opcode(code: u16) -> bool {
    matches!(
        code,
        // ld: imm, abs w/h/b, ind w/h/b, mem, len
        0x00 | 0x20 | 0x28 | 0x30 | 0x40 | 0x48 | 0x50 | 0x60 | 0x80
        // ldx: imm, mem, len, msh
        | 0x01 | 0x61 | 0x81 | 0xb1
        // st, stx
        | 0x02 | 0x03
        // alu: add..rsh with k and x, neg, mod, xor
        | 0x04 | 0x0c | 0x14 | 0x1c | 0x24 | 0x2c | 0x34 | 0x3c | 0x44 | 0x4c | 0x54
        | 0x5c | 0x64 | 0x6c | 0x74 | 0x7c | 0x84 | 0x94 | 0x9c | 0xa4 | 0xac
        // jmp: ja, jeq/jgt/jge/jset with k and x
        | 0x05 | 0x15 | 0x1d | 0x25 | 0x2d | 0x35 | 0x3d | 0x45 | 0x4d
        // ret k, ret a; misc tax, txa
        | 0x06 | 0x16 | 0x07 | 0x87
    )
}

/// The absolute jump targets of instruction `pc`, computed in u64 so that
/// nothing wraps. A `ja` target wraps modulo 2^32 as libpcap's does (that is
/// how `protochain` jumps backwards); `backward` tells whether it did.
fn targets(pc: usize, i: Insn) -> Option<(Vec<u64>, bool)> {
    if class(i.code) != JMP {
        return None;
    }
    let next = pc as u64 + 1;
    if op(i.code) == JA {
        let t = (next + u64::from(i.k)) & 0xffff_ffff;
        Some((vec![t], t < next))
    } else {
        Some((vec![next + u64::from(i.jt), next + u64::from(i.jf)], false))
    }
}

/// libpcap's userland checks (see the module documentation).
pub fn check_userland(prog: &[Insn]) -> Result<(), ValidationError> {
    if prog.is_empty() {
        return Err(ValidationError::whole(Rule::Empty));
    }
    let len = prog.len() as u64;
    for (pc, &i) in prog.iter().enumerate() {
        if !known_opcode(i.code) {
            return Err(ValidationError::new(pc, Rule::UnknownOpcode(i.code)));
        }
        match class(i.code) {
            LD | LDX if mode(i.code) == MEM && i.k >= MEMWORDS => {
                return Err(ValidationError::new(pc, Rule::MemIndex(i.k)));
            }
            ST | STX if i.k >= MEMWORDS => {
                return Err(ValidationError::new(pc, Rule::MemIndex(i.k)));
            }
            ALU if src(i.code) == K && matches!(op(i.code), DIV | MOD) && i.k == 0 => {
                return Err(ValidationError::new(pc, Rule::DivByZero));
            }
            _ => {}
        }
        if let Some((ts, _)) = targets(pc, i)
            && let Some(&t) = ts.iter().find(|&&t| t >= len)
        {
            return Err(ValidationError::new(pc, Rule::JumpOutOfRange(t)));
        }
    }
    let last = prog.len() - 1;
    if class(prog[last].code) != RET {
        return Err(ValidationError::new(last, Rule::NoFinalRet));
    }
    Ok(())
}

/// Is `i` an absolute load from the kernel's ancillary area?
fn ancillary_load(i: Insn) -> bool {
    class(i.code) == LD && mode(i.code) == ABS && i.k >= SKF_AD_OFF as u32
}

/// Refuses loads of known ancillary data (they only mean something on a
/// live socket). Other offsets in that area, like `ether[-4095]`, are
/// ordinary out-of-range loads that reject the packet, as in libpcap.
pub fn check_no_ancillary(prog: &[Insn]) -> Result<(), ValidationError> {
    match prog.iter().position(|&i| ancillary_load(i) && ancillary_name(i.k).is_some()) {
        Some(pc) => Err(ValidationError::new(pc, Rule::AncillaryOffline(prog[pc].k))),
        None => Ok(()),
    }
}

/// The kernel's classic-BPF checks (see the module documentation).
pub fn check_kernel(prog: &[Insn]) -> Result<(), ValidationError> {
    if prog.len() > MAXINSNS {
        return Err(ValidationError::whole(Rule::TooLarge(prog.len())));
    }
    check_userland(prog)?;
    for (pc, &i) in prog.iter().enumerate() {
        if let Some((_, true)) = targets(pc, i) {
            return Err(ValidationError::new(pc, Rule::BackwardJump));
        }
        if class(i.code) == ALU && src(i.code) == K && matches!(op(i.code), LSH | RSH) && i.k >= 32
        {
            return Err(ValidationError::new(pc, Rule::ShiftTooLarge(i.k)));
        }
        if ancillary_load(i) {
            let off = (i.k as i32).wrapping_sub(SKF_AD_OFF);
            if ancillary_name(i.k).is_none() || !(0..SKF_AD_MAX).contains(&off) {
                return Err(ValidationError::new(pc, Rule::UnknownAncillary(i.k)));
            }
        }
    }
    check_loads_after_stores(prog)
}

/// Every `ld`/`ldx M[k]` must be preceded by a store to M[k] on every path.
/// Jumps only go forward here, so one pass in program order sees every
/// predecessor of an instruction before the instruction itself.
fn check_loads_after_stores(prog: &[Insn]) -> Result<(), ValidationError> {
    // `incoming[pc]`: the slots stored on every path that jumps to pc.
    let mut incoming = vec![u16::MAX; prog.len()];
    let mut valid: u16 = 0;
    for (pc, &i) in prog.iter().enumerate() {
        valid &= incoming[pc];
        let bit = 1u16 << (i.k & 15);
        match class(i.code) {
            ST | STX => valid |= bit,
            LD | LDX if mode(i.code) == MEM && valid & bit == 0 => {
                return Err(ValidationError::new(pc, Rule::UninitializedMem(i.k)));
            }
            JMP => {
                if let Some((ts, _)) = targets(pc, i) {
                    for t in ts {
                        if let Some(slot) = incoming.get_mut(t as usize) {
                            *slot &= valid;
                        }
                    }
                }
                // Nothing falls through a jump: the next instruction is
                // reached only by the jumps recorded in `incoming`.
                valid = u16::MAX;
            }
            RET => valid = u16::MAX,
            _ => {}
        }
    }
    Ok(())
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

    #[test]
    fn userland_and_kernel_rules() {
        let ret = s(RET | K, 0);
        // (name, program, userland verdict, kernel verdict): None = accepted.
        #[allow(clippy::type_complexity)]
        let cases: Vec<(&str, Vec<Insn>, Option<Rule>, Option<Rule>)> = vec![
            ("ok", vec![s(LD | H | ABS, 12), ret], None, None),
            ("empty", vec![], Some(Rule::Empty), Some(Rule::Empty)),
            ("no ret", vec![s(LD | IMM, 0)], Some(Rule::NoFinalRet), Some(Rule::NoFinalRet)),
            ("mem 16", vec![s(ST, 16), ret], Some(Rule::MemIndex(16)), Some(Rule::MemIndex(16))),
            ("div 0", vec![s(ALU | DIV | K, 0), ret], Some(Rule::DivByZero), Some(Rule::DivByZero)),
            ("mod 0", vec![s(ALU | MOD | K, 0), ret], Some(Rule::DivByZero), Some(Rule::DivByZero)),
            (
                "jump out",
                vec![j(JMP | JEQ | K, 0, 1, 0), ret],
                Some(Rule::JumpOutOfRange(2)),
                Some(Rule::JumpOutOfRange(2)),
            ),
            (
                "backward ja",
                vec![s(LD | IMM, 0), s(JMP | JA, u32::MAX - 1), ret],
                None,
                Some(Rule::BackwardJump),
            ),
            (
                "unknown op",
                vec![s(0xff, 0), ret],
                Some(Rule::UnknownOpcode(0xff)),
                Some(Rule::UnknownOpcode(0xff)),
            ),
            ("shift 32", vec![s(ALU | LSH | K, 32), ret], None, Some(Rule::ShiftTooLarge(32))),
            ("uninit mem", vec![s(LD | MEM, 3), ret], None, Some(Rule::UninitializedMem(3))),
            (
                "mem stored on one path only",
                vec![s(LD | IMM, 0), j(JMP | JEQ | K, 0, 0, 1), s(ST, 2), s(LD | MEM, 2), ret],
                None,
                Some(Rule::UninitializedMem(2)),
            ),
            (
                "mem stored on all paths",
                vec![s(ST, 2), j(JMP | JEQ | K, 0, 0, 1), s(ST, 3), s(LD | MEM, 2), ret],
                None,
                None,
            ),
            (
                "known ancillary",
                vec![s(LD | H | ABS, (SKF_AD_OFF + SKF_AD_PKTTYPE) as u32), ret],
                None,
                None,
            ),
            (
                "unknown ancillary",
                vec![s(LD | H | ABS, (SKF_AD_OFF + 2) as u32), ret],
                None,
                Some(Rule::UnknownAncillary((SKF_AD_OFF + 2) as u32)),
            ),
        ];
        for (name, prog, user, kernel) in cases {
            assert_eq!(check_userland(&prog).err().map(|e| e.rule), user, "{name} (userland)");
            assert_eq!(check_kernel(&prog).err().map(|e| e.rule), kernel, "{name} (kernel)");
        }
        let big = vec![ret; MAXINSNS + 1];
        assert!(check_userland(&big).is_ok());
        let e = check_kernel(&big).unwrap_err();
        assert!(e.to_string().contains("too large for the kernel"), "{e}");
    }

    #[test]
    fn every_kernel_opcode_is_known() {
        // The kernel's allow-list, spelled out.
        let known: &[u16] = &[
            0x00, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50, 0x60, 0x80, // ld
            0x01, 0x61, 0x81, 0xb1, // ldx
            0x02, 0x03, // st, stx
            0x04, 0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x44, 0x4c, 0x54, 0x5c, 0x64, 0x6c,
            0x74, 0x7c, 0x84, 0x94, 0x9c, 0xa4, 0xac, // alu
            0x05, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x3d, 0x45, 0x4d, // jmp
            0x06, 0x16, // ret
            0x07, 0x87, // misc
        ];
        for code in 0..=u16::MAX {
            assert_eq!(known_opcode(code), known.contains(&code), "opcode 0x{code:x}");
        }
    }
}
