//! Stage 1: expression text to [`ast::Filter`].
//!
//! The grammar lives in `grammar/pcap_filter.pest` and follows libpcap
//! 1.10.3's scanner and parser: longest-match tokens (a keyword only when
//! the identifier rule would not match a longer word), `and`/`or` at equal
//! precedence and left associative, `not` tighter, the arithmetic ladder
//! with `%` and `^` binding to everything on their right (bison's
//! shift-by-default for their missing precedence), and libpcap's depth limit.

pub mod ast;
mod build;
pub mod error;
mod lexer;
mod parser;

pub use error::{SyntaxError, SyntaxErrorKind};

/// Parses a filter expression. The empty (or all-blank) expression gives
/// `Ok(None)`.
pub fn parse(text: &str) -> Result<ast::Filter, SyntaxError> {
    parser::parse(text)
}
