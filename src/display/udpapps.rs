//! Printers for small UDP protocols, in the forms checked against tcpdump
//! 4.99.3: HSRP version 0 (port 1985), BFD (ports 3784, 3785, 4784, 6784)
//! and BOOTP/DHCP (ports 67 and 68). Each prints one line by default; with
//! -v HSRP adds its timers, BFD its state, timers and authentication lines
//! (a dump for versions after 1 and for echo packets), and BOOTP its header
//! fields, addresses, server and file names, and the RFC 1048 options or
//! the CMU vendor area. Sub-options other than the relay agent's circuit
//! and remote ids, and vendor-specific option 43, are shown raw, as tcpdump
//! does. `bfd` answers `false` for a port it does not own, so the caller
//! keeps its `UDP, length N` line.

use super::{Bytes, fmt, ip};

/// Cisco HSRP (UDP port 1985): `HSRPv0-hello 20: state=active group=1
/// addr=10.0.0.99`, with -v the timers, priority and authentication data.
/// tcpdump writes each field followed by a space, so a packet cut short
/// ends in two spaces and ` [|hsrp]`; versions other than 0 get only
/// their number.
pub(crate) fn hsrp(data: &[u8], plen: usize, verbose: bool, out: &mut Vec<u8>) {
    const TRUNC: &str = " [|hsrp]";
    let b = Bytes(data);
    let Some(version) = b.u8(0) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, "HSRPv");
    fmt::u(out, version as u64);
    if version != 0 {
        return;
    }
    out.push(b'-');
    let Some(op) = b.u8(1) else {
        fmt::s(out, TRUNC);
        return;
    };
    match op {
        0 => fmt::s(out, "hello"),
        1 => fmt::s(out, "coup"),
        2 => fmt::s(out, "resign"),
        _ => {
            fmt::s(out, "unknown (");
            fmt::u(out, op as u64);
            out.push(b')');
        }
    }
    out.push(b' ');
    fmt::u(out, plen as u64);
    fmt::s(out, ": ");
    let Some(state) = b.u8(2) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, "state=");
    match state {
        0 => fmt::s(out, "initial"),
        1 => fmt::s(out, "learn"),
        2 => fmt::s(out, "listen"),
        4 => fmt::s(out, "speak"),
        8 => fmt::s(out, "standby"),
        16 => fmt::s(out, "active"),
        _ => {
            fmt::s(out, "Unknown (");
            fmt::u(out, state as u64);
            out.push(b')');
        }
    }
    out.push(b' ');
    let Some(group) = b.u8(6) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, "group=");
    fmt::u(out, group as u64);
    out.push(b' ');
    // The reserved byte after the group is flagged when it is not zero.
    match b.u8(7) {
        Some(0) => {}
        Some(r) => {
            fmt::s(out, "[reserved=");
            fmt::u(out, r as u64);
            fmt::s(out, "!] ");
        }
        None => {
            fmt::s(out, TRUNC);
            return;
        }
    }
    let Some(vip) = b.slice(16, 4) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, "addr=");
    ip::addr(out, vip);
    if verbose {
        let (Some(hello), Some(hold), Some(prio), Some(auth)) =
            (b.u8(3), b.u8(4), b.u8(5), b.slice(8, 8))
        else {
            fmt::s(out, TRUNC);
            return;
        };
        fmt::s(out, " hellotime=");
        fmt::u(out, hello as u64);
        fmt::s(out, "s holdtime=");
        fmt::u(out, hold as u64);
        fmt::s(out, "s priority=");
        fmt::u(out, prio as u64);
        fmt::s(out, " auth=\"");
        for &c in auth.iter().take_while(|&&c| c != 0) {
            if c.is_ascii_graphic() || c == b' ' {
                out.push(c);
            } else {
                out.push(b'.');
            }
        }
        out.push(b'"');
    }
}

