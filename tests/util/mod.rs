//! Shared helpers for the property and regression tests: a small
//! deterministic PRNG, a generator of filter expressions over the whole
//! pcap-filter language, a generator of packets for each link type, and a
//! thin wrapper around the installed tcpdump (the oracle).
//!
//! Everything here is deterministic given a seed, so a failing case can be
//! replayed from the seed the test prints. Not every helper is used by every
//! test crate that includes this module, hence the `dead_code` allowance.

#![allow(dead_code)]

use std::process::Command;

use bpfcap::bpf::Insn;
use bpfcap::dlt::Dlt;

// ---------------------------------------------------------------------------
// PRNG

/// SplitMix64: tiny, fast and good enough for test-case generation.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    pub fn u8(&mut self) -> u8 {
        (self.next_u64() >> 56) as u8
    }

    /// A value in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `pct` percent.
    pub fn chance(&mut self, pct: u32) -> bool {
        (self.next_u64() % 100) < pct as u64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.u8()).collect()
    }

    /// Between 0 and `max - 1` random bytes.
    pub fn some_bytes(&mut self, max: usize) -> Vec<u8> {
        self.some_bytes_from(0, max)
    }

    /// Between `min` and `min + extra - 1` random bytes.
    pub fn some_bytes_from(&mut self, min: usize, extra: usize) -> Vec<u8> {
        let n = min + self.below(extra);
        self.bytes(n)
    }
}

/// The seed of case `i` of a run with base seed `base`.
pub fn case_seed(base: u64, i: u64) -> u64 {
    let mut r = Rng::new(base ^ i.wrapping_mul(0x2545_f491_4f6c_dd1d));
    r.next_u64()
}

/// How many cases to run: `BPFCAP_PROPTEST_CASES` or the default.
pub fn cases(default: usize) -> usize {
    std::env::var("BPFCAP_PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

/// Run only one case: `BPFCAP_PROPTEST_SEED` (decimal or 0x hex).
pub fn only_seed() -> Option<u64> {
    let s = std::env::var("BPFCAP_PROPTEST_SEED").ok()?;
    match s.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => s.parse().ok(),
    }
}

// ---------------------------------------------------------------------------
// Link types

/// The link types the property tests cover, by their `-y` names.
pub const DLTS: &[&str] =
    &["EN10MB", "LINUX_SLL", "LINUX_SLL2", "RAW", "IPV4", "IPV6", "NULL", "LOOP", "PPP"];

pub fn dlt(name: &str) -> Dlt {
    Dlt::from_name(name).expect("known DLT name")
}

// ---------------------------------------------------------------------------
// Address pools shared by the expression and packet generators, so that
// host, net and port primitives match generated packets reasonably often.

pub const IP4: &[[u8; 4]] = &[
    [10, 0, 0, 1],
    [10, 0, 0, 2],
    [192, 168, 1, 1],
    [192, 168, 1, 255],
    [224, 0, 0, 1],
    [255, 255, 255, 255],
    [127, 0, 0, 1],
    [0, 0, 0, 0],
];

pub const IP6: &[[u16; 8]] = &[
    [0, 0, 0, 0, 0, 0, 0, 1],
    [0xfe80, 0, 0, 0, 0, 0, 0, 1],
    [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1],
    [0x2001, 0xdb8, 0, 0, 0, 0, 0, 2],
    [0xff02, 0, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001],
];

pub const MACS: &[[u8; 6]] = &[
    [0x00, 0x11, 0x22, 0x33, 0x44, 0x55],
    [0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb],
    [0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    [0x01, 0x00, 0x5e, 0x00, 0x00, 0x01],
    [0x33, 0x33, 0x00, 0x00, 0x00, 0x01],
];

pub const PORTS: &[u16] = &[22, 53, 80, 443, 1024, 8080, 0, 65535, 6081, 2049];

fn ip4_text(a: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", a[0], a[1], a[2], a[3])
}

fn ip6_text(a: [u16; 8]) -> String {
    std::net::Ipv6Addr::new(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]).to_string()
}

fn mac_text(r: &mut Rng, m: [u8; 6]) -> String {
    match r.below(4) {
        0 => {
            format!("{:02x}-{:02x}-{:02x}-{:02x}-{:02x}-{:02x}", m[0], m[1], m[2], m[3], m[4], m[5])
        }
        1 => format!("{:02x}{:02x}.{:02x}{:02x}.{:02x}{:02x}", m[0], m[1], m[2], m[3], m[4], m[5]),
        _ => format!("{:x}:{:x}:{:x}:{:x}:{:x}:{:x}", m[0], m[1], m[2], m[3], m[4], m[5]),
    }
}

// ---------------------------------------------------------------------------
// Expression generator

/// Generates one filter expression of nesting depth at most `depth`.
pub fn gen_expr(r: &mut Rng, depth: u32) -> String {
    if depth == 0 || r.chance(30) {
        return gen_prim(r);
    }
    let d = depth - 1;
    match r.below(12) {
        0..=3 => {
            let op = r.pick(&["and", "and", "&&"]);
            format!("{} {op} {}", gen_expr(r, d), gen_expr(r, d))
        }
        4..=6 => {
            let op = r.pick(&["or", "or", "||"]);
            format!("{} {op} {}", gen_expr(r, d), gen_expr(r, d))
        }
        7 | 8 => {
            let op = r.pick(&["not ", "not ", "!"]);
            format!("{op}{}", gen_expr(r, d))
        }
        9 => format!("({})", gen_expr(r, d)),
        10 => {
            // Encapsulation context: later primitives look inside the VLAN,
            // MPLS or PPPoE payload (libpcap moves its offsets).
            let mut s = String::new();
            for _ in 0..1 + r.below(2) {
                let k = r.pick(&["vlan", "vlan", "mpls", "mpls", "pppoes"]);
                if r.chance(40) {
                    s.push_str(&format!("{k} {} and ", r.below(16)));
                } else {
                    s.push_str(&format!("{k} and "));
                }
            }
            format!("{s}{}", gen_expr(r, d))
        }
        _ => gen_inherit(r),
    }
}

fn dir(r: &mut Rng) -> &'static str {
    r.pick::<&str>(&["", "", "", "src ", "dst ", "src or dst ", "src and dst "])
}

