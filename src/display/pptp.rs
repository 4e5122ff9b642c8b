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

use super::{Bytes, Printer, fmt, l2ctl};

/// Writes `s` the way tcpdump prints strings from the wire: up to the first
/// NUL, with bytes above 0x7f as `M-` and control characters as `^X`.
pub(crate) fn wire_string(out: &mut Vec<u8>, s: &[u8]) {
    let end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
    l2ctl::safe_text(out, &s[..end]);
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
    /// A two-byte length kept in slot `.1` for a later [`F::StrN`].
    Len(&'static str, usize),
    /// A NUL-padded string of `.1` bytes of which only as many as slot
    /// `.2` holds are shown.
    StrN(&'static str, usize, usize),
    /// A reserved field of 1 or 2 bytes: shown only when it is not zero.
    Reserved(usize),
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

fn stop_reason(c: u8) -> Option<&'static str> {
    Some(match c {
        1 => "None",
        2 => "Stop-Protocol",
        3 => "Stop-Local-Shutdown",
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
                Reserved(2),
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
        3 => ("StopCCRQ", &[Result("REASON", stop_reason), Reserved(1), Reserved(2)]),
        4 => ("StopCCRP", &[Result("RESULT_CODE", ok_result), Error, Reserved(2)]),
        5 => ("ECHORQ", &[U32("ID")]),
        6 => ("ECHORP", &[U32("ID"), Result("RESULT_CODE", ok_result), Error, Reserved(2)]),
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
                Len("PHONE_NO_LEN", 0),
                Reserved(2),
                StrN("PHONE_NO", 64, 0),
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
                Len("DIALED_NO_LEN", 0),
                Len("DIALING_NO_LEN", 1),
                StrN("DIALED_NO", 64, 0),
                StrN("DIALING_NO", 64, 1),
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
                Reserved(2),
            ],
        ),
        11 => (
            "ICCN",
            &[
                U16("PEER_CALL_ID"),
                Reserved(2),
                U32("CONN_SPEED"),
                U16("RECV_WIN"),
                U16("PROC_DELAY"),
                FrameType,
            ],
        ),
        12 => ("CCRQ", &[U16("CALL_ID"), Reserved(2)]),
        13 => (
            "CDN",
            &[
                U16("CALL_ID"),
                Result("RESULT_CODE", cdn_result),
                Error,
                Cause,
                Reserved(2),
                Str("CALL_STATS", 128),
            ],
        ),
        14 => (
            "WEN",
            &[
                U16("PEER_CALL_ID"),
                Reserved(2),
                U32("CRC_ERR"),
                U32("FRAMING_ERR"),
                U32("HARDWARE_OVERRUN"),
                U32("BUFFER_OVERRUN"),
                U32("TIMEOUT_ERR"),
                U32("ALIGN_ERR"),
            ],
        ),
        15 => ("SLI", &[U16("PEER_CALL_ID"), Reserved(2), Hex32("SEND_ACCM"), Hex32("RECV_ACCM")]),
        _ => return None,
    })
}

/// The magic cookie every control message carries.
const MAGIC_COOKIE: u32 = 0x1a2b_3c4d;

/// Prints the PPTP part of a TCP segment's line; `data` is the captured
/// payload.
pub(crate) fn print(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    fmt::s(out, ": pptp");
    if header(out, data, p.opts.verbose > 0).is_none() {
        fmt::s(out, " [|pptp]");
    }
}

/// The common header, then the message body; `None` when the capture
/// ends first. Fields are read one at a time, as tcpdump prints them.
fn header(out: &mut Vec<u8>, data: &[u8], verbose: bool) -> Option<()> {
    let b = Bytes(data);
    let len = b.u16(0)?;
    if verbose {
        fmt::s(out, " Length=");
        fmt::u(out, len as u64);
    }
    let kind = b.u16(2)?;
    if verbose {
        match kind {
            1 => fmt::s(out, " CTRL-MSG"),
            2 => fmt::s(out, " MGMT-MSG"),
            _ => fmt::s(out, " UNKNOWN-MSG-TYPE"),
        }
    }
    let cookie = b.u32(4)?;
    if cookie != MAGIC_COOKIE {
        fmt::s(out, " UNEXPECTED Magic-Cookie!!(");
        fmt::x_pad(out, cookie as u64, 8);
        out.push(b')');
    }
    if verbose || cookie != MAGIC_COOKIE {
        fmt::s(out, " Magic-Cookie=");
        fmt::x_pad(out, cookie as u64, 8);
    }
    let ctrl = b.u16(8)?;
    let fields: &[F] = match message(ctrl) {
        Some((name, fields)) => {
            fmt::s(out, " CTRL_MSGTYPE=");
            fmt::s(out, name);
            fields
        }
        None if ctrl == 0 => {
            fmt::s(out, " CTRL_MSGTYPE=NOT_DEFINED");
            &[]
        }
        None => {
            fmt::s(out, " UNKNOWN_CTRL_MSGTYPE(");
            fmt::u(out, ctrl as u64);
            out.push(b')');
            &[]
        }
    };
    let mut at = Cursor { off: 10, lens: [0; 2] };
    field(out, b, &mut at, F::Reserved(2), verbose)?;
    for &f in fields {
        field(out, b, &mut at, f, verbose)?;
    }
    Some(())
}

/// Where the next field starts, and the string lengths read so far.
struct Cursor {
    off: usize,
    lens: [usize; 2],
}

