//! DECnet Phase IV over Ethernet (ethertype 0x6003): the routing layer
//! and the Network Services Protocol (NSP) above it.
//!
//! All DECnet fields are little-endian. The routing header starts with a
//! 16-bit length (of what follows it), optional padding (a first byte with
//! the high bit set counts the pad bytes), then a flags byte. Control
//! messages (flags bit 0) are initialisation, verification, test and
//! routing messages and hellos; tcpdump prints their fixed fields
//! (`endnode-hello endnode vers 2 eco 0 ueco 0 src 1.1 blksize 16434 rtr
//! 0.0 hello 10 data 2`). Data messages in the short or long format give
//! `SRC > DST LEN ` and then the NSP message: its name, `SRCPORT>DSTPORT`,
//! its acknowledgement and segment numbers and a few message-specific
//! fields, each followed by a space.
//!
//! Lengths are checked as tcpdump checks them: the frame against the
//! length field (`(pktlen 50 > 33) (invalid)`), NSP fields against what
//! the length field leaves for NSP (` (invalid)`), and every field against
//! what was captured (` [|decnet]`).
//!
//! DECnet addresses are 16-bit: the area in the top 6 bits, the node in
//! the low 10, printed `area.node`. Session-control data inside NSP data
//! segments and the bodies of routing updates are not dissected. With
//! `-v` the hop count follows the length.

use super::{Bytes, Printer, fmt};

/// Why a message could not be printed in full.
enum Stop {
    /// A field lies beyond the captured data.
    Truncated,
    /// A field lies beyond the length the header gives.
    Invalid,
}

type Res = Result<(), Stop>;

/// Reads little-endian fields of one message, bounded by the captured
/// data and by the length the protocol header claims.
#[derive(Clone, Copy)]
struct Reader<'a> {
    b: Bytes<'a>,
    /// The claimed length, counted from the start of `b`.
    limit: usize,
}

impl Reader<'_> {
    fn check(self, off: usize, len: usize) -> Res {
        if off + len > self.limit {
            Err(Stop::Invalid)
        } else if self.b.slice(off, len).is_none() {
            Err(Stop::Truncated)
        } else {
            Ok(())
        }
    }
    fn u8(self, off: usize) -> Result<u8, Stop> {
        self.check(off, 1)?;
        Ok(self.b.u8(off).unwrap_or(0))
    }
    fn u16(self, off: usize) -> Result<u16, Stop> {
        self.check(off, 2)?;
        Ok(self.b.u16(off).unwrap_or(0).swap_bytes())
    }
}

/// Prints a DECnet routing-layer packet; `data` starts after the
/// ethertype and `wire` is its length on the wire.
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>) {
    // tcpdump's own dump of an undecoded message comes whatever the
    // options (-x, -q).
    let plain = true;
    match routing(data, wire, p.opts.verbose > 0, plain, out) {
        Ok(()) => {}
        Err(Stop::Invalid) => fmt::s(out, " (invalid)"),
        Err(Stop::Truncated) => {
            // tcpdump gives up on a truncated message by unwinding, so
            // its -x dump then starts at the link layer.
            fmt::s(out, " [|decnet]");
            p.dump_whole = true;
        }
    }
}

fn addr(out: &mut Vec<u8>, a: u16) {
    fmt::u(out, u64::from(a >> 10));
    out.push(b'.');
    fmt::u(out, u64::from(a & 0x3ff));
}

/// tcpdump's default dump of a message it does not decode: the bytes
/// from the padding count to the length field's value, counted from the
/// start.
fn dump_start(data: &[u8], pad: usize, len: usize, plain: bool, out: &mut Vec<u8>) {
    let end = len.min(data.len());
    if plain && pad < end {
        super::hex_dump(out, &data[pad..end], true);
    }
}

