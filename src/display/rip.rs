//! RIP (RFC 1058, RIPv2 RFC 2453) on UDP port 520. Without `-v` tcpdump
//! prints `RIPv2, Response, length: 160`: version, command and the UDP
//! payload length. The route entries and authentication that `-v` shows
//! are not dissected.

use super::{Bytes, fmt};

fn command(c: u8) -> Option<&'static str> {
    Some(match c {
        1 => "Request",
        2 => "Response",
        3 => "Trace on",
        4 => "Trace off",
        5 => "Poll",
        6 => "Poll Entry",
        9 => "Triggered Request",
        10 => "Triggered Response",
        11 => "Triggered Acknowledgement",
        12 => "Update Request",
        13 => "Update Response",
        14 => "Update Acknowledge",
        _ => return None,
    })
}

/// `RIPvN, COMMAND, length: LEN`; version 0 is `RIPv0` and a hex dump.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(cmd), Some(ver)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|rip]");
        return;
    };
    fmt::s(out, "RIPv");
    fmt::u(out, ver as u64);
    if ver == 0 {
        // tcpdump dumps it in hex, without the ASCII column, whatever
        // the dump options.
        super::hex_dump(out, data, false);
        return;
    }
    fmt::s(out, ", ");
    match command(cmd) {
        Some(name) => fmt::s(out, name),
        None => {
            fmt::s(out, "unknown command (");
            fmt::u(out, cmd as u64);
            out.push(b')');
        }
    }
    fmt::s(out, ", length: ");
    fmt::u(out, len as u64);
}
