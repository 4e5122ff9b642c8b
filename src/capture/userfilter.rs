//! The userspace fallback filter: a small classic BPF interpreter for the
//! programs the kernel cannot run (longer than 4096 instructions, backward
//! jumps, cooked-header fields the kernel does not expose).
//!
//! It follows the kernel's rules where they differ from a plain machine:
//! an out-of-bounds load rejects the packet, division by zero rejects,
//! and ancillary loads (`[proto]`, `[type]`, `[ifidx]`, `[vlanp]`,
//! `[vlan_tci]`, ...) read the packet's metadata. Execution is bounded by
//! a step budget so that a program with a backward loop cannot hang us.
//!
//! The crate's general interpreter, `bpf::vm`, runs every program without
//! ancillary loads (it refuses them, as they mean nothing offline); this
//! one only runs the live programs that read socket metadata.

use crate::bpf::Insn;
use crate::bpf::insn::{self, consts::*};

/// Packet metadata the ancillary loads read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Aux {
    /// Ethertype (host order).
    pub protocol: u16,
    /// `PACKET_*` type.
    pub pkttype: u8,
    /// Interface index.
    pub ifindex: u32,
    /// ARPHRD type.
    pub hatype: u16,
    /// A VLAN tag was stripped.
    pub vlan_present: bool,
    /// Its TCI.
    pub vlan_tci: u16,
    /// Its TPID.
    pub vlan_tpid: u16,
}

/// The most instructions one run may execute.
const STEP_BUDGET: usize = 1 << 20;

fn load(pkt: &[u8], off: u32, size: u16) -> Option<u32> {
    let o = off as usize;
    match size {
        W => pkt.get(o..o.checked_add(4)?).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]])),
        H => pkt.get(o..o.checked_add(2)?).map(|b| u32::from(u16::from_be_bytes([b[0], b[1]]))),
        B => pkt.get(o).map(|&b| u32::from(b)),
        _ => None,
    }
}

fn ancillary(k: u32, aux: &Aux, wire_len: u32) -> Option<u32> {
    let off = (k as i32).wrapping_sub(SKF_AD_OFF);
    Some(match off {
        SKF_AD_PROTOCOL => u32::from(aux.protocol),
        SKF_AD_PKTTYPE => u32::from(aux.pkttype),
        SKF_AD_IFINDEX => aux.ifindex,
        SKF_AD_HATYPE => u32::from(aux.hatype),
        SKF_AD_VLAN_TAG => u32::from(aux.vlan_tci),
        SKF_AD_VLAN_TAG_PRESENT => u32::from(aux.vlan_present),
        SKF_AD_VLAN_TPID => u32::from(aux.vlan_tpid),
        SKF_AD_PAY_OFFSET => return None,
        _ => {
            let _ = wire_len;
            0
        }
    })
}

/// Runs `prog` on `pkt` (whose length on the wire is `wire_len`); returns
/// the number of bytes to keep (0 = reject).
pub fn run(prog: &[Insn], pkt: &[u8], wire_len: u32, aux: &Aux) -> u32 {
    let (mut a, mut x) = (0u32, 0u32);
    let mut mem = [0u32; MEMWORDS as usize];
    let mut pc = 0usize;
    for _ in 0..STEP_BUDGET {
        let Some(&ins) = prog.get(pc) else { return 0 };
        pc += 1;
        let code = ins.code;
        match insn::class(code) {
            LD | LDX => {
                let size = insn::size(code);
                let v = match insn::mode(code) {
                    IMM => ins.k,
                    LEN => wire_len,
                    MEM => mem.get(ins.k as usize).copied().unwrap_or(0),
                    ABS if (ins.k as i32) < 0 => match ancillary(ins.k, aux, wire_len) {
                        Some(v) => v,
                        None => return 0,
                    },
                    ABS => match load(pkt, ins.k, size) {
                        Some(v) => v,
                        None => return 0,
                    },
                    IND => match load(pkt, x.wrapping_add(ins.k), size) {
                        Some(v) => v,
                        None => return 0,
                    },
                    MSH => match pkt.get(ins.k as usize) {
                        Some(&b) => u32::from(b & 0xf) * 4,
                        None => return 0,
                    },
                    _ => return 0,
                };
                if insn::class(code) == LD { a = v } else { x = v }
            }
            ST => {
                if let Some(m) = mem.get_mut(ins.k as usize) {
                    *m = a;
                }
            }
            STX => {
                if let Some(m) = mem.get_mut(ins.k as usize) {
                    *m = x;
                }
            }
            ALU => {
                let v = if insn::src(code) == X { x } else { ins.k };
                a = match insn::op(code) {
                    ADD => a.wrapping_add(v),
                    SUB => a.wrapping_sub(v),
                    MUL => a.wrapping_mul(v),
                    DIV if v == 0 => return 0,
                    DIV => a / v,
                    MOD if v == 0 => return 0,
                    MOD => a % v,
                    OR => a | v,
                    AND => a & v,
                    XOR => a ^ v,
                    LSH => a.checked_shl(v).unwrap_or(0),
                    RSH => a.checked_shr(v).unwrap_or(0),
                    NEG => a.wrapping_neg(),
                    _ => return 0,
                };
            }
            JMP => {
                let v = if insn::src(code) == X { x } else { ins.k };
                let taken = match insn::op(code) {
                    JA => {
                        // A backward `ja` (protochain) is a 32-bit signed offset.
                        pc = (pc as i64 + i64::from(ins.k as i32)) as usize;
                        continue;
                    }
                    JEQ => a == v,
                    JGT => a > v,
                    JGE => a >= v,
                    JSET => a & v != 0,
                    _ => return 0,
                };
                pc += usize::from(if taken { ins.jt } else { ins.jf });
            }
            RET => {
                return match insn::rval(code) {
                    K => ins.k,
                    A => a,
                    _ => 0,
                };
            }
            MISC => {
                if insn::miscop(code) == TXA {
                    a = x
                } else {
                    x = a
                }
            }
            _ => return 0,
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_filter_and_bounds() {
        // tcpdump -ddd ip
        let prog = [
            Insn::stmt(LD | H | ABS, 12),
            Insn::jump(JMP | JEQ | K, 0x800, 0, 1),
            Insn::stmt(RET | K, 262144),
            Insn::stmt(RET | K, 0),
        ];
        let mut pkt = [0u8; 60];
        pkt[12] = 8;
        assert_eq!(run(&prog, &pkt, 60, &Aux::default()), 262144);
        pkt[12] = 0x86;
        assert_eq!(run(&prog, &pkt, 60, &Aux::default()), 0);
        assert_eq!(run(&prog, &pkt[..10], 60, &Aux::default()), 0);
    }

    #[test]
    fn ancillary_and_loops() {
        let prog = [
            Insn::stmt(LD | B | ABS, (SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT) as u32),
            Insn::stmt(RET | A, 0),
        ];
        let aux = Aux { vlan_present: true, ..Aux::default() };
        assert_eq!(run(&prog, &[], 0, &aux), 1);
        // An infinite loop ends by the step budget.
        let l = [Insn::stmt(JMP | JA, u32::MAX)];
        assert_eq!(run(&l, &[], 0, &aux), 0);
    }
}
