//! Regression tests for the 1.10.3 behaviours we reproduce on purpose,
//! from tcpdump's own listings in `tests/data/opt-pairs/quirks.txt`
//! (unoptimized program in, optimized listing or error out). The full
//! corpus comparison is `tests/opt_pairs.rs`.

use super::rebuild::{cfg_from_insns, parse_decimal};
use crate::bpf::insn::consts::{K, RET};
use crate::bpf::{DumpFormat, assemble, print};

const QUIRKS: &str = include_str!("../../tests/data/opt-pairs/quirks.txt");

/// Our `-d` listing (or `error: ...`) for an unoptimized `-ddd` listing.
fn optimized(ddd: &str) -> String {
    let mut cfg = cfg_from_insns(&parse_decimal(ddd).unwrap()).unwrap();
    if let Err(e) = super::optimize(&mut cfg) {
        return format!("error: {e}\n");
    }
    let root = cfg.block(cfg.root);
    if root.is_ret() && root.k == 0 && root.code == RET | K {
        return "error: expression rejects all packets\n".into();
    }
    print::dump(&assemble::assemble(&cfg).unwrap(), DumpFormat::Asm)
}

/// Checks one record of `quirks.txt` (by link type and expression).
fn check(dlt: &str, expr: &str) {
    let rec = QUIRKS
        .split("=== ")
        .skip(1)
        .find(|r| {
            let mut l = r.lines();
            l.next().is_some_and(|h| h.split(' ').next() == Some(dlt)) && l.next() == Some(expr)
        })
        .unwrap_or_else(|| panic!("no record for {dlt} {expr}"));
    let (_, rest) = rec.split_once("--- unopt\n").unwrap();
    let (unopt, expected) = rest.split_once("--- opt\n").unwrap();
    assert_eq!(optimized(unopt), expected, "{dlt} {expr}");
}

#[test]
fn ip_alone_is_unchanged() {
    assert_eq!(
        optimized("4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n"),
        "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 3\n\
         (002) ret      #262144\n(003) ret      #0\n"
    );
}

#[test]
fn pr1742_jset_all_ones_is_taken_as_always_true() {
    check("EN10MB", "link[0:1] & 0xffffffff != 0");
}

#[test]
fn issue_1699_equal_constants_alias_a_comparison() {
    check("EN10MB", "1/2=1/3&&1>4/5&&1>6/7");
}

#[test]
fn issue_437_dead_store_keeps_its_value() {
    check("EN10MB", "(1 = 0) || (2147483648 / 4294967295 = 0) and (0 & 4294967295 = 0)");
}

/// libpcap#1670 (`vxlan and arp`, not expressible in 1.10.3's grammar): a
/// block whose successors are equal is skipped when nothing live *out of*
/// the common successor conflicts, even though that successor reads the X
/// the skipped block loads.
#[test]
fn issue_1670_jt_eq_jf_bypass_ignores_in_use() {
    use crate::bpf::insn::consts::{ABS, B, JEQ, JMP, LD, LDX, MISC, MSH, TXA, W};
    use crate::ir::{Block, BlockId, Cfg, Stmt};
    let accept = Block::ret(vec![], RET | K, 262144);
    let reject = Block::ret(vec![], RET | K, 0);
    let mut p = Block::branch(vec![Stmt::new(LD | W | ABS, 0)], JMP | JEQ | K, 5);
    let mut s = Block::branch(vec![Stmt::new(LDX | MSH | B, 14)], JMP | JEQ | K, 5);
    let mut t = Block::branch(vec![Stmt::new(MISC | TXA, 0)], JMP | JEQ | K, 20);
    p.jt = Some(BlockId(3));
    p.jf = Some(BlockId(1));
    s.jt = Some(BlockId(4));
    s.jf = Some(BlockId(4));
    t.jt = Some(BlockId(0));
    t.jf = Some(BlockId(1));
    let mut cfg =
        Cfg { blocks: vec![accept, reject, p, s, t], root: BlockId(2), no_optimize: false };
    super::optimize(&mut cfg).unwrap();
    let prog = assemble::assemble(&cfg).unwrap();
    assert!(prog.iter().all(|i| i.code != LDX | MSH | B), "the ldxb is skipped");
    assert!(prog.iter().any(|i| i.code == MISC | TXA), "but its reader stays");
}

#[test]
fn opt_root_carries_the_root_statements_down() {
    check("IPV4", "ip and tcp");
}

#[test]
fn rejects_all_packets() {
    check("EN10MB", "tcp and udp");
    check("EN10MB", "ip and not ip");
}

#[test]
fn worked_examples() {
    for e in ["host 10.0.0.1", "tcp port 80", "tcp[13] & 2 != 0", "ip[2:2] - 20 > len - 100"] {
        check("EN10MB", e);
    }
}

#[test]
fn constant_folding_and_errors() {
    for e in
        ["ip[2] * 0 = 0", "ip[2] & 0 = 0", "0 - ip[2] = 1", "-(1) = 4294967295", "len - len = 0"]
    {
        check("EN10MB", e);
    }
}

