//! The optimizer on big `host`/`port` lists (libpcap issue #1255: tcpdump
//! takes 7 s / 54 s for 500 / 1000 `host` terms and 136 s for 1000 `port`
//! terms).
//!
//! Two groups, both checked once against tcpdump's `-d` listings in
//! `tests/data/opt-pairs/` (made by `scripts/gen_opt_pairs.py`):
//! * `optimize`: the optimizer and assembler alone, on the graph rebuilt
//!   from tcpdump's unoptimized listing (independent of code generation);
//! * `compile`: the whole pipeline, `bpfcap::compile(expr, EN10MB, 262144,
//!   optimize)` and the `-d` listing, which is what `tcpdump -d` times.

use std::path::Path;

use bpfcap::bpf::{DumpFormat, assemble, print};
use bpfcap::dlt::Dlt;
use bpfcap::ir::Cfg;
use bpfcap::opt::{self, rebuild};
use criterion::{Criterion, criterion_group, criterion_main};

/// The unoptimized graph and tcpdump's optimized listing of a data file.
fn load(name: &str) -> Option<(Cfg, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/opt-pairs").join(name);
    let text = std::fs::read_to_string(path).ok()?;
    let (_, rest) = text.split_once("--- unopt\n")?;
    let (unopt, opt) = rest.split_once("--- opt\n")?;
    let insns = rebuild::parse_decimal(unopt).ok()?;
    Some((rebuild::cfg_from_insns(&insns).ok()?, opt.to_string()))
}

fn run(cfg: &Cfg) -> String {
    let mut cfg = cfg.clone();
    opt::optimize(&mut cfg).expect("optimizes");
    print::dump(&assemble::assemble(&cfg).expect("assembles"), DumpFormat::Asm)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("optimize");
    group.sample_size(10);
    for kind in ["hosts", "ports"] {
        for n in [10, 100, 500, 1000] {
            let Some((cfg, expected)) = load(&format!("{kind}-{n}.txt")) else { continue };
            assert_eq!(run(&cfg), expected, "{kind}-{n} differs from tcpdump -d");
            group.bench_function(format!("{kind}-{n}"), |b| b.iter(|| run(&cfg)));
        }
    }
    group.finish();

    let mut group = c.benchmark_group("compile");
    group.sample_size(10);
    for kind in ["hosts", "ports"] {
        for n in [10, 100, 500, 1000] {
            let Some((_, expected)) = load(&format!("{kind}-{n}.txt")) else { continue };
            let expr = terms(kind, n);
            let full = || {
                bpfcap::compile(&expr, Dlt::EN10MB, 262144, true)
                    .expect("compiles")
                    .dump(DumpFormat::Asm)
            };
            assert_eq!(full(), expected, "{kind}-{n}: bpfcap -d differs from tcpdump -d");
            group.bench_function(format!("{kind}-{n}"), |b| b.iter(full));
        }
    }
    group.finish();
}

/// The filter `scripts/gen_opt_pairs.py` wrote for `hosts N` / `ports N`.
fn terms(kind: &str, n: u32) -> String {
    let t: Vec<String> = (1..=n)
        .map(|i| {
            if kind == "hosts" {
                format!("host 10.{}.{}.{}", i / 65536 % 256, i / 256 % 256, i % 256)
            } else {
                format!("port {i}")
            }
        })
        .collect();
    t.join(" or ")
}

criterion_group!(benches, bench);
criterion_main!(benches);
