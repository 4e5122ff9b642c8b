//! Novell IPX (over 802.2 LLC SAP 0xe0, the raw 802.3 framing, the
//! Ethernet II ethertype 0x8137 and SNAP), as tcpdump prints it:
//! `IPX 00000000.00:03:47:1b:c1:a8.0453 > 00000000.ff:ff:ff:ff:ff:ff.0453: `
//! (network.node.socket of the source, then of the destination) and then
//! one word for the socket's protocol: the RIP and SAP entries are listed
//! (`ipx-rip-resp a8f87967/1.2`, `ipx-sap-resp 030c 'NAME' addr NET.NODE`),
//! NetBIOS, NCP, diagnostics and NWLink datagrams show their length, any
//! other socket `ipx-#SOCK LEN`. The caller writes the leading `IPX `.
//!
//! A header length below the 30-byte header is `[length 29 < 30]
//! (invalid)`. Nothing beyond the RIP and SAP entries is dissected.

use super::{Bytes, Printer, fmt};

const HDR: usize = 30;

/// `NETWORK.NODE` with the network in eight hex digits.
fn net_node(out: &mut Vec<u8>, net: u32, node: &[u8]) {
    fmt::x_pad(out, net as u64, 8);
    out.push(b'.');
    fmt::mac(out, node);
}

/// Prints the IPX packet in `data` (captured bytes; `_len` is the length
/// the link layer gave it).
pub(crate) fn print(p: &mut Printer, data: &[u8], _len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(dnet), Some(dnode), Some(dsock), Some(snet), Some(snode), Some(ssock)) =
        (b.u32(6), b.slice(10, 6), b.u16(16), b.u32(18), b.slice(22, 6), b.u16(28))
    else {
        // tcpdump gives up here by unwinding: `-x` dumps the whole frame.
        p.dump_whole = true;
        fmt::s(out, " [|ipx]");
        return;
    };
    net_node(out, snet, snode);
    out.push(b'.');
    fmt::x_pad(out, ssock as u64, 4);
    fmt::s(out, " > ");
    net_node(out, dnet, dnode);
    out.push(b'.');
    fmt::x_pad(out, dsock as u64, 4);
    fmt::s(out, ": ");
    let Some(length) = b.u16(2) else {
        fmt::s(out, " [|ipx]");
        return;
    };
    let length = length as usize;
    if length < HDR {
        fmt::s(out, "[length ");
        fmt::u(out, length as u64);
        fmt::s(out, " < 30] (invalid)");
        return;
    }
    let plen = length - HDR;
    let body = &data[HDR.min(data.len())..];
    match dsock {
        0x0451 => word(out, "ipx-ncp ", plen),
        0x0452 => sap(out, body, plen),
        0x0453 => rip(out, body, plen),
        0x0455 => word(out, "ipx-netbios ", plen),
        0x0456 => word(out, "ipx-diags ", plen),
        0x0553 => word(out, "ipx-nwlink-dgm ", plen),
        0x9001 => word(out, "ipx-nwlink ", plen),
        _ => {
            fmt::s(out, "ipx-#");
            fmt::x(out, dsock as u64);
            out.push(b' ');
            fmt::u(out, plen as u64);
        }
    }
}

fn word(out: &mut Vec<u8>, w: &str, len: usize) {
    fmt::s(out, w);
    fmt::u(out, len as u64);
}

/// RIP: an operation, then eight-byte entries (network, hops, ticks).
fn rip(out: &mut Vec<u8>, body: &[u8], plen: usize) {
    let b = Bytes(body);
    let Some(op) = b.u16(0) else {
        fmt::s(out, " [|ipx]");
        return;
    };
    let n = plen.saturating_sub(2) / 8;
    match op {
        1 => fmt::s(out, "ipx-rip-req"),
        2 => fmt::s(out, "ipx-rip-resp"),
        _ => {
            fmt::s(out, "ipx-rip-?");
            fmt::x(out, op as u64);
            return;
        }
    }
    for i in 0..n {
        let at = 2 + 8 * i;
        let (Some(net), Some(hops), Some(ticks)) = (b.u32(at), b.u16(at + 4), b.u16(at + 6)) else {
            fmt::s(out, " [|ipx]");
            return;
        };
        out.push(b' ');
        fmt::x_pad(out, net as u64, 8);
        out.push(b'/');
        fmt::u(out, hops as u64);
        out.push(b'.');
        fmt::u(out, ticks as u64);
    }
}

/// SAP: an operation, then 64-byte server entries (type, 48-byte name,
/// network, node, socket, hops) in replies, the server type in queries.
fn sap(out: &mut Vec<u8>, body: &[u8], plen: usize) {
    let b = Bytes(body);
    let Some(op) = b.u16(0) else {
        fmt::s(out, " [|ipx]");
        return;
    };
    match op {
        1 | 3 => {
            fmt::s(out, if op == 1 { "ipx-sap-req" } else { "ipx-sap-nearest-req" });
            if plen > 2 {
                let Some(t) = b.u16(2) else {
                    fmt::s(out, " [|ipx]");
                    return;
                };
                out.push(b' ');
                fmt::x_pad(out, t as u64, 4);
            }
        }
        2 | 4 => {
            fmt::s(out, if op == 2 { "ipx-sap-resp" } else { "ipx-sap-nearest-resp" });
            let n = plen.saturating_sub(2) / 64;
            for i in 0..n {
                let at = 2 + 64 * i;
                let (Some(t), Some(name), Some(net), Some(node)) =
                    (b.u16(at), b.slice(at + 2, 48), b.u32(at + 50), b.slice(at + 54, 6))
                else {
                    fmt::s(out, " [|ipx]");
                    return;
                };
                out.push(b' ');
                fmt::x_pad(out, t as u64, 4);
                fmt::s(out, " '");
                for &c in name.iter().take_while(|&&c| c != 0) {
                    out.push(if (0x20..0x7f).contains(&c) { c } else { b'.' });
                }
                fmt::s(out, "' addr ");
                net_node(out, net, node);
            }
        }
        _ => {
            fmt::s(out, "ipx-sap-?");
            fmt::x(out, op as u64);
        }
    }
}
