//! TFTP (RFC 1350, options from RFC 2347) on UDP port 69.
//!
//! tcpdump prints `TFTP, length N, ` and the opcode, then for a read or
//! write request the quoted file name, the transfer mode and any options
//! (`RRQ "file1" octet`), for data and acks the block number, for errors
//! the code and message. Only the first packet of a transfer uses port
//! 69, so the rest print as plain UDP, as in tcpdump. A string cut short
//! by the capture is printed as far as it goes, then `[|tftp]`.

use super::krb::vis_byte;
use super::{Bytes, fmt};

const ERRORS: [&str; 9] = [
    "EUNDEF",
    "ENOTFOUND",
    "EACCESS",
    "ENOSPACE",
    "EBADOP",
    "EBADID",
    "EEXISTS",
    "ENOUSER",
    "EBADOPTION",
];

/// A NUL-terminated string; `None` if the capture ends inside it.
fn string(out: &mut Vec<u8>, data: &[u8], off: &mut usize, quote: bool) -> Option<()> {
    if quote {
        out.push(b'"');
    }
    loop {
        let Some(&c) = data.get(*off) else {
            if quote {
                out.push(b'"');
            }
            return None;
        };
        *off += 1;
        if c == 0 {
            break;
        }
        vis_byte(out, c);
    }
    if quote {
        out.push(b'"');
    }
    Some(())
}

/// Prints a TFTP packet (the UDP payload, `len` bytes long).
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    fmt::s(out, "TFTP, length ");
    fmt::u(out, len as u64);
    if body(data, out).is_none() {
        fmt::s(out, " [|tftp]");
    }
}

fn body(data: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let b = Bytes(data);
    let op = b.u16(0)?;
    fmt::s(out, ", ");
    match op {
        1 | 2 | 6 => {
            fmt::s(out, ["RRQ", "WRQ", "OACK"][if op == 6 { 2 } else { op as usize - 1 }]);
            let mut off = 2;
            if op != 6 {
                out.push(b' ');
                string(out, data, &mut off, true)?;
                out.push(b' ');
                string(out, data, &mut off, false)?;
            }
            // Options: name and value pairs to the end of the packet.
            while off < data.len() {
                out.push(b' ');
                string(out, data, &mut off, false)?;
                out.push(b' ');
                string(out, data, &mut off, false)?;
            }
        }
        3 | 4 => {
            fmt::s(out, if op == 3 { "DATA" } else { "ACK" });
            fmt::s(out, " block ");
            fmt::u(out, b.u16(2)? as u64);
        }
        5 => {
            fmt::s(out, "ERROR ");
            let code = b.u16(2)?;
            match ERRORS.get(code as usize) {
                Some(n) => fmt::s(out, n),
                None => {
                    // tcpdump's name for an unknown code carries a stray
                    // quote.
                    fmt::s(out, "tftp-err-#");
                    fmt::u(out, code as u64);
                    fmt::s(out, " \"");
                }
            }
            out.push(b' ');
            let mut off = 4;
            string(out, data, &mut off, true)?;
        }
        _ => {
            fmt::s(out, "tftp-#");
            fmt::u(out, op as u64);
        }
    }
    Some(())
}
