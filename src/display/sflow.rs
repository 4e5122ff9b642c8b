//! sFlow version 5 datagrams on UDP port 6343.
//!
//! At default verbosity tcpdump prints the datagram header's agent and
//! sub-agent and the UDP payload length, `sFlowv5, IPv4 agent 10.0.0.1,
//! agent-id 1, length 1288`; other versions are `sFlow version N packet not
//! supported`. The flow and counter samples (shown with `-v`) are not
//! dissected.

use super::{Bytes, fmt, ip};

/// The datagram header with an IPv4 agent: version, address type,
/// address, sub-agent id, sequence number, uptime and sample count.
const HEADER: usize = 28;

/// Prints an sFlow datagram; `len` is the UDP payload length.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    // tcpdump reads the version and address type, checks the length
    // (naming the version it found), then that the IPv4-sized header is
    // captured, then the version.
    let (Some(version), Some(atype)) = (b.u32(0), b.u32(4)) else {
        fmt::s(out, " [|sflow]");
        return;
    };
    // An IPv6 agent (type 2) makes the header 12 bytes longer; the message
    // names the IPv4 size either way. Other types are printed as IPv6
    // below but checked against the IPv4 size, as tcpdump does.
    let min = if atype == 2 { HEADER + 12 } else { HEADER };
    if len < min {
        fmt::s(out, "sFlowv");
        fmt::u(out, version as u64);
        fmt::s(out, " [length ");
        fmt::u(out, len as u64);
        fmt::s(out, " < 28] (invalid)");
        return;
    }
    if data.len() < HEADER {
        fmt::s(out, " [|sflow]");
        return;
    }
    if version != 5 {
        fmt::s(out, "sFlow version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    let (name, alen) = if atype == 1 { ("IPv4", 4) } else { ("IPv6", 16) };
    let (Some(agent), Some(id)) = (b.slice(8, alen), b.u32(8 + alen)) else {
        fmt::s(out, " [|sflow]");
        return;
    };
    fmt::s(out, "sFlowv5, ");
    fmt::s(out, name);
    fmt::s(out, " agent ");
    ip::addr(out, agent);
    fmt::s(out, ", agent-id ");
    fmt::u(out, id as u64);
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}
