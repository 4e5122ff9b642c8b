//! Microsoft Network Load Balancing heartbeats (ethertype 0x886f).
//!
//! tcpdump prints the host priority and the cluster and host addresses:
//! `MS NLB heartbeat, host priority: 2, cluster IP: 192.168.100.80, host
//! IP: 192.168.100.82`. The heartbeat starts with a signature and a
//! version (four bytes each), then the priority, a little-endian 32-bit
//! number, then the two IPv4 addresses; the rest is not dissected.

use super::{Bytes, Printer, fmt};

/// Prints a heartbeat (the Ethernet payload). A truncated heartbeat makes
/// tcpdump's `-x` dump start at the link layer.
pub(crate) fn print(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "MS NLB heartbeat");
    let (Some(prio), Some(cluster), Some(host)) = (b.u32(8), b.slice(12, 4), b.slice(16, 4)) else {
        fmt::s(out, " [|msnlb]");
        p.dump_whole = true;
        return;
    };
    fmt::s(out, ", host priority: ");
    fmt::u(out, prio.swap_bytes() as u64);
    fmt::s(out, ", cluster IP: ");
    fmt::ipv4(out, cluster);
    fmt::s(out, ", host IP: ");
    fmt::ipv4(out, host);
}
