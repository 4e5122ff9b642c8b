//! Token text to AST: the pest grammar, error conversion and tree building.
//!
//! The flow is: [`lexer::tokenize`] cuts the text the way flex does; the
//! tokens' canonical spellings are joined into the text that
//! `grammar/pcap_filter.pest` reads; pest checks the phrase structure; and
//! the builder below turns pest's pairs into [`ast`](super::ast) nodes with
//! spans taken from the original tokens.
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
//! `Paren`, and `FieldValue::List` records `and` as `Some(true)`.
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

use super::ast::{
    AddrKind, Arith, ArithKind, BinOp, ByteOp, Dir, Expr, ExprKind, FieldValue, Filter, Id,
    NumOrName, Prim, Proto, Q, Quals, RelOp, Span,
};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{self, TokKind, Token};

/// The pest parser over canonical token text.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/pcap_filter.pest"]
struct FilterParser;

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
/// `host (a or (...))`, `ip[ip[...]]` and `port 80 or not not ... 1`.
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
    for tok in tokens {
        let k = tok.canonical();
        let ends_operand = matches!(k, "NUM" | ")" | "]" | "len");
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
            // Qualifiers reduce to one `head` symbol that waits for its id.
            "host" | "net" | "port" | "portrange" | "proto" | "protochain" | "gateway" | "src"
            | "dst" | "addr1" | "addr2" | "addr3" | "addr4" | "ra" | "ta"
                if !after_qualifier =>
            {
                pending += 1;
                max = max.max(base + pending);
            }
            _ => max = max.max(base + pending + 1),
        }
        after_qualifier = matches!(
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
        );
        after_operand = ends_operand;
    }
    max
}

/// Above this parenthesis nesting, a failed classified parse is not
/// repeated with plain spelling (which can take time quadratic in the
/// nesting); its error position is used as it is.
const EXACT_RETRY_NESTING: usize = 300;

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
struct Cx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    starts: Vec<usize>,
    canon_len: usize,
    /// The text the grammar reads.
    canon: String,
}

