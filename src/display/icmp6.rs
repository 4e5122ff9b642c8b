//! ICMPv6 (RFC 4443) with neighbour discovery (RFC 4861), MLD (RFC 2710,
//! RFC 3810), node information queries (RFC 4620), router renumbering
//! (RFC 2894) and the multicast traceroute types.
//!
//! Without `-v` tcpdump prints `ICMP6, WHAT, length N`. With `-v` it puts
//! `[icmp6 sum ok] ` (or `[bad icmp6 cksum 0x.. -> 0x..!] `) in front, drops
//! the length for errors and echoes, moves it right after the type name for
//! neighbour discovery and lists the neighbour-discovery options one per
//! line (`\t  source link-address option (1), length 8 (1): MAC`), with the
//! router advertisement's fields on a line of their own. Types tcpdump does
//! not dissect (and mtrace) are followed by a hex dump of the message.
//! Not dissected: the `-v` forms of MLD, node information replies' data
//! and router renumbering's use-prefix details beyond the first.

use super::ip::{Addrs, addr, checksum};
use super::{Bytes, Printer, fmt};

fn trunc(out: &mut Vec<u8>) {
    fmt::s(out, "[|icmp6]");
}

fn tail(out: &mut Vec<u8>, len: usize) {
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

/// tcpdump's hex dump of a message it does not dissect: like `-x` but with
/// `indent` after each line's tab.
pub(crate) fn dump(out: &mut Vec<u8>, data: &[u8], indent: &str) {
    for (line, chunk) in data.chunks(16).enumerate() {
        fmt::s(out, "\n\t");
        fmt::s(out, indent);
        fmt::s(out, "0x");
        let at = (line * 16) as u64;
        if at > 0xffff {
            fmt::x(out, at);
        } else {
            fmt::x_pad(out, at, 4);
        }
        out.push(b':');
        out.push(b' ');
        for pair in chunk.chunks(2) {
            out.push(b' ');
            fmt::hex_bytes(out, pair);
        }
    }
}

/// The type names of the simple messages.
fn name(typ: u8) -> Option<&'static str> {
    Some(match typ {
        133 => "router solicitation",
        134 => "router advertisement",
        135 => "neighbor solicitation",
        136 => "neighbor advertisement",
        137 => "redirect",
        144 => "ha discovery request",
        145 => "ha discovery reply",
        146 => "mobile router solicitation",
        147 => "mobile router advertisement",
        200 => "mtrace response",
        201 => "mtrace message",
        _ => return None,
    })
}