fn port_num(r: &mut Rng) -> String {
    if r.chance(85) { r.pick(PORTS).to_string() } else { (r.u32() % 65536).to_string() }
}

/// Qualifier inheritance: `host a or b`, `port 80 and not 443`, ...
fn gen_inherit(r: &mut Rng) -> String {
    let n = 2 + r.below(3);
    let (head, items): (String, Vec<String>) = match r.below(4) {
        0 => (
            {
                let p = r.pick(&["", "ip ", "ip "]);
                format!("{p}{}host", dir(r))
            },
            (0..n).map(|_| ip4_text(*r.pick(IP4))).collect(),
        ),
        1 => (
            format!("{}{}port", r.pick(&["", "tcp ", "udp "]), dir(r)),
            (0..n).map(|_| port_num(r)).collect(),
        ),
        2 => (format!("{}net", dir(r)), (0..n).map(|_| gen_net4(r)).collect()),
        _ => (format!("{}host", dir(r)), (0..n).map(|_| ip6_text(*r.pick(IP6))).collect()),
    };
    let mut s = format!("{head} {}", items[0]);
    for it in &items[1..] {
        let op = r.pick(&["or", "or", "and", "and not", "or not"]);
        s.push_str(&format!(" {op} {it}"));
    }
    if r.chance(30) { format!("({s})") } else { s }
}

fn gen_net4(r: &mut Rng) -> String {
    let a = *r.pick(IP4);
    match r.below(5) {
        0 => {
            let len = *r.pick(&[0u32, 8, 16, 24, 32, 30]);
            let m = if len == 0 { 0 } else { u32::MAX << (32 - len) };
            let v = u32::from_be_bytes(a) & m;
            format!("{}/{len}", ip4_text(v.to_be_bytes()))
        }
        1 => format!("{}", a[0]),
        2 => format!("{}.{}", a[0], a[1]),
        3 => format!("{}.{}.{}", a[0], a[1], a[2]),
        _ => {
            let len = *r.pick(&[8u32, 16, 24]);
            let m = u32::MAX << (32 - len);
            let v = u32::from_be_bytes(a) & m;
            format!("{} mask {}", ip4_text(v.to_be_bytes()), ip4_text(m.to_be_bytes()))
        }
    }
}

