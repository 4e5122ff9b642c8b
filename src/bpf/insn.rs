//! Classic BPF instructions as plain data.
//!
//! An [`Insn`] is the kernel's `struct sock_filter`: a 16-bit opcode, two
//! 8-bit relative jump offsets and a 32-bit operand. The opcode is built
//! from the class, size, mode, operation and source fields below, exactly as
//! in `linux/bpf_common.h`.

/// One classic BPF instruction (`struct sock_filter`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Insn {
    /// Opcode: class | size | mode, class | op | src, ...
    pub code: u16,
    /// Relative offset taken when a conditional jump is true.
    pub jt: u8,
    /// Relative offset taken when a conditional jump is false.
    pub jf: u8,
    /// Generic operand.
    pub k: u32,
}

impl Insn {
    /// A non-jump instruction.
    pub const fn stmt(code: u16, k: u32) -> Insn {
        Insn { code, jt: 0, jf: 0, k }
    }

    /// A conditional jump.
    pub const fn jump(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
        Insn { code, jt, jf, k }
    }

    /// The instruction class (`BPF_CLASS`).
    pub const fn class(self) -> u16 {
        class(self.code)
    }
}

/// `BPF_CLASS(code)`.
pub const fn class(code: u16) -> u16 {
    code & 0x07
}
/// `BPF_SIZE(code)`.
pub const fn size(code: u16) -> u16 {
    code & 0x18
}
/// `BPF_MODE(code)`.
pub const fn mode(code: u16) -> u16 {
    code & 0xe0
}
/// `BPF_OP(code)`.
pub const fn op(code: u16) -> u16 {
    code & 0xf0
}
/// `BPF_SRC(code)`.
pub const fn src(code: u16) -> u16 {
    code & 0x08
}
/// `BPF_RVAL(code)`.
pub const fn rval(code: u16) -> u16 {
    code & 0x18
}
/// `BPF_MISCOP(code)`.
pub const fn miscop(code: u16) -> u16 {
    code & 0xf8
}

// Instruction classes.
#[rustfmt::skip]
pub mod consts {
    //! The opcode field values of `linux/bpf_common.h` and `linux/filter.h`.
    pub const LD: u16 = 0x00;
    pub const LDX: u16 = 0x01;
    pub const ST: u16 = 0x02;
    pub const STX: u16 = 0x03;
    pub const ALU: u16 = 0x04;
    pub const JMP: u16 = 0x05;
    pub const RET: u16 = 0x06;
    pub const MISC: u16 = 0x07;

    // Sizes.
    pub const W: u16 = 0x00;
    pub const H: u16 = 0x08;
    pub const B: u16 = 0x10;

    // Modes.
    pub const IMM: u16 = 0x00;
    pub const ABS: u16 = 0x20;
    pub const IND: u16 = 0x40;
    pub const MEM: u16 = 0x60;
    pub const LEN: u16 = 0x80;
    pub const MSH: u16 = 0xa0;

    // ALU operations.
    pub const ADD: u16 = 0x00;
    pub const SUB: u16 = 0x10;
    pub const MUL: u16 = 0x20;
    pub const DIV: u16 = 0x30;
    pub const OR: u16 = 0x40;
    pub const AND: u16 = 0x50;
    pub const LSH: u16 = 0x60;
    pub const RSH: u16 = 0x70;
    pub const NEG: u16 = 0x80;
    pub const MOD: u16 = 0x90;
    pub const XOR: u16 = 0xa0;

    // Jump operations.
    pub const JA: u16 = 0x00;
    pub const JEQ: u16 = 0x10;
    pub const JGT: u16 = 0x20;
    pub const JGE: u16 = 0x30;
    pub const JSET: u16 = 0x40;

    // Operand sources.
    pub const K: u16 = 0x00;
    pub const X: u16 = 0x08;
    /// Return value source A (`BPF_A`).
    pub const A: u16 = 0x10;

    // MISC operations.
    pub const TAX: u16 = 0x00;
    pub const TXA: u16 = 0x80;

    /// Number of scratch memory words (`BPF_MEMWORDS`).
    pub const MEMWORDS: u32 = 16;
    /// The kernel's limit on program length (`BPF_MAXINSNS`).
    pub const MAXINSNS: usize = 4096;

    /// Base of the kernel's ancillary-data load offsets (`SKF_AD_OFF`).
    pub const SKF_AD_OFF: i32 = -0x1000;
    pub const SKF_AD_PROTOCOL: i32 = 0;
    pub const SKF_AD_PKTTYPE: i32 = 4;
    pub const SKF_AD_IFINDEX: i32 = 8;
    pub const SKF_AD_NLATTR: i32 = 12;
    pub const SKF_AD_NLATTR_NEST: i32 = 16;
    pub const SKF_AD_MARK: i32 = 20;
    pub const SKF_AD_QUEUE: i32 = 24;
    pub const SKF_AD_HATYPE: i32 = 28;
    pub const SKF_AD_RXHASH: i32 = 32;
    pub const SKF_AD_CPU: i32 = 36;
    pub const SKF_AD_ALU_XOR_X: i32 = 40;
    pub const SKF_AD_VLAN_TAG: i32 = 44;
    pub const SKF_AD_VLAN_TAG_PRESENT: i32 = 48;
    pub const SKF_AD_PAY_OFFSET: i32 = 52;
    pub const SKF_AD_RANDOM: i32 = 56;
    pub const SKF_AD_VLAN_TPID: i32 = 60;
    /// One past the last ancillary offset the kernel knows.
    pub const SKF_AD_MAX: i32 = 64;
}

/// The symbolic name `tcpdump -d` prints for an ancillary load offset, if any.
pub fn ancillary_name(k: u32) -> Option<&'static str> {
    let off = (k as i32).wrapping_sub(consts::SKF_AD_OFF);
    if !(0..consts::SKF_AD_MAX).contains(&off) {
        return None;
    }
    Some(match off {
        0 => "proto",
        4 => "type",
        8 => "ifidx",
        12 => "nla",
        16 => "nlan",
        20 => "mark",
        24 => "queue",
        28 => "hatype",
        32 => "rxhash",
        36 => "cpu",
        40 => "xor_x",
        44 => "vlan_tci",
        48 => "vlanp",
        52 => "poff",
        56 => "random",
        60 => "vlan_tpid",
        _ => return None,
    })
}
