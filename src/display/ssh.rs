//! The SSH version exchange (TCP port 22), as tcpdump shows it after the
//! TCP header.
//!
//! For SSH tcpdump shows only the identification string a connection
//! opens with (`: SSH: SSH-2.0-OpenSSH_9.6`): the payload must start with
//! `SSH-` and hold a whole line. A payload that ends while still matching
//! `SSH-` is reported truncated (` [|ssh]`, even when it is all there is);
//! any other payload prints nothing.

use super::fmt;

/// Prints what tcpdump shows of an SSH segment's payload; `false` when
/// the capture ended while it still read like a version exchange.
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let data = &data[..data.len().min(len)];
    for (i, &c) in b"SSH-".iter().enumerate() {
        match data.get(i) {
            Some(&d) if d == c => {}
            Some(_) => return true,
            None => {
                fmt::s(out, " [|ssh]");
                return false;
            }
        }
    }
    let Some(nl) = data.iter().position(|&c| c == b'\n') else { return true };
    let line = &data[..nl];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    // A version line with anything but printable ASCII is not shown.
    if !line.iter().all(|c| (0x20..0x7f).contains(c)) {
        return true;
    }
    fmt::s(out, ": SSH: ");
    out.extend_from_slice(line);
    true
}
