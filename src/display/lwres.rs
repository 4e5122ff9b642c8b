//! BIND 9's lightweight resolver protocol (lwres) on UDP port 921.
//!
//! tcpdump prints ` lwres`, then for a version-0 packet the operation's
//! name (`noop`, `getaddrsbyname`, ...) with `?` for a request, for any
//! other version ` vN` alone. A length field that disagrees with the UDP
//! payload length adds ` [len: FIELD != LENGTH]`; a no-op packet whose
//! length field claims more than its 28-byte header adds `[extra]`. A
//! getaddrsbyname request shows the address families and the name
//! (`getaddrsbyname? IPv4/6 example.com`). The other bodies are not
//! dissected: bpfcap prints their operation only (and `[|lwres]` for a
//! reply with nothing after its header, as tcpdump does).

use super::{Bytes, fmt};

fn opcode_name(op: u32) -> Option<&'static str> {
    Some(match op {
        0 => "noop",
        0x0001_0001 => "getaddrsbyname",
        0x0001_0002 => "getnamebyaddr",
        0x0001_0003 => "getrdatabyname",
        _ => return None,
    })
}

/// Prints an lwres packet (the UDP payload, `len` bytes long).
pub(crate) fn print(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    fmt::s(out, " lwres");
    let (Some(length), Some(version)) = (b.u32(0), b.u16(4)) else {
        fmt::s(out, " [|lwres]");
        return;
    };
    let mut parsed = None;
    if version != 0 {
        fmt::s(out, " v");
        fmt::u(out, version as u64);
    } else {
        let (Some(flags), Some(op)) = (b.u16(6), b.u32(12)) else {
            fmt::s(out, " [|lwres]");
            return;
        };
        out.push(b' ');
        match opcode_name(op) {
            Some(n) => fmt::s(out, n),
            None => {
                fmt::s(out, "#0x");
                fmt::x(out, op as u64);
            }
        }
        if flags & 1 == 0 {
            out.push(b'?');
        }
        if flags & !1 != 0 {
            fmt::s(out, "[0x");
            fmt::x(out, (flags & !1) as u64);
            out.push(b']');
        }
        if op == 0 {
            parsed = Some(28u64);
        } else if flags & 1 != 0 {
            // Reply bodies are not dissected, but tcpdump reads past the
            // header first.
            if data.len() <= 28 {
                fmt::s(out, " [|lwres]");
                return;
            }
        } else if op == 0x0001_0001 {
            let (Some(types), Some(n)) = (b.u32(32), b.u16(36)) else {
                fmt::s(out, " [|lwres]");
                return;
            };
            out.push(b' ');
            match types {
                1 => fmt::s(out, "IPv4"),
                2 => fmt::s(out, "IPv6"),
                3 => fmt::s(out, "IPv4/6"),
                t => {
                    fmt::s(out, "0x");
                    fmt::x(out, t as u64);
                }
            }
            let Some(name) = b.slice(38, n as usize) else {
                fmt::s(out, " [|lwres]");
                return;
            };
            out.push(b' ');
            for &c in name {
                super::krb::vis_byte(out, c);
            }
            parsed = Some(38 + u64::from(n) + 1);
        }
    }
    if length as usize != len {
        fmt::s(out, " [len: ");
        fmt::u(out, length as u64);
        fmt::s(out, " != ");
        fmt::u(out, len as u64);
        out.push(b']');
    }
    if parsed.is_some_and(|p| p < u64::from(length)) {
        fmt::s(out, "[extra]");
    }
}
