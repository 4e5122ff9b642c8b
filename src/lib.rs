//! bpfcap: a pure-Rust `pcap_compile` that builds the same classic BPF
//! program as libpcap 1.10.3, plus the capture tool around it.
//!
//! # The pipeline
//!
//! * [`syntax`] reads the filter text (a pest grammar in
//!   `grammar/pcap_filter.pest`) into an AST that is faithful to what was
//!   written, with spans for error reporting.
//! * [`compile`] lowers the AST to a control-flow graph of basic blocks
//!   ([`ir::Cfg`]), exactly as libpcap's `gencode.c` does for the chosen
//!   link-layer type ([`dlt::Dlt`]): same blocks, same statement order, same
//!   scratch registers.
//! * [`opt`] runs libpcap's optimizer on that graph (unless `-O`).
//! * [`bpf::assemble`] linearizes the graph into [`bpf::Insn`]s, inserting
//!   long jumps where 8-bit branch offsets do not reach, and
//!   [`bpf::print`] renders the `-d`/`-dd`/`-ddd` listings.
//!
//! Around the compiler sit the offline filter ([`offline`]: savefiles and a
//! cBPF interpreter), live capture on Linux ([`capture`]) and the packet
//! printer ([`display`]), all driven by the tcpdump-compatible [`cli`].
//!
//! # Example
//!
//! ```
//! use bpfcap::{compile, dlt::Dlt, bpf::DumpFormat};
//!
//! let prog = compile("ip", Dlt::EN10MB, 262144, true).unwrap();
//! assert_eq!(
//!     prog.dump(DumpFormat::Decimal),
//!     "4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n"
//! );
//! ```

#![deny(unsafe_code)]

pub mod bpf;
pub mod capture;
pub mod cli;
pub mod compile;
pub mod display;
pub mod dlt;
pub mod ir;
pub mod offline;
pub mod opt;
pub mod syntax;

use bpf::{DumpFormat, Insn};
use compile::Target;
use dlt::Dlt;

/// A compiled filter program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    insns: Vec<Insn>,
}

impl Program {
    /// Wraps instructions as a program.
    pub fn from_insns(insns: Vec<Insn>) -> Program {
        Program { insns }
    }

    /// The instructions.
    pub fn insns(&self) -> &[Insn] {
        &self.insns
    }

    /// The listing `tcpdump -d`, `-dd` or `-ddd` prints.
    pub fn dump(&self, format: DumpFormat) -> String {
        bpf::print::dump(&self.insns, format)
    }
}

/// Why a filter could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The text is not a filter expression.
    Syntax {
        /// The error.
        error: syntax::SyntaxError,
        /// The expression it was found in.
        expr: String,
    },
    /// The expression is well-formed but meaningless for this target
    /// (`unknown host`, `'port' modifier applied to ip host`, ...).
    Compile {
        /// The error.
        error: compile::CompileError,
        /// The expression it was found in.
        expr: String,
    },
    /// The optimizer proved that no packet can match.
    RejectsAll,
    /// The optimizer met an error libpcap's optimizer reports too, such as
    /// a constant division by zero it folded (`modulus by zero`).
    Optimize(String),
    /// A bug in bpfcap.
    Internal(String),
}

impl Error {
    /// The one-line message tcpdump would print after `tcpdump: `.
    pub fn message(&self) -> String {
        match self {
            Error::Syntax { error, .. } => error.message(),
            Error::Compile { error, .. } => error.message.clone(),
            Error::RejectsAll => "expression rejects all packets".into(),
            Error::Optimize(m) | Error::Internal(m) => m.clone(),
        }
    }

