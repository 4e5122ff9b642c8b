//! Frame Relay: the Q.922 address (DLT 107), RFC 2427 multiprotocol
//! encapsulation by NLPID (with SNAP), Cisco's ethertype encapsulation,
//! Q.933 signalling (Annex A and ANSI T1.617 Annex D LMI), FRF.15
//! end-to-end fragmentation and FRF.16 multilink (DLT 182, MFR).
//!
//! At default verbosity tcpdump prints no Frame Relay header for the
//! payloads it dissects: an IPv4 packet reads exactly as on raw IP, an
//! IS-IS PDU as over LLC. What it does print are its complaints about the
//! framing, before the payload: `UI 22! ` for a control byte that is not
//! UI (0x03) on a non-zero DLCI whose bytes are no known ethertype either,
//! `Pad! ` for a pad byte after a two- or four-byte address and `No pad! `
//! for its absence after a three-byte one. A payload it cannot dissect gets
//! the whole header line
//! (`Q.922, hdr-len 2, DLCI 16, Flags [DE], NLPID unknown (0x22), length 9: `)
//! and a hex dump.
//!
//! Q.933 prints `Q.933, CCITT, codeset 0, Status Enquiry, length 9`, with
//! the link-verification sequence numbers and PVC status that tcpdump also
//! shows inline at default verbosity; the other information elements are
//! walked (a truncated one ends the line with ` [|q.933]`) but not shown.
//! FRF.16 prints the fragment header and, for a first fragment, the frame
//! inside; its control messages print their type only. `-v` details are
//! not done.

use super::{Bytes, Dump, Printer, fmt, hex_dump, ip, l2ctl, link, llc, osi};

/// A parsed Q.922 address.
struct Addr {
    dlci: u32,
    len: usize,
    /// C/R, DE, BECN, FECN and the D/C ("sdlcore") bit.
    flags: [bool; 5],
}

/// Reads the Q.922 address: `Err(())` when it runs past the capture,
/// `Ok(None)` when its extension bits make it no valid address.
fn address(b: Bytes<'_>) -> Result<Option<Addr>, ()> {
    let b0 = b.u8(0).ok_or(())?;
    if b0 & 1 != 0 {
        return Ok(None);
    }
    let b1 = b.u8(1).ok_or(())?;
    let mut dlci = (u32::from(b0 & 0xfc) << 2) | u32::from(b1 >> 4);
    let mut flags = [b0 & 0x02 != 0, b1 & 0x02 != 0, b1 & 0x04 != 0, b1 & 0x08 != 0, false];
    if b1 & 1 != 0 {
        return Ok(Some(Addr { dlci, len: 2, flags }));
    }
    let b2 = b.u8(2).ok_or(())?;
    if b2 & 1 != 0 {
        dlci = (dlci << 6) | u32::from(b2 >> 2);
        flags[4] = b2 & 0x02 != 0;
        return Ok(Some(Addr { dlci, len: 3, flags }));
    }
    dlci = (dlci << 7) | u32::from(b2 >> 1);
    let b3 = b.u8(3).ok_or(())?;
    if b3 & 1 == 0 {
        return Ok(None);
    }
    dlci = (dlci << 6) | u32::from(b3 >> 2);
    flags[4] = b3 & 0x02 != 0;
    Ok(Some(Addr { dlci, len: 4, flags }))
}

fn nlpid_name(n: u8) -> &'static str {
    match n {
        0x00 => "NULL",
        0x08 => "Q.933",
        0x09 => "LMI",
        0x80 => "SNAP",
        0x81 => "CLNP",
        0x82 => "ES-IS",
        0x83 => "IS-IS",
        0x84 => "CONS",
        0x85 => "IDRP",
        0x8a => "X25 ES-IS",
        0x8e => "IPv6",
        0xb1 => "FRF.15",
        0xc1 => "ISIS_SPB",
        0xcc => "IPv4",
        0xcf => "PPP",
        _ => "unknown",
    }
}

