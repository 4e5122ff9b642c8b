//! NTP on UDP port 123: time packets (client, server, symmetric and
//! broadcast modes), control messages (mode 6) and the private mode 7.
//!
//! At default verbosity tcpdump prints only the version, the mode and the
//! UDP payload length, `NTPv4, Client, length 48`, whatever the mode; the
//! timestamps, the control-message fields and the mode-7 requests (shown
//! with `-v`) are not dissected.

use super::fmt;

/// tcpdump's names for the three-bit mode field.
fn mode_name(mode: u8) -> &'static str {
    match mode {
        0 => "unspecified",
        1 => "symmetric active",
        2 => "symmetric passive",
        3 => "Client",
        4 => "Server",
        5 => "Broadcast",
        6 => "Control Message",
        _ => "Reserved",
    }
}

/// Prints an NTP packet; `len` is the UDP payload length.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let Some(&first) = data.first() else {
        fmt::s(out, " [|ntp]");
        return;
    };
    fmt::s(out, "NTPv");
    fmt::u(out, ((first >> 3) & 7) as u64);
    fmt::s(out, ", ");
    fmt::s(out, mode_name(first & 7));
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}
