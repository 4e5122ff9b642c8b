//! L2TPv2 control messages (RFC 2661, UDP port 1701). Without `-v`
//! tcpdump prints ` l2tp:[TL](TUNNEL/SESSION)` (the flag letters, tunnel
//! and session IDs) then each AVP, space-separated: its name and value in
//! parentheses, `VENDORvvvv:ATTRaaaa(hex)` for vendor-specific ones, and
//! `AVP-#N()` for attribute numbers it has no name for. A message cut short
//! by the capture ends in ` [|l2tp]`.
//!
//! Only the ACCM value is decoded (the one form the corpus shows); the
//! other named AVPs show their value in hex. Data messages (PPP frames)
//! are not dissected and keep the plain UDP line.

use super::{Bytes, fmt};

/// The AVP names of RFC 2661, in tcpdump's spelling.
fn avp_name(t: u16) -> Option<&'static str> {
    const NAMES: [&str; 41] = [
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
        "PPP_DISCON_CC",
    ];
    NAMES.get(t as usize).copied()
}

/// Prints an L2TP control message; `false` (nothing written) for data
/// messages and versions other than 2.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let Some(flags) = b.u16(0) else {
        return false;
    };
    if flags & 0x000f != 2 || flags & 0x8000 == 0 {
        return false;
    }
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
    let (Some(tid), Some(sid)) = (b.u16(off), b.u16(off + 2)) else {
        fmt::s(out, " [|l2tp]");
        return true;
    };
    out.push(b'(');
    fmt::u(out, tid as u64);
    out.push(b'/');
    fmt::u(out, sid as u64);
    out.push(b')');
    off += 4;
    if flags & 0x0800 != 0 {
        let (Some(ns), Some(nr)) = (b.u16(off), b.u16(off + 2)) else {
            fmt::s(out, " [|l2tp]");
            return true;
        };
        fmt::s(out, "Ns=");
        fmt::u(out, ns as u64);
        fmt::s(out, ",Nr=");
        fmt::u(out, nr as u64);
        off += 4;
    }
    if flags & 0x0200 != 0 {
        let Some(pad) = b.u16(off) else {
            fmt::s(out, " [|l2tp]");
            return true;
        };
        off += 2 + pad as usize;
    }
    // Every AVP is at least six bytes long, so the loop ends.
    while off < len {
        out.push(b' ');
        let (Some(hdr), Some(vendor), Some(attr)) = (b.u16(off), b.u16(off + 2), b.u16(off + 4))
        else {
            fmt::s(out, " [|l2tp]");
            return true;
        };
        let alen = (hdr & 0x03ff) as usize;
        if alen < 6 {
            fmt::s(out, "AVP-#");
            fmt::u(out, attr as u64);
            fmt::s(out, "(invalid length)");
            return true;
        }
        if hdr & 0x8000 != 0 {
            out.push(b'*');
        }
        let value = data.get(off + 6..(off + alen).min(data.len())).unwrap_or(&[]);
        if vendor != 0 {
            fmt::s(out, "VENDOR");
            fmt::x_pad(out, vendor as u64, 4);
            fmt::s(out, ":ATTR");
            fmt::x_pad(out, attr as u64, 4);
            out.push(b'(');
            fmt::hex_bytes(out, value);
            out.push(b')');
        } else {
            match avp_name(attr) {
                Some(name) => {
                    fmt::s(out, name);
                    out.push(b'(');
                    if hdr & 0x4000 != 0 {
                        fmt::s(out, "hidden");
                    } else if attr == 35 {
                        let v = Bytes(value);
                        match (v.u32(2), v.u32(6)) {
                            (Some(send), Some(recv)) if alen >= 16 => {
                                fmt::s(out, "send=");
                                fmt::x_pad(out, send as u64, 8);
                                fmt::s(out, " recv=");
                                fmt::x_pad(out, recv as u64, 8);
                            }
                            _ => fmt::s(out, "AVP too short"),
                        }
                    } else {
                        fmt::hex_bytes(out, value);
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
            fmt::s(out, " [|l2tp]");
            return true;
        }
        off += alen;
    }
    true
}
