//! A quick loop for code-generation work: compares bpfcap's unoptimized
//! (`-O -d`) output with the tcpdump goldens in `tests/golden/*.golden`
//! and prints the match count per link type, plus the first differing
//! line of each mismatch (most frequent link types first) to
//! `target/gencode-unopt.txt`. Informational only: run with
//! `cargo test --release --test gencode_unopt -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;

use bpfcap::bpf::DumpFormat;
use bpfcap::dlt::Dlt;

fn ours(dlt: &str, snaplen: u32, expr: &str) -> String {
    let Some(d) = Dlt::from_name(dlt) else {
        return format!("error: invalid data link type {dlt}\n");
    };
    match std::panic::catch_unwind(|| bpfcap::compile(expr, d, snaplen, false)) {
        Ok(Ok(p)) => p.dump(DumpFormat::Asm),
        Ok(Err(e)) => format!("error: {}\n", e.message()),
        Err(_) => "panic\n".into(),
    }
}

#[test]
#[ignore]
fn unoptimized_against_goldens() {
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut report = String::new();
    for file in ["tests/golden/corpus.golden", "tests/golden/everyday.golden"] {
        let Ok(text) = fs::read_to_string(file) else { continue };
        let mut lines = text.lines();
        while let Some(l) = lines.next() {
            let Some(rest) = l.strip_prefix("#case ") else { continue };
            let mut p = rest.split(' ');
            let dlt = p.next().unwrap_or("").to_string();
            let snaplen = p.next().and_then(|s| s.parse().ok()).unwrap_or(262144);
            let expr = lines.next().and_then(|l| l.strip_prefix("#expr ")).unwrap_or("");
            lines.next();
            let mut want = String::new();
            for l in lines.by_ref() {
                if l == "#opt" {
                    break;
                }
                want.push_str(l);
                want.push('\n');
            }
            let got = ours(&dlt, snaplen, expr);
            let e = per.entry(dlt.clone()).or_default();
            e.1 += 1;
            if got == want {
                e.0 += 1;
            } else {
                let mut first =
                    format!("length: want {} got {}", want.lines().count(), got.lines().count());
                for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
                    if w != g {
                        first = format!("line {}: want {w:?} got {g:?}", i + 1);
                        break;
                    }
                }
                let _ = writeln!(report, "{dlt}\t{expr}\t{first}");
            }
        }
    }
    let (mut s, mut t) = (0, 0);
    for (d, (a, b)) in &per {
        println!("{d:28} {a:5}/{b}");
        s += a;
        t += b;
    }
    println!("TOTAL {s}/{t}");
    let _ = fs::write("target/gencode-unopt.txt", report);
}
