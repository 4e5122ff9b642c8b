//! Golden tests: bpfcap's `-O -d` and `-d` output, byte for byte, against
//! what tcpdump 4.99.3 / libpcap 1.10.3 printed for the same cases.
//!
//! The goldens live in `tests/golden/*.golden` and are regenerated from the
//! installed tcpdump by `scripts/gen_goldens.py`; no tcpdump is needed here.
//! Cases that do not match yet are listed, with a reason, in
//! `tests/golden/known-mismatches.tsv`; a mismatch that is not listed fails
//! the test, and so does a listed case that now matches (remove it).
//! `BLESS=1 cargo test --test golden` rewrites the list from the current
//! results, keeping the reasons already written.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use bpfcap::bpf::DumpFormat;
use bpfcap::dlt::Dlt;

/// One golden record.
struct Case {
    file: String,
    dlt: String,
    snaplen: u32,
    expr: String,
    unopt: String,
    opt: String,
}

fn parse_golden(file: &str, text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("#case ") else { continue };
        let mut parts = rest.split(' ');
        let dlt = parts.next().unwrap_or_default().to_string();
        let snaplen = parts.next().and_then(|s| s.parse().ok()).unwrap_or(262144);
        let expr = lines.next().and_then(|l| l.strip_prefix("#expr ")).unwrap_or("").to_string();
        assert_eq!(lines.next(), Some("#unopt"), "{file}: malformed record for {expr}");
        let mut unopt = String::new();
        for l in lines.by_ref() {
            if l == "#opt" {
                break;
            }
            unopt.push_str(l);
            unopt.push('\n');
        }
        let mut opt = String::new();
        for l in lines.by_ref() {
            if l == "#end" {
                break;
            }
            opt.push_str(l);
            opt.push('\n');
        }
        cases.push(Case { file: file.to_string(), dlt, snaplen, expr, unopt, opt });
    }
    cases
}

fn ours(case: &Case, optimize: bool) -> String {
    let Some(dlt) = Dlt::from_name(&case.dlt) else {
        return format!("error: invalid data link type {}\n", case.dlt);
    };
    // A panic is a bug, but one case must not hide the others' results.
    let result =
        std::panic::catch_unwind(|| bpfcap::compile(&case.expr, dlt, case.snaplen, optimize));
    match result {
        Ok(Ok(prog)) => prog.dump(DumpFormat::Asm),
        Ok(Err(e)) => format!("error: {}\n", e.message()),
        Err(_) => "panic\n".to_string(),
    }
}

type Key = (String, String, String, u32, String);

fn key(c: &Case, mode: &str) -> Key {
    (c.file.clone(), mode.to_string(), c.dlt.clone(), c.snaplen, c.expr.clone())
}

const KNOWN: &str = "tests/golden/known-mismatches.tsv";

fn read_known() -> BTreeMap<Key, String> {
    let mut m = BTreeMap::new();
    let Ok(text) = fs::read_to_string(KNOWN) else { return m };
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.splitn(6, '\t').collect();
        if f.len() < 5 {
            continue;
        }
        let reason = f.get(5).unwrap_or(&"").to_string();
        m.insert(
            (f[0].into(), f[1].into(), f[2].into(), f[3].parse().unwrap_or(0), f[4].into()),
            reason,
        );
    }
    m
}

fn first_diff(want: &str, got: &str) -> String {
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("line {}: want {w:?}, got {g:?}", i + 1);
        }
    }
    format!("length: want {} lines, got {}", want.lines().count(), got.lines().count())
}

#[test]
fn golden_programs_match_tcpdump() {
    let dir = Path::new("tests/golden");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("tests/golden")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "golden"))
        .collect();
    files.sort();
    let known = read_known();
    let mut failures = Vec::new();
    let mut mismatched: BTreeSet<Key> = BTreeSet::new();
    let mut stale = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(path).unwrap();
        let cases = parse_golden(&name, &text);
        for (mode, optimize) in [("unopt", false), ("opt", true)] {
            let mut same = 0;
            for c in &cases {
                let want = if optimize { &c.opt } else { &c.unopt };
                let got = ours(c, optimize);
                let k = key(c, mode);
                if &got == want {
                    same += 1;
                    if known.contains_key(&k) {
                        stale.push(format!("{name} {mode} {} {:?}", c.dlt, c.expr));
                    }
                } else {
                    mismatched.insert(k.clone());
                    if !known.contains_key(&k) {
                        failures.push(format!(
                            "{name} {mode} -y {} -s {} {:?}: {}",
                            c.dlt,
                            c.snaplen,
                            c.expr,
                            first_diff(want, &got)
                        ));
                    }
                }
            }
            println!("golden {name} {mode}: {same}/{} identical", cases.len());
        }
    }
    if std::env::var_os("BLESS").is_some() {
        let mut out = String::from(
            "# Golden cases bpfcap does not match yet: file, mode, dlt, snaplen, expression, reason.\n\
             # Maintained by `BLESS=1 cargo test --test golden`; edit the reasons by hand.\n",
        );
        for k in &mismatched {
            let reason = known.get(k).cloned().unwrap_or_else(|| "not yet investigated".into());
            out.push_str(&format!("{}\t{}\t{}\t{}\t{}\t{}\n", k.0, k.1, k.2, k.3, k.4, reason));
        }
        fs::write(KNOWN, out).unwrap();
        println!("blessed {} known mismatches into {KNOWN}", mismatched.len());
        return;
    }
    println!("known mismatches listed: {}; still mismatching: {}", known.len(), mismatched.len());
    let mut msg = String::new();
    if !failures.is_empty() {
        msg += &format!("{} unlisted mismatches (first 40):\n", failures.len());
        for f in failures.iter().take(40) {
            msg += &format!("  {f}\n");
        }
    }
    if !stale.is_empty() {
        msg += &format!("{} listed cases now match; remove them (BLESS=1):\n", stale.len());
        for s in stale.iter().take(40) {
            msg += &format!("  {s}\n");
        }
    }
    assert!(msg.is_empty(), "{msg}");
}
