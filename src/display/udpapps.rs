//! One-line printers for small UDP protocols, in the forms checked against
//! tcpdump 4.99.3 without `-v`: HSRP version 0 (port 1985) and BFD version
//! 1 (ports 3784, 4784, 6784). Each answers `false` with nothing written
//! for any other form, so the caller keeps its `UDP, length N` line.

use super::{Bytes, fmt, ip};

/// `HSRPv0-hello 20: state=active group=1 addr=10.0.0.1`.
pub(crate) fn hsrp(data: &[u8], plen: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(0), Some(op), Some(state), Some(group)) = (b.u8(0), b.u8(1), b.u8(2), b.u8(6)) else {
        return false;
    };
    let Some(vip) = b.slice(16, 4) else {
        return false;
    };
    let op = match op {
        0 => "hello",
        1 => "coup",
        2 => "resign",
        _ => return false,
    };
    let state = match state {
        0 => "initial",
        1 => "learn",
        2 => "listen",
        4 => "speak",
        8 => "standby",
        16 => "active",
        _ => return false,
    };
    fmt::s(out, "HSRPv0-");
    fmt::s(out, op);
    out.push(b' ');
    fmt::u(out, plen as u64);
    fmt::s(out, ": state=");
    fmt::s(out, state);
    fmt::s(out, " group=");
    fmt::u(out, group as u64);
    fmt::s(out, " addr=");
    ip::addr(out, vip);
    true
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
pub(crate) fn bootp(data: &[u8], plen: usize, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(op), Some(htype), Some(hlen)) = (b.u8(0), b.u8(1), b.u8(2)) else {
        return false;
    };
    match op {
        1 if htype == 1 && hlen == 6 => {
            let Some(mac) = b.slice(28, 6) else {
                return false;
            };
            fmt::s(out, "BOOTP/DHCP, Request from ");
            fmt::mac(out, mac);
        }
        2 => fmt::s(out, "BOOTP/DHCP, Reply"),
        _ => return false,
    }
    fmt::s(out, ", length ");
    fmt::u(out, plen as u64);
    true
}
