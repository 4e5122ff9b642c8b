//! SOME/IP (Scalable service-Oriented MiddlewarE over IP) on UDP port
//! 30490, the port of its service discovery (tcpdump leaves TCP alone).
//!
//! tcpdump prints the 16-byte header on one line, `SOMEIP, service 1,
//! method 2, len 8, client 8, session 5, pver 1, iver 1, msgtype
//! REQUEST_NO_RETURN, retcode E_OK`, then ends it with a newline of its
//! own (so an empty line follows). The payload, service discovery
//! entries included, is not dissected.

use super::{Bytes, fmt};

fn msg_type(t: u8) -> Option<&'static str> {
    Some(match t {
        0x00 => "REQUEST",
        0x01 => "REQUEST_NO_RETURN",
        0x02 => "NOTIFICATION",
        0x80 => "RESPONSE",
        0x81 => "ERROR",
        0x20 => "TP_REQUEST",
        0x21 => "TP_REQUEST_NO_RETURN",
        0x22 => "TP_NOTIFICATION",
        0xa0 => "TP_RESPONSE",
        0xa1 => "TP_ERROR",
        _ => return None,
    })
}

const RETCODES: [&str; 16] = [
    "E_OK",
    "E_NOT_OK",
    "E_UNKNOWN_SERVICE",
    "E_UNKNOWN_METHOD",
    "E_NOT_READY",
    "E_NOT_REACHABLE",
    "E_TIMEOUT",
    "E_WRONG_PROTOCOL_VERSION",
    "E_WRONG_INTERFACE_VERSION",
    "E_MALFORMED_MESSAGE",
    "E_WRONG_MESSAGE_TYPE",
    "E_E2E_REPEATED",
    "E_E2E_WRONG_SEQUENCE",
    "E_E2E",
    "E_E2E_NOT_AVAILABLE",
    "E_E2E_NO_NEW_DATA",
];

/// Prints a SOME/IP message header (`len`: the UDP payload length; a
/// payload shorter than the header is invalid).
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, "SOMEIP");
    if len < 16 {
        fmt::s(out, " (invalid)");
        return;
    }
    let (Some(service), Some(method), Some(len), Some(client), Some(session)) =
        (b.u16(0), b.u16(2), b.u32(4), b.u16(8), b.u16(10))
    else {
        fmt::s(out, " [|someip]");
        return;
    };
    let (Some(pver), Some(iver), Some(mt), Some(rc)) = (b.u8(12), b.u8(13), b.u8(14), b.u8(15))
    else {
        fmt::s(out, " [|someip]");
        return;
    };
    fmt::s(out, ", service ");
    fmt::u(out, service as u64);
    fmt::s(out, if method & 0x8000 != 0 { ", event " } else { ", method " });
    fmt::u(out, (method & 0x7fff) as u64);
    fmt::s(out, ", len ");
    fmt::u(out, len as u64);
    fmt::s(out, ", client ");
    fmt::u(out, client as u64);
    fmt::s(out, ", session ");
    fmt::u(out, session as u64);
    fmt::s(out, ", pver ");
    fmt::u(out, pver as u64);
    fmt::s(out, ", iver ");
    fmt::u(out, iver as u64);
    fmt::s(out, ", msgtype ");
    fmt::s(out, msg_type(mt).unwrap_or("Unknown"));
    fmt::s(out, ", retcode ");
    fmt::s(out, RETCODES.get(rc as usize).copied().unwrap_or("Unknown"));
    out.push(b'\n');
}
