//! Classic BPF as plain data: instructions, the assembler that turns a
//! control-flow graph into them, and the `-d`/`-dd`/`-ddd` printers.

pub mod assemble;
pub mod insn;
pub mod print;
pub mod validate;
pub mod vm;

pub use insn::Insn;
pub use print::DumpFormat;