pub(crate) fn print(p: &mut Printer, addrs: Addrs<'_>, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let v = p.opts.verbose > 0;
    let vv = p.opts.verbose > 1;
    if len == 0 {
        fmt::s(out, "ICMP6, length 0 (invalid)");
        return;
    }
    let (Some(typ), Some(code)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, "ICMP6, [|icmp6]");
        return;
    };
    if v && !addrs.frag && data.len() >= len && addrs.src.len() == 16 {
        let seg = &data[..len];
        let l = (len as u32).to_be_bytes();
        let sum = checksum(&[addrs.src, addrs.dst, &l, &[0, 0, 0, 58], seg]);
        if sum == 0 {
            fmt::s(out, "[icmp6 sum ok] ");
        } else {
            let stored = b.u16(2).unwrap_or(0);
            let body = seg.get(4..).unwrap_or(&[]);
            let want = checksum(&[addrs.src, addrs.dst, &l, &[0, 0, 0, 58], &seg[..2], body]);
            fmt::s(out, "[bad icmp6 cksum 0x");
            fmt::x_pad(out, stored as u64, 4);
            fmt::s(out, " -> 0x");
            fmt::x_pad(out, want as u64, 4);
            fmt::s(out, "!] ");
        }
    }
    fmt::s(out, "ICMP6, ");
    let inner = Bytes(data.get(8..).unwrap_or(&[]));
    let inner_dst = inner.slice(24, 16);
    let need = |out: &mut Vec<u8>, a: Option<&[u8]>| -> bool {
        match a {
            Some(a) => {
                addr(out, a);
                true
            }
            None => {
                trunc(out);
                false
            }
        }
    };
    // Whether `, length N` ends the line (tcpdump -v leaves it out for
    // errors and echoes).
    let mut end_len = true;
    match typ {
        1 => {
            end_len = !v;
            fmt::s(out, "destination unreachable, ");
            match code {
                0 => {
                    fmt::s(out, "unreachable route ");
                    if !need(out, inner_dst) {
                        return;
                    }
                }
                1 => {
                    fmt::s(out, " unreachable prohibited ");
                    if !need(out, inner_dst) {
                        return;
                    }
                }
                2 => {
                    fmt::s(out, "beyond scope of source address ");
                    if !need(out, inner_dst) {
                        return;
                    }
                }
                3 => {
                    fmt::s(out, "unreachable address ");
                    if !need(out, inner_dst) {
                        return;
                    }
                }
                4 => {
                    fmt::s(out, "unreachable port, ");
                    // Find the quoted transport header behind the quoted
                    // IPv6 header (extension headers are not walked).
                    let nh = inner.u8(6);
                    let dport = inner.u16(42);
                    let (Some(dst), Some(nh), Some(dport)) = (inner_dst, nh, dport) else {
                        trunc(out);
                        return;
                    };
                    addr(out, dst);
                    match nh {
                        6 => fmt::s(out, " tcp port "),
                        17 => fmt::s(out, " udp port "),
                        _ => {
                            fmt::s(out, " protocol ");
                            fmt::u(out, nh as u64);
                            fmt::s(out, " port ");
                        }
                    }
                    fmt::u(out, dport as u64);
                }
                _ => {
                    // tcpdump dumps the message after an unknown code.
                    fmt::s(out, "unknown unreach code (");
                    fmt::u(out, code as u64);
                    fmt::s(out, ")");
                    dump(out, &data[..len.min(data.len())], "");
                    return;
                }
            }
        }
        2 => {
            end_len = !v;
            fmt::s(out, "packet too big, mtu ");
            let Some(mtu) = b.u32(4) else {
                trunc(out);
                return;
            };
            fmt::u(out, mtu as u64);
        }
        3 => {
            end_len = !v;
            if code == 0 {
                fmt::s(out, "time exceeded in-transit for ");
                if !need(out, inner_dst) {
                    return;
                }
            } else if code == 1 {
                fmt::s(out, "time exceeded in-transit (reassembly)");
            } else {
                fmt::s(out, "time exceeded in-transit, unknown code (");
                fmt::u(out, code as u64);
                fmt::s(out, ")");
            }
        }
        4 => {
            end_len = !v;
            fmt::s(out, "parameter problem, ");
            let Some(ptr) = b.u32(4) else {
                trunc(out);
                return;
            };
            fmt::s(
                out,
                match code {
                    0 => "erroneous - octet ",
                    1 => "next header - octet ",
                    2 => "option - octet ",
                    3 => "incomplete header chain - octet ",
                    _ => "code-#",
                },
            );
            fmt::u(out, if code <= 3 { ptr as u64 } else { code as u64 });
        }
        128 | 129 => {
            end_len = !v;
            fmt::s(out, if typ == 128 { "echo request" } else { "echo reply" });
            let (Some(id), Some(seq)) = (b.u16(4), b.u16(6)) else {
                trunc(out);
                return;
            };
            fmt::s(out, ", id ");
            fmt::u(out, id as u64);
            fmt::s(out, ", seq ");
            fmt::u(out, seq as u64);
        }
        130 if len >= 28 && v => {
            end_len = false;
            let (Some(mrc), Some(g), Some(qrv), Some(qqic), Some(ns)) =
                (b.u16(4), b.slice(8, 16), b.u8(24), b.u8(25), b.u16(26))
            else {
                fmt::s(out, "multicast listener query v2 [|icmp6]");
                return;
            };
            // Codes from 32768 up are a floating-point form (RFC 3810).
            let delay = if mrc < 0x8000 {
                mrc as u64
            } else {
                ((mrc as u64 & 0x0fff) | 0x1000) << (((mrc >> 12) & 7) + 3)
            };
            let qqi = if qqic < 0x80 {
                qqic as u64
            } else {
                ((qqic as u64 & 0x0f) | 0x10) << (((qqic >> 4) & 7) + 3)
            };
            fmt::s(out, "multicast listener query v2 [max resp delay=");
            fmt::u(out, delay);
            fmt::s(out, "] [gaddr ");
            addr(out, g);
            if qrv & 0x08 != 0 {
                fmt::s(out, " sflag");
            }
            fmt::s(out, " robustness=");
            fmt::u(out, (qrv & 7) as u64);
            fmt::s(out, " qqi=");
            fmt::u(out, qqi);
            if ns > 0 {
                fmt::s(out, " ");
                fmt::u(out, ns as u64);
                fmt::s(out, " source(s)");
            }
            out.push(b']');
        }
        130 if len >= 28 => {
            fmt::s(out, "multicast listener query v2 [");
            let Some(g) = b.slice(8, 16) else {
                trunc(out);
                return;
            };
            let n = b.u16(26).unwrap_or(0);
            fmt::s(out, "gaddr ");
            addr(out, g);
            if n > 0 {
                fmt::s(out, " ");
                fmt::u(out, n as u64);
                fmt::s(out, " source(s)]");
            } else {
                out.push(b']');
            }
        }
        130..=132 => {
            fmt::s(
                out,
                match typ {
                    130 => "multicast listener query",
                    131 => "multicast listener report",
                    _ => "multicast listener done",
                },
            );
            let (Some(delay), Some(g)) = (b.u16(4), b.slice(8, 16)) else {
                trunc(out);
                return;
            };
            // tcpdump runs the name into the fields.
            fmt::s(out, "max resp delay: ");
            fmt::u(out, delay as u64);
            fmt::s(out, " addr: ");
            addr(out, g);
            end_len = !v;
        }
        141 | 142 => {
            fmt::s(
                out,
                if typ == 141 {
                    "inverse neighbor solicitation"
                } else {
                    "inverse neighbor advertisement"
                },
            );
            end_len = !v;
        }
        144 | 146 => {
            // Home agent discovery request, mobile prefix solicitation.
            fmt::s(out, name(typ).unwrap_or(""));
            let Some(id) = b.u16(4) else {
                fmt::s(out, " [|icmp6]");
                return;
            };
            fmt::s(out, ", id 0x");
            fmt::x_pad(out, id as u64, 4);
            end_len = !v;
        }
        145 => {
            fmt::s(out, "ha discovery reply");
            tail(out, len);
            end_len = false;
            if v {
                let Some(id) = b.u16(4) else {
                    fmt::s(out, " [|icmp6]");
                    return;
                };
                fmt::s(out, ", id 0x");
                fmt::x_pad(out, id as u64, 4);
                let end = len.min(data.len());
                for a in data.get(8..end).unwrap_or(&[]).chunks_exact(16) {
                    fmt::s(out, ", ");
                    addr(out, a);
                }
            }
        }
        133..=137 => {
            fmt::s(out, name(typ).unwrap_or(""));
            if v {
                end_len = false;
                tail(out, len);
            }
            let opts_at = match typ {
                133 => 8,
                134 => 16,
                135 | 136 => 24,
                _ => 40,
            };
            match typ {
                134 if v => {
                    let (Some(hl), Some(fl), Some(life), Some(reach), Some(retr)) =
                        (b.u8(4), b.u8(5), b.u16(6), b.u32(8), b.u32(12))
                    else {
                        fmt::s(out, " [|icmp6]");
                        return;
                    };
                    fmt::s(out, "\n\thop limit ");
                    fmt::u(out, hl as u64);
                    fmt::s(out, ", Flags [");
                    flags(
                        out,
                        fl,
                        &[(0x80, "managed"), (0x40, "other stateful"), (0x20, "home agent")],
                    );
                    fmt::s(out, "], pref ");
                    fmt::s(out, pref(fl >> 3));
                    fmt::s(out, ", router lifetime ");
                    fmt::u(out, life as u64);
                    fmt::s(out, "s, reachable time ");
                    fmt::u(out, reach as u64);
                    fmt::s(out, "ms, retrans timer ");
                    fmt::u(out, retr as u64);
                    fmt::s(out, "ms");
                }
                135 => {
                    fmt::s(out, ", who has ");
                    if !need(out, b.slice(8, 16)) {
                        return;
                    }
                }
                136 => {
                    fmt::s(out, ", tgt is ");
                    if !need(out, b.slice(8, 16)) {
                        return;
                    }
                    if v {
                        fmt::s(out, ", Flags [");
                        flags(
                            out,
                            b.u8(4).unwrap_or(0),
                            &[(0x80, "router"), (0x40, "solicited"), (0x20, "override")],
                        );
                        out.push(b']');
                    }
                }
                137 => {
                    fmt::s(out, ", ");
                    let (Some(t), Some(d)) = (b.slice(8, 16), b.slice(24, 16)) else {
                        trunc(out);
                        return;
                    };
                    addr(out, d);
                    fmt::s(out, " to ");
                    addr(out, t);
                }
                _ => {}
            }
            if v {
                let end = len.min(data.len());
                if let Some(opts) = data.get(opts_at..end)
                    && !nd_options(out, opts)
                {
                    return;
                }
            }
        }
        139 | 140 => {
            end_len = !v;
            nodeinfo(out, b, typ, code, len, v);
        }
        138 => {
            end_len = !v;
            if !renumbering(out, b, code, v) {
                tail(out, len);
                return;
            }
        }
        143 => {
            let Some(n) = b.u16(6) else {
                trunc(out);
                return;
            };
            fmt::s(out, "multicast listener report v2, ");
            fmt::u(out, n as u64);
            fmt::s(out, " group record(s)");
            if v {
                end_len = false;
                let mut at = 8;
                for _ in 0..n {
                    let (Some(rt), Some(aux), Some(ns), Some(g)) =
                        (b.u8(at), b.u8(at + 1), b.u16(at + 2), b.slice(at + 4, 16))
                    else {
                        fmt::s(out, "[|icmp6]");
                        return;
                    };
                    fmt::s(out, " [gaddr ");
                    addr(out, g);
                    fmt::s(out, super::igmp::record_type(rt));
                    fmt::s(out, ", ");
                    fmt::u(out, ns as u64);
                    fmt::s(out, " source(s)]");
                    at += 20 + 16 * ns as usize + 4 * aux as usize;
                }
            }
        }
        147 => {
            fmt::s(out, "mobile router advertisement");
            tail(out, len);
            end_len = false;
            if v {
                let (Some(id), Some(fl)) = (b.u16(4), b.u16(6)) else {
                    fmt::s(out, ", id 0x");
                    if let Some(id) = b.u16(4) {
                        fmt::x_pad(out, id as u64, 4);
                    }
                    fmt::s(out, " [|icmp6]");
                    return;
                };
                fmt::s(out, ", id 0x");
                fmt::x_pad(out, id as u64, 4);
                if fl & 0x8000 != 0 {
                    fmt::s(out, " M");
                }
                if fl & 0x4000 != 0 {
                    fmt::s(out, " O");
                }
                let end = len.min(data.len());
                if let Some(opts) = data.get(8..end)
                    && !nd_options(out, opts)
                {
                    return;
                }
            }
        }
        155 => {
            // RPL control messages (RFC 6550); the high bit of the code
            // marks the secured forms.
            fmt::s(out, "RPL, ");
            fmt::s(out, if code & 0x80 != 0 { "(SEC)" } else { "(CLR)" });
            match code & 0x7f {
                0 => fmt::s(out, "DODAG Information Solicitation"),
                1 => fmt::s(out, "DODAG Information Object"),
                2 => {
                    fmt::s(out, "Destination Advertisement Object");
                    if v && code == 2 {
                        end_len = false;
                        rpl_dao(out, b, len, false, vv);
                    }
                }
                3 => {
                    fmt::s(out, "Destination Advertisement Object Ack");
                    if v && code == 3 {
                        end_len = false;
                        rpl_dao(out, b, len, true, vv);
                    }
                }
                c => {
                    fmt::s(out, "RPL message, unknown code ");
                    fmt::u(out, c as u64);
                }
            }
        }
        _ => {
            match name(typ) {
                Some(n) => fmt::s(out, n),
                None => {
                    fmt::s(out, "unknown icmp6 type (");
                    fmt::u(out, typ as u64);
                    out.push(b')');
                }
            }
            tail(out, len);
            dump(out, &data[..len.min(data.len())], "");
            return;
        }
    }
    if end_len {
        tail(out, len);
    }
}