/// BFD (RFC 5880) on UDP ports 3784 (single hop), 4784 (multihop), 6784
/// (LAG members) and 3785 (echo). Control packets print as `BFDv1,
/// Control, State Up, Flags: [none], length: 24`; with -v as `BFDv1,
/// length: 24` and lines for the state and diagnostic, the timers and
/// discriminators and the authentication section. Echo packets are
/// opaque to anyone but their sender, so only their length is shown.
pub(crate) fn bfd(data: &[u8], port: u16, plen: usize, verbose: bool, out: &mut Vec<u8>) -> bool {
    if port == 3785 {
        fmt::s(out, "BFD, Echo, length: ");
        fmt::u(out, plen as u64);
        if verbose {
            super::icmp6::dump(out, data, "");
        }
        return true;
    }
    let kind = match port {
        3784 => "Control",
        4784 => "Multihop",
        6784 => "Lag",
        _ => return false,
    };
    let b = Bytes(data);
    let Some(b0) = b.u8(0) else {
        fmt::s(out, " [|bfd]");
        return true;
    };
    let version = b0 >> 5;
    // Only version 1 tells the multihop and LAG ports apart.
    let kind = if version == 1 { kind } else { "Control" };
    if version > 1 {
        // Later versions are not known: their number and a dump at -v.
        fmt::s(out, "BFDv");
        fmt::u(out, version as u64);
        fmt::s(out, ", ");
        fmt::s(out, kind);
        fmt::s(out, ", length: ");
        fmt::u(out, plen as u64);
        if verbose {
            super::icmp6::dump(out, data, "");
        }
        return true;
    }
    let (Some(b1), Some(mult), Some(len), Some(mine), Some(yours), Some(tx), Some(rx), Some(echo)) =
        (b.u8(1), b.u8(2), b.u8(3), b.u32(4), b.u32(8), b.u32(12), b.u32(16), b.u32(20))
    else {
        fmt::s(out, " [|bfd]");
        return true;
    };
    fmt::s(out, if version == 1 { "BFDv1, " } else { "BFDv0, " });
    if !verbose {
        bfd_state(version, kind, b1, out);
        fmt::s(out, ", length: ");
        fmt::u(out, plen as u64);
        return true;
    }
    fmt::s(out, "length: ");
    fmt::u(out, plen as u64);
    fmt::s(out, "\n\t");
    bfd_state(version, kind, b1, out);
    fmt::s(out, ", Diagnostic: ");
    let diag = b0 & 0x1f;
    fmt::s(
        out,
        match diag {
            0 => "No Diagnostic",
            1 => "Control Detection Time Expired",
            2 => "Echo Function Failed",
            3 => "Neighbor Signaled Session Down",
            4 => "Forwarding Plane Reset",
            5 => "Path Down",
            6 => "Concatenated Path Down",
            7 => "Administratively Down",
            8 => "Reverse Concatenated Path Down",
            _ => "unknown",
        },
    );
    fmt::s(out, " (0x");
    fmt::x_pad(out, diag as u64, 2);
    out.push(b')');
    fmt::s(out, "\n\tDetection Timer Multiplier: ");
    fmt::u(out, mult as u64);
    fmt::s(out, " (");
    fmt::u(out, mult as u64 * (tx / 1000) as u64);
    fmt::s(out, " ms Detection time), BFD Length: ");
    fmt::u(out, len as u64);
    fmt::s(out, "\n\tMy Discriminator: 0x");
    fmt::x_pad(out, mine as u64, 8);
    fmt::s(out, ", Your Discriminator: 0x");
    fmt::x_pad(out, yours as u64, 8);
    // The three intervals are right-aligned to one column.
    for (label, v) in [
        ("\n\t  Desired min Tx Interval:    ", tx),
        ("\n\t  Required min Rx Interval:   ", rx),
        ("\n\t  Required min Echo Interval: ", echo),
    ] {
        fmt::s(out, label);
        let ms = (v / 1000) as u64;
        for _ in fmt_width(ms)..4 {
            out.push(b' ');
        }
        fmt::u(out, ms);
        fmt::s(out, " ms");
    }
    if b1 & 0x04 != 0 {
        bfd_auth(Bytes(data.get(24..).unwrap_or(&[])), out);
    }
    true
}

/// The number of decimal digits of `v`.
fn fmt_width(v: u64) -> usize {
    let mut n = 1;
    let mut v = v / 10;
    while v > 0 {
        n += 1;
        v /= 10;
    }
    n
}

