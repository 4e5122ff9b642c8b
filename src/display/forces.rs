//! ForCES (RFC 5810), the protocol between a network element's control
//! and forwarding elements, carried in SCTP DATA chunks on ports 6704-6706.
//! Without `-v` tcpdump names the message type on its own line after the
//! chunk (`\n\tForCES HeartBeat `); the common header fields and the TLVs
//! that `-v` shows are not dissected here.

use super::{Bytes, Printer, fmt};

/// tcpdump's names for the ForCES message types of RFC 5810.
fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0x01 => "Association Setup",
        0x02 => "Association TearDown",
        0x03 => "Config",
        0x04 => "Query",
        0x05 => "Event Notification",
        0x06 => "Packet Redirect",
        0x0f => "HeartBeat",
        0x11 => "Association Response",
        0x13 => "Config Response",
        0x14 => "Query Response",
        _ => return None,
    })
}

/// Prints the message type of the ForCES message in `data` (a DATA
/// chunk's user data); nothing when the common header is cut short.
pub(crate) fn print(_p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let Some(t) = b.u8(1) else {
        return;
    };
    fmt::s(out, "\n\tForCES ");
    match msg_name(t) {
        Some(name) => fmt::s(out, name),
        None => {
            fmt::s(out, "Unknown message type 0x");
            fmt::x(out, t as u64);
        }
    }
    out.push(b' ');
}
