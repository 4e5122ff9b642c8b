//! PPTP control messages (RFC 2637) on TCP port 1723.
//!
//! Every control message starts with its length, the PPTP message type
//! (1 for control), the magic cookie 0x1a2b3c4d and the control message
//! type; the body is fixed-size per type. tcpdump prints, even at default
//! verbosity, every field as `NAME(value)`:
//! `: pptp CTRL_MSGTYPE=SLI PEER_CALL_ID(0) SEND_ACCM(0xffffffff) RECV_ACCM(0xffffffff)`.
//! With `-v` it adds `Length=N CTRL-MSG Magic-Cookie=1a2b3c4d` after
//! `pptp` and names result and error codes (`RESULT_CODE(1:Connected)`).
//! Only the first message of a segment is printed. The forms of SCCRQ,
//! SCCRP, OCRQ, OCRP and SLI were checked against tcpdump; the other
//! message types follow the same pattern with field names after RFC 2637.

use super::{Bytes, Printer, fmt};

/// The common header: length, PPTP message type, magic cookie, control
/// message type and a reserved word.
const HEADER_LEN: usize = 12;

/// Writes `s` the way tcpdump prints strings from the wire: up to the first
/// NUL, with bytes above 0x7f as `M-` and control characters as `^X`.
pub(crate) fn wire_string(out: &mut Vec<u8>, s: &[u8]) {
    for &c in s.iter().take_while(|&&c| c != 0) {
        let mut c = c;
        if c >= 0x80 {
            fmt::s(out, "M-");
            c &= 0x7f;
        }
        if c < 0x20 || c == 0x7f {
            out.push(b'^');
            out.push(c ^ 0x40);
        } else {
            out.push(c);
        }
    }
}

/// One field of a message body.
#[derive(Clone, Copy)]
enum F {
    /// A two-byte decimal number.
    U16(&'static str),
    /// A four-byte decimal number.
    U32(&'static str),
    /// A four-byte hex number, `0x%08x`.
    Hex32(&'static str),
    /// A one-byte result code, named with `-v` from the given table.
    Result(&'static str, fn(u8) -> Option<&'static str>),
    /// A one-byte error code.
    Error,
    /// A two-byte cause code.
    Cause,
    /// A one-byte decimal number.
    U8(&'static str),
    /// Protocol version, `major.minor`.
    Version,
    /// Framing capabilities: `A` (asynchronous) and `S` (synchronous) bits.
    FrameCap,
    /// Bearer capabilities: `A` (analog) and `D` (digital) bits.
    BearerCap,
    /// Bearer type: 1 analog, 2 digital, 3 any.
    BearerType,
    /// Framing type: 1 asynchronous, 2 synchronous, 3 either.
    FrameType,
    /// A NUL-padded string of the given size.
    Str(&'static str, usize),
    /// Bytes not printed (reserved fields).
    Skip(usize),
}

fn sccrp_result(c: u8) -> Option<&'static str> {
    Some(match c {
        1 => "Successful channel establishment",
        2 => "General error",
        3 => "Command channel already exists",
        4 => "Requester is not authorized to establish a command channel",
        5 => "The protocol version of the requester is not supported",
        _ => return None,
    })
}

fn ok_result(c: u8) -> Option<&'static str> {
    Some(match c {
        1 => "OK",
        2 => "General error",
        _ => return None,
    })
}

fn ocrp_result(c: u8) -> Option<&'static str> {
    Some(match c {
        1 => "Connected",
        2 => "General Error",
        3 => "No Carrier",
        4 => "Busy",
        5 => "No Dial Tone",
        6 => "Time-out",
        7 => "Do Not Accept",
        _ => return None,
    })
}

fn icrp_result(c: u8) -> Option<&'static str> {
    Some(match c {
        1 => "Connect",
        2 => "General Error",
        3 => "Do Not Accept",
        _ => return None,
    })
}

fn cdn_result(c: u8) -> Option<&'static str> {
    Some(match c {
        1 => "Lost Carrier",
        2 => "General Error",
        3 => "Admin Shutdown",
        4 => "Request",
        _ => return None,
    })
}

fn error_name(c: u8) -> Option<&'static str> {
    Some(match c {
        0 => "None",
        1 => "Not-Connected",
        2 => "Bad-Format",
        3 => "Bad-Value",
        4 => "No-Resource",
        5 => "Bad-Call ID",
        6 => "PAC-Error",
        _ => return None,
    })
}

