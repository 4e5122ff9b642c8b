//! The abstract syntax tree: faithful to what was written.
//!
//! The tree keeps the qualifiers as the user wrote them; qualifier
//! inheritance (`host a or b` meaning `host a or host b`) is *not* resolved
//! here but during lowering, which walks the tree in the order libpcap's
//! parser reduces it (post-order, left to right) and threads the qualifiers
//! in force from each node to the next. See [`Expr`] for the rules.
//!
//! Every node carries a [`Span`] (byte offsets into the expression text) so
//! later stages can point at the offending token.

/// A byte range of the expression text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// A node with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The node.
    pub node: T,
    /// Where it was written.
    pub span: Span,
}

/// A filter: `None` for the empty filter (accept everything).
pub type Filter = Option<Box<Expr>>;

/// A boolean expression, or an identifier operand that inherits qualifiers.
///
/// Qualifier threading (libpcap's `$<blk>0`), with `q` the triple in force
/// before a node and the node's result triple after it:
/// * `And`/`Or`: left gets `q`, right gets left's result; result = right's.
/// * `Not`: operand gets `q`; result = operand's.
/// * `Paren`: inner gets `q`; result = `q` (the qualifiers in force
///   *before* the parenthesis are restored).
/// * `Qualified`: the inner id expression gets the written qualifiers
///   (missing parts = default); result = those qualifiers.
/// * `Id`: generated with `q`; result = `q`.
/// * everything else: result = the error triple (`Quals::UNDEF`), so a bare
///   id after it (`ip and 1.2.3.4`) is an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

/// The kinds of [`Expr`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExprKind {
    /// `a and b` (also `&&`).
    And(Box<Expr>, Box<Expr>),
    /// `a or b` (also `||`).
    Or(Box<Expr>, Box<Expr>),
    /// `not a` (also `!`).
    Not(Box<Expr>),
    /// `( a )`.
    Paren(Box<Expr>),
    /// `head id`: qualifiers, then an id expression (`Id` leaves combined
    /// with `And`/`Or`/`Not`/`Paren`).
    Qualified(Quals, Box<Expr>),
    /// An identifier operand (libpcap's `nid` or `pnum`).
    Id(Id),
    /// A protocol name on its own: `tcp`, `ip6`, `ether`, `l1`, ...
    Proto(Proto),
    /// `lhs op rhs` on arithmetic expressions.
    Relation(RelOp, Arith, Arith),
    /// Every other primitive.
    Prim(Prim),
}

/// The protocol qualifier (libpcap's `Q_*` protocol values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Proto {
    /// `link`, `ether`, `ppp`, `slip`, `fddi`, `tr`, `wlan`.
    Link,
    Ip,
    Arp,
    Rarp,
    Sctp,
    Tcp,
    Udp,
    Icmp,
    Igmp,
    Igrp,
    Atalk,
    Decnet,
    Lat,
    Sca,
    Moprc,
    Mopdl,
    Ip6,
    Icmp6,
    Ah,
    Esp,
    Pim,
    Vrrp,
    Aarp,
    Iso,
    Esis,
    Isis,
    Clnp,
    Stp,
    Ipx,
    Netbeui,
    /// `l1`.
    IsisL1,
    /// `l2`.
    IsisL2,
    /// `iih`.
    IsisIih,
    /// `snp`.
    IsisSnp,
    /// `csnp`.
    IsisCsnp,
    /// `psnp`.
    IsisPsnp,
    /// `lsp`.
    IsisLsp,
    Radio,
    Carp,
}

/// The direction qualifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    Src,
    Dst,
    /// `src or dst` / `dst or src`.
    SrcOrDst,
    /// `src and dst` / `dst and src`.
    SrcAndDst,
    Addr1,
    Addr2,
    Addr3,
    Addr4,
    Ra,
    Ta,
}

/// The address-kind qualifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddrKind {
    Host,
    Net,
    Port,
    Gateway,
    Proto,
    Protochain,
    Portrange,
}

/// One qualifier slot: written, defaulted, or the error marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Q<T> {
    /// Not written (libpcap's `Q_DEFAULT`).
    Default,
    /// Left by a node that yields no qualifiers (libpcap's `Q_UNDEF`).
    Undef,
    /// Written.
    Is(T),
}

