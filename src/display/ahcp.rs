//! AHCP, the Ad-Hoc Configuration Protocol, on UDP port 5359.
//!
//! At default verbosity tcpdump prints only `AHCP Version 1` (the version
//! byte after the magic 43), but it still reads the whole version-1
//! message, so a message cut off by the capture ends in ` [|ahcp]`. The
//! message type, nonce, identifiers and options (shown with `-v`) are not
//! dissected.

use super::{Bytes, fmt};

/// The version-1 header: magic, version, two hop counts, nonce, source and
/// destination ids; then the message type, a reserved byte and the body
/// length.
const V1_HEADER: usize = 24;

/// Prints an AHCP message.
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "AHCP");
    let (Some(_), Some(version)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|ahcp]");
        return;
    };
    fmt::s(out, " Version ");
    fmt::u(out, version as u64);
    if version != 1 {
        return;
    }
    let whole =
        b.u16(V1_HEADER + 2).is_some_and(|body| data.len() >= V1_HEADER + 4 + body as usize);
    if !whole {
        fmt::s(out, " [|ahcp]");
    }
}
