//! RESP, the Redis serialization protocol, on TCP port 6379.
//!
//! tcpdump prints `RESP` and then every value of the segment in order,
//! arrays flattened: strings, errors, integers, bulk strings and inline
//! commands as `"TEXT"` (control bytes as `^X`, high bytes as `M-x`), a
//! null bulk string or array as `null`, an empty bulk string as `empty`.
//! A malformed length prints `invalid`, `length negative and not -1` or
//! `length too large`, and a value cut short by the end of the segment
//! ends the line with `[|resp]`.

use super::fmt;

/// The largest length taken as real.
const MAX_LEN: i64 = i32::MAX as i64;

/// Appends `RESP` and the values in `data`.
pub(crate) fn print(out: &mut Vec<u8>, data: &[u8]) {
    fmt::s(out, "RESP");
    let mut d = data;
    while let Some(&first) = d.first() {
        // Blank lines between inline commands are skipped.
        if first == b'\r' || first == b'\n' {
            d = &d[1..];
            continue;
        }
        out.push(b' ');
        match first {
            b'+' | b'-' | b':' => {
                let Some(end) = crlf(&d[1..]) else {
                    fmt::s(out, "[|resp]");
                    return;
                };
                quoted(out, &d[1..1 + end]);
                d = &d[1 + end + 2..];
            }
            b'$' | b'*' => {
                let (n, used) = match number(&d[1..]) {
                    Num::Ok(n, used) => (n, used),
                    Num::Invalid(used) => {
                        fmt::s(out, "invalid");
                        d = &d[1 + used..];
                        continue;
                    }
                    Num::Short => {
                        fmt::s(out, "[|resp]");
                        return;
                    }
                };
                d = &d[1 + used..];
                if n == -1 {
                    fmt::s(out, "null");
                } else if n < -1 {
                    fmt::s(out, "length negative and not -1");
                } else if n > MAX_LEN {
                    fmt::s(out, "length too large");
                } else if first == b'*' {
                    // An array's elements follow as values of their own.
                    if n == 0 {
                        fmt::s(out, "empty");
                    } else {
                        out.pop();
                    }
                } else if n == 0 {
                    fmt::s(out, "empty");
                    if d.len() < 2 {
                        out.pop();
                        fmt::s(out, " [|resp]");
                        return;
                    }
                    d = &d[2..];
                } else {
                    let n = n as usize;
                    let Some(body) = d.get(..n) else {
                        fmt::s(out, "[|resp]");
                        return;
                    };
                    if d.len() < n + 2 {
                        fmt::s(out, "[|resp]");
                        return;
                    }
                    quoted(out, body);
                    d = &d[n + 2..];
                }
            }
            _ => {
                // An inline command: one line of text, ended by CR or LF.
                let Some(end) = d.iter().position(|&c| c == b'\r' || c == b'\n') else {
                    fmt::s(out, "[|resp]");
                    return;
                };
                quoted(out, &d[..end]);
                d = &d[end..];
            }
        }
    }
}

/// Where the next CR LF starts.
fn crlf(d: &[u8]) -> Option<usize> {
    d.windows(2).position(|w| w == b"\r\n")
}

enum Num {
    /// The value and the bytes used, CR LF included.
    Ok(i64, usize),
    /// Not a number: the bytes used up to and including the bad byte.
    Invalid(usize),
    /// The segment ends first.
    Short,
}

/// A decimal length (optionally negative) ended by CR LF.
fn number(d: &[u8]) -> Num {
    let mut i = 0;
    let neg = d.first() == Some(&b'-');
    if neg {
        i = 1;
    }
    let mut v: i64 = 0;
    let start = i;
    loop {
        let Some(&c) = d.get(i) else { return Num::Short };
        match c {
            b'0'..=b'9' => {
                v = v.saturating_mul(10).saturating_add((c - b'0') as i64);
                i += 1;
            }
            b'\r' if i > start => {
                let Some(&n) = d.get(i + 1) else { return Num::Short };
                if n != b'\n' {
                    return Num::Invalid(i + 2);
                }
                return Num::Ok(if neg { -v } else { v }, i + 2);
            }
            _ => return Num::Invalid(i + 1),
        }
    }
}

/// `"TEXT"` with tcpdump's escapes for bytes that are not printable.
fn quoted(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    escaped(out, s);
    out.push(b'"');
}

/// Bytes as text, control bytes as `^X` and high bytes as `M-x`.
pub(crate) fn escaped(out: &mut Vec<u8>, s: &[u8]) {
    for &c in s {
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
