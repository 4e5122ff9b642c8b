//! Golden tests for the packet printer: bpfcap's output, packet by packet,
//! against `TZ=UTC tcpdump -n OPTIONS -r FILE` (stored by
//! `scripts/gen_display_goldens.sh` in `tests/data/display/golden/`).
//!
//! The cases are listed in `tests/data/display/cases.tsv`. Packets whose
//! output still differs from tcpdump's are listed, one per line, in
//! `tests/data/display/known_mismatches.tsv`; any other difference fails
//! the test, and listed packets that now match are reported so the list
//! can shrink. Run with `DISPLAY_MISMATCHES=1` to print every current
//! mismatch in that file's format, and with `DISPLAY_DIFF=1` to see them.
//!
//! Captures from the shared corpus are read from `$BPFCAP_CORPUS`,
//! `../shared/corpus/pcaps` or `../../shared/corpus/pcaps`; when none is
//! present those cases are skipped with a message.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bpfcap::display::{PrintOptions, Zone, for_each_packet};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("BPFCAP_CORPUS") {
        return Some(PathBuf::from(d));
    }
    ["../shared/corpus/pcaps", "../../shared/corpus/pcaps"]
        .iter()
        .map(|d| root().join(d))
        .find(|p| p.is_dir())
}

/// Parses tcpdump-style flags (`-e -ttt -XX`) into print options; a word
/// `TZ=ZONE` sets the time zone (the golden was made with that `TZ`).
/// `None` when the zone is not known on this machine (no zoneinfo files).
fn options(text: &str) -> Option<PrintOptions> {
    let mut o = PrintOptions { no_resolve: 1, ..PrintOptions::default() };
    for word in text.split_whitespace() {
        if let Some(zone) = word.strip_prefix("TZ=") {
            o.zone = Zone::named(zone)?;
            continue;
        }
        for c in word.trim_start_matches('-').chars() {
            match c {
                'e' => o.link_header = true,
                'q' => o.quiet = true,
                't' => o.timestamps += 1,
                'v' => o.verbose += 1,
                'x' => o.hex += 1,
                'X' => o.hex_ascii += 1,
                'A' => o.ascii = true,
                other => panic!("unsupported option -{other} in cases.tsv"),
            }
        }
    }
    Some(o)
}

/// Whether `line` starts a packet's output under these options.
fn starts_packet(line: &str, o: &PrintOptions) -> bool {
    // A refused record header is a packet's whole output, without a
    // timestamp.
    if line.starts_with("[Error converting time]") || line.starts_with("[Invalid header:") {
        return true;
    }
    let b = line.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match o.timestamps {
        0 => b.len() > 15 && digits(0..2) && b[2] == b':' && digits(3..5) && b[8] == b'.',
        1 => !line.starts_with('\t') && !line.starts_with("    "),
        2 => b.iter().position(|&c| c == b'.').is_some_and(|i| i > 0 && digits(0..i)),
        4 => b.len() > 11 && digits(0..4) && b[4] == b'-' && b[10] == b' ',
        _ => b.len() > 16 && (b[0] == b' ' || b[0] == b'-') && b[3] == b':' && b[9] == b'.',
    }
}

/// Splits tcpdump's output into one string per packet.
fn split_packets(text: &str, o: &PrintOptions) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        if out.is_empty() || starts_packet(line, o) {
            out.push(String::new());
        }
        let cur = out.last_mut().expect("pushed above");
        cur.push_str(line);
        cur.push('\n');
    }
    out
}

struct Case {
    id: String,
    file: String,
    opts: String,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(root().join("tests/data/display/cases.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            Case {
                id: f.next().unwrap_or_default().to_string(),
                file: f.next().unwrap_or_default().to_string(),
                opts: f.next().unwrap_or_default().to_string(),
            }
        })
        .collect()
}

