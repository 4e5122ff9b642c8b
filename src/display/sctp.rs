//! SCTP (IP protocol 132), as tcpdump prints it without `-v`: the ports,
//! `sctp`, then one bracketed summary per chunk on the same line
//! (`(1) [DATA] (B)(E) [TSN: 1] [SID: 0] [SSEQ 1] [PPID 0x0] `, chunks
//! after the first introduced by `, `). Associations on the ForCES ports
//! (6704 high, 6705 medium, 6706 low priority) are tagged
//! `sctp[ForCES HP]` and their DATA chunks are handed to [`forces`].
//!
//! Not dissected: chunk parameters (INIT addresses, cookies, error
//! causes), SACK gap blocks, and the `-v` forms.

use super::ip::Addrs;
use super::{Bytes, Printer, fmt, forces};

/// The ForCES priority tag for a port, if it is one of RFC 5811's.
fn forces_tag(port: u16) -> Option<&'static str> {
    match port {
        6704 => Some("HP"),
        6705 => Some("MP"),
        6706 => Some("LP"),
        _ => None,
    }
}

/// tcpdump's names for the payload protocol identifiers it knows.
fn ppid_name(id: u32) -> Option<&'static str> {
    Some(match id {
        1 => "ISDN Q.921",
        2 => "M2UA",
        3 => "M3UA",
        4 => "SUA",
        5 => "M2PA",
        6 => "V5.2",
        7 => "H.248",
        8 => "BICC",
        9 => "TALI",
        10 => "DUA",
        11 => "ASAP",
        12 => "ENRP",
        13 => "H.323",
        14 => "Q.IPC",
        15 => "SIMCO",
        16 => "DDPSC",
        17 => "DDPSSC",
        18 => "S1AP",
        19 => "RUA",
        20 => "HNBAP",
        21 => "ForCES HP",
        22 => "ForCES MP",
        23 => "ForCES LP",
        24 => "SBc-AP",
        25 => "NBAP",
        27 => "X2AP",
        _ => return None,
    })
}

/// The chunk names tcpdump prints in brackets.
fn chunk_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0 => "DATA",
        1 => "INIT",
        2 => "INIT ACK",
        3 => "SACK",
        4 => "HB REQ",
        5 => "HB ACK",
        6 => "ABORT",
        7 => "SHUTDOWN",
        8 => "SHUTDOWN ACK",
        9 => "OP ERR",
        10 => "COOKIE ECHO",
        11 => "COOKIE ACK",
        12 => "ECN ECHO",
        13 => "ECN CWR",
        14 => "SHUTDOWN COMPLETE",
        0xc0 => "FOR CUM TSN",
        0xc1 => "REL CTRL",
        _ => return None,
    })
}

