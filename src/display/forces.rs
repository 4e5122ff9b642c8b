//! ForCES (RFC 5810), the protocol between a network element's control
//! and forwarding elements, carried in SCTP DATA chunks on ports 6704-6706
//! (or with the ForCES payload protocol identifiers). Without `-v` tcpdump
//! names the message type on its own line after the chunk
//! (`\n\tForCES HeartBeat `). A message type that must carry TLVs but has
//! none gets `\tTop level TLV Data missing!` and a bracketed hex dump of
//! the message; an unknown type gets `Invalid ForCES message type N` and
//! the same dump, as does a length field beyond the data received. The
//! header fields and TLVs that `-v` shows are not
//! dissected.

use super::{Bytes, Printer, fmt};

/// The ForCES common header's length.
const HDR: usize = 24;

/// tcpdump's names for the ForCES message types of RFC 5810, and whether
/// the message must carry TLVs.
fn msg_type(t: u8) -> Option<(&'static str, bool)> {
    Some(match t {
        0x01 => ("Association Setup", false),
        0x02 => ("Association TearDown", true),
        0x03 => ("Config", true),
        0x04 => ("Query", true),
        0x05 => ("Event Notification", true),
        0x06 => ("Packet Redirect", true),
        0x0f => ("HeartBeat", false),
        0x11 => ("Association Response", true),
        0x13 => ("Config Response", true),
        0x14 => ("Query Response", true),
        _ => return None,
    })
}

/// The message in hex, each line opened by `\n\t[`, closed by `\n\t]`.
fn bracket_dump(out: &mut Vec<u8>, data: &[u8]) {
    for (i, chunk) in data.chunks(16).enumerate() {
        fmt::s(out, "\n\t[0x");
        fmt::x_pad(out, (i * 16) as u64, 4);
        fmt::s(out, ": ");
        for pair in chunk.chunks(2) {
            out.push(b' ');
            fmt::hex_bytes(out, pair);
        }
    }
    fmt::s(out, "\n\t]");
}

/// Prints the message type of the ForCES message in `data` (a DATA
/// chunk's user data).
pub(crate) fn print(_p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(t), Some(words)) = (b.u8(1), b.u16(2)) else {
        fmt::s(out, " [|forces]");
        return;
    };
    if data.len() < HDR {
        fmt::s(out, " [|forces]");
        return;
    }
    let Some((name, needs_tlv)) = msg_type(t) else {
        fmt::s(out, "Invalid ForCES message type ");
        fmt::u(out, t as u64);
        out.push(b'\n');
        bracket_dump(out, data);
        return;
    };
    fmt::s(out, "\n\tForCES ");
    fmt::s(out, name);
    out.push(b' ');
    let mlen = words as usize * 4;
    if mlen > data.len() {
        fmt::s(out, "Illegal ForCES pkt len - min 24, total recvd ");
        fmt::u(out, data.len() as u64);
        fmt::s(out, ", advertised ");
        fmt::u(out, mlen as u64);
        out.push(b' ');
        bracket_dump(out, data);
        return;
    }
    if needs_tlv && mlen <= HDR {
        fmt::s(out, "\tTop level TLV Data missing!\n");
        bracket_dump(out, data);
    }
}
