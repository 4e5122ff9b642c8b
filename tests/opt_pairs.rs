//! The optimizer against libpcap 1.10.3, one case per corpus expression.
//!
//! Each record in `tests/data/opt-pairs/*.txt` (made by
//! `scripts/gen_opt_pairs.py`) holds tcpdump's unoptimized program
//! (`-O -ddd`) and its optimized listing (`-d`, or the error it printed).
//! We rebuild the unoptimized graph, optimize it, linearize it and compare
//! the `-d` text. Mismatches must be listed in
//! `tests/data/opt-pairs/known-mismatches.txt` (one `DLT SNAPLEN EXPR` per
//! line); nothing is skipped silently.

use std::collections::BTreeSet;
use std::path::Path;

use bpfcap::bpf::insn::consts::{K, RET};
use bpfcap::bpf::{DumpFormat, assemble, print};
use bpfcap::opt::{
    self,
    rebuild::{RebuildError, cfg_from_insns, parse_decimal},
};

struct Case {
    header: String,
    expr: String,
    unopt: String,
    opt: String,
}

fn parse_file(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(header) = line.strip_prefix("=== ") else { continue };
        let expr = lines.next().unwrap_or("").to_string();
        assert_eq!(lines.next(), Some("--- unopt"), "{header} {expr}");
        let mut unopt = String::new();
        for l in lines.by_ref() {
            if l == "--- opt" {
                break;
            }
            unopt.push_str(l);
            unopt.push('\n');
        }
        let mut opt = String::new();
        while let Some(l) = lines.peek() {
            if l.starts_with("=== ") {
                break;
            }
            opt.push_str(l);
            opt.push('\n');
            lines.next();
        }
        cases.push(Case { header: header.to_string(), expr, unopt, opt });
    }
    cases
}

/// What our optimizer makes of a case: the `-d` text or `error: ...`.
fn run(case: &Case) -> Result<String, String> {
    let insns = parse_decimal(&case.unopt)?;
    let mut cfg = match cfg_from_insns(&insns) {
        Ok(c) => c,
        Err(RebuildError::InBlockJumps) => {
            // libpcap never optimizes programs with in-block jumps
            // (protochain, the PRISM/AVS header code): code generation sets
            // `no_optimize`. Check that tcpdump indeed printed them as is.
            let asis = print::dump(&insns, DumpFormat::Asm);
            return Err(if asis == case.opt {
                "unoptimized".into()
            } else {
                "in-block jumps".into()
            });
        }
        Err(e) => return Err(format!("{e:?}")),
    };
    if let Err(e) = opt::optimize(&mut cfg) {
        return Ok(format!("error: {e}\n"));
    }
    let root = cfg.block(cfg.root);
    if root.is_ret() && root.k == 0 && root.code == RET | K {
        return Ok("error: expression rejects all packets\n".into());
    }
    let prog = assemble::assemble(&cfg).map_err(|e| e.to_string())?;
    Ok(print::dump(&prog, DumpFormat::Asm))
}

#[test]
fn optimizer_matches_tcpdump() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/opt-pairs");
    let known: BTreeSet<String> = std::fs::read_to_string(dir.join("known-mismatches.txt"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt") && !p.ends_with("known-mismatches.txt")
        })
        .collect();
    files.sort();
    let (mut total, mut same, mut skipped) = (0, 0, 0);
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let (t0, s0, k0) = (total, same, skipped);
        for case in parse_file(&text) {
            let id = format!("{} {}", case.header, case.expr);
            let got = run(&case);
            if matches!(&got, Err(e) if e == "unoptimized") {
                skipped += 1;
                continue;
            }
            total += 1;
            let ok = got.as_deref() == Ok(case.opt.as_str());
            if ok {
                same += 1;
                if known.contains(&id) {
                    fixed.push(id);
                }
            } else if !known.contains(&id) {
                if std::env::var_os("OPT_PAIRS_VERBOSE").is_some() {
                    eprintln!(
                        "MISMATCH {id}\n--- expected\n{}--- got\n{}",
                        case.opt,
                        got.clone().unwrap_or_else(|e| format!("failure: {e}\n"))
                    );
                }
                unexpected.push(id);
            }
        }
        println!(
            "{}: {}/{} identical, {} with in-block jumps",
            f.file_name().unwrap().to_string_lossy(),
            same - s0,
            total - t0,
            skipped - k0
        );
    }
    println!(
        "{same}/{total} identical ({skipped} programs with in-block jumps, which libpcap never optimizes, checked as printed)"
    );
    for id in &fixed {
        println!("now identical (remove from known-mismatches.txt): {id}");
    }
    for id in &unexpected {
        println!("unexpected mismatch: {id}");
    }
    assert!(unexpected.is_empty(), "{} unexpected mismatches", unexpected.len());
}