/// Flag names present in `v`, comma-separated, or `none`.
fn flags(out: &mut Vec<u8>, v: u8, names: &[(u8, &str)]) {
    let mut first = true;
    for &(bit, n) in names {
        if v & bit != 0 {
            if !first {
                fmt::s(out, ", ");
            }
            first = false;
            fmt::s(out, n);
        }
    }
    if first {
        fmt::s(out, "none");
    }
}

/// RFC 4191 router preference.
fn pref(bits: u8) -> &'static str {
    match bits & 3 {
        0 => "medium",
        1 => "high",
        3 => "low",
        _ => "reserved",
    }
}

/// Neighbour-discovery options, one per line; false when truncated (the
/// marker is written).
fn nd_options(out: &mut Vec<u8>, opts: &[u8]) -> bool {
    let b = Bytes(opts);
    let mut i = 0;
    while i < opts.len() {
        let (Some(t), Some(l)) = (b.u8(i), b.u8(i + 1)) else {
            fmt::s(out, "[|icmp6]");
            return false;
        };
        let olen = l as usize * 8;
        if olen == 0 {
            fmt::s(out, "[|icmp6]");
            return false;
        }
        let Some(o) = b.slice(i, olen) else {
            fmt::s(out, "[|icmp6]");
            return false;
        };
        let ob = Bytes(o);
        let name = match t {
            1 => "source link-address",
            2 => "destination link-address",
            3 => "prefix info",
            4 => "redirected header",
            5 => "mtu",
            7 => "advertisement interval",
            8 => "homeagent information",
            24 => "route info",
            25 => "rdnss",
            31 => "dnssl",
            _ => "unknown",
        };
        fmt::s(out, "\n\t  ");
        fmt::s(out, name);
        fmt::s(out, " option (");
        fmt::u(out, t as u64);
        fmt::s(out, "), length ");
        fmt::u(out, olen as u64);
        fmt::s(out, " (");
        fmt::u(out, l as u64);
        fmt::s(out, "): ");
        match t {
            1 | 2 => {
                // The link-layer address, without the padding of the last
                // 8-byte unit (Ethernet's six bytes fill one unit).
                fmt::mac(out, &o[2..olen.min(8)]);
            }
            3 if olen == 32 => {
                let pl = o[2];
                let fl = o[3];
                addr(out, &o[16..32]);
                out.push(b'/');
                fmt::u(out, pl as u64);
                fmt::s(out, ", Flags [");
                flags(out, fl, &[(0x80, "onlink"), (0x40, "auto"), (0x20, "router")]);
                fmt::s(out, "], valid time ");
                lifetime(out, ob.u32(4).unwrap_or(0));
                fmt::s(out, ", pref. time ");
                lifetime(out, ob.u32(8).unwrap_or(0));
            }
            5 if olen == 8 => {
                out.push(b' ');
                fmt::u(out, ob.u32(4).unwrap_or(0) as u64);
            }
            7 if olen == 8 => {
                out.push(b' ');
                fmt::u(out, ob.u32(4).unwrap_or(0) as u64);
                fmt::s(out, "ms");
            }
            8 if olen == 8 => {
                fmt::s(out, " preference ");
                fmt::u(out, ob.u16(4).unwrap_or(0) as u64);
                fmt::s(out, ", lifetime ");
                fmt::u(out, ob.u16(6).unwrap_or(0) as u64);
            }
            24 if olen >= 8 => {
                let pl = o[2];
                let mut a = [0u8; 16];
                let have = (olen - 8).min(16);
                a[..have].copy_from_slice(&o[8..8 + have]);
                out.push(b' ');
                fmt::ipv6(out, &a);
                out.push(b'/');
                fmt::u(out, pl as u64);
                fmt::s(out, ", pref=");
                fmt::s(out, pref(o[3] >> 3));
                fmt::s(out, ", lifetime=");
                lifetime(out, ob.u32(4).unwrap_or(0));
            }
            25 if olen >= 8 => {
                fmt::s(out, " lifetime ");
                lifetime(out, ob.u32(4).unwrap_or(0));
                out.push(b',');
                for a in o[8..].chunks_exact(16) {
                    fmt::s(out, " addr: ");
                    addr(out, a);
                }
            }
            31 if olen >= 8 => {
                fmt::s(out, " lifetime ");
                lifetime(out, ob.u32(4).unwrap_or(0));
                fmt::s(out, ", domain(s):");
                domains(out, &o[8..]);
            }
            _ => {
                dump(out, &o[2..], "  ");
            }
        }
        i += olen;
    }
    true
}