/// A qualifier triple.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quals {
    /// Protocol.
    pub proto: Q<Proto>,
    /// Direction.
    pub dir: Q<Dir>,
    /// Address kind.
    pub addr: Q<AddrKind>,
}

impl Quals {
    /// libpcap's `qerr`: what relations, protocol names and other
    /// primitives leave behind, and what is in force at the start.
    pub const UNDEF: Quals = Quals { proto: Q::Undef, dir: Q::Undef, addr: Q::Undef };
}

/// An identifier operand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Id {
    /// A name: host, network, port, protocol or service name (`ID`, with a
    /// leading backslash already removed).
    Name(String),
    /// A number (`pnum`), already converted with libpcap's rules.
    Num(u32),
    /// A dotted IPv4 address or short form (`HID`): `10`, `10.1`, `10.1.2`,
    /// `10.1.2.3` as written. (A plain number is [`Id::Num`].)
    V4(String),
    /// `HID / NUM`.
    V4Len(String, u32),
    /// `HID mask HID`.
    V4Mask(String, String),
    /// An IPv6 address as written.
    V6(String),
    /// `HID6 / NUM`.
    V6Len(String, u32),
    /// A MAC address as written, in any of libpcap's four notations.
    Mac(String),
    /// An ARCnet address `$xx` as written (including the `$`).
    Arc(String),
}

/// Relational operators, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelOp {
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `=` or `==`
    Eq,
    /// `<=` (libpcap: `>` reversed)
    Le,
    /// `<` (libpcap: `>=` reversed)
    Lt,
    /// `!=` (libpcap: `=` reversed)
    Ne,
}

/// Binary arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    And,
    Or,
    Xor,
    Lsh,
    Rsh,
}

/// An arithmetic expression (libpcap's `arth`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arith {
    /// What it is.
    pub kind: ArithKind,
    /// Where it was written.
    pub span: Span,
}

/// The kinds of [`Arith`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArithKind {
    /// A constant.
    Num(u32),
    /// `proto[index]` (size 1) or `proto[index:size]` (size as written,
    /// validated by code generation).
    Load {
        /// The protocol before the bracket.
        proto: Proto,
        /// The byte offset expression.
        index: Box<Arith>,
        /// The size written after `:`, or `None`.
        size: Option<u32>,
    },
    /// `lhs op rhs`.
    Bin(BinOp, Box<Arith>, Box<Arith>),
    /// Unary minus.
    Neg(Box<Arith>),
    /// `len` / `length`.
    Len,
}

/// `byte N op V` operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ByteOp {
    /// `=`
    Eq,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `&`
    And,
    /// `|`
    Or,
}

/// Values of the 802.11 `type`/`subtype`/`dir` primitives and of pflog
/// fields: a number or a name, resolved during lowering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumOrName {
    /// A number.
    Num(u32),
    /// A name.
    Name(String),
}

/// ATM and SS7 field comparisons (`vpi 5`, `vci > 3`, `sio (1 or 2)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// `field N` (equality).
    Eq(u32),
    /// `field relop N`.
    Rel(RelOp, u32),
    /// `field (v or v and v ...)`: left to right, `and`/`or` at equal precedence.
    /// The first element has `None`; each later one has `Some(true)` after
    /// `and`, `Some(false)` after `or`. (libpcap 1.10.3 only accepts
    /// `( N or N or ... )`, so the parser yields `Eq` elements joined by
    /// `Some(false)`.)
    List(Vec<(Option<bool>, FieldValue)>),
}

