//! A smooth constant-rate frame sender for `scripts/bench_capture.sh`.
//!
//! `bench_capture_sender NETNS IFACE RATE SIZE SECONDS` enters network
//! namespace NETNS and sends RATE frames per second of SIZE bytes (UDP in
//! IPv4 in Ethernet, to a MAC nobody has) on IFACE for SECONDS. Frames leave
//! in small `sendmmsg` batches every 50 µs on an absolute schedule, so the
//! rate is even at the millisecond scale rather than bursty. Prints the
//! number of frames sent.

use std::time::{Duration, Instant};

use bpfcap::capture::{RawSender, enter_netns};

fn frame(size: usize, seq: u32) -> Vec<u8> {
    let size = size.max(60);
    let mut f = vec![0u8; size];
    f[0..6].copy_from_slice(&[0x02, 0, 0, 0, 0, 0x02]);
    f[6..12].copy_from_slice(&[0x02, 0, 0, 0, 0, 0x01]);
    f[12..14].copy_from_slice(&[0x08, 0x00]);
    let ip_len = (size - 14) as u16;
    f[14] = 0x45;
    f[16..18].copy_from_slice(&ip_len.to_be_bytes());
    f[22] = 64;
    f[23] = 17;
    f[26..30].copy_from_slice(&[10, 0, 0, 1]);
    f[30..34].copy_from_slice(&[10, 0, 0, 2]);
    f[34..36].copy_from_slice(&5000u16.to_be_bytes());
    f[36..38].copy_from_slice(&9000u16.to_be_bytes());
    f[38..40].copy_from_slice(&(ip_len - 20).to_be_bytes());
    f[42..46].copy_from_slice(&seq.to_be_bytes());
    f
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() != 6 {
        eprintln!("usage: bench_capture_sender NETNS IFACE RATE SIZE SECONDS");
        std::process::exit(2);
    }
    let (ns, dev) = (&a[1], &a[2]);
    let rate: f64 = a[3].parse().expect("RATE");
    let size: usize = a[4].parse().expect("SIZE");
    let secs: f64 = a[5].parse().expect("SECONDS");
    enter_netns(ns).expect("enter netns");
    let s = RawSender::open(dev, true).expect("open sender");
    let frames: Vec<Vec<u8>> = (0..64).map(|i| frame(size, i)).collect();
    let total = (rate * secs) as u64;
    let tick = Duration::from_micros(50);
    let start = Instant::now();
    let mut sent = 0u64;
    let mut failed = 0u64;
    while sent < total {
        let due = ((start.elapsed().as_secs_f64() * rate) as u64).min(total);
        if due > sent {
            let n = ((due - sent) as usize).min(frames.len());
            let batch: Vec<&[u8]> = frames[..n].iter().map(|f| f.as_slice()).collect();
            match s.send_batch(&batch) {
                Ok(k) => sent += k as u64,
                Err(_) => failed += 1,
            }
        } else {
            std::thread::sleep(tick);
        }
    }
    let el = start.elapsed().as_secs_f64();
    println!("{sent}");
    eprintln!(
        "sent {sent} frames of {size} bytes in {el:.3} s ({:.0}/s), {failed} failed sends",
        sent as f64 / el
    );
}
