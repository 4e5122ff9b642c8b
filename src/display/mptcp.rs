//! The Multipath TCP option (TCP option kind 30, RFC 6824 for version 0 and
//! RFC 8684 for version 1), printed inside tcpdump's `options [...]` list.
//!
//! tcpdump writes `mptcp LEN SUBTYPE` and then the subtype's fields:
//! `capable v1 {0xKEY,0xKEY}` (with ` csum` when the checksum flag is set),
//! `join id N token 0x.. nonce 0x..` (and the HMAC forms of the later
//! handshake steps), `dss [fin] ack N seq N subseq N len N [csum 0x..]`,
//! `add-addr v0-ip4 id N ADDR` or `add-addr v1[-echo] id N ADDR hmac 0x..`,
//! `rem-addr id N`, `fast-close key 0x..`; subtypes it does not know are
//! `unknown`. An option too short for its subtype ends the option list with
//! `[bad opt]`; the handshake subtypes must also fit the TCP flags. Keys, tokens, nonces and checksums are printed in hex without
//! leading zeros; data sequence numbers in decimal.

use super::{Bytes, fmt};

/// How printing one MPTCP option ended.
pub(crate) enum Mptcp {
    Ok,
    /// The option is too short for its subtype: `[bad opt]` is written and
    /// the caller ends the TCP line there.
    Bad,
}

/// The subtype names, by the high nibble of the third option byte.
const NAMES: [&str; 8] =
    ["capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close"];

fn u64_at(b: Bytes<'_>, off: usize) -> u64 {
    match (b.u32(off), b.u32(off + 4)) {
        (Some(h), Some(l)) => ((h as u64) << 32) | l as u64,
        _ => 0,
    }
}

/// Prints the option whose bytes (kind and length included) are `opt`;
/// `opt.len()` is the option's length byte, already checked to be captured.
pub(crate) fn print(out: &mut Vec<u8>, opt: &[u8], tcp_flags: u16) -> Mptcp {
    let b = Bytes(opt);
    let len = opt.len();
    fmt::s(out, "mptcp ");
    fmt::u(out, len as u64);
    out.push(b' ');
    let Some(st) = b.u8(2) else {
        fmt::s(out, "[bad opt]");
        return Mptcp::Bad;
    };
    let sub = (st >> 4) as usize;
    fmt::s(out, NAMES.get(sub).copied().unwrap_or("unknown"));
    let ok = match sub {
        0 => capable(out, b, len, tcp_flags),
        1 => join(out, b, len, tcp_flags),
        2 => dss(out, b, len),
        3 => add_addr(out, b, len),
        4 => rem_addr(out, b, len),
        5 => prio(out, b, len),
        6 => fail(out, b, len),
        7 => fast_close(out, b, len),
        _ => true,
    };
    if ok {
        Mptcp::Ok
    } else {
        fmt::s(out, "[bad opt]");
        Mptcp::Bad
    }
}

fn hex64(out: &mut Vec<u8>, v: u64) {
    fmt::s(out, "0x");
    fmt::x(out, v);
}

const SYN: u16 = 0x02;
const ACK: u16 = 0x10;

/// MP_CAPABLE: 4 or 12 bytes on a SYN, 20 or 22 on the third packet of
/// the handshake (ACK without SYN).
fn capable(out: &mut Vec<u8>, b: Bytes<'_>, len: usize, tcp_flags: u16) -> bool {
    let syn = matches!(len, 4 | 12) && tcp_flags & SYN != 0;
    let ack = matches!(len, 20 | 22) && tcp_flags & (SYN | ACK) == ACK;
    if !syn && !ack {
        return false;
    }
    let version = b.u8(2).unwrap_or(0) & 0x0f;
    let flags = b.u8(3).unwrap_or(0);
    fmt::s(out, " v");
    fmt::u(out, version as u64);
    if flags & 0x80 != 0 {
        fmt::s(out, " csum");
    }
    if len >= 12 {
        fmt::s(out, " {");
        hex64(out, u64_at(b, 4));
        if len >= 20 {
            out.push(b',');
            hex64(out, u64_at(b, 12));
        }
        out.push(b'}');
    }
    true
}

/// MP_JOIN: 12 bytes with SYN set, 16 with SYN and ACK, 24 with ACK.
fn join(out: &mut Vec<u8>, b: Bytes<'_>, len: usize, tcp_flags: u16) -> bool {
    let flags = b.u8(2).unwrap_or(0);
    let want = match len {
        12 => SYN,
        16 => SYN | ACK,
        24 => ACK,
        _ => return false,
    };
    if tcp_flags & want != want {
        return false;
    }
    match len {
        12 => {
            if flags & 0x01 != 0 {
                fmt::s(out, " backup");
            }
            fmt::s(out, " id ");
            fmt::u(out, flags_id(b));
            fmt::s(out, " token 0x");
            fmt::x(out, b.u32(4).unwrap_or(0) as u64);
            fmt::s(out, " nonce 0x");
            fmt::x(out, b.u32(8).unwrap_or(0) as u64);
        }
        16 => {
            if flags & 0x01 != 0 {
                fmt::s(out, " backup");
            }
            fmt::s(out, " id ");
            fmt::u(out, flags_id(b));
            fmt::s(out, " hmac ");
            hex64(out, u64_at(b, 4));
            fmt::s(out, " nonce 0x");
            fmt::x(out, b.u32(12).unwrap_or(0) as u64);
        }
        24 => {
            fmt::s(out, " hmac 0x");
            fmt::hex_bytes(out, b.slice(4, 20).unwrap_or(&[]));
        }
        _ => return false,
    }
    true
}

