//! Unit tests: the worked examples of the compiler notes, from tcpdump's
//! unoptimized listings.

use super::rebuild::{cfg_from_insns, parse_decimal};
use crate::bpf::{DumpFormat, assemble, print};

fn optimized(ddd: &str) -> String {
    let mut cfg = cfg_from_insns(&parse_decimal(ddd).unwrap()).unwrap();
    super::optimize(&mut cfg).unwrap();
    print::dump(&assemble::assemble(&cfg).unwrap(), DumpFormat::Asm)
}

#[test]
fn ip_alone_is_unchanged() {
    assert_eq!(
        optimized("4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n"),
        "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 3\n\
         (002) ret      #262144\n(003) ret      #0\n"
    );
}
