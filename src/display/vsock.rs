//! Linux vsock monitor packets (link type 271): a little-endian header
//! (source and destination CIDs, source and destination ports, operation,
//! transport, length of the transport header) and the transport header.
//!
//! tcpdump prints `TRANSPORT SRCCID.SRCPORT > DSTCID.DSTPORT OP, length N`
//! (the captured length)
//! with or without `-e`. With `-v` the virtio transport header comes first
//! (`VIRTIO (len 0, type STREAM, op REQUEST, ...)` and a new line). The
//! payload is not dissected.

use super::{Bytes, Dump, fmt};

/// Prints one vsock monitor packet.
pub(crate) fn print(data: &[u8], verbose: u8, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let le64 =
        |off: usize| b.slice(off, 8).map(|s| u64::from_le_bytes(s.try_into().unwrap_or([0; 8])));
    let le32 = |off: usize| b.u32(off).map(u32::swap_bytes);
    let le16 = |off: usize| b.u16(off).map(u16::swap_bytes);
    let (Some(scid), Some(dcid), Some(sport), Some(dport), Some(op), Some(tr), Some(_)) =
        (le64(0), le64(8), le32(16), le32(20), le16(24), le16(26), b.slice(28, 4))
    else {
        // Nothing is dumped of a short monitor header.
        fmt::s(out, " [|vsock]");
        dump.net_off = data.len();
        return;
    };
    // The -x dump starts after the 32-byte monitor header.
    dump.net_off = 32;
    match tr {
        0 => fmt::s(out, "UNKNOWN"),
        1 => fmt::s(out, "NO_INFO"),
        2 => fmt::s(out, "VIRTIO"),
        t => {
            fmt::s(out, "Invalid transport (");
            fmt::u(out, u64::from(t));
            out.push(b')');
        }
    }
    // With -v the transport header (when there is one, and all of it
    // was captured) and a new line come before the addresses; a virtio
    // header cut short is only reported at the end.
    let mut short = false;
    if verbose > 0 {
        if tr != 2 {
            fmt::s(out, "\n\t");
        } else if !virtio(b, out) {
            short = true;
        }
    } else {
        out.push(b' ');
    }
    fmt::u(out, scid);
    out.push(b'.');
    fmt::u(out, u64::from(sport));
    fmt::s(out, " > ");
    fmt::u(out, dcid);
    out.push(b'.');
    fmt::u(out, u64::from(dport));
    out.push(b' ');
    match op {
        0 => fmt::s(out, "UNKNOWN"),
        1 => fmt::s(out, "CONNECT"),
        2 => fmt::s(out, "DISCONNECT"),
        3 => fmt::s(out, "CONTROL"),
        4 => fmt::s(out, "PAYLOAD"),
        o => {
            fmt::s(out, " invalid op (");
            fmt::u(out, u64::from(o));
            out.push(b')');
        }
    }
    // tcpdump gives the captured length here.
    fmt::s(out, ", length ");
    fmt::u(out, data.len() as u64);
    if short {
        fmt::s(out, " [|vsock]");
        return;
    }
    // -vv dumps the payload of a payload packet: after the virtio header,
    // or for other transports everything after the monitor header, its
    // lines then run together on one line.
    if verbose > 1 && op == 4 {
        let from = if tr == 2 { 32 + 44 } else { 32 };
        if tr == 2 && data.len() <= from {
            // An empty virtio payload reads as one cut short.
            fmt::s(out, " [|vsock]");
            return;
        }
        if let Some(payload) = data.get(from..).filter(|p| !p.is_empty()) {
            let start = out.len();
            super::hex_dump(out, payload, false);
            if tr != 2 {
                let mut w = start + 1;
                for i in start + 1..out.len() {
                    if out[i] != b'\n' {
                        out[w] = out[i];
                        w += 1;
                    }
                }
                out.truncate(w);
            }
        }
    }
}

/// The virtio transport header after the 32-byte monitor header, as
/// `-v` shows it: ` (len N, type T, op O, flags F, buf_alloc B, fwd_cnt C)`
/// and the start of the next line; false when it was not all captured.
fn virtio(b: Bytes<'_>, out: &mut Vec<u8>) -> bool {
    const H: usize = 32;
    let le32 = |off: usize| b.u32(H + off).map(u32::swap_bytes);
    let le16 = |off: usize| b.u16(H + off).map(u16::swap_bytes);
    let (Some(len), Some(typ), Some(op), Some(flags), Some(buf), Some(fwd)) =
        (le32(24), le16(28), le16(30), le32(32), le32(36), le32(40))
    else {
        return false;
    };
    fmt::s(out, " (len ");
    fmt::u(out, u64::from(len));
    fmt::s(out, ", type ");
    if typ == 1 {
        fmt::s(out, "STREAM");
    } else {
        fmt::s(out, "Invalid type (");
        fmt::u(out, u64::from(typ));
        out.push(b')');
    }
    fmt::s(out, ", op ");
    let name = match op {
        0 => "INVALID",
        1 => "REQUEST",
        2 => "RESPONSE",
        3 => "RST",
        4 => "SHUTDOWN",
        5 => "RW",
        6 => "CREDIT UPDATE",
        7 => "CREDIT REQUEST",
        _ => "",
    };
    if name.is_empty() {
        fmt::s(out, "Invalid op (");
        fmt::u(out, u64::from(op));
        out.push(b')');
    } else {
        fmt::s(out, name);
    }
    fmt::s(out, ", flags ");
    fmt::x(out, u64::from(flags));
    fmt::s(out, ", buf_alloc ");
    fmt::u(out, u64::from(buf));
    fmt::s(out, ", fwd_cnt ");
    fmt::u(out, u64::from(fwd));
    fmt::s(out, ")\n\t");
    true
}