#[test]
fn deep_chain_does_not_overflow_the_stack() {
    // A long chain of `ldh [12]; jeq #i` (issue #27 was a stack overflow in
    // libpcap's recursive walks): every walk here is iterative.
    use crate::bpf::insn::consts::{ABS, H, JEQ, JMP, LD};
    use crate::ir::{Block, BlockId, Cfg, Stmt};
    let n = 3000;
    let mut blocks = vec![Block::ret(vec![], RET | K, 262144), Block::ret(vec![], RET | K, 0)];
    let mut next = BlockId(1);
    for i in 0..n {
        let mut b = Block::branch(vec![Stmt::new(LD | H | ABS, 12)], JMP | JEQ | K, i);
        b.jt = Some(BlockId(0));
        b.jf = Some(next);
        blocks.push(b);
        next = BlockId(blocks.len() as u32 - 1);
    }
    let mut cfg = Cfg { blocks, root: next, no_optimize: false };
    super::optimize(&mut cfg).unwrap();
    let prog = assemble::assemble(&cfg).unwrap();
    // One load survives; every test stays.
    assert_eq!(prog.iter().filter(|i| i.code == LD | H | ABS).count(), 1);
    assert_eq!(prog.iter().filter(|i| i.code == JMP | JEQ | K).count(), n as usize);
}

#[test]
fn a_cyclic_graph_is_an_error_not_a_hang() {
    use crate::bpf::insn::consts::{JEQ, JMP};
    use crate::ir::{Block, BlockId, Cfg};
    let mut a = Block::branch(vec![], JMP | JEQ | K, 1);
    a.jt = Some(BlockId(1));
    a.jf = Some(BlockId(2));
    let mut b = Block::branch(vec![], JMP | JEQ | K, 2);
    b.jt = Some(BlockId(0));
    b.jf = Some(BlockId(2));
    let r = Block::ret(vec![], RET | K, 0);
    let mut cfg = Cfg { blocks: vec![a, b, r], root: BlockId(0), no_optimize: false };
    assert!(super::optimize(&mut cfg).is_err());
}

/// A tiny deterministic generator for the robustness test.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u32) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as u32
    }
}

/// Random acyclic graphs of random statements: the optimizer must return
/// (a result or an error), never panic or loop, and the result must still
/// assemble.
#[test]
fn random_graphs_never_panic() {
    use crate::bpf::insn::consts::*;
    use crate::ir::{Block, BlockId, Cfg, Stmt};
    let stmt_codes = [
        LD | W | ABS,
        LD | H | ABS,
        LD | B | ABS,
        LD | W | IND,
        LD | B | IND,
        LD | W | LEN,
        LD | IMM,
        LDX | IMM,
        LDX | MSH | B,
        LD | MEM,
        LDX | MEM,
        ST,
        STX,
        MISC | TAX,
        MISC | TXA,
        ALU | NEG,
        ALU | ADD | K,
        ALU | SUB | K,
        ALU | MUL | K,
        ALU | DIV | K,
        ALU | AND | K,
        ALU | OR | K,
        ALU | LSH | K,
        ALU | RSH | K,
        ALU | ADD | X,
        ALU | SUB | X,
        ALU | AND | X,
        ALU | MOD | X,
        ALU | XOR | X,
    ];
    let jumps = [JMP | JEQ | K, JMP | JGT | K, JMP | JGE | K, JMP | JSET | K, JMP | JEQ | X];
    let mut r = Lcg(42);
    let (mut ok, mut err) = (0, 0);
    for _ in 0..3000 {
        let n = 2 + r.next(40) as usize;
        let mut blocks = vec![Block::ret(vec![], RET | K, 262144), Block::ret(vec![], RET | K, 0)];
        // Block i may only jump to blocks created before it: acyclic.
        for _ in 0..n {
            let stmts = (0..r.next(5))
                .map(|_| {
                    let code = stmt_codes[r.next(stmt_codes.len() as u32) as usize];
                    let k = match code {
                        c if c == LD | MEM || c == LDX | MEM || c == ST || c == STX => r.next(16),
                        _ => [0, 1, 2, 12, 31, 32, 0xffff_ffff][r.next(7) as usize],
                    };
                    Stmt::new(code, k)
                })
                .collect();
            let code = jumps[r.next(jumps.len() as u32) as usize];
            let k = [0, 1, 2, 0x800, 0xffff_ffff][r.next(5) as usize];
            let mut b = Block::branch(stmts, code, k);
            let len = blocks.len() as u32;
            b.jt = Some(BlockId(r.next(len)));
            b.jf = Some(BlockId(r.next(len)));
            blocks.push(b);
        }
        let root = BlockId(blocks.len() as u32 - 1);
        let mut cfg = Cfg { blocks, root, no_optimize: false };
        match super::optimize(&mut cfg) {
            Ok(()) => {
                ok += 1;
                assemble::assemble(&cfg).unwrap();
            }
            Err(_) => err += 1,
        }
    }
    assert!(ok > 100, "{ok} optimized, {err} rejected");
}