/// `Q.922, hdr-len 2, DLCI 16, Flags [DE], NLPID unknown (0x22), length 9: `;
/// a value past 0xff is a Cisco ethertype and is named as one.
/// The header line, or with `-q` its short form `Q.922, DLCI 16, length 9: `.
fn header_q(out: &mut Vec<u8>, len: usize, hdr_len: usize, a: &Addr, nlpid: u16, quiet: bool) {
    if quiet {
        fmt::s(out, "Q.922, DLCI ");
        fmt::u(out, u64::from(a.dlci));
        fmt::s(out, ", length ");
        fmt::u(out, len as u64);
        fmt::s(out, ": ");
        return;
    }
    fmt::s(out, "Q.922, hdr-len ");
    fmt::u(out, hdr_len as u64);
    fmt::s(out, ", DLCI ");
    fmt::u(out, u64::from(a.dlci));
    fmt::s(out, ", Flags [");
    let names = ["C!", "DE", "BECN", "FECN", "sdlcore"];
    let mut any = false;
    for (set, name) in a.flags.iter().zip(names) {
        if *set {
            if any {
                fmt::s(out, ", ");
            }
            fmt::s(out, name);
            any = true;
        }
    }
    if !any {
        fmt::s(out, "none");
    }
    if let Ok(n) = u8::try_from(nlpid) {
        fmt::s(out, "], NLPID ");
        fmt::s(out, nlpid_name(n));
        fmt::s(out, " (0x");
        fmt::x_pad(out, u64::from(n), 2);
    } else {
        fmt::s(out, "], cisco-ethertype ");
        fmt::s(
            out,
            match link::ethertype_name(nlpid) {
                "Unknown" => "unknown",
                name => name,
            },
        );
        fmt::s(out, " (0x");
        fmt::x_pad(out, u64::from(nlpid), 4);
    }
    fmt::s(out, "), length ");
    fmt::u(out, len as u64);
    fmt::s(out, ": ");
}

/// tcpdump's default dump of an undissected payload: the captured part of
/// `len` bytes, with a truncation marker when not all of it was captured.
fn default_dump(p: &Printer, out: &mut Vec<u8>, data: &[u8], len: usize, proto: &str) {
    // Only -x replaces it; with -X tcpdump prints both.
    if p.opts.hex > 0 {
        return;
    }
    let shown = &data[..data.len().min(len)];
    hex_dump(out, shown, true);
    if shown.len() < len {
        fmt::s(out, " [|");
        fmt::s(out, proto);
        out.push(b']');
    }
}

/// DLT 107: a Frame Relay frame.
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let off = frame(p, data, wire, out);
    dump.net_off = off.min(data.len());
}

/// The truncation marker; tcpdump's `-x` dump then shows the whole frame
/// (header length 0).
fn trunc(out: &mut Vec<u8>) -> usize {
    fmt::s(out, " [|fr]");
    0
}

