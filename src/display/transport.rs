//! TCP and UDP.
//!
//! TCP sequence numbers are printed the way tcpdump prints them without
//! `-S`: the first packet of a connection that carries an ACK records both
//! directions' bases, and later packets show numbers relative to them
//! (`seq 1:28, ack 1`). The table is keyed by the connection with its lower
//! (address, port) end first, so both directions find the same entry.

use super::ip::{Addrs, checksum};
use super::udpmisc::udp_misc;
use super::{Bytes, Printer, TcpBase, TcpKey, dhcp6, dns, fmt, openflow, rpcapps, udpapps};

const FIN: u16 = 0x01;
const SYN: u16 = 0x02;
const RST: u16 = 0x04;
const ACK: u16 = 0x10;
const URG: u16 = 0x20;

fn key(addrs: &Addrs<'_>, sport: u16, dport: u16) -> (TcpKey, bool) {
    let mut s = [0u8; 16];
    let mut d = [0u8; 16];
    s[..addrs.src.len().min(16)].copy_from_slice(&addrs.src[..addrs.src.len().min(16)]);
    d[..addrs.dst.len().min(16)].copy_from_slice(&addrs.dst[..addrs.dst.len().min(16)]);
    if (s, sport) <= (d, dport) {
        (TcpKey { lo: s, hi: d, lo_port: sport, hi_port: dport }, true)
    } else {
        (TcpKey { lo: d, hi: s, lo_port: dport, hi_port: sport }, false)
    }
}

/// The transport checksum over the IPv4 or IPv6 pseudo-header.
fn l4_sum(addrs: &Addrs<'_>, proto: u8, seg: &[u8]) -> u16 {
    let len = seg.len() as u32;
    if addrs.src.len() == 16 {
        let l = len.to_be_bytes();
        checksum(&[addrs.src, addrs.dst, &l, &[0, 0, 0, proto], seg])
    } else {
        let l = (len as u16).to_be_bytes();
        checksum(&[addrs.src, addrs.dst, &[0, proto], &l, seg])
    }
}

