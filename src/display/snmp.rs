//! SNMP on UDP ports 161 and 162: the first step of tcpdump's BER walk.
//!
//! tcpdump prints a space, then parses the message's first BER element.
//! If the capture ends before that element's content does, the line ends
//! with ` [|snmp]`. If the element is not a SEQUENCE (a message always is
//! one), tcpdump prints `[!init SEQ]` and the element's value: an
//! INTEGER in decimal, an OBJECT IDENTIFIER dotted (`.1.11.1.99`), an
//! OCTET STRING quoted.
//!
//! A well-formed SNMPv1 or v2c message prints the community when it is
//! not `public` (` C="private"`), the PDU's name and content length
//! (`GetResponse(35)`), the error status (a request's non-zero fields
//! in brackets, a response's error name and index), GetBulk's
//! non-repeaters and max-repetitions (` N=0 M=10`), a v1 trap's
//! enterprise, agent, generic and specific trap and time, then each
//! variable binding as ` OID=VALUE` (requests for values show the OID
//! alone). This layout was taken from tcpdump's output on crafted
//! messages. SNMPv3 messages (their security parameters and scoped PDU)
//! are not dissected: only the leading space is printed; other versions
//! print `SNMP [version = N]`.

use super::{Bytes, fmt};

/// One parsed BER element: tag byte, content offset and length.
struct Elem {
    tag: u8,
    off: usize,
    len: usize,
}

/// Parses the element at `off`; `None` if the capture ends inside its
/// identifier, length or content.
fn parse(data: &[u8], off: usize) -> Option<Elem> {
    let b = Bytes(data);
    let tag = b.u8(off)?;
    let mut i = off + 1;
    if tag & 0x1f == 0x1f {
        // High tag numbers: base-128 bytes with the top bit set but the
        // last; bounded by the captured data.
        while b.u8(i)? & 0x80 != 0 {
            i += 1;
        }
        i += 1;
    }
    let first = b.u8(i)?;
    i += 1;
    let len = if first & 0x80 == 0 {
        first as usize
    } else {
        let n = (first & 0x7f) as usize;
        let mut l: usize = 0;
        for _ in 0..n.min(8) {
            l = l.checked_mul(256)? | b.u8(i)? as usize;
            i += 1;
        }
        l
    };
    b.slice(i, len)?;
    Some(Elem { tag, off: i, len })
}

/// Prints an SNMP message (the UDP payload).
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) {
    out.push(b' ');
    let Some(e) = parse(data, 0) else {
        fmt::s(out, " [|snmp]");
        return;
    };
    if e.tag != 0x30 {
        fmt::s(out, "[!init SEQ]");
        value(&e, &data[e.off..e.off + e.len], out);
        return;
    }
    if message(data, &e, out).is_none() {
        fmt::s(out, " [|snmp]");
    }
}

/// Names of the error-status values.
const ERRORS: [&str; 19] = [
    "noError",
    "tooBig",
    "noSuchName",
    "badValue",
    "readOnly",
    "genErr",
    "noAccess",
    "wrongType",
    "wrongLength",
    "wrongEncoding",
    "wrongValue",
    "noCreation",
    "inconsistentValue",
    "resourceUnavailable",
    "commitFailed",
    "undoFailed",
    "authorizationError",
    "notWritable",
    "inconsistentName",
];

const GENERIC: [&str; 7] = [
    "coldStart",
    "warmStart",
    "linkDown",
    "linkUp",
    "authenticationFailure",
    "egpNeighborLoss",
    "enterpriseSpecific",
];

fn pdu_name(tag: u8) -> Option<&'static str> {
    Some(match tag {
        0xa0 => "GetRequest",
        0xa1 => "GetNextRequest",
        0xa2 => "GetResponse",
        0xa3 => "SetRequest",
        0xa4 => "Trap",
        0xa5 => "GetBulk",
        0xa6 => "Inform",
        0xa7 => "V2Trap",
        0xa8 => "Report",
        _ => return None,
    })
}

/// The integer content of an element (sign-extended, 64 bits).
fn int(data: &[u8], e: &Elem) -> i64 {
    let c = &data[e.off..e.off + e.len];
    let mut v: i64 = if c.first().is_some_and(|&b| b & 0x80 != 0) { -1 } else { 0 };
    for &b in c.iter().take(8) {
        v = (v << 8) | i64::from(b);
    }
    v
}

fn signed(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    fmt::u(out, v.unsigned_abs());
}

