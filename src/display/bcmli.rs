//! The Broadcom lawful-interception shim (BCM-LI-SHIM), found on UDP port
//! 49152 at either end: one 32-bit word with the direction, the packet
//! type and subtype and a 22-bit intercept id, before the intercepted
//! packet.
//!
//! tcpdump prints `BCM-LI-SHIM: direction D, pkt-type T, pkt-subtype S,
//! li-id N`; the intercepted packet is not dissected at default
//! verbosity. The field layout was read off captures: the direction in
//! bits 30-29, the type in bits 28-25, the subtype in bits 24-22.

use super::{Bytes, fmt};

/// Prints the shim; `data` is the UDP payload.
pub(crate) fn print(data: &[u8], plen: usize, out: &mut Vec<u8>) {
    let Some(w) = Bytes(data).u32(0) else {
        fmt::s(out, " [|bcm_li]");
        return;
    };
    fmt::s(out, "BCM-LI-SHIM: direction ");
    fmt::s(
        out,
        match (w >> 29) & 0x03 {
            3 => "ingress",
            2 => "egress",
            _ => "unused",
        },
    );
    fmt::s(out, ", pkt-type ");
    fmt::s(
        out,
        match (w >> 25) & 0x0f {
            4 => "undecided",
            7 => "ethernet",
            _ => "unknown",
        },
    );
    fmt::s(out, ", pkt-subtype ");
    fmt::s(
        out,
        match (w >> 22) & 0x07 {
            2 => "double VLAN tag",
            3 => "untagged",
            _ => "unknown",
        },
    );
    fmt::s(out, ", li-id ");
    fmt::u(out, u64::from(w & 0x3f_ffff));
    // tcpdump checks that the whole UDP payload was captured.
    if data.len() < plen {
        fmt::s(out, " [|bcm_li]");
    }
}
