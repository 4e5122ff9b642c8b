//! PPP (RFC 1661) framing, its control protocols' header line, and PPPoE
//! (RFC 2516), as tcpdump prints them.
//!
//! A PPP frame may start with the HDLC address and control bytes 0xff 0x03,
//! then carries a protocol number (one byte when compressed). Without `-e`
//! tcpdump prints only the payload; with `-e` it first writes
//! `IP (0x0021), length 177: `. IPv4, IPv6 and OSI payloads are handed on.
//! The control protocols (LCP, IPCP, IP6CP, CCP, ...) print their header:
//! `LCP, Echo-Request (0x09), id 106, length 14`; their options (shown by
//! tcpdump at `-v`) are not dissected. Multilink PPP shows its fragment
//! header, PAP and CHAP their code and id.
//!
//! PPPoE discovery packets print their code and tags:
//! `PPPoE PADI [Service-Name] [PPP-Max-Payload 0x05DC] [Host-Uniq 0x16372C16]`;
//! session packets `PPPoE  [ses 0x17] ` and the PPP frame inside.

use super::{Bytes, Dump, Printer, fmt, ip, osi};

fn proto_name(proto: u16) -> Option<&'static str> {
    Some(match proto {
        0x0021 => "IP",
        0x0023 => "OSI",
        0x0029 => "ATALK",
        0x002b => "IPX",
        0x003d => "MLPPP",
        0x0057 => "IP6",
        0x0281 => "MPLS",
        0x0283 => "MPLS",
        0x8021 => "IPCP",
        0x8023 => "OSICP",
        0x802b => "IPXCP",
        0x8057 => "IP6CP",
        0x80fd => "CCP",
        0x8281 => "MPLSCP",
        0xc021 => "LCP",
        0xc023 => "PAP",
        0xc025 => "LQM",
        0xc223 => "CHAP",
        0xc02b => "BACP",
        _ => return None,
    })
}

/// Whether the ethertype is one of PPPoE's or PPP's own.
pub(crate) fn is_ether(t: u16) -> bool {
    matches!(t, 0x8863 | 0x8864 | 0x880b)
}

/// A PPP frame carried in Ethernet (ethertype 0x880b), which tcpdump
/// introduces with a bare `: `.
pub(crate) fn over_ether(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    base: usize,
) {
    fmt::s(out, ": ");
    frame(p, data, 0, wire, out, dump, base);
    // Here -x dumps from the PPP protocol field on.
    dump.net_off = base;
}

/// A PPP frame carried as an OSI NLPID 0xcf payload (with or without the
/// address and control bytes).
pub(crate) fn in_osi(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let mut d = Dump { net_off: 0, forced: None };
    let off = if data.starts_with(&[0xff, 0x03]) { 2 } else { 0 };
    frame(p, data, off, len, out, &mut d, 0);
}

/// Prints a PPP frame from the link layer (`DLT_PPP` and relatives).
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let off = if b.u16(0) == Some(0xff03) { 2 } else { 0 };
    frame(p, data, off, wire, out, dump, 0);
    // tcpdump counts a PPP header as four bytes whether or not the
    // address and control bytes are there, and -x starts after them.
    if !p.dump_whole {
        dump.net_off = 4;
    }
}

