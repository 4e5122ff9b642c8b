//! Babel, the loop-avoiding distance-vector routing protocol (RFC 8966, and
//! RFC 6126 before it), on UDP ports 6696 and 6697.
//!
//! At default verbosity tcpdump prints `babel 2 (BODY-LENGTH)` and the name
//! of every TLV of the packet body, updates with `/prefix` and `/id` when
//! they set the default-prefix and router-id flags. TLVs after the body
//! (the packet trailer, where RFC 8967 puts MACs) follow a ` |`. A TLV is
//! named once it is wholly captured (else ` [|babel]`); one that runs past
//! the body, an update shorter than its fixed fields, or a body longer
//! than the datagram ends the list with ` (invalid)`. A wrong magic byte
//! prints `babel invalid header`, another version `babel N unknown
//! version`. The TLV contents (shown with `-v`) are not dissected.

use super::{Bytes, fmt};

/// tcpdump's name for a TLV type.
fn tlv_name(t: u8) -> &'static str {
    match t {
        0 => "pad1",
        1 => "padN",
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
        13 => "ss-update",
        14 => "ss-request",
        15 => "ss-mh-request",
        16 => "mac",
        17 => "pc",
        18 => "challenge_request",
        19 => "challenge_reply",
        _ => "unknown",
    }
}

/// An update's fixed part: address encoding, flags, prefix length,
/// omitted, interval, sequence number and metric.
const UPDATE_MIN: usize = 10;

/// Prints a Babel packet; `len` is the UDP payload length.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "babel");
    // tcpdump wants the whole four-byte header before printing any of it.
    let (Some(magic), Some(version), Some(body_len)) = (b.u8(0), b.u8(1), b.u16(2)) else {
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
        Tlvs::Done => {}
        Tlvs::Invalid => {
            fmt::s(out, " (invalid)");
            return;
        }
        Tlvs::Truncated => {
            fmt::s(out, " [|babel]");
            return;
        }
    }
    // The trailer: whatever the UDP payload holds after the body.
    if len > body_end {
        fmt::s(out, " |");
        match tlvs(b, body_end, len, out) {
            Tlvs::Done => {}
            Tlvs::Invalid => fmt::s(out, " (invalid)"),
            Tlvs::Truncated => fmt::s(out, " [|babel]"),
        }
    }
}

/// How a run of TLVs ended.
enum Tlvs {
    Done,
    /// A TLV runs past the end of its body or trailer.
    Invalid,
    /// The capture ends first.
    Truncated,
}

/// The names of the TLVs in `[start, end)`; a TLV is named only once it
/// is all captured, as tcpdump does.
fn tlvs(b: Bytes<'_>, start: usize, end: usize, out: &mut Vec<u8>) -> Tlvs {
    let mut i = start;
    while i < end {
        let Some(t) = b.u8(i) else {
            return Tlvs::Truncated;
        };
        if t == 0 {
            fmt::s(out, " pad1");
            i += 1;
            continue;
        }
        let Some(tlen) = b.u8(i + 1) else {
            return Tlvs::Truncated;
        };
        let tlen = tlen as usize;
        if i + 2 + tlen > end {
            return Tlvs::Invalid;
        }
        let Some(tlv) = b.slice(i, 2 + tlen) else {
            return Tlvs::Truncated;
        };
        out.push(b' ');
        fmt::s(out, tlv_name(t));
        if t == 8 {
            // tcpdump reads an update's fixed fields even at default
            // verbosity, so a short one is invalid.
            if tlen < UPDATE_MIN {
                return Tlvs::Invalid;
            }
            let flags = tlv.get(3).copied().unwrap_or(0);
            if flags & 0x80 != 0 {
                fmt::s(out, "/prefix");
            }
            if flags & 0x40 != 0 {
                fmt::s(out, "/id");
            }
        }
        i += 2 + tlen;
    }
    Tlvs::Done
}