fn number(r: &mut Rng) -> String {
    let v: u32 = match r.below(6) {
        0 => r.u32(),
        1 => r.u32() % 256,
        2 => *r.pick(&[0u32, 1, 2, 4, 6, 17, 0x40, 0xff, 0x800, 0xffff, 0xffffffff, 0x80000000]),
        _ => r.u32() % 64,
    };
    match r.below(5) {
        0 => format!("{v:#x}"),
        1 if v != 0 => format!("0{v:o}"),
        _ => v.to_string(),
    }
}

const ACC_PROTOS: &[&str] = &[
    "ether", "link", "ip", "ip", "ip6", "tcp", "tcp", "udp", "icmp", "icmp6", "igmp", "sctp",
    "arp", "rarp", "vrrp", "pim", "igrp",
];

/// An arithmetic expression (libpcap's `arth`).
fn gen_arith(r: &mut Rng, depth: u32) -> String {
    if depth == 0 || r.chance(45) {
        return match r.below(12) {
            0..=2 => number(r),
            3 => "len".into(),
            4 => r
                .pick(&[
                    "tcp-fin",
                    "tcp-syn",
                    "tcp-rst",
                    "tcp-push",
                    "tcp-ack",
                    "tcp-urg",
                    "tcp-ece",
                    "tcp-cwr",
                    "icmp-echo",
                    "icmp-echoreply",
                    "icmp-unreach",
                    "tcpflags",
                    "icmptype",
                    "icmpcode",
                    "icmp6-echo",
                    "icmp6type",
                ])
                .to_string(),
            5 => {
                let p = r.pick(&["tcp", "tcp", "icmp", "icmp6"]);
                let f = match *p {
                    "tcp" => "tcpflags",
                    "icmp" => r.pick(&["icmptype", "icmpcode"]),
                    _ => r.pick(&["icmp6type", "icmp6code"]),
                };
                format!("{p}[{f}]")
            }
            _ => {
                let p = r.pick(ACC_PROTOS);
                let off = if depth > 0 && r.chance(10) {
                    gen_arith(r, depth - 1)
                } else {
                    (r.u32() % 48).to_string()
                };
                match r.below(4) {
                    0 => format!("{p}[{off}]"),
                    _ => format!("{p}[{off}:{}]", r.pick(&[1, 2, 4, 2, 4])),
                }
            }
        };
    }
    let d = depth - 1;
    match r.below(8) {
        0 => format!("-{}", gen_arith(r, d)),
        1 => format!("({})", gen_arith(r, d)),
        _ => {
            let op = *r.pick(&["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&", "&"]);
            let lhs = gen_arith(r, d);
            let rhs = if (op == "<<" || op == ">>") && r.chance(80) {
                (r.u32() % 32).to_string()
            } else {
                gen_arith(r, d)
            };
            format!("{lhs} {op} {rhs}")
        }
    }
}

fn relop(r: &mut Rng) -> &'static str {
    r.pick::<&str>(&[">", "<", ">=", "<=", "=", "==", "!="])
}