pub(crate) fn tcp(p: &mut Printer, addrs: Addrs<'_>, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(sport), Some(dport)) = (b.u16(0), b.u16(2)) else {
        addrs.pair(out);
        fmt::s(out, "[|tcp]");
        return;
    };
    addrs.ports(out, sport, dport);
    let Some(off) = b.u8(12) else {
        fmt::s(out, " [|tcp]");
        return;
    };
    let hlen = ((off >> 4) as usize) * 4;
    if hlen < 20 {
        fmt::s(out, " tcp ");
        fmt::u(out, len as u64);
        fmt::s(out, " [bad hdr length ");
        fmt::u(out, hlen as u64);
        fmt::s(out, " - too short, < 20]");
        return;
    }
    if hlen > len {
        fmt::s(out, " tcp ");
        fmt::u(out, len as u64);
        fmt::s(out, " [bad hdr length ");
        fmt::u(out, hlen as u64);
        fmt::s(out, " - too long, > ");
        fmt::u(out, len as u64);
        fmt::s(out, "]");
        return;
    }
    if data.len() < 20 {
        fmt::s(out, " [|tcp]");
        return;
    }
    let plen = len - hlen;
    if p.opts.quiet {
        fmt::s(out, "tcp ");
        fmt::u(out, plen as u64);
        return;
    }
    let mut seq = b.u32(4).unwrap_or(0);
    let mut ack = b.u32(8).unwrap_or(0);
    let flags = (((data[12] & 0x0f) as u16) << 8) | data[13] as u16;
    let win = b.u16(14).unwrap_or(0);
    let urp = b.u16(18).unwrap_or(0);
    fmt::s(out, "Flags [");
    if flags & 0xff == 0 {
        fmt::s(out, "none");
    } else {
        for (bit, c) in [
            (0x01, b'F'),
            (0x02, b'S'),
            (0x04, b'R'),
            (0x08, b'P'),
            (0x10, b'.'),
            (0x20, b'U'),
            (0x40, b'E'),
            (0x80, b'W'),
        ] {
            if flags & bit != 0 {
                out.push(c);
            }
        }
    }
    fmt::s(out, "]");
    if p.opts.verbose > 0 {
        fmt::s(out, ", cksum 0x");
        let stored = b.u16(16).unwrap_or(0);
        fmt::x_pad(out, stored as u64, 4);
        if data.len() >= len {
            let sum = l4_sum(&addrs, 6, &data[..len]);
            if sum == 0 {
                fmt::s(out, " (correct)");
            } else {
                let mut seg = data[..len].to_vec();
                seg[16] = 0;
                seg[17] = 0;
                fmt::s(out, " (incorrect -> 0x");
                fmt::x_pad(out, l4_sum(&addrs, 6, &seg) as u64, 4);
                fmt::s(out, ")");
            }
        }
    }
    // Relative sequence numbers; `sack_base` makes SACK blocks (which are
    // in the peer's sequence space) relative too.
    let mut sack_base = 0u32;
    if flags & ACK != 0 {
        let (k, from_lo) = key(&addrs, sport, dport);
        // A SYN-ACK starts the connection over.
        let found = if flags & SYN != 0 { None } else { p.tcp.get(&k) };
        match found {
            Some(base) => {
                let (s, a) = if base.from_lo == from_lo {
                    (base.seq, base.ack)
                } else {
                    (base.ack, base.seq)
                };
                seq = seq.wrapping_sub(s);
                ack = ack.wrapping_sub(a);
                sack_base = a;
            }
            None => {
                let base = TcpBase { seq, ack: ack.wrapping_sub(1), from_lo };
                sack_base = base.ack;
                p.tcp.insert(k, base);
            }
        }
    }
    if plen > 0 || flags & (SYN | FIN | RST) != 0 {
        fmt::s(out, ", seq ");
        fmt::u(out, seq as u64);
        if plen > 0 {
            out.push(b':');
            fmt::u(out, seq.wrapping_add(plen as u32) as u64);
        }
    }
    if flags & ACK != 0 {
        fmt::s(out, ", ack ");
        fmt::u(out, ack as u64);
    }
    fmt::s(out, ", win ");
    fmt::u(out, win as u64);
    if flags & URG != 0 {
        fmt::s(out, ", urg ");
        fmt::u(out, urp as u64);
    }
    if hlen > 20 {
        fmt::s(out, ", options [");
        let captured = &data[20..hlen.min(data.len())];
        match options(out, captured, hlen - 20, sack_base) {
            Opts::Done => {}
            Opts::Truncated => {
                p.dump_whole = true;
                fmt::s(out, " [|tcp]");
                return;
            }
            // The timestamp option's own length check ends the line
            // without unwinding, so the dump still starts at the network layer.
            Opts::Stop => {
                return;
            }
        }
        fmt::s(out, "]");
    }
    fmt::s(out, ", length ");
    fmt::u(out, plen as u64);
    if plen > 0 {
        let payload = &data[hlen.min(data.len())..len.min(data.len())];
        tcp_payload(p, &addrs, sport, dport, payload, plen, out);
    }
}

/// TCP options; returns false if an option runs past the captured bytes.
/// How printing the options ended.
enum Opts {
    Done,
    /// Cut short by the capture: the caller writes ` [|tcp]`.
    Truncated,
    /// Cut short, and the marker is already written.
    Stop,
}

