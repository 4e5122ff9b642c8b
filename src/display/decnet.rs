//! DECnet Phase IV over Ethernet (ethertype 0x6003): the routing layer
//! and the Network Services Protocol (NSP) above it.
//!
//! All DECnet fields are little-endian. The routing header starts with a
//! 16-bit length (of what follows it), optional padding (a first byte with
//! the high bit set counts the pad bytes), then a flags byte. Control
//! messages (flags bit 0) are hellos and routing updates; tcpdump prints
//! an endnode hello in full (`endnode-hello endnode vers 2 eco 0 ueco 0
//! src 1.1 blksize 16434 rtr 0.0 hello 10 data 2`). Data messages in the
//! short or long format give `SRC > DST LEN ` and then the NSP message:
//! its name, `SRCPORT>DSTPORT`, its acknowledgement and segment numbers and
//! a few message-specific fields, each followed by a space.
//!
//! DECnet addresses are 16-bit: the area in the top 6 bits, the node in
//! the low 10, printed `area.node`. Session-control data inside NSP data
//! segments and the bodies of routing updates are not dissected. With
//! `-v` the hop count follows the length.

use super::{Bytes, Printer, fmt};

/// Prints a DECnet routing-layer packet; `data` starts after the
/// ethertype.
pub(crate) fn print(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    if print_inner(data, p.opts.verbose > 0, out).is_none() {
        // tcpdump gives up on a truncated routing header by unwinding, so
        // its -x dump then starts at the link layer.
        fmt::s(out, " [|decnet]");
        p.dump_whole = true;
    }
}

fn le16(b: Bytes<'_>, off: usize) -> Option<u16> {
    b.u16(off).map(u16::swap_bytes)
}

fn addr(out: &mut Vec<u8>, a: u16) {
    fmt::u(out, u64::from(a >> 10));
    out.push(b'.');
    fmt::u(out, u64::from(a & 0x3ff));
}

fn print_inner(data: &[u8], verbose: bool, out: &mut Vec<u8>) -> Option<()> {
    let b = Bytes(data);
    let pktlen = le16(b, 0)? as usize;
    let mut off = 2;
    let mut flags = b.u8(off)?;
    if flags & 0x80 != 0 {
        off += (flags & 0x7f) as usize;
        flags = b.u8(off)?;
    }
    if flags & 0x01 != 0 {
        return control(b, off, flags, out);
    }
    let (dst, src, visits, hlen) = match flags & 0x07 {
        // Short format: flags, destination, source, forwarding byte.
        2 => (le16(b, off + 1)?, le16(b, off + 3)?, b.u8(off + 5)?, 6),
        // Long format: flags, then two 8-byte addresses (area, subarea,
        // a 6-byte id ending in the 16-bit address), then next level 2
        // router, visit count, service class and protocol type.
        6 => (le16(b, off + 7)?, le16(b, off + 15)?, b.u8(off + 18)?, 21),
        _ => {
            fmt::s(out, "unknown message flags under mask");
            return Some(());
        }
    };
    addr(out, src);
    fmt::s(out, " > ");
    addr(out, dst);
    out.push(b' ');
    fmt::u(out, pktlen as u64);
    out.push(b' ');
    if verbose {
        // tcpdump counts the node sending the packet as a hop.
        fmt::u(out, u64::from(visits & 0x3f) + 1);
        fmt::s(out, " hops ");
    }
    let nsp = off + hlen;
    // The length counts from after the length field itself; tcpdump
    // reads the NSP fields from whatever was captured, padding included.
    let nsplen = (pktlen + 2).saturating_sub(nsp);
    nsp_print(Bytes(data.get(nsp..).unwrap_or(&[])), nsplen, out)
}