/// `Control, State Up, Flags: [none]`: version 0 (the first draft) has
/// no state field and other flags.
fn bfd_state(version: u8, kind: &str, b1: u8, out: &mut Vec<u8>) {
    fmt::s(out, kind);
    if version == 0 {
        fmt::s(out, ", Flags: [");
        fmt::bit_names(
            out,
            b1.into(),
            &[
                (0x80, "I Hear You"),
                (0x40, "Demand"),
                (0x20, "Poll"),
                (0x10, "Final"),
                (0x08, "Control Plane Independent"),
                (0x04, "Authentication Present"),
                (0x02, "Reserved"),
                (0x01, "Reserved"),
            ],
        );
        out.push(b']');
        return;
    }
    fmt::s(out, ", State ");
    fmt::s(out, ["AdminDown", "Down", "Init", "Up"][(b1 >> 6) as usize]);
    bfd_flags(b1, out);
}

/// `, Flags: [Poll, Final]` from BFD's second byte (`none` when no flag
/// is set).
fn bfd_flags(b1: u8, out: &mut Vec<u8>) {
    fmt::s(out, ", Flags: [");
    fmt::bit_names(
        out,
        b1.into(),
        &[
            (0x20, "Poll"),
            (0x10, "Final"),
            (0x08, "Control Plane Independent"),
            (0x04, "Authentication Present"),
            (0x02, "Demand"),
            (0x01, "Multipoint"),
        ],
    );
    out.push(b']');
}

/// The authentication section (RFC 5880 section 4.2-4.4) at -v.
fn bfd_auth(b: Bytes, out: &mut Vec<u8>) {
    const TRUNC: &str = " [|bfd]";
    let (Some(kind), Some(len)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, "\n\tAuthentication: ");
    fmt::s(
        out,
        match kind {
            1 => "Simple Password",
            2 => "Keyed MD5",
            3 => "Meticulous Keyed MD5",
            4 => "Keyed SHA1",
            5 => "Meticulous Keyed SHA1",
            _ => "Unknown",
        },
    );
    fmt::s(out, " (");
    fmt::u(out, kind as u64);
    fmt::s(out, "), length: ");
    fmt::u(out, len as u64);
    let Some(key) = b.u8(2) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, "\n\t  Auth Key ID: ");
    fmt::u(out, key as u64);
    match kind {
        1 => {
            let Some(pw) = b.slice(3, (len as usize).saturating_sub(3)) else {
                fmt::s(out, TRUNC);
                return;
            };
            fmt::s(out, ", Password: ");
            ascii(out, pw);
        }
        2..=5 => {
            let Some(seq) = b.u32(4) else {
                fmt::s(out, TRUNC);
                return;
            };
            fmt::s(out, ", Sequence Number: 0x");
            fmt::x_pad(out, seq as u64, 8);
            let (label, n) = if kind <= 3 { ("Digest: ", 16) } else { ("Hash: ", 20) };
            let Some(d) = b.slice(8, n) else {
                fmt::s(out, TRUNC);
                return;
            };
            fmt::s(out, "\n\t  ");
            fmt::s(out, label);
            for &c in d {
                fmt::byte_hex(out, c);
            }
        }
        _ => {}
    }
}

/// `BOOTP/DHCP, Request from 00:11:22:33:44:55, length 300` and
/// `BOOTP/DHCP, Reply, length 300` (ports 67 and 68). With -v the first
/// line goes on with the header fields that differ from the usual
/// (htype, hlen, hops, secs), the transaction id and the flags, and
/// further lines give the addresses, server name, boot file and the
/// RFC 1048 vendor options.
pub(crate) fn bootp(data: &[u8], plen: usize, verbose: bool, out: &mut Vec<u8>) {
    const TRUNC: &str = " [|bootp]";
    let b = Bytes(data);
    let Some(op) = b.u8(0) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, "BOOTP/DHCP, ");
    match op {
        1 => fmt::s(out, "Request"),
        2 => fmt::s(out, "Reply"),
        _ => {
            fmt::s(out, "unknown (0x");
            fmt::x_pad(out, op as u64, 2);
            out.push(b')');
        }
    }
    let (Some(htype), Some(hlen)) = (b.u8(1), b.u8(2)) else {
        fmt::s(out, TRUNC);
        return;
    };
    if op == 1 && htype == 1 && hlen == 6 {
        // A request names the client when its hardware address is an
        // Ethernet one.
        let Some(mac) = b.slice(28, 6) else {
            fmt::s(out, TRUNC);
            return;
        };
        fmt::s(out, " from ");
        fmt::mac(out, mac);
    }
    fmt::s(out, ", length ");
    fmt::u(out, plen as u64);
    if verbose {
        bootp_verbose(b, htype, hlen, out);
    }
}

