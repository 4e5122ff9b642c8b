//! `bpfcap -r IN [-w OUT]` end to end, on savefiles built here. These use
//! the empty (accept-all) expression so they do not depend on the filter
//! compiler; the filter itself is covered by `offline_verdicts.rs`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bpfcap(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bpfcap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bpfcap");
    if let Some(bytes) = stdin {
        // bpfcap may stop reading early (on an error): a broken pipe here
        // is part of what is being tested, not a failure.
        let _ = child.stdin.take().unwrap().write_all(bytes);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Packet records: (ts_sec, ts_frac, data, wire length).
type Rec = (u32, u32, Vec<u8>, u32);

fn records() -> Vec<Rec> {
    (0..4u32)
        .map(|i| (1_700_000_000 + i, 123_456 + i, vec![i as u8; 40 + i as usize], 60 + i))
        .collect()
}

/// A pcap file in either byte order and precision.
fn pcap(big: bool, nanos: bool, linktype: u32, snaplen: u32, recs: &[Rec]) -> Vec<u8> {
    let w = |v: u32| if big { v.to_be_bytes() } else { v.to_le_bytes() };
    let mut f = Vec::new();
    f.extend_from_slice(&w(if nanos { 0xa1b23c4d } else { 0xa1b2c3d4 }));
    f.extend_from_slice(&if big { [0, 2, 0, 4] } else { [2, 0, 4, 0] });
    for v in [0, 0, snaplen, linktype] {
        f.extend_from_slice(&w(v));
    }
    for (s, frac, data, wire) in recs {
        for v in [*s, *frac, data.len() as u32, *wire] {
            f.extend_from_slice(&w(v));
        }
        f.extend_from_slice(data);
    }
    f
}

fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("bpfcap-offline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn copies_every_packet_and_announces_the_file() {
    let input = pcap(false, false, 1, 65535, &records());
    let path = tmp("copy.pcap", &input);
    let o = bpfcap(&["-r", &path, "-w", "-"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout, input);
    assert_eq!(
        stderr(&o),
        format!("reading from file {path}, link-type EN10MB (Ethernet), snapshot length 65535\n")
    );
    // As with tcpdump, -s does not cut packets read from a savefile.
    let o = bpfcap(&["-r", &path, "-s", "10", "-w", "-"], None);
    assert_eq!(o.stdout, input);
}

#[test]
fn keeps_link_type_and_writes_little_endian_microseconds_like_tcpdump() {
    // Big-endian nanosecond input with LINKTYPE_RAW (101) and flag bits.
    let recs = records();
    let input = pcap(true, true, 101, 1500, &recs);
    let o = bpfcap(&["-r", "-", "-w", "-"], Some(&input));
    assert!(o.status.success(), "{}", stderr(&o));
    let micros: Vec<Rec> = recs.iter().map(|(s, f, d, w)| (*s, *f / 1000, d.clone(), *w)).collect();
    assert_eq!(o.stdout, pcap(false, false, 101, 1500, &micros));
    assert!(stderr(&o).contains("link-type RAW (Raw IP), snapshot length 1500"), "{}", stderr(&o));
}

#[test]
fn truncates_records_to_the_file_snaplen_as_libpcap_does() {
    let recs = vec![(1, 2, vec![7u8; 100], 100)];
    let o = bpfcap(&["-r", "-", "-w", "-"], Some(&pcap(false, false, 1, 64, &recs)));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout, pcap(false, false, 1, 64, &[(1, 2, vec![7u8; 64], 100)]));
}

#[test]
fn truncated_file_keeps_good_packets_then_fails() {
    let full = pcap(false, false, 1, 65535, &records());
    let cut = &full[..full.len() - 10];
    let out = std::env::temp_dir().join(format!("bpfcap-cut-out-{}.pcap", std::process::id()));
    let out = out.to_string_lossy().into_owned();
    let o = bpfcap(&["-r", "-", "-w", &out], Some(cut));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).ends_with(
            "bpfcap: truncated dump file; tried to read 43 captured bytes, only got 33\n"
        ),
        "{}",
        stderr(&o)
    );
    let written = std::fs::read(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    assert_eq!(written, pcap(false, false, 1, 65535, &records()[..3]));
}

#[test]
fn count_and_limit() {
    let input = pcap(false, false, 1, 65535, &records());
    let o = bpfcap(&["-r", "-", "--count"], Some(&input));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "4 packets\n");
    let o = bpfcap(&["-r", "-", "--count", "-c", "1"], Some(&input));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "1 packet\n");
    let o = bpfcap(&["-r", "-", "-c", "2", "-w", "-"], Some(&input));
    assert_eq!(o.stdout, pcap(false, false, 1, 65535, &records()[..2]));
}

