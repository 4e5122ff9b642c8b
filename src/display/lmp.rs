//! LMP, the Link Management Protocol (RFC 4204, UDP port 701).
//!
//! At default verbosity tcpdump prints the common header only:
//! `LMPv1 Config Message, length: 683` (the UDP payload length), or
//! `LMP version 2 packet not supported`. The objects, shown with `-v`,
//! are not dissected.

use super::fmt;

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Config",
        2 => "Config ACK",
        3 => "Config NACK",
        4 => "Hello",
        5 => "Begin Verify",
        6 => "Begin Verify ACK",
        7 => "Begin Verify NACK",
        8 => "End Verify",
        9 => "End Verify ACK",
        10 => "Test",
        11 => "Test Status Success",
        12 => "Test Status Failure",
        13 => "Test Status ACK",
        14 => "Link Summary",
        15 => "Link Summary ACK",
        16 => "Link Summary NACK",
        17 => "Channel Status",
        18 => "Channel Status ACK",
        19 => "Channel Status Request",
        20 => "Channel Status Response",
        50 => "Service Config",
        51 => "Service Config ACK",
        52 => "Service Config NACK",
        _ => return None,
    })
}

/// Prints an LMP message of `len` bytes.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    if data.len() < 8 {
        fmt::s(out, " [|lmp]");
        return;
    }
    let version = data[0] >> 4;
    if version != 1 {
        fmt::s(out, "LMP version ");
        fmt::u(out, u64::from(version));
        fmt::s(out, " packet not supported");
        return;
    }
    fmt::s(out, "LMPv1 ");
    match msg_name(data[3]) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "unknown (");
            fmt::u(out, u64::from(data[3]));
            out.push(b')');
        }
    }
    fmt::s(out, " Message, length: ");
    fmt::u(out, len as u64);
}