/// The routing-layer control messages.
fn control(b: Bytes<'_>, off: usize, flags: u8, out: &mut Vec<u8>) -> Option<()> {
    match (flags >> 1) & 0x07 {
        0 => fmt::s(out, "init"),
        1 => fmt::s(out, "verification"),
        2 => fmt::s(out, "hello-test"),
        3 => fmt::s(out, "lev-1-routing"),
        4 => fmt::s(out, "lev-2-routing"),
        5 => fmt::s(out, "router-hello"),
        _ => {
            // Endnode hello: version (3 bytes), id (6 bytes ending in the
            // address), node type, block size, area, 8-byte seed, the
            // designated router's id, hello timer, reserved byte, then a
            // counted data field.
            // tcpdump names the message, then wants all of it.
            fmt::s(out, "endnode-hello ");
            let dlen = b.u8(off + 31)?;
            let (vers, eco, ueco) = (b.u8(off + 1)?, b.u8(off + 2)?, b.u8(off + 3)?);
            let src = le16(b, off + 8)?;
            let iinfo = b.u8(off + 10)?;
            let blksize = le16(b, off + 11)?;
            let rtr = le16(b, off + 26)?;
            let hello = le16(b, off + 28)?;
            fmt::s(
                out,
                match iinfo & 0x03 {
                    1 => "L2 router",
                    2 => "L1 router",
                    3 => "endnode",
                    _ => "reserved",
                },
            );
            fmt::s(out, " vers ");
            fmt::u(out, u64::from(vers));
            fmt::s(out, " eco ");
            fmt::u(out, u64::from(eco));
            fmt::s(out, " ueco ");
            fmt::u(out, u64::from(ueco));
            fmt::s(out, " src ");
            addr(out, src);
            fmt::s(out, " blksize ");
            fmt::u(out, u64::from(blksize));
            fmt::s(out, " rtr ");
            addr(out, rtr);
            fmt::s(out, " hello ");
            fmt::u(out, u64::from(hello));
            fmt::s(out, " data ");
            fmt::u(out, u64::from(dlen));
        }
    }
    Some(())
}

/// One NSP acknowledgement field: present when bit 15 is set; bits 12-13
/// say whether it acknowledges (0) or refuses (1) and whether it speaks
/// of this subchannel or the other one (2 and 3).
fn ack_field(out: &mut Vec<u8>, v: u16, own: &str, other: &str) {
    let n = u64::from(v & 0x0fff);
    let name = match (v >> 12) & 0x03 {
        0 => own,
        1 => "nak",
        2 => other,
        _ => "onak",
    };
    fmt::s(out, name);
    out.push(b' ');
    fmt::u(out, n);
    out.push(b' ');
}

/// Reads up to two acknowledgement fields starting at `off`; returns the
/// offset after them, or `None` when a field was not captured.
fn acks(b: Bytes<'_>, mut off: usize, out: &mut Vec<u8>, own: &str, other: &str) -> Option<usize> {
    for _ in 0..2 {
        let v = le16(b, off)?;
        if v & 0x8000 == 0 {
            break;
        }
        ack_field(out, v, own, other);
        off += 2;
    }
    Some(off)
}

fn ports(out: &mut Vec<u8>, b: Bytes<'_>) -> Option<()> {
    let dst = le16(b, 1)?;
    let src = le16(b, 3)?;
    fmt::u(out, u64::from(src));
    out.push(b'>');
    fmt::u(out, u64::from(dst));
    out.push(b' ');
    Some(())
}

fn nsp_print(b: Bytes<'_>, nsplen: usize, out: &mut Vec<u8>) -> Option<()> {
    if nsplen < 5 {
        fmt::s(out, " (nsplen ");
        fmt::u(out, nsplen as u64);
        fmt::s(out, " < 5) (invalid)");
        return Some(());
    }
    // The common header (message flags, destination and source ports)
    // must be there before anything is printed.
    b.slice(0, 5)?;
    nsp_body(b, out)
}

