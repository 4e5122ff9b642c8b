//! TCP and UDP, and the small TCP payload printers tcpdump has on
//! well-known ports (HTTP and WHOIS text lines, SSH banners, Telnet
//! negotiation, RESP, RPKI-RTR by name).
//!
//! TCP options are walked the way tcpdump walks them (see `options`), with
//! MPTCP in mptcp.rs. With `-v` the TCP checksum is checked when the whole
//! segment was captured, and a reset's data is shown as text.
//!
//! TCP sequence numbers are printed the way tcpdump prints them without
//! `-S`: the first packet of a connection that carries an ACK records both
//! directions' bases, and later packets show numbers relative to them
//! (`seq 1:28, ack 1`). The table is keyed by the connection with its lower
//! (address, port) end first, so both directions find the same entry.

use super::ip::{Addrs, checksum};
use super::udpmisc::udp_misc;
use super::{
    Bytes, Printer, TcpBase, TcpKey, aodv, bgp, dhcp6, dns, fmt, ldp, lspping, mptcp, openflow,
    pptp, resp, rpcapps, ssh, telnet, tftp, tunnel, udpapps,
};

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
    l4_sum_parts(addrs, proto, seg.len(), &[seg])
}

/// The checksum the sender should have written: the segment's sum with
/// the two checksum bytes at `at` taken as zero (no copy of the segment).
fn l4_sum_zeroed(addrs: &Addrs<'_>, proto: u8, seg: &[u8], at: usize) -> u16 {
    let (head, tail) = seg.split_at(at.min(seg.len()));
    let tail = tail.get(2..).unwrap_or(&[]);
    l4_sum_parts(addrs, proto, seg.len(), &[head, &[0, 0], tail])
}

