//! The scanner: filter text to tokens, the way libpcap 1.10.3's flex
//! scanner cuts it.
//!
//! flex picks the longest match among all rules and, on a tie, the rule
//! listed first. We reproduce that by measuring, at each position, how far
//! every candidate token class would reach and keeping the longest, with
//! ties broken in this order: keywords (including protocol names and the
//! named constants such as `tcp-syn`), MAC address, number, dotted IPv4,
//! IPv6, the "bogus ethernet address" trap, and finally the identifier.
//! So `hostname`, `len-1` and `tcp_x` are identifiers while `host`, `len`
//! and `tcp` are keywords, and `123456789012` is a MAC address while
//! `12345678901` is a number (that overflows).
//!
//! Errors that flex raises while converting a token (`number 09 contains
//! non-octal digit`, overflow, `bogus IPv6 address`) are kept on the token:
//! libpcap reports them only when its parser actually asks for that token,
//! so the parser decides whether they are reached. An invalid character or
//! a "bogus ethernet address" ends the token stream with an error token.
//!
//! Each token also has a *canonical spelling*: the text the pest grammar
//! (`grammar/pcap_filter.pest`) reads. Keywords are spelled by their
//! canonical name (`&&` → `and`, `length` → `len`), value tokens by their
//! class (`NUM`, `HID`, `ID`, ...), and every token is followed by one
//! space, so the grammar never has to think about longest match again.

use super::ast::{Proto, Span};
use super::error::SyntaxErrorKind;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    /// A keyword, operator or protocol name, by canonical spelling
    /// (`"host"`, `"and"`, `">="`, `"tcp"`, ...).
    Kw(&'static str),
    /// A number (`NUM`), including named constants; `Err` when its
    /// conversion fails.
    Num(Result<u32, SyntaxErrorKind>),
    /// A dotted IPv4 address or short form (`HID`).
    Hid,
    /// An IPv6 address (`HID6`); `Err` when it does not validate.
    Hid6(Result<(), SyntaxErrorKind>),
    /// A MAC address (`EID`).
    Eid,
    /// An ARCnet address (`AID`).
    Aid,
    /// An identifier, with a leading backslash removed.
    Id(String),
    /// Something the scanner rejects: an invalid character (a plain
    /// syntax error for the parser) or a bogus ethernet address.
    Error(SyntaxErrorKind),
}

/// A token and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Token {
    /// What it is.
    pub kind: TokKind,
    /// Where it was written.
    pub span: Span,
}

impl Token {
    /// The spelling the pest grammar reads (without the trailing space).
    pub fn canonical(&self) -> &'static str {
        match &self.kind {
            TokKind::Kw(k) => k,
            TokKind::Num(_) => "NUM",
            TokKind::Hid => "HID",
            TokKind::Hid6(_) => "HID6",
            TokKind::Eid => "EID",
            TokKind::Aid => "AID",
            TokKind::Id(_) => "ID",
            TokKind::Error(_) => "LEXERR",
        }
    }

    /// A conversion error flex would raise when this token is scanned.
    pub fn deferred_error(&self) -> Option<&SyntaxErrorKind> {
        match &self.kind {
            TokKind::Num(Err(e)) | TokKind::Hid6(Err(e)) => Some(e),
            _ => None,
        }
    }
}

