//! HNCP, the Home Networking Control Protocol (RFC 7788, on DNCP, RFC
//! 7787), on UDP port 8231.
//!
//! At default verbosity tcpdump prints `hncp (LENGTH)` and the names of the
//! top-level TLVs, comma-separated, with a run of TLVs of one type shown
//! once with its count: `Node endpoint, Network state, Node state (x2)`.
//! A run's name is written only when the TLV after it is whole in the
//! capture, so a cut-off packet loses the pending name before `[|hncp]`.
//! The TLV contents (shown with `-v`) are not dissected.

use super::{Bytes, fmt};

/// tcpdump's name for a TLV type.
fn tlv_name(t: u16) -> &'static str {
    match t {
        0 => "Reserved",
        1 => "Request network state",
        2 => "Request node state",
        3 => "Node endpoint",
        4 => "Network state",
        5 => "Node state",
        8 => "Peer",
        9 => "Keep-alive interval",
        10 => "Trust-Verdict",
        32 => "HNCP-Version",
        33 => "External-Connection",
        34 => "Delegated-Prefix",
        35 => "Assigned-Prefix",
        36 => "Node-Address",
        37 => "DHCPv4-Data",
        38 => "DHCPv6-Data",
        39 => "DNS-Delegated-Zone",
        40 => "Domain-Name",
        41 => "Node-Name",
        42 => "Managed-PSK",
        43 => "Prefix-Policy",
        44..=511 => "Unassigned",
        768..=1023 => "Private use",
        _ => "Future use",
    }
}

/// Prints an HNCP packet; `len` is the UDP payload length.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "hncp (");
    fmt::u(out, len as u64);
    out.push(b')');
    let mut i = 0;
    // The type of the run being counted, and its length so far.
    let mut run: Option<(u16, u32)> = None;
    let mut first = true;
    let flush = |out: &mut Vec<u8>, run: Option<(u16, u32)>, first: &mut bool| {
        if let Some((t, n)) = run {
            fmt::s(out, if *first { " " } else { ", " });
            *first = false;
            fmt::s(out, tlv_name(t));
            if n > 1 {
                fmt::s(out, " (x");
                fmt::u(out, n as u64);
                out.push(b')');
            }
        }
    };
    while i < len {
        let (Some(t), Some(tlen)) = (b.u16(i), b.u16(i + 2)) else {
            fmt::s(out, " [|hncp]");
            return;
        };
        let tlen = tlen as usize;
        let padded = (tlen + 3) & !3;
        // A run's name is written once the next TLV of another type is
        // whole in the capture; a cut-off TLV drops the pending name.
        if b.slice(i + 4, tlen).is_none() {
            fmt::s(out, " [|hncp]");
            return;
        }
        match run {
            Some((rt, n)) if rt == t => run = Some((rt, n + 1)),
            _ => {
                flush(out, run, &mut first);
                run = Some((t, 1));
            }
        }
        i += 4 + padded;
    }
    flush(out, run, &mut first);
}
