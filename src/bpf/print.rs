//! The three program listings of `tcpdump -d`, `-dd` and `-ddd`.
//!
//! `-d` is libpcap's `bpf_image` layout: `(NNN) op       operand`, with jumps
//! followed by `jt T\tjf F` as absolute instruction numbers. Operands are
//! printed signed where libpcap prints them signed (`add #-1`, `[-4095]`),
//! and absolute loads from the kernel's ancillary area print symbolically
//! (`ldh [type]`). Instructions without an operand keep their trailing
//! spaces (`tax      `), as tcpdump's output does.

use std::fmt::Write;

use super::insn::{self, Insn, ancillary_name, consts::*};

/// Which listing to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DumpFormat {
    /// `-d`: human-readable assembly.
    Asm,
    /// `-dd`: a C array of `struct sock_filter` initializers.
    CArray,
    /// `-ddd`: the count, then `code jt jf k` in decimal.
    Decimal,
}

impl DumpFormat {
    /// The format for a count of `-d` flags (1, 2, 3 or more).
    pub fn from_count(n: u8) -> DumpFormat {
        match n {
            0 | 1 => DumpFormat::Asm,
            2 => DumpFormat::CArray,
            _ => DumpFormat::Decimal,
        }
    }
}

/// Renders `prog` in the given format; every line ends with `\n`.
pub fn dump(prog: &[Insn], format: DumpFormat) -> String {
    let mut out = String::with_capacity(prog.len() * 48);
    match format {
        DumpFormat::Asm => {
            for (n, i) in prog.iter().enumerate() {
                out.push_str(&image(i, n));
                out.push('\n');
            }
        }
        DumpFormat::CArray => {
            for i in prog {
                let _ = writeln!(out, "{{ 0x{:x}, {}, {}, 0x{:08x} }},", i.code, i.jt, i.jf, i.k);
            }
        }
        DumpFormat::Decimal => {
            let _ = writeln!(out, "{}", prog.len());
            for i in prog {
                let _ = writeln!(out, "{} {} {} {}", i.code, i.jt, i.jf, i.k);
            }
        }
    }
    out
}

/// One `-d` line (without the newline) for instruction `i` at index `n`.
pub fn image(i: &Insn, n: usize) -> String {
    let k = i.k;
    let sk = k as i32;
    let mem = |name: &str| (name.to_string(), format!("M[{k}]"));
    let abs = |name: &str| {
        let operand = match ancillary_name(k) {
            Some(a) => format!("[{a}]"),
            None => format!("[{sk}]"),
        };
        (name.to_string(), operand)
    };
    let ind = |name: &str| (name.to_string(), format!("[x + {sk}]"));
    let jump = |name: &str, operand: String| {
        let line = format!(
            "({n:03}) {name:<8} {operand:<16} jt {}\tjf {}",
            n + 1 + i.jt as usize,
            n + 1 + i.jf as usize
        );
        line
    };
    let (op, operand): (String, String) = match i.code {
        c if c == RET | K => ("ret".into(), format!("#{k}")),
        c if c == RET | A => ("ret".into(), String::new()),
        c if c == LD | W | ABS => abs("ld"),
        c if c == LD | H | ABS => abs("ldh"),
        c if c == LD | B | ABS => abs("ldb"),
        c if c == LD | W | LEN => ("ld".into(), "#pktlen".into()),
        c if c == LD | W | IND => ind("ld"),
        c if c == LD | H | IND => ind("ldh"),
        c if c == LD | B | IND => ind("ldb"),
        c if c == LD | IMM => ("ld".into(), format!("#0x{k:x}")),
        c if c == LDX | IMM => ("ldx".into(), format!("#0x{k:x}")),
        c if c == LDX | W | LEN => ("ldx".into(), "#pktlen".into()),
        c if c == LDX | MSH | B => ("ldxb".into(), format!("4*([{sk}]&0xf)")),
        c if c == LD | MEM => mem("ld"),
        c if c == LDX | MEM => mem("ldx"),
        c if c == ST => mem("st"),
        c if c == STX => mem("stx"),
        c if c == JMP | JA => {
            ("ja".into(), format!("{}", (n as u32).wrapping_add(1).wrapping_add(k) as i32))
        }
        c if c == JMP | JEQ | K => return jump("jeq", format!("#0x{k:x}")),
        c if c == JMP | JGT | K => return jump("jgt", format!("#0x{k:x}")),
        c if c == JMP | JGE | K => return jump("jge", format!("#0x{k:x}")),
        c if c == JMP | JSET | K => return jump("jset", format!("#0x{k:x}")),
        c if c == JMP | JEQ | X => return jump("jeq", "x".into()),
        c if c == JMP | JGT | X => return jump("jgt", "x".into()),
        c if c == JMP | JGE | X => return jump("jge", "x".into()),
        c if c == JMP | JSET | X => return jump("jset", "x".into()),
        c if c == ALU | NEG => ("neg".into(), String::new()),
        c if c == MISC | TAX => ("tax".into(), String::new()),
        c if c == MISC | TXA => ("txa".into(), String::new()),
        c if insn::class(c) == ALU && insn::op(c) <= XOR => {
            let name = match insn::op(c) {
                ADD => "add",
                SUB => "sub",
                MUL => "mul",
                DIV => "div",
                MOD => "mod",
                AND => "and",
                OR => "or",
                XOR => "xor",
                LSH => "lsh",
                RSH => "rsh",
                _ => return format!("({n:03}) {:<8} 0x{c:x}", "unimp"),
            };
            let operand = if insn::src(c) == X {
                "x".to_string()
            } else if matches!(insn::op(c), AND | OR | XOR) {
                format!("#0x{k:x}")
            } else {
                format!("#{sk}")
            };
            (name.into(), operand)
        }
        c => ("unimp".into(), format!("0x{c:x}")),
    };
    format!("({n:03}) {op:<8} {operand}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_match_tcpdump() {
        let prog = [
            Insn::stmt(LD | H | ABS, 12),
            Insn::jump(JMP | JEQ | K, 0x800, 0, 1),
            Insn::stmt(RET | K, 262144),
            Insn::stmt(RET | K, 0),
        ];
        assert_eq!(
            dump(&prog, DumpFormat::Asm),
            "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 3\n\
             (002) ret      #262144\n(003) ret      #0\n"
        );
        assert_eq!(
            dump(&prog, DumpFormat::CArray),
            "{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 1, 0x00000800 },\n\
             { 0x6, 0, 0, 0x00040000 },\n{ 0x6, 0, 0, 0x00000000 },\n"
        );
        assert_eq!(
            dump(&prog, DumpFormat::Decimal),
            "4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n"
        );
    }

    #[test]
    fn trailing_spaces_and_symbols() {
        assert_eq!(image(&Insn::stmt(MISC | TAX, 0), 21), "(021) tax      ");
        assert_eq!(
            image(&Insn::stmt(LD | H | ABS, (-4096i32 + 4) as u32), 0),
            "(000) ldh      [type]"
        );
        assert_eq!(image(&Insn::stmt(ALU | ADD | K, u32::MAX), 3), "(003) add      #-1");
        assert_eq!(image(&Insn::stmt(JMP | JA, 1), 13), "(013) ja       15");
    }
}
