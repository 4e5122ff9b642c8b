//! L2TPv2 control messages (RFC 2661, UDP port 1701). Without `-v`
//! tcpdump prints ` l2tp:[TLS](TUNNEL/SESSION)Ns=1,Nr=2` (the flag letters,
//! tunnel and session IDs, the sequence numbers when present) then each
//! AVP, space-separated: `*` for a mandatory one, `?` for a hidden one,
//! its name and its value in parentheses (`*MSGTYPE(SCCRQ)`,
//! `HOST_NAME(router1)`), `VENDORvvvv:ATTRaaaa(hex)` for vendor-specific
//! ones and `AVP-#N()` for attribute numbers it has no name for. A control
//! message without AVPs is ` ZLB`; one cut short by the capture ends in
//! ` [|l2tp]`; a version other than L2F (1) or L2TP (2) is named as such.
//!
//! Data messages show their header and the PPP frame they carry in braces
//! (`l2tp:[](5/6) {LCP, Conf-Request (0x01), id 1, length 6}`, the frame
//! printed by src/display/ppp.rs). L2F (version 1) is only named:
//! ` l2f:`, as tcpdump prints it.

use super::{Bytes, Printer, fmt};

/// The AVP names of RFC 2661, in tcpdump's spelling.
const AVP_NAMES: [&str; 40] = [
    "MSGTYPE",
    "RESULT_CODE",
    "PROTO_VER",
    "FRAMING_CAP",
    "BEARER_CAP",
    "TIE_BREAKER",
    "FIRM_VER",
    "HOST_NAME",
    "VENDOR_NAME",
    "ASSND_TUN_ID",
    "RECV_WIN_SIZE",
    "CHALLENGE",
    "Q931_CC",
    "CHALLENGE_RESP",
    "ASSND_SESS_ID",
    "CALL_SER_NUM",
    "MINIMUM_BPS",
    "MAXIMUM_BPS",
    "BEARER_TYPE",
    "FRAMING_TYPE",
    "PACKET_PROC_DELAY",
    "CALLED_NUMBER",
    "CALLING_NUMBER",
    "SUB_ADDRESS",
    "TX_CONN_SPEED",
    "PHY_CHANNEL_ID",
    "INI_RECV_LCP",
    "LAST_SENT_LCP",
    "LAST_RECV_LCP",
    "PROXY_AUTH_TYPE",
    "PROXY_AUTH_NAME",
    "PROXY_AUTH_CHAL",
    "PROXY_AUTH_ID",
    "PROXY_AUTH_RESP",
    "CALL_ERRORS",
    "ACCM",
    "RANDOM_VECTOR",
    "PRIVATE_GRP_ID",
    "RX_CONN_SPEED",
    "SEQ_REQUIRED",
];

/// The control message types (the MSGTYPE AVP).
fn msg_type(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "SCCRQ",
        2 => "SCCRP",
        3 => "SCCCN",
        4 => "StopCCN",
        6 => "HELLO",
        7 => "OCRQ",
        8 => "OCRP",
        9 => "OCCN",
        10 => "ICRQ",
        11 => "ICRP",
        12 => "ICCN",
        14 => "CDN",
        15 => "WEN",
        16 => "SLI",
        _ => return None,
    })
}

/// Text the way tcpdump shows untrusted strings: control characters as
/// `^X`, bytes with the top bit set as `M-` and the low seven bits.
fn text(out: &mut Vec<u8>, s: &[u8]) {
    for &c in s {
        let mut c = c;
        if c & 0x80 != 0 {
            fmt::s(out, "M-");
            c &= 0x7f;
        }
        if c < 0x20 || c == 0x7f {
            out.push(b'^');
            out.push(c ^ 0x40);
        } else {
            out.push(c);
        }
    }
}

const TOO_SHORT: &str = "AVP too short";

/// The two-letter capability sets: `hi` for bit 1, `lo` for bit 0.
fn caps(out: &mut Vec<u8>, v: &[u8], hi: u8, lo: u8) {
    match Bytes(v).u32(0) {
        Some(x) => {
            if x & 2 != 0 {
                out.push(hi);
            }
            if x & 1 != 0 {
                out.push(lo);
            }
        }
        None => fmt::s(out, TOO_SHORT),
    }
}