/// Writes the string field of `size` bytes at `at`, showing at most
/// `limit` bytes and stopping at the first NUL; `None` if the capture
/// ends before either.
fn string_field(
    out: &mut Vec<u8>,
    b: Bytes<'_>,
    at: usize,
    size: usize,
    limit: usize,
) -> Option<()> {
    let field = b.0.get(at..).unwrap_or(&[]);
    let want = size.min(limit);
    let field = &field[..field.len().min(want)];
    let end = field.iter().position(|&c| c == 0);
    wire_string(out, &field[..end.unwrap_or(field.len())]);
    if end.is_none() && field.len() < want {
        return None;
    }
    Some(())
}

/// Prints one field at `*off` and moves past it; `None` if it is cut
/// short. Strings and capability bits show their name before tcpdump
/// finds them missing, numbers do not.
fn field(out: &mut Vec<u8>, b: Bytes<'_>, cur: &mut Cursor, f: F, verbose: bool) -> Option<()> {
    let at = cur.off;
    let off = &mut cur.off;
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
        F::U16(name) => {
            let v = b.u16(at)?;
            named_u(out, name, v as u64);
            *off += 2;
        }
        F::U32(name) => {
            let v = b.u32(at)?;
            named_u(out, name, v as u64);
            *off += 4;
        }
        F::Hex32(name) => {
            let v = b.u32(at)?;
            out.push(b' ');
            fmt::s(out, name);
            fmt::s(out, "(0x");
            fmt::x_pad(out, v as u64, 8);
            out.push(b')');
            *off += 4;
        }
        F::Result(name, names) => {
            let v = b.u8(at)?;
            coded(out, name, v, names);
            *off += 1;
        }
        F::Error => {
            let v = b.u8(at)?;
            coded(out, "ERR_CODE", v, error_name);
            *off += 1;
        }
        F::Cause => {
            let v = b.u16(at)?;
            named_u(out, "CAUSE_CODE", v as u64);
            *off += 2;
        }
        F::Version => {
            let (major, minor) = (b.u8(at)?, b.u8(at + 1)?);
            fmt::s(out, " PROTO_VER(");
            fmt::u(out, major as u64);
            out.push(b'.');
            fmt::u(out, minor as u64);
            out.push(b')');
            *off += 2;
        }
        F::FrameCap => {
            // The name comes before the bits are found missing.
            fmt::s(out, " FRAME_CAP(");
            let v = b.u32(at)?;
            if v & 1 != 0 {
                out.push(b'A');
            }
            if v & 2 != 0 {
                out.push(b'S');
            }
            out.push(b')');
            *off += 4;
        }
        F::BearerCap => {
            let v = b.u32(at)?;
            // Digital before analog (`DA`).
            fmt::s(out, " BEARER_CAP(");
            if v & 2 != 0 {
                out.push(b'D');
            }
            if v & 1 != 0 {
                out.push(b'A');
            }
            out.push(b')');
            *off += 4;
        }
        F::BearerType | F::FrameType => {
            let v = b.u32(at)?;
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
            out.push(b' ');
            fmt::s(out, name);
            out.push(b'(');
            string_field(out, b, at, size, size)?;
            out.push(b')');
            *off += size;
        }
        F::Len(name, slot) => {
            let v = b.u16(at)?;
            named_u(out, name, v as u64);
            cur.lens[slot] = v as usize;
            cur.off += 2;
        }
        F::StrN(name, size, slot) => {
            out.push(b' ');
            fmt::s(out, name);
            out.push(b'(');
            string_field(out, b, at, size, cur.lens[slot])?;
            out.push(b')');
            cur.off += size;
        }
        F::Reserved(n) => {
            let v = if n == 1 { b.u8(at)? as u64 } else { b.u16(at)? as u64 };
            if v != 0 {
                fmt::s(out, " [ERROR: reserved=");
                fmt::u(out, v);
                fmt::s(out, " must be zero]");
            }
            *off += n;
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(verbose: u8, payload: &str) -> String {
        crate::display::testutil::render(verbose, payload, print)
    }

    /// The SLI of pptp.pcap, variants of it, and tcpdump's text.
    #[test]
    fn messages_as_tcpdump_prints_them() {
        let sli = "001800011a2b3c4d000f000000000000ffffffffffffffff";
        for (verbose, payload, want) in [
            (
                0,
                sli,
                ": pptp CTRL_MSGTYPE=SLI PEER_CALL_ID(0) SEND_ACCM(0xffffffff) \
                 RECV_ACCM(0xffffffff)",
            ),
            (
                1,
                sli,
                ": pptp Length=24 CTRL-MSG Magic-Cookie=1a2b3c4d CTRL_MSGTYPE=SLI \
                 PEER_CALL_ID(0) SEND_ACCM(0xffffffff) RECV_ACCM(0xffffffff)",
            ),
            (
                0,
                "001800011a2b3c00000f000100000000ffffffff",
                ": pptp UNEXPECTED Magic-Cookie!!(1a2b3c00) Magic-Cookie=1a2b3c00 \
                 CTRL_MSGTYPE=SLI [ERROR: reserved=1 must be zero] PEER_CALL_ID(0) \
                 SEND_ACCM(0xffffffff) [|pptp]",
            ),
            (0, "001800011a2b3c4d0208", ": pptp UNKNOWN_CTRL_MSGTYPE(520) [|pptp]"),
        ] {
            assert_eq!(run(verbose, payload), want, "{payload}");
        }
    }
}
