//! AHCP, the Ad-Hoc Configuration Protocol, on UDP port 5359.
//!
//! At default verbosity tcpdump prints only `AHCP Version 1` (the version
//! byte after the magic 43); the message type, nonce and options (shown
//! with `-v`) are not dissected.

use super::fmt;

/// Prints an AHCP message.
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) {
    fmt::s(out, "AHCP");
    let Some(&version) = data.get(1) else {
        fmt::s(out, " [|ahcp]");
        return;
    };
    fmt::s(out, " Version ");
    fmt::u(out, version as u64);
}
