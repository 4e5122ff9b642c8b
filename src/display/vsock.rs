//! Linux vsock monitor packets (link type 271): a little-endian header
//! (source and destination CIDs, source and destination ports, operation,
//! transport, length of the transport header) and the transport header.
//!
//! tcpdump prints `TRANSPORT SRCCID.SRCPORT > DSTCID.DSTPORT OP, length N`
//! with or without `-e`. With `-v` the virtio transport header comes first
//! (`VIRTIO (len 0, type STREAM, op REQUEST, ...)` and a new line). The
//! payload is not dissected.

use super::{Bytes, Dump, fmt};

/// Prints one vsock monitor packet.
pub(crate) fn print(data: &[u8], wire: usize, verbose: u8, out: &mut Vec<u8>, dump: &mut Dump) {
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
    if verbose > 0 && tr == 2 {
        virtio(b, out);
    } else {
        out.push(b' ');
    }
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
    // -vv dumps the payload after the transport header.
    if verbose > 1 && tr == 2 {
        let hlen = le16(28).unwrap_or(0) as usize;
        if let Some(payload) = data.get(32 + hlen..).filter(|p| !p.is_empty()) {
            super::hex_dump(out, payload, false);
        }
    }
}

/// The virtio transport header after the 32-byte monitor header, as
/// `-v` shows it: ` (len N, type T, op O, flags F, buf_alloc B, fwd_cnt C)`
/// and the start of the next line.
fn virtio(b: Bytes<'_>, out: &mut Vec<u8>) {
    const H: usize = 32;
    let le32 = |off: usize| b.u32(H + off).map(u32::swap_bytes);
    let le16 = |off: usize| b.u16(H + off).map(u16::swap_bytes);
    let (Some(len), Some(typ), Some(op), Some(flags), Some(buf), Some(fwd)) =
        (le32(24), le16(28), le16(30), le32(32), le32(36), le32(40))
    else {
        fmt::s(out, " [|vsock]");
        return;
    };
    fmt::s(out, " (len ");
    fmt::u(out, u64::from(len));
    fmt::s(out, ", type ");
    match typ {
        1 => fmt::s(out, "STREAM"),
        2 => fmt::s(out, "SEQPACKET"),
        t => fmt::u(out, u64::from(t)),
    }
    fmt::s(out, ", op ");
    fmt::s(
        out,
        match op {
            0 => "INVALID",
            1 => "REQUEST",
            2 => "RESPONSE",
            3 => "RST",
            4 => "SHUTDOWN",
            5 => "RW",
            6 => "CREDIT UPDATE",
            7 => "CREDIT REQUEST",
            _ => "UNKNOWN",
        },
    );
    fmt::s(out, ", flags ");
    fmt::x(out, u64::from(flags));
    fmt::s(out, ", buf_alloc ");
    fmt::u(out, u64::from(buf));
    fmt::s(out, ", fwd_cnt ");
    fmt::u(out, u64::from(fwd));
    fmt::s(out, ")\n\t");
}