/// The value of a known vendor-0 AVP, inside the parentheses.
fn value(out: &mut Vec<u8>, attr: u16, v: &[u8]) {
    let b = Bytes(v);
    let u16v = |out: &mut Vec<u8>| match b.u16(0) {
        Some(x) => fmt::u(out, x as u64),
        None => fmt::s(out, TOO_SHORT),
    };
    let u32v = |out: &mut Vec<u8>| match b.u32(0) {
        Some(x) => fmt::u(out, x as u64),
        None => fmt::s(out, TOO_SHORT),
    };
    match attr {
        0 => match b.u16(0) {
            Some(t) => match msg_type(t) {
                Some(name) => fmt::s(out, name),
                None => {
                    fmt::s(out, "MSGTYPE-#");
                    fmt::u(out, t as u64);
                }
            },
            None => fmt::s(out, TOO_SHORT),
        },
        1 => {
            let Some(result) = b.u16(0) else {
                fmt::s(out, TOO_SHORT);
                return;
            };
            fmt::u(out, result as u64);
            if let Some(err) = b.u16(2) {
                out.push(b'/');
                fmt::u(out, err as u64);
                if v.len() > 4 {
                    out.push(b' ');
                    text(out, &v[4..]);
                }
            }
        }
        2 => match (b.u8(0), b.u8(1)) {
            (Some(ver), Some(rev)) => {
                fmt::u(out, ver as u64);
                out.push(b'.');
                fmt::u(out, rev as u64);
            }
            _ => fmt::s(out, TOO_SHORT),
        },
        3 | 19 => caps(out, v, b'A', b'S'),
        4 | 18 => caps(out, v, b'A', b'D'),
        5 => match b.slice(0, 8) {
            Some(t) => fmt::hex_bytes(out, t),
            None => fmt::s(out, TOO_SHORT),
        },
        6 | 9 | 10 | 14 => u16v(out),
        7 | 8 | 21 | 22 | 23 | 30 | 37 => text(out, v),
        11 | 26 | 27 | 28 | 31 | 33 | 36 => fmt::hex_bytes(out, v),
        12 => match (b.u16(0), b.u8(2)) {
            (Some(cause), Some(msg)) => {
                fmt::u(out, cause as u64);
                fmt::s(out, ", ");
                fmt::x_pad(out, msg as u64, 2);
                if v.len() > 3 {
                    out.push(b' ');
                    text(out, &v[3..]);
                }
            }
            _ => fmt::s(out, TOO_SHORT),
        },
        13 => match b.slice(0, 16) {
            Some(r) => fmt::hex_bytes(out, r),
            None => fmt::s(out, TOO_SHORT),
        },
        15 | 16 | 17 | 24 | 25 | 38 => u32v(out),
        20 => fmt::s(out, "obsolete"),
        29 => match b.u16(0) {
            Some(t) => fmt::s(
                out,
                match t {
                    0 => "Reserved",
                    1 => "Textual",
                    2 => "CHAP",
                    3 => "PAP",
                    4 => "No Auth",
                    5 => "MSCHAPv1",
                    _ => {
                        fmt::s(out, "AuthType-#");
                        fmt::u(out, t as u64);
                        return;
                    }
                },
            ),
            None => fmt::s(out, TOO_SHORT),
        },
        32 => match b.u8(1) {
            Some(id) => fmt::u(out, id as u64),
            None => fmt::s(out, TOO_SHORT),
        },
        34 => {
            // A reserved word, then six counters, each shown as far as it
            // was sent.
            const NAMES: [&str; 6] =
                ["CRCErr=", "FrameErr=", "HardOver=", "BufOver=", "Timeout=", "AlignErr="];
            for (i, name) in NAMES.iter().enumerate() {
                let Some(x) = b.u32(2 + 4 * i) else {
                    fmt::s(out, TOO_SHORT);
                    return;
                };
                fmt::s(out, name);
                fmt::u(out, x as u64);
                out.push(b' ');
            }
        }
        35 => {
            for (i, name) in ["send=", "recv="].iter().enumerate() {
                let Some(x) = b.u32(2 + 4 * i) else {
                    fmt::s(out, TOO_SHORT);
                    return;
                };
                fmt::s(out, name);
                fmt::x_pad(out, x as u64, 8);
                out.push(b' ');
            }
        }
        _ => {}
    }
}

/// ` [|l2tp]`. When the capture (`cut`) rather than a length field ends
/// the message, tcpdump gives up by unwinding, so `-x` dumps the whole
/// packet.
fn trunc(p: &mut Printer, out: &mut Vec<u8>, cut: bool) {
    p.dump_whole |= cut;
    fmt::s(out, " [|l2tp]");
}