/// The PPP protocol field at `off` and what follows it; `base` is where
/// `data` starts in the captured frame, for the dumps.
fn frame(
    p: &mut Printer,
    data: &[u8],
    off: usize,
    len: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    base: usize,
) {
    let b = Bytes(data);
    let Some(first) = b.u8(off) else {
        p.dump_whole = true;
        fmt::s(out, " [|ppp]");
        return;
    };
    // An odd first byte is a protocol number compressed to one byte.
    let (proto, at) = if first & 1 == 1 {
        (first as u16, off + 1)
    } else {
        match b.u16(off) {
            Some(v) => (v, off + 2),
            None => {
                p.dump_whole = true;
                fmt::s(out, " [|ppp]");
                return;
            }
        }
    };
    let eflag = p.opts.link_header;
    if eflag {
        fmt::s(out, proto_name(proto).unwrap_or("unknown"));
        fmt::s(out, " (0x");
        fmt::x_pad(out, proto as u64, 4);
        fmt::s(out, "), length ");
        fmt::u(out, len as u64);
        // Nothing follows an unknown protocol, not even the separator.
        if proto_name(proto).is_some() {
            fmt::s(out, ": ");
        }
    }
    dump.net_off = base + at;
    let rest = &data[at.min(data.len())..];
    let w = len.saturating_sub(at);
    match proto {
        0x0021 => ip::ipv4(p, rest, w, out, !eflag),
        0x0057 => ip::ipv6(p, rest, w, out, !eflag),
        0x0023 => osi::print(p, rest, w, out),
        0x003d => {
            if !eflag {
                fmt::s(out, "MLPPP, ");
            }
            mlppp(rest, w, out)
        }
        0xc021 | 0x8021 | 0x8057 | 0x80fd | 0x8281 | 0x8023 | 0x802b | 0xc02b => {
            control(proto, rest, len - off.min(len), out)
        }
        0xc023 | 0xc223 => auth(proto, rest, out),
        // A protocol number starting with the HDLC flag byte means the
        // frame is still in its HDLC-like framing (RFC 1662): tcpdump
        // unescapes it from the flag's second byte on and prints that.
        _ if proto & 0xff00 == 0x7e00 && !eflag => {
            hdlc(p, &data[at.saturating_sub(1).min(data.len())..], out)
        }
        _ => {
            if !eflag {
                fmt::s(out, "unknown PPP protocol (0x");
                fmt::x_pad(out, proto as u64, 4);
                out.push(b')');
                // tcpdump dumps the rest of an unknown protocol's frame.
                let rest = &rest[..w.min(rest.len())];
                if !rest.is_empty() {
                    out.push(b' ');
                    super::hex_dump(out, rest, false);
                }
            }
        }
    }
}

/// The header of a control protocol packet: code, identifier, length.
fn control(proto: u16, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let name = proto_name(proto).unwrap_or("unknown");
    fmt::s(out, name);
    let Some(code) = b.u8(0) else {
        // tcpdump names the protocol it could not read the code of.
        fmt::s(out, ", [|");
        fmt::s(out, name);
        out.push(b']');
        return;
    };
    fmt::s(out, ", ");
    let name = match code {
        1 => "Conf-Request",
        2 => "Conf-Ack",
        3 => "Conf-Nack",
        4 => "Conf-Reject",
        5 => "Term-Request",
        6 => "Term-Ack",
        7 => "Code-Reject",
        8 => "Prot-Reject",
        9 => "Echo-Request",
        10 => "Echo-Reply",
        11 => "Discard-Request",
        12 => "Ident",
        13 => "Time-Remain",
        14 => "Reset-Req",
        15 => "Reset-Ack",
        _ => "unknown",
    };
    fmt::s(out, name);
    fmt::s(out, " (0x");
    fmt::x_pad(out, code as u64, 2);
    out.push(b')');
    let Some(id) = b.u8(1) else {
        fmt::s(out, " [|ppp]");
        return;
    };
    fmt::s(out, ", id ");
    fmt::u(out, id as u64);
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
}

