//! Differential tests of offline filtering against tcpdump's verdicts.
//!
//! `scripts/gen_verdicts.py` recorded, for (savefile, expression) pairs from
//! the shared corpus, the packets `tcpdump -r F -w - EXPR` keeps and the
//! programs tcpdump compiled (`-ddd`, with and without `-O`). These tests
//! read the same savefiles with our reader and check:
//!
//! * the reader yields as many packets as tcpdump read, and fails where
//!   tcpdump failed ([`reader_matches_tcpdump`]);
//! * our interpreter running tcpdump's own programs keeps exactly the
//!   packets tcpdump kept ([`interpreter_matches_tcpdump`]);
//! * our compiler's programs, optimized and not, keep the same packets
//!   ([`compiler_matches_tcpdump`]); pairs it cannot handle yet are listed in
//!   `tests/data/offline_known_failures.tsv` (regenerate with
//!   `BLESS=1 cargo test --test offline_verdicts`), never skipped silently.
//!
//! The savefiles are read from `$BPFCAP_CORPUS` (the corpus or its `pcaps/`) or `../shared/corpus`
//! beside the repository; without them the tests say so and pass.

use std::collections::{BTreeSet, HashMap};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use bpfcap::bpf::Insn;
use bpfcap::bpf::vm::Vm;
use bpfcap::offline::compile_offline;
use bpfcap::offline::savefile::{FileInfo, Reader, linktype_to_dlt};

fn data(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn corpus() -> Option<PathBuf> {
    // $BPFCAP_CORPUS may name the corpus or its pcaps/ folder (the
    // printer's tests use the latter).
    let dir = match std::env::var_os("BPFCAP_CORPUS") {
        Some(d) if PathBuf::from(&d).ends_with("pcaps") => PathBuf::from(d).join(".."),
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    };
    if dir.join("libpcap-apply.tsv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED corpus rows: no corpus at {} (set BPFCAP_CORPUS); \
             only the packets built in tests/data are checked",
            dir.display()
        );
        None
    }
}

/// The verdicts whose savefiles are available: those built into
/// `tests/data` always, the corpus ones when the corpus is present.
fn available() -> (Option<PathBuf>, Vec<Verdict>) {
    let dir = corpus();
    let vs =
        verdicts().into_iter().filter(|v| dir.is_some() || v.file.starts_with("data/")).collect();
    (dir, vs)
}

/// One row of `offline_verdicts.tsv`.
struct Verdict {
    set: String,
    file: String,
    expr: String,
    linktype: u32,
    snaplen: u32,
    packets: usize,
    read_error: Option<String>,
    /// tcpdump's programs (optimized, unoptimized), or its error.
    progs: Result<(usize, usize), String>,
    kept: BTreeSet<usize>,
}

fn parse_ranges(s: &str) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    if s == "-" {
        return out;
    }
    for part in s.split(',') {
        match part.split_once('-') {
            Some((a, b)) => out.extend(a.parse::<usize>().unwrap()..=b.parse::<usize>().unwrap()),
            None => {
                out.insert(part.parse().unwrap());
            }
        }
    }
    out
}

/// tcpdump's programs; `None` in k stands for the file's snapshot length
/// (`ret #snaplen` is stored as "6 0 0 S").
type Template = Vec<(u16, u8, u8, Option<u32>)>;

fn programs() -> Vec<Template> {
    let mut out = Vec::new();
    for line in data("offline_programs.tsv").lines().filter(|l| !l.starts_with('#')) {
        let (id, text) = line.split_once('\t').unwrap();
        assert_eq!(id.parse::<usize>().unwrap(), out.len());
        let prog = text
            .split(',')
            .map(|i| {
                let f: Vec<&str> = i.split(' ').collect();
                (
                    f[0].parse().unwrap(),
                    f[1].parse().unwrap(),
                    f[2].parse().unwrap(),
                    f[3].parse().ok(),
                )
            })
            .collect();
        out.push(prog);
    }
    out
}

fn instantiate(t: &Template, snaplen: u32) -> Vec<Insn> {
    t.iter().map(|&(code, jt, jf, k)| Insn::jump(code, k.unwrap_or(snaplen), jt, jf)).collect()
}

