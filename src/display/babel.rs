//! Babel, the loop-avoiding distance-vector routing protocol (RFC 8966, and
//! RFC 6126 before it), on UDP ports 6696 and 6697.
//!
//! At default verbosity tcpdump prints `babel 2 (BODY-LENGTH)` and the name
//! of every TLV of the packet body, updates with `/prefix` and `/id` when
//! they set the default-prefix and router-id flags. TLVs after the body
//! (the packet trailer, where RFC 8967 puts MACs) follow a ` |`. A TLV that
//! runs past the body (or a body longer than the datagram) ends the list
//! with ` (invalid)`. The TLV contents
//! (shown with `-v`) are not dissected.

use super::{Bytes, fmt};

/// tcpdump's name for a TLV type.
fn tlv_name(t: u8) -> &'static str {
    match t {
        0 => "pad1",
        1 => "padn",
        2 => "ack-req",
        3 => "ack",
        4 => "hello",
        5 => "ihu",
        6 => "router-id",
        7 => "nh",
        8 => "update",
        9 => "route-request",
        10 => "seqno-request",
        11 => "tspc",
        12 => "hmac",
        16 => "mac",
        17 => "pc",
        18 => "challenge-request",
        19 => "challenge-reply",
        _ => "unknown",
    }
}

/// Prints a Babel packet; `len` is the UDP payload length.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "babel");
    let (Some(magic), Some(version)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|babel]");
        return;
    };
    if magic != 42 {
        fmt::s(out, " invalid header");
        return;
    }
    out.push(b' ');
    fmt::u(out, version as u64);
    if version != 2 {
        fmt::s(out, " unknown version");
        return;
    }
    let Some(body_len) = b.u16(2) else {
        fmt::s(out, " [|babel]");
        return;
    };
    let body_len = body_len as usize;
    fmt::s(out, " (");
    fmt::u(out, body_len as u64);
    out.push(b')');
    let body_end = 4 + body_len;
    if body_end > len {
        fmt::s(out, " (invalid)");
        return;
    }
    match tlvs(b, 4, body_end, out) {
        Some(true) => {}
        Some(false) => {
            fmt::s(out, " (invalid)");
            return;
        }
        None => {
            fmt::s(out, " [|babel]");
            return;
        }
    }
    // The trailer: whatever the UDP payload holds after the body.
    let end = len.min(data.len());
    if end > body_end {
        fmt::s(out, " |");
        match tlvs(b, body_end, end, out) {
            Some(true) => {}
            Some(false) => fmt::s(out, " (invalid)"),
            None => fmt::s(out, " [|babel]"),
        }
    }
}

/// The names of the TLVs in `[start, end)`: `Some(false)` if one runs past
/// `end`, `None` if the capture ends first.
fn tlvs(b: Bytes<'_>, start: usize, end: usize, out: &mut Vec<u8>) -> Option<bool> {
    let mut i = start;
    while i < end {
        let t = b.u8(i)?;
        if t == 0 {
            fmt::s(out, " pad1");
            i += 1;
            continue;
        }
        let tlen = b.u8(i + 1)? as usize;
        if i + 2 + tlen > end {
            return Some(false);
        }
        out.push(b' ');
        fmt::s(out, tlv_name(t));
        if t == 8 {
            let flags = b.u8(i + 3)?;
            if flags & 0x80 != 0 {
                fmt::s(out, "/prefix");
            }
            if flags & 0x40 != 0 {
                fmt::s(out, "/id");
            }
        }
        i += 2 + tlen;
    }
    Some(true)
}