/// Prints a Frame Relay frame of `len` bytes; returns the header length.
pub(crate) fn frame(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) -> usize {
    let b = Bytes(data);
    let a = match address(b) {
        // A truncated address leaves the `-x` dump empty.
        Err(()) => {
            trunc(out);
            return usize::MAX;
        }
        Ok(None) => {
            fmt::s(out, "Q.922, invalid address");
            return 0;
        }
        Ok(Some(a)) => a,
    };
    let al = a.len;
    let Some(ctrl) = b.u8(al).filter(|_| len > al) else { return trunc(out) };
    let eflag = p.opts.link_header;
    if ctrl != 0x03 && a.dlci != 0 {
        // Cisco's encapsulation puts an ethertype right after the address.
        let et = b.u16(al).filter(|_| len >= al + 2);
        if let (Some(t), true) = (et, eflag) {
            header_q(out, len, al, &a, t, p.opts.quiet);
        }
        match et {
            Some(t) if link::dissected(t) => {
                let rest = &data[al + 2..];
                let mut d = Dump { net_off: 0, forced: None };
                link::payload(p, t, rest, len - al - 2, out, &mut d, al + 2, !eflag);
                return al + 2;
            }
            _ => {
                fmt::s(out, "UI ");
                fmt::x_pad(out, u64::from(ctrl), 2);
                fmt::s(out, "! ");
            }
        }
    }
    let Some(pad) = b.u8(al + 1).filter(|_| len >= al + 2) else { return trunc(out) };
    let hdr_len = if pad == 0 {
        if al != 3 {
            fmt::s(out, "Pad! ");
        }
        al + 3
    } else {
        if al == 3 {
            fmt::s(out, "No pad! ");
        }
        al + 2
    };
    let Some(nlpid) = b.u8(hdr_len - 1).filter(|_| len >= hdr_len) else { return trunc(out) };
    if eflag {
        header_q(out, len, al, &a, u16::from(nlpid), p.opts.quiet);
    }
    let rest = data.get(hdr_len..).unwrap_or(&[]);
    let rlen = len - hdr_len;
    match nlpid {
        0xcc => ip::ipv4(p, rest, rlen, out, !eflag),
        0x8e => ip::ipv6(p, rest, rlen, out, !eflag),
        0x81..=0x83 => osi::print(p, &data[hdr_len - 1..], rlen + 1, out),
        0x80 => snap(p, data, hdr_len, len, &a, out),
        0x08 => q933(p, rest, rlen, out),
        0xb1 => p.dump_whole = !frf15(rest, rlen, out),
        0xcf => ppp(p, rest, rlen, out),
        _ => {
            if !eflag {
                header_q(out, len, al, &a, u16::from(nlpid), p.opts.quiet);
            }
            default_dump(p, out, rest, rlen, "fr");
        }
    }
    hdr_len
}

/// RFC 2427 SNAP (NLPID 0x80): an OUI and a protocol identifier.
fn snap(p: &mut Printer, data: &[u8], hdr_len: usize, len: usize, a: &Addr, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(hi), Some(lo), Some(pid)) = (b.u8(hdr_len), b.u16(hdr_len + 1), b.u16(hdr_len + 3))
    else {
        fmt::s(out, " [|snap]");
        return;
    };
    let oui = (u32::from(hi) << 16) | u32::from(lo);
    let rest = &data[(hdr_len + 5).min(data.len())..];
    let rlen = len.saturating_sub(hdr_len + 5);
    if p.opts.link_header {
        fmt::s(out, "oui ");
        fmt::s(out, llc::oui_name(oui));
        fmt::s(out, " (0x");
        fmt::x_pad(out, u64::from(oui), 6);
        fmt::s(out, if oui == 0 { "), ethertype " } else { "), pid " });
        fmt::s(
            out,
            match oui {
                0 => link::ethertype_name(pid),
                0x00_000c => llc::cisco_pid_name(pid),
                _ => "Unknown",
            },
        );
        fmt::s(out, " (0x");
        fmt::x_pad(out, u64::from(pid), 4);
        fmt::s(out, "), length ");
        fmt::u(out, rlen as u64);
        fmt::s(out, ": ");
    }
    if oui == 0 && link::dissected(pid) {
        let mut d = Dump { net_off: 0, forced: None };
        link::payload(p, pid, rest, rlen, out, &mut d, hdr_len + 5, !p.opts.link_header);
        return;
    }
    if oui == 0x00_000c && l2ctl::is_cisco(pid) {
        l2ctl::cisco(p, pid, rest, rlen, out);
        return;
    }
    // Here -x, -X and -q all suppress the default dump.
    let dump = p.opts.hex == 0 && p.opts.hex_ascii == 0 && !p.opts.quiet;
    if p.opts.link_header {
        if dump {
            default_dump(p, out, data, len, "fr");
        }
        return;
    }
    fmt::s(out, "SNAP, ");
    if oui == 0 {
        fmt::s(out, "ethertype ");
        fmt::s(out, link::ethertype_name(pid));
    } else {
        fmt::s(out, "oui ");
        fmt::s(out, llc::oui_name(oui));
        fmt::s(out, " (0x");
        fmt::x_pad(out, u64::from(oui), 6);
        fmt::s(out, "), pid ");
        fmt::s(out, if oui == 0x00_000c { llc::cisco_pid_name(pid) } else { "Unknown" });
    }
    fmt::s(out, " (0x");
    fmt::x_pad(out, u64::from(pid), 4);
    fmt::s(out, "), length ");
    fmt::u(out, rlen as u64);
    fmt::s(out, ": ");
    header_q(out, len, hdr_len, a, 0x80, p.opts.quiet);
    if dump {
        default_dump(p, out, data, len, "fr");
    }
}

