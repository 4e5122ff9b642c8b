//! Hand-built ASTs compared with tcpdump's `-O -d` output.

use super::*;
use crate::bpf::DumpFormat;
use crate::bpf::assemble::assemble;
use crate::bpf::print::dump;
use crate::syntax::ast::*;

fn e(kind: ExprKind) -> Box<Expr> {
    Box::new(Expr { kind, span: Span::default() })
}

fn run(f: Filter, dlt: Dlt) -> String {
    let cfg = generate(&f, &Target::new(dlt, 262144)).expect("compiles");
    dump(&assemble(&cfg).expect("assembles"), DumpFormat::Asm)
}

#[test]
fn ip_and_tcp_ipv4() {
    let f = Some(e(ExprKind::And(e(ExprKind::Proto(Proto::Ip)), e(ExprKind::Proto(Proto::Tcp)))));
    let want = "(000) ld       #0x0\n(001) jeq      #0x0             jt 2\tjf 15\n(002) ld       #0x0\n(003) jeq      #0x0             jt 4\tjf 6\n(004) ldb      [9]\n(005) jeq      #0x6             jt 14\tjf 6\n(006) ld       #0x1\n(007) jeq      #0x0             jt 8\tjf 15\n(008) ldb      [6]\n(009) jeq      #0x6             jt 14\tjf 10\n(010) ldb      [6]\n(011) jeq      #0x2c            jt 12\tjf 15\n(012) ldb      [40]\n(013) jeq      #0x6             jt 14\tjf 15\n(014) ret      #262144\n(015) ret      #0\n";
    assert_eq!(run(f, Dlt::IPV4), want);
}

#[test]
fn host_ethernet() {
    let f = Some(e(ExprKind::Qualified(
        Quals { proto: Q::Default, dir: Q::Default, addr: Q::Is(AddrKind::Host) },
        e(ExprKind::Id(Id::V4("10.0.0.1".into()))),
    )));
    let out = run(f, Dlt::EN10MB);
    assert!(out.starts_with("(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 4\n"));
    assert_eq!(out.lines().count(), 26);
}
