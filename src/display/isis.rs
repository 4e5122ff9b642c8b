//! IS-IS (ISO 10589) PDUs, reached through [`super::osi`] (NLPID 0x83)
//! from 802.3 with the LLC SAP 0xfe, Cisco HDLC and the 0xfefe ethertype.
//!
//! At default verbosity tcpdump prints one line per PDU with the PDU kind
//! and the identifiers from its fixed header:
//!
//! ```text
//! IS-IS, L2 Lan IIH, src-id 4444.4444.4444, lan-id 4444.4444.4444.01, prio 64, length 1497
//! IS-IS, p2p IIH, src-id 1111.1111.1111, length 1499
//! IS-IS, L1 LSP, lsp-id 1111.1111.1111.00-00, seq 0x00000007, lifetime  1200s, length 74
//! IS-IS, L1 CSNP, src-id 2222.2222.2222.00, length 67
//! IS-IS, L1 PSNP, src-id 1111.1111.1111.00, length 35
//! ```
//!
//! The length is the one the link layer hands over (from the NLPID on),
//! not the PDU length field. A malformed fixed header gets tcpdump's
//! message and a hex dump instead. The TLVs, which tcpdump shows only with
//! `-v`, are not dissected.

use super::{Bytes, Printer, fmt, l2ctl};

/// Prints an IS-IS PDU, `data` starting at its NLPID and `len` its length
/// as the link layer gives it. Without `-e` the line starts `IS-IS`;
/// with it the caller has already named the NLPID.
///
/// The checks come in tcpdump's order: the common header must have been
/// captured (else ` [|isis]` alone), both versions must be 1 and the ID
/// length 0 or 6, the fixed header must fit in `len`, and its length must
/// be the one of the PDU type; each failure is reported with a hex dump of
/// the PDU.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(hdr_len), Some(version), Some(id_len), Some(pdu_type), Some(version2)) =
        (b.u8(1), b.u8(2), b.u8(3), b.u8(4), b.u8(5))
    else {
        fmt::s(out, " [|isis]");
        return;
    };
    if data.len() < 8 {
        fmt::s(out, " [|isis]");
        return;
    }
    let eflag = p.opts.link_header;
    if !eflag {
        fmt::s(out, "IS-IS");
    }
    let pdu = &data[..data.len().min(len)];
    let dump = |out: &mut Vec<u8>| l2ctl::hex_lines(out, "\n\t", pdu);
    if version != 1 || version2 != 1 {
        fmt::s(out, "version ");
        fmt::u(out, if version != 1 { version } else { version2 } as u64);
        fmt::s(out, " packet not supported");
        return dump(out);
    }
    // The ID length field says 0 for the usual six bytes.
    if !matches!(id_len, 0 | 6) {
        fmt::s(out, "system ID length of ");
        fmt::u(out, id_len as u64);
        fmt::s(out, " is not supported");
        return dump(out);
    }
    if hdr_len as usize > len {
        fmt::s(out, "fixed header length ");
        fmt::u(out, hdr_len as u64);
        fmt::s(out, " > packet length ");
        fmt::u(out, len as u64);
        return dump(out);
    }
    if !eflag {
        fmt::s(out, ", ");
    }
    // The PDU's name, its fixed header length and the one tcpdump names
    // when they differ (for LSPs, without the common header).
    let (name, want, said) = match pdu_type {
        15 => ("L1 Lan IIH", 27, 27),
        16 => ("L2 Lan IIH", 27, 27),
        17 => ("p2p IIH", 20, 20),
        18 => ("L1 LSP", 27, 19),
        20 => ("L2 LSP", 27, 19),
        24 => ("L1 CSNP", 33, 33),
        25 => ("L2 CSNP", 33, 33),
        26 => ("L1 PSNP", 17, 17),
        27 => ("L2 PSNP", 17, 17),
        other => {
            fmt::s(out, "unknown PDU-Type ");
            fmt::u(out, other as u64);
            fmt::s(out, ", length ");
            fmt::u(out, len as u64);
            return;
        }
    };
    fmt::s(out, name);
    if hdr_len != want {
        fmt::s(out, ", bogus fixed header length ");
        fmt::u(out, hdr_len as u64);
        fmt::s(out, " should be ");
        fmt::u(out, said as u64);
        return dump(out);
    }
    if data.len() < want as usize {
        fmt::s(out, " [|isis]");
        return;
    }
    // The fixed header was captured whole, so these slices exist.
    const H: usize = 8;
    let field = |off: usize, n: usize| &data[H + off..H + off + n];
    match pdu_type {
        15 | 16 => {
            fmt::s(out, ", src-id ");
            id(out, field(1, 6));
            fmt::s(out, ", lan-id ");
            id(out, field(12, 7));
            fmt::s(out, ", prio ");
            fmt::u(out, data[H + 11] as u64);
        }
        17 => {
            fmt::s(out, ", src-id ");
            id(out, field(1, 6));
        }
        18 | 20 => {
            let life = u16::from_be_bytes([data[H + 2], data[H + 3]]);
            fmt::s(out, ", lsp-id ");
            id(out, field(4, 8));
            fmt::s(out, ", seq 0x");
            let seq = field(12, 4);
            fmt::hex_bytes(out, seq);
            fmt::s(out, ", lifetime ");
            // tcpdump pads the lifetime to five columns.
            let start = out.len();
            fmt::u(out, life as u64);
            let width = out.len() - start;
            if width < 5 {
                out.splice(start..start, std::iter::repeat_n(b' ', 5 - width));
            }
            out.push(b's');
        }
        _ => {
            fmt::s(out, ", src-id ");
            id(out, field(2, 7));
        }
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

/// Writes an identifier the way tcpdump does: pairs of bytes joined by
/// dots for the six-byte system ID, then the pseudonode byte after another
/// dot and the LSP fragment number after a dash.
fn id(out: &mut Vec<u8>, bytes: &[u8]) {
    for (i, &b) in bytes.iter().enumerate() {
        match i {
            2 | 4 | 6 => out.push(b'.'),
            7 => out.push(b'-'),
            _ => {}
        }
        fmt::byte_hex(out, b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        for (bytes, want) in [
            (&[0x44u8, 0x44, 0x44, 0x44, 0x44, 0x44][..], "4444.4444.4444"),
            (&[0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x00][..], "2222.2222.2222.00"),
            (&[0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x01, 0x02][..], "1111.1111.1111.01-02"),
        ] {
            let mut out = Vec::new();
            id(&mut out, bytes);
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }
}