/// PPP inside Frame Relay (NLPID 0xcf): IPv4 and IPv6 only.
fn ppp(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let mut off = 0;
    if b.u16(0) == Some(0xff03) {
        off = 2;
    }
    let Some(first) = b.u8(off) else {
        fmt::s(out, "[|ppp]");
        return;
    };
    let proto = if first & 1 != 0 {
        off += 1;
        u16::from(first)
    } else {
        let Some(v) = b.u16(off) else {
            fmt::s(out, "[|ppp]");
            return;
        };
        off += 2;
        v
    };
    let rest = &data[off..];
    let rlen = len.saturating_sub(off);
    let eflag = p.opts.link_header;
    if eflag {
        fmt::s(
            out,
            match proto {
                0x21 => "IP",
                0x57 => "IPv6",
                _ => "unknown",
            },
        );
        fmt::s(out, " (0x");
        fmt::x_pad(out, u64::from(proto), 4);
        fmt::s(out, "), length ");
        fmt::u(out, len as u64);
        if matches!(proto, 0x21 | 0x57) {
            fmt::s(out, ": ");
        }
    }
    match proto {
        0x21 => ip::ipv4(p, rest, rlen, out, !eflag),
        0x57 => ip::ipv6(p, rest, rlen, out, !eflag),
        _ if eflag => {}
        _ => {
            fmt::s(out, "unknown PPP protocol (0x");
            fmt::x_pad(out, u64::from(proto), 4);
            fmt::s(out, ") ");
        }
    }
}

/// The flags of FRF.15 and FRF.16 fragment headers.
fn frag_flags(out: &mut Vec<u8>, b0: u8) {
    fmt::s(out, "Flags [");
    fmt::bit_names(out, b0.into(), &[(0x80, "Begin"), (0x40, "End"), (0x20, "Control")]);
    out.push(b']');
}

/// The 12-bit sequence number of an FRF.15/FRF.16 fragment header.
fn frag_seq(b0: u8, b1: u8) -> u64 {
    (u64::from(b0 & 0x1e) << 7) | u64::from(b1)
}

/// FRF.15 end-to-end fragmentation header (NLPID 0xb1); `false` when the
/// capture ended inside it (tcpdump then dumps the whole frame with `-x`).
fn frf15(data: &[u8], len: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(b0), Some(b1)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|fr]");
        // A frame too short by its length is an orderly stop; a capture
        // cut short is an unwinding one.
        return len < 2;
    };
    fmt::s(out, "FRF.15, seq 0x");
    fmt::x_pad(out, frag_seq(b0, b1), 3);
    fmt::s(out, ", ");
    frag_flags(out, b0);
    fmt::s(out, if b0 & 1 != 0 { ",Interface Fragmentation" } else { ",End-to-End Fragmentation" });
    fmt::s(out, ", length ");
    fmt::u(out, len as u64);
    true
}

