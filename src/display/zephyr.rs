//! Zephyr, MIT's notification service, on UDP ports 2103 and 2104.
//!
//! A notice is a list of NUL-terminated text fields starting with the
//! version (`ZEPH0.2`). tcpdump reads the first field before anything
//! else: if the capture ends inside it the line ends with ` [|zephyr]`,
//! and if it is not a Zephyr version tcpdump prints nothing more. Real
//! notices (kind, class, instance, sender, recipient) are not dissected:
//! [`print`] declines them, so the line reads `UDP, length N`.

use super::fmt;

/// Prints a Zephyr notice's first-field checks; `None` for a notice with
/// a Zephyr version, which bpfcap does not dissect, else whether the
/// capture ended inside the field (where tcpdump's `-x` dump starts at
/// the link layer).
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) -> Option<bool> {
    let Some(end) = data.iter().position(|&c| c == 0) else {
        fmt::s(out, " [|zephyr]");
        return Some(true);
    };
    if data[..end].starts_with(b"ZEPH") {
        return None;
    }
    Some(false)
}