/// The name and body layout of each control message type.
fn message(t: u16) -> Option<(&'static str, &'static [F])> {
    use F::*;
    Some(match t {
        1 => (
            "SCCRQ",
            &[
                Version,
                Skip(2),
                FrameCap,
                BearerCap,
                U16("MAX_CHAN"),
                U16("FIRM_REV"),
                Str("HOSTNAME", 64),
                Str("VENDOR", 64),
            ],
        ),
        2 => (
            "SCCRP",
            &[
                Version,
                Result("RESULT_CODE", sccrp_result),
                Error,
                FrameCap,
                BearerCap,
                U16("MAX_CHAN"),
                U16("FIRM_REV"),
                Str("HOSTNAME", 64),
                Str("VENDOR", 64),
            ],
        ),
        3 => ("StopCCRQ", &[U8("REASON"), Skip(3)]),
        4 => ("StopCCRP", &[Result("RESULT_CODE", ok_result), Error, Skip(2)]),
        5 => ("ECHORQ", &[U32("ID")]),
        6 => ("ECHORP", &[U32("ID"), Result("RESULT_CODE", ok_result), Error, Skip(2)]),
        7 => (
            "OCRQ",
            &[
                U16("CALL_ID"),
                U16("CALL_SER_NUM"),
                U32("MIN_BPS"),
                U32("MAX_BPS"),
                BearerType,
                FrameType,
                U16("RECV_WIN"),
                U16("PROC_DELAY"),
                U16("PHONE_NO_LEN"),
                Skip(2),
                Str("PHONE_NO", 64),
                Str("SUB_ADDR", 64),
            ],
        ),
        8 => (
            "OCRP",
            &[
                U16("CALL_ID"),
                U16("PEER_CALL_ID"),
                Result("RESULT_CODE", ocrp_result),
                Error,
                Cause,
                U32("CONN_SPEED"),
                U16("RECV_WIN"),
                U16("PROC_DELAY"),
                U32("PHY_CHAN_ID"),
            ],
        ),
        9 => (
            "ICRQ",
            &[
                U16("CALL_ID"),
                U16("CALL_SER_NUM"),
                BearerType,
                U32("PHY_CHAN_ID"),
                U16("DIALED_NO_LEN"),
                U16("DIALING_NO_LEN"),
                Str("DIALED_NO", 64),
                Str("DIALING_NO", 64),
                Str("SUB_ADDR", 64),
            ],
        ),
        10 => (
            "ICRP",
            &[
                U16("CALL_ID"),
                U16("PEER_CALL_ID"),
                Result("RESULT_CODE", icrp_result),
                Error,
                U16("RECV_WIN"),
                U16("PROC_DELAY"),
                Skip(2),
            ],
        ),
        11 => (
            "ICCN",
            &[
                U16("PEER_CALL_ID"),
                Skip(2),
                U32("CONN_SPEED"),
                U16("RECV_WIN"),
                U16("PROC_DELAY"),
                FrameType,
            ],
        ),
        12 => ("CCRQ", &[U16("CALL_ID"), Skip(2)]),
        13 => (
            "CDN",
            &[
                U16("CALL_ID"),
                Result("RESULT_CODE", cdn_result),
                Error,
                Cause,
                Skip(2),
                Str("CALL_STATS", 128),
            ],
        ),
        14 => (
            "WEN",
            &[
                U16("PEER_CALL_ID"),
                Skip(2),
                U32("CRC_ERR"),
                U32("FRAMING_ERR"),
                U32("HARDWARE_OVERRUN"),
                U32("BUFFER_OVERRUN"),
                U32("TIMEOUT_ERR"),
                U32("ALIGN_ERR"),
            ],
        ),
        15 => ("SLI", &[U16("PEER_CALL_ID"), Skip(2), Hex32("SEND_ACCM"), Hex32("RECV_ACCM")]),
        _ => return None,
    })
}

/// Prints the PPTP part of a TCP segment's line; `data` is the captured
/// payload.
pub(crate) fn print(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    fmt::s(out, ": pptp");
    let verbose = p.opts.verbose > 0;
    let b = Bytes(data);
    let (Some(len), Some(kind), Some(cookie), Some(ctrl)) =
        (b.u16(0), b.u16(2), b.u32(4), b.u16(8))
    else {
        fmt::s(out, " [|pptp]");
        return;
    };
    if verbose {
        fmt::s(out, " Length=");
        fmt::u(out, len as u64);
        match kind {
            1 => fmt::s(out, " CTRL-MSG"),
            2 => fmt::s(out, " MGMT-MSG"),
            _ => fmt::s(out, " UNKNOWN-MSG-TYPE"),
        }
        fmt::s(out, " Magic-Cookie=");
        fmt::x_pad(out, cookie as u64, 8);
    }
    fmt::s(out, " CTRL_MSGTYPE=");
    let Some((name, fields)) = message(ctrl) else {
        fmt::s(out, "#");
        fmt::u(out, ctrl as u64);
        return;
    };
    fmt::s(out, name);
    let mut off = HEADER_LEN;
    for &f in fields {
        if !field(out, b, &mut off, f, verbose) {
            fmt::s(out, " [|pptp]");
            return;
        }
    }
}

