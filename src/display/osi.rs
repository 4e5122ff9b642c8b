//! OSI network-layer packets, chosen by their first byte (the NLPID), as
//! tcpdump prints them over LLC (SAP 0xfe), Cisco HDLC and BSD NULL
//! (`AF ISO`). With `-e` the NLPID is named first
//! (`OSI NLPID IS-IS (0x83): `); without it an unknown NLPID reads
//! `OSI NLPID 0x78 unknown, length: 2` and its bytes follow as tcpdump's
//! inline hex lines.
//!
//! IS-IS (ISO 10589) gets tcpdump's one-line summary of its common header
//! and the fixed part of each PDU type: `IS-IS, L1 Lan IIH, src-id
//! 3333.3333.3333, lan-id 3333.3333.3333.02, prio 64, length 1497`,
//! `IS-IS, p2p IIH, src-id ...`, `IS-IS, L2 LSP, lsp-id
//! 1920.0000.0008.00-00, seq 0x00000031, lifetime 65534s, length 97`,
//! `IS-IS, L1 CSNP, src-id ...00, length 83` and the PSNPs; its TLVs (shown
//! by tcpdump at `-v`) are not dissected. ES-IS (ISO 9542) prints its PDU
//! type and length. CLNP is not dissected: it gets the honest
//! `OSI NLPID CLNP (not dissected)` line.

use super::{Bytes, Printer, fmt, hex_dump};

fn nlpid_name(n: u8) -> Option<&'static str> {
    Some(match n {
        0x00 => "NULL",
        0x08 => "Q.933",
        0x80 => "IEEE 802.1 SNAP",
        0x81 => "CLNP",
        0x82 => "ES-IS",
        0x83 => "IS-IS",
        0x8e => "IPv6",
        0xcc => "IPv4",
        0xcf => "PPP",
        _ => return None,
    })
}

/// Prints an OSI packet that may follow a one-byte pad, as on Cisco HDLC
/// and with the OSI ethertype: the pad is skipped when the byte after it
/// is a CLNP, ES-IS or IS-IS NLPID.
pub(crate) fn print_padded(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    match data.get(1) {
        Some(0x81..=0x83) => print(p, &data[1..], len.saturating_sub(1), out),
        _ => print(p, data, len, out),
    }
}

/// Prints the OSI packet in `data` (`len` bytes on the wire).
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let Some(&nlpid) = data.first() else {
        fmt::s(out, "[|osi]");
        return;
    };
    let name = nlpid_name(nlpid);
    if p.opts.link_header {
        fmt::s(out, "OSI NLPID ");
        fmt::s(out, name.unwrap_or("Unknown"));
        fmt::s(out, " (0x");
        fmt::x_pad(out, nlpid as u64, 2);
        fmt::s(out, "): ");
    }
    match nlpid {
        0x83 => {
            if !p.opts.link_header {
                fmt::s(out, "IS-IS, ");
            }
            isis(data, len, out);
            return;
        }
        0x82 => {
            if !p.opts.link_header {
                fmt::s(out, "ES-IS, ");
            }
            esis(data, len, out);
            return;
        }
        0x81 => {
            if !p.opts.link_header {
                fmt::s(out, "CLNP");
            }
            clnp(data, len, !p.opts.link_header, out);
            return;
        }
        _ => {}
    }
    match name {
        None => {
            if !p.opts.link_header {
                fmt::s(out, "OSI NLPID 0x");
                fmt::x_pad(out, nlpid as u64, 2);
                fmt::s(out, " unknown, ");
            }
            fmt::s(out, "length: ");
            fmt::u(out, len as u64);
            if len > 1 {
                hex_dump(out, &data[..data.len().min(len)], false);
            }
        }
        Some(name) => {
            if !p.opts.link_header {
                fmt::s(out, "OSI NLPID ");
                fmt::s(out, name);
                out.push(b' ');
            }
            fmt::s(out, "(not dissected), length ");
            fmt::u(out, len as u64);
        }
    }
}

/// A system id, `1111.2222.3333`, then for longer ids the pseudonode
/// (`.01`) and the LSP number (`-00`).
fn sysid(out: &mut Vec<u8>, id: &[u8]) {
    for (i, &b) in id.iter().take(6).enumerate() {
        if i > 0 && i % 2 == 0 {
            out.push(b'.');
        }
        fmt::byte_hex(out, b);
    }
    if let Some(&pn) = id.get(6) {
        out.push(b'.');
        fmt::byte_hex(out, pn);
    }
    if let Some(&frag) = id.get(7) {
        out.push(b'-');
        fmt::byte_hex(out, frag);
    }
}

