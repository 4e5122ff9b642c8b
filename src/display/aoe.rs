//! AoE, ATA over Ethernet (ethertype 0x88a2).
//!
//! At default verbosity tcpdump prints `AoE length N, Ver V` (N is the
//! length of the Ethernet payload on the wire) and, for version 1, the flag
//! bits of the first byte: `, Flags: [Response, Error, MBZ-1, MBZ-0]` or
//! `[none]`; a frame too short for the version-1 header (or empty) ends in
//! ` (invalid)` instead. The command and its ATA or configuration body (shown with
//! `-v`) are not dissected.

use super::fmt;

/// The version-1 common header: version and flags, error, major and minor
/// address, command and tag.
const V1_HEADER: usize = 10;

/// The flag bits of the low nibble of the first byte, high bit first.
const FLAGS: &[(u64, &str)] = &[(0x8, "Response"), (0x4, "Error"), (0x2, "MBZ-1"), (0x1, "MBZ-0")];

/// Prints an AoE frame; `wire` is its length on the wire.
pub(crate) fn print(data: &[u8], wire: usize, out: &mut Vec<u8>) {
    fmt::s(out, "AoE length ");
    fmt::u(out, wire as u64);
    if wire == 0 {
        fmt::s(out, " (invalid)");
        return;
    }
    let Some(&first) = data.first() else {
        fmt::s(out, " [|aoe]");
        return;
    };
    let ver = first >> 4;
    fmt::s(out, ", Ver ");
    fmt::u(out, ver as u64);
    if ver != 1 {
        return;
    }
    if wire < V1_HEADER {
        fmt::s(out, " (invalid)");
        return;
    }
    fmt::s(out, ", Flags: [");
    fmt::bit_names(out, first.into(), FLAGS);
    out.push(b']');
}
