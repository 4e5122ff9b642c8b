//! Randomized robustness tests (fixed seeds, no extra crates): the
//! interpreter, the validator and the savefile reader must never panic,
//! hang or allocate without bound, whatever program, packet or file bytes
//! they get.

use std::io::Cursor;

use bpfcap::bpf::Insn;
use bpfcap::bpf::validate::{check_kernel, check_userland};
use bpfcap::bpf::vm::Vm;
use bpfcap::offline::savefile::Reader;

/// xorshift64*: small, deterministic, good enough for fuzzing.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Opcodes of real programs, plus a share of arbitrary 16-bit values.
const OPCODES: &[u16] = &[
    0x00, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50, 0x60, 0x80, 0x01, 0x61, 0x81, 0xb1, 0x02, 0x03, 0x04,
    0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x44, 0x4c, 0x54, 0x5c, 0x64, 0x6c, 0x74, 0x7c, 0x84,
    0x94, 0x9c, 0xa4, 0xac, 0x05, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x3d, 0x45, 0x4d, 0x06, 0x16, 0x07,
    0x87,
];

fn random_k(r: &mut Rng) -> u32 {
    match r.below(6) {
        0 => r.below(16) as u32,
        1 => r.below(80) as u32,
        2 => u32::MAX - r.below(8) as u32,
        3 => 0xffff_f000 + r.below(64) as u32,
        _ => r.next() as u32,
    }
}

fn random_program(r: &mut Rng) -> Vec<Insn> {
    let len = 1 + r.below(40) as usize;
    let mut prog: Vec<Insn> = (0..len)
        .map(|i| {
            let code = if r.below(20) == 0 {
                r.next() as u16
            } else {
                OPCODES[r.below(OPCODES.len() as u64) as usize]
            };
            let room = (len - i - 1) as u64;
            let (jt, jf) = if r.below(10) == 0 {
                (r.next() as u8, r.next() as u8)
            } else {
                (r.below(room + 1) as u8, r.below(room + 1) as u8)
            };
            let k = if code == 0x05 && r.below(3) == 0 {
                // Jumps, backward ones included (the protochain loop).
                (r.below(room + 1) as u32).wrapping_sub(r.below(len as u64) as u32)
            } else {
                random_k(r)
            };
            Insn { code, jt, jf, k }
        })
        .collect();
    if r.below(4) != 0 {
        let last = prog.len() - 1;
        prog[last] = Insn::stmt(if r.below(2) == 0 { 0x06 } else { 0x16 }, r.next() as u32);
    }
    prog
}