/// PAP and CHAP: the code and identifier (the rest is not dissected).
fn auth(proto: u16, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let pap = proto == 0xc023;
    fmt::s(out, if pap { "PAP" } else { "CHAP" });
    let (Some(code), Some(id)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, if pap { "[|pap]" } else { "[|chap]" });
        return;
    };
    fmt::s(out, ", ");
    let name = match (pap, code) {
        (true, 1) => "Auth-Req",
        (true, 2) => "Auth-ACK",
        (true, 3) => "Auth-NACK",
        (false, 1) => "Challenge",
        (false, 2) => "Response",
        (false, 3) => "Success",
        (false, 4) => "Failure",
        _ => "unknown",
    };
    fmt::s(out, name);
    fmt::s(out, " (0x");
    fmt::x_pad(out, code as u64, 2);
    fmt::s(out, "), id ");
    fmt::u(out, id as u64);
    // The rest (names, secrets, messages) is not dissected; tcpdump reads
    // it, so a frame cut short ends in its marker. Each part is a length
    // byte and that many bytes: a peer id and a password in a PAP request,
    // a message in its answers, a value and a name in a CHAP challenge or
    // response.
    let short = |at: usize| match b.u8(at) {
        Some(l) => data.len() < at + 1 + l as usize,
        None => true,
    };
    let cut = match (pap, code) {
        (true, 1) => short(4) || short(5 + b.u8(4).unwrap_or(0) as usize),
        (true, 2 | 3) => short(4),
        (false, 1 | 2) => short(4),
        _ => false,
    };
    if cut {
        fmt::s(out, if pap { "[|pap]" } else { "[|chap]" });
    }
}

/// Multilink PPP (RFC 1990), long sequence number format.
fn mlppp(data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let Some(h) = b.u16(0) else {
        fmt::s(out, "[|mlppp]");
        return;
    };
    fmt::s(out, "seq 0x");
    fmt::x_pad(out, (h & 0x0fff) as u64, 3);
    fmt::s(out, ", Flags [");
    fmt::s(
        out,
        match h >> 14 {
            0 => "none",
            1 => "end",
            2 => "begin",
            _ => "begin, end",
        },
    );
    fmt::s(out, "], length ");
    fmt::u(out, len as u64);
}

/// PPPoE (ethertypes 0x8863 discovery and 0x8864 session); `base` is the
/// offset of `data` in the frame.
pub(crate) fn pppoe(
    p: &mut Printer,
    data: &[u8],
    _wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    base: usize,
) {
    let b = Bytes(data);
    fmt::s(out, "PPPoE ");
    let (Some(vt), Some(code), Some(sid), Some(plen)) = (b.u8(0), b.u8(1), b.u16(2), b.u16(4))
    else {
        fmt::s(out, "[|pppoe]");
        return;
    };
    if vt != 0x11 {
        fmt::s(out, "[ver ");
        fmt::u(out, (vt >> 4) as u64);
        fmt::s(out, "] [type ");
        fmt::u(out, (vt & 15) as u64);
        fmt::s(out, "] ");
    }
    fmt::s(
        out,
        match code {
            0x00 => "",
            0x09 => "PADI",
            0x07 => "PADO",
            0x19 => "PADR",
            0x65 => "PADS",
            0xa7 => "PADT",
            _ => "Unknown",
        },
    );
    if sid != 0 {
        fmt::s(out, " [ses 0x");
        fmt::x(out, sid as u64);
        out.push(b']');
    }
    let plen = plen as usize;
    if code == 0 {
        out.push(b' ');
        frame(p, &data[6.min(data.len())..], 0, plen, out, dump, base + 6);
        // -x dumps from the PPPoE header.
        dump.net_off = base;
        return;
    }
    let tags = &data[6.min(data.len())..];
    let tags = &tags[..tags.len().min(plen)];
    let t = Bytes(tags);
    let mut at = 0;
    while at + 4 <= tags.len() {
        let (Some(tag), Some(tl)) = (t.u16(at), t.u16(at + 2)) else { break };
        let Some(v) = t.slice(at + 4, tl as usize) else {
            fmt::s(out, " [|pppoe]");
            return;
        };
        if tag == 0 {
            break;
        }
        fmt::s(out, " [");
        match tag_name(tag) {
            Some(n) => fmt::s(out, n),
            None => {
                fmt::s(out, "TAG-0x");
                fmt::x_pad(out, tag as u64, 4);
            }
        }
        if !v.is_empty() {
            if v.iter().all(|&c| (0x20..0x7f).contains(&c)) {
                fmt::s(out, " \"");
                out.extend_from_slice(v);
                out.push(b'"');
            } else {
                fmt::s(out, " 0x");
                for &c in v {
                    const HEX: &[u8; 16] = b"0123456789ABCDEF";
                    out.push(HEX[(c >> 4) as usize]);
                    out.push(HEX[(c & 15) as usize]);
                }
            }
        }
        out.push(b']');
        at += 4 + tl as usize;
    }
}