/// The -v part of a BOOTP message after `, length N`; any field cut
/// short ends the output with ` [|bootp]`.
fn bootp_verbose(b: Bytes, htype: u8, hlen: u8, out: &mut Vec<u8>) {
    const TRUNC: &str = " [|bootp]";
    if htype != 1 {
        fmt::s(out, ", htype ");
        fmt::u(out, htype as u64);
    }
    if htype != 1 || hlen != 6 {
        fmt::s(out, ", hlen ");
        fmt::u(out, hlen as u64);
    }
    let Some(hops) = b.u8(3) else {
        fmt::s(out, TRUNC);
        return;
    };
    if hops != 0 {
        fmt::s(out, ", hops ");
        fmt::u(out, hops as u64);
    }
    let Some(xid) = b.u32(4) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, ", xid 0x");
    fmt::x(out, xid as u64);
    let Some(secs) = b.u16(8) else {
        fmt::s(out, TRUNC);
        return;
    };
    if secs != 0 {
        fmt::s(out, ", secs ");
        fmt::u(out, secs as u64);
    }
    let Some(flags) = b.u16(10) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, ", Flags [");
    fmt::s(out, if flags & 0x8000 != 0 { "Broadcast" } else { "none" });
    out.push(b']');
    for (off, name) in
        [(12, "Client-IP "), (16, "Your-IP "), (20, "Server-IP "), (24, "Gateway-IP ")]
    {
        let Some(a) = b.slice(off, 4) else {
            fmt::s(out, TRUNC);
            return;
        };
        if a != [0, 0, 0, 0] {
            fmt::s(out, "\n\t  ");
            fmt::s(out, name);
            ip::addr(out, a);
        }
    }
    if htype == 1 && hlen == 6 {
        let Some(mac) = b.slice(28, 6) else {
            fmt::s(out, TRUNC);
            return;
        };
        fmt::s(out, "\n\t  Client-Ethernet-Address ");
        fmt::mac(out, mac);
    }
    for (off, len, name) in [(44, 64, "sname"), (108, 128, "file")] {
        let Some(first) = b.u8(off) else {
            fmt::s(out, TRUNC);
            return;
        };
        if first != 0 {
            fmt::s(out, "\n\t  ");
            fmt::s(out, name);
            fmt::s(out, " \"");
            let field = b.slice(off, len).unwrap_or(b.0.get(off..).unwrap_or(&[]));
            let end = field.iter().position(|&c| c == 0).unwrap_or(field.len());
            ascii(out, &field[..end]);
            out.push(b'"');
            if end == field.len() {
                fmt::s(out, TRUNC);
                return;
            }
        }
    }
    let Some(cookie) = b.u32(236) else {
        fmt::s(out, TRUNC);
        return;
    };
    if cookie == 0x434d_5500 {
        cmu(b, out);
        return;
    }
    if cookie != 0x6382_5363 {
        if cookie != 0 {
            fmt::s(out, "\n\t  Vendor-#0x");
            fmt::x(out, cookie as u64);
        }
        return;
    }
    fmt::s(out, "\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x63825363");
    rfc1048(b, 240, out);
}

/// The CMU vendor area (cookie `CMU\0`): a flags byte whose low bit marks
/// the subnet mask as valid, then eight addresses, each shown when set.
fn cmu(b: Bytes, out: &mut Vec<u8>) {
    const TRUNC: &str = " [|bootp]";
    fmt::s(out, " vend-cmu");
    let (Some(flags), Some(_)) = (b.u8(240), b.u32(240)) else {
        fmt::s(out, TRUNC);
        return;
    };
    if flags & 0xfe != 0 {
        fmt::s(out, " F:0x");
        fmt::x(out, flags as u64);
    }
    for (off, label) in [
        (248, " DG:"),
        (244, if flags & 1 != 0 { " SM:" } else { " SM*:" }),
        (252, " NS1:"),
        (256, " NS2:"),
        (260, " IEN1:"),
        (264, " IEN2:"),
        (268, " TS1:"),
        (272, " TS2:"),
    ] {
        let Some(a) = b.slice(off, 4) else {
            fmt::s(out, TRUNC);
            return;
        };
        if a != [0, 0, 0, 0] {
            fmt::s(out, label);
            ip::addr(out, a);
        }
    }
}

