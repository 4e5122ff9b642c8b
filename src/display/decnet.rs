//! DECnet Phase IV over Ethernet (ethertype 0x6003), as tcpdump prints it
//! at default verbosity.
//!
//! The payload starts with a little-endian length and optional padding,
//! then the routing layer's flags. Control messages print on their own
//! (`endnode-hello endnode vers 2 eco 0 ueco 0 src 1.1 blksize 16434 rtr
//! 0.0 hello 10 data 2`); data packets print their addresses (area.node)
//! and length, then the NSP message: `1.1 > 1.1 33 data 8195>8196 ack 1
//! oack 0 seg 2 `, `data-ack`, `ils-ack`, `link-service`, the connect and
//! disconnect messages (with tcpdump's trailing space). Routing and router
//! hello messages and the NSP data contents are not dissected.

use super::{Bytes, Printer, fmt};

/// A Phase IV address (area in the top six bits, node in the low ten).
fn addr(out: &mut Vec<u8>, a: u16) {
    fmt::u(out, (a >> 10) as u64);
    out.push(b'.');
    fmt::u(out, (a & 0x3ff) as u64);
}

/// Prints the DECnet packet in `data` (after the ethertype). A routing
/// header cut short makes tcpdump give up and dump the whole frame.
pub(crate) fn print(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let le = |off: usize| b.u16(off).map(u16::swap_bytes);
    let (Some(len), Some(mut flags)) = (le(0), b.u8(2)) else {
        p.dump_whole = true;
        fmt::s(out, " [|decnet]");
        return;
    };
    let mut at = 2;
    // Padding: a first byte with the top bit set counts the pad bytes.
    if flags & 0x80 != 0 {
        at += (flags & 0x7f) as usize;
        let Some(f) = b.u8(at) else {
            p.dump_whole = true;
            fmt::s(out, " [|decnet]");
            return;
        };
        flags = f;
    }
    if flags & 1 != 0 {
        control(data, at, flags, out);
        return;
    }
    let (src, dst, nsp) = match flags & 0x06 {
        0x02 => {
            let (Some(d), Some(s)) = (le(at + 1), le(at + 3)) else {
                p.dump_whole = true;
                fmt::s(out, " [|decnet]");
                return;
            };
            (s, d, at + 6)
        }
        0x06 => {
            let (Some(d), Some(s)) = (le(at + 7), le(at + 15)) else {
                p.dump_whole = true;
                fmt::s(out, " [|decnet]");
                return;
            };
            (s, d, at + 21)
        }
        _ => {
            fmt::s(out, "unknown message flags under mask ");
            fmt::x(out, flags as u64);
            return;
        }
    };
    addr(out, src);
    fmt::s(out, " > ");
    addr(out, dst);
    out.push(b' ');
    fmt::u(out, len as u64);
    out.push(b' ');
    // The NSP message: its length is what the routing length leaves.
    let nsplen = (len as usize + 2).saturating_sub(nsp);
    nsp_msg(&data[nsp.min(data.len())..], nsplen, out);
}

/// Routing-layer control messages; only the Ethernet endnode hello is
/// spelled out.
fn control(data: &[u8], at: usize, flags: u8, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let le = |off: usize| b.u16(off).map(u16::swap_bytes);
    match (flags >> 1) & 7 {
        6 => {
            let (Some(vers), Some(eco), Some(ueco), Some(src), Some(info), Some(blk)) =
                (b.u8(at + 1), b.u8(at + 2), b.u8(at + 3), le(at + 8), b.u8(at + 10), le(at + 11))
            else {
                fmt::s(out, " [|decnet]");
                return;
            };
            let (Some(rtr), Some(hello), Some(dat)) = (le(at + 26), le(at + 28), b.u8(at + 31))
            else {
                fmt::s(out, " [|decnet]");
                return;
            };
            fmt::s(out, "endnode-hello ");
            fmt::s(
                out,
                match info & 3 {
                    1 => "L2 router",
                    2 => "L1 router",
                    3 => "endnode",
                    _ => "unknown",
                },
            );
            fmt::s(out, " vers ");
            fmt::u(out, vers as u64);
            fmt::s(out, " eco ");
            fmt::u(out, eco as u64);
            fmt::s(out, " ueco ");
            fmt::u(out, ueco as u64);
            fmt::s(out, " src ");
            addr(out, src);
            fmt::s(out, " blksize ");
            fmt::u(out, blk as u64);
            fmt::s(out, " rtr ");
            addr(out, rtr);
            fmt::s(out, " hello ");
            fmt::u(out, hello as u64);
            fmt::s(out, " data ");
            fmt::u(out, dat as u64);
        }
        t => {
            fmt::s(out, "control message type ");
            fmt::u(out, t as u64);
        }
    }
}

