//! Two protocols carried directly in Ethernet, as tcpdump prints them at
//! default verbosity:
//!
//! * TIPC version 2 (ethertype 0x88ca): the message header's originating
//!   node and port, destination (node and) port, header and message sizes,
//!   user and message type: `TIPC v2.0 1.1.2:3511725154 > 1.1.2:424133152,
//!   headerlength 40 bytes, MessageSize 40 bytes, Low Importance Data
//!   payload, messageType NAMED_MSG`. Internal protocol messages (link
//!   state, changeover, name distribution, ...) show only the two nodes,
//!   and their message types are not decoded.
//! * Microsoft NLB heartbeats (ethertype 0x886f): `MS NLB heartbeat, host
//!   priority: 2, cluster IP: 192.168.100.80, host IP: 192.168.100.82`.

use super::{Bytes, Printer, fmt};

/// A TIPC network address, zone.cluster.node.
fn tipc_addr(out: &mut Vec<u8>, a: u32) {
    fmt::u(out, (a >> 24) as u64);
    out.push(b'.');
    fmt::u(out, ((a >> 12) & 0xfff) as u64);
    out.push(b'.');
    fmt::u(out, (a & 0xfff) as u64);
}

/// TIPC (the message header after the ethertype).
pub(crate) fn tipc(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "TIPC ");
    let Some(w0) = b.u32(0) else {
        p.dump_whole = true;
        fmt::s(out, " [|tipc]");
        return;
    };
    let version = (w0 >> 29) & 7;
    fmt::s(out, "v");
    fmt::u(out, version as u64);
    fmt::s(out, ".0 ");
    let user = (w0 >> 25) & 0xf;
    // Data messages (and the connection manager's) name ports; the
    // internal protocols only the originating and destination nodes.
    let internal = !(user <= 3 || user == 8);
    let hsize = ((w0 >> 21) & 0xf) as usize * 4;
    let msize = w0 & 0x1ffff;
    let (Some(w1), Some(prev), Some(oport), Some(dport)) =
        (b.u32(4), b.u32(12), b.u32(16), b.u32(20))
    else {
        p.dump_whole = true;
        fmt::s(out, " [|tipc]");
        return;
    };
    if internal {
        let (Some(onode), Some(dnode)) = (b.u32(24), b.u32(28)) else {
            p.dump_whole = true;
            fmt::s(out, " [|tipc]");
            return;
        };
        tipc_addr(out, onode);
        fmt::s(out, " > ");
        tipc_addr(out, dnode);
    } else if hsize <= 24 {
        tipc_addr(out, prev);
        out.push(b':');
        fmt::u(out, oport as u64);
        fmt::s(out, " > ");
        fmt::u(out, dport as u64);
    } else {
        let (Some(onode), Some(dnode)) = (b.u32(24), b.u32(28)) else {
            p.dump_whole = true;
            fmt::s(out, " [|tipc]");
            return;
        };
        tipc_addr(out, onode);
        out.push(b':');
        fmt::u(out, oport as u64);
        fmt::s(out, " > ");
        tipc_addr(out, dnode);
        out.push(b':');
        fmt::u(out, dport as u64);
    }
    fmt::s(out, ", headerlength ");
    fmt::u(out, hsize as u64);
    fmt::s(out, " bytes, MessageSize ");
    fmt::u(out, msize as u64);
    fmt::s(out, " bytes, ");
    fmt::s(
        out,
        match user {
            0 => "Low Importance Data payload",
            1 => "Medium Importance Data payload",
            2 => "High Importance Data payload",
            3 => "Critical Importance Data payload",
            5 => "Broadcast Link Protocol internal",
            6 => "Message Bundler Protocol",
            7 => "Link State Protocol internal",
            8 => "Connection Manager internal",
            10 => "Link Changeover Protocol internal",
            11 => "Name Table Update Protocol internal",
            12 => "Message Fragmentation Protocol",
            13 => "Neighbor Detection Protocol internal",
            _ => "unknown",
        },
    );
    fmt::s(out, ", messageType ");
    let name = match (w1 >> 29) & 7 {
        0 => "CONN_MSG",
        1 => "MCAST_MSG",
        2 => "NAMED_MSG",
        3 => "DIRECT_MSG",
        _ => "",
    };
    if internal || name.is_empty() {
        fmt::s(out, "Unknown (0x");
        fmt::x_pad(out, w1 as u64, 8);
        out.push(b')');
    } else {
        fmt::s(out, name);
    }
}

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