#[test]
fn interpreter_and_validator_never_panic() {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut accepted, mut runs) = (0, 0);
    for _ in 0..20_000 {
        let prog = random_program(&mut r);
        let _ = check_kernel(&prog);
        let user = check_userland(&prog);
        match Vm::new(&prog) {
            Ok(vm) => {
                assert!(user.is_ok());
                accepted += 1;
                for _ in 0..8 {
                    let n = r.below(100) as usize;
                    let pkt: Vec<u8> = (0..n).map(|_| r.next() as u8).collect();
                    let wire = if r.below(2) == 0 { n as u32 } else { r.next() as u32 };
                    let _ = vm.run(&pkt, wire);
                    runs += 1;
                }
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    eprintln!("{accepted} random programs accepted, {runs} runs");
    assert!(accepted > 1000, "the generator should produce many valid programs");
}

/// A small valid pcap file (little-endian, microseconds, Ethernet).
fn pcap_file(packets: &[&[u8]]) -> Vec<u8> {
    let mut f = Vec::new();
    for v in [0xa1b2c3d4u32, 0x0004_0002, 0, 0, 65535, 1] {
        f.extend_from_slice(&v.to_le_bytes());
    }
    for (i, p) in packets.iter().enumerate() {
        for v in [1000 + i as u32, 5, p.len() as u32, p.len() as u32 + 4] {
            f.extend_from_slice(&v.to_le_bytes());
        }
        f.extend_from_slice(p);
    }
    f
}

/// A small valid pcapng file: section header, one interface, packets.
fn pcapng_file(packets: &[&[u8]]) -> Vec<u8> {
    fn block(out: &mut Vec<u8>, kind: u32, body: &[u8]) {
        let len = 12 + body.len() as u32;
        out.extend_from_slice(&kind.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(&len.to_le_bytes());
    }
    let mut f = Vec::new();
    let mut shb = Vec::new();
    shb.extend_from_slice(&0x1a2b3c4du32.to_le_bytes());
    shb.extend_from_slice(&[1, 0, 0, 0]);
    shb.extend_from_slice(&[0xff; 8]);
    block(&mut f, 0x0a0d0d0a, &shb);
    let mut idb = Vec::new();
    idb.extend_from_slice(&[1, 0, 0, 0]);
    idb.extend_from_slice(&65535u32.to_le_bytes());
    block(&mut f, 1, &idb);
    for (i, p) in packets.iter().enumerate() {
        let mut epb = Vec::new();
        for v in [0u32, 0, 1_000_000 * (i as u32 + 1), p.len() as u32, p.len() as u32] {
            epb.extend_from_slice(&v.to_le_bytes());
        }
        epb.extend_from_slice(p);
        while epb.len() % 4 != 0 {
            epb.push(0);
        }
        block(&mut f, 6, &epb);
    }
    f
}

/// Reads every packet; returns how many were read and whether it failed.
fn read_all(bytes: &[u8]) -> (usize, bool) {
    let mut r = match Reader::new(Cursor::new(bytes)) {
        Ok(r) => r,
        Err(_) => return (0, true),
    };
    let mut n = 0;
    loop {
        match r.next_packet() {
            Ok(Some(p)) => {
                assert!(p.data.len() <= 262_144 * 512);
                n += 1;
            }
            Ok(None) => return (n, false),
            Err(e) => {
                assert!(!e.to_string().is_empty());
                return (n, true);
            }
        }
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let pkts: Vec<Vec<u8>> = (0..5u8).map(|i| (0..(20 + 13 * i)).collect()).collect();
    let refs: Vec<&[u8]> = pkts.iter().map(|p| p.as_slice()).collect();
    let mut out = vec![pcap_file(&refs), pcapng_file(&refs)];
    // Some real captures, when the corpus is present.
    let dir = match std::env::var_os("BPFCAP_CORPUS") {
        Some(d) if std::path::Path::new(&d).ends_with("pcaps") => {
            std::path::PathBuf::from(d).join("..")
        }
        Some(d) => std::path::PathBuf::from(d),
        None => std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    };
    if let Ok(entries) = std::fs::read_dir(dir.join("pcaps")) {
        let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        names.sort();
        for p in names.iter().step_by(40) {
            if let Ok(b) = std::fs::read(p)
                && b.len() < 20_000
            {
                out.push(b);
            }
        }
    }
    out
}

#[test]
fn savefile_reader_survives_corruption() {
    let seeds = seeds();
    // The clean seeds read without error.
    assert_eq!(read_all(&seeds[0]), (5, false));
    assert_eq!(read_all(&seeds[1]), (5, false));
    let mut r = Rng(0x1234_5678_9abc_def1);
    for round in 0..3000 {
        let mut b = seeds[round % seeds.len()].clone();
        match r.below(4) {
            0 => {
                // Truncate anywhere.
                let n = r.below(b.len() as u64 + 1) as usize;
                b.truncate(n);
            }
            1 => {
                // Flip a few bytes.
                for _ in 0..1 + r.below(8) {
                    let i = r.below(b.len() as u64) as usize;
                    if let Some(x) = b.get_mut(i) {
                        *x ^= r.next() as u8 | 1;
                    }
                }
            }
            _ => {
                // Plant a hostile 32-bit length somewhere.
                if b.len() >= 4 {
                    let i = r.below(b.len() as u64 - 3) as usize;
                    let v = match r.below(3) {
                        0 => u32::MAX,
                        1 => 0x7fff_fff0,
                        _ => r.next() as u32,
                    };
                    b[i..i + 4].copy_from_slice(&v.to_le_bytes());
                }
            }
        }
        let _ = read_all(&b);
    }
}

#[test]
fn hostile_lengths_are_refused_without_allocating() {
    // A pcap record claiming 4 GiB, and one claiming just under the limit
    // in a file that ends at once: both fail with a message.
    let mut f = pcap_file(&[]);
    for v in [0u32, 0, u32::MAX, u32::MAX] {
        f.extend_from_slice(&v.to_le_bytes());
    }
    let (n, failed) = read_all(&f);
    assert_eq!((n, failed), (0, true));
    let mut f = pcap_file(&[b"abcd"]);
    for v in [0u32, 0, 262_144, 262_144] {
        f.extend_from_slice(&v.to_le_bytes());
    }
    assert_eq!(read_all(&f), (1, true));
    // A pcapng block claiming 2 GiB.
    let mut f = pcapng_file(&[b"abcd"]);
    f.extend_from_slice(&6u32.to_le_bytes());
    f.extend_from_slice(&0x7fff_fff0u32.to_le_bytes());
    f.extend_from_slice(&[0; 16]);
    assert_eq!(read_all(&f), (1, true));
}
