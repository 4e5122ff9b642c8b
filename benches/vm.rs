//! Interpreter throughput: tcpdump's own `tcp port 80` program for Ethernet
//! (from `tcpdump -y EN10MB -ddd 'tcp port 80'`, so the bench does not
//! depend on our compiler) over a mix of packets that it accepts and
//! rejects at different depths.

use bpfcap::bpf::Insn;
use bpfcap::bpf::vm::Vm;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const TCP_PORT_80: &str = "40 0 0 12;21 0 6 34525;48 0 0 20;21 0 15 6;40 0 0 54;21 12 0 80;\
40 0 0 56;21 10 11 80;21 0 10 2048;48 0 0 23;21 0 8 6;40 0 0 20;69 6 0 8191;177 0 0 14;\
72 0 0 14;21 2 0 80;72 0 0 16;21 0 1 80;6 0 0 262144;6 0 0 0";

fn program() -> Vec<Insn> {
    TCP_PORT_80
        .split(';')
        .map(|i| {
            let f: Vec<u32> = i.split(' ').map(|n| n.parse().unwrap()).collect();
            Insn::jump(f[0] as u16, f[3], f[1] as u8, f[2] as u8)
        })
        .collect()
}

/// Ethernet + IPv4 + TCP/UDP headers with the given ports, or ARP.
fn packets() -> Vec<Vec<u8>> {
    let ipv4 = |proto: u8, sport: u16, dport: u16| {
        let mut p = vec![0u8; 74];
        p[12..14].copy_from_slice(&0x0800u16.to_be_bytes());
        p[14] = 0x45;
        p[20] = 0x40; // DF, offset 0
        p[23] = proto;
        p[34..36].copy_from_slice(&sport.to_be_bytes());
        p[36..38].copy_from_slice(&dport.to_be_bytes());
        p
    };
    let mut arp = vec![0u8; 60];
    arp[12..14].copy_from_slice(&0x0806u16.to_be_bytes());
    vec![ipv4(6, 51000, 80), ipv4(6, 51000, 443), ipv4(17, 53000, 53), arp, ipv4(6, 80, 51000)]
}

fn bench(c: &mut Criterion) {
    let vm = Vm::new(&program()).unwrap();
    let pkts = packets();
    let mut g = c.benchmark_group("vm");
    g.throughput(Throughput::Elements(pkts.len() as u64));
    g.bench_function("tcp port 80", |b| {
        b.iter(|| {
            let mut kept = 0u32;
            for p in &pkts {
                kept += u32::from(vm.run(black_box(p), p.len() as u32) != 0);
            }
            kept
        })
    });
    g.bench_function("decode tcp port 80", |b| b.iter(|| Vm::new(black_box(&program())).is_ok()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