/// One primitive (or a relation, which behaves as one).
pub fn gen_prim(r: &mut Rng) -> String {
    match r.below(40) {
        0..=3 => {
            let p = r.pick(&["", "", "ip ", "arp ", "rarp "]);
            format!("{p}{}host {}", dir(r), ip4_text(*r.pick(IP4)))
        }
        4 | 5 => format!("{}{}host {}", r.pick(&["", "ip6 "]), dir(r), ip6_text(*r.pick(IP6))),
        6 => {
            let m = *r.pick(MACS);
            match r.below(3) {
                0 => format!("ether {}host {}", dir(r), mac_text(r, m)),
                1 => format!("ether {} {}", r.pick(&["src", "dst"]), mac_text(r, m)),
                _ => format!("{}host {}", dir(r), mac_text(r, m)),
            }
        }
        7 | 8 => format!("{}{}net {}", r.pick(&["", "ip "]), dir(r), gen_net4(r)),
        9 => {
            let a = *r.pick(IP6);
            let len = *r.pick(&[0u32, 10, 16, 32, 64, 96, 127, 128]);
            let v =
                u128::from(std::net::Ipv6Addr::new(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]));
            // Most nets have no host bits set (libpcap refuses those).
            let m = if len == 0 || r.chance(5) { 0 } else { u128::MAX << (128 - len) };
            let net = std::net::Ipv6Addr::from(if len == 0 {
                v & m
            } else {
                v & m | (v & !m & u128::from(r.chance(5)))
            });
            format!("{}{}net {net}/{len}", r.pick(&["", "ip6 "]), dir(r))
        }
        10..=13 => {
            format!("{}{}port {}", r.pick(&["", "", "tcp ", "udp ", "sctp "]), dir(r), port_num(r))
        }
        14 => {
            let a = r.u32() % 65536;
            let b = if r.chance(80) { (a + r.u32() % 2000).min(65535) } else { r.u32() % 65536 };
            format!("{}{}portrange {a}-{b}", r.pick(&["", "tcp ", "udp "]), dir(r))
        }
        15..=18 => r
            .pick(&[
                "ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp", "icmp6", "igmp", "sctp", "pim",
                "vrrp", "igrp", "ah", "esp", "carp", "atalk", "aarp", "decnet", "iso", "stp",
                "ipx", "netbeui", "lat", "sca", "moprc", "mopdl", "llc", "clnp", "esis", "isis",
            ])
            .to_string(),
        19 => {
            let q = r.pick(&["ip proto", "ip6 proto", "proto", "ether proto", "ip proto", "proto"]);
            let n = match *q {
                "ether proto" => {
                    *r.pick(&[0x800u32, 0x86dd, 0x806, 0x8035, 0x8100, 0x8847, 1500, 42])
                }
                _ => *r.pick(&[6u32, 17, 1, 58, 2, 132, 0, 255, 44, 43]),
            };
            match r.below(3) {
                0 => format!("{q} {n:#x}"),
                1 if *q != "ether proto" => {
                    format!("{q} \\{}", r.pick(&["tcp", "udp", "icmp"]))
                }
                _ => format!("{q} {n}"),
            }
        }
        20 if r.chance(40) => {
            let q = r.pick(&["ip protochain", "ip6 protochain", "protochain"]);
            format!("{q} {}", r.pick(&[6, 17, 58, 44, 0, 1]))
        }
        20..=25 => format!("{} {} {}", gen_arith(r, 3), relop(r), gen_arith(r, 3)),
        26 => {
            let flags = ["tcp-syn", "tcp-ack", "tcp-fin", "tcp-rst", "tcp-push", "tcp-urg"];
            let a = r.pick(&flags);
            let b = r.pick(&flags);
            match r.below(4) {
                0 => format!("tcp[tcpflags] & ({a}|{b}) != 0"),
                1 => format!("tcp[tcpflags] & {a} = {a}"),
                2 => format!("tcp[13] & {} != 0", r.u8()),
                _ => format!("icmp[icmptype] {} icmp-echo", relop(r)),
            }
        }
        27 => match r.below(3) {
            0 => format!("less {}", r.u32() % 200),
            1 => format!("greater {}", r.u32() % 200),
            _ => format!("len {} {}", relop(r), r.u32() % 200),
        },
        28 | 29 => {
            let k = r.pick(&["vlan", "mpls", "pppoes", "vlan", "mpls", "pppoes", "pppoed"]);
            if *k != "pppoed" && r.chance(50) {
                let n = match *k {
                    "vlan" => r.u32() % 4096,
                    "mpls" => r.u32() % 1048576,
                    _ => r.u32() % 65536,
                };
                format!("{k} {}", if r.chance(70) { n % 16 } else { n })
            } else {
                k.to_string()
            }
        }
        30 => r
            .pick(&[
                "broadcast",
                "multicast",
                "ether broadcast",
                "ether multicast",
                "ip broadcast",
                "ip multicast",
                "ip6 multicast",
            ])
            .to_string(),
        31 => format!(
            "byte {} {} {}",
            r.u32() % 64,
            r.pick(&["=", "<", ">", "&", "|"]),
            r.u32() % 256
        ),
        32 => r.pick(&["inbound", "outbound", "ifindex 2", "geneve", "geneve 5"]).to_string(),
        33 => {
            format!("{}{}port {}", r.pick(&["tcp ", "udp "]), dir(r), r.pick(&["80", "53", "22"]))
        }
        34 => r
            .pick(&[
                "tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420",
                "ip[6:2] & 0x1fff = 0",
                "ip[0] & 0xf != 5",
                "ether[0] & 1 = 1",
                "ip6[6] = 17",
                "icmp6 and ip6[40] = 128",
                "tcp[tcpflags] == tcp-syn",
                "udp[8:2] = 0x1234",
                "ip[2:2] - 20 > len - 100",
                "link[0:1] & 0xffffffff != 0",
            ])
            .to_string(),
        _ => format!("{}{}host {}", r.pick(&["", "ip "]), dir(r), ip4_text(*r.pick(IP4))),
    }
}

