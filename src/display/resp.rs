//! RESP, the Redis serialization protocol, on TCP port 6379.
//!
//! tcpdump prints `RESP` and every item of the segment in turn: simple
//! strings, errors and integers (`+OK`, `-ERR ...`, `:3`) and bulk
//! strings quoted, arrays flattened into their items, a -1 length as
//! `null`, a zero length as `empty`, and inline commands (lines that do
//! not start with a type character) quoted whole:
//! `RESP "SET" "key:000000000943" "xxx"`. Bytes outside printable ASCII
//! are shown the way `cat -v` shows them. A length that is not a number
//! ends in `invalid`, one below -1 in `length negative and not -1`, one
//! above 2^31-1 in `length too large`; an item the capture cuts short
//! ends the line with ` [|resp]`. These rules were taken from tcpdump's
//! output on the corpus and on crafted segments.

use super::fmt;
use super::krb::vis_byte;

/// How deep arrays may nest before bpfcap stops (tcpdump has no need:
/// each level consumes bytes, and so does each level here).
const MAX_DEPTH: usize = 64;

/// Prints a RESP segment; true if an item ran past the captured bytes.
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) -> bool {
    fmt::s(out, ": RESP");
    let mut at = 0;
    while at < data.len() {
        match item(data, at, 0, out) {
            Some(next) => at = next,
            None => {
                fmt::s(out, " [|resp]");
                return true;
            }
        }
    }
    false
}

fn quoted(out: &mut Vec<u8>, s: &[u8]) {
    fmt::s(out, " \"");
    for &c in s {
        vis_byte(out, c);
    }
    out.push(b'"');
}

fn is_eol(c: u8) -> bool {
    c == b'\r' || c == b'\n'
}

/// The offset just past the CR/LF run that follows `at`'s line; `None`
/// when the line has no end in the capture. Returns (line end, next).
fn line(data: &[u8], at: usize) -> Option<(usize, usize)> {
    let end = at + data.get(at..)?.iter().position(|&c| is_eol(c))?;
    let next = end + data[end..].iter().take_while(|&&c| is_eol(c)).count();
    Some((end, next))
}

/// A length after `*` or `$` at `at`: the number and the offset past its
/// CR LF, or the offset past the bad character (`Err`).
fn length(data: &[u8], at: usize) -> Option<Result<(i64, usize), usize>> {
    let mut i = at;
    let neg = data.get(i) == Some(&b'-');
    if neg {
        i += 1;
    }
    let start = i;
    let mut v: i64 = 0;
    while let Some(&c) = data.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        v = v.saturating_mul(10).saturating_add(i64::from(c - b'0'));
        i += 1;
    }
    let c = *data.get(i)?;
    if i == start || c != b'\r' {
        return Some(Err(i + 1));
    }
    if *data.get(i + 1)? != b'\n' {
        return Some(Err(i + 1));
    }
    Some(Ok((if neg { -v } else { v }, i + 2)))
}

/// Prints the item at `at`; returns the offset after it, `None` if the
/// capture ends inside it.
fn item(data: &[u8], at: usize, depth: usize, out: &mut Vec<u8>) -> Option<usize> {
    match *data.get(at)? {
        b'+' | b'-' | b':' => {
            let (end, next) = line(data, at + 1)?;
            quoted(out, &data[at + 1..end]);
            Some(next)
        }
        t @ (b'$' | b'*') => {
            let (n, after) = match length(data, at + 1)? {
                Ok(v) => v,
                Err(next) => {
                    fmt::s(out, " invalid");
                    return Some(next);
                }
            };
            if n > i64::from(i32::MAX) {
                fmt::s(out, " length too large");
                return Some(after);
            }
            match n {
                -1 => {
                    fmt::s(out, " null");
                    return Some(after);
                }
                n if n < -1 => {
                    fmt::s(out, " length negative and not -1");
                    return Some(after);
                }
                0 if t == b'*' => {
                    fmt::s(out, " empty");
                    return Some(after);
                }
                _ => {}
            }
            if t == b'$' {
                let n = n as usize;
                let s = data.get(after..after.checked_add(n)?)?;
                if n == 0 {
                    fmt::s(out, " empty");
                } else {
                    quoted(out, s);
                }
                // The data ends with CR LF: skip to just past the next one.
                let rest = data.get(after + n..)?;
                let p = rest.windows(2).position(|w| w == b"\r\n")?;
                return Some(after + n + p + 2);
            }
            if depth >= MAX_DEPTH {
                return None;
            }
            let mut next = after;
            for _ in 0..n {
                next = item(data, next, depth + 1, out)?;
            }
            Some(next)
        }
        _ => {
            // An inline command: blank lines before it are skipped.
            let start = at + data[at..].iter().take_while(|&&c| is_eol(c)).count();
            let (end, next) = line(data, start)?;
            quoted(out, &data[start..end]);
            Some(next)
        }
    }
}