/// DLT 182: FRF.16 multilink Frame Relay.
pub(crate) fn mfr(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    // Where tcpdump's -x dump starts: nowhere for a short frame, after
    // the fragment header for a first fragment, from the start for the
    // others, and (as tcpdump counts) after three bytes of a control frame.
    dump.net_off = data.len();
    let (Some(b0), Some(b1)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|mfr]");
        return;
    };
    if wire < 4 {
        fmt::s(out, "[length ");
        fmt::u(out, wire as u64);
        fmt::s(out, " < 4] (invalid)");
        return;
    }
    if b0 & 0xe0 == 0xe0 && b1 == 0 {
        let Some(msg) = b.u8(2) else {
            fmt::s(out, " [|mfr]");
            return;
        };
        dump.net_off = 3.min(data.len());
        fmt::s(out, "FRF.16 Control, ");
        frag_flags(out, b0);
        fmt::s(out, ", ");
        let name = match msg {
            1 => "Add Link",
            2 => "Add Link ACK",
            3 => "Add Link Reject",
            4 => "Hello",
            5 => "Hello ACK",
            6 => "Remove Link",
            7 => "Remove Link ACK",
            _ => "",
        };
        if name.is_empty() {
            fmt::s(out, "Unknown Message (0x");
            fmt::x_pad(out, u64::from(msg), 2);
            out.push(b')');
        } else {
            fmt::s(out, name);
        }
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        return;
    }
    fmt::s(out, "FRF.16 Frag, seq ");
    fmt::u(out, frag_seq(b0, b1));
    fmt::s(out, ", ");
    frag_flags(out, b0);
    if b0 & 0xa0 == 0x80 {
        fmt::s(out, ", ");
        frame(p, &data[2..], wire - 2, out);
        dump.net_off = 2;
        return;
    }
    dump.net_off = 0;
    let shown = &data[..data.len().min(wire)];
    hex_dump(out, shown, false);
    if shown.len() < wire {
        fmt::s(out, " [|mfr]");
    }
}

fn q933_msg(t: u8) -> Option<&'static str> {
    Some(match t {
        0x00 => "ESC to National",
        0x01 => "Alert",
        0x02 => "Call proceeding",
        0x03 => "Progress",
        0x05 => "Setup",
        0x07 => "Connect",
        0x0f => "Connect ACK",
        0x45 => "Disconnect",
        0x46 => "Restart",
        0x4d => "Release",
        0x4e => "Restart ACK",
        0x5a => "Release Complete",
        0x75 => "Status Enquiry",
        0x7d => "Status Reply",
        _ => return None,
    })
}

