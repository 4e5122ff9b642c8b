//! DHCPv6 (RFC 8415) on UDP ports 546 and 547, as tcpdump prints it.
//!
//! Without `-v` tcpdump names only the message type: `dhcp6 solicit`.
//! With `-v` the transaction id and every option follow, each in its own
//! parentheses: `dhcp6 solicit (xid=d81eb8 (client-ID hwaddr type 1
//! 000102030405) (option-request DNS-server AFTR-Name) (elapsed-time 0)
//! (IA_PD IAID:33752069 T1:3600 T2:5400))`. Relay messages show their link
//! and peer addresses and the relayed message inside `(relay-message ...`;
//! tcpdump leaves the parenthesis it opens before the inner message
//! unclosed, and so does bpfcap.
//!
//! Options whose contents tcpdump shows at `-v` are decoded: DUIDs, the
//! identity associations and their addresses and prefixes, the option
//! request list, preference, elapsed time, DNS servers, domain lists, NTP
//! servers, the AFTR name, the MUD URL, the interface id and the
//! reconfigure message. Every other option is named only (as tcpdump does
//! at `-v` for vendor and user classes, the client FQDN and the like);
//! nothing past `-v` (the `-vv` details) is printed.

use super::{Bytes, Printer, fmt};

/// How deeply relay messages may nest before bpfcap stops following them
/// (RFC 8415 allows 32 relay hops; a crafted packet could nest many more).
const MAX_NEST: u8 = 8;

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "solicit",
        2 => "advertise",
        3 => "request",
        4 => "confirm",
        5 => "renew",
        6 => "rebind",
        7 => "reply",
        8 => "release",
        9 => "decline",
        10 => "reconfigure",
        11 => "inf-req",
        12 => "relay-fwd",
        13 => "relay-reply",
        14 => "leasequery",
        15 => "leasequery-reply",
        _ => return None,
    })
}

fn opt_name(code: u16) -> Option<&'static str> {
    Some(match code {
        1 => "client-ID",
        2 => "server-ID",
        3 => "IA_NA",
        4 => "IA_TA",
        5 => "IA_ADDR",
        6 => "option-request",
        7 => "preference",
        8 => "elapsed-time",
        9 => "relay-message",
        11 => "authentication",
        12 => "server-unicast",
        13 => "status-code",
        14 => "rapid-commit",
        15 => "user-class",
        16 => "vendor-class",
        17 => "vendor-specific-info",
        18 => "interface-ID",
        19 => "reconfigure-message",
        20 => "reconfigure-accept",
        21 => "SIP-servers-domain",
        22 => "SIP-servers-address",
        23 => "DNS-server",
        24 => "DNS-search-list",
        25 => "IA_PD",
        26 => "IA_PD-prefix",
        27 => "NIS-server",
        28 => "NISP-server",
        29 => "NIS-domain-name",
        30 => "NISP-domain-name",
        31 => "SNTP-servers",
        32 => "lifetime",
        39 => "Client-FQDN",
        56 => "NTP-server",
        64 => "AFTR-Name",
        112 => "MUD-URL",
        _ => return None,
    })
}

fn opt_label(out: &mut Vec<u8>, code: u16) {
    match opt_name(code) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "opt_");
            fmt::u(out, code as u64);
        }
    }
}

/// Prints the DHCPv6 message in `data` (`_len` bytes of UDP payload).
pub(crate) fn print(p: &mut Printer, data: &[u8], _len: usize, out: &mut Vec<u8>) {
    message(data, p.opts.verbose > 0, out, 0);
}

fn message(data: &[u8], verbose: bool, out: &mut Vec<u8>, nest: u8) {
    let b = Bytes(data);
    fmt::s(out, "dhcp6");
    let Some(t) = b.u8(0) else {
        fmt::s(out, " [|dhcp6]");
        return;
    };
    out.push(b' ');
    match msg_name(t) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "msgtype-");
            fmt::u(out, t as u64);
        }
    }
    if !verbose {
        return;
    }
    if t == 12 || t == 13 {
        let (Some(link), Some(peer)) = (b.slice(2, 16), b.slice(18, 16)) else {
            fmt::s(out, " [|dhcp6]");
            return;
        };
        fmt::s(out, " (linkaddr=");
        addr6(out, link);
        fmt::s(out, " peeraddr=");
        addr6(out, peer);
        options(&data[34..], out, nest);
    } else {
        let Some(xid) = b.u32(0) else {
            fmt::s(out, " [|dhcp6]");
            return;
        };
        fmt::s(out, " (xid=");
        fmt::x(out, (xid & 0xff_ffff) as u64);
        options(&data[4..], out, nest);
    }
    out.push(b')');
}