/// Prints an L2TP control or data message, or names L2F; always `true`
/// once the version is known.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let cut = data.len() < len;
    let Some(flags) = b.u16(0) else {
        trunc(p, out, cut);
        return true;
    };
    match flags & 0x000f {
        2 => {}
        // L2F (RFC 2341) is only named, as tcpdump names it.
        1 => {
            fmt::s(out, " l2f:");
            return true;
        }
        _ => {
            fmt::s(out, " Unknown Version, neither L2F(1) nor L2TP(2)");
            return true;
        }
    }
    let control = flags & 0x8000 != 0;
    fmt::s(out, " l2tp:[");
    for (bit, c) in [(0x8000, b'T'), (0x4000, b'L'), (0x0800, b'S'), (0x0200, b'O'), (0x0100, b'P')]
    {
        if flags & bit != 0 {
            out.push(c);
        }
    }
    out.push(b']');
    let mut off = 2;
    if flags & 0x4000 != 0 {
        off += 2;
    }
    let Some(tid) = b.u16(off) else {
        trunc(p, out, cut);
        return true;
    };
    out.push(b'(');
    fmt::u(out, tid as u64);
    out.push(b'/');
    let Some(sid) = b.u16(off + 2) else {
        trunc(p, out, cut);
        return true;
    };
    fmt::u(out, sid as u64);
    out.push(b')');
    off += 4;
    if flags & 0x0800 != 0 {
        let Some(ns) = b.u16(off) else {
            trunc(p, out, cut);
            return true;
        };
        fmt::s(out, "Ns=");
        fmt::u(out, ns as u64);
        out.push(b',');
        let Some(nr) = b.u16(off + 2) else {
            trunc(p, out, cut);
            return true;
        };
        fmt::s(out, "Nr=");
        fmt::u(out, nr as u64);
        off += 4;
    }
    if flags & 0x0200 != 0 {
        let Some(pad) = b.u16(off) else {
            trunc(p, out, cut);
            return true;
        };
        off += 2 + pad as usize;
        if off > data.len() {
            trunc(p, out, cut);
            return true;
        }
    }
    // The length field, when present, bounds the message.
    let mut len = len;
    if flags & 0x4000 != 0 {
        let l = b.u16(2).unwrap_or(0) as usize;
        if l > len {
            fmt::s(out, " Length ");
            fmt::u(out, l as u64);
            fmt::s(out, " larger than packet");
            return true;
        }
        if l < off {
            fmt::s(out, " Length ");
            fmt::u(out, l as u64);
            fmt::s(out, " smaller than header length");
            return true;
        }
        len = l;
    }
    // A data message carries a PPP frame.
    if !control {
        let end = len.min(data.len());
        if off >= end {
            trunc(p, out, cut);
            return true;
        }
        fmt::s(out, " {");
        super::ppp::in_gre(p, &data[off..end], len - off, out);
        out.push(b'}');
        return true;
    }
    if flags & 0x4000 == 0 {
        fmt::s(out, " No length");
        return true;
    }
    if off >= len {
        fmt::s(out, " ZLB");
        return true;
    }
    // Every AVP is at least six bytes long, so the loop ends.
    while off < len {
        out.push(b' ');
        let (Some(hdr), Some(vendor), Some(attr)) = (b.u16(off), b.u16(off + 2), b.u16(off + 4))
        else {
            trunc(p, out, cut);
            return true;
        };
        let alen = (hdr & 0x03ff) as usize;
        // tcpdump gives up on an impossible AVP length as if truncated.
        if alen < 6 {
            trunc(p, out, false);
            return true;
        }
        // tcpdump wants the whole AVP captured, and inside the message,
        // before naming it.
        if off + alen > data.len() || off + alen > len {
            trunc(p, out, cut && off + alen > data.len());
            return true;
        }
        if hdr & 0x8000 != 0 {
            out.push(b'*');
        }
        if hdr & 0x4000 != 0 {
            out.push(b'?');
        }
        let value_bytes = data.get(off + 6..(off + alen).min(data.len())).unwrap_or(&[]);
        if vendor != 0 {
            fmt::s(out, "VENDOR");
            fmt::x_pad(out, vendor as u64, 4);
            fmt::s(out, ":ATTR");
            fmt::x_pad(out, attr as u64, 4);
            out.push(b'(');
            fmt::hex_bytes(out, value_bytes);
            out.push(b')');
        } else {
            match AVP_NAMES.get(attr as usize) {
                Some(name) => {
                    fmt::s(out, name);
                    out.push(b'(');
                    if hdr & 0x4000 != 0 {
                        fmt::s(out, "???");
                    } else {
                        value(out, attr, value_bytes);
                    }
                    out.push(b')');
                }
                None => {
                    fmt::s(out, "AVP-#");
                    fmt::u(out, attr as u64);
                    fmt::s(out, "()");
                }
            }
        }
        if off + alen > data.len() {
            trunc(p, out, cut);
            return true;
        }
        off += alen;
    }
    true
}