/// Appends `text` as tcpdump shows option strings: control characters as
/// `^X`, bytes above 127 as `M-` and their low seven bits.
fn ascii(out: &mut Vec<u8>, text: &[u8]) {
    for &c in text {
        let mut c = c;
        if c >= 0x80 {
            fmt::s(out, "M-");
            c &= 0x7f;
        }
        if c < 0x20 || c == 0x7f {
            out.push(b'^');
            out.push(c ^ 0x40);
        } else {
            out.push(c);
        }
    }
}

/// How an option's value is shown.
#[derive(Clone, Copy, PartialEq)]
enum Fmt {
    Ips,
    U32,
    I32,
    U16,
    Bool,
    Str,
    Pairs,
    Special,
    Bytes,
    Unknown,
}

/// The name and value format of DHCP option `tag`, as tcpdump labels
/// them.
fn option_info(tag: u8) -> (&'static str, Fmt) {
    use Fmt::*;
    match tag {
        0 => ("PAD", Special),
        1 => ("Subnet-Mask", Ips),
        2 => ("Time-Zone", I32),
        3 => ("Default-Gateway", Ips),
        4 => ("Time-Server", Ips),
        5 => ("IEN-Name-Server", Ips),
        6 => ("Domain-Name-Server", Ips),
        7 => ("LOG", Ips),
        8 => ("CS", Ips),
        9 => ("LPR-Server", Ips),
        10 => ("IM", Ips),
        11 => ("RL", Ips),
        12 => ("Hostname", Str),
        13 => ("BS", U16),
        14 => ("DP", Str),
        15 => ("Domain-Name", Str),
        16 => ("SS", Ips),
        17 => ("RP", Str),
        18 => ("EP", Str),
        19 => ("IPF", Bool),
        20 => ("SRT", Bool),
        21 => ("PF", Pairs),
        22 => ("RSZ", U16),
        23 => ("TTL", Bytes),
        24 => ("MTU-Timeout", U32),
        25 => ("MTU-Table", U16),
        26 => ("MTU", U16),
        27 => ("LSN", Bool),
        28 => ("BR", Ips),
        29 => ("MD", Bool),
        30 => ("MS", Bool),
        31 => ("Router-Discovery", Bool),
        32 => ("RSA", Ips),
        33 => ("Static-Route", Pairs),
        34 => ("UT", Bool),
        35 => ("AT", U32),
        36 => ("IE", Bool),
        37 => ("TT", Bytes),
        38 => ("KI", U32),
        39 => ("KG", Bool),
        40 => ("YD", Str),
        41 => ("YS", Ips),
        42 => ("NTP", Ips),
        43 => ("Vendor-Option", Bytes),
        44 => ("Netbios-Name-Server", Ips),
        45 => ("WDD", Ips),
        46 => ("Netbios-Node", Special),
        47 => ("Netbios-Scope", Str),
        48 => ("XFS", Ips),
        49 => ("XDM", Ips),
        50 => ("Requested-IP", Ips),
        51 => ("Lease-Time", U32),
        52 => ("OO", Special),
        53 => ("DHCP-Message", Special),
        54 => ("Server-ID", Ips),
        55 => ("Parameter-Request", Special),
        56 => ("MSG", Str),
        57 => ("MSZ", U16),
        58 => ("RN", U32),
        59 => ("RB", U32),
        60 => ("Vendor-Class", Str),
        61 => ("Client-ID", Special),
        64 => ("N+D", U16),
        65 => ("N+S", Ips),
        66 => ("TFTP", Str),
        67 => ("BF", Str),
        68 => ("MH", Ips),
        69 => ("SMTP", Ips),
        70 => ("POP3", Ips),
        71 => ("NNTP", Ips),
        72 => ("WWW", Ips),
        73 => ("FG", Ips),
        74 => ("IRC", Ips),
        75 => ("STS", Ips),
        76 => ("STDA", Ips),
        77 => ("User-Class", Special),
        78 => ("SLP-DA", Bytes),
        79 => ("SLP-SCOPE", Bytes),
        80 => ("SLP-NA", Str),
        81 => ("FQDN", Special),
        82 => ("Agent-Information", Special),
        83 => ("ARMT", Bytes),
        88 => ("TZSTR", Str),
        89 => ("FQDNS", Bytes),
        90 => ("AUTH", Bytes),
        91 => ("Last-Transaction-Time", I32),
        92 => ("Associated-IP", Ips),
        93 => ("ARCH", U16),
        94 => ("NDI", Bytes),
        95 => ("LDAP", Str),
        97 => ("GUID", Bytes),
        98 => ("UAP", Str),
        100 => ("POSIX-TZ", Str),
        101 => ("TZ-Name", Str),
        112 => ("NI", Ips),
        113 => ("NITAG", Str),
        114 => ("URL", Str),
        116 => ("NOAUTO", Bool),
        117 => ("NSSEARCH", U16),
        118 => ("SUBNET", Ips),
        121 => ("Classless-Static-Route", Special),
        150 => ("TFTP-Server-Address", Ips),
        161 => ("MUD-URL", Str),
        249 => ("Classless-Static-Route-Microsoft", Special),
        255 => ("END", Special),
        _ => ("Unknown", Unknown),
    }
}

