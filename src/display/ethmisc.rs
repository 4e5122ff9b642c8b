//! A protocol carried directly in Ethernet, as tcpdump prints it at
//! default verbosity (TIPC is in [`super::tipc`]):
//!
//! * Microsoft NLB heartbeats (ethertype 0x886f): `MS NLB heartbeat, host
//!   priority: 2, cluster IP: 192.168.100.80, host IP: 192.168.100.82`.

use super::{Bytes, Printer, fmt};

/// Microsoft NLB heartbeat: a signature and version, then (little-endian)
/// the host priority and the cluster and host addresses.
pub(crate) fn msnlb(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "MS NLB heartbeat");
    let (Some(prio), Some(cluster), Some(host)) = (b.u32(8), b.slice(12, 4), b.slice(16, 4)) else {
        p.dump_whole = true;
        fmt::s(out, " [|msnlb]");
        return;
    };
    fmt::s(out, ", host priority: ");
    fmt::u(out, prio.swap_bytes() as u64);
    fmt::s(out, ", cluster IP: ");
    fmt::ipv4(out, cluster);
    fmt::s(out, ", host IP: ");
    fmt::ipv4(out, host);
}
