//! The IPsec headers: ESP (IP protocol 50, and ESP-in-UDP on port 4500)
//! and AH (IP protocol 51). tcpdump cannot decrypt without `-E`, so ESP is
//! one line, `ESP(spi=0x00001234,seq=0x1), length N`; AH shows its SPI,
//! sequence number and ICV, then the protocol it protects
//! (`AH(spi=0x00000100,seq=0x13,icv=0x21d3...): OSPFv3, Hello, length 36`).

use super::ip::{self, Addrs};
use super::{Bytes, Printer, fmt};

/// `ESP(spi=0xSSSSSSSS,seq=0xN), length LEN` (` [|esp]` when the eight
/// header bytes are not all captured).
pub(crate) fn esp(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    // tcpdump wants at least one byte past the SPI and sequence number.
    let (Some(spi), Some(seq), Some(_)) = (b.u32(0), b.u32(4), b.u8(8)) else {
        fmt::s(out, " [|esp]");
        return;
    };
    fmt::s(out, "ESP(spi=0x");
    fmt::x_pad(out, spi as u64, 8);
    fmt::s(out, ",seq=0x");
    fmt::x(out, seq as u64);
    fmt::s(out, "), length ");
    fmt::u(out, len as u64);
}

/// An AH header and what follows it; the caller has printed the addresses.
pub(crate) fn ah(
    p: &mut Printer,
    addrs: Addrs<'_>,
    data: &[u8],
    len: usize,
    ip4: Option<&[u8]>,
    out: &mut Vec<u8>,
) {
    let b = Bytes(data);
    // tcpdump gives up here by unwinding, so -x dumps the whole packet.
    let (Some(next), Some(plen), Some(rsvd)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        p.dump_whole = true;
        fmt::s(out, "AH( [|ah]");
        return;
    };
    let hlen = (plen as usize + 2) * 4;
    fmt::s(out, "AH(");
    // The reserved field must be zero; tcpdump points out when it is not.
    if rsvd != 0 {
        fmt::s(out, "reserved=0x");
        fmt::x(out, rsvd as u64);
        fmt::s(out, "[MustBeZero],");
    }
    let Some(spi) = b.u32(4) else {
        p.dump_whole = true;
        fmt::s(out, " [|ah]");
        return;
    };
    fmt::s(out, "spi=0x");
    fmt::x_pad(out, spi as u64, 8);
    out.push(b',');
    let Some(seq) = b.u32(8) else {
        p.dump_whole = true;
        fmt::s(out, " [|ah]");
        return;
    };
    fmt::s(out, "seq=0x");
    fmt::x(out, seq as u64);
    fmt::s(out, ",icv=0x");
    let want = hlen.saturating_sub(12);
    let icv = data.get(12..(12 + want).min(data.len())).unwrap_or(&[]);
    fmt::hex_bytes(out, icv);
    if icv.len() < want {
        p.dump_whole = true;
        fmt::s(out, " [|ah]");
        return;
    }
    fmt::s(out, "): ");
    if p.depth >= super::MAX_DEPTH {
        return;
    }
    let addrs = Addrs { printed: true, ..addrs };
    p.depth += 1;
    ip::upper(p, next, addrs, &data[hlen.min(data.len())..], len.saturating_sub(hlen), out, ip4);
    p.depth -= 1;
}

/// IP Payload Compression (IP protocol 108): tcpdump cannot decompress, so
/// it shows the compression parameter index, `IPComp(cpi=0x1234)`, or
/// ` [|ipcomp]` when the four header bytes are not captured.
pub(crate) fn ipcomp(data: &[u8], out: &mut Vec<u8>) {
    let Some(cpi) = Bytes(data).u16(2) else {
        fmt::s(out, " [|ipcomp]");
        return;
    };
    fmt::s(out, "IPComp(cpi=0x");
    fmt::x(out, cpi as u64);
    out.push(b')');
}