/// Q.933 signalling, `data` starting after the NLPID (0x08) with the call
/// reference length.
pub(crate) fn q933(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let b = Bytes(data);
    let eflag = p.opts.link_header;
    let early = |out: &mut Vec<u8>| {
        if !eflag {
            fmt::s(out, "Q.933, ");
        }
        fmt::s(out, "length ");
        fmt::u(out, len as u64);
        fmt::s(out, " [|q.933]");
    };
    let Some(crl) = b.u8(0).filter(|_| len > 0) else { return early(out) };
    let crl = usize::from(crl & 0x0f);
    let Some(callref) = b.slice(1, crl).filter(|_| len > crl) else { return early(out) };
    let mut at = 1 + crl;
    let Some(msg) = b.u8(at).filter(|_| len > at) else { return early(out) };
    at += 1;
    let (mut codeset, mut ansi, mut unshift) = (0u8, false, None);
    if len > at {
        let Some(ie) = b.u8(at) else { return early(out) };
        if ie & 0xf0 == 0x90 {
            at += 1;
            codeset = ie & 0x07;
            if ie & 0x08 == 0 {
                ansi = codeset == 5;
            } else {
                unshift = Some(0);
            }
        }
    }
    if !p.opts.link_header {
        fmt::s(out, "Q.933, ");
    }
    fmt::s(out, if ansi { "ANSI, codeset " } else { "CCITT, codeset " });
    fmt::u(out, u64::from(codeset));
    if crl != 0 {
        // tcpdump looks at the byte where it stands, not at the call
        // reference, to decide whether a one-byte reference is zero (a
        // longer one is always shown).
        let show = crl > 1 || {
            let Some(here) = b.u8(at) else {
                // tcpdump gives up here by unwinding, so -x dumps the
                // whole frame.
                p.dump_whole = true;
                fmt::s(out, " [|q.933]");
                return;
            };
            here != 0
        };
        if show {
            fmt::s(out, ", Call Ref: 0x");
            for &c in callref {
                fmt::byte_hex(out, c);
            }
        }
    }
    fmt::s(out, ", ");
    match q933_msg(msg) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "unknown message 0x");
            fmt::x_pad(out, u64::from(msg), 2);
        }
    }
    // The information elements: single-byte ones (top bit set, shifts
    // among them) and type-length-value ones. What tcpdump shows of them
    // comes before the length; an element of length zero ends the walk
    // and the line, without the length.
    let end = |out: &mut Vec<u8>, trunc: bool| {
        fmt::s(out, ", length ");
        fmt::u(out, len as u64);
        if trunc {
            fmt::s(out, " [|q.933]");
        }
    };
    while at < len {
        let Some(ie) = b.u8(at) else {
            return end(out, true);
        };
        if ie & 0x80 != 0 {
            at += 1;
            if ie & 0xf0 == 0x90 {
                if ie & 0x08 == 0 {
                    codeset = ie & 0x07;
                    unshift = None;
                } else {
                    unshift = Some(codeset);
                    codeset = ie & 0x07;
                }
            }
            continue;
        }
        let Some(ielen) = b.u8(at + 1) else {
            return end(out, true);
        };
        let ielen = usize::from(ielen);
        if ielen == 0 {
            return;
        }
        let Some(v) = b.slice(at + 2, ielen) else {
            return end(out, true);
        };
        if codeset == 0 || codeset == 5 {
            q933_ie(ie, v, out);
        }
        at += 2 + ielen;
        if let Some(c) = unshift.take() {
            codeset = c;
        }
    }
    end(out, false);
}

/// The information elements tcpdump shows inline at default verbosity.
fn q933_ie(ie: u8, v: &[u8], out: &mut Vec<u8>) {
    match ie {
        0x03 | 0x53 => {
            if v.len() < 2 {
                fmt::s(out, ", Invalid LINK VERIFY IE");
                return;
            }
            fmt::s(out, ", TX Seq: ");
            pad3(out, v[0]);
            fmt::s(out, ", RX Seq: ");
            pad3(out, v[1]);
        }
        0x07 | 0x57 => {
            fmt::s(out, ", ");
            let ok = match v.len() {
                3 => v[1] & 0x80 != 0,
                4 => v[1] & 0x80 == 0 && v[2] & 0x80 != 0,
                5 => v[1] & 0x80 == 0 && v[2] & 0x80 == 0 && v[3] & 0x80 != 0,
                _ => false,
            };
            if !ok {
                fmt::s(out, "Invalid DLCI in PVC STATUS IE");
                return;
            }
            let mut dlci = (u32::from(v[0] & 0x3f) << 4) | u32::from((v[1] & 0x78) >> 3);
            match v.len() {
                4 => dlci = (dlci << 6) | u32::from((v[2] & 0x7e) >> 1),
                5 => {
                    // As tcpdump combines the five-byte form.
                    dlci = (dlci << 13) | u32::from(v[2] & 0x7f) | u32::from((v[3] & 0x7e) >> 1)
                }
                _ => {}
            }
            let st = v[v.len() - 1];
            fmt::s(out, "DLCI ");
            fmt::u(out, u64::from(dlci));
            fmt::s(out, ": status ");
            if st & 0x08 != 0 {
                fmt::s(out, "New, ");
            }
            fmt::s(out, if st & 0x02 != 0 { "Active" } else { "Inactive" });
        }
        _ => {}
    }
}

/// `%3d`.
fn pad3(out: &mut Vec<u8>, v: u8) {
    if v < 100 {
        out.push(b' ');
    }
    if v < 10 {
        out.push(b' ');
    }
    fmt::u(out, u64::from(v));
}
