//! pest parse tree to AST. (Stub: being written.)

use super::ast::{Filter, Span};
use super::error::{SyntaxError, SyntaxErrorKind};

pub(super) fn parse(text: &str) -> Result<Filter, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Err(SyntaxError { kind: SyntaxErrorKind::Syntax, span: Span::new(0, text.len()) })
}
