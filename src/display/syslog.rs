//! Syslog on UDP port 514 (RFC 3164 and RFC 5424 share the `<PRI>`
//! prefix).
//!
//! At default verbosity tcpdump prints the facility and severity decoded
//! from the priority and the payload length,
//! `SYSLOG kernel.notice, length: 51`; the message text (shown with `-v`)
//! is not printed. A message without a well-formed priority prints
//! ` (invalid)` alone.

use super::fmt;

const FACILITIES: [&str; 24] = [
    "kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
    "authpriv", "ftp", "ntp", "security", "console", "cron", "local0", "local1", "local2",
    "local3", "local4", "local5", "local6", "local7",
];

const SEVERITIES: [&str; 8] =
    ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"];

/// Prints a syslog message (the UDP payload, `len` bytes long).
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    // The priority: `<`, up to three digits (none reads as 0), `>`.
    if len == 0 || data.first() != Some(&b'<') {
        fmt::s(out, " (invalid)");
        return;
    }
    let mut pri: u32 = 0;
    let mut i = 1;
    while i < 4 && data.get(i).is_some_and(u8::is_ascii_digit) {
        pri = pri * 10 + u32::from(data[i] - b'0');
        i += 1;
    }
    match data.get(i) {
        None => {
            fmt::s(out, " [|syslog]");
            return;
        }
        Some(&b'>') => {}
        Some(_) => {
            fmt::s(out, " (invalid)");
            return;
        }
    }
    fmt::s(out, "SYSLOG ");
    match FACILITIES.get((pri >> 3) as usize) {
        Some(f) => fmt::s(out, f),
        None => {
            fmt::s(out, "unknown (");
            fmt::u(out, (pri >> 3) as u64);
            out.push(b')');
        }
    }
    out.push(b'.');
    fmt::s(out, SEVERITIES[(pri & 7) as usize]);
    fmt::s(out, ", length: ");
    fmt::u(out, len as u64);
}
