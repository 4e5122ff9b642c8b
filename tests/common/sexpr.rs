//! A compact s-expression rendering of the AST, shared by the syntax tests.

use bpfcap::syntax::ast::*;

/// Renders a filter as an s-expression.
pub fn filter(f: &Filter) -> String {
    match f {
        None => "()".into(),
        Some(e) => expr(e),
    }
}

/// Renders an expression.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::And(a, b) => format!("(and {} {})", expr(a), expr(b)),
        ExprKind::Or(a, b) => format!("(or {} {})", expr(a), expr(b)),
        ExprKind::Not(a) => format!("(not {})", expr(a)),
        ExprKind::Paren(a) => format!("[{}]", expr(a)),
        ExprKind::Qualified(q, a) => format!("({} {})", quals(q), expr(a)),
        ExprKind::Id(id) => ident(id),
        ExprKind::Proto(p) => format!("{p:?}"),
        ExprKind::Relation(op, a, b) => format!("({op:?} {} {})", arith(a), arith(b)),
        ExprKind::Prim(p) => format!("{p:?}"),
    }
}

fn q<T: std::fmt::Debug>(x: &Q<T>) -> String {
    match x {
        Q::Default => "_".into(),
        Q::Undef => "!".into(),
        Q::Is(t) => format!("{t:?}"),
    }
}

fn quals(x: &Quals) -> String {
    format!("{}/{}/{}", q(&x.proto), q(&x.dir), q(&x.addr))
}

fn ident(id: &Id) -> String {
    match id {
        Id::Name(s) => format!("'{s}'"),
        Id::Num(n) => n.to_string(),
        Id::V4(s) | Id::V6(s) | Id::Mac(s) | Id::Arc(s) => s.clone(),
        Id::V4Len(s, n) | Id::V6Len(s, n) => format!("{s}/{n}"),
        Id::V4Mask(a, b) => format!("{a} mask {b}"),
    }
}

/// Renders an arithmetic expression.
pub fn arith(a: &Arith) -> String {
    match &a.kind {
        ArithKind::Num(n) => n.to_string(),
        ArithKind::Len => "len".into(),
        ArithKind::Load { proto, index, size } => match size {
            Some(s) => format!("{proto:?}[{}:{s}]", arith(index)),
            None => format!("{proto:?}[{}]", arith(index)),
        },
        ArithKind::Neg(x) => format!("(neg {})", arith(x)),
        ArithKind::Bin(op, l, r) => format!("({op:?} {} {})", arith(l), arith(r)),
    }
}
