//! One-line printers for small UDP protocols, in the forms checked against
//! tcpdump 4.99.3 without `-v`: HSRP version 0 (port 1985) and BFD version
//! 1 (ports 3784, 4784, 6784). Each answers `false` with nothing written
//! for any other form, so the caller keeps its `UDP, length N` line.

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

/// `BFDv1, Control, State Up, Flags: [none], length: 24` for the session
/// states and flags seen in tcpdump's output (Down/Up; Poll,
/// Authentication Present).
pub(crate) fn bfd(data: &[u8], port: u16, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(b0), Some(b1), Some(len)) = (b.u8(0), b.u8(1), b.u8(3)) else {
        return false;
    };
    if b0 >> 5 != 1 || data.len() < 24 {
        return false;
    }
    let kind = match port {
        3784 => "Control",
        4784 => "Multihop",
        6784 => "Lag",
        _ => return false,
    };
    let state = match b1 >> 6 {
        1 => "Down",
        3 => "Up",
        _ => return false,
    };
    let flags = b1 & 0x3f;
    let names = match flags {
        0 => "none",
        0x04 => "Authentication Present",
        0x20 => "Poll",
        _ => return false,
    };
    fmt::s(out, "BFDv1, ");
    fmt::s(out, kind);
    fmt::s(out, ", State ");
    fmt::s(out, state);
    fmt::s(out, ", Flags: [");
    fmt::s(out, names);
    fmt::s(out, "], length: ");
    fmt::u(out, len as u64);
    true
}

/// `BOOTP/DHCP, Request from 00:11:22:33:44:55, length 300` and
/// `BOOTP/DHCP, Reply, length 300` (ports 67 and 68).
pub(crate) fn bootp(data: &[u8], plen: usize, out: &mut Vec<u8>) {
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
    if op == 1 {
        // A request names the client when its hardware address is an
        // Ethernet one.
        let (Some(htype), Some(hlen)) = (b.u8(1), b.u8(2)) else {
            fmt::s(out, TRUNC);
            return;
        };
        if htype == 1 && hlen == 6 {
            let Some(mac) = b.slice(28, 6) else {
                fmt::s(out, TRUNC);
                return;
            };
            fmt::s(out, " from ");
            fmt::mac(out, mac);
        }
    }
    fmt::s(out, ", length ");
    fmt::u(out, plen as u64);
}
