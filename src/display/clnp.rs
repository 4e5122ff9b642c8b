//! CLNP (ISO 8473), the OSI connectionless network protocol, reached
//! through [`super::osi`] (NLPID 0x81).
//!
//! At default verbosity tcpdump prints the source and destination NSAPs,
//! the PDU type and the length the link layer gave:
//!
//! ```text
//! CLNP, 00 > e8.3030, Echo Request, length 262129
//! ```
//!
//! An NSAP is written as its first byte, then the rest in dot-separated
//! pairs of bytes (`49.0001.1921.6800.1001.00`). An address cut short by
//! the capture gives `CLNP [|clnp]`; a malformed fixed part gets tcpdump's
//! message and a hex dump. The segmentation part, the options
//! and the PDUs quoted by error reports and echoes (`-v`) are not
//! dissected.

use super::{Bytes, Printer, esis, fmt, l2ctl};

/// Writes an NSAP address as tcpdump does.
fn nsap(out: &mut Vec<u8>, a: &[u8]) {
    if a.is_empty() || a.len() > 20 {
        fmt::s(out, "isonsap_string: illegal length");
        return;
    }
    for (i, &b) in a.iter().enumerate() {
        if i % 2 == 1 {
            out.push(b'.');
        }
        fmt::byte_hex(out, b);
    }
}

/// Prints a CLNP PDU, `data` starting at its NLPID. Without `-e` the line
/// starts `CLNP`; with it the caller has already named the NLPID.
///
/// As in tcpdump, the nine-byte fixed part must have been captured (else
/// ` [|clnp]` alone), the length indicator must be at least 9 and at most
/// `len`, the version 1, and the length indicator must cover both
/// addresses; each failure is reported with a hex dump of the PDU.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(li), Some(version), Some(kind), true) = (b.u8(1), b.u8(2), b.u8(4), data.len() >= 9)
    else {
        fmt::s(out, " [|clnp]");
        return;
    };
    let eflag = p.opts.link_header;
    if !eflag {
        fmt::s(out, "CLNP");
    }
    let pdu = &data[..data.len().min(len)];
    let dump = |out: &mut Vec<u8>| l2ctl::hex_lines(out, "\n\t", pdu);
    if li < 9 {
        fmt::s(out, " length indicator ");
        fmt::u(out, li as u64);
        fmt::s(out, " < min PDU size:");
        esis::upper_hex(out, pdu);
        return dump(out);
    }
    if version != 1 {
        fmt::s(out, "version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return dump(out);
    }
    if li as usize > len {
        fmt::s(out, " length indicator(");
        fmt::u(out, li as u64);
        fmt::s(out, ") > PDU size (");
        fmt::u(out, len as u64);
        fmt::s(out, ")!");
        return dump(out);
    }
    // Each address after its length byte, destination first.
    let addrs = (|| {
        let dst_len = b.u8(9)? as usize;
        let dst = b.slice(10, dst_len)?;
        let src_len = b.u8(10 + dst_len)? as usize;
        let src = b.slice(11 + dst_len, src_len)?;
        Some((dst, src))
    })();
    let Some((dst, src)) = addrs else {
        fmt::s(out, " [|clnp]");
        return;
    };
    if (li as usize) < 11 + dst.len() + src.len() {
        fmt::s(out, "li < size of fixed part of CLNP header and addresses");
        return dump(out);
    }
    if !eflag {
        fmt::s(out, ", ");
    }
    nsap(out, src);
    fmt::s(out, " > ");
    nsap(out, dst);
    fmt::s(out, ", ");
    match kind & 0x1f {
        1 => fmt::s(out, "Error Report"),
        28 => fmt::s(out, "Data"),
        29 => fmt::s(out, "MD"),
        30 => fmt::s(out, "Echo Request"),
        31 => fmt::s(out, "Echo Response"),
        other => {
            fmt::s(out, "unknown (");
            fmt::u(out, other as u64);
            out.push(b')');
        }
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nsap_text() {
        for (bytes, want) in [
            (&[0x00u8][..], "00"),
            (&[0xe8, 0x30, 0x30][..], "e8.3030"),
            (
                &[0x49, 0x00, 0x01, 0x19, 0x21, 0x68, 0x00, 0x10, 0x01, 0x00][..],
                "49.0001.1921.6800.1001.00",
            ),
        ] {
            let mut out = Vec::new();
            nsap(&mut out, bytes);
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }
}