/// The RFC 1048 options from `off` on, one per line, up to the End
/// option.
fn rfc1048(b: Bytes, mut off: usize, out: &mut Vec<u8>) {
    const TRUNC: &str = " [|bootp]";
    while let Some(tag) = b.u8(off) {
        off += 1;
        if tag == 0 {
            continue;
        }
        if tag == 255 {
            return;
        }
        let Some(len) = b.u8(off) else {
            fmt::s(out, TRUNC);
            return;
        };
        off += 1;
        let (name, kind) = option_info(tag);
        fmt::s(out, "\n\t    ");
        fmt::s(out, name);
        fmt::s(out, " (");
        fmt::u(out, tag as u64);
        fmt::s(out, "), length ");
        fmt::u(out, len as u64);
        if len == 0 {
            match (tag, kind) {
                (61, _) => fmt::s(out, "[ERROR: length < 1 bytes]"),
                (77, _) => fmt::s(out, "[ERROR: length < 2 bytes]"),
                (81, _) => fmt::s(out, "[ERROR: length < 3 bytes]"),
                (121 | 249, _) => fmt::s(out, "[ERROR: length < 5 bytes]"),
                (_, Fmt::Str) => fmt::s(out, "\"\""),
                _ => {}
            }
            continue;
        }
        fmt::s(out, ": ");
        let Some(v) = b.slice(off, len as usize) else {
            fmt::s(out, TRUNC);
            return;
        };
        off += len as usize;
        option_value(tag, kind, v, out);
    }
}

/// Writes one option's value `v` (not empty) in its format.
fn option_value(tag: u8, kind: Fmt, v: &[u8], out: &mut Vec<u8>) {
    match kind {
        Fmt::Ips => list(out, v, 4, ip::addr),
        Fmt::U32 => list(out, v, 4, |out, c| {
            fmt::u(out, u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as u64)
        }),
        Fmt::I32 => list(out, v, 4, |out, c| {
            let n = i32::from_be_bytes([c[0], c[1], c[2], c[3]]);
            if n < 0 {
                out.push(b'-');
            }
            fmt::u(out, n.unsigned_abs() as u64)
        }),
        Fmt::U16 => list(out, v, 2, |out, c| fmt::u(out, u16::from_be_bytes([c[0], c[1]]) as u64)),
        Fmt::Bool => {
            for (i, &c) in v.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                match c {
                    0 => out.push(b'N'),
                    1 => out.push(b'Y'),
                    _ => {
                        fmt::u(out, c as u64);
                        out.push(b'?');
                    }
                }
            }
        }
        Fmt::Str => {
            out.push(b'"');
            ascii(out, v);
            out.push(b'"');
        }
        Fmt::Pairs => {
            let mut chunks = v.chunks_exact(8);
            for (i, c) in chunks.by_ref().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.push(b'(');
                ip::addr(out, &c[..4]);
                out.push(b':');
                ip::addr(out, &c[4..]);
                out.push(b')');
            }
            trailing(out, chunks.remainder().len());
        }
        Fmt::Unknown if v.len().is_multiple_of(4) => option_value(tag, Fmt::U32, v, out),
        Fmt::Unknown if v.len().is_multiple_of(2) => option_value(tag, Fmt::U16, v, out),
        Fmt::Unknown | Fmt::Bytes => {
            for (i, &c) in v.iter().enumerate() {
                if i > 0 {
                    out.push(b'.');
                }
                fmt::u(out, c as u64);
            }
        }
        Fmt::Special => special(tag, v, out),
    }
}

