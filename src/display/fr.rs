//! Frame Relay frames that carry an NLPID (RFC 2427) rather than a Cisco
//! ethertype, as tcpdump prints them without `-e`.
//!
//! After the Q.922 address comes a control byte (UI, 0x03, is expected:
//! anything else is announced as `UI 22! `), an optional pad byte
//! (announced as `Pad! ` after a two-byte address) and the NLPID. OSI
//! packets go to [`super::osi`], IPv4 and IPv6 to [`super::ip`]; an NLPID
//! with no printer gets tcpdump's full header line,
//! `Q.922, hdr-len 4, DLCI 5769024, Flags [none], NLPID unknown (0x11),
//! length 41: `, and its bytes in hex. FRF.12/FRF.15 fragments and Q.933
//! signalling are recognised only when cut short (` [|fr]`).

use super::{Bytes, Dump, Printer, fmt, hex_dump, ip, link, osi};

fn nlpid_name(n: u8) -> &'static str {
    match n {
        0x00 => "NULL",
        0x08 => "Q.933",
        0x80 => "SNAP",
        0x81 => "CLNP",
        0x82 => "ES-IS",
        0x83 => "IS-IS",
        0x8e => "IPv6",
        0xb1 => "FRF.15",
        0xb2 => "FRF.12",
        0xcc => "IPv4",
        0xcf => "PPP",
        _ => "unknown",
    }
}

/// Prints a Frame Relay frame through its NLPID; `false` (nothing
/// written) when bpfcap does not handle the form.
pub(crate) fn nlpid(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) -> bool {
    if p.opts.link_header {
        return false;
    }
    let b = Bytes(data);
    // The address: two to four bytes, the last with its extension bit.
    let Some(alen) = (1..4).find(|&i| b.u8(i).is_some_and(|v| v & 1 != 0)).map(|i| i + 1) else {
        return false;
    };
    let Some(ctrl) = b.u8(alen) else {
        return false;
    };
    // A control byte other than UI may be the first half of a Cisco
    // ethertype that tcpdump knows.
    if let Some(t) = b.u16(alen).filter(|&t| ctrl != 0x03 && link::ethertype_name(t) != "Unknown") {
        let off = alen + 2;
        dump.net_off = off.min(data.len());
        let rest = &data[off.min(data.len())..];
        link::payload(p, t, rest, wire.saturating_sub(off), out, dump, off, true);
        return true;
    }
    let mut at = alen + 1;
    let Some(mut nl) = b.u8(at) else {
        return false;
    };
    let mut pad = false;
    if nl == 0 {
        pad = true;
        at += 1;
        match b.u8(at) {
            Some(v) => nl = v,
            None => return false,
        }
    }
    // SNAP: an OUI and a protocol id; Cisco's protocols and ethertypes
    // (OUI 0) are printed.
    let snap = (nl == 0x80)
        .then(|| Some((b.u8(at + 1)?, b.u16(at + 2)?, b.u16(at + 4)?)))
        .flatten()
        .filter(|&(o0, o12, pid)| {
            let oui = (o0 as u32) << 16 | o12 as u32;
            (oui == 0x00_000c && super::l2ctl::is_cisco(pid)) || (oui == 0 && link::dissected(pid))
        });
    let known = matches!(nl, 0x81..=0x83 | 0xcc | 0x8e) || snap.is_some();
    let short_frf = matches!(nl, 0xb1 | 0xb2) && data.len() < at + 3;
    let unknown = !known && !matches!(nl, 0x08 | 0x80 | 0xb1 | 0xb2 | 0xcf);
    if !known && !short_frf && !unknown {
        return false;
    }
    if ctrl != 0x03 {
        fmt::s(out, "UI ");
        fmt::byte_hex(out, ctrl);
        fmt::s(out, "! ");
    }
    // tcpdump announces the pad except after a three-byte address.
    if pad && alen != 3 {
        fmt::s(out, "Pad! ");
    }
    let rest = &data[at..];
    let w = wire.saturating_sub(at);
    match nl {
        0x80 => {
            if let Some((_, o12, pid)) = snap {
                let (body, bw) = (rest.get(6..).unwrap_or(&[]), w.saturating_sub(6));
                if o12 == 0 {
                    let mut d = Dump { net_off: 0, forced: None };
                    link::payload(p, pid, body, bw, out, &mut d, 0, true);
                } else {
                    super::l2ctl::cisco(p, pid, body, bw, out);
                }
            }
        }
        0x81..=0x83 => osi::print(p, rest, w, out),
        0xcc => ip::ipv4(p, &rest[1..], w.saturating_sub(1), out, true),
        0x8e => ip::ipv6(p, &rest[1..], w.saturating_sub(1), out, true),
        0xb1 | 0xb2 => fmt::s(out, " [|fr]"),
        _ => {
            link::q922_head(out, data, alen);
            fmt::s(out, ", NLPID ");
            fmt::s(out, nlpid_name(nl));
            fmt::s(out, " (0x");
            fmt::byte_hex(out, nl);
            fmt::s(out, "), length ");
            fmt::u(out, wire as u64);
            fmt::s(out, ": ");
            hex_dump(out, &rest[1..], true);
            if data.len() < wire {
                fmt::s(out, " [|fr]");
            }
        }
    }
    true
}

/// Multilink Frame Relay (FRF.16): a two-byte header with the Begin, End
/// and Control flags and a 12-bit sequence number. A fragment that begins
/// a frame prints that frame as above: `FRF.16 Frag, seq 693, Flags
/// [Begin], UI e8! IS-IS, ...`; a control message of a type bpfcap does
/// not know reads `FRF.16 Control, Flags [Begin, End, Control], Unknown
/// Message (0x00), length 262144`. `false`, with nothing written, for the
/// rest.
pub(crate) fn mfr(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
) -> bool {
    let b = Bytes(data);
    let (Some(b0), Some(b1)) = (b.u8(0), b.u8(1)) else {
        return false;
    };
    let start = out.len();
    let flags = |out: &mut Vec<u8>| {
        fmt::s(out, "Flags [");
        let mut first = true;
        for (bit, name) in [(0x80, "Begin"), (0x40, "End"), (0x20, "Control")] {
            if b0 & bit != 0 {
                if !first {
                    fmt::s(out, ", ");
                }
                fmt::s(out, name);
                first = false;
            }
        }
        if first {
            fmt::s(out, "none");
        }
        out.push(b']');
    };
    if b0 & 0x20 != 0 {
        if (1..=7).contains(&b1) {
            return false;
        }
        fmt::s(out, "FRF.16 Control, ");
        flags(out);
        fmt::s(out, ", Unknown Message (0x");
        fmt::byte_hex(out, b1);
        fmt::s(out, "), length ");
        fmt::u(out, wire as u64);
        // -x starts after the header and the message type.
        dump.net_off = 3.min(data.len());
        return true;
    }
    if b0 & 0x80 == 0 || p.opts.link_header {
        return false;
    }
    fmt::s(out, "FRF.16 Frag, seq ");
    fmt::u(out, ((((b0 & 0x1e) as u16) << 7) | b1 as u16) as u64);
    fmt::s(out, ", ");
    flags(out);
    fmt::s(out, ", ");
    let mut d = Dump { net_off: 0, forced: None };
    if !nlpid(p, &data[2..], wire.saturating_sub(2), out, &mut d) {
        out.truncate(start);
        return false;
    }
    dump.net_off = 2 + d.net_off;
    dump.forced = d.forced.map(|f| f + 2);
    true
}