fn tag_name(tag: u16) -> Option<&'static str> {
    Some(match tag {
        0x0101 => "Service-Name",
        0x0102 => "AC-Name",
        0x0103 => "Host-Uniq",
        0x0104 => "AC-Cookie",
        0x0105 => "Vendor-Specific",
        0x0110 => "Relay-Session-ID",
        0x0120 => "PPP-Max-Payload",
        0x0201 => "Service-Name-Error",
        0x0202 => "AC-System-Error",
        0x0203 => "Generic-Error",
        _ => return None,
    })
}

/// A PPP frame still in HDLC-like framing (RFC 1662) from link type
/// PPP_SERIAL: address 0xff and a control byte other than UI. tcpdump
/// prints the protocol's name (`unknown PPP protocol (0x7e80): `), and a
/// protocol starting with the flag byte 0x7e makes it unescape the frame
/// and print what it finds. `false` for any other frame, which is left to
/// the generic line.
pub(crate) fn serial(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(addr), Some(ctrl), Some(proto)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        return false;
    };
    if proto & 0xff00 != 0x7e00 {
        return false;
    }
    if p.opts.link_header {
        fmt::byte_hex(out, addr);
        out.push(b' ');
        fmt::byte_hex(out, ctrl);
        out.push(b' ');
        fmt::u(out, wire as u64);
        out.push(b' ');
    }
    fmt::s(out, "unknown PPP protocol (0x");
    fmt::x_pad(out, proto as u64, 4);
    fmt::s(out, "): ");
    hdlc(p, &data[3..], out);
    true
}

/// Unescapes an HDLC-framed PPP frame (0x7d escapes the next byte, XORed
/// with 0x20) and prints it: tcpdump works on the captured bytes only, so
/// the lengths it shows are those of the unescaped capture.
fn hdlc(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    // This framing only shows up in malformed captures, so a buffer per
    // such packet costs nothing in practice.
    let mut buf = Vec::with_capacity(data.len());
    let mut it = data.iter();
    while let Some(&c) = it.next() {
        if c == 0x7d {
            match it.next() {
                Some(&n) => buf.push(n ^ 0x20),
                None => break,
            }
        } else {
            buf.push(c);
        }
    }
    let Some(proto) = Bytes(&buf).u16(0) else {
        fmt::s(out, " [|ppp]");
        return;
    };
    let len = buf.len();
    let rest = &buf[2..];
    let eflag = p.opts.link_header;
    match proto {
        0x0021 | 0x0800 => ip::ipv4(p, rest, len - 2, out, !eflag),
        0x0057 | 0x86dd => ip::ipv6(p, rest, len - 2, out, !eflag),
        0xc021 | 0x8021 | 0x8057 | 0x80fd | 0x8281 | 0x8023 | 0x802b | 0xc02b => {
            control(proto, rest, len, out)
        }
        0xc023 | 0xc223 => auth(proto, rest, out),
        _ if proto & 0xff00 == 0x7e00 => {
            fmt::s(out, "(protocol 0x");
            fmt::x_pad(out, proto as u64, 4);
            fmt::s(out, " invalid)");
        }
        _ => {
            fmt::s(out, "unknown PPP protocol (0x");
            fmt::x_pad(out, proto as u64, 4);
            out.push(b')');
        }
    }
}

/// The PPP frame inside enhanced GRE (PPTP, RFC 2637), with or without the
/// address and control bytes; the lengths tcpdump shows start after them.
pub(crate) fn in_gre(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let mut d = Dump { net_off: 0, forced: None };
    let off = if data.starts_with(&[0xff, 0x03]) { 2 } else { 0 };
    frame(p, data, off, len, out, &mut d, 0);
}
