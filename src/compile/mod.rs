//! Stage 2: AST to control-flow graph (the role of libpcap's `gencode.c`).
//!
//! (Stub: being written.)

use crate::dlt::Dlt;
use crate::ir::Cfg;
use crate::syntax::ast::{Filter, Span};

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
}

impl Target {
    /// A dead (offline) handle for the given link type and snaplen.
    pub fn new(linktype: Dlt, snaplen: u32) -> Target {
        Target { linktype, snaplen, live_linux: false, netmask: 0 }
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

/// Generates the unoptimized control-flow graph for `filter`.
pub fn generate(filter: &Filter, target: &Target) -> Result<Cfg, CompileError> {
    let _ = (filter, target);
    Err(CompileError { message: "code generation is not written yet".into(), span: None })
}