#[test]
fn pcapng_becomes_microsecond_pcap() {
    fn block(out: &mut Vec<u8>, kind: u32, body: &[u8]) {
        let len = 12 + body.len() as u32;
        out.extend_from_slice(&kind.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(&len.to_le_bytes());
    }
    let mut f = Vec::new();
    let mut shb = 0x1a2b3c4du32.to_le_bytes().to_vec();
    shb.extend_from_slice(&[1, 0, 0, 0]);
    shb.extend_from_slice(&[0xff; 8]);
    block(&mut f, 0x0a0d0d0a, &shb);
    // Interface: LINUX_SLL (113), snaplen 9000, if_tsresol = 10^-9.
    let mut idb = vec![113, 0, 0, 0];
    idb.extend_from_slice(&9000u32.to_le_bytes());
    idb.extend_from_slice(&[9, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0, 0]);
    block(&mut f, 1, &idb);
    let ts: u64 = 1_700_000_000_123_456_789;
    let mut epb = Vec::new();
    for v in [0u32, (ts >> 32) as u32, ts as u32, 20, 30] {
        epb.extend_from_slice(&v.to_le_bytes());
    }
    epb.extend_from_slice(&[5u8; 20]);
    block(&mut f, 6, &epb);
    let o = bpfcap(&["-r", "-", "-w", "-"], Some(&f));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        o.stdout,
        pcap(false, false, 113, 9000, &[(1_700_000_000, 123_456, vec![5u8; 20], 30)])
    );
    assert!(stderr(&o).contains("link-type LINUX_SLL (Linux cooked v1), snapshot length 9000"));
}

#[test]
fn unreadable_inputs_are_clear_errors() {
    let o = bpfcap(&["-r", "-", "-w", "-"], Some(b"not a capture file at all"));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "bpfcap: unknown file format\n");
    let o = bpfcap(&["-r", "-"], Some(&[0xd4, 0xc3, 0xb2, 0xa1, 2, 0]));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "bpfcap: truncated dump file; tried to read 24 file header bytes, only got 6\n"
    );
    let o = bpfcap(&["-r", "/nonexistent/x.pcap"], None);
    assert_eq!(stderr(&o), "bpfcap: /nonexistent/x.pcap: No such file or directory\n");
}

#[test]
fn snapshot_length_rules_follow_libpcap() {
    // (header snaplen, announced snaplen, error for a 300,000-byte record).
    let cases: &[(u32, u32, &str)] = &[
        (0, 262144, "invalid packet capture length 300000, bigger than snaplen of 262144"),
        (600_000, 600_000, "invalid packet capture length 300000, bigger than maximum of 262144"),
        (u32::MAX, 262144, "invalid packet capture length 300000, bigger than snaplen of 262144"),
    ];
    for &(snaplen, shown, error) in cases {
        let input = pcap(false, false, 1, snaplen, &[(1, 2, vec![0u8; 300_000], 300_000)]);
        let o = bpfcap(&["-r", "-", "-w", "/dev/null"], Some(&input));
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(
            stderr(&o),
            format!(
                "reading from file -, link-type EN10MB (Ethernet), snapshot length {shown}\nbpfcap: {error}\n"
            )
        );
    }
}

fn built() -> String {
    format!("{}/tests/data/offline_built.pcap", env!("CARGO_MANIFEST_DIR"))
}

