//! BGP-4 (RFC 4271) on TCP port 179.
//!
//! At default verbosity tcpdump prints only `: BGP` after the TCP length of
//! any segment with payload on port 179, whatever the payload holds (it
//! does not even check the marker), so that is all this printer writes
//! without `-v`. The messages themselves (OPEN, UPDATE with its path
//! attributes and NLRI, NOTIFICATION, KEEPALIVE, ROUTE-REFRESH) are not
//! dissected.

use super::{Printer, fmt};

/// Prints the BGP part of a TCP segment's line; `data` is the captured
/// payload and `len` its length on the wire.
pub(crate) fn print(_p: &mut Printer, _data: &[u8], _len: usize, out: &mut Vec<u8>) {
    fmt::s(out, ": BGP");
}
