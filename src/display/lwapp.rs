//! LWAPP (RFC 5412), Cisco's lightweight access point protocol over UDP:
//! port 12222 carries data frames, 12223 control messages (towards the
//! controller they start with the access point's six-byte identity).
//!
//! At default verbosity tcpdump prints one summary of the transport
//! header: `LWAPPv0, Data frame, Flags [none], length 30` (the length is
//! the UDP payload's), `Control frame` when the C bit is set, the flag
//! names `Last Fragment Bit`, `Fragment Bit`, `Control Bit`; a version
//! other than 0 prints `LWAPP version N packet not supported`. The
//! control messages and the 802.11 frames inside (`-v`) are not
//! dissected.

use super::fmt;

/// Prints an LWAPP packet if a port says it is one; `false` otherwise,
/// with nothing written.
pub(crate) fn print(
    payload: &[u8],
    plen: usize,
    sport: u16,
    dport: u16,
    out: &mut Vec<u8>,
) -> bool {
    // The controller's port decides first; towards it, control messages
    // carry the access point's identity before the header.
    let (off, trunc) = if dport == 12223 {
        (6, " [|lwapp_control]")
    } else if sport == 12223 {
        (0, " [|lwapp_control]")
    } else if sport == 12222 || dport == 12222 {
        (0, " [|lwapp_data]")
    } else {
        return false;
    };
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
    fmt::s(out, "], length ");
    fmt::u(out, plen as u64);
    true
}