/// A lifetime in seconds (`infinity` for all ones).
fn lifetime(out: &mut Vec<u8>, v: u32) {
    if v == u32::MAX {
        fmt::s(out, "infinity");
    } else {
        fmt::u(out, v as u64);
        out.push(b's');
    }
}

/// The DNS search list: uncompressed names, each ended by a zero label,
/// then zero padding.
fn domains(out: &mut Vec<u8>, mut d: &[u8]) {
    while let Some(&first) = d.first() {
        if first == 0 {
            break;
        }
        out.push(b' ');
        // One name.
        loop {
            let Some(&l) = d.first() else { return };
            d = &d[1..];
            if l == 0 {
                break;
            }
            let Some(label) = d.get(..l as usize) else { return };
            out.extend_from_slice(label);
            out.push(b'.');
            d = &d[l as usize..];
        }
    }
}

/// Node information query (139) and reply (140), RFC 4620.
fn nodeinfo(out: &mut Vec<u8>, b: Bytes<'_>, typ: u8, code: u8, len: usize, v: bool) {
    fmt::s(out, if typ == 139 { "who-are-you request" } else { "who-are-you reply" });
    let (Some(qtype), Some(flags)) = (b.u16(4), b.u16(6)) else {
        fmt::s(out, " [|icmp6]");
        return;
    };
    if len < 16 || b.slice(8, 8).is_none() {
        fmt::s(out, " [|icmp6]");
        return;
    }
    let qname = match qtype {
        0 => "noop",
        1 => "supported qtypes",
        2 => "DNS name",
        3 => "node addresses",
        _ => "unknown",
    };
    let ni_flags = |out: &mut Vec<u8>| {
        if qtype == 3 && flags != 0 {
            fmt::s(out, " [");
            for (bit, c) in [(0x20, b'G'), (0x10, b'S'), (0x08, b'L'), (0x04, b'C'), (0x02, b'A')] {
                if flags & bit != 0 {
                    out.push(c);
                }
            }
            // The T flag only means something in replies.
            if typ == 140 && flags & 0x01 != 0 {
                out.push(b'T');
            }
            out.push(b']');
        }
    };
    let end = len.min(b.0.len());
    let body = b.0.get(16..end).unwrap_or(&[]);
    if typ == 139 {
        fmt::s(out, " node information query (");
        fmt::s(out, qname);
        if qtype == 0 {
            // A no-op carries no subject.
            if v && !body.is_empty() {
                fmt::s(out, ", invalid len");
            }
            out.push(b')');
            return;
        }
        ni_flags(out);
        fmt::s(out, ", subject=");
        match code {
            0 if body.len() >= 16 => addr(out, &body[..16]),
            2 if body.len() >= 4 => addr(out, &body[..4]),
            1 => {
                fmt::s(out, "DNS name");
                dns_names(out, body);
            }
            _ => fmt::s(out, "?"),
        }
        out.push(b')');
    } else {
        fmt::s(out, " node information reply (");
        if code != 0 {
            // Refusals and unknown queries carry no data.
            fmt::s(out, if code == 1 { "refused" } else { "unknown" });
            out.push(b')');
            return;
        }
        if v {
            fmt::s(out, "success, ");
        }
        fmt::s(out, qname);
        if qtype == 2 {
            // A TTL, then the names.
            dns_names(out, body.get(4..).unwrap_or(&[]));
        }
        if qtype == 3 {
            // Each address comes after its 32-bit TTL.
            for e in body.chunks_exact(20) {
                out.push(b' ');
                addr(out, &e[4..20]);
                out.push(b'(');
                fmt::u(out, u32::from_be_bytes([e[0], e[1], e[2], e[3]]) as u64);
                out.push(b')');
            }
            ni_flags(out);
        }
        out.push(b')');
    }
}