/// Prints an SCTP packet: `addrs` supplies the addresses, `len` is the
/// length of the IP payload on the wire.
pub(crate) fn print(p: &mut Printer, addrs: Addrs<'_>, data: &[u8], len: usize, out: &mut Vec<u8>) {
    if len < 12 {
        fmt::s(out, "truncated-sctp - ");
        fmt::u(out, (12 - len) as u64);
        fmt::s(out, " bytes missing!");
        return;
    }
    let b = Bytes(data);
    let (Some(sport), Some(dport), Some(_)) = (b.u16(0), b.u16(2), b.u32(8)) else {
        fmt::s(out, " [|sctp]");
        return;
    };
    addrs.ports(out, sport, dport);
    fmt::s(out, "sctp");
    let tag = forces_tag(sport).or(forces_tag(dport));
    if let Some(t) = tag {
        fmt::s(out, "[ForCES ");
        fmt::s(out, t);
        out.push(b']');
    }
    let mut off = 12;
    let mut n = 0u64;
    // Each chunk takes at least four bytes, so the loop is bounded by the
    // packet length.
    while off < len {
        if len - off < 4 {
            if n > 0 {
                out.push(b',');
            }
            fmt::s(out, " (");
            fmt::u(out, n + 1);
            fmt::s(out, ") [chunk descriptor cut off at end of packet]");
            return;
        }
        let (Some(ct), Some(flags), Some(clen)) = (b.u8(off), b.u8(off + 1), b.u16(off + 2)) else {
            fmt::s(out, " [|sctp]");
            return;
        };
        let clen = clen as usize;
        // tcpdump checks that the whole chunk was captured first.
        if clen >= 4 && data.len() < off + clen {
            fmt::s(out, " [|sctp]");
            return;
        }
        n += 1;
        if n > 1 {
            out.push(b',');
        }
        fmt::s(out, " (");
        fmt::u(out, n);
        fmt::s(out, ") ");
        if clen < 4 {
            fmt::s(out, "[Bad chunk length ");
            fmt::u(out, clen as u64);
            fmt::s(out, ", < size of chunk descriptor]");
            return;
        }
        match chunk_name(ct) {
            Some(name) => {
                out.push(b'[');
                fmt::s(out, name);
                fmt::s(out, "] ");
            }
            None => {
                fmt::s(out, "[Unknown chunk type: 0x");
                fmt::x(out, ct as u64);
                fmt::s(out, "] ");
            }
        }
        let body = &data[off + 4..off + clen];
        let cb = Bytes(body);
        match ct {
            0 => {
                if flags & 4 != 0 {
                    fmt::s(out, "(U)");
                }
                if flags & 2 != 0 {
                    fmt::s(out, "(B)");
                }
                if flags & 1 != 0 {
                    fmt::s(out, "(E)");
                }
                if flags & 7 != 0 {
                    out.push(b' ');
                }
                if clen < 16 {
                    fmt::s(out, "bogus chunk length ");
                    fmt::u(out, clen as u64);
                    out.push(b']');
                    return;
                }
                let (Some(tsn), Some(sid), Some(sseq), Some(ppid)) =
                    (cb.u32(0), cb.u16(4), cb.u16(6), cb.u32(8))
                else {
                    fmt::s(out, "[|sctp]");
                    return;
                };
                fmt::s(out, "[TSN: ");
                fmt::u(out, tsn as u64);
                fmt::s(out, "] [SID: ");
                fmt::u(out, sid as u64);
                fmt::s(out, "] [SSEQ ");
                fmt::u(out, sseq as u64);
                fmt::s(out, "] [PPID ");
                match ppid_name(ppid) {
                    Some(name) => fmt::s(out, name),
                    None => {
                        fmt::s(out, "0x");
                        fmt::x(out, ppid as u64);
                    }
                }
                fmt::s(out, "] ");
                if clen <= 16 {
                    fmt::s(out, "bogus chunk length ");
                    fmt::u(out, clen as u64);
                    out.push(b']');
                    return;
                }
                if tag.is_some() || matches!(ppid, 21..=23) {
                    forces::print(p, &body[12..], out);
                }
            }
            1 | 2 if clen < 20 => {
                fmt::s(out, "bogus chunk length ");
                fmt::u(out, clen as u64);
                out.push(b']');
                return;
            }
            1 | 2 => {
                let (Some(itag), Some(rwnd), Some(os), Some(mis), Some(tsn)) =
                    (cb.u32(0), cb.u32(4), cb.u16(8), cb.u16(10), cb.u32(12))
                else {
                    fmt::s(out, "[|sctp]");
                    return;
                };
                fmt::s(out, "[init tag: ");
                fmt::u(out, itag as u64);
                fmt::s(out, "] [rwnd: ");
                fmt::u(out, rwnd as u64);
                fmt::s(out, "] [OS: ");
                fmt::u(out, os as u64);
                fmt::s(out, "] [MIS: ");
                fmt::u(out, mis as u64);
                fmt::s(out, "] [init TSN: ");
                fmt::u(out, tsn as u64);
                fmt::s(out, "] ");
            }
            3 if clen < 16 => {
                fmt::s(out, "bogus chunk length ");
                fmt::u(out, clen as u64);
                out.push(b']');
                return;
            }
            3 => {
                let (Some(cum), Some(rwnd), Some(gaps), Some(dups)) =
                    (cb.u32(0), cb.u32(4), cb.u16(8), cb.u16(10))
                else {
                    fmt::s(out, "[|sctp]");
                    return;
                };
                fmt::s(out, "[cum ack ");
                fmt::u(out, cum as u64);
                fmt::s(out, "] [a_rwnd ");
                fmt::u(out, rwnd as u64);
                fmt::s(out, "] [#gap acks ");
                fmt::u(out, gaps as u64);
                fmt::s(out, "] [#dup tsns ");
                fmt::u(out, dups as u64);
                fmt::s(out, "] ");
                // Gap blocks are offsets from the cumulative ack.
                // Blocks past the chunk's end are left out silently.
                let mut at = 12;
                for i in 0..gaps as u64 {
                    let (Some(start), Some(stop)) = (cb.u16(at), cb.u16(at + 2)) else {
                        break;
                    };
                    fmt::s(out, "\n\t\t[gap ack block #");
                    fmt::u(out, i + 1);
                    fmt::s(out, ": start = ");
                    fmt::u(out, cum.wrapping_add(start as u32) as u64);
                    fmt::s(out, ", end = ");
                    fmt::u(out, cum.wrapping_add(stop as u32) as u64);
                    fmt::s(out, "] ");
                    at += 4;
                }
                for i in 0..dups as u64 {
                    let Some(tsn) = cb.u32(at) else {
                        break;
                    };
                    fmt::s(out, "\n\t\t[dup TSN #");
                    fmt::u(out, i + 1);
                    fmt::s(out, ": ");
                    fmt::u(out, tsn as u64);
                    fmt::s(out, "] ");
                    at += 4;
                }
            }
            _ => {}
        }
        // Chunks are padded to a multiple of four bytes.
        off += (clen + 3) & !3;
    }
}
