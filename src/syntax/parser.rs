//! Token text to AST: the pest grammar, error conversion and depth limits.
//!
//! The flow is: [`lexer::tokenize`] cuts the text the way flex does; the
//! tokens' canonical spellings are joined into the text that
//! `grammar/pcap_filter.pest` reads; pest checks the phrase structure; and
//! the builder (`build.rs`) turns pest's pairs into [`ast`](super::ast)
//! nodes with spans taken from the original tokens.
//!
//! Errors are reported in libpcap's order. libpcap's scanner is lazy, so a
//! token's conversion error (`number 09 contains non-octal digit`) only
//! shows if the parser reads that token; a syntax error shows at the first
//! token that cannot continue the parse (pest's furthest failure, mapped
//! back to a token), or as an empty span at the end for input that stops
//! early.
//!
//! Speed: each `(` is first spelled `A(` or `P(` by [`classify_parens`]
//! (arithmetic or not, decided from its neighbours), which keeps the PEG
//! from re-reading nested parentheses under every alternative; a failed
//! parse is repeated with the plain spelling to find the exact error
//! position (unless the nesting is very deep, see [`EXACT_RETRY_NESTING`]).
//!
//! Shapes: `(pnum)` gives a plain `Id(Num)` (no `Paren`), `( pid )` gives
//! `Paren`, and `FieldValue::List` holds `(None, Eq(first))` then
//! `(Some(false), Eq(n))` for each `or n`.
//!
//! Depth: libpcap's LR stack holds 10,000 entries. [`lr_depth`] estimates
//! the stack height libpcap's parser would reach from the token stream
//! alone, calibrated against tcpdump (`not`×9996 `ip` parses, ×9997 does
//! not; 9995 nested parentheses parse, 9996 do not), and refuses deeper
//! input with [`SyntaxErrorKind::TooDeep`] before pest runs. Input that is
//! within the limit but still deep is parsed on a helper thread whose stack
//! is sized for it, so no accepted input can overflow the caller's stack.

use pest::Parser;
use pest::iterators::Pair;

use super::ast::{Filter, Span};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{self, TokKind, Token};

/// The pest parser over canonical token text.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/pcap_filter.pest"]
pub(super) struct FilterParser;

/// libpcap's parser stack size (bison's `YYMAXDEPTH`); a parse that needs
/// this many entries fails with `memory exhausted`.
const MAX_LR_DEPTH: usize = 10_000;

/// Above this estimated depth the parse runs on a helper thread with a
/// stack sized for the input.
const THREAD_DEPTH: usize = 200;

/// Stack bytes reserved per level of nesting on the helper thread. pest's
/// generated code is closure-heavy: a debug build needs between 8 and
/// 16 KiB per nested parenthesis (measured with the depth tests), release
/// builds far less. Twice the measured need; the memory is only reserved,
/// not touched, unless the input really nests that deep.
const STACK_PER_LEVEL: usize = 32 * 1024;

pub(super) fn parse(text: &str) -> Result<Filter, SyntaxError> {
    let tokens = lexer::tokenize(text);
    if tokens.is_empty() {
        return Ok(None);
    }
    let depth = lr_depth(&tokens);
    if depth >= MAX_LR_DEPTH {
        // Point at the token where the stack ran out, roughly: the first
        // token past the limit is not tracked, so use the whole text.
        return Err(SyntaxError { kind: SyntaxErrorKind::TooDeep, span: Span::new(0, text.len()) });
    }
    if depth < THREAD_DEPTH {
        return parse_tokens(text, &tokens);
    }
    let stack = (1 << 20) + depth * STACK_PER_LEVEL;
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(scope, || parse_tokens(text, &tokens));
        match worker {
            Ok(handle) => handle.join().unwrap_or_else(|_| Err(too_deep(text))),
            // No thread to run on: refuse rather than risk our own stack.
            Err(_) => Err(too_deep(text)),
        }
    })
}

fn too_deep(text: &str) -> SyntaxError {
    SyntaxError { kind: SyntaxErrorKind::TooDeep, span: Span::new(0, text.len()) }
}

