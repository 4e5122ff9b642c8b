//! PTP, the IEEE 1588 Precision Time Protocol, over UDP (ports 319 and 320)
//! and straight over Ethernet (ethertype 0x88f7).
//!
//! tcpdump prints `PTPv` and the whole second byte of the header as the
//! version (so a version-2.1 header, byte 0x12, prints `PTPv18` and nothing
//! more). For version 2 it then writes every field of the common header,
//! each as `name : value`, and the body of the messages it knows (Sync,
//! Delay_Req, Follow_Up, Delay_Resp, the three peer-delay messages,
//! Announce, Signalling and Management). The same text appears at every
//! verbosity. Version 1 is only named (`PTPv1 (not implemented)`, as tcpdump does);
//! management TLVs are not dissected.

use super::{Bytes, fmt};

/// Message types (low nibble of the first byte) and tcpdump's names.
fn msg_name(t: u8) -> &'static str {
    match t {
        0x0 => "sync msg",
        0x1 => "delay req msg",
        0x2 => "peer delay req msg",
        0x3 => "peer delay resp msg",
        0x8 => "follow up msg",
        0x9 => "delay resp msg",
        0xa => "pdelay resp fup msg",
        0xb => "announce msg",
        0xc => "signalling msg",
        0xd => "management msg",
        _ => "Reserved",
    }
}

/// tcpdump's names for the bits of the 16-bit flags field, in its order.
/// The last entry is a multi-bit mask tcpdump names only when all of its
/// bits are set; bits 0x0040, 0x0080, 0x0800, 0x1000 and 0x8000 have no
/// name of their own.
const FLAGS: &[(u64, &str)] = &[
    (0x0001, "l1 61"),
    (0x0002, "l1 59"),
    (0x0004, "utc reasonable"),
    (0x0008, "timescale"),
    (0x0010, "time tracable"),
    (0x0020, "frequency tracable"),
    (0x0100, "alternate master"),
    (0x0200, "two step"),
    (0x0400, "unicast"),
    (0x1000, "profile specific 1"),
    (0x2000, "profile specific 2"),
    (0x4000, "security mask"),
    (0x18c0, "unknown"),
];

/// Prints a PTP message (`data` is what was captured of it).
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(first), Some(version)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|ptp]");
        return;
    };
    fmt::s(out, "PTPv");
    fmt::u(out, version as u64);
    if version == 1 {
        fmt::s(out, " (not implemented)");
    } else if version == 2 && v2(b, first, out).is_none() {
        fmt::s(out, " [|ptp]");
    }
}

/// `label` and a decimal value, once the value is known to be captured
/// (tcpdump writes neither when the field is cut off).
fn field(out: &mut Vec<u8>, label: &str, v: Option<u64>) -> Option<()> {
    let v = v?;
    fmt::s(out, label);
    fmt::u(out, v);
    Some(())
}

/// `label` and `0x` and the eight-byte clock identity as one number
/// without leading zeros.
fn clock_id(out: &mut Vec<u8>, label: &str, b: Bytes<'_>, off: usize) -> Option<()> {
    let hi = b.u32(off)? as u64;
    let lo = b.u32(off + 4)? as u64;
    fmt::s(out, label);
    fmt::s(out, "0x");
    fmt::x(out, (hi << 32) | lo);
    Some(())
}

/// A timestamp, 48-bit seconds then 32-bit nanoseconds, after its label;
/// tcpdump writes the label first and each half as it reads it.
fn timestamp(out: &mut Vec<u8>, label: &str, b: Bytes<'_>, off: usize, comma: bool) -> Option<()> {
    fmt::s(out, label);
    let secs = ((b.u16(off)? as u64) << 32) | b.u32(off + 2)? as u64;
    out.push(b' ');
    fmt::u(out, secs);
    fmt::s(out, if comma { " seconds," } else { " seconds" });
    let ns = b.u32(off + 6)?;
    out.push(b' ');
    fmt::u(out, ns as u64);
    fmt::s(out, " nanoseconds");
    Some(())
}