// ---------------------------------------------------------------------------
// Byte-level fuzzing of filter text

const TOKENS: &[&str] = &[
    "host",
    "net",
    "port",
    "portrange",
    "src",
    "dst",
    "and",
    "or",
    "not",
    "(",
    ")",
    "[",
    "]",
    ":",
    "ip",
    "ip6",
    "tcp",
    "udp",
    "ether",
    "vlan",
    "mpls",
    "len",
    "less",
    "greater",
    "proto",
    "protochain",
    "mask",
    "/",
    "+",
    "-",
    "*",
    "%",
    "&",
    "|",
    "^",
    "<<",
    ">>",
    "!",
    "=",
    "!=",
    ">",
    "<",
    "10.0.0.1",
    "::1",
    "fe80::",
    "1.2.3",
    "0x",
    "0xffffffff",
    "4294967296",
    "99999999999999999999",
    "00:11:22:33:44:55",
    "aa.bb.cc",
    "\\",
    "byte",
    "broadcast",
    "gateway",
    "tcpflags",
    "tcp-syn",
    "&&",
    "||",
    "pppoes",
    "geneve",
    "wlan",
    "type",
    "subtype",
    "llc",
    "atm",
    "-",
    ".",
    ",",
    "'",
    "\"",
    "\u{0}",
    "\u{ff}",
    "é",
    "🙂",
    "\t",
    "\n",
    "0",
    "07",
    "09",
];

/// A random (often nonsensical) filter text.
pub fn gen_fuzz_text(r: &mut Rng, seed_exprs: &mut dyn FnMut(&mut Rng) -> String) -> String {
    match r.below(8) {
        // Deep nesting.
        0 => {
            // Nesting beyond a few hundred levels is slow in the parser
            // (see tests/regression.rs, r001); keep most cases shallow.
            let n = 1 + if r.chance(3) { r.below(600) } else { r.below(150) };
            let (open, close) =
                *r.pick(&[("(", ")"), ("not ", ""), ("!", ""), ("-", ""), ("ip[", "]")]);
            let inner = seed_exprs(r);
            format!(
                "{}{}{}",
                open.repeat(n),
                inner,
                if r.chance(80) { close.repeat(n) } else { String::new() }
            )
        }
        // Random tokens.
        1 | 2 => {
            let n = 1 + r.below(20);
            (0..n).map(|_| *r.pick(TOKENS)).collect::<Vec<_>>().join(if r.chance(80) {
                " "
            } else {
                ""
            })
        }
        // Random bytes (lossy UTF-8).
        3 => {
            let n = r.below(40);
            String::from_utf8_lossy(&r.bytes(n)).into_owned()
        }
        // Long chains.
        4 => {
            let n = 1 + r.below(300);
            let op = *r.pick(&[" or ", " and ", " or not ", " + "]);
            (0..n).map(|_| seed_exprs(r)).collect::<Vec<_>>().join(op)
        }
        // Mutated generated expressions.
        _ => {
            let mut b = seed_exprs(r).into_bytes();
            for _ in 0..1 + r.below(4) {
                match r.below(5) {
                    0 if !b.is_empty() => {
                        let i = r.below(b.len());
                        b.remove(i);
                    }
                    1 => {
                        let i = r.below(b.len() + 1);
                        let t = r.pick(TOKENS).as_bytes();
                        for (j, c) in t.iter().enumerate() {
                            b.insert(i + j, *c);
                        }
                    }
                    2 if !b.is_empty() => {
                        let i = r.below(b.len());
                        b[i] = r.u8();
                    }
                    3 => b.extend_from_slice(b" 99999999999999999999999"),
                    _ if !b.is_empty() => {
                        let i = r.below(b.len());
                        b.truncate(i);
                    }
                    _ => {}
                }
            }
            String::from_utf8_lossy(&b).into_owned()
        }
    }
}

// ---------------------------------------------------------------------------
// Packet generator

/// One test packet: the captured bytes and the length on the wire.
#[derive(Clone, Debug)]
pub struct Packet {
    pub data: Vec<u8>,
    pub wire_len: u32,
}

fn put16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_be_bytes());
}