/// Estimates the height of libpcap's LR stack for `tokens`: two entries at
/// the bottom (the start state and the empty `null` symbol), one per open
/// parenthesis, one per pending `not` or unary minus, two per pending
/// `%`/`^` (they always shift, so a chain nests to the right), two for an
/// `expr and` or `arth relop` prefix, one for a qualifier head waiting for
/// its identifier, two per open `proto [`, one for the token being
/// shifted, and for `)`/`]` the operand beneath it. Checked against
/// tcpdump for nested parentheses, `not` chains, `ip and (...)`,
/// `host (a or (...))`, `src or dst host (a or (...))`, `ip[ip[...]]`,
/// `vlan ((...))` and `port 80 or not not ... 1`.
fn lr_depth(tokens: &[Token]) -> usize {
    // Per open parenthesis: (entries below this frame, pending entries in
    // this frame).
    let mut frames: Vec<(usize, usize)> = Vec::new();
    let mut base = 2;
    let mut pending = 0;
    let mut max = 0;
    // Whether the previous token ends an operand, which makes a following
    // `-` binary.
    let mut after_operand = false;
    // Whether the previous token was a qualifier keyword (`tcp dst port`
    // becomes a single `head` symbol).
    let mut after_qualifier = false;
    for (i, tok) in tokens.iter().enumerate() {
        let k = tok.canonical();
        let ends_operand = matches!(k, "NUM" | ")" | "]" | "len");
        // `src or dst` / `dst and src` is one direction qualifier: its
        // `and`/`or` does not start a new operand.
        let in_dqual = matches!(k, "and" | "or")
            && i > 0
            && matches!(kinds_at(tokens, i - 1), "src" | "dst")
            && matches!(kinds_at(tokens, i + 1), "src" | "dst");
        match k {
            "(" | "[" => {
                // `proto [` leaves the protocol name and the bracket.
                let opened = if k == "[" { 2 } else { 1 };
                frames.push((base, pending));
                base += pending + opened;
                pending = 0;
                max = max.max(base);
            }
            ")" | "]" => {
                // `( expr )`: the expression and the `)` sit on the `(`.
                max = max.max(base + 2);
                match frames.pop() {
                    Some((b, p)) => {
                        base = b;
                        pending = p;
                    }
                    None => return max,
                }
            }
            _ if in_dqual => max = max.max(base + pending + 1),
            "-" if after_operand => max = max.max(base + pending + 2),
            "not" | "-" => {
                pending += 1;
                max = max.max(base + pending);
            }
            "%" | "^" => {
                pending += 2;
                max = max.max(base + pending);
            }
            "and" | "or" | "=" | ">" | ">=" | "<" | "<=" | "!=" => {
                pending = 2;
                max = max.max(base + pending);
            }
            // Qualifiers reduce to one `head` symbol that waits for its
            // id; keywords with an argument wait on the stack the same way.
            _ if is_head_word(k) && !after_qualifier => {
                pending += 1;
                max = max.max(base + pending);
            }
            _ => max = max.max(base + pending + 1),
        }
        after_qualifier = is_head_word(k) || in_dqual;
        after_operand = ends_operand;
    }
    max
}

/// Above this parenthesis nesting, a failed classified parse is not
/// repeated with plain spelling (which can take time quadratic in the
/// nesting); its error position is used as it is.
const EXACT_RETRY_NESTING: usize = 300;

/// The canonical spelling of token `i` (empty past the end).
fn kinds_at(tokens: &[Token], i: usize) -> &'static str {
    tokens.get(i).map_or("", Token::canonical)
}

/// Words that stay on libpcap's stack while the operand after them is
/// parsed: qualifiers (which reduce to one `head`) and keywords that take
/// a possibly parenthesised argument.
fn is_head_word(k: &str) -> bool {
    matches!(
        k,
        "host"
            | "net"
            | "port"
            | "portrange"
            | "proto"
            | "protochain"
            | "gateway"
            | "src"
            | "dst"
            | "addr1"
            | "addr2"
            | "addr3"
            | "addr4"
            | "ra"
            | "ta"
            | "vlan"
            | "mpls"
            | "pppoes"
            | "geneve"
            | "vpi"
            | "vci"
            | "sio"
            | "opc"
            | "dpc"
            | "sls"
            | "hsio"
            | "hopc"
            | "hdpc"
            | "hsls"
    )
}