/// Prints one field at `*off` and moves past it; false if it is cut short.
fn field(out: &mut Vec<u8>, b: Bytes<'_>, off: &mut usize, f: F, verbose: bool) -> bool {
    let at = *off;
    let named_u = |out: &mut Vec<u8>, name: &str, v: u64| {
        out.push(b' ');
        fmt::s(out, name);
        out.push(b'(');
        fmt::u(out, v);
        out.push(b')');
    };
    let named_s = |out: &mut Vec<u8>, name: &str, v: &str| {
        out.push(b' ');
        fmt::s(out, name);
        out.push(b'(');
        fmt::s(out, v);
        out.push(b')');
    };
    let coded = |out: &mut Vec<u8>, name: &str, v: u8, names: fn(u8) -> Option<&'static str>| {
        out.push(b' ');
        fmt::s(out, name);
        out.push(b'(');
        fmt::u(out, v as u64);
        if verbose {
            out.push(b':');
            fmt::s(out, names(v).unwrap_or("?"));
        }
        out.push(b')');
    };
    match f {
        F::U8(name) => {
            let Some(v) = b.u8(at) else { return false };
            named_u(out, name, v as u64);
            *off += 1;
        }
        F::U16(name) => {
            let Some(v) = b.u16(at) else { return false };
            named_u(out, name, v as u64);
            *off += 2;
        }
        F::U32(name) => {
            let Some(v) = b.u32(at) else { return false };
            named_u(out, name, v as u64);
            *off += 4;
        }
        F::Hex32(name) => {
            let Some(v) = b.u32(at) else { return false };
            out.push(b' ');
            fmt::s(out, name);
            fmt::s(out, "(0x");
            fmt::x_pad(out, v as u64, 8);
            out.push(b')');
            *off += 4;
        }
        F::Result(name, names) => {
            let Some(v) = b.u8(at) else { return false };
            coded(out, name, v, names);
            *off += 1;
        }
        F::Error => {
            let Some(v) = b.u8(at) else { return false };
            coded(out, "ERR_CODE", v, error_name);
            *off += 1;
        }
        F::Cause => {
            let Some(v) = b.u16(at) else { return false };
            named_u(out, "CAUSE_CODE", v as u64);
            *off += 2;
        }
        F::Version => {
            let (Some(major), Some(minor)) = (b.u8(at), b.u8(at + 1)) else { return false };
            fmt::s(out, " PROTO_VER(");
            fmt::u(out, major as u64);
            out.push(b'.');
            fmt::u(out, minor as u64);
            out.push(b')');
            *off += 2;
        }
        F::FrameCap | F::BearerCap => {
            let Some(v) = b.u32(at) else { return false };
            let (name, first, second) = match f {
                F::FrameCap => (" FRAME_CAP(", b'A', b'S'),
                _ => (" BEARER_CAP(", b'A', b'D'),
            };
            fmt::s(out, name);
            if v & 1 != 0 {
                out.push(first);
            }
            if v & 2 != 0 {
                out.push(second);
            }
            out.push(b')');
            *off += 4;
        }
        F::BearerType | F::FrameType => {
            let Some(v) = b.u32(at) else { return false };
            let (name, text) = match (f, v) {
                (F::BearerType, 1) => ("BEARER_TYPE", "A"),
                (F::BearerType, 2) => ("BEARER_TYPE", "D"),
                (F::BearerType, 3) => ("BEARER_TYPE", "Any"),
                (F::BearerType, _) => ("BEARER_TYPE", "?"),
                (_, 1) => ("FRAME_TYPE", "A"),
                (_, 2) => ("FRAME_TYPE", "S"),
                (_, 3) => ("FRAME_TYPE", "E"),
                _ => ("FRAME_TYPE", "?"),
            };
            named_s(out, name, text);
            *off += 4;
        }
        F::Str(name, size) => {
            let Some(s) = b.slice(at, size) else { return false };
            out.push(b' ');
            fmt::s(out, name);
            out.push(b'(');
            wire_string(out, s);
            out.push(b')');
            *off += size;
        }
        F::Skip(n) => {
            if b.slice(at, n).is_none() {
                return false;
            }
            *off += n;
        }
    }
    true
}