fn ip6_bytes(a: [u16; 8]) -> Vec<u8> {
    a.iter().flat_map(|w| w.to_be_bytes()).collect()
}

/// A transport header and payload for IP protocol `proto`.
fn gen_l4(r: &mut Rng, proto: u8) -> Vec<u8> {
    let mut v = Vec::new();
    let port = |r: &mut Rng| if r.chance(80) { *r.pick(PORTS) } else { r.u32() as u16 };
    match proto {
        6 => {
            put16(&mut v, port(r));
            put16(&mut v, port(r));
            v.extend_from_slice(&r.bytes(8));
            let off = if r.chance(80) { 5 } else { 5 + r.below(3) as u8 };
            v.push(off << 4);
            v.push(if r.chance(50) {
                *r.pick(&[0x02, 0x12, 0x10, 0x18, 0x11, 0x04])
            } else {
                r.u8()
            });
            v.extend_from_slice(&r.bytes(6));
            v.extend_from_slice(&r.bytes(4 * (off as usize - 5)));
            if r.chance(30) {
                v.extend_from_slice(b"GET / HTTP/1.1\r\n");
            }
        }
        17 | 132 => {
            put16(&mut v, port(r));
            put16(&mut v, port(r));
            let extra = r.below(24);
            put16(&mut v, (8 + extra) as u16);
            v.extend_from_slice(&r.bytes(2 + extra));
        }
        1 | 58 => {
            let any = r.u8();
            v.push(*r.pick(&[0, 8, 3, 11, 128, 129, 135, 136, any]));
            v.push(r.u8() % 4);
            v.extend_from_slice(&r.some_bytes_from(6, 20));
        }
        _ => v.extend_from_slice(&r.some_bytes(32)),
    }
    v
}

fn ip_proto(r: &mut Rng) -> u8 {
    let any = r.u8();
    *r.pick(&[6, 6, 17, 17, 1, 58, 2, 132, 103, 112, 50, 51, any])
}

fn gen_ipv4(r: &mut Rng) -> Vec<u8> {
    let proto = ip_proto(r);
    let ihl = if r.chance(85) { 5 } else { 6 + r.below(3) as u8 };
    let l4 = gen_l4(r, proto);
    let total = 4 * ihl as usize + l4.len();
    let mut v = vec![0x40 | ihl, r.u8()];
    put16(&mut v, total as u16);
    put16(&mut v, r.u32() as u16);
    let frag: u16 = match r.below(6) {
        0 => 0x2000,
        1 => r.u32() as u16 & 0x1fff,
        2 => 0x4000,
        _ => 0,
    };
    put16(&mut v, frag);
    v.push(r.u8());
    v.push(proto);
    put16(&mut v, r.u32() as u16);
    v.extend_from_slice(&r.pick(IP4)[..]);
    v.extend_from_slice(&r.pick(IP4)[..]);
    v.extend_from_slice(&r.bytes(4 * (ihl as usize - 5)));
    v.extend_from_slice(&l4);
    v
}

fn gen_ipv6(r: &mut Rng) -> Vec<u8> {
    let mut proto = ip_proto(r);
    let mut ext = Vec::new();
    // Extension headers, which protochain walks.
    if r.chance(25) {
        let n = 1 + r.below(2);
        let mut chain = Vec::new();
        for _ in 0..n {
            chain.push(*r.pick(&[0u8, 43, 60, 44]));
        }
        let mut next = proto;
        for h in chain.iter().rev() {
            let mut e = vec![next, 0];
            e.extend_from_slice(&r.bytes(6));
            if *h == 44 {
                e[1] = 0;
            }
            let mut tmp = e;
            tmp.extend_from_slice(&ext);
            ext = tmp;
            next = *h;
        }
        proto = next;
    }
    let l4 = gen_l4(r, ext_last_proto(&ext, proto));
    let mut v = vec![0x60, 0, 0, 0];
    put16(&mut v, (ext.len() + l4.len()) as u16);
    v.push(proto);
    v.push(64);
    v.extend_from_slice(&ip6_bytes(*r.pick(IP6)));
    v.extend_from_slice(&ip6_bytes(*r.pick(IP6)));
    v.extend_from_slice(&ext);
    v.extend_from_slice(&l4);
    v
}

