//! ICMP (ICMPv6 is in icmp6.rs): echo, unreachable, time exceeded,
//! redirects, parameter problems, router advertisements, timestamps and
//! masks, each as the one-line summary tcpdump prints; codes it has no
//! name for as `redirect-#N`, `time exceeded-#N`, `parameter problem -
//! code N`. With `-v` an error message is followed by the IP header (and
//! transport ports) it quotes, never called truncated, and by its RFC 4884
//! extensions (RFC 4950 MPLS label stacks decoded, other objects in hex).

use super::ip::addr;
use super::{Bytes, Printer, fmt};

fn tail(out: &mut Vec<u8>, len: usize) {
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

fn trunc(out: &mut Vec<u8>) {
    fmt::s(out, " [|icmp]");
}

/// Milliseconds since midnight as `HH:MM:SS.mmm`.
fn ms_time(out: &mut Vec<u8>, ms: u32) {
    fmt::hms(out, (ms / 1000) as u64);
    out.push(b'.');
    fmt::u_pad(out, (ms % 1000) as u64, 3);
}

pub(crate) fn icmp4(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    // Only the type is needed to name a message tcpdump does not dissect.
    let Some(&typ) = data.first() else {
        p.dump_whole = true;
        trunc(out);
        return;
    };
    let code = b.u8(1).unwrap_or(0);
    if data.len() < 4 && matches!(typ, 0 | 3 | 5 | 8 | 9 | 12 | 13 | 14 | 18) {
        p.dump_whole = true;
        trunc(out);
        return;
    }
    fmt::s(out, "ICMP ");
    // The quoted packet of error messages.
    let inner = Bytes(data.get(8..).unwrap_or(&[]));
    let inner_dst = inner.slice(16, 4);
    match typ {
        0 | 8 => {
            let (Some(id), Some(seq)) = (b.u16(4), b.u16(6)) else {
                fmt::s(out, if typ == 0 { "echo reply" } else { "echo request" });
                trunc(out);
                return;
            };
            fmt::s(out, if typ == 0 { "echo reply, id " } else { "echo request, id " });
            fmt::u(out, id as u64);
            fmt::s(out, ", seq ");
            fmt::u(out, seq as u64);
        }
        3 => {
            let Some(dst) = inner_dst else {
                fmt::s(out, "unreachable");
                trunc(out);
                return;
            };
            let pre = |out: &mut Vec<u8>, what: &str| {
                fmt::s(out, what);
                addr(out, dst);
            };
            match code {
                0 => {
                    pre(out, "net ");
                    fmt::s(out, " unreachable");
                }
                1 => {
                    pre(out, "host ");
                    fmt::s(out, " unreachable");
                }
                2 => {
                    pre(out, "");
                    fmt::s(out, " protocol ");
                    fmt::u(out, inner.u8(9).unwrap_or(0) as u64);
                    fmt::s(out, " unreachable");
                }
                3 => {
                    let proto = inner.u8(9).unwrap_or(0);
                    let ihl = (inner.u8(0).unwrap_or(0x45) & 15) as usize * 4;
                    let Some(dport) = inner.u16(ihl + 2) else {
                        pre(out, "");
                        trunc(out);
                        return;
                    };
                    pre(out, "");
                    match proto {
                        6 => fmt::s(out, " tcp port "),
                        17 => fmt::s(out, " udp port "),
                        _ => {
                            fmt::s(out, " protocol ");
                            fmt::u(out, proto as u64);
                            fmt::s(out, " port ");
                        }
                    }
                    fmt::u(out, dport as u64);
                    fmt::s(out, " unreachable");
                }
                4 => {
                    pre(out, "");
                    let mtu = b.u16(6).unwrap_or(0);
                    fmt::s(out, " unreachable - need to frag");
                    if mtu != 0 {
                        fmt::s(out, " (mtu ");
                        fmt::u(out, mtu as u64);
                        fmt::s(out, ")");
                    }
                }
                _ => {
                    let (head, what) = match code {
                        5 => ("", "source route failed"),
                        6 => ("net ", "unknown"),
                        7 => ("host ", "unknown"),
                        8 => ("", "source host isolated"),
                        9 => ("net ", "admin prohibited"),
                        10 => ("host ", "admin prohibited"),
                        11 => ("net ", "tos prohibited"),
                        12 => ("host ", "tos prohibited"),
                        13 => ("host ", "admin prohibited filter"),
                        14 => ("host ", "host precedence violation"),
                        15 => ("host ", "precedence cutoff"),
                        _ => ("", ""),
                    };
                    pre(out, head);
                    fmt::s(out, " unreachable");
                    if what.is_empty() {
                        fmt::s(out, " - #");
                        fmt::u(out, code as u64);
                    } else {
                        fmt::s(out, " - ");
                        fmt::s(out, what);
                    }
                }
            }
        }
        4 => fmt::s(out, "source quench"),
        5 => {
            let (Some(dst), Some(gw)) = (inner_dst, b.slice(4, 4)) else {
                fmt::s(out, "redirect");
                trunc(out);
                return;
            };
            if code > 3 {
                fmt::s(out, "redirect-#");
                fmt::u(out, code as u64);
                out.push(b' ');
                addr(out, dst);
                fmt::s(out, " to ");
            } else {
                fmt::s(out, if code >= 2 { "redirect-tos " } else { "redirect " });
                addr(out, dst);
                fmt::s(out, if code % 2 == 0 { " to net " } else { " to host " });
            }
            addr(out, gw);
        }
        9 => {
            let (Some(n), Some(size), Some(life)) = (b.u8(4), b.u8(5), b.u16(6)) else {
                fmt::s(out, "router advertisement");
                trunc(out);
                return;
            };
            fmt::s(out, "router advertisement lifetime ");
            let life = life as u64;
            if life >= 3600 {
                fmt::u(out, life / 3600);
                out.push(b':');
                fmt::u_pad(out, life / 60 % 60, 2);
            } else {
                fmt::u(out, life / 60);
            }
            out.push(b':');
            fmt::u_pad(out, life % 60, 2);
            out.push(b' ');
            fmt::u(out, n as u64);
            out.push(b':');
            let step = (size as usize).max(2) * 4;
            for i in 0..n as usize {
                let (Some(a), Some(pref)) = (b.slice(8 + i * step, 4), b.u32(12 + i * step)) else {
                    trunc(out);
                    return;
                };
                fmt::s(out, " {");
                addr(out, a);
                out.push(b' ');
                fmt::u(out, pref as u64);
                out.push(b'}');
            }
        }
        10 => fmt::s(out, "router solicitation"),
        11 => match code {
            0 => fmt::s(out, "time exceeded in-transit"),
            1 => fmt::s(out, "ip reassembly time exceeded"),
            _ => {
                fmt::s(out, "time exceeded-#");
                fmt::u(out, code as u64);
            }
        },
        12 => {
            if code == 0 {
                fmt::s(out, "parameter problem - octet ");
                fmt::u(out, b.u8(4).unwrap_or(0) as u64);
            } else {
                fmt::s(out, "parameter problem - code ");
                fmt::u(out, code as u64);
            }
        }
        13 | 14 => {
            let (Some(id), Some(seq)) = (b.u16(4), b.u16(6)) else {
                trunc(out);
                return;
            };
            fmt::s(out, if typ == 13 { "time stamp query id " } else { "time stamp reply id " });
            fmt::u(out, id as u64);
            fmt::s(out, " seq ");
            fmt::u(out, seq as u64);
            if typ == 14 {
                let (Some(o), Some(r), Some(x)) = (b.u32(8), b.u32(12), b.u32(16)) else {
                    trunc(out);
                    return;
                };
                fmt::s(out, ": org ");
                ms_time(out, o);
                fmt::s(out, ", recv ");
                ms_time(out, r);
                fmt::s(out, ", xmit ");
                ms_time(out, x);
            }
        }
        15 => fmt::s(out, "information request"),
        16 => fmt::s(out, "information reply"),
        17 => fmt::s(out, "address mask request"),
        18 => {
            fmt::s(out, "address mask is 0x");
            fmt::x_pad(out, b.u32(8).unwrap_or(0) as u64, 8);
        }
        _ => {
            fmt::s(out, "type-#");
            fmt::u(out, typ as u64);
        }
    }
    tail(out, len);
    // -v checks the checksum, which needs the first four bytes.
    if p.opts.verbose > 0 && data.len() < 4 && !matches!(typ, 3 | 4 | 5 | 11 | 12) {
        trunc(out);
        return;
    }
    // With -v, error messages show the packet they quote.
    if p.opts.verbose > 0 && matches!(typ, 3 | 4 | 5 | 11 | 12) {
        let quoted = data.get(8..).unwrap_or(&[]);
        if quoted.len() < 20 {
            fmt::s(out, "\n\t [|icmp]");
            return;
        }
        if p.depth < super::MAX_DEPTH {
            fmt::s(out, "\n\t");
            p.depth += 1;
            // A quoted header is cut short on purpose: tcpdump does not
            // call it truncated.
            let total = Bytes(quoted).u16(2).unwrap_or(0) as usize;
            super::ip::ipv4(p, quoted, quoted.len().max(total), out, true);
            p.depth -= 1;
        }
        if matches!(typ, 3 | 11 | 12) {
            extensions(out, data, len);
        }
    }
}

/// RFC 4884 extensions after the quoted datagram of an error message (at
/// the 128 bytes the RFC keeps for it when the length field is zero), with
/// RFC 4950 MPLS label stacks decoded and other objects in hex.
fn extensions(out: &mut Vec<u8>, data: &[u8], len: usize) {
    let b = Bytes(data);
    let words = b.u8(5).unwrap_or(0) as usize;
    let at = 8 + if words == 0 { 128 } else { words * 4 };
    if len <= at + 4 {
        return;
    }
    let Some(vb) = b.u8(at) else {
        return;
    };
    let version = vb >> 4;
    fmt::s(out, "\n\tICMP Multi-Part extension v");
    fmt::u(out, version as u64);
    if version != 2 {
        fmt::s(out, " packet not supported");
        return;
    }
    if let Some(ext) = data.get(at..len) {
        fmt::s(out, ", checksum 0x");
        fmt::x_pad(out, b.u16(at + 2).unwrap_or(0) as u64, 4);
        fmt::s(out, if super::ip::checksum(&[ext]) == 0 { " (correct)" } else { " (incorrect)" });
        fmt::s(out, ", length ");
        fmt::u(out, ext.len() as u64);
    }
    let mut off = at + 4;
    while off < len {
        let (Some(olen), Some(class), Some(ctype)) = (b.u16(off), b.u8(off + 2), b.u8(off + 3))
        else {
            trunc(out);
            return;
        };
        let olen = olen as usize;
        fmt::s(out, "\n\t  ");
        fmt::s(
            out,
            match class {
                1 => "MPLS Stack Entry",
                2 => "Interface Identification",
                _ => "Unknown",
            },
        );
        fmt::s(out, " Object (");
        fmt::u(out, class as u64);
        fmt::s(out, "), Class-Type: ");
        fmt::u(out, ctype as u64);
        fmt::s(out, ", length ");
        fmt::u(out, olen as u64);
        if olen < 4 {
            return;
        }
        let end = (off + olen).min(len);
        let body = data.get(off + 4..end.min(data.len())).unwrap_or(&[]);
        if class == 1 && ctype == 1 {
            for e in body.chunks(4) {
                let [a, b2, c, ttl] = *e else {
                    trunc(out);
                    return;
                };
                let v = u32::from_be_bytes([0, a, b2, c]);
                fmt::s(out, "\n\t    label ");
                fmt::u(out, (v >> 4) as u64);
                fmt::s(out, ", tc ");
                fmt::u(out, ((v >> 1) & 7) as u64);
                if v & 1 != 0 {
                    fmt::s(out, ", [S]");
                }
                fmt::s(out, ", ttl ");
                fmt::u(out, ttl as u64);
            }
        } else {
            super::icmp6::dump(out, body, "    ");
        }
        if data.len() < end {
            trunc(out);
            return;
        }
        off += olen;
    }
}