    /// The expression with a caret under the offending part, when known.
    pub fn caret(&self) -> Option<String> {
        match self {
            Error::Syntax { error, expr } => Some(syntax::error::caret(expr, error.span)),
            Error::Compile { error: compile::CompileError { span: Some(s), .. }, expr } => {
                Some(syntax::error::caret(expr, *s))
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())?;
        if let Some(c) = self.caret() {
            write!(f, "\n{c}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Code generation recurses over the tree, which libpcap's parser lets
/// nest about 10,000 levels deep. Long expressions are therefore lowered on
/// a thread whose stack grows with the text, so no input can overflow the
/// caller's (possibly small) stack.
fn generate_with_stack(
    ast: &syntax::ast::Filter,
    target: &Target,
    len: usize,
) -> Result<ir::Cfg, compile::CompileError> {
    if len < 512 {
        return compile::generate(ast, target);
    }
    let stack = (64 << 20).max(len.saturating_mul(4096));
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(s, || compile::generate(ast, target))
            .map_err(|e| compile::CompileError {
                message: format!("can't start the code generator: {e}"),
                span: None,
            })?
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}

/// libpcap generates code for each primitive as soon as its parser reduces
/// it, so a semantic error in a primitive written before a syntax error is
/// what tcpdump reports (`host a- and` gives `unknown host 'a'`). bpfcap
/// parses the whole text first; on a syntax error it compiles the longest
/// prefix before the error that parses (closing any open parentheses) and
/// reports that prefix's semantic error, if it has one.
fn earlier_semantic_error(
    expr: &str,
    error: &syntax::SyntaxError,
    target: &Target,
) -> Option<Error> {
    if error.kind == syntax::SyntaxErrorKind::TooDeep {
        return None;
    }
    let mut prefix = expr.get(..error.span.start.min(expr.len()))?.trim_end();
    // The prefix as it stands (a primitive the parser reduced on seeing the
    // bad token), then without trailing connectives (a primitive reduced on
    // seeing `and`, `or`, `not` or `(`). Cutting further would invent
    // reductions libpcap never made.
    for _ in 0..8 {
        if prefix.is_empty() {
            return None;
        }
        let open = prefix.matches('(').count().saturating_sub(prefix.matches(')').count());
        if open <= 64 {
            let candidate = format!("{prefix}{}", ")".repeat(open));
            if let Ok(ast) = syntax::parse(&candidate) {
                return match generate_with_stack(&ast, target, candidate.len()) {
                    Err(error) => Some(Error::Compile { error, expr: expr.to_string() }),
                    Ok(_) => None,
                };
            }
        }
        prefix = strip_connective(prefix)?;
    }
    None
}

/// `text` without its last word if that word is `and`, `or`, `not`, `&&`,
/// `||`, `!` or `(`.
fn strip_connective(text: &str) -> Option<&str> {
    for tail in ["&&", "||", "!", "("] {
        if let Some(t) = text.strip_suffix(tail) {
            return Some(t.trim_end());
        }
    }
    for word in ["and", "or", "not"] {
        if let Some(t) = text.strip_suffix(word)
            && (t.is_empty() || t.ends_with(|c: char| c.is_whitespace() || c == ')' || c == '('))
        {
            return Some(t.trim_end());
        }
    }
    None
}

/// Compiles `expr` for a dead handle of link type `linktype`, as
/// `tcpdump -y DLT -s SNAPLEN [-O] -d EXPR` does. `optimize` = false is
/// tcpdump's `-O`.
pub fn compile(expr: &str, linktype: Dlt, snaplen: u32, optimize: bool) -> Result<Program, Error> {
    compile_for(expr, &Target::new(linktype, snaplen), optimize)
}

/// Compiles `expr` for an explicit [`Target`] (live-Linux code, netmask).
pub fn compile_for(expr: &str, target: &Target, optimize: bool) -> Result<Program, Error> {
    let ast = match syntax::parse(expr) {
        Ok(ast) => ast,
        Err(error) => {
            if let Some(e) = earlier_semantic_error(expr, &error, target) {
                return Err(e);
            }
            return Err(Error::Syntax { error, expr: expr.to_string() });
        }
    };
    let mut cfg = generate_with_stack(&ast, target, expr.len())
        .map_err(|error| Error::Compile { error, expr: expr.to_string() })?;
    if optimize && !cfg.no_optimize {
        opt::optimize(&mut cfg).map_err(Error::Optimize)?;
        let root = cfg.block(cfg.root);
        if root.is_ret()
            && root.k == 0
            && root.code == (bpf::insn::consts::RET | bpf::insn::consts::K)
        {
            return Err(Error::RejectsAll);
        }
    }
    let insns = bpf::assemble::assemble(&cfg).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Program { insns })
}