/// Keywords that are written as words: (spelling, canonical name).
/// Aliases map to one canonical name so the grammar needs one rule each.
const WORDS: &[(&str, &str)] = &[
    ("dst", "dst"),
    ("src", "src"),
    ("host", "host"),
    ("net", "net"),
    ("mask", "mask"),
    ("port", "port"),
    ("portrange", "portrange"),
    ("proto", "proto"),
    ("protochain", "protochain"),
    ("gateway", "gateway"),
    ("type", "type"),
    ("subtype", "subtype"),
    ("direction", "dir"),
    ("dir", "dir"),
    ("address1", "addr1"),
    ("addr1", "addr1"),
    ("address2", "addr2"),
    ("addr2", "addr2"),
    ("address3", "addr3"),
    ("addr3", "addr3"),
    ("address4", "addr4"),
    ("addr4", "addr4"),
    ("ra", "ra"),
    ("ta", "ta"),
    ("less", "less"),
    ("greater", "greater"),
    ("byte", "byte"),
    ("broadcast", "broadcast"),
    ("multicast", "multicast"),
    ("and", "and"),
    ("or", "or"),
    ("not", "not"),
    ("len", "len"),
    ("length", "len"),
    ("inbound", "inbound"),
    ("outbound", "outbound"),
    ("ifindex", "ifindex"),
    ("vlan", "vlan"),
    ("mpls", "mpls"),
    ("pppoed", "pppoed"),
    ("pppoes", "pppoes"),
    ("geneve", "geneve"),
    ("lane", "lane"),
    ("llc", "llc"),
    ("metac", "metac"),
    ("bcc", "bcc"),
    ("oam", "oam"),
    ("oamf4", "oamf4"),
    ("oamf4ec", "oamf4ec"),
    ("oamf4sc", "oamf4sc"),
    ("sc", "sc"),
    ("ilmic", "ilmic"),
    ("vpi", "vpi"),
    ("vci", "vci"),
    ("connectmsg", "connectmsg"),
    ("metaconnect", "metaconnect"),
    ("on", "on"),
    ("ifname", "on"),
    ("rset", "rset"),
    ("ruleset", "rset"),
    ("rnr", "rnr"),
    ("rulenum", "rnr"),
    ("srnr", "srnr"),
    ("subrulenum", "srnr"),
    ("reason", "reason"),
    ("action", "action"),
    ("fisu", "fisu"),
    ("lssu", "lssu"),
    ("lsu", "lssu"),
    ("msu", "msu"),
    ("hfisu", "hfisu"),
    ("hlssu", "hlssu"),
    ("hmsu", "hmsu"),
    ("sio", "sio"),
    ("opc", "opc"),
    ("dpc", "dpc"),
    ("sls", "sls"),
    ("hsio", "hsio"),
    ("hopc", "hopc"),
    ("hdpc", "hdpc"),
    ("hsls", "hsls"),
];

/// Protocol names: (spelling, canonical name, protocol).
pub(super) const PROTOS: &[(&str, &str, Proto)] = &[
    ("link", "link", Proto::Link),
    ("ether", "link", Proto::Link),
    ("ppp", "link", Proto::Link),
    ("slip", "link", Proto::Link),
    ("fddi", "link", Proto::Link),
    ("tr", "link", Proto::Link),
    ("wlan", "link", Proto::Link),
    ("arp", "arp", Proto::Arp),
    ("rarp", "rarp", Proto::Rarp),
    ("ip", "ip", Proto::Ip),
    ("sctp", "sctp", Proto::Sctp),
    ("tcp", "tcp", Proto::Tcp),
    ("udp", "udp", Proto::Udp),
    ("icmp", "icmp", Proto::Icmp),
    ("igmp", "igmp", Proto::Igmp),
    ("igrp", "igrp", Proto::Igrp),
    ("pim", "pim", Proto::Pim),
    ("vrrp", "vrrp", Proto::Vrrp),
    ("carp", "carp", Proto::Carp),
    ("radio", "radio", Proto::Radio),
    ("ip6", "ip6", Proto::Ip6),
    ("icmp6", "icmp6", Proto::Icmp6),
    ("ah", "ah", Proto::Ah),
    ("esp", "esp", Proto::Esp),
    ("atalk", "atalk", Proto::Atalk),
    ("aarp", "aarp", Proto::Aarp),
    ("decnet", "decnet", Proto::Decnet),
    ("lat", "lat", Proto::Lat),
    ("sca", "sca", Proto::Sca),
    ("moprc", "moprc", Proto::Moprc),
    ("mopdl", "mopdl", Proto::Mopdl),
    ("iso", "iso", Proto::Iso),
    ("esis", "esis", Proto::Esis),
    ("es-is", "esis", Proto::Esis),
    ("isis", "isis", Proto::Isis),
    ("is-is", "isis", Proto::Isis),
    ("l1", "l1", Proto::IsisL1),
    ("l2", "l2", Proto::IsisL2),
    ("iih", "iih", Proto::IsisIih),
    ("lsp", "lsp", Proto::IsisLsp),
    ("snp", "snp", Proto::IsisSnp),
    ("csnp", "csnp", Proto::IsisCsnp),
    ("psnp", "psnp", Proto::IsisPsnp),
    ("clnp", "clnp", Proto::Clnp),
    ("stp", "stp", Proto::Stp),
    ("ipx", "ipx", Proto::Ipx),
    ("netbeui", "netbeui", Proto::Netbeui),
];