fn addr6(out: &mut Vec<u8>, a: &[u8]) {
    if let Ok(a) = <&[u8; 16]>::try_from(a) {
        fmt::ipv6(out, a);
    }
}

/// The options in `data`, each as ` (NAME ...)`.
fn options(data: &[u8], out: &mut Vec<u8>, nest: u8) {
    let b = Bytes(data);
    let mut at = 0;
    while at < data.len() {
        let (Some(code), Some(olen)) = (b.u16(at), b.u16(at + 2)) else {
            fmt::s(out, " [|dhcp6]");
            return;
        };
        let Some(body) = b.slice(at + 4, olen as usize) else {
            fmt::s(out, " [|dhcp6]");
            return;
        };
        fmt::s(out, " (");
        opt_label(out, code);
        option(code, body, out, nest);
        out.push(b')');
        at += 4 + olen as usize;
    }
}

/// The contents of one option, after its name.
fn option(code: u16, body: &[u8], out: &mut Vec<u8>, nest: u8) {
    let b = Bytes(body);
    match code {
        1 | 2 => duid(body, out),
        3 | 25 => {
            let (Some(iaid), Some(t1), Some(t2)) = (b.u32(0), b.u32(4), b.u32(8)) else {
                fmt::s(out, " ?");
                return;
            };
            fmt::s(out, " IAID:");
            fmt::u(out, iaid as u64);
            fmt::s(out, " T1:");
            fmt::u(out, t1 as u64);
            fmt::s(out, " T2:");
            fmt::u(out, t2 as u64);
            options(&body[12..], out, nest);
        }
        4 => {
            let Some(iaid) = b.u32(0) else {
                fmt::s(out, " ?");
                return;
            };
            fmt::s(out, " IAID:");
            fmt::u(out, iaid as u64);
            options(&body[4..], out, nest);
        }
        5 => {
            let (Some(a), Some(pl), Some(vl)) = (b.slice(0, 16), b.u32(16), b.u32(20)) else {
                fmt::s(out, " ?");
                return;
            };
            out.push(b' ');
            addr6(out, a);
            lifetimes(out, pl, vl);
            options(&body[24..], out, nest);
        }
        26 => {
            let (Some(pl), Some(vl), Some(plen), Some(a)) =
                (b.u32(0), b.u32(4), b.u8(8), b.slice(9, 16))
            else {
                fmt::s(out, " ?");
                return;
            };
            out.push(b' ');
            addr6(out, a);
            out.push(b'/');
            fmt::u(out, plen as u64);
            lifetimes(out, pl, vl);
            options(&body[25..], out, nest);
        }
        6 => {
            for pair in body.chunks_exact(2) {
                out.push(b' ');
                opt_label(out, u16::from_be_bytes([pair[0], pair[1]]));
            }
        }
        7 => {
            if let Some(v) = b.u8(0) {
                out.push(b' ');
                fmt::u(out, v as u64);
            }
        }
        8 => {
            if let Some(v) = b.u16(0) {
                out.push(b' ');
                fmt::u(out, v as u64);
            }
        }
        9 => {
            fmt::s(out, " (");
            if nest < MAX_NEST {
                message(body, true, out, nest + 1);
            }
        }
        18 => {
            out.push(b' ');
            for &x in body.iter().take(10) {
                fmt::byte_hex(out, x);
            }
            fmt::s(out, "...");
        }
        19 => match (body.len(), b.u8(0)) {
            (1, Some(t)) => {
                out.push(b' ');
                match msg_name(t) {
                    Some(n) => fmt::s(out, n),
                    None => {
                        fmt::s(out, "msgtype-");
                        fmt::u(out, t as u64);
                    }
                }
            }
            _ => fmt::s(out, " ?"),
        },
        12 | 22 | 23 | 27 | 28 | 31 => {
            for a in body.chunks_exact(16) {
                out.push(b' ');
                addr6(out, a);
            }
        }
        21 | 24 | 29 | 30 => names(body, out, true),
        56 => ntp_servers(body, out),
        64 => names(body, out, false),
        112 => {
            out.push(b' ');
            for &c in body {
                out.push(if (0x20..0x7f).contains(&c) { c } else { b'.' });
            }
        }
        _ => {}
    }
}