/// The "other" primitives of the grammar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prim {
    /// `[proto] broadcast`.
    Broadcast(Q<Proto>),
    /// `[proto] multicast`.
    Multicast(Q<Proto>),
    /// `less N`.
    Less(u32),
    /// `greater N`.
    Greater(u32),
    /// `byte N op V`.
    Byte(u32, ByteOp, u32),
    /// `inbound`.
    Inbound,
    /// `outbound`.
    Outbound,
    /// `ifindex N`.
    Ifindex(u32),
    /// `vlan [id]`.
    Vlan(Option<u32>),
    /// `mpls [label]`.
    Mpls(Option<u32>),
    /// `pppoed`.
    Pppoed,
    /// `pppoes [session]`.
    Pppoes(Option<u32>),
    /// `geneve [vni]`.
    Geneve(Option<u32>),
    /// `on|ifname NAME`.
    PfIfname(String),
    /// `rset|ruleset NAME`.
    PfRuleset(String),
    /// `rnr|rulenum N`.
    PfRulenum(u32),
    /// `srnr|subrulenum N`.
    PfSubrulenum(u32),
    /// `reason N|NAME`.
    PfReason(NumOrName),
    /// `action NAME`.
    PfAction(NumOrName),
    /// `[proto] type T [subtype S]`.
    WlanType(Q<Proto>, NumOrName, Option<NumOrName>),
    /// `[proto] subtype S` (a name searched across all types).
    WlanSubtype(Q<Proto>, NumOrName),
    /// `[proto] dir D`.
    WlanDir(Q<Proto>, NumOrName),
    /// `llc`, `llc NAME` (`i`, `s`, `u`, `rr`, `rnr`, `ui`, ...).
    Llc(Option<String>),
    /// ATM abbreviations: `lane`, `metac`, `bcc`, `oamf4ec`, `oamf4sc`,
    /// `sc`, `ilmic`, `oam`, `oamf4`, `connectmsg`, `metaconnect`
    /// (the keyword as written).
    AtmType(String),
    /// `vpi VALUE` / `vci VALUE`.
    AtmField(String, FieldValue),
    /// `fisu`, `lssu`/`lsu`, `msu`, `hfisu`, `hlssu`, `hmsu` (as written).
    Mtp2Type(String),
    /// `sio`/`opc`/`dpc`/`sls`/`hsio`/`hopc`/`hdpc`/`hsls` VALUE.
    Mtp3Field(String, FieldValue),
}

// Dropping a tree recursively needs stack in proportion to its depth, and
// accepted filters can nest about 10,000 levels (and `and`/`or` chains are
// as deep as they are long). These `Drop` impls take the children out into
// a worklist first, so dropping any tree uses constant stack. They only
// forbid moving fields out of an `Expr`/`Arith` by value; matching on
// references and building nodes are unaffected.

impl Drop for Expr {
    fn drop(&mut self) {
        let mut exprs: Vec<Expr> = Vec::new();
        detach_expr(&mut self.kind, &mut exprs);
        while let Some(mut e) = exprs.pop() {
            detach_expr(&mut e.kind, &mut exprs);
        }
    }
}

impl Drop for Arith {
    fn drop(&mut self) {
        let mut ariths: Vec<Arith> = Vec::new();
        detach_arith(&mut self.kind, &mut ariths);
        while let Some(mut a) = ariths.pop() {
            detach_arith(&mut a.kind, &mut ariths);
        }
    }
}

/// A leaf that owns nothing, left behind in a node whose children were
/// taken.
const EXPR_LEAF: ExprKind = ExprKind::Prim(Prim::Inbound);

/// Moves the expression children of `kind` onto the worklist, leaving a
/// leaf. (Arithmetic operands are dropped here; their own `Drop` is
/// iterative.)
fn detach_expr(kind: &mut ExprKind, exprs: &mut Vec<Expr>) {
    match std::mem::replace(kind, EXPR_LEAF) {
        ExprKind::And(a, b) | ExprKind::Or(a, b) => {
            exprs.push(*a);
            exprs.push(*b);
        }
        ExprKind::Not(a) | ExprKind::Paren(a) | ExprKind::Qualified(_, a) => exprs.push(*a),
        _ => {}
    }
}

/// Moves the children of `kind` onto the worklist, leaving a leaf.
fn detach_arith(kind: &mut ArithKind, ariths: &mut Vec<Arith>) {
    match std::mem::replace(kind, ArithKind::Len) {
        ArithKind::Bin(_, l, r) => {
            ariths.push(*l);
            ariths.push(*r);
        }
        ArithKind::Neg(a) | ArithKind::Load { index: a, .. } => ariths.push(*a),
        _ => {}
    }
}
