//! Pairs to AST: the builder half of the parser.
//!
//! Walks the pest pairs for one parse and makes [`ast`](super::ast) nodes,
//! with spans taken from the original tokens through [`Cx`]. Arithmetic
//! comes out of the grammar as a flat operand/operator list and is folded
//! here with libpcap's precedence ladder and bison's shift-by-default for
//! `%` and `^` ([`fold_arith`]).

use pest::iterators::Pair;

use super::ast::{
    AddrKind, Arith, ArithKind, BinOp, ByteOp, Dir, Expr, ExprKind, FieldValue, Id, NumOrName,
    Prim, Proto, Q, Quals, RelOp, Span,
};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer;
use super::parser::{Cx, R, Rule};

impl Cx<'_> {
    // ------------------------------------------------------------ boolean

    pub(super) fn expr(&self, p: Pair<Rule>) -> R<Expr> {
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
                // `( N or N ... )`: the numbers sit at odd positions of
                // the rest (`or`, N, `or`, N, ..., `)`).
                let mut list = vec![(None, FieldValue::Eq(self.num(first)?))];
                for n in rest.iter().filter(|x| x.as_rule() == Rule::t_num) {
                    list.push((Some(false), FieldValue::Eq(self.num(n)?)));
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
