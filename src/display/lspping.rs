//! LSP ping, MPLS echo request and reply (RFC 8029, formerly RFC 4379), on
//! UDP port 3503.
//!
//! The fixed 32-byte header carries the version, global flags, message
//! type, reply mode, return code and subcode, the sender's handle, a
//! sequence number and two NTP timestamps. At default verbosity tcpdump
//! prints `LSP-PINGv1, MPLS Echo Request, seq 1, length: 48` (the length
//! being the UDP payload's), and ` [|lspping]` when the header is cut
//! short.
//!
//! With `-v` it prints every header field on its own line, then the TLVs:
//! the target FEC stack with its LDP prefix and RSVP session sub-TLVs
//! decoded; other TLVs and sub-TLVs are named and dumped as hex.

use super::l2ctl::hex_lines;
use super::{Bytes, Printer, fmt};

/// The fixed part of an echo request or reply.
const HEADER_LEN: usize = 32;

/// Seconds from the NTP epoch (1900) to the Unix epoch (1970).
const NTP_TO_UNIX: i64 = 2_208_988_800;

fn msg_type_name(t: u8) -> &'static str {
    match t {
        1 => "MPLS Echo Request",
        2 => "MPLS Echo Reply",
        _ => "unknown",
    }
}

fn reply_mode_name(m: u8) -> &'static str {
    match m {
        1 => "Do not reply",
        2 => "Reply via an IPv4/IPv6 UDP packet",
        3 => "Reply via an IPv4/IPv6 UDP packet with Router Alert",
        4 => "Reply via application level control channel",
        _ => "unknown",
    }
}

fn return_code_name(c: u8) -> Option<&'static str> {
    Some(match c {
        0 => "No return code or return code contained in the Error Code TLV",
        1 => "Malformed echo request received",
        2 => "One or more of the TLVs was not understood",
        3 => "Replying router is an egress for the FEC at stack depth",
        4 => "Replying router has no mapping for the FEC at stack depth",
        5 => "Downstream Mapping Mismatch",
        6 | 7 => "Reserved",
        8 => "Label switched at stack-depth",
        9 => "Label switched but no MPLS forwarding at stack-depth",
        10 => "Mapping for this FEC is not the given label at stack depth",
        11 => "No label entry at stack-depth",
        12 => "Protocol not associated with interface at FEC stack depth",
        13 => "Premature termination of ping due to label stack shrinking to a single label",
        _ => return None,
    })
}

fn tlv_name(t: u16) -> &'static str {
    match t {
        1 => "Target FEC Stack",
        2 => "Downstream Mapping",
        3 => "Pad",
        4 => "Error Code",
        5 => "Vendor Enterprise Code",
        7 => "Interface Label Stack",
        9 => "Errored TLVs",
        10 => "Reply TOS Byte",
        20 => "Downstream Detailed Mapping",
        _ => "Unknown",
    }
}

fn subtlv_name(t: u16) -> &'static str {
    match t {
        1 => "LDP IPv4 prefix",
        2 => "LDP IPv6 prefix",
        3 => "RSVP IPv4 Session Query",
        4 => "RSVP IPv6 Session Query",
        6 => "VPN IPv4 prefix",
        7 => "VPN IPv6 prefix",
        8 => "L2 VPN endpoint",
        9 => "FEC 128 pseudowire (old)",
        10 => "FEC 128 pseudowire",
        11 => "BGP labeled IPv4 prefix",
        12 => "BGP labeled IPv6 prefix",
        13 => "Generic IPv4 prefix",
        14 => "Generic IPv6 prefix",
        15 => "Nil FEC",
        _ => "Unknown",
    }
}

/// Prints the LSP ping part of a UDP line; `data` is the captured payload
/// and `len` its length on the wire.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(version), Some(msg_type), Some(seq)) = (b.u16(0), b.u8(4), b.u32(12)) else {
        fmt::s(out, " [|lspping]");
        return;
    };
    if data.len() < HEADER_LEN {
        fmt::s(out, " [|lspping]");
        return;
    }
    if version != 1 {
        fmt::s(out, "LSP-PING version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    if p.opts.verbose == 0 {
        fmt::s(out, "LSP-PINGv");
        fmt::u(out, version as u64);
        fmt::s(out, ", ");
        fmt::s(out, msg_type_name(msg_type));
        if !matches!(msg_type, 1 | 2) {
            fmt::s(out, " (");
            fmt::u(out, msg_type as u64);
            out.push(b')');
        }
        fmt::s(out, ", seq ");
        fmt::u(out, seq as u64);
        fmt::s(out, ", length: ");
        fmt::u(out, len as u64);
        return;
    }
    if verbose(out, data, len, version).is_none() {
        fmt::s(out, " [|lspping]");
    }
}