/// The IS-IS PDU in `data` (starting at its NLPID), `len` bytes long.
fn isis(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(hlen), Some(version), Some(idlen), Some(ptype), Some(version2)) =
        (b.u8(1), b.u8(2), b.u8(3), b.u8(4), b.u8(5))
    else {
        fmt::s(out, "[|isis]");
        return;
    };
    if version != 1 {
        fmt::s(out, "version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    if idlen != 0 && idlen != 6 {
        fmt::s(out, "system ID length of ");
        fmt::u(out, idlen as u64);
        fmt::s(out, " is not supported");
        return;
    }
    if version2 != 1 {
        fmt::s(out, "version ");
        fmt::u(out, version2 as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    let ptype = ptype & 0x1f;
    // The fixed header of each PDU type, after the eight common bytes.
    let (name, fixed) = match ptype {
        15 => ("L1 Lan IIH", 27),
        16 => ("L2 Lan IIH", 27),
        17 => ("p2p IIH", 20),
        18 => ("L1 LSP", 27),
        20 => ("L2 LSP", 27),
        24 => ("L1 CSNP", 33),
        25 => ("L2 CSNP", 33),
        26 => ("L1 PSNP", 17),
        27 => ("L2 PSNP", 17),
        _ => {
            fmt::s(out, "unknown PDU type 0x");
            fmt::x_pad(out, ptype as u64, 2);
            return;
        }
    };
    if hlen as usize != fixed {
        fmt::s(out, "bogus fixed header length ");
        fmt::u(out, hlen as u64);
        fmt::s(out, " should be ");
        fmt::u(out, fixed as u64);
        return;
    }
    fmt::s(out, name);
    let h = 8;
    match ptype {
        15 | 16 => {
            let (Some(src), Some(prio), Some(lan)) =
                (b.slice(h + 1, 6), b.u8(h + 11), b.slice(h + 12, 7))
            else {
                fmt::s(out, "[|isis]");
                return;
            };
            fmt::s(out, ", src-id ");
            sysid(out, src);
            fmt::s(out, ", lan-id ");
            sysid(out, lan);
            fmt::s(out, ", prio ");
            fmt::u(out, (prio & 0x7f) as u64);
        }
        17 => {
            let Some(src) = b.slice(h + 1, 6) else {
                fmt::s(out, "[|isis]");
                return;
            };
            fmt::s(out, ", src-id ");
            sysid(out, src);
        }
        18 | 20 => {
            let (Some(life), Some(id), Some(seq)) =
                (b.u16(h + 2), b.slice(h + 4, 8), b.u32(h + 12))
            else {
                fmt::s(out, "[|isis]");
                return;
            };
            fmt::s(out, ", lsp-id ");
            sysid(out, id);
            fmt::s(out, ", seq 0x");
            fmt::x_pad(out, seq as u64, 8);
            fmt::s(out, ", lifetime ");
            let digits = life.max(1).ilog10() as usize + 1;
            for _ in digits..5 {
                out.push(b' ');
            }
            fmt::u(out, life as u64);
            out.push(b's');
        }
        _ => {
            let Some(src) = b.slice(h + 2, 7) else {
                fmt::s(out, "[|isis]");
                return;
            };
            fmt::s(out, ", src-id ");
            sysid(out, src);
        }
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

/// ES-IS: the PDU type and the length.
fn esis(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let Some(&t) = data.get(4) else {
        fmt::s(out, "[|esis]");
        return;
    };
    match t & 0x1f {
        2 => fmt::s(out, "ESH"),
        4 => fmt::s(out, "ISH"),
        6 => fmt::s(out, "redirect"),
        other => {
            fmt::s(out, "unknown type (");
            fmt::u(out, other as u64);
            out.push(b')');
        }
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

/// An NSAP address: the first byte, then the rest in groups of two
/// bytes, dot-separated (`49.0001.1921.6800.1001`).
fn nsap(out: &mut Vec<u8>, a: &[u8]) {
    for (i, &b) in a.iter().enumerate() {
        if i % 2 == 1 {
            out.push(b'.');
        }
        fmt::byte_hex(out, b);
    }
}

/// CLNP: source and destination NSAPs, the PDU type and the length (the
/// segmentation part and the options, shown by tcpdump at `-v`, are not
/// dissected). `comma` separates the addresses from a preceding `CLNP`.
fn clnp(data: &[u8], len: usize, comma: bool, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(t), Some(dl)) = (b.u8(4), b.u8(9)) else {
        fmt::s(out, " [|clnp]");
        return;
    };
    let dl = dl as usize;
    let (Some(dst), Some(sl)) = (b.slice(10, dl), b.u8(10 + dl)) else {
        fmt::s(out, " [|clnp]");
        return;
    };
    let Some(src) = b.slice(11 + dl, sl as usize) else {
        fmt::s(out, " [|clnp]");
        return;
    };
    if comma {
        fmt::s(out, ", ");
    }
    nsap(out, src);
    fmt::s(out, " > ");
    nsap(out, dst);
    fmt::s(out, ", ");
    match t & 0x1f {
        0x01 => fmt::s(out, "Error Report"),
        0x1c => fmt::s(out, "Data"),
        0x1d => fmt::s(out, "Multicast Data"),
        0x1e => fmt::s(out, "Echo Request"),
        0x1f => fmt::s(out, "Echo Response"),
        other => {
            fmt::s(out, "unknown (");
            fmt::u(out, other as u64);
            out.push(b')');
        }
    }
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}
