//! Name lookups, as libpcap's `nametoaddr.c` does them: protocols from
//! /etc/protocols, services from /etc/services (TCP and UDP), networks
//! from /etc/networks, Ethernet hosts from /etc/ethers, hosts through the
//! system resolver (in its order), and libpcap's built-in Ethernet-type
//! and LLC SAP names.

use super::net::ipproto::{TCP, UDP};
use crate::syntax::ast::{Proto, Q};
use std::net::{IpAddr, ToSocketAddrs};

/// libpcap's Ethernet protocol names (`eproto_db`).
const EPROTO: &[(&str, u32)] = &[
    ("aarp", 0x80f3),
    ("arp", 0x0806),
    ("atalk", 0x809b),
    ("decnet", 0x6003),
    ("ip", 0x0800),
    ("ip6", 0x86dd),
    ("lat", 0x6004),
    ("loopback", 0x9000),
    ("mopdl", 0x6001),
    ("moprc", 0x6002),
    ("rarp", 0x8035),
    ("sca", 0x6007),
];

/// libpcap's LLC SAP names (`llc_db`).
const LLC: &[(&str, u32)] = &[("iso", 0xfe), ("stp", 0x42), ("ipx", 0xe0), ("netbeui", 0xf0)];

/// Lines of a system database file without comments, split into fields.
fn db_lines(path: &str) -> Vec<Vec<String>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|f| !f.is_empty())
        .collect()
}

/// `getprotobyname` on /etc/protocols.
fn protocol_number(name: &str) -> Option<u32> {
    for f in db_lines("/etc/protocols") {
        if f.len() >= 2 && (f[0] == name || f[2..].iter().any(|a| a == name)) {
            return f[1].parse().ok();
        }
    }
    None
}

/// `getservbyname(name, proto)` on /etc/services.
fn service(name: &str, proto: &str) -> Option<u32> {
    for f in db_lines("/etc/services") {
        if f.len() < 2 {
            continue;
        }
        let Some((port, p)) = f[1].split_once('/') else { continue };
        if p != proto {
            continue;
        }
        if f[0] == name || f[2..].iter().any(|a| a == name) {
            return port.parse().ok();
        }
    }
    None
}

/// `pcap_nametoport`: the port and its protocol (`None` when TCP and UDP
/// agree, so both are checked).
pub(crate) fn port(name: &str) -> Option<(u32, Option<u32>)> {
    // getaddrinfo accepts a numeric service for both protocols.
    if !name.is_empty() && name.bytes().all(|c| c.is_ascii_digit()) {
        return name.parse().ok().map(|n| (n, None));
    }
    let tcp = service(name, "tcp");
    let udp = service(name, "udp");
    match (tcp, udp) {
        (Some(t), Some(u)) if t == u => Some((t, None)),
        (Some(t), _) => Some((t, Some(TCP))),
        (None, Some(u)) => Some((u, Some(UDP))),
        (None, None) => None,
    }
}

/// C `%d`: optional sign and digits at the start; returns value and rest.
fn scan_int(s: &str) -> Option<(i64, &str)> {
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let n = t.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 {
        return None;
    }
    let v: i64 = t[..n].parse().unwrap_or(i64::MAX);
    Some((if neg { -v } else { v }, &t[n..]))
}

/// `pcap_nametoportrange`.
pub(crate) fn portrange(name: &str) -> Option<(u32, u32, Option<u32>)> {
    if let Some((a, rest)) = scan_int(name)
        && let Some(rest) = rest.strip_prefix('-')
        && let Some((b, _)) = scan_int(rest)
    {
        return Some((a as u32, b as u32, None));
    }
    let (a, b) = name.split_once('-')?;
    let (p1, pr1) = port(a)?;
    let (p2, pr2) = port(b)?;
    Some((p1, p2, if pr1 != pr2 { None } else { pr2 }))
}

/// `lookup_proto`: `Ok(None)` where libpcap reports "unknown protocol".
pub(crate) fn lookup_proto(name: &str, proto: Q<Proto>) -> Result<Option<u32>, String> {
    match proto {
        Q::Default | Q::Is(Proto::Ip) | Q::Is(Proto::Ip6) => match protocol_number(name) {
            Some(v) => Ok(Some(v)),
            None => Err(format!("unknown ip proto '{name}'")),
        },
        Q::Is(Proto::Link) => {
            if let Some(&(_, v)) = EPROTO.iter().chain(LLC.iter()).find(|(n, _)| *n == name) {
                Ok(Some(v))
            } else {
                Err(format!("unknown ether proto '{name}'"))
            }
        }
        Q::Is(Proto::Iso) => match name {
            "esis" => Ok(Some(0x82)),
            "isis" => Ok(Some(0x83)),
            "clnp" => Ok(Some(0x81)),
            _ => Err(format!("unknown osi proto '{name}'")),
        },
        _ => Ok(None),
    }
}

/// `pcap_nametonetaddr` on /etc/networks.
pub(crate) fn network(name: &str) -> Option<u32> {
    for f in db_lines("/etc/networks") {
        if f.len() >= 2 && (f[0] == name || f[2..].iter().any(|a| a == name)) {
            let (v, len) = super::net::atoin(&f[1])?;
            let _ = len;
            return Some(v);
        }
    }
    None
}

/// `pcap_ether_hostton` on /etc/ethers.
pub(crate) fn ether_host(name: &str) -> Option<[u8; 6]> {
    for f in db_lines("/etc/ethers") {
        if f.len() >= 2 && f[1] == name {
            return Some(super::net::ether_aton(&f[0]));
        }
    }
    None
}

/// Host addresses from the system resolver, in its order.
pub(crate) fn host_addrs(name: &str) -> Vec<IpAddr> {
    let mut out: Vec<IpAddr> = Vec::new();
    if let Ok(it) = (name, 0u16).to_socket_addrs() {
        for a in it {
            out.push(a.ip());
        }
    }
    out
}