/// The protocol after a chain of 8-byte extension headers.
fn ext_last_proto(ext: &[u8], first: u8) -> u8 {
    let mut p = first;
    let mut i = 0;
    while i + 8 <= ext.len() {
        p = ext[i];
        i += 8;
    }
    p
}

fn gen_arp(r: &mut Rng) -> Vec<u8> {
    let mut v = Vec::new();
    put16(&mut v, 1);
    put16(&mut v, 0x0800);
    v.push(6);
    v.push(4);
    put16(&mut v, 1 + r.below(4) as u16);
    v.extend_from_slice(&r.pick(MACS)[..]);
    v.extend_from_slice(&r.pick(IP4)[..]);
    v.extend_from_slice(&r.pick(MACS)[..]);
    v.extend_from_slice(&r.pick(IP4)[..]);
    v
}

/// A network-layer packet and its ethertype.
fn gen_l3(r: &mut Rng) -> (u16, Vec<u8>) {
    match r.below(12) {
        0..=4 => (0x0800, gen_ipv4(r)),
        5..=7 => (0x86dd, gen_ipv6(r)),
        8 => (0x0806, gen_arp(r)),
        9 => (0x8035, gen_arp(r)),
        10 => (*r.pick(&[0x8137u16, 0x809b, 0x6003, 0x88cc]), r.some_bytes(64)),
        _ => (r.u32() as u16, r.some_bytes(64)),
    }
}

/// An Ethernet payload after the type field: plain, VLAN-tagged, MPLS,
/// PPPoE or 802.3 with an LLC header.
fn gen_ether_body(r: &mut Rng, depth: u32) -> (u16, Vec<u8>) {
    match r.below(14) {
        0 | 1 if depth < 2 => {
            let (t, body) = gen_ether_body(r, depth + 1);
            let tci = if r.chance(70) { r.below(16) as u16 } else { r.u32() as u16 };
            let mut v = Vec::new();
            put16(&mut v, tci);
            put16(&mut v, t);
            v.extend_from_slice(&body);
            (*r.pick(&[0x8100, 0x8100, 0x88a8, 0x9100]), v)
        }
        2 => {
            let mut v = Vec::new();
            let n = 1 + r.below(3);
            for i in 0..n {
                let label = if r.chance(70) { r.below(16) as u32 } else { r.u32() >> 12 };
                let bos = if i + 1 == n { 1 } else { 0 };
                v.extend_from_slice(&((label << 12) | (bos << 8) | 64).to_be_bytes());
            }
            let body = if r.chance(60) { gen_ipv4(r) } else { gen_ipv6(r) };
            v.extend_from_slice(&body);
            (0x8847, v)
        }
        3 => {
            let (ppp, body) =
                if r.chance(60) { (0x0021u16, gen_ipv4(r)) } else { (0x0057, gen_ipv6(r)) };
            let mut v = vec![0x11, 0];
            put16(&mut v, if r.chance(70) { r.below(16) as u16 } else { r.u32() as u16 });
            put16(&mut v, body.len() as u16 + 2);
            put16(&mut v, ppp);
            v.extend_from_slice(&body);
            (0x8864, v)
        }
        4 => {
            let mut v = r
                .pick(&[
                    vec![0xaa, 0xaa, 3, 0, 0, 0, 8, 0],
                    vec![0x42, 0x42, 3],
                    vec![0xe0, 0xe0, 3],
                    vec![0xfe, 0xfe, 3],
                    vec![0xf0, 0xf0, 3],
                ])
                .clone();
            v.extend_from_slice(&r.some_bytes(40));
            (v.len() as u16, v)
        }
        5 => (0x8863, r.some_bytes(20)),
        _ => gen_l3(r),
    }
}

/// A packet for link type `dlt` (by `-y` name).
pub fn gen_packet(r: &mut Rng, dlt: &str) -> Packet {
    let mut data = match r.below(20) {
        0 => r.some_bytes(80),
        _ => gen_framed(r, dlt),
    };
    let mut wire_len = data.len() as u32;
    // Truncated captures: fewer bytes than on the wire.
    if r.chance(15) && !data.is_empty() {
        data.truncate(r.below(data.len()));
    } else if r.chance(5) {
        wire_len += r.below(1000) as u32;
    }
    // Occasional random corruption of one byte.
    if r.chance(10) && !data.is_empty() {
        let i = r.below(data.len());
        data[i] = r.u8();
    }
    Packet { data, wire_len }
}