fn flags_id(b: Bytes<'_>) -> u64 {
    b.u8(3).unwrap_or(0) as u64
}

fn dss(out: &mut Vec<u8>, b: Bytes<'_>, len: usize) -> bool {
    if len < 4 {
        return false;
    }
    let flags = b.u8(3).unwrap_or(0);
    let mut off = 4;
    if flags & 0x10 != 0 {
        fmt::s(out, " fin");
    }
    if flags & 0x01 != 0 {
        fmt::s(out, " ack ");
        if flags & 0x02 != 0 {
            if off + 8 > len {
                return false;
            }
            fmt::u(out, u64_at(b, off));
            off += 8;
        } else {
            if off + 4 > len {
                return false;
            }
            fmt::u(out, b.u32(off).unwrap_or(0) as u64);
            off += 4;
        }
    }
    if flags & 0x04 != 0 {
        fmt::s(out, " seq ");
        if flags & 0x08 != 0 {
            if off + 8 > len {
                return false;
            }
            fmt::u(out, u64_at(b, off));
            off += 8;
        } else {
            if off + 4 > len {
                return false;
            }
            fmt::u(out, b.u32(off).unwrap_or(0) as u64);
            off += 4;
        }
        if off + 6 > len {
            return false;
        }
        fmt::s(out, " subseq ");
        fmt::u(out, b.u32(off).unwrap_or(0) as u64);
        fmt::s(out, " len ");
        fmt::u(out, b.u16(off + 4).unwrap_or(0) as u64);
        off += 6;
        if off + 2 <= len {
            fmt::s(out, " csum 0x");
            fmt::x(out, b.u16(off).unwrap_or(0) as u64);
        }
    }
    true
}

fn add_addr(out: &mut Vec<u8>, b: Bytes<'_>, len: usize) -> bool {
    let low = b.u8(2).unwrap_or(0) & 0x0f;
    let id = b.u8(3).unwrap_or(0);
    // Version 0 carries the IP version in the low nibble; version 1 has
    // only the echo flag there and tells the address family by length.
    let (v0, echo, v6, port, hmac) = match low {
        4 | 6 => {
            let v6 = low == 6;
            let base = if v6 { 20 } else { 8 };
            if len != base && len != base + 2 {
                return false;
            }
            (true, false, v6, len == base + 2, false)
        }
        _ => {
            let echo = low & 1 != 0;
            let extra = if echo { 0 } else { 8 };
            let (v6, port) = match len.checked_sub(extra) {
                Some(8) => (false, false),
                Some(10) => (false, true),
                Some(20) => (true, false),
                Some(22) => (true, true),
                _ => return false,
            };
            (false, echo, v6, port, !echo)
        }
    };
    if v0 {
        fmt::s(out, if v6 { " v0-ip6" } else { " v0-ip4" });
    } else {
        fmt::s(out, if echo { " v1-echo" } else { " v1" });
    }
    fmt::s(out, " id ");
    fmt::u(out, id as u64);
    out.push(b' ');
    let alen = if v6 { 16 } else { 4 };
    super::ip::addr(out, b.slice(4, alen).unwrap_or(&[0; 4]));
    let mut off = 4 + alen;
    if port {
        fmt::s(out, ":");
        fmt::u(out, b.u16(off).unwrap_or(0) as u64);
        off += 2;
    }
    if hmac {
        fmt::s(out, " hmac ");
        hex64(out, u64_at(b, off));
    }
    true
}

fn rem_addr(out: &mut Vec<u8>, b: Bytes<'_>, len: usize) -> bool {
    if len < 4 {
        return false;
    }
    fmt::s(out, " id");
    for i in 3..len {
        out.push(b' ');
        fmt::u(out, b.u8(i).unwrap_or(0) as u64);
    }
    true
}

fn prio(out: &mut Vec<u8>, b: Bytes<'_>, len: usize) -> bool {
    if len != 3 && len != 4 {
        return false;
    }
    let backup = b.u8(2).unwrap_or(0) & 0x01 != 0;
    fmt::s(out, if backup { " backup" } else { " non-backup" });
    if len == 4 {
        fmt::s(out, " id ");
        fmt::u(out, b.u8(3).unwrap_or(0) as u64);
    }
    true
}

fn fail(out: &mut Vec<u8>, b: Bytes<'_>, len: usize) -> bool {
    if len != 12 {
        return false;
    }
    fmt::s(out, " seq ");
    fmt::u(out, u64_at(b, 4));
    true
}

fn fast_close(out: &mut Vec<u8>, b: Bytes<'_>, len: usize) -> bool {
    if len != 12 {
        return false;
    }
    fmt::s(out, " key ");
    hex64(out, u64_at(b, 4));
    true
}
