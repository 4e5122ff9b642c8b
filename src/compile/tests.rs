//! Code generation checked against `tcpdump -O -d` output captured from
//! tcpdump 4.99.3 (libpcap 1.10.3), one case per quirk worth pinning down:
//! protochain's leaked register, SLIP direction as arithmetic, live-Linux
//! VLAN code, variable 802.11/radiotap/Prism headers, geneve, dropped
//! protocol checks in arithmetic, `!=` on ATM fields compiled as `=`,
//! MTP3 point codes, ARCnet `$xx` digits, `byte & N` without a load.

use super::*;
use crate::bpf::DumpFormat;
use crate::bpf::assemble::assemble;
use crate::bpf::print::dump;

fn unoptimized(dlt: &str, live: bool, expr: &str) -> String {
    let ast = crate::syntax::parse(expr).expect("parses");
    let mut t = Target::new(Dlt::from_name(dlt).expect("known DLT"), 262144);
    t.live_linux = live;
    let cfg = generate(&ast, &t).expect("compiles");
    dump(&assemble(&cfg).expect("assembles"), DumpFormat::Asm)
}

#[test]
fn unoptimized_output_matches_tcpdump() {
    for &(dlt, live, expr, want) in CASES {
        assert_eq!(unoptimized(dlt, live, expr), want, "{dlt} {expr:?}");
    }
}

#[test]
fn generators_that_libpcap_leaves_unoptimized() {
    for (dlt, expr, no_opt) in [
        ("IEEE802_11", "ip", true),
        ("IEEE802_11", "wlan host 1:2:3:4:5:6", false),
        ("PRISM_HEADER", "len = len", true),
        ("EN10MB", "geneve", true),
        ("EN10MB", "ip protochain 6", true),
        ("EN10MB", "vlan 1", false),
    ] {
        let ast = crate::syntax::parse(expr).expect("parses");
        let t = Target::new(Dlt::from_name(dlt).expect("known DLT"), 262144);
        assert_eq!(generate(&ast, &t).expect("compiles").no_optimize, no_opt, "{dlt} {expr}");
    }
}

#[test]
fn semantic_errors_carry_libpcap_messages() {
    for (dlt, expr, msg) in [
        ("EN10MB", "ip and 1.2.3.4", "syntax error in filter expression"),
        ("EN10MB", "port 80 and 1.2.3.4", "'port' modifier applied to ip host"),
        ("EN10MB", "port 99999", "illegal port number 99999 > 65535"),
        ("EN10MB", "icmp port 1", "illegal qualifier of 'port'"),
        ("EN10MB", "ip6 host 1.2.3.4", "'ip6' modifier applied to ip host"),
        ("EN10MB", "tcp proto 1", "'tcp proto' is bogus"),
        ("RAW", "vlan", "no VLAN support for Raw IP"),
        ("EN10MB", "1/0 = 1", "division by zero"),
        ("EN10MB", "ip[0:3] = 1", "data size must be 1, 2, or 4"),
        ("USB_LINUX", "ip", "USB link-layer type filtering not implemented"),
    ] {
        let ast = crate::syntax::parse(expr).expect("parses");
        let t = Target::new(Dlt::from_name(dlt).expect("known DLT"), 262144);
        let e = generate(&ast, &t).expect_err(expr);
        assert_eq!(e.message, msg, "{dlt} {expr}");
    }
}