fn verbose(out: &mut Vec<u8>, data: &[u8], len: usize, version: u16) -> Option<()> {
    let b = Bytes(data);
    let msg_type = b.u8(4)?;
    let mode = b.u8(5)?;
    let code = b.u8(6)?;
    let sub = b.u8(7)?;
    fmt::s(out, "\n\tLSP-PINGv");
    fmt::u(out, version as u64);
    fmt::s(out, ", msg-type: ");
    fmt::s(out, msg_type_name(msg_type));
    fmt::s(out, " (");
    fmt::u(out, msg_type as u64);
    fmt::s(out, "), length: ");
    fmt::u(out, len as u64);
    fmt::s(out, "\n\t  reply-mode: ");
    fmt::s(out, reply_mode_name(mode));
    fmt::s(out, " (");
    fmt::u(out, mode as u64);
    out.push(b')');
    fmt::s(out, "\n\t  Return Code: ");
    match return_code_name(code) {
        Some(name) => {
            fmt::s(out, name);
            // The codes that name a stack depth take it from the subcode.
            if matches!(code, 3 | 4 | 8..=12) {
                out.push(b' ');
                fmt::u(out, sub as u64);
            }
        }
        None => fmt::s(out, "unknown"),
    }
    fmt::s(out, " (");
    fmt::u(out, code as u64);
    out.push(b')');
    fmt::s(out, "\n\t  Return Subcode: (");
    fmt::u(out, sub as u64);
    out.push(b')');
    fmt::s(out, "\n\t  Sender Handle: 0x");
    fmt::x_pad(out, b.u32(8)? as u64, 8);
    fmt::s(out, ", Sequence: ");
    fmt::u(out, b.u32(12)? as u64);
    fmt::s(out, "\n\t  Sender Timestamp: ");
    timestamp(out, b.u32(16)?, b.u32(20)?);
    fmt::s(out, " Receiver Timestamp: ");
    timestamp(out, b.u32(24)?, b.u32(28)?);
    let end = len;
    let mut i = HEADER_LEN;
    while i + 4 <= end {
        let t = b.u16(i)?;
        let tlen = b.u16(i + 2)? as usize;
        fmt::s(out, "\n\t  ");
        fmt::s(out, tlv_name(t));
        fmt::s(out, " TLV (");
        fmt::u(out, t as u64);
        fmt::s(out, "), length: ");
        fmt::u(out, tlen as u64);
        if i + 4 + tlen > end {
            fmt::s(out, "\n\t\t packet is too short");
            return Some(());
        }
        let body = b.slice(i + 4, tlen)?;
        // A TLV that is not decoded, or not decoded to its end, is also
        // dumped as hex.
        let decoded = match t {
            1 => fec_stack(out, body)?,
            2 => {
                let vb = Bytes(body);
                let mtu = vb.u16(0)?;
                let atype = vb.u8(2)?;
                fmt::s(out, "\n\t    MTU: ");
                fmt::u(out, mtu as u64);
                fmt::s(out, ", Address-Type: ");
                fmt::s(
                    out,
                    match atype {
                        1 => "IPv4 Numbered",
                        2 => "IPv4 Unnumbered",
                        3 => "IPv6 Numbered",
                        4 => "IPv6 Unnumbered",
                        _ => "unknown",
                    },
                );
                fmt::s(out, " (");
                fmt::u(out, atype as u64);
                out.push(b')');
                false
            }
            5 => {
                fmt::s(out, "\n\t    Vendor: Unknown (0x");
                let v = Bytes(body).u32(0)? as u64;
                if v > 0xffff {
                    fmt::x(out, v);
                } else {
                    fmt::x_pad(out, v, 4);
                }
                out.push(b')');
                true
            }
            _ => false,
        };
        if !decoded {
            hex_lines(out, "\n\t    ", body);
        }
        i += 4 + tlen.next_multiple_of(4);
    }
    Some(())
}

/// An NTP timestamp as `seconds.nanoseconds (date)`, or `no timestamp`.
fn timestamp(out: &mut Vec<u8>, sec: u32, frac: u32) {
    if sec == 0 && frac == 0 {
        fmt::s(out, "no timestamp");
        return;
    }
    fmt::u(out, sec as u64);
    out.push(b'.');
    fmt::u_pad(out, ((frac as u64) * 1_000_000_000) >> 32, 9);
    if sec == 0 {
        return;
    }
    let unix = sec as i64 - NTP_TO_UNIX;
    let (y, m, d) = fmt::civil_from_days(unix.div_euclid(86_400));
    fmt::s(out, " (");
    fmt::u(out, y.max(0) as u64);
    out.push(b'-');
    fmt::u_pad(out, m as u64, 2);
    out.push(b'-');
    fmt::u_pad(out, d as u64, 2);
    out.push(b'T');
    fmt::hms(out, unix.rem_euclid(86_400) as u64);
    fmt::s(out, "Z)");
}

