//! AHCP, the Ad-Hoc Configuration Protocol, on UDP port 5359.
//!
//! At default verbosity tcpdump prints only `AHCP Version 1` (the version
//! byte after the magic 43), but it still checks the whole version-1
//! message: a header or body longer than the datagram ends the line with
//! ` (invalid)`, one cut off by the capture with ` [|ahcp]`. A wrong magic
//! is `AHCP (invalid)`, another version `AHCP Version N (unknown)`. The
//! message type, nonce, identifiers and options (shown with `-v`) are not
//! dissected.

use super::fmt;

/// The magic number of the first byte.
const MAGIC: u8 = 43;

/// The version-1 header (magic, version, two hop counts, nonce, source and
/// destination ids) and message header (type, reserved byte, body length).
const V1_HEADER: usize = 28;

/// How much of the message must be there: `Err` holds the marker for
/// a message shorter than `need` (by its length, then by the capture).
fn check(data: &[u8], len: usize, need: usize) -> Result<(), &'static str> {
    if len < need {
        Err(" (invalid)")
    } else if data.len() < need {
        Err(" [|ahcp]")
    } else {
        Ok(())
    }
}

/// Prints an AHCP message; `len` is the UDP payload length.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    fmt::s(out, "AHCP");
    if let Err(marker) = body(data, len, out) {
        fmt::s(out, marker);
    }
}

fn body(data: &[u8], len: usize, out: &mut Vec<u8>) -> Result<(), &'static str> {
    check(data, len, 1)?;
    if data[0] != MAGIC {
        return Err(" (invalid)");
    }
    check(data, len, 2)?;
    fmt::s(out, " Version ");
    fmt::u(out, data[1] as u64);
    if data[1] != 1 {
        return Err(" (unknown)");
    }
    check(data, len, V1_HEADER)?;
    let body = u16::from_be_bytes([data[V1_HEADER - 2], data[V1_HEADER - 1]]) as usize;
    check(data, len, V1_HEADER + body)
}
