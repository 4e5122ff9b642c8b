//! AODV, Ad hoc On-Demand Distance Vector routing (RFC 3561), on UDP
//! port 654, over IPv4.
//!
//! tcpdump prints the message type and the UDP payload length, then the
//! fields on a second, tab-indented line:
//! ` aodv rreq 24  hops 5 id 0x00001234` / `dst 10.0.0.9 seq 7 src
//! 10.0.0.1 seq 3`, ` aodv rrep 20  prefix 5 hops 2` / `dst 10.0.0.9 dseq
//! 7 src 10.0.0.1 3000 ms`, ` aodv rerr [D] [items 2] [20]: {10.0.0.9}(7)
//! ...`, ` aodv rrep-ack 2`. The request and reply flags are not shown
//! (tcpdump does not show them either). An extension after a request or
//! reply prints its type and length on a third line (`ext 5 2`); only
//! the first is shown, as tcpdump does. Of the IPv6 draft's messages only
//! the error and the reply acknowledgement are dissected; AODV over IPv6
//! is not.

use super::{Bytes, fmt};

/// Prints an AODV message (the UDP payload, `len` bytes long); `None`
/// for IPv6, which bpfcap leaves to the plain UDP line.
pub(crate) fn print(v6: bool, data: &[u8], len: usize, out: &mut Vec<u8>) -> Option<()> {
    // The draft's IPv6 request and reply (types 16 and 17) are not
    // dissected either.
    if v6 || matches!(data.first(), Some(16 | 17)) {
        return None;
    }
    fmt::s(out, " aodv");
    if body(data, len, out).is_none() {
        fmt::s(out, " [|aodv]");
    }
    Some(())
}

fn ip4(out: &mut Vec<u8>, b: Bytes<'_>, off: usize) -> Option<()> {
    fmt::ipv4(out, b.slice(off, 4)?);
    Some(())
}

fn body(data: &[u8], len: usize, out: &mut Vec<u8>) -> Option<()> {
    let b = Bytes(data);
    let ty = b.u8(0)?;
    match ty {
        1 => {
            b.slice(0, 24)?;
            fmt::s(out, " rreq ");
            fmt::u(out, len as u64);
            fmt::s(out, "  hops ");
            fmt::u(out, b.u8(3)? as u64);
            fmt::s(out, " id 0x");
            fmt::x_pad(out, b.u32(4)? as u64, 8);
            fmt::s(out, "\n\tdst ");
            ip4(out, b, 8)?;
            fmt::s(out, " seq ");
            fmt::u(out, b.u32(12)? as u64);
            fmt::s(out, " src ");
            ip4(out, b, 16)?;
            fmt::s(out, " seq ");
            fmt::u(out, b.u32(20)? as u64);
            extension(b, 24, len, out)
        }
        2 => {
            b.slice(0, 20)?;
            fmt::s(out, " rrep ");
            fmt::u(out, len as u64);
            fmt::s(out, "  prefix ");
            fmt::u(out, (b.u8(2)? & 0x1f) as u64);
            fmt::s(out, " hops ");
            fmt::u(out, b.u8(3)? as u64);
            fmt::s(out, "\n\tdst ");
            ip4(out, b, 4)?;
            fmt::s(out, " dseq ");
            fmt::u(out, b.u32(8)? as u64);
            fmt::s(out, " src ");
            ip4(out, b, 12)?;
            out.push(b' ');
            fmt::u(out, b.u32(16)? as u64);
            fmt::s(out, " ms");
            extension(b, 20, len, out)
        }
        3 | 18 => {
            // Type 18 is the IPv6 draft's error: 16-byte addresses.
            let alen = if ty == 18 { 16 } else { 4 };
            let (flags, n) = (b.u8(1)?, b.u8(3)?);
            fmt::s(out, " rerr ");
            if flags & 0x80 != 0 {
                fmt::s(out, "[D]");
            }
            fmt::s(out, " [items ");
            fmt::u(out, n as u64);
            fmt::s(out, "] [");
            fmt::u(out, len as u64);
            fmt::s(out, "]:");
            for i in 0..n as usize {
                let at = 4 + i * (alen + 4);
                fmt::s(out, " {");
                if alen == 4 {
                    ip4(out, b, at)?;
                } else {
                    let a: &[u8; 16] = b.slice(at, 16)?.try_into().ok()?;
                    fmt::ipv6(out, a);
                }
                fmt::s(out, "}(");
                fmt::u(out, b.u32(at + alen)? as u64);
                out.push(b')');
            }
            Some(())
        }
        4 | 19 => {
            fmt::s(out, " rrep-ack ");
            fmt::u(out, len as u64);
            Some(())
        }
        _ => {
            fmt::s(out, " type ");
            fmt::u(out, ty as u64);
            out.push(b' ');
            fmt::u(out, len as u64);
            Some(())
        }
    }
}

/// The first extension after a request or reply, if the message is
/// longer than its fixed part.
fn extension(b: Bytes<'_>, at: usize, len: usize, out: &mut Vec<u8>) -> Option<()> {
    if len <= at {
        return Some(());
    }
    let (ty, elen) = (b.u8(at)?, b.u8(at + 1)?);
    b.slice(at + 2, elen as usize)?;
    fmt::s(out, "\n\text ");
    fmt::u(out, ty as u64);
    out.push(b' ');
    fmt::u(out, elen as u64);
    Some(())
}