/// The sub-TLVs of a target FEC stack; false when one ran past the TLV
/// (the caller then dumps the TLV as hex).
fn fec_stack(out: &mut Vec<u8>, body: &[u8]) -> Option<bool> {
    let b = Bytes(body);
    let mut i = 0;
    let mut left = body.len();
    // Each iteration takes at least four bytes off `left`.
    while left > 0 {
        if left < 4 {
            fmt::s(out, "\n\t      TLV is too short");
            return Some(false);
        }
        let t = b.u16(i)?;
        let slen = b.u16(i + 2)? as usize;
        if slen > left - 4 {
            fmt::s(out, "\n\t      TLV is too short");
            return Some(false);
        }
        fmt::s(out, "\n\t    ");
        fmt::s(out, subtlv_name(t));
        fmt::s(out, " subTLV (");
        fmt::u(out, t as u64);
        fmt::s(out, "), length: ");
        fmt::u(out, slen as u64);
        let v = b.slice(i + 4, slen)?;
        let want = match t {
            1 => Some(5),
            2 => Some(17),
            3 => Some(20),
            _ => None,
        };
        // An unknown sub-TLV, or one of the wrong length, is dumped; tcpdump
        // then moves on by its value's length only, not its header's.
        if want != Some(slen) {
            if let Some(w) = want {
                fmt::s(out, "\n\t      invalid subTLV length, should be ");
                fmt::u(out, w as u64);
            }
            hex_lines(out, "\n\t      ", v);
            i += slen.next_multiple_of(4);
            left = left.saturating_sub(4 + slen.next_multiple_of(4));
            continue;
        }
        let vb = Bytes(v);
        match (t, slen) {
            (1, 5) => {
                fmt::s(out, "\n\t      ");
                fmt::ipv4(out, vb.slice(0, 4)?);
                out.push(b'/');
                fmt::u(out, vb.u8(4)? as u64);
            }
            (2, 17) => {
                let a: [u8; 16] = vb.slice(0, 16)?.try_into().ok()?;
                fmt::s(out, "\n\t      ");
                fmt::ipv6(out, &a);
                out.push(b'/');
                fmt::u(out, vb.u8(16)? as u64);
            }
            (3, 20) => {
                fmt::s(out, "\n\t      tunnel end-point ");
                fmt::ipv4(out, vb.slice(0, 4)?);
                fmt::s(out, ", tunnel sender ");
                fmt::ipv4(out, vb.slice(12, 4)?);
                fmt::s(out, ", lsp-id 0x");
                fmt::x_pad(out, vb.u16(18)? as u64, 4);
                fmt::s(out, "\n\t      tunnel-id 0x");
                fmt::x_pad(out, vb.u16(6)? as u64, 4);
                fmt::s(out, ", extended tunnel-id ");
                fmt::ipv4(out, vb.slice(8, 4)?);
            }
            _ => {}
        }
        i += 4 + slen.next_multiple_of(4);
        left = left.saturating_sub(4 + slen.next_multiple_of(4));
    }
    Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(verbose: u8, payload: &str) -> String {
        crate::display::testutil::render(verbose, payload, |p, d, out| print(p, d, d.len(), out))
    }

    /// The echo reply of lsp-ping-timestamp.pcap and tcpdump's text.
    #[test]
    fn replies_as_tcpdump_prints_them() {
        let reply = "00010000020203000000000000000001e30e8abb53893fafe30e8abb53d8f0c7";
        for (verbose, payload, want) in [
            (0, reply, "LSP-PINGv1, MPLS Echo Reply, seq 1, length: 32"),
            (
                1,
                reply,
                "\n\tLSP-PINGv1, msg-type: MPLS Echo Reply (2), length: 32\
                 \n\t  reply-mode: Reply via an IPv4/IPv6 UDP packet (2)\
                 \n\t  Return Code: Replying router is an egress for the FEC at stack depth 0 (3)\
                 \n\t  Return Subcode: (0)\
                 \n\t  Sender Handle: 0x00000000, Sequence: 1\
                 \n\t  Sender Timestamp: 3809381051.326312999 (2020-09-18T01:24:11Z) \
                 Receiver Timestamp: 3809381051.327528999 (2020-09-18T01:24:11Z)",
            ),
            (0, "0001000002", " [|lspping]"),
            (
                0,
                "00030000020203000000000000000001e30e8abb53893fafe30e8abb53d8f0c7",
                "LSP-PING version 3 packet not supported",
            ),
            (
                0,
                "00010000a90203000000000000000001e30e8abb53893fafe30e8abb53d8f0c7",
                "LSP-PINGv1, unknown (169), seq 1, length: 32",
            ),
        ] {
            assert_eq!(run(verbose, payload), want, "{payload}");
        }
    }
}