fn v2(b: Bytes<'_>, first: u8, out: &mut Vec<u8>) -> Option<()> {
    let mtype = first & 0x0f;
    fmt::s(out, ", v1 compat : ");
    fmt::s(out, if first & 0x10 != 0 { "yes" } else { "no" });
    fmt::s(out, ", msg type : ");
    fmt::s(out, msg_name(mtype));
    field(out, ", length : ", b.u16(2).map(u64::from))?;
    let (domain, rsvd) = (b.u8(4)?, b.u8(5)?);
    field(out, ", domain : ", Some(domain as u64))?;
    field(out, ", reserved1 : ", Some(rsvd as u64))?;
    let flags = b.u16(6)?;
    fmt::s(out, ", Flags [");
    fmt::bit_names(out, flags.into(), FLAGS);
    fmt::s(out, "]");
    let ns = ((b.u16(8)? as u64) << 32) | b.u32(10)? as u64;
    field(out, ", NS correction : ", Some(ns))?;
    field(out, ", sub NS correction : ", b.u16(14).map(u64::from))?;
    field(out, ", reserved2 : ", b.u32(16).map(u64::from))?;
    clock_id(out, ", clock identity : ", b, 20)?;
    field(out, ", port id : ", b.u16(28).map(u64::from))?;
    field(out, ", seq id : ", b.u16(30).map(u64::from))?;
    let control = b.u8(32)?;
    field(out, ", control : ", Some(control as u64))?;
    fmt::s(
        out,
        match control {
            0 => " (Sync)",
            1 => " (Delay_Req)",
            2 => " (Follow_Up)",
            3 => " (Delay_Resp)",
            4 => " (Management)",
            5 => " (Other)",
            _ => " (Reserved)",
        },
    );
    field(out, ", log message interval : ", b.u8(33).map(u64::from))?;
    match mtype {
        0x0 | 0x1 => timestamp(out, ", originTimeStamp :", b, 34, true)?,
        0x8 => timestamp(out, ", preciseOriginTimeStamp :", b, 34, true)?,
        // The responses and peer-delay messages carry a timestamp and
        // then the requesting port's identity.
        0x2 | 0xa => {
            timestamp(out, ", preciseOriginTimeStamp :", b, 34, true)?;
            port_identity(out, b, 44)?;
        }
        0x3 | 0x9 => {
            timestamp(out, ", receiveTimeStamp :", b, 34, true)?;
            port_identity(out, b, 44)?;
        }
        0xc => port_identity(out, b, 34)?,
        0xb => announce(b, out)?,
        0xd => management(b, out)?,
        _ => {}
    }
    Some(())
}

/// A port identity: clock identity and port number.
fn port_identity(out: &mut Vec<u8>, b: Bytes<'_>, off: usize) -> Option<()> {
    clock_id(out, ", port identity : ", b, off)?;
    field(out, ", port id : ", b.u16(off + 8).map(u64::from))
}

fn announce(b: Bytes<'_>, out: &mut Vec<u8>) -> Option<()> {
    timestamp(out, ", originTimeStamp :", b, 34, false)?;
    field(out, ", origin cur utc :", b.u16(44).map(u64::from))?;
    field(out, ", rsvd : ", b.u8(46).map(u64::from))?;
    field(out, ", gm priority_1 : ", b.u8(47).map(u64::from))?;
    field(out, ", gm clock class : ", b.u8(48).map(u64::from))?;
    field(out, ", gm clock accuracy : ", b.u8(49).map(u64::from))?;
    field(out, ", gm clock variance : ", b.u16(50).map(u64::from))?;
    field(out, ", gm priority_2 : ", b.u8(52).map(u64::from))?;
    clock_id(out, ", gm clock id : ", b, 53)?;
    field(out, ", steps removed : ", b.u16(61).map(u64::from))?;
    let source = b.u8(63)?;
    fmt::s(out, ", time source : 0x");
    fmt::x(out, source as u64);
    Some(())
}

/// The management header. tcpdump shows the four one-byte fields after the
/// target port identity all with the value of one byte, the first byte of
/// the target port identity; that is reproduced here.
fn management(b: Bytes<'_>, out: &mut Vec<u8>) -> Option<()> {
    port_identity(out, b, 34)?;
    let v = b.u8(34)?;
    fmt::s(out, ", , start boundary hops  ");
    fmt::u(out, v as u64);
    fmt::s(out, ", , boundary hops  ");
    fmt::u(out, v as u64);
    fmt::s(out, ", , flags  0x");
    fmt::x(out, v as u64);
    fmt::s(out, ", , reserved  0x");
    fmt::x(out, v as u64);
    Some(())
}