/// DNS-encoded names as node information carries them: `, "a.b."` each.
fn dns_names(out: &mut Vec<u8>, mut d: &[u8]) {
    while d.first().is_some_and(|&c| c != 0) {
        fmt::s(out, ", \"");
        while let Some((&l, rest)) = d.split_first() {
            d = rest;
            if l == 0 {
                break;
            }
            let Some(label) = d.get(..l as usize) else {
                d = &[];
                break;
            };
            super::resp::escaped(out, label);
            out.push(b'.');
            d = &d[l as usize..];
        }
        out.push(b'"');
    }
}

/// Router renumbering (RFC 2894): the first match-prefix part and its
/// use-prefix parts; false when the message is cut short.
fn renumbering(out: &mut Vec<u8>, b: Bytes<'_>, code: u8, v: bool) -> bool {
    fmt::s(out, "router renumbering, ");
    fmt::s(
        out,
        match code {
            0 => "command",
            1 => "result",
            255 => "sequence number reset",
            _ => "code-#",
        },
    );
    let (Some(seq), Some(seg), Some(fl), Some(delay)) = (b.u32(4), b.u8(8), b.u8(9), b.u16(10))
    else {
        fmt::s(out, " [|icmp6]");
        return false;
    };
    fmt::s(out, ", seq=");
    fmt::u(out, seq as u64);
    if v {
        out.push(b'[');
        for (bit, c) in [(0x80, b'T'), (0x40, b'R'), (0x20, b'A'), (0x10, b'S'), (0x08, b'P')] {
            if fl & bit != 0 {
                out.push(c);
            }
        }
        if fl & 0xf8 != 0 {
            out.push(b',');
        }
        fmt::s(out, "seg=");
        fmt::u(out, seg as u64);
        fmt::s(out, ",maxdelay=");
        fmt::u(out, delay as u64);
        out.push(b']');
    }
    if code != 0 {
        return true;
    }
    let (Some(op), Some(oplen), Some(ord), Some(mlen), Some(min), Some(max), Some(mp)) =
        (b.u8(16), b.u8(17), b.u8(18), b.u8(19), b.u8(20), b.u8(21), b.slice(24, 16))
    else {
        fmt::s(out, " [|icmp6]");
        return false;
    };
    fmt::s(out, " match(");
    fmt::s(
        out,
        match op {
            1 => "add",
            2 => "change",
            3 => "setglobal",
            _ => "opcode?",
        },
    );
    out.push(b',');
    if v {
        fmt::s(out, "ord=");
        fmt::u(out, ord as u64);
        fmt::s(out, ",min=");
        fmt::u(out, min as u64);
        fmt::s(out, ",max=");
        fmt::u(out, max as u64);
        out.push(b',');
    }
    addr(out, mp);
    out.push(b'/');
    fmt::u(out, mlen as u64);
    out.push(b')');
    let uses = ((oplen as usize) * 8).saturating_sub(24) / 32;
    for k in 0..uses {
        let at = 40 + 32 * k;
        let (Some(ul), Some(kl), Some(mask), Some(raf), Some(vl), Some(pl), Some(up)) = (
            b.u8(at),
            b.u8(at + 1),
            b.u8(at + 2),
            b.u8(at + 3),
            b.u32(at + 4),
            b.u32(at + 8),
            b.slice(at + 16, 16),
        ) else {
            fmt::s(out, " [|icmp6]");
            return false;
        };
        fmt::s(out, " use(");
        if v {
            fmt::s(out, "mask=0x");
            fmt::x(out, mask as u64);
            fmt::s(out, ",raflags=0x");
            fmt::x(out, raf as u64);
            fmt::s(out, ",vltime=");
            fmt::u(out, vl as u64);
            fmt::s(out, ",pltime=");
            fmt::u(out, pl as u64);
            out.push(b',');
        }
        addr(out, up);
        out.push(b'/');
        fmt::u(out, ul as u64);
        out.push(b'/');
        fmt::u(out, kl as u64);
        out.push(b')');
    }
    true
}

