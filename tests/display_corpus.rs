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
                        ts_usec: 0,
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

/// A crafted packet of IPv4-in-IPv4 (and ICMP errors quoting ICMP errors)
/// nested a thousand deep must print without exhausting the stack.
#[test]
fn regression_deeply_nested_ip_does_not_overflow_the_stack() {
    fn ip(proto: u8, payload: &[u8]) -> Vec<u8> {
        let total = (20 + payload.len()).min(65535) as u16;
        let mut h = vec![0x45, 0, 0, 0, 0, 1, 0, 0, 64, proto, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];
        h[2..4].copy_from_slice(&total.to_be_bytes());
        h.extend_from_slice(payload);
        h
    }
    let mut tunnel = ip(17, &[0, 1, 0, 2, 0, 8, 0, 0]);
    let mut quoted = tunnel.clone();
    for _ in 0..1000 {
        tunnel = ip(4, &tunnel);
        let mut icmp = vec![3, 1, 0, 0, 0, 0, 0, 0];
        icmp.extend_from_slice(&quoted);
        quoted = ip(1, &icmp);
    }
    let o = PrintOptions { verbose: 1, ..PrintOptions::default() };
    let mut buf = Vec::new();
    for pkt in [&tunnel, &quoted] {
        let mut p = Printer::new(o.clone(), bpfcap::dlt::Dlt::RAW);
        let r = bpfcap::display::PacketRef {
            ts_sec: 0,
            ts_usec: 0,
            wire_len: pkt.len() as u32,
            data: pkt,
        };
        buf.clear();
        p.format(&r, &mut buf);
        assert!(buf.len() < 10_000, "nesting is bounded");
    }
}