fn routing(data: &[u8], wire: usize, verbose: bool, plain: bool, out: &mut Vec<u8>) -> Res {
    if wire < 6 {
        fmt::s(out, " (length ");
        fmt::u(out, wire as u64);
        fmt::s(out, " < 6) (invalid)");
        return Ok(());
    }
    let b = Bytes(data);
    let pktlen = b.u16(0).ok_or(Stop::Truncated)?.swap_bytes() as usize;
    if pktlen < 6 {
        fmt::s(out, " (pktlen ");
        fmt::u(out, pktlen as u64);
        fmt::s(out, " < 6) (invalid)");
        return Ok(());
    }
    if pktlen > wire {
        fmt::s(out, " (pktlen ");
        fmt::u(out, pktlen as u64);
        fmt::s(out, " > ");
        fmt::u(out, wire as u64);
        fmt::s(out, ") (invalid)");
        return Ok(());
    }
    // The routing header is only bounded by the capture; the control
    // messages by the length field too.
    let r = Reader { b, limit: usize::MAX };
    let mut off = 2;
    let mut flags = r.u8(off)?;
    let mut pad = 0;
    if flags & 0x80 != 0 {
        pad = (flags & 0x7f) as usize;
        if verbose {
            fmt::s(out, "[pad:");
            fmt::u(out, pad as u64);
            fmt::s(out, "] ");
        }
        off += pad;
        flags = r.u8(off)?;
    }
    if flags & 0x40 != 0 {
        // A later routing-layer version: the rest is dumped.
        fmt::s(out, "future-version-decnet");
        dump_start(data, pad, pktlen, plain, out);
        return Ok(());
    }
    if flags & 0x01 != 0 {
        return control(Reader { b, limit: pktlen + 2 }, off, flags, out);
    }
    let (dst, src, visits, hlen) = match flags & 0x07 {
        // Short format: flags, destination, source, forwarding byte.
        2 => (r.u16(off + 1)?, r.u16(off + 3)?, r.u8(off + 5)?, 6),
        // Long format: flags, then two 8-byte addresses (area, subarea,
        // a 6-byte id ending in the 16-bit address), then next level 2
        // router, visit count, service class and protocol type.
        6 => {
            let left = pktlen.saturating_sub(pad);
            if left < 21 {
                fmt::s(out, " (length ");
                fmt::u(out, left as u64);
                fmt::s(out, " < 21)");
                return Err(Stop::Invalid);
            }
            (r.u16(off + 7)?, r.u16(off + 15)?, r.u8(off + 18)?, 21)
        }
        _ => {
            fmt::s(out, "unknown message flags under mask");
            dump_start(data, pad, pktlen, plain, out);
            return Ok(());
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
    // The length counts from after the length field itself; tcpdump
    // reads the NSP fields from whatever was captured, padding included.
    let nsp = off + hlen;
    // A length too short for the header wraps around, as in tcpdump,
    // and the NSP fields are then only bounded by the capture.
    let nsplen = (pktlen + 2).checked_sub(nsp).unwrap_or(usize::MAX);
    if nsplen < 5 {
        fmt::s(out, " (nsplen ");
        fmt::u(out, nsplen as u64);
        fmt::s(out, " < 5)");
        return Err(Stop::Invalid);
    }
    let n = Reader { b: Bytes(data.get(nsp..).unwrap_or(&[])), limit: nsplen };
    // The common header (message flags, destination and source ports)
    // must be there before anything is printed.
    n.check(0, 5)?;
    nsp_body(n, out)
}

/// The node type and flag words of hello and initialisation messages.
fn node_info(out: &mut Vec<u8>, info: u8, flags: &[(u8, &str)]) {
    fmt::s(
        out,
        match info & 0x03 {
            1 => "l2rout",
            2 => "l1rout",
            3 => "endnode",
            _ => "reserved-ntype?",
        },
    );
    for &(bit, name) in flags {
        if info & bit != 0 {
            out.push(b' ');
            fmt::s(out, name);
        }
    }
}

/// Version, ECO and user ECO numbers.
fn tiver(out: &mut Vec<u8>, r: Reader<'_>, off: usize) -> Res {
    let (v, e, u) = (r.u8(off)?, r.u8(off + 1)?, r.u8(off + 2)?);
    fmt::s(out, "vers ");
    fmt::u(out, u64::from(v));
    fmt::s(out, " eco ");
    fmt::u(out, u64::from(e));
    fmt::s(out, " ueco ");
    fmt::u(out, u64::from(u));
    Ok(())
}

fn octal(out: &mut Vec<u8>, v: u8) {
    if v >= 0o100 {
        out.push(b'0' + (v >> 6));
    }
    if v >= 0o10 {
        out.push(b'0' + ((v >> 3) & 7));
    }
    out.push(b'0' + (v & 7));
}

/// The routing-layer control messages. Each names itself, then wants its
/// whole fixed part within the claimed length and the capture.
fn control(r: Reader<'_>, off: usize, flags: u8, out: &mut Vec<u8>) -> Res {
    let whole = |size: usize| r.check(off, size);
    match (flags >> 1) & 0x07 {
        0 => {
            // Initialisation: source, node info, block size, version,
            // hello timer, a reserved byte.
            fmt::s(out, "init ");
            whole(12)?;
            let src = r.u16(off + 1)?;
            let info = r.u8(off + 3)?;
            node_info(out, info, &[(0x04, "verif"), (0x08, "blo")]);
            fmt::s(out, " src ");
            addr(out, src);
            fmt::s(out, "blksize ");
            fmt::u(out, u64::from(r.u16(off + 4)?));
            out.push(b' ');
            tiver(out, r, off + 6)?;
            fmt::s(out, " hello ");
            fmt::u(out, u64::from(r.u16(off + 9)?));
        }
        1 => {
            // Verification: source and the function value's length.
            fmt::s(out, "verification ");
            whole(4)?;
            fmt::s(out, "src ");
            addr(out, r.u16(off + 1)?);
            fmt::s(out, " fcnval ");
            octal(out, r.u8(off + 3)?);
        }
        2 => {
            fmt::s(out, "test ");
            whole(4)?;
            fmt::s(out, "src ");
            addr(out, r.u16(off + 1)?);
            fmt::s(out, " data ");
            octal(out, r.u8(off + 3)?);
        }
        3 | 4 => {
            fmt::s(out, if flags & 0x0e == 0x06 { "lev-1-routing " } else { "lev-2-routing " });
            whole(4)?;
            fmt::s(out, "src ");
            addr(out, r.u16(off + 1)?);
            out.push(b' ');
        }
        5 => {
            // Router hello: version, id, node info, block size, priority,
            // area, hello timer, reserved byte.
            fmt::s(out, "router-hello ");
            whole(18)?;
            let info = r.u8(off + 10)?;
            node_info(out, info, &[(0x04, "verif"), (0x20, "nomcast"), (0x40, "blo")]);
            out.push(b' ');
            tiver(out, r, off + 1)?;
            fmt::s(out, " src ");
            addr(out, r.u16(off + 8)?);
            fmt::s(out, " blksize ");
            fmt::u(out, u64::from(r.u16(off + 11)?));
            fmt::s(out, " pri ");
            fmt::u(out, u64::from(r.u8(off + 13)?));
            fmt::s(out, " hello ");
            fmt::u(out, u64::from(r.u16(off + 15)?));
        }
        _ => {
            // Endnode hello: version, id, node info, block size, area,
            // seed, designated router, hello timer, reserved byte, then a
            // counted data field.
            fmt::s(out, "endnode-hello ");
            whole(32)?;
            let info = r.u8(off + 10)?;
            node_info(out, info, &[(0x04, "verif"), (0x20, "nomcast"), (0x40, "blo")]);
            out.push(b' ');
            tiver(out, r, off + 1)?;
            fmt::s(out, " src ");
            addr(out, r.u16(off + 8)?);
            fmt::s(out, " blksize ");
            fmt::u(out, u64::from(r.u16(off + 11)?));
            fmt::s(out, " rtr ");
            addr(out, r.u16(off + 26)?);
            fmt::s(out, " hello ");
            fmt::u(out, u64::from(r.u16(off + 28)?));
            fmt::s(out, " data ");
            octal(out, r.u8(off + 31)?);
        }
    }
    Ok(())
}

/// Up to two acknowledgement fields from `off`: the first is there when
/// bit 15 is set (bit 12 makes it a refusal), the second, after it, when
/// bit 15 or bit 13 is set (bits 15, 13 and 12 all set: a refusal), as
/// tcpdump reads them. Returns the offset after them.
fn acks(n: Reader<'_>, mut off: usize, out: &mut Vec<u8>, other: [&str; 2]) -> Result<usize, Stop> {
    let v = n.u16(off)?;
    if v & 0x8000 == 0 {
        return Ok(off);
    }
    fmt::s(out, if v & 0x1000 != 0 { "nak " } else { "ack " });
    fmt::u(out, u64::from(v & 0x0fff));
    out.push(b' ');
    off += 2;
    let v = n.u16(off)?;
    if v & 0xa000 != 0 {
        fmt::s(out, if v & 0xb000 == 0xb000 { other[1] } else { other[0] });
        out.push(b' ');
        fmt::u(out, u64::from(v & 0x0fff));
        out.push(b' ');
        off += 2;
    }
    Ok(off)
}

const OACK: [&str; 2] = ["oack", "onak"];
const ACKDAT: [&str; 2] = ["ackdat", "nakdat"];

fn ports(out: &mut Vec<u8>, n: Reader<'_>) -> Res {
    let dst = n.u16(1)?;
    let src = n.u16(3)?;
    fmt::u(out, u64::from(src));
    out.push(b'>');
    fmt::u(out, u64::from(dst));
    out.push(b' ');
    Ok(())
}

fn seg(out: &mut Vec<u8>, n: Reader<'_>, off: usize) -> Result<usize, Stop> {
    let s = n.u16(off)?;
    fmt::s(out, "seg ");
    fmt::u(out, u64::from(s & 0x0fff));
    out.push(b' ');
    Ok(off + 2)
}

/// A message type tcpdump does not know: its flags in hex and the ports.
fn reserved(out: &mut Vec<u8>, n: Reader<'_>, what: &str, flg: u8) -> Res {
    fmt::s(out, what);
    out.push(b' ');
    fmt::x(out, u64::from(flg));
    out.push(b' ');
    fmt::u(out, u64::from(n.u16(3)?));
    fmt::s(out, " > ");
    fmt::u(out, u64::from(n.u16(1)?));
    Ok(())
}

fn nsp_body(n: Reader<'_>, out: &mut Vec<u8>) -> Res {
    let flg = n.u8(0)?;
    match flg & 0x0c {
        // Data messages: segments, interrupts and link service.
        0x00 => match flg & 0x70 {
            0x00 | 0x20 | 0x40 | 0x60 => {
                fmt::s(out, "data ");
                ports(out, n)?;
                let off = acks(n, 5, out, OACK)?;
                seg(out, n, off)?;
            }
            0x30 => {
                fmt::s(out, "intr ");
                let off = acks(n, 5, out, ACKDAT)?;
                seg(out, n, off)?;
            }
            0x10 => {
                fmt::s(out, "link-service ");
                ports(out, n)?;
                // tcpdump wants room for both acknowledgement fields and
                // reads the flow control fields where they would then be.
                n.check(0, 13)?;
                let off = acks(n, 5, out, ACKDAT)?;
                seg(out, n, off)?;
                let lsflags = n.u8(11)?;
                let fcval = n.u8(12)?;
                match (lsflags >> 2) & 0x03 {
                    0 => {
                        fmt::s(out, "dat seg count ");
                        fmt::u(out, u64::from(fcval));
                        out.push(b' ');
                        match lsflags & 0x03 {
                            1 => fmt::s(out, "donotsend-data "),
                            2 => fmt::s(out, "send-data "),
                            3 => {
                                fmt::s(out, "reserved-fcmod? ");
                                fmt::x(out, u64::from(lsflags));
                            }
                            _ => {}
                        }
                    }
                    1 => {
                        fmt::s(out, "intr req count ");
                        fmt::u(out, u64::from(fcval));
                        out.push(b' ');
                    }
                    _ => {
                        fmt::s(out, "reserved-fcval-int? ");
                        fmt::x(out, u64::from(lsflags));
                    }
                }
            }
            _ => reserved(out, n, "reserved-subtype?", flg)?,
        },
        // Acknowledgements.
        0x04 => match flg & 0x70 {
            0x00 => {
                fmt::s(out, "data-ack ");
                ports(out, n)?;
                n.check(0, 9)?;
                acks(n, 5, out, OACK)?;
            }
            0x10 => {
                fmt::s(out, "ils-ack ");
                ports(out, n)?;
                n.check(0, 9)?;
                acks(n, 5, out, ACKDAT)?;
            }
            0x20 => {
                fmt::s(out, "conn-ack ");
                fmt::u(out, u64::from(n.u16(1)?));
            }
            _ => reserved(out, n, "reserved-acktype?", flg)?,
        },
        // Connection control.
        0x08 => match flg & 0x70 {
            0x10 | 0x20 | 0x60 => {
                fmt::s(
                    out,
                    match flg & 0x70 {
                        0x10 => "conn-initiate ",
                        0x20 => "conn-confirm ",
                        _ => "retrans-conn-initiate ",
                    },
                );
                ports(out, n)?;
                let services = n.u8(5)?;
                let info = n.u8(6)?;
                let segsize = n.u16(7)?;
                // A confirmation also carries a data count.
                let optlen = if flg & 0x70 == 0x20 { Some(n.u8(9)?) } else { None };
                match (services >> 2) & 0x03 {
                    1 => fmt::s(out, "seg "),
                    2 => fmt::s(out, "msg "),
                    _ => {}
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
                if let Some(len) = optlen.filter(|&l| l > 0) {
                    fmt::s(out, "optlen ");
                    fmt::u(out, u64::from(len));
                    out.push(b' ');
                }
            }
            0x30 | 0x40 => {
                let di = flg & 0x70 == 0x30;
                fmt::s(out, if di { "disconn-initiate " } else { "disconn-confirm " });
                // tcpdump bounds a disconnect confirmation by the capture
                // alone.
                let n = if di { n } else { Reader { b: n.b, limit: usize::MAX } };
                ports(out, n)?;
                let reason = n.u16(5)?;
                // A disconnect-initiate also carries a data count.
                let optlen = if di { Some(n.u8(7)?) } else { None };
                match reason {
                    0 => fmt::s(out, "object rejected connect"),
                    5 => fmt::s(out, "invalid object name format"),
                    42 => fmt::s(out, "disconnect complete"),
                    r => {
                        fmt::s(out, "reason-");
                        fmt::u(out, u64::from(r));
                    }
                }
                out.push(b' ');
                if let Some(len) = optlen.filter(|&l| l > 0) {
                    fmt::s(out, "optlen ");
                    fmt::u(out, u64::from(len));
                    out.push(b' ');
                }
            }
            _ => reserved(out, n, "reserved-ctltype?", flg)?,
        },
        _ => reserved(out, n, "reserved-type?", flg)?,
    }
    Ok(())
}