/// Writes the items of `v`, `size` bytes each, separated by commas; bytes
/// left over that do not make a whole item get tcpdump's `trailing data`
/// line.
fn list(out: &mut Vec<u8>, v: &[u8], size: usize, item: impl Fn(&mut Vec<u8>, &[u8])) {
    let mut chunks = v.chunks_exact(size);
    for (i, c) in chunks.by_ref().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, c);
    }
    trailing(out, chunks.remainder().len());
}

fn trailing(out: &mut Vec<u8>, left: usize) {
    if left > 0 {
        fmt::s(out, "\n\t  trailing data length ");
        fmt::u(out, left as u64);
    }
}

/// The options with a format of their own.
fn special(tag: u8, v: &[u8], out: &mut Vec<u8>) {
    match tag {
        53 if v.len() != 1 => option_value(tag, Fmt::Bytes, v, out),
        53 => {
            let name = match v[0] {
                1 => "Discover",
                2 => "Offer",
                3 => "Request",
                4 => "Decline",
                5 => "ACK",
                6 => "NACK",
                7 => "Release",
                8 => "Inform",
                10 => "LeaseQuery",
                11 => "LeaseUnassigned",
                12 => "LeaseUnknown",
                13 => "LeaseActive",
                n => {
                    fmt::s(out, "Unknown (");
                    fmt::u(out, n as u64);
                    out.push(b')');
                    return;
                }
            };
            fmt::s(out, name);
        }
        55 => {
            for (i, &c) in v.iter().enumerate() {
                if i % 4 == 0 {
                    fmt::s(out, "\n\t      ");
                } else {
                    fmt::s(out, ", ");
                }
                fmt::s(out, option_info(c).0);
                fmt::s(out, " (");
                fmt::u(out, c as u64);
                out.push(b')');
            }
        }
        61 => match v[0] {
            0 => {
                out.push(b'"');
                ascii(out, &v[1..]);
                out.push(b'"');
            }
            1 | 6 => {
                fmt::s(out, if v[0] == 1 { "ether " } else { "ieee802 " });
                for (i, &c) in v[1..].iter().enumerate() {
                    if i > 0 {
                        out.push(b':');
                    }
                    fmt::byte_hex(out, c);
                }
            }
            7 => {
                fmt::s(out, "arcnet ");
                for (i, &c) in v[1..].iter().enumerate() {
                    if i > 0 {
                        out.push(b':');
                    }
                    fmt::byte_hex(out, c);
                }
            }
            t => {
                fmt::s(out, "hardware-type ");
                fmt::u(out, t as u64);
                out.push(b',');
                for (i, &c) in v[1..].iter().enumerate() {
                    out.push(if i == 0 { b' ' } else { b':' });
                    fmt::byte_hex(out, c);
                }
            }
        },
        77 if v.len() < 2 => fmt::s(out, "[ERROR: length < 2 bytes]"),
        77 => {
            let mut i = 0;
            let mut n = 1;
            while i < v.len() {
                let l = v[i] as usize;
                fmt::s(out, "\n\t      instance#");
                fmt::u(out, n);
                fmt::s(out, ": ");
                let Some(text) = v.get(i + 1..i + 1 + l) else {
                    fmt::s(out, "[ERROR: invalid option]");
                    return;
                };
                out.push(b'"');
                ascii(out, text);
                fmt::s(out, "\", length ");
                fmt::u(out, l as u64);
                i += 1 + l;
                n += 1;
            }
        }
        121 | 249 if v.len() < 5 => fmt::s(out, "[ERROR: length < 5 bytes]"),
        121 | 249 => {
            let mut i = 0;
            let mut first = true;
            while i < v.len() {
                if !first {
                    out.push(b',');
                }
                first = false;
                let width = v[i];
                if width > 32 {
                    fmt::s(out, "[ERROR: Mask width (");
                    fmt::u(out, width as u64);
                    fmt::s(out, ") > 32]");
                    return;
                }
                let nbytes = (width as usize).div_ceil(8);
                let Some(route) = v.get(i + 1..i + 1 + nbytes + 4) else {
                    fmt::s(out, "[ERROR: Remaining length (");
                    fmt::u(out, (v.len() - i - 1) as u64);
                    fmt::s(out, ") < ");
                    fmt::u(out, (nbytes + 4) as u64);
                    fmt::s(out, " bytes]");
                    return;
                };
                out.push(b'(');
                if width == 0 {
                    fmt::s(out, "default");
                } else {
                    let mut net = [0u8; 4];
                    net[..nbytes.min(4)].copy_from_slice(&route[..nbytes.min(4)]);
                    ip::addr(out, &net);
                    out.push(b'/');
                    fmt::u(out, width as u64);
                }
                out.push(b':');
                ip::addr(out, &route[nbytes..]);
                out.push(b')');
                i += 1 + nbytes + 4;
            }
        }
        46 => match v[0] {
            1 => fmt::s(out, "b-node"),
            2 => fmt::s(out, "p-node"),
            4 => fmt::s(out, "m-node"),
            8 => fmt::s(out, "h-node"),
            n => {
                out.push(b'#');
                fmt::u(out, n as u64);
            }
        },
        52 => match v[0] {
            1 => fmt::s(out, "file"),
            2 => fmt::s(out, "sname"),
            3 => fmt::s(out, "file+sname"),
            n => {
                out.push(b'#');
                fmt::u(out, n as u64);
            }
        },
        81 => fqdn(v, out),
        82 => agent_information(v, out),
        _ => option_value(tag, Fmt::Unknown, v, out),
    }
    if matches!(tag, 46 | 52) {
        trailing(out, v.len() - 1);
    }
}