/// (link type, live Linux, expression, `tcpdump -O -d` output).
const CASES: &[(&str, bool, &str, &str)] = &[
    (
        "EN10MB",
        false,
        "ip protochain 6",
        "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 23\n(002) ldb      [23]\n(003) ldxb     4*([14]&0xf)\n(004) jeq      #0x6             jt 20\tjf 5\n(005) jeq      #0x3b            jt 20\tjf 6\n(006) add      #0\n(007) jeq      #0x33            jt 8\tjf 20\n(008) txa      \n(009) ldb      [x + 14]\n(010) st       M[0]\n(011) txa      \n(012) add      #1\n(013) tax      \n(014) ldb      [x + 14]\n(015) add      #2\n(016) mul      #4\n(017) tax      \n(018) ld       M[0]\n(019) ja       4\n(020) add      #0\n(021) jeq      #0x6             jt 22\tjf 23\n(022) ret      #262144\n(023) ret      #0\n",
    ),
    (
        "EN10MB",
        false,
        "protochain 17 and ip[0]=1",
        "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 22\n(002) ldb      [23]\n(003) ldxb     4*([14]&0xf)\n(004) jeq      #0x11            jt 20\tjf 5\n(005) jeq      #0x3b            jt 20\tjf 6\n(006) add      #0\n(007) jeq      #0x33            jt 8\tjf 20\n(008) txa      \n(009) ldb      [x + 14]\n(010) st       M[1]\n(011) txa      \n(012) add      #1\n(013) tax      \n(014) ldb      [x + 14]\n(015) add      #2\n(016) mul      #4\n(017) tax      \n(018) ld       M[1]\n(019) ja       4\n(020) add      #0\n(021) jeq      #0x11            jt 56\tjf 22\n(022) ldh      [12]\n(023) jeq      #0x86dd          jt 24\tjf 70\n(024) ldb      [20]\n(025) ldx      #0x28\n(026) jeq      #0x11            jt 54\tjf 27\n(027) jeq      #0x3b            jt 54\tjf 28\n(028) jeq      #0x0             jt 32\tjf 29\n(029) jeq      #0x3c            jt 32\tjf 30\n(030) jeq      #0x2b            jt 32\tjf 31\n(031) jeq      #0x2c            jt 32\tjf 41\n(032) ldb      [x + 14]\n(033) st       M[1]\n(034) ldb      [x + 15]\n(035) add      #1\n(036) mul      #8\n(037) add      x\n(038) tax      \n(039) ld       M[1]\n(040) ja       26\n(041) jeq      #0x33            jt 42\tjf 54\n(042) txa      \n(043) ldb      [x + 14]\n(044) st       M[1]\n(045) txa      \n(046) add      #1\n(047) tax      \n(048) ldb      [x + 14]\n(049) add      #2\n(050) mul      #4\n(051) tax      \n(052) ld       M[1]\n(053) ja       26\n(054) add      #0\n(055) jeq      #0x11            jt 56\tjf 70\n(056) ldh      [12]\n(057) jeq      #0x800           jt 58\tjf 70\n(058) ld       #0x0\n(059) st       M[1]\n(060) ldx      M[1]\n(061) ldb      [x + 14]\n(062) st       M[2]\n(063) ld       #0x1\n(064) st       M[3]\n(065) ldx      M[3]\n(066) ld       M[2]\n(067) sub      x\n(068) jeq      #0x0             jt 69\tjf 70\n(069) ret      #262144\n(070) ret      #0\n",
    ),
    (
        "SLIP",
        false,
        "outbound",
        "(000) ld       #0x0\n(001) st       M[1]\n(002) ldx      M[1]\n(003) ldb      [x + 0]\n(004) st       M[2]\n(005) ld       #0x0\n(006) st       M[0]\n(007) ldx      M[0]\n(008) ld       M[2]\n(009) sub      x\n(010) jeq      #0x0             jt 11\tjf 12\n(011) ret      #0\n(012) ret      #262144\n",
    ),
    (
        "EN10MB",
        true,
        "vlan 100 and ip",
        "(000) ld       #0x0\n(001) st       M[0]\n(002) st       M[1]\n(003) ldb      [vlanp]\n(004) jeq      #0x1             jt 17\tjf 5\n(005) ld       M[0]\n(006) add      #4\n(007) st       M[0]\n(008) ld       M[1]\n(009) add      #4\n(010) st       M[1]\n(011) ldh      [12]\n(012) jeq      #0x8100          jt 17\tjf 13\n(013) ldh      [12]\n(014) jeq      #0x88a8          jt 17\tjf 15\n(015) ldh      [12]\n(016) jeq      #0x9100          jt 17\tjf 28\n(017) ldb      [vlanp]\n(018) jeq      #0x1             jt 19\tjf 21\n(019) ldb      [vlan_tci]\n(020) ja       22\n(021) ldh      [14]\n(022) and      #0xfff\n(023) jeq      #0x64            jt 24\tjf 28\n(024) ldx      M[1]\n(025) ldh      [x + 12]\n(026) jeq      #0x800           jt 27\tjf 28\n(027) ret      #262144\n(028) ret      #0\n",
    ),
    (
        "IEEE802_11",
        false,
        "ip",
        "(000) ldx      #0x0\n(001) txa      \n(002) add      #24\n(003) st       M[0]\n(004) ldb      [x + 0]\n(005) jset     #0x8             jt 6\tjf 11\n(006) jset     #0x4             jt 11\tjf 7\n(007) jset     #0x80            jt 8\tjf 11\n(008) ld       M[0]\n(009) add      #2\n(010) st       M[0]\n(011) ldb      [0]\n(012) jset     #0x4             jt 19\tjf 13\n(013) ldb      [0]\n(014) jset     #0x8             jt 15\tjf 19\n(015) ldx      M[0]\n(016) ldh      [x + 6]\n(017) jeq      #0x800           jt 18\tjf 19\n(018) ret      #262144\n(019) ret      #0\n",
    ),
    (
        "IEEE802_11_RADIO",
        false,
        "tcp[0]=1",
        "(000) ldb      [3]\n(001) lsh      #8\n(002) tax      \n(003) ldb      [2]\n(004) or       x\n(005) st       M[3]\n(006) tax      \n(007) txa      \n(008) add      #24\n(009) st       M[2]\n(010) ldb      [x + 0]\n(011) jset     #0x8             jt 12\tjf 29\n(012) jset     #0x4             jt 29\tjf 13\n(013) jset     #0x80            jt 14\tjf 17\n(014) ld       M[2]\n(015) add      #2\n(016) st       M[2]\n(017) ld       [4]\n(018) jset     #0x2000000       jt 19\tjf 29\n(019) jset     #0x80            jt 29\tjf 20\n(020) jset     #0x1000000       jt 21\tjf 23\n(021) ldb      [16]\n(022) jset     #0x20            jt 25\tjf 29\n(023) ldb      [8]\n(024) jset     #0x20            jt 25\tjf 29\n(025) ld       M[2]\n(026) add      #3\n(027) and      #0xfffffffc\n(028) st       M[2]\n(029) ldx      M[3]\n(030) ldb      [x + 0]\n(031) jset     #0x4             jt 91\tjf 32\n(032) ldx      M[3]\n(033) ldb      [x + 0]\n(034) jset     #0x8             jt 35\tjf 91\n(035) ldx      M[2]\n(036) ldh      [x + 6]\n(037) jeq      #0x800           jt 38\tjf 91\n(038) ldx      M[3]\n(039) ldb      [x + 0]\n(040) jset     #0x4             jt 50\tjf 41\n(041) ldx      M[3]\n(042) ldb      [x + 0]\n(043) jset     #0x8             jt 44\tjf 50\n(044) ldx      M[2]\n(045) ldh      [x + 6]\n(046) jeq      #0x800           jt 47\tjf 50\n(047) ldx      M[2]\n(048) ldb      [x + 17]\n(049) jeq      #0x6             jt 68\tjf 50\n(050) ldx      M[3]\n(051) ldb      [x + 0]\n(052) jset     #0x4             jt 91\tjf 53\n(053) ldx      M[3]\n(054) ldb      [x + 0]\n(055) jset     #0x8             jt 56\tjf 91\n(056) ldx      M[2]\n(057) ldh      [x + 6]\n(058) jeq      #0x86dd          jt 59\tjf 91\n(059) ldx      M[2]\n(060) ldb      [x + 14]\n(061) jeq      #0x6             jt 68\tjf 62\n(062) ldx      M[2]\n(063) ldb      [x + 14]\n(064) jeq      #0x2c            jt 65\tjf 91\n(065) ldx      M[2]\n(066) ldb      [x + 48]\n(067) jeq      #0x6             jt 68\tjf 91\n(068) ldx      M[2]\n(069) ldh      [x + 14]\n(070) jset     #0x1fff          jt 91\tjf 71\n(071) ld       #0x0\n(072) st       M[0]\n(073) ldx      M[2]\n(074) ldb      [x + 8]\n(075) and      #0xf\n(076) lsh      #2\n(077) add      x\n(078) tax      \n(079) ld       M[0]\n(080) add      x\n(081) tax      \n(082) ldb      [x + 8]\n(083) st       M[1]\n(084) ld       #0x1\n(085) st       M[4]\n(086) ldx      M[4]\n(087) ld       M[1]\n(088) sub      x\n(089) jeq      #0x0             jt 90\tjf 91\n(090) ret      #262144\n(091) ret      #0\n",
    ),
    (
        "PRISM_HEADER",
        false,
        "ip",
        "(000) ld       [0]\n(001) and      #0xfffff000\n(002) jeq      #0x80211000      jt 3\tjf 5\n(003) ld       [4]\n(004) ja       6\n(005) ld       #0x90\n(006) st       M[0]\n(007) tax      \n(008) txa      \n(009) add      #24\n(010) st       M[1]\n(011) ldb      [x + 0]\n(012) jset     #0x8             jt 13\tjf 18\n(013) jset     #0x4             jt 18\tjf 14\n(014) jset     #0x80            jt 15\tjf 18\n(015) ld       M[1]\n(016) add      #2\n(017) st       M[1]\n(018) ldx      M[0]\n(019) ldb      [x + 0]\n(020) jset     #0x4             jt 28\tjf 21\n(021) ldx      M[0]\n(022) ldb      [x + 0]\n(023) jset     #0x8             jt 24\tjf 28\n(024) ldx      M[1]\n(025) ldh      [x + 6]\n(026) jeq      #0x800           jt 27\tjf 28\n(027) ret      #262144\n(028) ret      #0\n",
    ),
    (
        "EN10MB",
        false,
        "geneve 10 and ip",
        "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 20\n(002) ldb      [23]\n(003) jeq      #0x11            jt 4\tjf 20\n(004) ldh      [20]\n(005) jset     #0x1fff          jt 20\tjf 6\n(006) ldxb     4*([14]&0xf)\n(007) ldh      [x + 16]\n(008) jeq      #0x17c1          jt 9\tjf 20\n(009) ldxb     4*([14]&0xf)\n(010) ldb      [x + 22]\n(011) and      #0xc0\n(012) jeq      #0x0             jt 13\tjf 20\n(013) ldxb     4*([14]&0xf)\n(014) ld       [x + 26]\n(015) and      #0xffffff00\n(016) jeq      #0xa00           jt 17\tjf 20\n(017) ldxb     4*([14]&0xf)\n(018) txa      \n(019) jeq      x                jt 35\tjf 20\n(020) ldh      [12]\n(021) jeq      #0x86dd          jt 22\tjf 60\n(022) ldb      [20]\n(023) jeq      #0x11            jt 24\tjf 60\n(024) ldh      [56]\n(025) jeq      #0x17c1          jt 26\tjf 60\n(026) ldb      [62]\n(027) and      #0xc0\n(028) jeq      #0x0             jt 29\tjf 60\n(029) ld       [66]\n(030) and      #0xffffff00\n(031) jeq      #0xa00           jt 32\tjf 60\n(032) ld       #0x28\n(033) tax      \n(034) jeq      x                jt 35\tjf 60\n(035) add      #22\n(036) tax      \n(037) add      #2\n(038) st       M[0]\n(039) ldb      [x + 0]\n(040) and      #0x3f\n(041) mul      #4\n(042) add      #8\n(043) add      x\n(044) st       M[1]\n(045) ldh      [x + 2]\n(046) ldx      M[1]\n(047) jeq      #0x6558          jt 48\tjf 53\n(048) txa      \n(049) add      #12\n(050) st       M[0]\n(051) add      #2\n(052) tax      \n(053) stx      M[2]\n(054) ld       #0x0\n(055) jeq      #0x0             jt 56\tjf 60\n(056) ldx      M[0]\n(057) ldh      [x + 0]\n(058) jeq      #0x800           jt 59\tjf 60\n(059) ret      #262144\n(060) ret      #0\n",
    ),
    (
        "EN10MB",
        false,
        "ip[0]+tcp[0]=1",
        "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 26\n(002) ld       #0x0\n(003) st       M[0]\n(004) ldx      M[0]\n(005) ldb      [x + 14]\n(006) st       M[1]\n(007) ld       #0x0\n(008) st       M[2]\n(009) ldxb     4*([14]&0xf)\n(010) ld       M[2]\n(011) add      x\n(012) tax      \n(013) ldb      [x + 14]\n(014) st       M[3]\n(015) ldx      M[3]\n(016) ld       M[1]\n(017) add      x\n(018) st       M[3]\n(019) ld       #0x1\n(020) st       M[4]\n(021) ldx      M[4]\n(022) ld       M[3]\n(023) sub      x\n(024) jeq      #0x0             jt 25\tjf 26\n(025) ret      #262144\n(026) ret      #0\n",
    ),
    (
        "SUNATM",
        false,
        "vpi != 1",
        "(000) ldb      [1]\n(001) jeq      #0x1             jt 2\tjf 3\n(002) ret      #262144\n(003) ret      #0\n",
    ),
    (
        "MTP2",
        false,
        "opc 0x3b35",
        "(000) ld       [4]\n(001) and      #0xc0ff0f\n(002) jeq      #0x40cd0e        jt 3\tjf 4\n(003) ret      #262144\n(004) ret      #0\n",
    ),
    (
        "ARCNET",
        false,
        "link host $12",
        "(000) ldb      [0]\n(001) jeq      #0xd1            jt 4\tjf 2\n(002) ldb      [1]\n(003) jeq      #0xd1            jt 4\tjf 5\n(004) ret      #262144\n(005) ret      #0\n",
    ),
    (
        "RAW",
        false,
        "src host 192.168.1.1",
        "(000) ldb      [0]\n(001) and      #0xf0\n(002) jeq      #0x40            jt 3\tjf 5\n(003) ld       [12]\n(004) jeq      #0xc0a80101      jt 13\tjf 5\n(005) ld       #0x1\n(006) jeq      #0x0             jt 7\tjf 9\n(007) ld       [14]\n(008) jeq      #0xc0a80101      jt 13\tjf 9\n(009) ld       #0x1\n(010) jeq      #0x0             jt 11\tjf 14\n(011) ld       [14]\n(012) jeq      #0xc0a80101      jt 13\tjf 14\n(013) ret      #262144\n(014) ret      #0\n",
    ),
    (
        "NULL",
        false,
        "ip6",
        "(000) ld       [0]\n(001) jeq      #0xa000000       jt 2\tjf 3\n(002) ret      #262144\n(003) ret      #0\n",
    ),
    (
        "EN10MB",
        false,
        "byte 5 & 3",
        "(000) and      #0x3\n(001) jeq      #0x0             jt 2\tjf 3\n(002) ret      #0\n(003) ret      #262144\n",
    ),
];