/// Named constants, which the scanner returns as numbers.
const NAMED_NUMBERS: &[(&str, u32)] = &[
    ("icmptype", 0),
    ("icmpcode", 1),
    ("icmp-echoreply", 0),
    ("icmp-unreach", 3),
    ("icmp-sourcequench", 4),
    ("icmp-redirect", 5),
    ("icmp-echo", 8),
    ("icmp-routeradvert", 9),
    ("icmp-routersolicit", 10),
    ("icmp-timxceed", 11),
    ("icmp-paramprob", 12),
    ("icmp-tstamp", 13),
    ("icmp-tstampreply", 14),
    ("icmp-ireq", 15),
    ("icmp-ireqreply", 16),
    ("icmp-maskreq", 17),
    ("icmp-maskreply", 18),
    ("icmp6type", 0),
    ("icmp6code", 1),
    ("icmp6-destinationunreach", 1),
    ("icmp6-packettoobig", 2),
    ("icmp6-timeexceeded", 3),
    ("icmp6-parameterproblem", 4),
    ("icmp6-echo", 128),
    ("icmp6-echoreply", 129),
    ("icmp6-multicastlistenerquery", 130),
    ("icmp6-multicastlistenerreportv1", 131),
    ("icmp6-multicastlistenerdone", 132),
    ("icmp6-routersolicit", 133),
    ("icmp6-routeradvert", 134),
    ("icmp6-neighborsolicit", 135),
    ("icmp6-neighboradvert", 136),
    ("icmp6-redirect", 137),
    ("icmp6-routerrenum", 138),
    ("icmp6-nodeinformationquery", 139),
    ("icmp6-nodeinformationresponse", 140),
    ("icmp6-ineighbordiscoverysolicit", 141),
    ("icmp6-ineighbordiscoveryadvert", 142),
    ("icmp6-multicastlistenerreportv2", 143),
    ("icmp6-homeagentdiscoveryrequest", 144),
    ("icmp6-homeagentdiscoveryreply", 145),
    ("icmp6-mobileprefixsolicit", 146),
    ("icmp6-mobileprefixadvert", 147),
    ("icmp6-certpathsolicit", 148),
    ("icmp6-certpathadvert", 149),
    ("icmp6-multicastrouteradvert", 151),
    ("icmp6-multicastroutersolicit", 152),
    ("icmp6-multicastrouterterm", 153),
    ("tcpflags", 13),
    ("tcp-fin", 0x01),
    ("tcp-syn", 0x02),
    ("tcp-rst", 0x04),
    ("tcp-push", 0x08),
    ("tcp-ack", 0x10),
    ("tcp-urg", 0x20),
    ("tcp-ece", 0x40),
    ("tcp-cwr", 0x80),
];

/// Operators, longest first so that `>=` wins over `>`.
const OPERATORS: &[(&str, &str)] = &[
    ("&&", "and"),
    ("||", "or"),
    (">=", ">="),
    ("<=", "<="),
    ("!=", "!="),
    ("==", "="),
    ("<<", "<<"),
    (">>", ">>"),
    ("+", "+"),
    ("-", "-"),
    ("*", "*"),
    ("/", "/"),
    ("%", "%"),
    (":", ":"),
    ("[", "["),
    ("]", "]"),
    ("!", "not"),
    ("<", "<"),
    (">", ">"),
    ("(", "("),
    (")", ")"),
    ("&", "&"),
    ("|", "|"),
    ("^", "^"),
    ("=", "="),
];

/// The protocol a canonical protocol name stands for.
pub(super) fn proto_of(canonical: &str) -> Option<Proto> {
    PROTOS.iter().find(|(_, c, _)| *c == canonical).map(|(_, _, p)| *p)
}

/// Cuts `text` into tokens. Scanning stops after the first token the
/// scanner rejects (an [`TokKind::Error`] token), because flex would never
/// be asked for anything after it.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let c = bytes[pos];
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            pos += 1;
            continue;
        }
        let (kind, len) = scan_one(text, pos);
        let stop = matches!(kind, TokKind::Error(_));
        tokens.push(Token { kind, span: Span::new(pos, pos + len) });
        pos += len;
        if stop {
            break;
        }
    }
    tokens
}

