//! Syntax errors, with the span of the offending text and a caret display.

use super::ast::Span;

/// What went wrong while reading the expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The token sequence is not a filter (libpcap: `syntax error`).
    Syntax,
    /// Nesting deeper than libpcap's parser stack allows
    /// (libpcap: `memory exhausted`).
    TooDeep,
    /// `number N contains non-octal digit`.
    NonOctal(String),
    /// `number N overflows 32 bits`.
    Overflow(String),
    /// `bogus IPv6 address N`.
    BogusIpv6(String),
    /// Any other lexical error, with libpcap's message.
    Other(String),
}

/// A syntax error in a filter expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong.
    pub kind: SyntaxErrorKind,
    /// Where (byte offsets into the expression).
    pub span: Span,
}

impl SyntaxError {
    /// The message tcpdump prints (after `tcpdump: `) for this error.
    pub fn message(&self) -> String {
        match &self.kind {
            SyntaxErrorKind::Syntax => "can't parse filter expression: syntax error".into(),
            SyntaxErrorKind::TooDeep => "can't parse filter expression: memory exhausted".into(),
            SyntaxErrorKind::NonOctal(n) => format!("number {n} contains non-octal digit"),
            SyntaxErrorKind::Overflow(n) => format!("number {n} overflows 32 bits"),
            SyntaxErrorKind::BogusIpv6(a) => format!("bogus IPv6 address {a}"),
            SyntaxErrorKind::Other(m) => m.clone(),
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for SyntaxError {}

/// Renders `expr` with a caret line under `span`, indented by two spaces:
///
/// ```text
///   tcp port 80 and and
///                   ^^^
/// ```
pub fn caret(expr: &str, span: Span) -> String {
    // Show one line; tabs and newlines become spaces so columns line up.
    let shown: String = expr.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let start = expr[..span.start.min(expr.len())].chars().count();
    let end = expr[..span.end.min(expr.len())].chars().count();
    let width = end.saturating_sub(start).max(1);
    format!("  {shown}\n  {}{}", " ".repeat(start), "^".repeat(width))
}
