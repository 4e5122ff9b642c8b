//! DCCP, the Datagram Congestion Control Protocol (RFC 4340, IP protocol
//! 33).
//!
//! Without `-v` tcpdump prints the ports as TCP does, then `DCCP` and the
//! packet type with its type-specific fields, each followed by a space:
//! `DCCP DCCP-Request (service=0) `, `DCCP DCCP-Response (service=0)
//! (ack=N) `, `DCCP DCCP-Reset (code=closed) (ack=N) `. Acknowledgement
//! numbers are 48 bits with the extended-sequence flag, 24 bits without.
//! With `-v` the header's CCVal and CsCov and the checksum come first:
//! `DCCP (CCVal 0, CsCov 0, cksum 0xaaf3 (correct)) DCCP-Request ...`.
//! With `-q` only the data length follows `DCCP`. Not dissected: sequence
//! numbers and options (`-vv`).

use super::ip::{Addrs, checksum};
use super::{Bytes, fmt};

const TYPES: [&str; 10] = [
    "DCCP-Request",
    "DCCP-Response",
    "DCCP-Data",
    "DCCP-Ack",
    "DCCP-DataAck",
    "DCCP-CloseReq",
    "DCCP-Close",
    "DCCP-Reset",
    "DCCP-Sync",
    "DCCP-SyncAck",
];

const RESET_CODES: [&str; 12] = [
    "unspecified",
    "closed",
    "aborted",
    "no_connection",
    "packet_error",
    "option_error",
    "mandatory_error",
    "connection_refused",
    "bad_service_code",
    "too_busy",
    "bad_init_cookie",
    "aggression_penalty",
];

fn type_name(out: &mut Vec<u8>, typ: usize) {
    match TYPES.get(typ) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "unknown-type-");
            fmt::u(out, typ as u64);
        }
    }
}

pub(crate) fn print(
    addrs: Addrs<'_>,
    data: &[u8],
    len: usize,
    verbose: bool,
    quiet: bool,
    out: &mut Vec<u8>,
) {
    let b = Bytes(data);
    // Without the 12 bytes of the short generic header tcpdump prints
    // nothing of the packet, not even the addresses.
    if data.len() < 12 {
        fmt::s(out, " [|dccp]");
        return;
    }
    let (sport, dport) = (b.u16(0).unwrap_or(0), b.u16(2).unwrap_or(0));
    addrs.ports(out, sport, dport);
    fmt::s(out, "DCCP ");
    let doff = data[4] as usize * 4;
    if quiet {
        // -q: the length of the data after the header (in tcpdump's
        // unsigned arithmetic), and a header longer than the packet.
        fmt::u(out, (len as u32).wrapping_sub(doff as u32) as u64);
        if doff > len {
            fmt::s(out, " [bad hdr length ");
            fmt::u(out, doff as u64);
            fmt::s(out, " - too long, > ");
            fmt::u(out, len as u64);
            out.push(b']');
        }
        return;
    }
    if verbose {
        let (Some(doff), Some(cc)) = (b.u8(4), b.u8(5)) else {
            fmt::s(out, "[|dccp]");
            return;
        };
        fmt::s(out, "(CCVal ");
        fmt::u(out, (cc >> 4) as u64);
        fmt::s(out, ", CsCov ");
        fmt::u(out, (cc & 15) as u64);
        // The checksum covers the whole packet, or the header and the
        // first CsCov-1 words of data; it is checked when captured.
        let cov = if cc & 15 == 0 {
            len
        } else {
            ((doff as usize + (cc & 15) as usize - 1) * 4).min(len)
        };
        if let Some(seg) = data.get(..cov)
            && seg.len() >= 8
        {
            let stored = b.u16(6).unwrap_or(0);
            fmt::s(out, ", cksum 0x");
            fmt::x_pad(out, stored as u64, 4);
            let l = (len as u32).to_be_bytes();
            let ph: [&[u8]; 4] = if addrs.src.len() == 16 {
                [addrs.src, addrs.dst, &l, &[0, 0, 0, 33]]
            } else {
                [addrs.src, addrs.dst, &[0, 33], &l[2..]]
            };
            let sum = checksum(&[ph[0], ph[1], ph[2], ph[3], seg]);
            if sum == 0 {
                fmt::s(out, " (correct)");
            } else {
                let want = checksum(&[ph[0], ph[1], ph[2], ph[3], &seg[..6], &[0, 0], &seg[8..]]);
                fmt::s(out, " (incorrect -> 0x");
                fmt::x_pad(out, want as u64, 4);
                out.push(b')');
            }
        }
        fmt::s(out, ") ");
    }
    let Some(tb) = b.u8(8) else {
        fmt::s(out, "[|dccp]");
        return;
    };
    let typ = ((tb >> 1) & 0x0f) as usize;
    let ext = tb & 1 != 0;
    // The generic header is 16 bytes with 48-bit sequence numbers, 12
    // without; the acknowledgement subheader follows it.
    let base = if ext { 16 } else { 12 };
    let has_ack = !matches!(typ, 0 | 2);
    // tcpdump's fixed part of each type counts an 8-byte acknowledgement
    // subheader even with short sequence numbers.
    let fixed = base + if has_ack { 8 } else { 0 } + if matches!(typ, 0 | 1 | 7) { 4 } else { 0 };
    if len < fixed {
        fmt::s(out, "truncated-");
        type_name(out, typ);
        fmt::s(out, " - ");
        fmt::u(out, (fixed - len) as u64);
        fmt::s(out, " bytes missing!");
        return;
    }
    type_name(out, typ);
    out.push(b' ');
    let ack_len = if has_ack { if ext { 8 } else { 4 } } else { 0 };
    let after = base + ack_len;
    match typ {
        0 => {
            let Some(svc) = b.u32(base) else {
                fmt::s(out, "[|dccp]");
                return;
            };
            fmt::s(out, "(service=");
            fmt::u(out, svc as u64);
            fmt::s(out, ") ");
        }
        1 => {
            let Some(svc) = b.u32(after) else {
                fmt::s(out, "[|dccp]");
                return;
            };
            fmt::s(out, "(service=");
            fmt::u(out, svc as u64);
            fmt::s(out, ") ");
        }
        7 => {
            let Some(code) = b.u8(after) else {
                fmt::s(out, "[|dccp]");
                return;
            };
            fmt::s(out, "(code=");
            fmt::s(out, RESET_CODES.get(code as usize).copied().unwrap_or("invalid"));
            fmt::s(out, ") ");
        }
        _ => {}
    }
    if has_ack {
        let ack = if ext {
            match (b.u16(base + 2), b.u32(base + 4)) {
                (Some(h), Some(l)) => Some(((h as u64) << 32) | l as u64),
                _ => None,
            }
        } else {
            b.u32(base).map(|v| (v & 0x00ff_ffff) as u64)
        };
        let Some(ack) = ack else {
            fmt::s(out, "[|dccp]");
            return;
        };
        fmt::s(out, "(ack=");
        fmt::u(out, ack);
        fmt::s(out, ") ");
    }
}