type R<T> = Result<T, SyntaxError>;

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
    fn err_at(&self, idx: usize) -> SyntaxError {
        let span = match self.tokens.get(idx) {
            Some(t) => t.span,
            None => Span::new(self.text.len(), self.text.len()),
        };
        SyntaxError { kind: SyntaxErrorKind::Syntax, span }
    }

    /// The original span of a pair.
    fn span(&self, p: &Pair<Rule>) -> Span {
        let s = p.as_span();
        let first = self.index_at(s.start());
        let last = self.index_at(s.end()).saturating_sub(1).max(first);
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::new(self.text.len(), self.text.len()),
        }
    }

    /// The token a terminal pair stands for.
    fn token(&self, p: &Pair<Rule>) -> R<&Token> {
        let i = self.index_at(p.as_span().start());
        self.tokens.get(i).ok_or_else(|| self.err_at(i))
    }

    /// The text of a terminal as written.
    fn written(&self, p: &Pair<Rule>) -> R<String> {
        let t = self.token(p)?;
        Ok(self.text[t.span.start..t.span.end].to_string())
    }

    /// The value of a `NUM` terminal.
    fn num(&self, p: &Pair<Rule>) -> R<u32> {
        let t = self.token(p)?;
        match &t.kind {
            TokKind::Num(Ok(v)) => Ok(*v),
            TokKind::Num(Err(k)) => Err(SyntaxError { kind: k.clone(), span: t.span }),
            _ => Err(SyntaxError { kind: SyntaxErrorKind::Syntax, span: t.span }),
        }
    }

    /// The name of an `ID` terminal.
    fn name(&self, p: &Pair<Rule>) -> R<String> {
        let t = self.token(p)?;
        match &t.kind {
            TokKind::Id(s) => Ok(s.clone()),
            _ => self.written(p),
        }
    }

    /// An internal inconsistency between grammar and builder, reported as
    /// a syntax error at the pair rather than a panic.
    fn bug(&self, p: &Pair<Rule>) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::Syntax, span: self.span(p) }
    }

    // ------------------------------------------------------------ boolean

    fn expr(&self, p: Pair<Rule>) -> R<Expr> {
        let mut it = p.into_inner();
        let first = it.next().ok_or_else(|| self.err_at(0))?;
        let mut acc = self.term_or_id(first)?;
        while let Some(op) = it.next() {
            let is_and = self.logop_is_and(&op)?;
            let rhs = it.next().ok_or_else(|| self.bug(&op))?;
            let rhs = self.term_or_id(rhs)?;
            acc = join(is_and, acc, rhs);
        }
        Ok(acc)
    }

    fn logop_is_and(&self, op: &Pair<Rule>) -> R<bool> {
        let inner = op.clone().into_inner().next().ok_or_else(|| self.bug(op))?;
        Ok(inner.as_rule() == Rule::k_and)
    }

    fn term_or_id(&self, p: Pair<Rule>) -> R<Expr> {
        match p.as_rule() {
            Rule::term => self.term(p),
            Rule::id => self.id(p),
            _ => Err(self.bug(&p)),
        }
    }

    fn term(&self, p: Pair<Rule>) -> R<Expr> {
        let mut nots = Vec::new();
        let mut body = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::k_not => nots.push(self.span(&c).start),
                Rule::rterm => body = Some(self.rterm(c)?),
                _ => return Err(self.bug(&c)),
            }
        }
        let mut e = body.ok_or_else(|| self.err_at(0))?;
        for start in nots.into_iter().rev() {
            let span = Span::new(start, e.span.end);
            e = Expr { kind: ExprKind::Not(Box::new(e)), span };
        }
        Ok(e)
    }

    fn rterm(&self, p: Pair<Rule>) -> R<Expr> {
        let span = self.span(&p);
        let c = p.into_inner().next().ok_or(SyntaxError { kind: SyntaxErrorKind::Syntax, span })?;
        let kind = match c.as_rule() {
            Rule::paren_expr => {
                let inner = c
                    .clone()
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::expr)
                    .ok_or_else(|| self.bug(&c))?;
                ExprKind::Paren(Box::new(self.expr(inner)?))
            }
            Rule::qualified => {
                let mut it = c.clone().into_inner();
                let head = it.next().ok_or_else(|| self.bug(&c))?;
                let id = it.next().ok_or_else(|| self.bug(&c))?;
                ExprKind::Qualified(self.head(head)?, Box::new(self.id(id)?))
            }
            Rule::relation => {
                let mut it = c.clone().into_inner();
                let (Some(l), Some(op), Some(r)) = (it.next(), it.next(), it.next()) else {
                    return Err(self.bug(&c));
                };
                ExprKind::Relation(self.relop(&op)?, self.arith(l)?, self.arith(r)?)
            }
            Rule::other => ExprKind::Prim(self.other(c)?),
            Rule::pname => ExprKind::Proto(self.pname(&c)?),
            _ => return Err(self.bug(&c)),
        };
        Ok(Expr { kind, span })
    }

    fn head(&self, p: Pair<Rule>) -> R<Quals> {
        let mut q = Quals { proto: Q::Default, dir: Q::Default, addr: Q::Default };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::pqual => {
                    let n = c.clone().into_inner().next().ok_or_else(|| self.bug(&c))?;
                    q.proto = Q::Is(self.pname(&n)?);
                }
                Rule::dqual => q.dir = Q::Is(self.dqual(&c)?),
                Rule::aqual => {
                    let k = c.clone().into_inner().next().ok_or_else(|| self.bug(&c))?;
                    q.addr = Q::Is(match k.as_rule() {
                        Rule::k_host => AddrKind::Host,
                        Rule::k_net => AddrKind::Net,
                        Rule::k_port => AddrKind::Port,
                        Rule::k_portrange => AddrKind::Portrange,
                        _ => return Err(self.bug(&k)),
                    });
                }
                Rule::k_proto => q.addr = Q::Is(AddrKind::Proto),
                Rule::k_protochain => q.addr = Q::Is(AddrKind::Protochain),
                Rule::k_gateway => q.addr = Q::Is(AddrKind::Gateway),
                _ => return Err(self.bug(&c)),
            }
        }
        Ok(q)
    }

    fn dqual(&self, p: &Pair<Rule>) -> R<Dir> {
        let words: Vec<Rule> = p.clone().into_inner().map(|c| c.as_rule()).collect();
        Ok(match words.as_slice() {
            [Rule::k_src] => Dir::Src,
            [Rule::k_dst] => Dir::Dst,
            [_, Rule::k_or, _] => Dir::SrcOrDst,
            [_, Rule::k_and, _] => Dir::SrcAndDst,
            [Rule::k_addr1] => Dir::Addr1,
            [Rule::k_addr2] => Dir::Addr2,
            [Rule::k_addr3] => Dir::Addr3,
            [Rule::k_addr4] => Dir::Addr4,
            [Rule::k_ra] => Dir::Ra,
            [Rule::k_ta] => Dir::Ta,
            _ => return Err(self.bug(p)),
        })
    }

    /// The protocol of a `pname` pair.
    fn pname(&self, p: &Pair<Rule>) -> R<Proto> {
        let t = self.token(p)?;
        lexer::proto_of(t.canonical()).ok_or_else(|| self.bug(p))
    }

    // -------------------------------------------------------- identifiers

    fn id(&self, p: Pair<Rule>) -> R<Expr> {
        let c = p.clone().into_inner().next().ok_or_else(|| self.bug(&p))?;
        match c.as_rule() {
            Rule::nid => self.nid(c),
            Rule::pnum => self.pnum(c),
            Rule::paren_id => {
                let span = self.span(&c);
                let list = c
                    .clone()
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::id_list)
                    .ok_or_else(|| self.bug(&c))?;
                let inner = self.id_list(list)?;
                Ok(Expr { kind: ExprKind::Paren(Box::new(inner)), span })
            }
            _ => Err(self.bug(&c)),
        }
    }

    fn id_list(&self, p: Pair<Rule>) -> R<Expr> {
        let mut it = p.clone().into_inner();
        let first = it.next().ok_or_else(|| self.bug(&p))?;
        let mut acc = match first.as_rule() {
            Rule::nid => self.nid(first)?,
            Rule::pnum => self.pnum(first)?,
            _ => return Err(self.bug(&first)),
        };
        while let Some(op) = it.next() {
            let is_and = self.logop_is_and(&op)?;
            let rhs = it.next().ok_or_else(|| self.bug(&op))?;
            acc = join(is_and, acc, self.id(rhs)?);
        }
        Ok(acc)
    }

    fn pnum(&self, p: Pair<Rule>) -> R<Expr> {
        let span = self.span(&p);
        let mut cur = p;
        loop {
            let next =
                cur.clone().into_inner().find(|c| matches!(c.as_rule(), Rule::t_num | Rule::pnum));
            match next {
                Some(c) if c.as_rule() == Rule::t_num => {
                    return Ok(Expr { kind: ExprKind::Id(Id::Num(self.num(&c)?)), span });
                }
                Some(c) => cur = c,
                None => return Err(self.bug(&cur)),
            }
        }
    }

    fn nid(&self, p: Pair<Rule>) -> R<Expr> {
        let span = self.span(&p);
        let parts: Vec<Pair<Rule>> = p.clone().into_inner().collect();
        let rules: Vec<Rule> = parts.iter().map(|c| c.as_rule()).collect();
        let id = match rules.as_slice() {
            [Rule::t_id] => Id::Name(self.name(&parts[0])?),
            [Rule::t_hid] => Id::V4(self.written(&parts[0])?),
            [Rule::t_hid, Rule::t_slash, Rule::t_num] => {
                Id::V4Len(self.written(&parts[0])?, self.num(&parts[2])?)
            }
            [Rule::t_hid, Rule::k_mask, Rule::t_hid] => {
                Id::V4Mask(self.written(&parts[0])?, self.written(&parts[2])?)
            }
            [Rule::t_hid6] => Id::V6(self.written(&parts[0])?),
            [Rule::t_hid6, Rule::t_slash, Rule::t_num] => {
                Id::V6Len(self.written(&parts[0])?, self.num(&parts[2])?)
            }
            [Rule::t_eid] => Id::Mac(self.written(&parts[0])?),
            [Rule::t_aid] => Id::Arc(self.written(&parts[0])?),
            [Rule::not_id] => {
                let inner = parts[0]
                    .clone()
                    .into_inner()
                    .find(|c| c.as_rule() == Rule::id)
                    .ok_or_else(|| self.bug(&p))?;
                return Ok(Expr { kind: ExprKind::Not(Box::new(self.id(inner)?)), span });
            }
            _ => return Err(self.bug(&p)),
        };
        Ok(Expr { kind: ExprKind::Id(id), span })
    }

    // --------------------------------------------------------- arithmetic

    fn relop(&self, p: &Pair<Rule>) -> R<RelOp> {
        let c = p.clone().into_inner().next().ok_or_else(|| self.bug(p))?;
        Ok(match c.as_rule() {
            Rule::t_gt => RelOp::Gt,
            Rule::t_ge => RelOp::Ge,
            Rule::t_eq => RelOp::Eq,
            Rule::t_le => RelOp::Le,
            Rule::t_lt => RelOp::Lt,
            Rule::t_ne => RelOp::Ne,
            _ => return Err(self.bug(&c)),
        })
    }

    /// Builds an arithmetic expression from its flat operand/operator list
    /// (see [`fold_arith`]).
    fn arith(&self, p: Pair<Rule>) -> R<Arith> {
        let mut items = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::arith_operand => {
                    for m in c.clone().into_inner() {
                        match m.as_rule() {
                            Rule::t_minus => items.push(Item::Neg(self.span(&m).start)),
                            Rule::arith_atom => items.push(Item::Operand(self.arith_atom(m)?)),
                            _ => return Err(self.bug(&m)),
                        }
                    }
                }
                Rule::binop => {
                    let o = c.clone().into_inner().next().ok_or_else(|| self.bug(&c))?;
                    items.push(Item::Bin(match o.as_rule() {
                        Rule::t_plus => BinOp::Add,
                        Rule::t_minus => BinOp::Sub,
                        Rule::t_star => BinOp::Mul,
                        Rule::t_slash => BinOp::Div,
                        Rule::t_percent => BinOp::Mod,
                        Rule::t_amp => BinOp::And,
                        Rule::t_pipe => BinOp::Or,
                        Rule::t_caret => BinOp::Xor,
                        Rule::t_lsh => BinOp::Lsh,
                        Rule::t_rsh => BinOp::Rsh,
                        _ => return Err(self.bug(&o)),
                    }));
                }
                _ => return Err(self.bug(&c)),
            }
        }
        fold_arith(items)
            .ok_or_else(|| SyntaxError { kind: SyntaxErrorKind::Syntax, span: Span::default() })
    }

    fn arith_atom(&self, p: Pair<Rule>) -> R<Arith> {
        let span = self.span(&p);
        let c = p.clone().into_inner().next().ok_or_else(|| self.bug(&p))?;
        let kind = match c.as_rule() {
            Rule::t_num => ArithKind::Num(self.num(&c)?),
            Rule::k_len => ArithKind::Len,
            Rule::load => {
                let mut proto = None;
                let mut index = None;
                let mut size = None;
                for x in c.clone().into_inner() {
                    match x.as_rule() {
                        Rule::pname => proto = Some(self.pname(&x)?),
                        Rule::arith => index = Some(self.arith(x)?),
                        Rule::t_num => size = Some(self.num(&x)?),
                        _ => {}
                    }
                }
                let (Some(proto), Some(index)) = (proto, index) else {
                    return Err(self.bug(&c));
                };
                ArithKind::Load { proto, index: Box::new(index), size }
            }
            Rule::t_alparen => {
                // `( arith )`: the parentheses only group.
                let inner = p
                    .clone()
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::arith)
                    .ok_or_else(|| self.bug(&p))?;
                let mut a = self.arith(inner)?;
                a.span = span;
                return Ok(a);
            }
            _ => return Err(self.bug(&c)),
        };
        Ok(Arith { kind, span })
    }

    // --------------------------------------------------- other primitives

    fn other(&self, p: Pair<Rule>) -> R<Prim> {
        let parts: Vec<Pair<Rule>> = p.clone().into_inner().collect();
        let mut proto = Q::Default;
        let mut rest = parts.as_slice();
        if let [first, tail @ ..] = rest
            && first.as_rule() == Rule::pqual
        {
            let n = first.clone().into_inner().next().ok_or_else(|| self.bug(first))?;
            proto = Q::Is(self.pname(&n)?);
            rest = tail;
        }
        let [head, args @ ..] = rest else {
            return Err(self.bug(&p));
        };
        let opt_pnum = |args: &[Pair<Rule>]| -> R<Option<u32>> {
            match args.first() {
                Some(a) => match self.pnum(a.clone())?.kind {
                    ExprKind::Id(Id::Num(n)) => Ok(Some(n)),
                    _ => Err(self.bug(a)),
                },
                None => Ok(None),
            }
        };
        let arg = |i: usize| args.get(i).ok_or_else(|| self.bug(head));
        Ok(match head.as_rule() {
            Rule::k_broadcast => Prim::Broadcast(proto),
            Rule::k_multicast => Prim::Multicast(proto),
            Rule::k_less => Prim::Less(self.num(arg(0)?)?),
            Rule::k_greater => Prim::Greater(self.num(arg(0)?)?),
            Rule::k_byte => {
                let opp = arg(1)?.clone().into_inner().next().ok_or_else(|| self.bug(head))?;
                let op = match opp.as_rule() {
                    Rule::t_amp => ByteOp::And,
                    Rule::t_pipe => ByteOp::Or,
                    Rule::t_lt => ByteOp::Lt,
                    Rule::t_gt => ByteOp::Gt,
                    Rule::t_eq => ByteOp::Eq,
                    _ => return Err(self.bug(&opp)),
                };
                Prim::Byte(self.num(arg(0)?)?, op, self.num(arg(2)?)?)
            }
            Rule::k_inbound => Prim::Inbound,
            Rule::k_outbound => Prim::Outbound,
            Rule::k_ifindex => Prim::Ifindex(self.num(arg(0)?)?),
            Rule::k_vlan => Prim::Vlan(opt_pnum(args)?),
            Rule::k_mpls => Prim::Mpls(opt_pnum(args)?),
            Rule::k_pppoed => Prim::Pppoed,
            Rule::k_pppoes => Prim::Pppoes(opt_pnum(args)?),
            Rule::k_geneve => Prim::Geneve(opt_pnum(args)?),
            Rule::pfvar => self.pfvar(head)?,
            Rule::p80211 => self.p80211(proto, head)?,
            Rule::k_llc => match args.first() {
                None => Prim::Llc(None),
                Some(a) if a.as_rule() == Rule::t_id => Prim::Llc(Some(self.name(a)?)),
                Some(_) => Prim::Llc(Some("rnr".to_string())),
            },
            Rule::atmtype => Prim::AtmType(self.written(head)?),
            Rule::atmfield => {
                Prim::AtmField(self.written(head)?, self.fieldvalue(arg(0)?.clone())?)
            }
            Rule::mtp2type => Prim::Mtp2Type(self.written(head)?),
            Rule::mtp3field => {
                Prim::Mtp3Field(self.written(head)?, self.fieldvalue(arg(0)?.clone())?)
            }
            _ => return Err(self.bug(head)),
        })
    }

    fn pfvar(&self, p: &Pair<Rule>) -> R<Prim> {
        let parts: Vec<Pair<Rule>> = p.clone().into_inner().collect();
        let [k, v] = parts.as_slice() else {
            return Err(self.bug(p));
        };
        Ok(match k.as_rule() {
            Rule::k_on => Prim::PfIfname(self.name(v)?),
            Rule::k_rset => Prim::PfRuleset(self.name(v)?),
            Rule::k_rnr => Prim::PfRulenum(self.num(v)?),
            Rule::k_srnr => Prim::PfSubrulenum(self.num(v)?),
            Rule::k_reason => Prim::PfReason(self.num_or_name(v)?),
            Rule::k_action => Prim::PfAction(self.num_or_name(v)?),
            _ => return Err(self.bug(k)),
        })
    }

    fn num_or_name(&self, p: &Pair<Rule>) -> R<NumOrName> {
        let t = if p.as_rule() == Rule::num_or_id {
            p.clone().into_inner().next().ok_or_else(|| self.bug(p))?
        } else {
            p.clone()
        };
        Ok(match t.as_rule() {
            Rule::t_num => NumOrName::Num(self.num(&t)?),
            _ => NumOrName::Name(self.name(&t)?),
        })
    }

    fn p80211(&self, proto: Q<Proto>, p: &Pair<Rule>) -> R<Prim> {
        let parts: Vec<Pair<Rule>> = p.clone().into_inner().collect();
        Ok(match parts.as_slice() {
            [k, v] if k.as_rule() == Rule::k_type => {
                Prim::WlanType(proto, self.num_or_name(v)?, None)
            }
            [_, v, _, s] => Prim::WlanType(proto, self.num_or_name(v)?, Some(self.num_or_name(s)?)),
            [k, v] if k.as_rule() == Rule::k_subtype => {
                Prim::WlanSubtype(proto, self.num_or_name(v)?)
            }
            [k, v] if k.as_rule() == Rule::k_dir => Prim::WlanDir(proto, self.num_or_name(v)?),
            _ => return Err(self.bug(p)),
        })
    }

    fn fieldvalue(&self, p: Pair<Rule>) -> R<FieldValue> {
        let parts: Vec<Pair<Rule>> = p.clone().into_inner().collect();
        match parts.as_slice() {
            [n] => Ok(FieldValue::Eq(self.num(n)?)),
            [op, n] if op.as_rule() == Rule::relop => {
                Ok(FieldValue::Rel(self.relop(op)?, self.num(n)?))
            }
            [_, first, rest @ ..] => {
                let mut list = vec![(None, FieldValue::Eq(self.num(first)?))];
                let mut it = rest.iter();
                while let Some(op) = it.next() {
                    if op.as_rule() != Rule::logop {
                        break;
                    }
                    let v = it.next().ok_or_else(|| self.bug(op))?;
                    list.push((Some(self.logop_is_and(op)?), self.fieldvalue(v.clone())?));
                }
                Ok(FieldValue::List(list))
            }
            _ => Err(self.bug(&p)),
        }
    }
}