fn nsp_body(b: Bytes<'_>, out: &mut Vec<u8>) -> Option<()> {
    let flg = b.u8(0)?;
    let seg = |out: &mut Vec<u8>, off: usize| -> Option<usize> {
        let s = le16(b, off)?;
        fmt::s(out, "seg ");
        fmt::u(out, u64::from(s & 0x0fff));
        out.push(b' ');
        Some(off + 2)
    };
    match flg & 0x0c {
        // Data messages: segments, interrupts and link service.
        0x00 => match flg & 0x70 {
            0x10 => {
                fmt::s(out, "link-service ");
                ports(out, b)?;
                let off = acks(b, 5, out, "ack", "ackdat")?;
                let off = seg(out, off)?;
                let lsflags = b.u8(off)?;
                let fcval = b.u8(off + 1)? as i8;
                match (lsflags >> 2) & 0x03 {
                    0 => {
                        match lsflags & 0x03 {
                            1 => fmt::s(out, "donotsend-data "),
                            2 => fmt::s(out, "send-data "),
                            _ => {}
                        }
                        fmt::s(out, "dat seg count ");
                    }
                    1 => fmt::s(out, "int req count "),
                    _ => fmt::s(out, "reserved-fcval-int? "),
                }
                if fcval < 0 {
                    out.push(b'-');
                }
                fmt::u(out, u64::from(fcval.unsigned_abs()));
                out.push(b' ');
            }
            0x30 => {
                fmt::s(out, "interrupt ");
                ports(out, b)?;
                let off = acks(b, 5, out, "ack", "ackdat")?;
                seg(out, off)?;
            }
            0x00 | 0x20 | 0x40 | 0x60 => {
                fmt::s(out, "data ");
                ports(out, b)?;
                let off = acks(b, 5, out, "ack", "oack")?;
                seg(out, off)?;
            }
            _ => fmt::s(out, "reserved-data? "),
        },
        // Acknowledgements.
        0x04 => match flg & 0x70 {
            0x00 => {
                fmt::s(out, "data-ack ");
                ports(out, b)?;
                // tcpdump reads both acknowledgement fields at once.
                b.slice(5, 4)?;
                acks(b, 5, out, "ack", "oack")?;
            }
            0x10 => {
                fmt::s(out, "ils-ack ");
                ports(out, b)?;
                b.slice(5, 4)?;
                acks(b, 5, out, "ack", "ackdat")?;
            }
            0x20 => {
                fmt::s(out, "conn-ack ");
                let dst = le16(b, 1)?;
                fmt::u(out, u64::from(dst));
                out.push(b' ');
            }
            _ => fmt::s(out, "reserved-ack? "),
        },
        // Connection control.
        0x08 => match flg & 0x70 {
            0x00 => fmt::s(out, "nop "),
            0x10 | 0x20 | 0x60 => {
                fmt::s(
                    out,
                    match flg & 0x70 {
                        0x10 => "conn-initiate ",
                        0x20 => "conn-confirm ",
                        _ => "retrans-conn-initiate ",
                    },
                );
                ports(out, b)?;
                let _services = b.u8(5)?;
                let info = b.u8(6)?;
                let segsize = le16(b, 7)?;
                // A confirmation also carries a data count, which tcpdump
                // wants captured.
                if flg & 0x70 == 0x20 {
                    b.u8(9)?;
                }
                fmt::s(
                    out,
                    match info & 0x03 {
                        0 => "ver 3.2 ",
                        1 => "ver 3.1 ",
                        2 => "ver 4.0 ",
                        _ => "ver 4.1 ",
                    },
                );
                fmt::s(out, "segsize ");
                fmt::u(out, u64::from(segsize));
                out.push(b' ');
            }
            0x30 | 0x40 => {
                fmt::s(
                    out,
                    if flg & 0x70 == 0x30 { "disconn-initiate " } else { "disconn-confirm " },
                );
                ports(out, b)?;
                let reason = le16(b, 5)?;
                // A disconnect-initiate also carries a data count.
                if flg & 0x70 == 0x30 {
                    b.u8(7)?;
                }
                match reason {
                    0 => fmt::s(out, "object rejected connect"),
                    42 => fmt::s(out, "disconnect complete"),
                    r => {
                        fmt::s(out, "reason ");
                        fmt::u(out, u64::from(r));
                    }
                }
                out.push(b' ');
            }
            _ => fmt::s(out, "reserved-ctl? "),
        },
        _ => fmt::s(out, "reserved-type? "),
    }
    Some(())
}