/// Client FQDN (RFC 4702): the flags and the two legacy RCODE bytes when
/// set, then the name.
fn fqdn(v: &[u8], out: &mut Vec<u8>) {
    if v.len() < 3 {
        fmt::s(out, "[ERROR: length < 3 bytes]");
        return;
    }
    let flags = v[0];
    if flags & 0xf0 != 0 {
        fmt::s(out, "[ERROR: MBZ nibble 0x");
        fmt::x(out, (flags >> 4) as u64);
        fmt::s(out, " != 0] ");
    }
    if flags & 0x0f != 0 {
        out.push(b'[');
        for (bit, c) in [(1, b'S'), (2, b'O'), (4, b'E'), (8, b'N')] {
            if flags & bit != 0 {
                out.push(c);
            }
        }
        fmt::s(out, "] ");
    }
    let (r1, r2) = (v.get(1).copied().unwrap_or(0), v.get(2).copied().unwrap_or(0));
    if r1 != 0 || r2 != 0 {
        fmt::u(out, r1 as u64);
        out.push(b'/');
        fmt::u(out, r2 as u64);
        out.push(b' ');
    }
    out.push(b'"');
    ascii(out, v.get(3..).unwrap_or(&[]));
    out.push(b'"');
}

/// Relay Agent Information (RFC 3046): one line per sub-option, the
/// circuit and remote ids as text, others as a hex dump.
fn agent_information(v: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while let (Some(&sub), Some(&len)) = (v.get(i), v.get(i + 1)) {
        fmt::s(out, "\n\t      ");
        fmt::s(
            out,
            match sub {
                1 => "Circuit-ID",
                2 => "Remote-ID",
                _ => "Unknown",
            },
        );
        fmt::s(out, " SubOption ");
        fmt::u(out, sub as u64);
        fmt::s(out, ", length ");
        fmt::u(out, len as u64);
        fmt::s(out, ": ");
        let Some(data) = v.get(i + 2..i + 2 + len as usize) else {
            fmt::s(out, "length goes past end of option");
            return;
        };
        if sub == 1 || sub == 2 {
            ascii(out, data);
        } else {
            super::icmp6::dump(out, data, "\t");
        }
        i += 2 + len as usize;
    }
    trailing(out, v.len() - i);
}