fn verdicts() -> Vec<Verdict> {
    let mut out = Vec::new();
    for line in data("offline_verdicts.tsv").lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 10, "bad verdict line {line:?}");
        let progs = if f[7] == "ERR" {
            Err(f[9].to_string())
        } else {
            Ok((f[7].parse().unwrap(), f[8].parse().unwrap()))
        };
        out.push(Verdict {
            set: f[0].into(),
            file: f[1].into(),
            expr: f[2].into(),
            linktype: f[3].parse().unwrap_or(0),
            snaplen: f[4].parse().unwrap_or(0),
            packets: f[5].parse().unwrap(),
            read_error: (f[6] != "-").then(|| f[6].to_string()),
            kept: if f[7] == "ERR" { BTreeSet::new() } else { parse_ranges(f[9]) },
            progs,
        });
    }
    out
}

/// Every packet of a savefile as (bytes, wire length), and whether reading
/// ended with an error.
type Packets = (Vec<(Vec<u8>, u32)>, Option<String>);

/// Reads `FILE`, or only its first BYTES for `FILE@BYTES`.
fn read_all(dir: Option<&Path>, name: &str) -> Packets {
    let (file, cut) = match name.rsplit_once('@') {
        Some((f, n)) => (f, n.parse::<usize>().ok()),
        None => (name, None),
    };
    let path = if file.starts_with("data/") {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join(file)
    } else {
        match dir {
            Some(d) => d.join(file),
            None => return (Vec::new(), Some("no corpus".into())),
        }
    };
    let mut bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return (Vec::new(), Some(e.to_string())),
    };
    if let Some(n) = cut {
        bytes.truncate(n);
    }
    let mut r = match Reader::new(Cursor::new(bytes)) {
        Ok(r) => r,
        Err(e) => return (Vec::new(), Some(e.to_string())),
    };
    let mut out = Vec::new();
    loop {
        match r.next_packet() {
            Ok(Some(p)) => out.push((p.data.to_vec(), p.wire_len)),
            Ok(None) => return (out, None),
            Err(e) => return (out, Some(e.to_string())),
        }
    }
}

fn load(dir: Option<&Path>, vs: &[Verdict]) -> HashMap<String, Packets> {
    let mut files = HashMap::new();
    for v in vs {
        files.entry(v.file.clone()).or_insert_with(|| read_all(dir, &v.file));
    }
    files
}

fn kept_by(vm: &Vm, pkts: &[(Vec<u8>, u32)]) -> BTreeSet<usize> {
    pkts.iter().enumerate().filter(|(_, (d, w))| vm.run(d, *w) != 0).map(|(i, _)| i).collect()
}

fn show(s: &BTreeSet<usize>) -> String {
    let v: Vec<String> = s.iter().take(20).map(|i| i.to_string()).collect();
    format!("[{}{}]", v.join(","), if s.len() > 20 { ",..." } else { "" })
}

