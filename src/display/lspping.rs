//! LSP ping, MPLS echo request and reply (RFC 8029, UDP port 3503).
//! Without `-v` tcpdump prints `LSP-PINGv1, MPLS Echo Request, seq 1,
//! length: 48`, `\n\t\t packet is too short` for less than the 32-byte
//! header, and `LSP-PING version N packet not supported` for versions
//! other than 1. The TLVs (target FEC stack, downstream mapping, ...) are
//! not dissected.

use super::{Bytes, fmt};

/// Prints an LSP ping message (`len` bytes on the wire).
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    if len < 32 {
        fmt::s(out, "\n\t\t packet is too short");
        return;
    }
    let b = Bytes(data);
    let (Some(ver), Some(typ), Some(seq), Some(_)) =
        (b.u16(0), b.u8(4), b.u32(12), b.slice(16, 16))
    else {
        fmt::s(out, " [|lspping]");
        return;
    };
    if ver != 1 {
        fmt::s(out, "LSP-PING version ");
        fmt::u(out, ver as u64);
        fmt::s(out, " packet not supported");
        return;
    }
    fmt::s(out, "LSP-PINGv1, ");
    match typ {
        1 => fmt::s(out, "MPLS Echo Request"),
        2 => fmt::s(out, "MPLS Echo Reply"),
        _ => {
            fmt::s(out, "unknown (");
            fmt::u(out, typ as u64);
            out.push(b')');
        }
    }
    fmt::s(out, ", seq ");
    fmt::u(out, seq as u64);
    fmt::s(out, ", length: ");
    fmt::u(out, len as u64);
}
