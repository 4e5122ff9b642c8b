//! Times the optimizer on a `tcpdump -O -ddd` listing, or on a pair file of
//! `tests/data/opt-pairs/` (then also checks the result against tcpdump).
//!
//! `cargo run --release --example opt_time -- FILE [REPEAT]`

use std::time::Instant;

use bpfcap::bpf::{DumpFormat, assemble, print};
use bpfcap::opt::{self, rebuild};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: opt_time FILE [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(path).expect("readable file");
    let (unopt, expected) = match text.split_once("--- unopt\n") {
        Some((_, rest)) => {
            let (u, o) = rest.split_once("--- opt\n").expect("pair file");
            (u.to_string(), Some(o.to_string()))
        }
        None => (text.clone(), None),
    };
    let insns = rebuild::parse_decimal(&unopt).expect("listing");
    let cfg = rebuild::cfg_from_insns(&insns).expect("rebuildable");
    let rejects = |c: &bpfcap::ir::Cfg| {
        let r = c.block(c.root);
        r.is_ret() && r.k == 0 && r.code == 0x06
    };
    let mut best = f64::MAX;
    let mut out = String::new();
    for _ in 0..repeat {
        let mut c = cfg.clone();
        let t = Instant::now();
        opt::optimize(&mut c).expect("optimizes");
        let prog = assemble::assemble(&c).expect("assembles");
        best = best.min(t.elapsed().as_secs_f64());
        out = if rejects(&c) {
            "error: expression rejects all packets\n".to_string()
        } else {
            print::dump(&prog, DumpFormat::Asm)
        };
    }
    let n = out.lines().count();
    print!("{path}: {} blocks in, {n} insns out, best {:.1} ms", cfg.blocks.len(), best * 1e3);
    match expected {
        Some(e) if e == out => println!(", identical to tcpdump -d"),
        Some(_) => println!(", DIFFERS from tcpdump -d"),
        None => println!(),
    }
}