/// The `-v` details of an RPL DAO or DAO-ACK: `[dagid:ADDR,seq:N,instance:N,
/// ...]` (the DODAG ID only when its flag says it is present), then a DAO's
/// options (with `-vv`) when it carries the DODAG ID.
fn rpl_dao(out: &mut Vec<u8>, b: Bytes<'_>, len: usize, ack: bool, vv: bool) {
    let (Some(inst), Some(fl), Some(x), Some(y)) = (b.u8(4), b.u8(5), b.u8(6), b.u8(7)) else {
        fmt::s(out, " [|icmp6]");
        return;
    };
    // DAO: instance, K|D flags, reserved, sequence. DAO-ACK: instance,
    // D flag, sequence, status.
    let has_id = if ack { fl & 0x80 != 0 } else { fl & 0x40 != 0 };
    let seq = if ack { x } else { y };
    fmt::s(out, " [dagid:");
    if has_id {
        let Some(id) = b.slice(8, 16) else {
            fmt::s(out, "[|icmp6]");
            return;
        };
        addr(out, id);
    } else {
        fmt::s(out, "<elided>");
    }
    fmt::s(out, ",seq:");
    fmt::u(out, seq as u64);
    fmt::s(out, ",instance:");
    fmt::u(out, inst as u64);
    if ack {
        fmt::s(out, ",status:");
        fmt::u(out, y as u64);
        out.push(b']');
        return;
    }
    out.push(b',');
    if has_id {
        fmt::s(out, "Dagid,");
    }
    fmt::x_pad(out, fl as u64, 2);
    out.push(b']');
    if !has_id || !vv {
        return;
    }
    let end = len.min(b.0.len());
    let mut i = 24;
    while i < end {
        let t = b.0[i];
        fmt::s(out, " opt:");
        fmt::s(
            out,
            match t {
                0 => "pad1",
                1 => "padn",
                2 => "dagmetric",
                3 => "routeinfo",
                4 => "dagconf",
                5 => "rpltarget",
                6 => "transit",
                7 => "solicitedinfo",
                8 => "prefixinfo",
                9 => "targetdesc",
                _ => "unknown",
            },
        );
        if t == 0 {
            i += 1;
            continue;
        }
        let Some(l) = b.u8(i + 1) else {
            fmt::s(out, " [|icmp6]");
            return;
        };
        fmt::s(out, " len:");
        fmt::u(out, l as u64 + 2);
        out.push(b' ');
        i += l as usize + 2;
    }
}