/// TCP options; `opts` is what was captured of the `declared` bytes.
fn options(out: &mut Vec<u8>, opts: &[u8], declared: usize, sack_base: u32) -> Opts {
    let b = Bytes(opts);
    let mut i = 0;
    let mut first = true;
    while i < declared {
        if !first {
            out.push(b',');
        }
        first = false;
        let Some(kind) = b.u8(i) else {
            return Opts::Truncated;
        };
        match kind {
            0 => {
                fmt::s(out, "eol");
                return Opts::Done;
            }
            1 => {
                fmt::s(out, "nop");
                i += 1;
                continue;
            }
            _ => {}
        }
        let Some(olen) = b.u8(i + 1) else {
            return Opts::Truncated;
        };
        let olen = olen as usize;
        let Some(body) = b.slice(i + 2, olen.saturating_sub(2)) else {
            // tcpdump names a timestamp option before finding it cut short.
            if kind == 8 && olen == 10 {
                fmt::s(out, "TS [|tcp]>");
                return Opts::Stop;
            }
            return Opts::Truncated;
        };
        if olen < 2 {
            fmt::s(out, "opt-");
            fmt::u(out, kind as u64);
            fmt::s(out, ":bad length ");
            fmt::u(out, olen as u64);
            return Opts::Done;
        }
        let ob = Bytes(body);
        match (kind, olen) {
            (2, 4) => {
                fmt::s(out, "mss ");
                fmt::u(out, ob.u16(0).unwrap_or(0) as u64);
            }
            (3, 3) => {
                fmt::s(out, "wscale ");
                fmt::u(out, body[0] as u64);
            }
            (4, 2) => fmt::s(out, "sackOK"),
            (5, _) if (olen - 2).is_multiple_of(8) => {
                fmt::s(out, "sack ");
                fmt::u(out, ((olen - 2) / 8) as u64);
                out.push(b' ');
                for blk in body.chunks(8) {
                    let l = u32::from_be_bytes([blk[0], blk[1], blk[2], blk[3]]);
                    let r = u32::from_be_bytes([blk[4], blk[5], blk[6], blk[7]]);
                    out.push(b'{');
                    fmt::u(out, l.wrapping_sub(sack_base) as u64);
                    out.push(b':');
                    fmt::u(out, r.wrapping_sub(sack_base) as u64);
                    out.push(b'}');
                }
            }
            (8, 10) => {
                fmt::s(out, "TS val ");
                fmt::u(out, ob.u32(0).unwrap_or(0) as u64);
                fmt::s(out, " ecr ");
                fmt::u(out, ob.u32(4).unwrap_or(0) as u64);
            }
            (19, 18) => {
                fmt::s(out, "md5 shared secret not supplied with -M, can't check - ");
                fmt::hex_bytes(out, body);
            }
            (34, _) => {
                fmt::s(out, "tfo  cookie");
                if body.is_empty() {
                    fmt::s(out, "req");
                } else {
                    out.push(b' ');
                    fmt::hex_bytes(out, body);
                }
            }
            (253 | 254, 4..) if ob.u16(0) == Some(0xf989) => {
                fmt::s(out, "exp-tfo cookie");
                if olen == 4 {
                    fmt::s(out, "req");
                } else {
                    out.push(b' ');
                    fmt::hex_bytes(out, &body[2..]);
                }
            }
            (253 | 254, 4..) if matches!(ob.u16(0), Some(0xacc0 | 0xacc1)) => {
                fmt::s(out, if body[1] == 0xc0 { "exp-acc0" } else { "exp-acc1" });
            }
            _ => {
                fmt::s(out, "unknown-");
                fmt::u(out, kind as u64);
                if !body.is_empty() {
                    fmt::s(out, " 0x");
                    fmt::hex_bytes(out, body);
                }
            }
        }
        i += olen;
    }
    Opts::Done
}

/// Payload dissectors on well-known TCP ports.
fn tcp_payload(
    p: &mut Printer,
    addrs: &Addrs<'_>,
    sport: u16,
    dport: u16,
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) {
    let port = |x: u16| sport == x || dport == x;
    if port(80) || port(8080) || port(3128) {
        fmt::s(out, ": HTTP");
        http_first_line(out, data);
    } else if port(53) {
        // DNS over TCP: a two-byte length, then the message.
        out.push(b' ');
        if data.len() < 2 {
            fmt::s(out, "[|domain]");
            return;
        }
        dns::print(p, &data[2..], len.saturating_sub(2), out);
    } else if port(6653) || port(6633) {
        openflow::print(p, data, len, out);
    } else {
        rpcapps::tcp(p, addrs, sport, dport, data, len, out);
    }
}

/// `: FIRST LINE` when the payload starts like an HTTP request or response.
fn http_first_line(out: &mut Vec<u8>, data: &[u8]) {
    const STARTS: &[&[u8]] = &[
        b"GET ",
        b"PUT ",
        b"POST ",
        b"HEAD ",
        b"DELETE ",
        b"OPTIONS ",
        b"TRACE ",
        b"CONNECT ",
        b"PATCH ",
        b"HTTP/",
    ];
    if !STARTS.iter().any(|s| data.starts_with(s)) {
        return;
    }
    let Some(end) = data.iter().position(|&c| c == b'\r' || c == b'\n') else {
        return;
    };
    fmt::s(out, ": ");
    for &c in &data[..end] {
        out.push(if (0x20..0x7f).contains(&c) { c } else { b'.' });
    }
}

