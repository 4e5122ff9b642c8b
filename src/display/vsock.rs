//! Linux vsock monitor packets (link type 271): a little-endian header
//! (source and destination CIDs, source and destination ports, operation,
//! transport, length of the transport header) and the transport header.
//!
//! tcpdump prints `TRANSPORT SRCCID.SRCPORT > DSTCID.DSTPORT OP, length N`
//! with or without `-e`. The virtio transport header (shown with `-v`) and
//! the payload are not dissected.

use super::{Bytes, Dump, fmt};

/// Prints one vsock monitor packet.
pub(crate) fn print(data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    // The -x dump starts after the 32-byte monitor header.
    dump.net_off = 32;
    let b = Bytes(data);
    let le32 = |off: usize| b.u32(off).map(u32::swap_bytes);
    let le16 = |off: usize| b.u16(off).map(u16::swap_bytes);
    let (Some(scid), Some(dcid), Some(sport), Some(dport), Some(op), Some(tr)) =
        (le32(0), le32(8), le32(16), le32(20), le16(24), le16(26))
    else {
        fmt::s(out, "[|vsock]");
        return;
    };
    // The CIDs are 64-bit; only the low halves are printed here when the
    // high ones are zero.
    let hi = |off: usize| le32(off + 4).unwrap_or(0);
    fmt::s(
        out,
        match tr {
            0 => "UNKNOWN",
            1 => "NO_INFO",
            2 => "VIRTIO",
            _ => "UNKNOWN",
        },
    );
    out.push(b' ');
    fmt::u(out, (u64::from(hi(0)) << 32) | u64::from(scid));
    out.push(b'.');
    fmt::u(out, u64::from(sport));
    fmt::s(out, " > ");
    fmt::u(out, (u64::from(hi(8)) << 32) | u64::from(dcid));
    out.push(b'.');
    fmt::u(out, u64::from(dport));
    out.push(b' ');
    fmt::s(
        out,
        match op {
            1 => "CONNECT",
            2 => "DISCONNECT",
            3 => "CONTROL",
            4 => "PAYLOAD",
            _ => "UNKNOWN",
        },
    );
    fmt::s(out, ", length ");
    fmt::u(out, wire as u64);
}