/// An acknowledgement field: present when its top bit is set; `other`
/// fields (for the other subchannel) have qualifier 2 or 3.
fn ack_field(v: Option<u16>, other: bool) -> Option<u16> {
    let v = v?;
    let q = (v >> 12) & 3;
    (v & 0x8000 != 0 && (q >= 2) == other).then_some(v & 0xfff)
}

fn nsp_msg(d: &[u8], nsplen: usize, out: &mut Vec<u8>) {
    let b = Bytes(d);
    let le = |off: usize| b.u16(off).map(u16::swap_bytes);
    if nsplen < 5 {
        fmt::s(out, " (nsplen ");
        fmt::u(out, nsplen as u64);
        fmt::s(out, " < 5) (invalid)");
        return;
    }
    let (Some(flags), Some(dst), Some(src)) = (b.u8(0), le(1), le(3)) else {
        fmt::s(out, "[|nsp]");
        return;
    };
    let name = match flags {
        0x00 | 0x20 | 0x40 | 0x60 => "data",
        0x30 => "interrupt",
        0x10 => "link-service",
        0x04 => "data-ack",
        0x14 => "ils-ack",
        0x08 => "nop",
        0x18 => "conn-initiate",
        0x68 => "retrans-conn-initiate",
        0x28 => "conn-confirm",
        0x38 => "disconn-initiate",
        0x48 => "disconn-confirm",
        _ => {
            fmt::s(out, "reserved-type ");
            return;
        }
    };
    fmt::s(out, name);
    out.push(b' ');
    fmt::u(out, src as u64);
    out.push(b'>');
    fmt::u(out, dst as u64);
    out.push(b' ');
    match flags {
        0x00 | 0x20 | 0x40 | 0x60 | 0x30 | 0x10 | 0x04 | 0x14 => {
            let mut at = 5;
            let other_name = if matches!(flags, 0x10 | 0x14 | 0x30) { "ackdat " } else { "oack " };
            if let Some(n) = ack_field(le(at), false) {
                fmt::s(out, "ack ");
                fmt::u(out, n as u64);
                out.push(b' ');
                at += 2;
            }
            if let Some(n) = ack_field(le(at), true) {
                fmt::s(out, other_name);
                fmt::u(out, n as u64);
                out.push(b' ');
                at += 2;
            }
            if matches!(flags, 0x04 | 0x14) {
                return;
            }
            let Some(seg) = le(at) else {
                fmt::s(out, "[|nsp]");
                return;
            };
            fmt::s(out, "seg ");
            fmt::u(out, (seg & 0xfff) as u64);
            out.push(b' ');
            if flags == 0x10 {
                let (Some(ls), Some(fc)) = (b.u8(at + 2), b.u8(at + 3)) else {
                    fmt::s(out, "[|nsp]");
                    return;
                };
                match ls & 3 {
                    1 => fmt::s(out, "stop "),
                    2 => fmt::s(out, "go "),
                    _ => {}
                }
                fmt::s(out, if (ls >> 2) & 3 == 0 { "dat seg count " } else { "int count " });
                let fc = fc as i8;
                if fc < 0 {
                    out.push(b'-');
                }
                fmt::u(out, fc.unsigned_abs() as u64);
                out.push(b' ');
            }
        }
        0x18 | 0x68 | 0x28 => {
            let (Some(info), Some(seg)) = (b.u8(6), le(7)) else {
                fmt::s(out, "[|nsp]");
                return;
            };
            fmt::s(
                out,
                match info & 3 {
                    0 => "ver 3.2 ",
                    1 => "ver 3.1 ",
                    2 => "ver 4.0 ",
                    _ => "ver 4.1 ",
                },
            );
            fmt::s(out, "segsize ");
            fmt::u(out, seg as u64);
            out.push(b' ');
        }
        0x38 | 0x48 => {
            let Some(reason) = le(5) else {
                fmt::s(out, "[|nsp]");
                return;
            };
            match reason {
                0 => fmt::s(out, "object rejected connect"),
                42 => fmt::s(out, "disconnect complete"),
                r => {
                    fmt::s(out, "reason ");
                    fmt::u(out, r as u64);
                }
            }
            out.push(b' ');
        }
        _ => {}
    }
}
