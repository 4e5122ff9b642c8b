//! The IGMP messages tunnel.rs leaves out: version 3 queries and reports
//! (RFC 3376), DVMRP (IGMP type 0x13), PIM version 1 (type 0x14) and
//! multicast traceroute (`mtrace ID: SRC to DST reply-to ADDR`).
//!
//! tcpdump prints `igmp query v3` with ` [max resp time T]` when the code
//! is not the default 100 (tenths of a second: `1.0s` below a minute,
//! `51m12s` above) and ` [gaddr G]` for a group-specific query;
//! `igmp v3 report, N group record(s)`; `igmp dvmrp NAME` with the
//! neighbour lists of Neighbors2 and the source, group and timer of a
//! Prune; `igmp pimv1 NAME` (or `[type N]`).
//! With `-v` a report lists its group records (`[gaddr G to_ex, N
//! source(s)]`). Not dissected: source lists and the PIMv1 bodies.

use super::{Bytes, fmt};

/// Whether this printer takes the message.
pub(crate) fn handles(data: &[u8], len: usize) -> bool {
    match data.first() {
        Some(0x11) => len >= 12,
        Some(0x22 | 0x14 | 0x13 | 0x1e | 0x1f) => true,
        _ => false,
    }
}

/// A duration in seconds as tcpdump's relative times: `1h2m3s`, with
/// years, weeks and days when they are not zero.
fn relts(out: &mut Vec<u8>, mut secs: u64) {
    if secs == 0 {
        fmt::s(out, "0s");
        return;
    }
    for (unit, c) in [(31_536_000, 'y'), (604_800, 'w'), (86_400, 'd'), (3_600, 'h'), (60, 'm')] {
        if secs >= unit {
            fmt::u(out, secs / unit);
            out.push(c as u8);
            secs %= unit;
        }
    }
    if secs > 0 {
        fmt::u(out, secs);
        out.push(b's');
    }
}

/// Prints the message; false when it was cut short the way that makes
/// tcpdump's -x dump start at the link layer.
pub(crate) fn print(data: &[u8], len: usize, verbose: bool, out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let t = data.first().copied().unwrap_or(0);
    match t {
        0x11 => {
            fmt::s(out, "igmp query v3");
            let (Some(code), Some(group)) = (b.u8(1), b.slice(4, 4)) else {
                fmt::s(out, " [|igmp]");
                return true;
            };
            if code != 100 {
                // The code is a time in tenths of a second, with a
                // floating-point form from 128 up.
                let tenths = if code < 128 {
                    code as u64
                } else {
                    ((code as u64 & 0x0f) | 0x10) << (((code >> 4) & 7) + 3)
                };
                fmt::s(out, " [max resp time ");
                if tenths < 600 {
                    fmt::u(out, tenths / 10);
                    out.push(b'.');
                    fmt::u(out, tenths % 10);
                    out.push(b's');
                } else {
                    relts(out, tenths / 10);
                }
                out.push(b']');
            }
            if group != [0, 0, 0, 0] {
                fmt::s(out, " [gaddr ");
                fmt::ipv4(out, group);
                out.push(b']');
            }
        }
        0x22 => {
            fmt::s(out, "igmp v3 report, ");
            let Some(n) = b.u16(6) else {
                fmt::s(out, "[|igmp]");
                return true;
            };
            fmt::u(out, n as u64);
            fmt::s(out, " group record(s)");
            if verbose {
                // Each record: type, aux length, source count, group.
                let mut at = 8;
                for _ in 0..n {
                    let (Some(rt), Some(aux), Some(ns), Some(g)) =
                        (b.u8(at), b.u8(at + 1), b.u16(at + 2), b.slice(at + 4, 4))
                    else {
                        fmt::s(out, " [|igmp]");
                        return true;
                    };
                    fmt::s(out, " [gaddr ");
                    fmt::ipv4(out, g);
                    fmt::s(out, record_type(rt));
                    fmt::s(out, ", ");
                    fmt::u(out, ns as u64);
                    fmt::s(out, " source(s)]");
                    at += 8 + 4 * ns as usize + 4 * aux as usize;
                }
            }
        }
        0x13 => return dvmrp(b, len, out),
        0x1e | 0x1f => {
            // Multicast traceroute: query id, source, destination and
            // where the response goes.
            if len < 24 {
                fmt::s(out, " [invalid len ");
                fmt::u(out, len as u64);
                out.push(b']');
                return true;
            }
            let (Some(src), Some(dst), Some(resp), Some(qid)) =
                (b.slice(8, 4), b.slice(12, 4), b.slice(16, 4), b.u32(20))
            else {
                fmt::s(out, if t == 0x1f { "mtrace" } else { "mresp" });
                fmt::s(out, " [|mtrace]");
                return true;
            };
            fmt::s(out, if t == 0x1f { "mtrace " } else { "mresp " });
            fmt::u(out, (qid & 0x00ff_ffff) as u64);
            fmt::s(out, ": ");
            fmt::ipv4(out, src);
            fmt::s(out, " to ");
            fmt::ipv4(out, dst);
            fmt::s(out, " reply-to ");
            fmt::ipv4(out, resp);
        }
        _ => {
            fmt::s(out, "igmp pimv1");
            let code = b.u8(1).unwrap_or(0);
            let name = match code {
                0 => "Query",
                1 => "Register",
                2 => "Register-Stop",
                3 => "Join/Prune",
                4 => "RP-reachable",
                5 => "Assert",
                6 => "Graft",
                7 => "Graft-ACK",
                _ => "",
            };
            if name.is_empty() {
                fmt::s(out, " [type ");
                fmt::u(out, code as u64);
                out.push(b']');
                if data.len() < len.min(8) {
                    fmt::s(out, " [|pimv1]");
                    return false;
                }
            } else {
                out.push(b' ');
                fmt::s(out, name);
            }
            // Register, Register-Stop and Assert read their bodies, which
            // the shortest messages do not have.
            let body = match code {
                1 => 28,
                2 | 5 => 16,
                _ => 0,
            };
            if body > 0 && data.len() < body {
                // Register checks its length; the others give up the way
                // that makes the -x dump start at the link layer.
                fmt::s(out, " [|pimv1]");
                return code == 1;
            }
            // The version is shown when it is not 1.
            if let Some(v) = b.u8(4)
                && v >> 4 != 1
            {
                fmt::s(out, " [v");
                fmt::u(out, (v >> 4) as u64);
                out.push(b']');
            }
        }
    }
    true
}

