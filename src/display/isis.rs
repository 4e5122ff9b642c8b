//! IS-IS (ISO 10589) PDUs carried in OSI frames: over 802.3 with the LLC
//! SAP 0xfe, and over Cisco HDLC (protocol 0xfefe).
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
//! not the PDU length field. The TLVs, which tcpdump shows only with `-v`,
//! are not dissected, nor are the other OSI network protocols (CLNP,
//! ES-IS): those frames keep the link layer's `not dissected` line.

use super::{Bytes, Printer, fmt};

/// Prints an IS-IS PDU, `data` starting at its NLPID and `len` its length
/// as the link layer gives it. Without `-e` the line starts `IS-IS, `;
/// with it the caller has already named the NLPID.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if !p.opts.link_header {
        fmt::s(out, "IS-IS, ");
    }
    isis(data, len, out);
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

/// The PDU after its prefix.
fn isis(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    // The common header: NLPID, header length, version, ID length, PDU
    // type, version, reserved, maximum area addresses.
    let (Some(_), Some(id_len), Some(pdu_type)) = (b.u8(1), b.u8(3), b.u8(4)) else {
        fmt::s(out, "[|isis]");
        return;
    };
    // The ID length field says 0 for the usual six bytes; anything else is
    // not a form this printer lays fields out for.
    if !matches!(id_len, 0 | 6) {
        fmt::s(out, "[|isis]");
        return;
    }
    let level = |out: &mut Vec<u8>, l2: bool| fmt::s(out, if l2 { "L2 " } else { "L1 " });
    const H: usize = 8;
    let trunc = |out: &mut Vec<u8>| fmt::s(out, "[|isis]");
    match pdu_type & 0x1f {
        t @ (15 | 16) => {
            let (Some(src), Some(prio), Some(lan)) =
                (b.slice(H + 1, 6), b.u8(H + 11), b.slice(H + 12, 7))
            else {
                return trunc(out);
            };
            level(out, t == 16);
            fmt::s(out, "Lan IIH, src-id ");
            id(out, src);
            fmt::s(out, ", lan-id ");
            id(out, lan);
            fmt::s(out, ", prio ");
            fmt::u(out, prio as u64);
        }
        17 => {
            let Some(src) = b.slice(H + 1, 6) else { return trunc(out) };
            fmt::s(out, "p2p IIH, src-id ");
            id(out, src);
        }
        t @ (18 | 20) => {
            let (Some(life), Some(lsp), Some(seq)) =
                (b.u16(H + 2), b.slice(H + 4, 8), b.u32(H + 12))
            else {
                return trunc(out);
            };
            level(out, t == 20);
            fmt::s(out, "LSP, lsp-id ");
            id(out, lsp);
            fmt::s(out, ", seq 0x");
            fmt::x_pad(out, seq as u64, 8);
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
        t @ 24..=27 => {
            let Some(src) = b.slice(H + 2, 7) else { return trunc(out) };
            level(out, t == 25 || t == 27);
            fmt::s(out, if t < 26 { "CSNP, src-id " } else { "PSNP, src-id " });
            id(out, src);
        }
        other => {
            fmt::s(out, "unknown PDU, type ");
            fmt::u(out, other as u64);
        }
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
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