/// Runs the grammar over the tokens and builds the AST.
fn parse_tokens(text: &str, tokens: &[Token]) -> Result<Filter, SyntaxError> {
    let (classes, nesting) = classify_parens(tokens);
    let fast = Cx::new(text, tokens, Some(&classes));
    let mut pairs = match FilterParser::parse(Rule::filter, &fast.canon) {
        Ok(p) => p,
        Err(e) if nesting > EXACT_RETRY_NESTING => return Err(fast.syntax_error(&e)),
        Err(_) => {
            // Find libpcap's error position with the plain spelling, where
            // every `(` may be read either way.
            let exact = Cx::new(text, tokens, None);
            return match FilterParser::parse(Rule::filter, &exact.canon) {
                Err(e) => Err(exact.syntax_error(&e)),
                // Cannot happen (classification only removes readings that
                // no valid input uses); report at the end if it does.
                Ok(_) => Err(exact.err_at(tokens.len())),
            };
        }
    };
    // Every token was read: report the first conversion error, if any.
    if let Some(t) = tokens.iter().find(|t| t.deferred_error().is_some()) {
        let kind = t.deferred_error().cloned().unwrap_or(SyntaxErrorKind::Syntax);
        return Err(SyntaxError { kind, span: t.span });
    }
    let cx = &fast;
    let filter = pairs.next().ok_or_else(|| cx.err_at(0))?;
    match filter.into_inner().find(|p| p.as_rule() == Rule::expr) {
        Some(expr) => Ok(Some(Box::new(cx.expr(expr)?))),
        None => Ok(None),
    }
}

/// Whether a token is an arithmetic or relational operator.
fn is_arith_op(k: &str) -> bool {
    matches!(
        k,
        "+" | "-"
            | "*"
            | "/"
            | "%"
            | "&"
            | "|"
            | "^"
            | "<<"
            | ">>"
            | ">"
            | ">="
            | "="
            | "<"
            | "<="
            | "!="
    )
}

/// Classifies each `(` as arithmetic (`true`) or not (`false`); other
/// tokens get `false`. A `(` is arithmetic when it follows an arithmetic
/// or relational operator or `[`, when its `)` is followed by one of those
/// or by `]` or `:`, or when it sits directly inside an arithmetic
/// parenthesis or a `[...]`. In valid input no other `(` is arithmetic,
/// since `( expr )`, `( id )` and field lists are only ever followed by
/// `and`, `or`, `)` or the end. Also returns the deepest nesting.
fn classify_parens(tokens: &[Token]) -> (Vec<bool>, usize) {
    let kinds: Vec<&str> = tokens.iter().map(Token::canonical).collect();
    // Matching `)` of each `(`.
    let mut closer = vec![None; kinds.len()];
    let mut open = Vec::new();
    let mut nesting = 0;
    for (i, k) in kinds.iter().enumerate() {
        match *k {
            "(" => {
                open.push(i);
                nesting = nesting.max(open.len());
            }
            ")" => {
                if let Some(o) = open.pop() {
                    closer[o] = Some(i);
                }
            }
            _ => {}
        }
    }
    let mut arith = vec![false; kinds.len()];
    // Enclosing `(` / `[` contexts: whether each is arithmetic.
    let mut context: Vec<bool> = Vec::new();
    for (i, k) in kinds.iter().enumerate() {
        match *k {
            "(" => {
                let inside = context.last().copied().unwrap_or(false);
                let after_op = i > 0 && (is_arith_op(kinds[i - 1]) || kinds[i - 1] == "[");
                let before_op = closer[i]
                    .and_then(|c| kinds.get(c + 1))
                    .is_some_and(|n| is_arith_op(n) || *n == "]" || *n == ":");
                arith[i] = inside || after_op || before_op;
                context.push(arith[i]);
            }
            "[" => context.push(true),
            ")" | "]" => {
                context.pop();
            }
            _ => {}
        }
    }
    (arith, nesting)
}