fn known() -> BTreeSet<(String, usize)> {
    let path = root().join("tests/data/display/known_mismatches.tsv");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.to_string(), f.next()?.trim().parse().ok()?))
        })
        .collect()
}

/// bpfcap's output for a capture, one string per packet.
fn ours(path: &Path, o: &PrintOptions) -> Vec<String> {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut pkts = Vec::new();
    let mut buf = Vec::new();
    let _ = for_each_packet(&data, |lt, pkt, printer| {
        let p = printer.get_or_insert_with(|| bpfcap::display::Printer::new(o.clone(), lt));
        buf.clear();
        p.format(pkt, &mut buf);
        pkts.push(String::from_utf8_lossy(&buf).into_owned());
    });
    pkts
}

#[test]
fn display_goldens_match_tcpdump() {
    let corpus = corpus_dir();
    if corpus.is_none() {
        eprintln!("display goldens: shared corpus not found; corpus cases skipped");
    }
    let known = known();
    let mut seen_known = BTreeSet::new();
    let (mut lines_same, mut lines_all, mut pk_same, mut pk_all) = (0, 0, 0, 0);
    let mut unexpected = Vec::new();
    let dump = std::env::var_os("DISPLAY_MISMATCHES").is_some();
    let diff = std::env::var_os("DISPLAY_DIFF").is_some();
    for case in cases() {
        let path = match case.file.strip_prefix("corpus/") {
            Some(name) => match &corpus {
                Some(dir) => dir.join(name),
                None => continue,
            },
            None => root().join(&case.file),
        };
        let Some(o) = options(&case.opts) else {
            eprintln!("display goldens: {}: time zone unknown here; skipped", case.id);
            continue;
        };
        let golden_path = root().join(format!("tests/data/display/golden/{}.out", case.id));
        let golden = std::fs::read_to_string(&golden_path).unwrap_or_else(|e| {
            panic!("{}: {e} (run scripts/gen_display_goldens.sh)", golden_path.display())
        });
        let want = split_packets(&golden, &o);
        let got = ours(&path, &o);
        let (mut ls, mut la, mut ps) = (0, 0, 0);
        for i in 0..want.len().max(got.len()) {
            let w = want.get(i).map(String::as_str).unwrap_or("");
            let g = got.get(i).map(String::as_str).unwrap_or("");
            let wl: Vec<&str> = w.lines().collect();
            let gl: Vec<&str> = g.lines().collect();
            la += wl.len();
            ls += wl.iter().zip(&gl).filter(|(a, b)| a == b).count();
            let key = (case.id.clone(), i + 1);
            if w == g {
                ps += 1;
                if known.contains(&key) {
                    eprintln!("{} packet {}: listed as a mismatch but now matches", case.id, i + 1);
                }
                continue;
            }
            if dump {
                println!("{}\t{}", case.id, i + 1);
            }
            if diff {
                eprintln!("--- {} packet {}\n- {}+ {}", case.id, i + 1, w, g);
            }
            if known.contains(&key) {
                seen_known.insert(key);
            } else {
                unexpected.push(format!(
                    "{} packet {}:\n  tcpdump: {}  bpfcap:  {}",
                    case.id,
                    i + 1,
                    w,
                    g
                ));
            }
        }
        eprintln!(
            "{}: {ls}/{la} lines identical ({ps}/{} packets)",
            case.id,
            want.len().max(got.len())
        );
        lines_same += ls;
        lines_all += la;
        pk_same += ps;
        pk_all += want.len().max(got.len());
    }
    eprintln!(
        "display goldens: {lines_same}/{lines_all} lines, {pk_same}/{pk_all} packets identical"
    );
    if !unexpected.is_empty() {
        let shown: Vec<_> = unexpected.iter().take(30).cloned().collect();
        panic!(
            "{} packets differ from tcpdump and are not in known_mismatches.tsv:\n{}",
            unexpected.len(),
            shown.join("\n")
        );
    }
}
