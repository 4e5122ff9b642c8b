//! Regression tests: one per bug the property and fuzz tests
//! (`tests/property.rs`) found, each feeding the exact expression that
//! showed it. A test for a bug that is not fixed yet is `#[ignore]`d with
//! the reason, so that the suite stays green; whoever fixes the bug removes
//! the `ignore`.

mod util;

use std::time::{Duration, Instant};

use bpfcap::dlt::Dlt;

/// Nested parentheses around an arithmetic operand, `depth` levels deep.
fn nested_arith(depth: usize) -> String {
    format!("{}1{} = 1", "(".repeat(depth), ")".repeat(depth))
}

/// r001: the parser takes time quadratic (or worse) in the nesting depth of
/// parentheses around arithmetic: 800 levels take about 1 s and 1600 levels
/// about 4 s in a release build, where tcpdump needs 10 ms. Parenthesized
/// boolean expressions (`((ip))`) and `not not ...` chains are fast, so the
/// cost is in deciding whether `(` opens an arithmetic or a boolean group.
/// Found by the fuzzer (seed 0xeb230335506ec48f in `fuzz_text_never_panics`).
/// See: tests/property.rs, fuzz_text_never_panics (SLOW lines).
#[test]
#[ignore = "open bug r001: parser is quadratic in arithmetic parenthesis depth"]
fn r001_deep_arithmetic_parentheses_parse_fast() {
    for depth in [400, 1600] {
        let expr = nested_arith(depth);
        let t0 = Instant::now();
        let _ = bpfcap::syntax::parse(&expr);
        let dt = t0.elapsed();
        // tcpdump parses 1600 levels in about 10 ms; allow a debug build
        // plenty of room.
        assert!(dt < Duration::from_millis(500), "{depth} levels took {dt:?}");
    }
    // The unbalanced form (a fuzzer favourite) must fail as fast.
    let t0 = Instant::now();
    assert!(bpfcap::compile(&"(".repeat(1600), Dlt::EN10MB, 262144, true).is_err());
    assert!(t0.elapsed() < Duration::from_millis(500));
}