/// `a and b` / `a or b`.
fn join(is_and: bool, l: Expr, r: Expr) -> Expr {
    let span = Span::new(l.span.start, r.span.end);
    let kind = if is_and {
        ExprKind::And(Box::new(l), Box::new(r))
    } else {
        ExprKind::Or(Box::new(l), Box::new(r))
    };
    Expr { kind, span }
}

/// One element of a flat arithmetic list.
#[derive(Debug)]
enum Item {
    /// An operand.
    Operand(Arith),
    /// A unary minus, with the offset where it was written.
    Neg(usize),
    /// A binary operator.
    Bin(BinOp),
}

/// libpcap's precedence for a binary operator: `None` for `%` and `^`,
/// which have none, so bison always shifts past them.
fn prec(op: BinOp) -> Option<u8> {
    match op {
        BinOp::Or => Some(1),
        BinOp::And => Some(2),
        BinOp::Lsh | BinOp::Rsh => Some(3),
        BinOp::Add | BinOp::Sub => Some(4),
        BinOp::Mul | BinOp::Div => Some(5),
        BinOp::Mod | BinOp::Xor => None,
    }
}

/// Unary minus binds tighter than every binary operator that has a
/// precedence.
const UMINUS: u8 = 6;

/// An operator waiting on the stack of [`fold_arith`].
enum Pending {
    Neg(usize),
    Bin(BinOp),
}

