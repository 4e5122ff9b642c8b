//! RSVP (RFC 2205, IP protocol 46), over IPv4 and IPv6.
//!
//! At default verbosity tcpdump prints the common header only:
//! `RSVPv1 Path Message, length: 244`, the length being the IP payload
//! length, or `ERROR: RSVP version 2 packet not supported`. The objects,
//! shown with `-v`, are not dissected.

use super::fmt;

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Path",
        2 => "Resv",
        3 => "PathErr",
        4 => "ResvErr",
        5 => "PathTear",
        6 => "ResvTear",
        7 => "ResvConf",
        12 => "Bundle",
        13 => "Acknowledgement",
        14 => "Hello (Old)",
        15 => "Refresh",
        20 => "Hello",
        _ => return None,
    })
}

/// Prints an RSVP message of `len` bytes.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    if data.len() < 8 {
        fmt::s(out, " [|rsvp]");
        return;
    }
    let version = data[0] >> 4;
    if version != 1 {
        fmt::s(out, "ERROR: RSVP version ");
        fmt::u(out, u64::from(version));
        fmt::s(out, " packet not supported");
        return;
    }
    fmt::s(out, "RSVPv1 ");
    match msg_name(data[1]) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "unknown (");
            fmt::u(out, u64::from(data[1]));
            out.push(b')');
        }
    }
    fmt::s(out, " Message, length: ");
    fmt::u(out, len as u64);
}