pub(crate) fn udp(p: &mut Printer, addrs: Addrs<'_>, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(sport), Some(dport)) = (b.u16(0), b.u16(2)) else {
        addrs.pair(out);
        fmt::s(out, " [|udp]");
        return;
    };
    addrs.ports(out, sport, dport);
    let (Some(ulen), Some(_)) = (b.u16(4), b.u16(6)) else {
        fmt::s(out, " [|udp]");
        return;
    };
    let mut ulen = ulen as usize;
    // A zero length in a jumbogram means "the rest of the IPv6 payload"
    // (RFC 2675).
    if ulen == 0 && addrs.src.len() == 16 && len > 65_535 {
        ulen = len;
    }
    if ulen < 8 {
        fmt::s(out, "truncated-udplength ");
        fmt::u(out, ulen as u64);
        return;
    }
    if ulen > len && !addrs.frag {
        // tcpdump dissects the protocols on known ports with the IP
        // payload's length before it considers the UDP length bad.
        let payload = &data[8.min(data.len())..len.min(data.len())];
        let mlen = len.saturating_sub(8);
        if !p.opts.quiet
            && (udp_misc(sport, dport, payload, mlen, true, out).is_some()
                || udp_misc(sport, dport, payload, mlen, false, out).is_some()
                || rpcapps::udp(p, &addrs, sport, dport, payload, mlen, out).is_some())
        {
            return;
        }
        fmt::s(out, "UDP, bad length ");
        fmt::u(out, (ulen - 8) as u64);
        fmt::s(out, " > ");
        fmt::u(out, len.saturating_sub(8) as u64);
        return;
    }
    let plen = ulen - 8;
    // IPv6 makes the UDP checksum mandatory, and tcpdump -v checks it.
    if p.opts.verbose > 0 && addrs.src.len() == 16 && !addrs.frag && data.len() >= ulen {
        let seg = &data[..ulen];
        if l4_sum(&addrs, 17, seg) == 0 {
            fmt::s(out, "[udp sum ok] ");
        } else {
            let mut c = seg.to_vec();
            c[6] = 0;
            c[7] = 0;
            fmt::s(out, "[bad udp cksum 0x");
            fmt::x_pad(out, b.u16(6).unwrap_or(0) as u64, 4);
            fmt::s(out, " -> 0x");
            fmt::x_pad(out, l4_sum(&addrs, 17, &c) as u64, 4);
            fmt::s(out, "!] ");
        }
    }
    if !p.opts.quiet && (sport == 53 || dport == 53 || sport == 5353 || dport == 5353) {
        let payload = &data[8.min(data.len())..ulen.min(data.len())];
        dns::print(p, payload, plen, out);
        return;
    }
    if !p.opts.quiet {
        let payload = &data[8.min(data.len())..ulen.min(data.len())];
        let mlen = plen.min(len.saturating_sub(8));
        if let Some(()) = udp_misc(sport, dport, payload, mlen, true, out) {
            return;
        }
        if let Some(()) = rpcapps::udp(p, &addrs, sport, dport, payload, mlen, out) {
            return;
        }
        if (sport == 1985 || dport == 1985) && udpapps::hsrp(payload, plen, out) {
            return;
        }
        if matches!(dport, 3784 | 4784 | 6784) && udpapps::bfd(payload, dport, out) {
            return;
        }
        if let Some(()) = udp_misc(sport, dport, payload, mlen, false, out) {
            return;
        }
        if matches!(sport, 546 | 547) || matches!(dport, 546 | 547) {
            return dhcp6::print(p, payload, plen, out);
        }
        if matches!(sport, 67 | 68)
            && matches!(dport, 67 | 68)
            && udpapps::bootp(payload, plen, out)
        {
            return;
        }
    }
    fmt::s(out, "UDP, length ");
    fmt::u(out, plen as u64);
}