/// Builds the tree for a flat arithmetic list the way bison's LALR parser
/// reduces it: a shift-reduce loop in which an operator on the stack is
/// reduced before the incoming one only if both have a precedence and the
/// stacked one binds at least as tightly (all operators are left
/// associative). `%` and `^` have no precedence, so nothing is reduced
/// before them and they are never reduced before another operator:
/// `a % b + c` = `a % (b + c)`, `a * b % c` = `a * (b % c)`,
/// `-a % b` = `-(a % b)`. Iterative, so long chains cannot overflow.
fn fold_arith(items: Vec<Item>) -> Option<Arith> {
    let mut operands: Vec<Arith> = Vec::new();
    let mut ops: Vec<Pending> = Vec::new();
    fn reduce(operands: &mut Vec<Arith>, op: Pending) -> Option<()> {
        match op {
            Pending::Neg(start) => {
                let a = operands.pop()?;
                let span = Span::new(start, a.span.end);
                operands.push(Arith { kind: ArithKind::Neg(Box::new(a)), span });
            }
            Pending::Bin(b) => {
                let r = operands.pop()?;
                let l = operands.pop()?;
                let span = Span::new(l.span.start, r.span.end);
                operands.push(Arith { kind: ArithKind::Bin(b, Box::new(l), Box::new(r)), span });
            }
        }
        Some(())
    }
    for item in items {
        match item {
            Item::Operand(a) => operands.push(a),
            Item::Neg(start) => ops.push(Pending::Neg(start)),
            Item::Bin(op) => {
                while let Some(top) = ops.last() {
                    let top_prec = match top {
                        Pending::Neg(_) => Some(UMINUS),
                        Pending::Bin(b) => prec(*b),
                    };
                    let reduce_first = matches!((top_prec, prec(op)), (Some(t), Some(n)) if t >= n);
                    if !reduce_first {
                        break;
                    }
                    let top = ops.pop()?;
                    reduce(&mut operands, top)?;
                }
                ops.push(Pending::Bin(op));
            }
        }
    }
    while let Some(top) = ops.pop() {
        reduce(&mut operands, top)?;
    }
    if operands.len() == 1 { operands.pop() } else { None }
}