/// Scans the token starting at `pos` (not whitespace): its kind and length.
fn scan_one(text: &str, pos: usize) -> (TokKind, usize) {
    let rest = &text[pos..];
    let b = rest.as_bytes();
    let c = b[0];
    if c == b'\\' {
        // `\\[^ !()\n\t]+`: an identifier without the backslash.
        let n = rest[1..].find([' ', '!', '(', ')', '\n', '\t']).unwrap_or(rest.len() - 1);
        if n == 0 {
            return (TokKind::Error(SyntaxErrorKind::Syntax), 1);
        }
        return (TokKind::Id(rest[1..1 + n].to_string()), 1 + n);
    }
    if c == b'$' {
        // `$` and one or two hex digits: an ARCnet address.
        let n = hex_run(&b[1..]).min(2);
        if n == 0 {
            return (TokKind::Error(SyntaxErrorKind::Syntax), 1);
        }
        return (TokKind::Aid, 1 + n);
    }
    if c.is_ascii_alphanumeric() {
        return scan_word(rest);
    }
    if c == b':' {
        // `::...` can only be an IPv6 address; a lone `:` is an operator.
        let v6 = v6_prefix_len(b);
        if v6 > 1 {
            return (TokKind::Hid6(validate_v6(&rest[..v6])), v6);
        }
    }
    for (spelling, canon) in OPERATORS {
        if rest.starts_with(spelling) {
            return (TokKind::Kw(canon), spelling.len());
        }
    }
    // Any other character (including a non-ASCII one) is flex's catch-all:
    // a LEX_ERROR, which the parser sees as a syntax error.
    let n = rest.chars().next().map_or(1, char::len_utf8);
    (TokKind::Error(SyntaxErrorKind::Syntax), n)
}

/// Scans a token starting with a letter or digit: the longest match among
/// keywords, MAC addresses, numbers, IPv4, IPv6, the bogus-ethernet trap
/// and identifiers, ties going to the class listed first.
fn scan_word(rest: &str) -> (TokKind, usize) {
    let b = rest.as_bytes();
    let id = id_len(b);
    let word = &rest[..id];
    let keyword = keyword_of(word);
    let mac = mac_len(b);
    let num = num_len(b);
    let hid = hid_len(b);
    let v6 = v6_prefix_len(b);
    let bogus = bogus_eth_len(b);
    let best = [keyword.as_ref().map_or(0, |_| id), mac, num, hid, v6, bogus, id]
        .into_iter()
        .max()
        .unwrap_or(0);
    if let Some(kind) = keyword
        && id == best
    {
        return (kind, id);
    }
    if mac == best {
        return (TokKind::Eid, mac);
    }
    if num == best {
        return (TokKind::Num(convert_number(&rest[..num])), num);
    }
    if hid == best {
        return (TokKind::Hid, hid);
    }
    if v6 == best {
        return (TokKind::Hid6(validate_v6(&rest[..v6])), v6);
    }
    if bogus == best {
        let msg = format!("bogus ethernet address {}", &rest[..bogus]);
        return (TokKind::Error(SyntaxErrorKind::Other(msg)), bogus);
    }
    (TokKind::Id(word.to_string()), id)
}

/// The keyword (word, protocol name or named constant) spelled `word`.
fn keyword_of(word: &str) -> Option<TokKind> {
    if let Some((_, c)) = WORDS.iter().find(|(s, _)| *s == word) {
        return Some(TokKind::Kw(c));
    }
    if let Some((_, c, _)) = PROTOS.iter().find(|(s, _, _)| *s == word) {
        return Some(TokKind::Kw(c));
    }
    NAMED_NUMBERS.iter().find(|(s, _)| *s == word).map(|(_, v)| TokKind::Num(Ok(*v)))
}

/// Length of the identifier `[A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?` at
/// the start of `b`: the run of identifier characters without trailing
/// `-` and `_`.
fn id_len(b: &[u8]) -> usize {
    if !b.first().is_some_and(u8::is_ascii_alphanumeric) {
        return 0;
    }
    let run = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        .count();
    let mut n = run;
    while n > 1 && matches!(b[n - 1], b'-' | b'_') {
        n -= 1;
    }
    n
}

fn hex_run(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_hexdigit()).count()
}