fn l4_sum_parts(addrs: &Addrs<'_>, proto: u8, len: usize, parts: &[&[u8]]) -> u16 {
    let mut all: [&[u8]; 7] = [&[]; 7];
    let l4 = (len as u32).to_be_bytes();
    let l2 = (len as u16).to_be_bytes();
    let pr = [0, 0, 0, proto];
    all[0] = addrs.src;
    all[1] = addrs.dst;
    if addrs.src.len() == 16 {
        all[2] = &l4;
        all[3] = &pr;
    } else {
        all[2] = &pr[2..];
        all[3] = &l2;
    }
    for (slot, part) in all[4..].iter_mut().zip(parts) {
        *slot = part;
    }
    checksum(&all)
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
        // tcpdump counts the length past the (bogus) header here.
        fmt::s(out, " tcp ");
        fmt::u(out, len.saturating_sub(hlen) as u64);
        fmt::s(out, " [bad hdr length ");
        fmt::u(out, hlen as u64);
        fmt::s(out, " - too short, < 20]");
        return;
    }
    if hlen > len && p.opts.quiet {
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
    let plen = len.saturating_sub(hlen);
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
    // A header longer than the segment is reported after the flags.
    if hlen > len {
        fmt::s(out, " [bad hdr length ");
        fmt::u(out, hlen as u64);
        fmt::s(out, " - too long, > ");
        fmt::u(out, len as u64);
        fmt::s(out, "]");
        return;
    }
    // The checksum is shown only when the whole segment was captured.
    if p.opts.verbose > 0 && data.len() >= len {
        fmt::s(out, ", cksum 0x");
        let stored = b.u16(16).unwrap_or(0);
        fmt::x_pad(out, stored as u64, 4);
        {
            let sum = l4_sum(&addrs, 6, &data[..len]);
            if sum == 0 {
                fmt::s(out, " (correct)");
            } else {
                fmt::s(out, " (incorrect -> 0x");
                fmt::x_pad(out, l4_sum_zeroed(&addrs, 6, &data[..len], 16) as u64, 4);
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
    // -vv shows the sequence number of every segment.
    if plen > 0 || flags & (SYN | FIN | RST) != 0 || p.opts.verbose > 1 {
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
        match options(out, captured, hlen - 20, sack_base, flags) {
            Opts::Done => {}
            Opts::Truncated => {
                fmt::s(out, " [|tcp]");
                return;
            }
            Opts::TruncatedHeader => {
                // Cut short before an option's kind or length: tcpdump's
                // dump then starts at the link layer.
                p.dump_whole = true;
                fmt::s(out, " [|tcp]");
                return;
            }
            // The timestamp option's own length check ends the line
            // without unwinding, so the dump still starts at the network layer.
            Opts::Stop => return,
            Opts::BadOpt => return,
        }
        fmt::s(out, "]");
    }
    fmt::s(out, ", length ");
    fmt::u(out, plen as u64);
    // Options that ended early (at an end-of-list) can leave the rest of
    // the header uncaptured; tcpdump says so after the length when it
    // goes on to a payload.
    if plen > 0 && data.len() < hlen {
        fmt::s(out, " [remaining caplen(");
        fmt::u(out, data.len() as u64);
        fmt::s(out, ") < header length(");
        fmt::u(out, hlen as u64);
        fmt::s(out, ")] [|tcp]");
        return;
    }
    if plen > 0 {
        let payload = &data[hlen.min(data.len())..len.min(data.len())];
        if flags & RST != 0 && p.opts.verbose > 0 {
            // With -v the data of a reset is shown as text (RFC 1122
            // suggests it may explain the reset): at most 30 bytes, `+`
            // when there is more, `!` when the capture cut it short.
            fmt::s(out, " [");
            if payload.len() < plen {
                out.push(b'!');
            }
            fmt::s(out, "RST");
            if plen > 30 {
                out.push(b'+');
            }
            out.push(b' ');
            resp::escaped(out, &payload[..payload.len().min(30)]);
            out.push(b']');
            return;
        }
        tcp_payload(p, &addrs, sport, dport, payload, plen, out);
    }
}

/// TCP options; returns false if an option runs past the captured bytes.
/// How printing the options ended.
enum Opts {
    Done,
    /// Cut short by the capture inside an option: the caller writes
    /// ` [|tcp]`.
    Truncated,
    /// Cut short before an option's kind or length byte.
    TruncatedHeader,
    /// Cut short, and the marker is already written.
    Stop,
    /// An option too short for its kind; `[bad opt]` is written and the
    /// line ends after the closing bracket.
    BadOpt,
}

/// tcpdump's name for a TCP option kind (`None`: `unknown-N`).
fn option_name(kind: u8) -> Option<&'static str> {
    Some(match kind {
        0 => "eol",
        1 => "nop",
        2 => "mss",
        3 => "wscale",
        4 => "sackOK",
        5 => "sack",
        6 => "echo",
        7 => "echoreply",
        8 => "TS",
        11 => "cc",
        12 => "ccnew",
        // tcpdump's table has an empty name for CC.ECHO.
        13 => "",
        19 => "md5",
        20 => "scps",
        28 => "uto",
        29 => "tcp-ao",
        30 => "mptcp",
        34 => "tfo",
        _ => return None,
    })
}

/// `[bad opt]`, closed with `]` unless it is the first option.
fn bad_opt(out: &mut Vec<u8>, first: bool) -> Opts {
    fmt::s(out, "[bad opt]");
    if !first {
        out.push(b']');
    }
    Opts::BadOpt
}

/// TCP options; `opts` is what was captured of the `declared` bytes.
///
/// This follows tcpdump's walk: each kind has the number of data bytes it
/// reads (the length byte for the variable ones), the walk moves on by
/// that many whatever the length byte says (` [len N]` flags a mismatch),
/// and an option longer than what is left of the header ends the list
/// with `[bad opt]`.
fn options(
    out: &mut Vec<u8>,
    opts: &[u8],
    declared: usize,
    sack_base: u32,
    tcp_flags: u16,
) -> Opts {
    let b = Bytes(opts);
    let mut left = declared;
    let mut i = 0;
    let mut first = true;
    while left > 0 {
        if !first {
            out.push(b',');
        }
        let Some(kind) = b.u8(i) else {
            return Opts::TruncatedHeader;
        };
        let olen = if kind <= 1 {
            1
        } else {
            let Some(l) = b.u8(i + 1) else {
                return Opts::TruncatedHeader;
            };
            let l = l as usize;
            if l < 2 || l > left {
                return bad_opt(out, first);
            }
            left -= 1;
            l
        };
        left -= 1;
        let at = i + if kind <= 1 { 1 } else { 2 };
        let datalen = match kind {
            0 | 1 | 4 => 0,
            2 | 20 | 28 => 2,
            3 => 1,
            6 | 7 | 11..=13 => 4,
            8 => 8,
            19 => 16,
            _ => olen - 2,
        };
        let name = option_name(kind);
        if left < datalen {
            match name {
                Some(n) => fmt::s(out, n),
                None => {
                    fmt::s(out, "unknown-");
                    fmt::u(out, kind as u64);
                }
            }
            return bad_opt(out, first);
        }
        let Some(body) = b.slice(at, datalen) else {
            // tcpdump names the option before finding it cut short, and
            // after an earlier option the marker gains a `>`.
            if kind == 8 {
                fmt::s(out, "TS");
                if first {
                    return Opts::Truncated;
                }
                fmt::s(out, " [|tcp]>");
                return Opts::Stop;
            }
            // tcpdump names the option before it finds the data cut
            // short; options printed as bytes show what was captured.
            let part = opts.get(at..).unwrap_or(&[]);
            match (kind, name) {
                (29, _) => {
                    // As far as it was captured; the MAC is always short.
                    fmt::s(out, "tcp-ao");
                    if let Some(k) = part.first() {
                        fmt::s(out, " keyid ");
                        fmt::u(out, u64::from(*k));
                    }
                    if let Some(r) = part.get(1) {
                        fmt::s(out, " rnextkeyid ");
                        fmt::u(out, u64::from(*r));
                        fmt::s(out, " mac 0x");
                        fmt::hex_bytes(out, &part[2..]);
                    }
                }
                (5, _) => {
                    fmt::s(out, "sack ");
                    fmt::u(out, ((olen - 2) / 8) as u64);
                    out.push(b' ');
                }
                (253 | 254, _) => {
                    if part.len() < 2 && kind == 253 {
                        fmt::s(out, "unknown-253 0x");
                        fmt::hex_bytes(out, part);
                    } else if kind == 254 {
                        fmt::s(out, "exp");
                    } else {
                        fmt::s(out, "unknown-");
                        fmt::u(out, kind as u64);
                        fmt::s(out, " 0x");
                        fmt::hex_bytes(out, part);
                    }
                }
                (_, Some(n)) => fmt::s(out, n),
                (_, None) => {
                    fmt::s(out, "unknown-");
                    fmt::u(out, kind as u64);
                    fmt::s(out, " 0x");
                    fmt::hex_bytes(out, part);
                }
            }
            if !first {
                fmt::s(out, " [|tcp]>");
                return Opts::Stop;
            }
            return Opts::Truncated;
        };
        let ob = Bytes(body);
        match kind {
            0 => fmt::s(out, "eol"),
            1 => fmt::s(out, "nop"),
            4 => fmt::s(out, "sackOK"),
            2 | 6 | 7 | 11..=13 | 3 => {
                fmt::s(out, name.unwrap_or(""));
                out.push(b' ');
                let v = match datalen {
                    1 => body[0] as u64,
                    2 => ob.u16(0).unwrap_or(0) as u64,
                    _ => ob.u32(0).unwrap_or(0) as u64,
                };
                fmt::u(out, v);
            }
            5 => {
                fmt::s(out, "sack");
                if !datalen.is_multiple_of(8) {
                    fmt::s(out, " invalid sack");
                } else {
                    out.push(b' ');
                    fmt::u(out, (datalen / 8) as u64);
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
            }
            8 => {
                fmt::s(out, "TS val ");
                fmt::u(out, ob.u32(0).unwrap_or(0) as u64);
                fmt::s(out, " ecr ");
                fmt::u(out, ob.u32(4).unwrap_or(0) as u64);
            }
            19 => {
                fmt::s(out, "md5 shared secret not supplied with -M, can't check - ");
                fmt::hex_bytes(out, body);
            }
            20 => {
                fmt::s(out, "scps cap ");
                fmt::byte_hex(out, body[0]);
                fmt::s(out, " id ");
                fmt::u(out, body[1] as u64);
            }
            28 => {
                // User timeout (RFC 5482) as tcpdump reads it: the raw
                // value, then the time with the low bit as the unit flag.
                let v = ob.u16(0).unwrap_or(0);
                fmt::s(out, "uto 0x");
                fmt::x(out, v as u64);
                out.push(b' ');
                let t = if v & 1 != 0 { (v as u64 >> 1) * 60 } else { v as u64 >> 1 };
                fmt::u(out, t);
            }
            29 => {
                if datalen < 2 {
                    fmt::s(out, "tcp-ao (invalid)");
                } else {
                    tcp_ao(out, body);
                }
            }
            30 => {
                if let mptcp::Mptcp::Bad = mptcp::print(out, &opts[i..at + datalen], tcp_flags) {
                    if !first {
                        out.push(b']');
                    }
                    return Opts::BadOpt;
                }
            }
            34 => {
                fmt::s(out, "tfo  ");
                match datalen {
                    0 => fmt::s(out, "cookiereq"),
                    4..=16 => {
                        fmt::s(out, "cookie ");
                        fmt::hex_bytes(out, body);
                    }
                    _ => fmt::s(out, "(invalid)"),
                }
            }
            253 | 254 if ob.u16(0) == Some(0xf989) => {
                fmt::s(out, "exp-tfo cookie");
                if datalen == 2 {
                    fmt::s(out, "req");
                } else {
                    out.push(b' ');
                    fmt::hex_bytes(out, &body[2..]);
                }
            }
            253 | 254 if matches!(ob.u16(0), Some(0xacc0 | 0xacc1)) => {
                fmt::s(out, if body[1] == 0xc0 { "exp-acc0" } else { "exp-acc1" });
            }
            254 if datalen >= 2 => {
                fmt::s(out, "exp-");
                fmt::x_pad(out, ob.u16(0).unwrap_or(0) as u64, 4);
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
        i = at + datalen;
        left -= datalen;
        let used = datalen + if kind <= 1 { 1 } else { 2 };
        if used != olen {
            fmt::s(out, "[len ");
            fmt::u(out, olen as u64);
            out.push(b']');
        }
        first = false;
        if kind == 0 {
            break;
        }
    }
    Opts::Done
}

/// TCP-AO (RFC 5925): key ids and the MAC, `part` being the option's bytes
/// after kind and length.
fn tcp_ao(out: &mut Vec<u8>, part: &[u8]) {
    fmt::s(out, "tcp-ao keyid ");
    fmt::u(out, part[0] as u64);
    fmt::s(out, " rnextkeyid ");
    fmt::u(out, part[1] as u64);
    if part.len() > 2 {
        fmt::s(out, " mac 0x");
        fmt::hex_bytes(out, &part[2..]);
    }
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
    if port(80) || port(8080) {
        fmt::s(out, ": HTTP");
        if http_recognized(data) {
            text_proto(out, data, len, p.opts.verbose > 0, "[|http]");
        }
    } else if port(43) {
        fmt::s(out, ": WHOIS");
        text_proto(out, data, len, p.opts.verbose > 0, "[|whois]");
    } else if port(22) {
        // The version exchange; a capture that ends while the payload
        // still reads like one makes tcpdump unwind.
        if !ssh::print(data, len, out) {
            p.dump_whole = true;
        }
    } else if port(323) && !p.opts.quiet && p.opts.verbose == 0 {
        // RPKI to router (RFC 6810): named only, without -v.
        fmt::s(out, ", RPKI-RTR");
    } else if port(23) && telnet::applies(data) {
        if !telnet::print(out, data) {
            p.dump_whole = true;
        }
    } else if port(6379) {
        out.extend_from_slice(b": ");
        resp::print(out, data);
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
    } else if port(179) {
        bgp::print(p, data, len, out);
    } else if port(646) {
        ldp::print(p, data, len, out);
    } else if port(1723) {
        pptp::print(p, data, out);
    } else {
        rpcapps::tcp(p, addrs, sport, dport, data, len, out);
    }
}

/// The request methods tcpdump recognises (in any case).
const HTTP_METHODS: &[&[u8]] = &[
    b"GET",
    b"PUT",
    b"COPY",
    b"DELETE",
    b"HEAD",
    b"LOCK",
    b"MKCOL",
    b"MOVE",
    b"OPTIONS",
    b"POST",
    b"PROPFIND",
    b"PROPPATCH",
    b"REPORT",
    b"SEARCH",
    b"TRACE",
    b"UNLOCK",
    b"CONNECT",
];

/// Whether the payload starts like an HTTP request (a known method as
/// the first word) or response (`HTTP/...`, spaces, a three-digit status).
fn http_recognized(data: &[u8]) -> bool {
    let delim = |c: &u8| matches!(c, b' ' | b'\t' | b'\r' | b'\n');
    // No method is longer than nine letters, so only the first ten bytes
    // need looking at for one (a body segment is not scanned).
    let head = &data[..data.len().min(10)];
    let method_end = match head.iter().position(delim) {
        Some(e) => Some(e),
        None if data.len() < 10 => Some(data.len()),
        None => None,
    };
    if let Some(e) = method_end
        && HTTP_METHODS.iter().any(|m| m.eq_ignore_ascii_case(&data[..e]))
    {
        return true;
    }
    if data.len() < 5 || !data[..5].eq_ignore_ascii_case(b"HTTP/") {
        return false;
    }
    let end = data.iter().position(delim).unwrap_or(data.len());
    if data.get(end) != Some(&b' ') {
        return false;
    }
    let rest = &data[end..];
    let rest = &rest[rest.iter().position(|&c| c != b' ').unwrap_or(rest.len())..];
    rest.len() >= 3
        && rest[..3].iter().all(u8::is_ascii_digit)
        && matches!(rest.get(3), None | Some(b' ' | b'\r' | b'\n'))
}

/// tcpdump's text protocols (HTTP, WHOIS): the first line after `: `, or
/// with `-v` `, length: N` and every line after a tab. Lines end with
/// CR LF or LF; a line with any other control byte ends the printing
/// before it, and a last line the data ends in the middle of is marked.
fn text_proto(out: &mut Vec<u8>, data: &[u8], len: usize, verbose: bool, marker: &str) {
    if verbose {
        fmt::s(out, ", length: ");
        fmt::u(out, len as u64);
    }
    let mut rest = data;
    while !rest.is_empty() {
        let mut i = 0;
        let (line, next) = loop {
            match rest.get(i) {
                None => break (rest, None),
                Some(b'\r') if rest.get(i + 1) == Some(&b'\n') => break (&rest[..i], Some(i + 2)),
                Some(b'\n') => break (&rest[..i], Some(i + 1)),
                Some(&c) if c == b'\t' || (0x20..0x7f).contains(&c) => i += 1,
                Some(_) => return,
            }
        };
        fmt::s(out, if verbose { "\n\t" } else { ": " });
        out.extend_from_slice(line);
        let Some(next) = next else {
            out.push(b' ');
            fmt::s(out, marker);
            return;
        };
        if !verbose {
            return;
        }
        rest = &rest[next..];
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
    // tcpdump hands the tunnel and routing-protocol ports to their
    // printers before checking the length (a first fragment, or a bad
    // length, gets the IP payload's length instead).
    if !p.opts.quiet {
        let payload = &data[8.min(data.len())..ulen.min(data.len())];
        let tlen = ulen.min(len).saturating_sub(8);
        if tunnel::udp(p, &addrs, sport, dport, payload, tlen, out) {
            return;
        }
    }
    // A UDP length beyond the IP payload is reported only when no
    // protocol printer claims the port: those get the IP payload's length.
    let bad = ulen > len && !addrs.frag;
    if bad {
        ulen = len.max(8);
    }
    let plen = ulen - 8;
    // IPv6 makes the UDP checksum mandatory, and tcpdump -v checks it; -vv
    // checks IPv4's too, where zero means the sender computed none.
    let v6 = addrs.src.len() == 16;
    let check = if v6 { p.opts.verbose > 0 } else { p.opts.verbose > 1 };
    if check && !addrs.frag && !bad && data.len() >= ulen {
        let seg = &data[..ulen];
        if !v6 && b.u16(6) == Some(0) {
            fmt::s(out, "[no cksum] ");
        } else if l4_sum(&addrs, 17, seg) == 0 {
            fmt::s(out, "[udp sum ok] ");
        } else {
            fmt::s(out, "[bad udp cksum 0x");
            fmt::x_pad(out, b.u16(6).unwrap_or(0) as u64, 4);
            fmt::s(out, " -> 0x");
            fmt::x_pad(out, l4_sum_zeroed(&addrs, 17, seg, 6) as u64, 4);
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
        // LDP and LSP ping; wb (4567) and AFS rx (7000-7009) take a
        // shared port first.
        let other = |x: u16| x == 4567 || (7000..=7009).contains(&x);
        if sport == 646 || dport == 646 {
            return ldp::print(p, payload, plen, out);
        }
        if (sport == 3503 || dport == 3503) && !other(sport) && !other(dport) {
            return lspping::print(p, payload, plen, out);
        }
        if let Some(()) = udp_misc(sport, dport, payload, mlen, true, out) {
            return;
        }
        if let Some(()) = rpcapps::udp(p, &addrs, sport, dport, payload, mlen, out) {
            return;
        }
        if sport == 69 || dport == 69 {
            tftp::print(out, payload, plen);
            return;
        }
        if dport == 1985 {
            udpapps::hsrp(payload, plen, p.opts.verbose > 0, out);
            // tcpdump gives up on a short HSRP message by unwinding, so its
            // -x dump then starts at the link layer.
            p.unwound_at(out, " [|hsrp]");
            return;
        }
        if matches!(dport, 3784 | 3785 | 4784 | 6784)
            && udpapps::bfd(payload, dport, plen, p.opts.verbose > 0, out)
        {
            return;
        }
        if let Some(()) = udp_misc(sport, dport, payload, mlen, false, out) {
            return;
        }
        if let Some(()) = aodv::ports(sport, dport, payload, mlen, addrs.src.len() == 16, out) {
            return;
        }
        if matches!(sport, 546 | 547) || matches!(dport, 546 | 547) {
            return dhcp6::print(p, payload, plen, out);
        }
        if matches!(sport, 67 | 68) || matches!(dport, 67 | 68) {
            udpapps::bootp(payload, plen, p.opts.verbose > 0, out);
            // As with HSRP, a short BOOTP message unwinds tcpdump's printer.
            p.unwound_at(out, " [|bootp]");
            return;
        }
        if super::lwapp::print(payload, plen, sport, dport, p.opts.verbose > 0, out) {
            return;
        }
    }
    if bad {
        fmt::s(out, "UDP, bad length ");
        fmt::u(out, u64::from(b.u16(4).unwrap_or(0)).saturating_sub(8));
        fmt::s(out, " > ");
        fmt::u(out, plen as u64);
        return;
    }
    fmt::s(out, "UDP, length ");
    fmt::u(out, plen as u64);
}