/// DVMRP (RFC 1075 and its version 3 draft); false as for `print`.
fn dvmrp(b: Bytes<'_>, len: usize, out: &mut Vec<u8>) -> bool {
    fmt::s(out, "igmp dvmrp");
    let code = b.u8(1).unwrap_or(0);
    let name = match code {
        1 => "Probe",
        2 => "Report",
        3 => "Ask-neighbors(old)",
        4 => "Neighbors(old)",
        5 => "Ask-neighbors2",
        6 => "Neighbors2",
        7 => "Prune",
        8 => "Graft",
        9 => "Graft-ACK",
        _ => "",
    };
    if name.is_empty() {
        fmt::s(out, " [type ");
        fmt::u(out, code as u64);
        out.push(b']');
        return true;
    }
    out.push(b' ');
    fmt::s(out, name);
    match code {
        6 => {
            let (Some(minor), Some(major)) = (b.u8(6), b.u8(7)) else {
                fmt::s(out, " [|dvmrp]");
                return true;
            };
            fmt::s(out, " (v ");
            fmt::u(out, major as u64);
            out.push(b'.');
            fmt::u(out, minor as u64);
            fmt::s(out, "):");
            let end = len.min(b.0.len());
            let mut at = 8;
            while at + 8 <= end {
                let local = &b.0[at..at + 4];
                let (metric, thresh, flags, n) =
                    (b.0[at + 4], b.0[at + 5], b.0[at + 6], b.0[at + 7]);
                at += 8;
                for _ in 0..n {
                    let Some(nb) = b.0.get(at..(at + 4).min(end)).filter(|x| x.len() == 4) else {
                        return true;
                    };
                    fmt::s(out, " [");
                    fmt::ipv4(out, local);
                    fmt::s(out, " -> ");
                    fmt::ipv4(out, nb);
                    fmt::s(out, " (");
                    fmt::u(out, metric as u64);
                    out.push(b'/');
                    fmt::u(out, thresh as u64);
                    for (bit, f) in [
                        (0x01, "/tunnel"),
                        (0x02, "/srcrt"),
                        (0x40, "/querier"),
                        (0x20, "/disabled"),
                        (0x10, "/down"),
                    ] {
                        if flags & bit != 0 {
                            fmt::s(out, f);
                        }
                    }
                    fmt::s(out, ")]");
                    at += 4;
                }
            }
        }
        8 | 9 => {
            let (Some(src), Some(grp)) = (b.slice(8, 4), b.slice(12, 4)) else {
                fmt::s(out, " [|dvmrp]");
                return false;
            };
            fmt::s(out, " src ");
            fmt::ipv4(out, src);
            fmt::s(out, " grp ");
            fmt::ipv4(out, grp);
        }
        7 => {
            let (Some(src), Some(grp), Some(timer)) = (b.slice(8, 4), b.slice(12, 4), b.u32(16))
            else {
                fmt::s(out, " [|dvmrp]");
                return true;
            };
            fmt::s(out, " src ");
            fmt::ipv4(out, src);
            fmt::s(out, " grp ");
            fmt::ipv4(out, grp);
            fmt::s(out, " timer ");
            relts(out, timer as u64);
        }
        _ => {}
    }
    true
}

/// The name of an IGMPv3 / MLDv2 group record type, with its leading space.
pub(crate) fn record_type(rt: u8) -> &'static str {
    match rt {
        1 => " is_in",
        2 => " is_ex",
        3 => " to_in",
        4 => " to_ex",
        5 => " allow",
        6 => " block",
        _ => " invalid",
    }
}