fn dec_run(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// Length of a number: `0[xX][0-9A-Fa-f]+` or `[0-9]+`.
fn num_len(b: &[u8]) -> usize {
    if b.len() > 2 && b[0] == b'0' && matches!(b[1], b'x' | b'X') {
        let h = hex_run(&b[2..]);
        if h > 0 {
            return 2 + h;
        }
    }
    dec_run(b)
}

/// Length of a dotted IPv4 form `N.N`, `N.N.N` or `N.N.N.N` (0 if none).
fn hid_len(b: &[u8]) -> usize {
    let mut pos = dec_run(b);
    if pos == 0 {
        return 0;
    }
    let mut best = 0;
    for _ in 0..3 {
        if b.get(pos) != Some(&b'.') {
            break;
        }
        let n = dec_run(&b[pos + 1..]);
        if n == 0 {
            break;
        }
        pos += 1 + n;
        best = pos;
    }
    best
}

/// Length of a MAC address: six groups of one or two hex digits separated
/// by `:`, `-` or `.`, three groups of four hex digits separated by `.`, or
/// twelve hex digits (0 if none).
fn mac_len(b: &[u8]) -> usize {
    let mut best = 0;
    for sep in [b':', b'-', b'.'] {
        let mut pos = 0;
        let mut ok = true;
        for i in 0..6 {
            if i > 0 {
                if b.get(pos) != Some(&sep) {
                    ok = false;
                    break;
                }
                pos += 1;
            }
            let n = hex_run(&b[pos.min(b.len())..]).min(2);
            if n == 0 {
                ok = false;
                break;
            }
            pos += n;
        }
        if ok {
            best = best.max(pos);
        }
    }
    // `xxxx.xxxx.xxxx`
    let mut pos = 0;
    let mut ok = true;
    for i in 0..3 {
        if i > 0 {
            if b.get(pos) != Some(&b'.') {
                ok = false;
                break;
            }
            pos += 1;
        }
        if pos + 4 > b.len() || hex_run(&b[pos..pos + 4]) != 4 {
            ok = false;
            break;
        }
        pos += 4;
    }
    if ok {
        best = best.max(pos);
    }
    if b.len() >= 12 && hex_run(&b[..12]) == 12 {
        best = best.max(12);
    }
    best
}

/// Length of flex's trap for malformed colon addresses, `{B}:+({B}:+)+`
/// with `{B}` one or two hex digits (0 if none).
fn bogus_eth_len(b: &[u8]) -> usize {
    let mut pos = 0;
    let mut groups = 0;
    let mut best = 0;
    loop {
        let n = hex_run(&b[pos..]).min(2);
        if n == 0 {
            break;
        }
        let colons = b[pos + n..].iter().take_while(|c| **c == b':').count();
        if colons == 0 {
            break;
        }
        pos += n + colons;
        groups += 1;
        if groups >= 2 {
            best = pos;
        }
    }
    best
}

/// Length of the longest prefix of `b` that has the textual form of an
/// IPv6 address (RFC 3986 `IPv6address`, with a dotted IPv4 tail whose
/// parts may be any decimal run; `getaddrinfo` judges the value later).
fn v6_prefix_len(b: &[u8]) -> usize {
    let run = b
        .iter()
        .take_while(|c| c.is_ascii_hexdigit() || matches!(c, b':' | b'.'))
        .count()
        // No IPv6 address is longer than 45 characters; the cap keeps the
        // search linear on absurd inputs.
        .min(64);
    (2..=run).rev().find(|&n| is_v6_form(&b[..n])).unwrap_or(0)
}

/// Whether `s` has the textual form of an IPv6 address.
fn is_v6_form(s: &[u8]) -> bool {
    // Groups on each side of an optional `::`; each side is a list of
    // h16 separated by single colons, the last one possibly an IPv4 tail.
    let text = match std::str::from_utf8(s) {
        Ok(t) => t,
        Err(_) => return false,
    };
    let (left, right, compressed) = match text.find("::") {
        Some(i) => (&text[..i], &text[i + 2..], true),
        None => (text, "", false),
    };
    if compressed && right.contains("::") {
        return false;
    }
    let count = |side: &str, may_end_v4: bool| -> Option<usize> {
        if side.is_empty() {
            return Some(0);
        }
        let parts: Vec<&str> = side.split(':').collect();
        let mut n = 0;
        for (i, p) in parts.iter().enumerate() {
            let last = i + 1 == parts.len();
            if last && may_end_v4 && p.contains('.') {
                let q: Vec<&str> = p.split('.').collect();
                if q.len() != 4
                    || q.iter().any(|x| x.is_empty() || !x.bytes().all(|c| c.is_ascii_digit()))
                {
                    return None;
                }
                n += 2;
            } else if p.is_empty() || p.len() > 4 || !p.bytes().all(|c| c.is_ascii_hexdigit()) {
                return None;
            } else {
                n += 1;
            }
        }
        Some(n)
    };
    if compressed {
        let (Some(l), Some(r)) = (count(left, false), count(right, true)) else {
            return false;
        };
        l + r <= 7
    } else {
        count(left, true) == Some(8)
    }
}

/// Checks an IPv6 address the way `getaddrinfo(AI_NUMERICHOST)` does.
fn validate_v6(s: &str) -> Result<(), SyntaxErrorKind> {
    match s.parse::<std::net::Ipv6Addr>() {
        Ok(_) => Ok(()),
        Err(_) => Err(SyntaxErrorKind::BogusIpv6(s.to_string())),
    }
}

/// Converts a number token: `0x` hex, leading-`0` octal, else decimal.
pub(super) fn convert_number(s: &str) -> Result<u32, SyntaxErrorKind> {
    let (digits, radix) = if s.len() > 2 && (s.starts_with("0x") || s.starts_with("0X")) {
        (&s[2..], 16)
    } else if s.len() > 1 && s.starts_with('0') {
        (&s[1..], 8)
    } else {
        (s, 10)
    };
    let mut value: u32 = 0;
    for ch in digits.chars() {
        let d = ch.to_digit(radix).ok_or_else(|| SyntaxErrorKind::NonOctal(s.to_string()))?;
        value = value
            .checked_mul(radix)
            .and_then(|v| v.checked_add(d))
            .ok_or_else(|| SyntaxErrorKind::Overflow(s.to_string()))?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, canonical spellings of the tokens, joined by spaces)
    const CASES: &[(&str, &str)] = &[
        ("host hostname", "host ID"),
        ("len-1 > 0", "ID > NUM"),
        ("len - 1", "len - NUM"),
        ("tcp_x tcp-syn tcp-synx", "ID NUM ID"),
        ("icmp-echo icmp-echoreply", "NUM NUM"),
        ("a- b_", "ID - ID LEXERR"),
        ("1.2.3.4 1.2.3.4.5 1.2. 10.1", "HID ID ID HID"),
        ("123456789012 12345678901", "EID NUM"),
        ("1:2:3:4:5:6 1-2-3-4-5-6 1.2.3.4.5.6 1234.5678.9abc", "EID EID EID EID"),
        ("abcdefabcdef abcdefabcdefab 123.4567.89ab", "EID ID ID"),
        ("fe80::1 ::ffff:1.2.3.4 1:: :: 1:2:3:4:5:6:7:8", "HID6 HID6 HID6 HID6 HID6"),
        ("1:2:3:4:5:6:7::8", "HID6 NUM"),
        ("$12 $123", "AID AID NUM"),
        ("\\tcp \\1.2.3.4", "ID ID"),
        ("&& || ! not == = != >= <= << >> < >", "and or not not = = != >= <= << >> < >"),
        ("ip[0]&1!=0", "ip [ NUM ] & NUM != NUM"),
        ("HOST ether es-is is-is length ifname", "ID link esis isis len on"),
        ("0x1f 0X1F 017 0x 0xg", "NUM NUM NUM ID ID"),
        ("1:2:3", "LEXERR"),
        ("host \\(", "host LEXERR"),
        ("a\u{c}b", "ID LEXERR"),
    ];

    #[test]
    fn token_table() {
        for (input, want) in CASES {
            let got: Vec<&str> = tokenize(input).iter().map(Token::canonical).collect();
            assert_eq!(got.join(" "), *want, "input {input:?}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(convert_number("0x1f"), Ok(31));
        assert_eq!(convert_number("017"), Ok(15));
        assert_eq!(convert_number("0"), Ok(0));
        assert_eq!(convert_number("4294967295"), Ok(u32::MAX));
        assert_eq!(convert_number("09"), Err(SyntaxErrorKind::NonOctal("09".into())));
        assert_eq!(
            convert_number("4294967296"),
            Err(SyntaxErrorKind::Overflow("4294967296".into()))
        );
        assert_eq!(
            convert_number("0x100000000"),
            Err(SyntaxErrorKind::Overflow("0x100000000".into()))
        );
    }

    #[test]
    fn lexical_errors() {
        let t = tokenize("host 1::2::3");
        assert_eq!(
            t[1].kind,
            TokKind::Error(SyntaxErrorKind::Other("bogus ethernet address 1::2::".into()))
        );
        let t = tokenize("host ::ffff:1.2.3.04");
        assert_eq!(
            t[1].kind,
            TokKind::Hid6(Err(SyntaxErrorKind::BogusIpv6("::ffff:1.2.3.04".into())))
        );
        let t = tokenize("host ::999.1.1.1");
        assert!(matches!(t[1].kind, TokKind::Hid6(Err(_))));
    }
}