#[test]
fn reader_matches_tcpdump() {
    let (dir, vs) = available();
    let files = load(dir.as_deref(), &vs);
    let mut bad = Vec::new();
    let mut seen = BTreeSet::new();
    for v in &vs {
        if !seen.insert(v.file.clone()) {
            continue;
        }
        let (pkts, err) = &files[&v.file];
        if pkts.len() != v.packets || *err != v.read_error {
            bad.push(format!(
                "{}: we read {} packets (error {:?}), tcpdump read {} (error {:?})",
                v.file,
                pkts.len(),
                err,
                v.packets,
                v.read_error
            ));
        }
    }
    eprintln!(
        "reader: {}/{} savefiles read as tcpdump reads them",
        seen.len() - bad.len(),
        seen.len()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn interpreter_matches_tcpdump() {
    let (dir, vs) = available();
    let progs = programs();
    let files = load(dir.as_deref(), &vs);
    let (mut ok, mut total, mut refused) = (0, 0, 0);
    let mut bad = Vec::new();
    for v in &vs {
        let Ok((po, pu)) = v.progs else {
            refused += 1;
            continue;
        };
        let (pkts, _) = &files[&v.file];
        for (which, id) in [("optimized", po), ("unoptimized", pu)] {
            total += 1;
            let vm = match Vm::new(&instantiate(&progs[id], v.snaplen)) {
                Ok(vm) => vm,
                Err(e) => {
                    bad.push(format!("{} {:?} ({which}): program refused: {e}", v.file, v.expr));
                    continue;
                }
            };
            let kept = kept_by(&vm, pkts);
            if kept == v.kept {
                ok += 1;
            } else {
                bad.push(format!(
                    "[{}] {} {:?} ({which}): kept {} but tcpdump kept {}",
                    v.set,
                    v.file,
                    v.expr,
                    show(&kept),
                    show(&v.kept)
                ));
            }
        }
    }
    eprintln!(
        "interpreter on tcpdump's programs: {ok}/{total} runs identical ({} pairs; {refused} pairs tcpdump refuses)",
        vs.len()
    );
    assert!(bad.is_empty(), "{} mismatches:\n{}", bad.len(), bad.join("\n"));
}

fn known_failures() -> BTreeSet<String> {
    data("offline_known_failures.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.splitn(3, '\t').take(2).collect::<Vec<_>>().join("\t"))
        .collect()
}

#[test]
fn compiler_matches_tcpdump() {
    let (dir, vs) = available();
    let files = load(dir.as_deref(), &vs);
    let known = known_failures();
    let bless = std::env::var_os("BLESS").is_some();
    assert!(!bless || dir.is_some(), "BLESS=1 needs the corpus (set BPFCAP_CORPUS)");
    let (mut ok, mut total) = (0, 0);
    let mut failures: Vec<(String, String)> = Vec::new();
    for v in &vs {
        if v.expr.is_empty() {
            // A savefile tcpdump could not open at all: nothing to compile.
            continue;
        }
        total += 1;
        let key = format!("{}\t{}", v.linktype & 0xffff, v.expr);
        // The same path as `bpfcap -r`: the compiler, then the offline
        // refusals (ancillary loads) in tcpdump's words.
        let info = FileInfo {
            linktype_raw: v.linktype,
            dlt: linktype_to_dlt(v.linktype),
            snaplen: v.snaplen,
            nanos: false,
            pcapng: false,
        };
        let compiled =
            (compile_offline(&v.expr, &info, true), compile_offline(&v.expr, &info, false));
        let problem = match (&v.progs, compiled) {
            (Err(_), (Err(_), _)) => None,
            (Err(m), (Ok(_), _)) => Some(format!("compiles, but tcpdump says: {m}")),
            (Ok(_), (Err(e), _)) | (Ok(_), (Ok(_), Err(e))) => {
                Some(format!("does not compile: {}", e.message.lines().next().unwrap_or("")))
            }
            (Ok(_), (Ok(po), Ok(pu))) => {
                let (pkts, _) = &files[&v.file];
                let mut p = None;
                let runs = [("optimized", po), ("unoptimized", pu)];
                let mut kept_each = Vec::new();
                for (which, prog) in runs {
                    match Vm::new(&prog) {
                        Ok(vm) => kept_each.push(kept_by(&vm, pkts)),
                        Err(e) => {
                            p = Some(format!("{which} program refused: {e}"));
                            break;
                        }
                    }
                }
                if p.is_none() {
                    if kept_each[0] != kept_each[1] {
                        p = Some(format!(
                            "optimized keeps {} but unoptimized keeps {}",
                            show(&kept_each[0]),
                            show(&kept_each[1])
                        ));
                    } else if kept_each[0] != v.kept {
                        p = Some(format!(
                            "keeps {} but tcpdump keeps {}",
                            show(&kept_each[0]),
                            show(&v.kept)
                        ));
                    }
                }
                p
            }
        };
        match problem {
            None => ok += 1,
            Some(p) => failures.push((key, format!("{}: {p}", v.file))),
        }
    }
    eprintln!(
        "compiler + interpreter: {ok}/{total} (savefile, expression) pairs identical to tcpdump"
    );
    let failing: BTreeSet<String> = failures.iter().map(|(k, _)| k.clone()).collect();
    if bless {
        let mut text = String::from(
            "# (linktype, expression) pairs our compiler does not yet get right offline.\n\
             # Written by BLESS=1 cargo test --test offline_verdicts; one example reason each.\n",
        );
        let mut done = BTreeSet::new();
        for (k, why) in &failures {
            if done.insert(k.clone()) {
                text.push_str(&format!("{k}\t{}\n", why.replace(['\t', '\n'], " ")));
            }
        }
        let p =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/offline_known_failures.tsv");
        std::fs::write(p, text).unwrap();
        return;
    }
    let fixed: Vec<&String> = known.difference(&failing).collect();
    if !fixed.is_empty() && dir.is_some() {
        eprintln!(
            "{} known failures now pass; run BLESS=1 cargo test --test offline_verdicts to drop them",
            fixed.len()
        );
    }
    let unexpected: Vec<String> = failures
        .iter()
        .filter(|(k, _)| !known.contains(k))
        .map(|(k, why)| format!("{} -- {why}", k.replace('\t', " ")))
        .collect();
    eprintln!("known failures: {} (linktype, expression) pairs", known.len());
    assert!(unexpected.is_empty(), "{} new failures:\n{}", unexpected.len(), unexpected.join("\n"));
}
