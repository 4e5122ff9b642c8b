//! LWAPP (RFC 5412), Cisco's lightweight access point protocol over UDP:
//! port 12222 carries data frames, 12223 control messages (towards the
//! controller they start with the access point's six-byte identity).
//!
//! At default verbosity tcpdump prints one summary of the transport
//! header: `LWAPPv0, Data frame, Flags [none], length 30` (the length is
//! the UDP payload's), `Control frame` when the C bit is set, the flag
//! names `Last Fragment Bit`, `Fragment Bit`, `Control Bit`; a version
//! other than 0 prints `LWAPP version N packet not supported`.
//!
//! With `-v` the header line adds the radio and fragment ids and gives the
//! header's own length field; a data frame's payload (the 802.11 frame)
//! follows as a hex dump, a control frame's messages one a line
//! (`Msg type: Update req (12), Seqnum: 150, Msg len: 82, Session: 0x...`),
//! after the access point's identity when it carries one. The message
//! elements are not dissected.

use super::fmt;

/// Prints an LWAPP packet if a port says it is one; `false` otherwise,
/// with nothing written.
pub(crate) fn print(
    payload: &[u8],
    plen: usize,
    sport: u16,
    dport: u16,
    verbose: bool,
    out: &mut Vec<u8>,
) -> bool {
    // The controller's port decides first; towards it, control messages
    // carry the access point's identity before the header.
    let (off, control) = if dport == 12223 {
        (6, true)
    } else if sport == 12223 {
        (0, true)
    } else if sport == 12222 || dport == 12222 {
        (0, false)
    } else {
        return false;
    };
    let trunc = if control { " [|lwapp_control]" } else { " [|lwapp_data]" };
    let Some(hdr) = payload.get(off..off + 6) else {
        fmt::s(out, trunc);
        return true;
    };
    let version = hdr[0] >> 6;
    if version != 0 {
        fmt::s(out, "LWAPP version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return true;
    }
    fmt::s(out, "LWAPPv0, ");
    fmt::s(out, if hdr[0] & 0x04 != 0 { "Control frame" } else { "Data frame" });
    if verbose {
        // The data printer puts two spaces before the ids, the control
        // one one.
        fmt::s(out, ", Radio-id ");
        if !control {
            out.push(b' ');
        }
        fmt::u(out, (hdr[0] >> 3 & 7) as u64);
    }
    fmt::s(out, ", Flags [");
    let mut first = true;
    for (bit, name) in [(0x01, "Last Fragment Bit"), (0x02, "Fragment Bit"), (0x04, "Control Bit")]
    {
        if hdr[0] & bit != 0 {
            if !first {
                fmt::s(out, ", ");
            }
            fmt::s(out, name);
            first = false;
        }
    }
    if first {
        fmt::s(out, "none");
    }
    if !verbose {
        fmt::s(out, "], length ");
        fmt::u(out, plen as u64);
        return true;
    }
    fmt::s(out, "]");
    let len = u16::from_be_bytes([hdr[2], hdr[3]]) as usize;
    if !control && len < 6 {
        fmt::s(out, ", length ");
        fmt::u(out, len as u64);
        fmt::s(out, " < transport header length");
        return true;
    }
    fmt::s(out, ", Frag-id ");
    if !control {
        out.push(b' ');
    }
    fmt::u(out, hdr[1] as u64);
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    let body = &payload[off + 6..];
    if control {
        if off == 6 {
            fmt::s(out, "\n\tAP identity: ");
            fmt::mac(out, &payload[..6]);
        }
        messages(body, len, out);
    } else {
        // The length field counts the transport header too.
        super::hex_dump(out, &body[..body.len().min(len - 6)], false);
    }
    true
}

/// The names of the control message types.
fn msg_name(t: u8) -> &'static str {
    match t {
        1 => "Discovery req",
        2 => "Discovery resp",
        3 => "Join req",
        4 => "Join resp",
        5 => "Join ack",
        6 => "Join confirm",
        10 => "Configure req",
        11 => "Configure resp",
        12 => "Update req",
        13 => "Update resp",
        14 => "WTP event req",
        15 => "WTP event resp",
        16 => "Change state event req",
        17 => "Change state event resp",
        22 => "Echo req",
        23 => "Echo resp",
        24 => "Image data req",
        25 => "Image data resp",
        26 => "Channel status req",
        27 => "Channel status resp",
        30 => "Key update req",
        31 => "Key update resp",
        32 => "Primary discovery req",
        33 => "Primary discovery resp",
        34 => "Data transfer req",
        35 => "Data transfer resp",
        36 => "Clear config ind",
        37 => "Wlan config req",
        38 => "Wlan config resp",
        39 => "Mobile config req",
        40 => "Mobile config resp",
        _ => "Unknown",
    }
}

/// The control messages in the `len` bytes the header announces: an
/// eight-byte header each (type, sequence number, length, session id).
fn messages(body: &[u8], len: usize, out: &mut Vec<u8>) {
    let mut at = 0;
    while at < len {
        let Some(&[t, seq, l0, l1, s0, s1, s2, s3]) = body.get(at..at + 8) else {
            fmt::s(out, " [|lwapp_control]");
            return;
        };
        let mlen = u16::from_be_bytes([l0, l1]) as usize;
        if at + 8 + mlen > len {
            fmt::s(out, "\n\t  Msg goes past end of PDU");
            return;
        }
        fmt::s(out, "\n\t  Msg type: ");
        fmt::s(out, msg_name(t));
        fmt::s(out, " (");
        fmt::u(out, t as u64);
        fmt::s(out, "), Seqnum: ");
        fmt::u(out, seq as u64);
        fmt::s(out, ", Msg len: ");
        fmt::u(out, mlen as u64);
        fmt::s(out, ", Session: 0x");
        fmt::x_pad(out, u32::from_be_bytes([s0, s1, s2, s3]) as u64, 8);
        at += 8 + mlen;
    }
}