/// How many packets tcpdump kept for `expr` on the built capture, from the
/// recorded verdicts.
fn tcpdump_kept(expr: &str) -> usize {
    let tsv = std::fs::read_to_string(format!(
        "{}/tests/data/offline_verdicts.tsv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let row = tsv
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|f| f[0] == "built" && f[2] == expr)
        .unwrap();
    if row[9] == "-" {
        return 0;
    }
    row[9]
        .split(',')
        .map(|r| match r.split_once('-') {
            Some((a, b)) => b.parse::<usize>().unwrap() - a.parse::<usize>().unwrap() + 1,
            None => 1,
        })
        .sum()
}

#[test]
fn filters_end_to_end_like_tcpdump() {
    for expr in ["tcp port 80", "udp and (port 67 or port 68)", "ip protochain 6", "vlan and ip"] {
        let mut args = vec!["-r".to_string(), built(), "--count".into()];
        args.extend(expr.split(' ').map(String::from));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = bpfcap(&args, None);
        assert!(o.status.success(), "{expr}: {}", stderr(&o));
        let n = tcpdump_kept(expr);
        let want = format!("{n} packet{}\n", if n == 1 { "" } else { "s" });
        assert_eq!(String::from_utf8_lossy(&o.stdout), want, "{expr}");
    }
}

#[test]
fn kernel_only_filters_are_refused_offline_in_tcpdumps_words() {
    for (expr, what) in [("inbound", "inbound/outbound"), ("ifindex 1", "ifindex")] {
        let mut args = vec!["-r", "-", "-w", "-"];
        args.extend(expr.split(' '));
        let input = pcap(false, false, 1, 65535, &records());
        let o = bpfcap(&args, Some(&input));
        assert_eq!(o.status.code(), Some(1), "{expr}");
        assert!(o.stdout.is_empty());
        assert_eq!(
            stderr(&o),
            format!(
                "reading from file -, link-type EN10MB (Ethernet), snapshot length 65535\n\
                 bpfcap: {what} not supported on Ethernet when reading savefiles\n"
            ),
            "{expr}"
        );
    }
}

#[test]
fn dump_with_a_savefile_uses_its_link_type_and_snaplen() {
    let input = pcap(false, false, 101, 1500, &records());
    let path = tmp("raw.pcap", &input);
    let o = bpfcap(&["-r", &path, "-d", "ip"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "(000) ldb      [0]\n(001) and      #0xf0\n(002) jeq      #0x40            jt 3\tjf 4\n\
         (003) ret      #1500\n(004) ret      #0\n"
    );
    assert_eq!(
        stderr(&o),
        format!("reading from file {path}, link-type RAW (Raw IP), snapshot length 1500\n")
    );
}

/// Regression (ospf-sr.pcapng, ospf-sr2.pcapng): option lists that end at
/// the block end without an `opt_endofopt`, which libpcap reads and
/// pcap-file refuses ("Invalid option"). Every block kind with options is
/// built that way here, in both byte orders, with a second section (whose
/// header is then not the first bytes of the read buffer) and a malformed
/// name-resolution block, which libpcap skips without parsing.
#[test]
fn issue_pcapng_options_without_end_of_options() {
    for big in [false, true] {
        let w32 = |v: u32| if big { v.to_be_bytes() } else { v.to_le_bytes() };
        let w16 = |v: u16| if big { v.to_be_bytes() } else { v.to_le_bytes() };
        let block = |out: &mut Vec<u8>, kind: u32, body: &[u8]| {
            let len = 12 + body.len() as u32;
            out.extend_from_slice(&w32(kind));
            out.extend_from_slice(&w32(len));
            out.extend_from_slice(body);
            out.extend_from_slice(&w32(len));
        };
        // An option: code, length, value padded to 4 bytes.
        let opt = |out: &mut Vec<u8>, code: u16, value: &[u8]| {
            out.extend_from_slice(&w16(code));
            out.extend_from_slice(&w16(value.len() as u16));
            out.extend_from_slice(value);
            out.resize(out.len().div_ceil(4) * 4, 0);
        };
        let section = |f: &mut Vec<u8>| {
            let mut shb = w32(0x1a2b3c4d).to_vec();
            shb.extend_from_slice(&w16(1));
            shb.extend_from_slice(&w16(0));
            shb.extend_from_slice(&[0xff; 8]);
            opt(&mut shb, 4, b"ospf-sr"); // shb_userappl, no end marker
            block(f, 0x0a0d0d0a, &shb);
            let mut idb = w16(1).to_vec(); // Ethernet
            idb.extend_from_slice(&w16(0));
            idb.extend_from_slice(&w32(9216));
            opt(&mut idb, 2, b"eth0"); // if_name
            opt(&mut idb, 9, &[3]); // if_tsresol = 10^-3, no end marker
            block(f, 1, &idb);
        };
        let epb = |f: &mut Vec<u8>, ms: u64, fill: u8| {
            let mut b = Vec::new();
            for v in [0u32, (ms >> 32) as u32, ms as u32, 14, 60] {
                b.extend_from_slice(&w32(v));
            }
            b.extend_from_slice(&[fill; 14]);
            b.extend_from_slice(&[0, 0]); // pad to 4
            opt(&mut b, 1, b"comment"); // opt_comment, no end marker
            block(f, 6, &b);
        };
        let mut f = Vec::new();
        section(&mut f);
        epb(&mut f, 1_700_000_000_250, 1);
        block(&mut f, 4, &[0xde, 0xad, 0xbe, 0xef, 0xff, 0xff, 0xff, 0xff]);
        section(&mut f);
        epb(&mut f, 1_700_000_001_500, 2);
        let o = bpfcap(&["-r", "-", "-w", "-"], Some(&f));
        assert!(o.status.success(), "big={big}: {}", stderr(&o));
        let want = pcap(
            false,
            false,
            1,
            9216,
            &[(1_700_000_000, 250_000, vec![1; 14], 60), (1_700_000_001, 500_000, vec![2; 14], 60)],
        );
        assert_eq!(o.stdout, want, "big={big}");
    }
}