fn gen_framed(r: &mut Rng, dlt: &str) -> Vec<u8> {
    let mut v = Vec::new();
    match dlt {
        "EN10MB" => {
            v.extend_from_slice(&r.pick(MACS)[..]);
            v.extend_from_slice(&r.pick(MACS)[..]);
            let (t, body) = gen_ether_body(r, 0);
            put16(&mut v, t);
            v.extend_from_slice(&body);
        }
        "LINUX_SLL" => {
            let (t, body) = gen_l3(r);
            put16(&mut v, *r.pick(&[0u16, 1, 2, 3, 4]));
            put16(&mut v, 1);
            put16(&mut v, 6);
            v.extend_from_slice(&r.pick(MACS)[..]);
            put16(&mut v, 0);
            put16(&mut v, if r.chance(10) { *r.pick(&[1u16, 4, 0x0003]) } else { t });
            v.extend_from_slice(&body);
        }
        "LINUX_SLL2" => {
            let (t, body) = gen_l3(r);
            put16(&mut v, t);
            put16(&mut v, 0);
            v.extend_from_slice(&(r.below(4) as u32).to_be_bytes());
            put16(&mut v, 1);
            v.push(*r.pick(&[0u8, 1, 2, 3, 4]));
            v.push(6);
            v.extend_from_slice(&r.pick(MACS)[..]);
            put16(&mut v, 0);
            v.extend_from_slice(&body);
        }
        "RAW" | "IPV4" | "IPV6" => {
            let body = match (dlt, r.below(5)) {
                ("IPV6", 0..=3) => gen_ipv6(r),
                (_, 0..=3) => gen_ipv4(r),
                (_, _) => {
                    if r.chance(50) {
                        gen_ipv6(r)
                    } else {
                        gen_ipv4(r)
                    }
                }
            };
            v.extend_from_slice(&body);
        }
        "NULL" | "LOOP" => {
            let v6 = r.chance(40);
            let af: u32 = if v6 { *r.pick(&[24u32, 28, 30, 10]) } else { *r.pick(&[2u32, 2, 7]) };
            let af =
                if dlt == "LOOP" || r.chance(20) { af.to_be_bytes() } else { af.to_le_bytes() };
            v.extend_from_slice(&af);
            v.extend_from_slice(&if v6 { gen_ipv6(r) } else { gen_ipv4(r) });
        }
        "PPP" => {
            let (p, body) = match r.below(5) {
                0..=2 => (0x0021u16, gen_ipv4(r)),
                3 => (0x0057, gen_ipv6(r)),
                _ => (r.u32() as u16, r.some_bytes(40)),
            };
            if r.chance(85) {
                v.extend_from_slice(&[0xff, 0x03]);
            }
            put16(&mut v, p);
            v.extend_from_slice(&body);
        }
        _ => v.extend_from_slice(&r.some_bytes(80)),
    }
    v
}

// ---------------------------------------------------------------------------
// tcpdump

/// Is tcpdump on PATH?
pub fn have_tcpdump() -> bool {
    Command::new("tcpdump").arg("--version").output().map(|o| o.status.success()).unwrap_or(false)
}

/// tcpdump's program for `expr` (`-ddd`, with `-O` when `optimize` is
/// false), or the message it printed after `tcpdump: `.
pub fn tcpdump_program(dlt: &str, expr: &str, optimize: bool) -> Result<Vec<Insn>, String> {
    let mut cmd = Command::new("tcpdump");
    cmd.args(["-y", dlt, "-s", "262144"]);
    if !optimize {
        cmd.arg("-O");
    }
    cmd.args(["-ddd", "--", expr]);
    let out = cmd.output().map_err(|e| format!("cannot run tcpdump: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let msg = err
            .lines()
            .filter_map(|l| l.strip_prefix("tcpdump: "))
            .next_back()
            .unwrap_or("unknown error")
            .to_string();
        return Err(msg);
    }
    bpfcap::opt::rebuild::parse_decimal(&String::from_utf8_lossy(&out.stdout))
        .map_err(|e| format!("unparsable tcpdump output: {e}"))
}

/// Runs a program on a packet; `None` when the program cannot run offline
/// (ancillary loads).
pub fn verdict(vm: &bpfcap::bpf::vm::Vm, p: &Packet) -> bool {
    vm.run(&p.data, p.wire_len) != 0
}
