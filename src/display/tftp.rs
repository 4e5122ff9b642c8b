//! TFTP (RFC 1350, options RFC 2347) on UDP port 69.
//!
//! tcpdump prints `TFTP, length N, ` and the opcode: `RRQ "FILE" MODE` (and
//! the same for WRQ, with any options after the mode), `DATA block N`,
//! `ACK block N`, `ERROR CODE "MESSAGE"`, `OACK` with its options. A string
//! the capture cuts short ends the line with ` [|tftp]`. Unknown error
//! codes print as `tftp-err-#N "` (with tcpdump's stray quote).

use super::{Bytes, fmt, resp};

const ERRORS: [&str; 9] = [
    "EUNDEF",
    "ENOTFOUND",
    "EACCESS",
    "ENOSPACE",
    "EBADOP",
    "EBADID",
    "EEXISTS",
    "ENOUSER",
    "EOPTNEG",
];

/// Prints one NUL-terminated string starting at `d`, quoted or not;
/// returns what follows it, or `None` (after writing the truncation
/// marker) when the capture ends first.
fn string<'a>(out: &mut Vec<u8>, d: &'a [u8], quote: bool) -> Option<&'a [u8]> {
    let end = d.iter().position(|&c| c == 0);
    let text = &d[..end.unwrap_or(d.len())];
    if quote {
        out.push(b'"');
    }
    resp::escaped(out, text);
    if quote {
        out.push(b'"');
    }
    match end {
        Some(e) => Some(&d[e + 1..]),
        None => {
            fmt::s(out, " [|tftp]");
            None
        }
    }
}

pub(crate) fn print(out: &mut Vec<u8>, data: &[u8], len: usize) {
    let b = Bytes(data);
    fmt::s(out, "TFTP, length ");
    fmt::u(out, len as u64);
    fmt::s(out, ", ");
    let Some(op) = b.u16(0) else {
        fmt::s(out, "[|tftp]");
        return;
    };
    let body = &data[2..data.len().min(len.max(2))];
    match op {
        1 | 2 | 6 => {
            fmt::s(
                out,
                match op {
                    1 => "RRQ",
                    2 => "WRQ",
                    _ => "OACK",
                },
            );
            let mut d = body;
            if op != 6 {
                out.push(b' ');
                let Some(rest) = string(out, d, true) else { return };
                out.push(b' ');
                let Some(rest) = string(out, rest, false) else { return };
                d = rest;
            }
            // Options: name and value pairs, bounded by the data.
            while !d.is_empty() && d[0] != 0 {
                out.push(b' ');
                let Some(rest) = string(out, d, false) else { return };
                out.push(b' ');
                let Some(rest) = string(out, rest, false) else { return };
                d = rest;
            }
        }
        3 | 4 => {
            fmt::s(out, if op == 3 { "DATA" } else { "ACK" });
            let Some(block) = b.u16(2) else {
                fmt::s(out, " [|tftp]");
                return;
            };
            fmt::s(out, " block ");
            fmt::u(out, block as u64);
        }
        5 => {
            fmt::s(out, "ERROR");
            let Some(code) = b.u16(2) else {
                fmt::s(out, " [|tftp]");
                return;
            };
            out.push(b' ');
            match ERRORS.get(code as usize) {
                Some(n) => fmt::s(out, n),
                None => {
                    // tcpdump's fallback text carries a stray quote.
                    fmt::s(out, "tftp-err-#");
                    fmt::u(out, code as u64);
                    fmt::s(out, " \"");
                }
            }
            out.push(b' ');
            let _ = string(out, data.get(4..).unwrap_or(&[]), true);
        }
        _ => {
            fmt::s(out, "tftp-#");
            fmt::u(out, op as u64);
        }
    }
}