/// The build context: original text and tokens, and where each token
/// starts in the canonical text.
pub(super) struct Cx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    starts: Vec<usize>,
    canon_len: usize,
    /// The text the grammar reads.
    canon: String,
}

pub(super) type R<T> = Result<T, SyntaxError>;

impl<'a> Cx<'a> {
    /// Spells the tokens for the grammar: with `classes`, each `(` becomes
    /// `A(` (arithmetic) or `P(` (not); without, the plain `(`.
    fn new(text: &'a str, tokens: &'a [Token], classes: Option<&[bool]>) -> Cx<'a> {
        let mut canon = String::new();
        let mut starts = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            starts.push(canon.len());
            let k = t.canonical();
            match classes {
                Some(c) if k == "(" => canon.push_str(if c[i] { "A(" } else { "P(" }),
                _ => canon.push_str(k),
            }
            canon.push(' ');
        }
        Cx { text, tokens, starts, canon_len: canon.len(), canon }
    }

    /// The token index at canonical offset `pos` (the token containing it;
    /// `tokens.len()` at the end).
    fn index_at(&self, pos: usize) -> usize {
        if pos >= self.canon_len {
            return self.tokens.len();
        }
        match self.starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Converts pest's failure into libpcap's error: a conversion error of
    /// any token up to the failing one, else the scanner's own error on the
    /// failing token, else a syntax error there.
    fn syntax_error(&self, e: &pest::error::Error<Rule>) -> SyntaxError {
        let pos = match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((p, _)) => p,
        };
        let idx = self.index_at(pos);
        let reached = &self.tokens[..(idx + 1).min(self.tokens.len())];
        if let Some(t) = reached.iter().find(|t| t.deferred_error().is_some()) {
            let kind = t.deferred_error().cloned().unwrap_or(SyntaxErrorKind::Syntax);
            return SyntaxError { kind, span: t.span };
        }
        if let Some(t) = self.tokens.get(idx)
            && let TokKind::Error(kind) = &t.kind
        {
            return SyntaxError { kind: kind.clone(), span: t.span };
        }
        self.err_at(idx)
    }

    /// A syntax error at token `idx` (an empty span at the end if past it).
    pub(super) fn err_at(&self, idx: usize) -> SyntaxError {
        let span = match self.tokens.get(idx) {
            Some(t) => t.span,
            None => Span::new(self.text.len(), self.text.len()),
        };
        SyntaxError { kind: SyntaxErrorKind::Syntax, span }
    }

    /// The original span of a pair.
    pub(super) fn span(&self, p: &Pair<Rule>) -> Span {
        let s = p.as_span();
        let first = self.index_at(s.start());
        let last = self.index_at(s.end()).saturating_sub(1).max(first);
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::new(self.text.len(), self.text.len()),
        }
    }

    /// The token a terminal pair stands for.
    pub(super) fn token(&self, p: &Pair<Rule>) -> R<&Token> {
        let i = self.index_at(p.as_span().start());
        self.tokens.get(i).ok_or_else(|| self.err_at(i))
    }

    /// The text of a terminal as written.
    pub(super) fn written(&self, p: &Pair<Rule>) -> R<String> {
        let t = self.token(p)?;
        Ok(self.text[t.span.start..t.span.end].to_string())
    }

    /// The value of a `NUM` terminal.
    pub(super) fn num(&self, p: &Pair<Rule>) -> R<u32> {
        let t = self.token(p)?;
        match &t.kind {
            TokKind::Num(Ok(v)) => Ok(*v),
            TokKind::Num(Err(k)) => Err(SyntaxError { kind: k.clone(), span: t.span }),
            _ => Err(SyntaxError { kind: SyntaxErrorKind::Syntax, span: t.span }),
        }
    }

    /// The name of an `ID` terminal.
    pub(super) fn name(&self, p: &Pair<Rule>) -> R<String> {
        let t = self.token(p)?;
        match &t.kind {
            TokKind::Id(s) => Ok(s.clone()),
            _ => self.written(p),
        }
    }

    /// An internal inconsistency between grammar and builder, reported as
    /// a syntax error at the pair rather than a panic.
    pub(super) fn bug(&self, p: &Pair<Rule>) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::Syntax, span: self.span(p) }
    }
}