/// Version, community and PDU of a message whose outer SEQUENCE is `seq`.
fn message(data: &[u8], seq: &Elem, out: &mut Vec<u8>) -> Option<()> {
    let ver = parse(data, seq.off)?;
    if ver.tag != 0x02 {
        return Some(());
    }
    let v = int(data, &ver);
    if v == 3 {
        return Some(());
    }
    if v != 0 && v != 1 {
        fmt::s(out, "SNMP [version = ");
        signed(out, v);
        out.push(b']');
        return Some(());
    }
    let comm = parse(data, ver.off + ver.len)?;
    let c = &data[comm.off..comm.off + comm.len];
    if c != b"public" {
        fmt::s(out, "C=");
        value(&comm, c, out);
        out.push(b' ');
    }
    let pdu = parse(data, comm.off + comm.len)?;
    let Some(name) = pdu_name(pdu.tag) else {
        return Some(());
    };
    fmt::s(out, name);
    out.push(b'(');
    fmt::u(out, pdu.len as u64);
    fmt::s(out, ") ");
    let mut off = pdu.off;
    if pdu.tag == 0xa4 {
        return trap(data, off, out);
    }
    let reqid = parse(data, off)?;
    off = reqid.off + reqid.len;
    let err = parse(data, off)?;
    off = err.off + err.len;
    let idx = parse(data, off)?;
    off = idx.off + idx.len;
    let (es, ei) = (int(data, &err), int(data, &idx));
    let status =
        |out: &mut Vec<u8>, v: i64| match usize::try_from(v).ok().and_then(|i| ERRORS.get(i)) {
            Some(n) => fmt::s(out, n),
            None => {
                fmt::s(out, "err=");
                signed(out, v);
            }
        };
    match pdu.tag {
        0xa5 => {
            fmt::s(out, " N=");
            signed(out, es);
            fmt::s(out, " M=");
            signed(out, ei);
        }
        0xa2 => {
            if es != 0 {
                out.push(b' ');
                status(out, es);
                if ei == 0 {
                    fmt::s(out, "[errorIndex==0]");
                } else {
                    out.push(b'@');
                    signed(out, ei);
                }
            }
        }
        _ => {
            if es != 0 {
                fmt::s(out, "[errorStatus(");
                status(out, es);
                fmt::s(out, ")!=0]");
            }
            if ei != 0 {
                fmt::s(out, "[errorIndex(");
                signed(out, ei);
                fmt::s(out, ")!=0]");
            }
        }
    }
    let get = matches!(pdu.tag, 0xa0 | 0xa1 | 0xa5);
    varbinds(data, off, get, out)
}

/// A v1 trap: enterprise, agent address, generic and specific trap,
/// time stamp, then the bindings.
fn trap(data: &[u8], off: usize, out: &mut Vec<u8>) -> Option<()> {
    let ent = parse(data, off)?;
    out.push(b' ');
    value(&ent, &data[ent.off..ent.off + ent.len], out);
    let agent = parse(data, ent.off + ent.len)?;
    out.push(b' ');
    value(&agent, &data[agent.off..agent.off + agent.len], out);
    let generic = parse(data, agent.off + agent.len)?;
    let g = int(data, &generic);
    out.push(b' ');
    match usize::try_from(g).ok().and_then(|i| GENERIC.get(i)) {
        Some(n) => fmt::s(out, n),
        None => signed(out, g),
    }
    let specific = parse(data, generic.off + generic.len)?;
    if g == 6 {
        fmt::s(out, " s=");
        signed(out, int(data, &specific));
    }
    let time = parse(data, specific.off + specific.len)?;
    out.push(b' ');
    value(&time, &data[time.off..time.off + time.len], out);
    varbinds(data, time.off + time.len, false, out)
}

/// The variable-binding list at `off`: ` OID=VALUE` each, or the OID
/// alone for a request's NULL value.
fn varbinds(data: &[u8], off: usize, get: bool, out: &mut Vec<u8>) -> Option<()> {
    let list = parse(data, off)?;
    let end = list.off + list.len;
    let mut at = list.off;
    while at < end {
        let vb = parse(data, at)?;
        at = vb.off + vb.len;
        let name = parse(data, vb.off)?;
        out.push(b' ');
        value(&name, &data[name.off..name.off + name.len], out);
        let val = parse(data, name.off + name.len)?;
        if get && val.tag == 0x05 {
            continue;
        }
        out.push(b'=');
        value(&val, &data[val.off..val.off + val.len], out);
    }
    Some(())
}

/// An element's value as tcpdump's BER printer shows it.
fn value(e: &Elem, c: &[u8], out: &mut Vec<u8>) {
    match e.tag {
        0x02 => {
            // Sign-extended from the first byte, kept to 32 bits.
            let mut v: i32 = if c.first().is_some_and(|&b| b & 0x80 != 0) { -1 } else { 0 };
            for &b in c {
                v = (v << 8) | i32::from(b);
            }
            if v < 0 {
                out.push(b'-');
            }
            fmt::u(out, u64::from(v.unsigned_abs()));
        }
        0x04 => {
            if c.iter()
                .all(|&b| (0x20..0x7f).contains(&b) || b == b'\t' || b == b'\n' || b == b'\r')
            {
                out.push(b'"');
                out.extend_from_slice(c);
                out.push(b'"');
            } else {
                hex_underscored(c, out);
            }
        }
        0x05 => {}
        0x06 => {
            // The first sub-identifier holds the first two arcs (x*40+y);
            // values wrap at 32 bits as in tcpdump.
            let mut o: u32 = 0;
            let mut first = true;
            for &b in c {
                o = (o << 7) | u32::from(b & 0x7f);
                if b & 0x80 != 0 {
                    continue;
                }
                if first {
                    first = false;
                    out.push(b'.');
                    fmt::u(out, u64::from(o / 40));
                    o %= 40;
                }
                out.push(b'.');
                fmt::u(out, u64::from(o));
                o = 0;
            }
        }
        0x40 if c.len() == 4 => fmt::ipv4(out, c),
        0x41..=0x43 | 0x46 => {
            // Counter, Gauge, TimeTicks and Counter64: unsigned.
            let mut v: u64 = 0;
            for &b in c.iter().take(9) {
                v = (v << 8) | u64::from(b);
            }
            fmt::u(out, v);
        }
        0x80 => fmt::s(out, "[noSuchObject]"),
        0x81 => fmt::s(out, "[noSuchInstance]"),
        0x82 => fmt::s(out, "[endOfMibView]"),
        0x44 => {
            fmt::s(out, "[P/A/Opaque]");
            hex_underscored(c, out);
        }
        _ => hex_underscored(c, out),
    }
}

/// Bytes as `_61_01` when a string is not printable.
fn hex_underscored(c: &[u8], out: &mut Vec<u8>) {
    for (i, &b) in c.iter().enumerate() {
        if i > 0 || out.last() == Some(&b']') {
            out.push(b'_');
        }
        fmt::byte_hex(out, b);
    }
}