fn lifetimes(out: &mut Vec<u8>, pl: u32, vl: u32) {
    fmt::s(out, " pltime:");
    fmt::u(out, pl as u64);
    fmt::s(out, " vltime:");
    fmt::u(out, vl as u64);
}

/// A DUID: link-layer address plus time (type 1), enterprise number
/// (type 2, the first eight bytes), link-layer address (type 3); the type
/// alone for the rest (UUID, type 4).
fn duid(body: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(body);
    let Some(t) = b.u16(0) else {
        fmt::s(out, " ?");
        return;
    };
    match t {
        1 => {
            let (Some(hw), Some(time)) = (b.u16(2), b.u32(4)) else {
                fmt::s(out, " ?");
                return;
            };
            fmt::s(out, " hwaddr/time type ");
            fmt::u(out, hw as u64);
            fmt::s(out, " time ");
            fmt::u(out, time as u64);
            out.push(b' ');
            fmt::hex_bytes(out, &body[8..]);
        }
        2 => {
            fmt::s(out, " vid ");
            fmt::hex_bytes(out, &body[2..body.len().min(10)]);
        }
        3 => {
            let Some(hw) = b.u16(2) else {
                fmt::s(out, " ?");
                return;
            };
            fmt::s(out, " hwaddr type ");
            fmt::u(out, hw as u64);
            out.push(b' ');
            fmt::hex_bytes(out, &body[4..]);
        }
        _ => {
            fmt::s(out, " type ");
            fmt::u(out, t as u64);
        }
    }
}

/// Domain names in DNS wire form without compression, each as ` NAME`
/// (with the root's trailing dot when `dot`).
fn names(body: &[u8], out: &mut Vec<u8>, dot: bool) {
    let mut at = 0;
    while at < body.len() {
        out.push(b' ');
        match name(body, at, out, dot) {
            Some(next) => at = next,
            None => {
                fmt::s(out, "?");
                return;
            }
        }
    }
}

/// One domain name at `at`; where the next one starts.
fn name(body: &[u8], mut at: usize, out: &mut Vec<u8>, dot: bool) -> Option<usize> {
    let mut first = true;
    loop {
        let l = *body.get(at)? as usize;
        at += 1;
        if l == 0 {
            if dot && first {
                out.push(b'.');
            }
            return Some(at);
        }
        if l > 63 {
            return None;
        }
        if !first && !dot {
            out.push(b'.');
        }
        for &c in body.get(at..at + l)? {
            out.push(if (0x21..0x7f).contains(&c) { c } else { b'.' });
        }
        if dot {
            out.push(b'.');
        }
        first = false;
        at += l;
    }
}

/// NTP servers (RFC 5908): suboptions 1 (server address), 2 (multicast
/// address) and 3 (server name), each as ` subopt:N VALUE`.
fn ntp_servers(body: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(body);
    let mut at = 0;
    while at < body.len() {
        let (Some(t), Some(l)) = (b.u16(at), b.u16(at + 2)) else {
            fmt::s(out, " ?");
            return;
        };
        let Some(v) = b.slice(at + 4, l as usize) else {
            fmt::s(out, " ?");
            return;
        };
        fmt::s(out, " subopt:");
        fmt::u(out, t as u64);
        match t {
            1 | 2 => {
                out.push(b' ');
                addr6(out, v);
            }
            3 => {
                out.push(b' ');
                if name(v, 0, out, true).is_none() {
                    out.push(b'?');
                }
            }
            _ => {}
        }
        at += 4 + l as usize;
    }
}
