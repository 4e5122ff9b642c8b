//! Kerberos on UDP port 88.
//!
//! tcpdump looks at the first byte only to tell the versions apart. A
//! Kerberos 5 AS-REQ or AS-REP (ASN.1 application tags 10 and 11) prints
//! ` v5`; other Kerberos 5 messages and unknown first bytes print nothing.
//! A Kerberos 4 message (version byte 4) prints ` v4`, the byte order
//! (`be`/`le`, the low bit of the type byte) and the message type; a
//! KDC_REQUEST then shows the client `name.instance@realm`, the ticket
//! lifetime in minutes and the service `name.instance`, a KDC_REPLY the
//! client and the cipher length, an ERR_REPLY the client, the error code
//! and text, an APPL_REQUEST the key version, realm and the ticket and
//! authenticator lengths. Strings are printed the way `cat -v` shows
//! bytes (`^O`, `M-2`). The other messages print `(unknown)`, as tcpdump
//! does.

use super::{Bytes, fmt};

/// One byte the way tcpdump shows unprintable bytes in strings.
pub(crate) fn vis_byte(out: &mut Vec<u8>, c: u8) {
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

/// A NUL-terminated string from `*off`; `None` if the capture ends first
/// (the bytes seen are printed).
fn cstring(out: &mut Vec<u8>, data: &[u8], off: &mut usize) -> Option<()> {
    loop {
        let c = *data.get(*off)?;
        *off += 1;
        if c == 0 {
            return Some(());
        }
        vis_byte(out, c);
    }
}

const TYPES: [&str; 8] = [
    "KDC_REQUEST",
    "KDC_REPLY",
    "APPL_REQUEST",
    "APPL_REQUEST_MUTUAL",
    "ERR_REPLY",
    "PRIVATE",
    "SAFE",
    "APPL_ERR",
];

/// Prints a Kerberos message (the UDP payload); true when the capture
/// ended inside a KDC request's time stamp, where tcpdump's `-x` dump
/// starts at the link layer (for the strings it starts at the network
/// layer).
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let Some(first) = b.u8(0) else {
        fmt::s(out, " [|krb]");
        return false;
    };
    match first {
        0x6a | 0x6b => fmt::s(out, " v5"),
        4 => {
            let mut in_time = false;
            if v4(data, out, &mut in_time).is_none() {
                fmt::s(out, " [|krb]");
                return in_time;
            }
        }
        _ => {}
    }
    false
}

fn v4(data: &[u8], out: &mut Vec<u8>, in_time: &mut bool) -> Option<()> {
    let t = *data.get(1)?;
    fmt::s(out, " v4 ");
    let le = t & 1 != 0;
    fmt::s(out, if le { "le " } else { "be " });
    let ty = (t >> 1) as usize;
    match ty.checked_sub(1).and_then(|i| TYPES.get(i)) {
        Some(n) => fmt::s(out, n),
        None => {
            out.push(b'#');
            fmt::u(out, (t & 0xfe) as u64);
        }
    }
    fmt::s(out, ": ");
    let u16_at = |off: usize| -> Option<u16> {
        let b = data.get(off..off + 2)?;
        Some(if le { u16::from_le_bytes([b[0], b[1]]) } else { u16::from_be_bytes([b[0], b[1]]) })
    };
    let mut off = 2;
    match ty {
        1 | 2 | 5 => {}
        3 => {
            // Key version, realm, ticket and authenticator lengths.
            fmt::s(out, "v");
            fmt::u(out, *data.get(2)? as u64);
            out.push(b' ');
            off = 3;
            cstring(out, data, &mut off)?;
            for _ in 0..2 {
                fmt::s(out, " (");
                fmt::u(out, *data.get(off)? as u64);
                out.push(b')');
                off += 1;
            }
            return Some(());
        }
        _ => {
            fmt::s(out, "(unknown)");
            return Some(());
        }
    }
    cstring(out, data, &mut off)?;
    out.push(b'.');
    cstring(out, data, &mut off)?;
    out.push(b'@');
    cstring(out, data, &mut off)?;
    if ty == 2 {
        // Time, count, expiry and key version, then the cipher length.
        fmt::s(out, " (");
        fmt::u(out, u16_at(off + 10)? as u64);
        out.push(b')');
        return Some(());
    }
    if ty == 5 {
        // Time, then the error code and text.
        fmt::s(out, " #");
        fmt::u(out, u16_at(off + 4)? as u64);
        out.push(b' ');
        off += 8;
        return cstring(out, data, &mut off);
    }
    // The request time (four bytes in the sender's order) is skipped.
    if data.len() < off + 4 {
        *in_time = true;
        return None;
    }
    off += 4;
    let life = *data.get(off)?;
    off += 1;
    out.push(b' ');
    fmt::u(out, life as u64 * 5);
    fmt::s(out, "min ");
    cstring(out, data, &mut off)?;
    out.push(b'.');
    cstring(out, data, &mut off)?;
    Some(())
}
