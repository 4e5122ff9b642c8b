//! The printer must not panic on any input: this runs it, with several
//! option sets, over every capture in the shared corpus (830 pcap and
//! pcapng files, many of them deliberately malformed) when the corpus is
//! present, and over the synthetic captures always.

use std::path::PathBuf;

use bpfcap::display::{PrintOptions, Printer, for_each_packet};

fn corpus_dir() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if let Ok(d) = std::env::var("BPFCAP_CORPUS") {
        return Some(PathBuf::from(d));
    }
    ["../shared/corpus/pcaps", "../../shared/corpus/pcaps"]
        .iter()
        .map(|d| root.join(d))
        .find(|p| p.is_dir())
}

fn option_sets() -> Vec<PrintOptions> {
    let base = PrintOptions { no_resolve: 1, ..PrintOptions::default() };
    vec![
        base.clone(),
        PrintOptions { link_header: true, verbose: 1, hex_ascii: 2, ..base.clone() },
        PrintOptions { quiet: true, timestamps: 3, ascii: true, ..base.clone() },
        PrintOptions { timestamps: 4, hex: 1, verbose: 2, ..base },
    ]
}

/// Prints every packet of `path` with every option set; returns the
/// number of packets printed.
fn print_all(path: &std::path::Path) -> usize {
    let data = std::fs::read(path).unwrap();
    let mut n = 0;
    let mut buf = Vec::new();
    for o in option_sets() {
        // Unreadable files are the savefile reader's business; the printer
        // only has to survive what it is given.
        let _ = for_each_packet(&data, |lt, pkt, printer| {
            let p = printer.get_or_insert_with(|| Printer::new(o.clone(), lt));
            buf.clear();
            p.format(pkt, &mut buf);
            assert!(buf.ends_with(b"\n"));
            n += 1;
        });
    }
    n
}

#[test]
fn printer_survives_every_corpus_capture() {
    let Some(dir) = corpus_dir() else {
        eprintln!("display corpus: shared corpus not found; test skipped");
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    let mut packets = 0;
    for f in &files {
        packets += print_all(f);
    }
    eprintln!("display corpus: {} captures, {packets} packet printings, no panic", files.len());
    assert!(files.len() >= 800, "expected the full corpus, found {} files", files.len());
}

#[test]
fn printer_survives_every_truncation_of_synthetic_packets() {
    // Every prefix of every synthetic packet, for every link type used.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("captures/display");
    let mut buf = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let data = std::fs::read(entry.path()).unwrap();
        let mut pkts: Vec<(bpfcap::dlt::Dlt, Vec<u8>)> = Vec::new();
        let _ = for_each_packet(&data, |lt, pkt, _| pkts.push((lt, pkt.data.to_vec())));
        for o in option_sets() {
            for (lt, bytes) in &pkts {
                let mut p = Printer::new(o.clone(), *lt);
                for cut in 0..=bytes.len() {
                    let pkt = bpfcap::display::PacketRef {
                        ts_sec: 0,
                        ts_nsec: 0,
                        wire_len: bytes.len() as u32,
                        data: &bytes[..cut],
                    };
                    buf.clear();
                    p.format(&pkt, &mut buf);
                }
            }
        }
    }
}
