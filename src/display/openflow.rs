//! OpenFlow over TCP ports 6653 (IANA) and 6633 (the pre-IANA port).
//!
//! After the TCP line's `length N` tcpdump writes `: OpenFlow`, then one
//! continuation line per message in the segment, taken from the common
//! 8-byte header (version, type, length, transaction id), after a tab:
//!
//! ```text
//!     version 1.0, type VENDOR, length 24, xid 0x00000018
//! ```
//!
//! Versions 1 to 6 are named `1.0` to `1.5`; message types are named only
//! for OpenFlow 1.0 and 1.3, the two versions tcpdump dissects. Even
//! without `-v` the message length is checked against the fixed (or
//! minimum) size of its type from the 1.0 and 1.3 specifications, and a
//! mismatch gets ` (invalid)` after the xid; a length under 8 is
//! `(too short!)` and ends the segment, since nothing after it can be
//! delimited. A header cut by the end of the segment ends in
//! ` (end of TCP payload)` (the message continues in the next segment); a
//! message cut by the end of the capture, or running past the segment,
//! ends in ` [|openflow]`.
//!
//! With `-v` the bodies follow, on further continuation lines, for the
//! OpenFlow 1.0 messages ([`openflow10`](super::openflow10)) and the
//! OpenFlow 1.3 messages tcpdump dissects ([`openflow13`](super::openflow13));
//! `-vv` adds port details and counters, queue properties and hex dumps
//! of opaque data. A body cut by the end of the capture shows what was
//! captured of it, then ` [|openflow]`. Not done: `-vvv`, where tcpdump
//! decodes the frame carried by packet-in and packet-out messages.
//!
//! Everything here was worked out from tcpdump's output on the corpus
//! captures and on generated messages (every type, length, truncation
//! point), and from the OpenFlow 1.0.0 and 1.3.x specifications; the
//! quirks kept on purpose are noted where they are implemented.

use super::{Bytes, Printer, fmt, openflow10, openflow13};

/// The common header's size, and the smallest valid message.
const HEADER: usize = 8;

/// Prints the OpenFlow messages of one TCP segment: `data` is the captured
/// part of the `len` payload bytes.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    fmt::s(out, ": OpenFlow");
    let b = Bytes(data);
    let mut off = 0usize;
    // Each pass consumes at least HEADER bytes or returns, so the loop is
    // bounded by the segment length.
    while off < len {
        let rest = len - off;
        let Some(version) = b.u8(off) else {
            return truncated(p, out);
        };
        fmt::s(out, "\n\tversion ");
        version_name(out, version);
        if rest < 2 {
            return end_of_payload(out);
        }
        let Some(kind) = b.u8(off + 1) else {
            return truncated(p, out);
        };
        fmt::s(out, ", type ");
        type_name(out, version, kind);
        if rest < 4 {
            return end_of_payload(out);
        }
        let Some(mlen) = b.u16(off + 2) else {
            return truncated(p, out);
        };
        let mlen = mlen as usize;
        fmt::s(out, ", length ");
        fmt::u(out, mlen as u64);
        if mlen < HEADER {
            fmt::s(out, " (too short!)");
        }
        if rest < HEADER {
            return end_of_payload(out);
        }
        let Some(xid) = b.u32(off + 4) else {
            return truncated(p, out);
        };
        fmt::s(out, ", xid 0x");
        fmt::x_pad(out, xid as u64, 8);
        if mlen < HEADER {
            // The next message cannot be found: the rest of the segment is
            // skipped, which only has to be captured.
            fmt::s(out, " (invalid)");
            if data.len() < len {
                truncated(p, out);
            }
            return;
        }
        if !length_ok(version, kind, mlen) {
            fmt::s(out, " (invalid)");
        } else if p.opts.verbose > 0 {
            let msg = Msg(&data[off..(off + mlen).min(data.len())], mlen, p.opts.verbose > 1);
            let r = match version {
                V10 => openflow10::body(out, msg, kind, mlen),
                V13 => openflow13::body(out, msg, kind, mlen),
                _ => Ok(()),
            };
            match r {
                // A dissected body has read what it shows; like tcpdump,
                // the rest of the message (padding, fields left for
                // higher verbosity) is not required to be captured.
                Ok(()) if dissected(version, kind) => {
                    off += mlen;
                    continue;
                }
                Ok(()) => {}
                Err(Stop::Truncated) => return truncated(p, out),
                // The printer that found the bad length said so.
                Err(Stop::Invalid) => {}
                Err(Stop::Overrun) => fmt::s(out, " (invalid)"),
            }
        }
        if data.len() < off + mlen {
            return truncated(p, out);
        }
        off += mlen;
    }
}

/// Why a body printer stopped early.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Stop {
    /// The capture ended inside the body.
    Truncated,
    /// A length inside the body does not fit; ` (invalid)` has been
    /// written where it was found.
    Invalid,
    /// A field past the message's declared length (a body shorter than
    /// its contents claim): the message is marked ` (invalid)`.
    Overrun,
}

/// What a body printer returns.
pub(crate) type Res = Result<(), Stop>;

/// The captured bytes of one message, from its header on, and the
/// message's declared length: a read past the capture is
/// [`Stop::Truncated`], one past the declared length [`Stop::Overrun`].
/// The flag is `-vv`, which adds port details, counters and hex dumps.
#[derive(Clone, Copy)]
pub(crate) struct Msg<'a>(pub &'a [u8], pub usize, pub bool);

impl<'a> Msg<'a> {
    pub fn slice(self, off: usize, len: usize) -> Result<&'a [u8], Stop> {
        let end = off.checked_add(len).ok_or(Stop::Overrun)?;
        if end > self.1 {
            return Err(Stop::Overrun);
        }
        self.0.get(off..end).ok_or(Stop::Truncated)
    }
    pub fn u8(self, off: usize) -> Result<u8, Stop> {
        Ok(self.slice(off, 1)?[0])
    }
    pub fn u16(self, off: usize) -> Result<u16, Stop> {
        let b = self.slice(off, 2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }
    pub fn u32(self, off: usize) -> Result<u32, Stop> {
        let b = self.slice(off, 4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn u64(self, off: usize) -> Result<u64, Stop> {
        let hi = self.u32(off)? as u64;
        Ok(hi << 32 | self.u32(off + 4)? as u64)
    }
    /// The message from `off` on, as its own message-relative view.
    pub fn from(self, off: usize) -> Msg<'a> {
        Msg(self.0.get(off..).unwrap_or(&[]), self.1.saturating_sub(off), self.2)
    }
    /// `label` and six bytes as `00:01:02:03:04:05`; nothing if they are
    /// not all captured.
    pub fn mac(self, out: &mut Vec<u8>, label: &str, off: usize) -> Res {
        let a = self.slice(off, 6)?;
        fmt::s(out, label);
        fmt::mac(out, a);
        Ok(())
    }
    /// `label` and a dotted-quad IPv4 address.
    pub fn ipv4(self, out: &mut Vec<u8>, label: &str, off: usize) -> Res {
        let a = self.slice(off, 4)?;
        fmt::s(out, label);
        fmt::ipv4(out, a);
        Ok(())
    }
    /// `label` and a fixed-size, NUL-padded string field, quoted:
    /// `'Ethernet16'`. Like tcpdump, the characters are read one by one up
    /// to the first NUL, so a field cut by the capture shows its captured
    /// part before the truncation marker, and the padding is not checked.
    pub fn string(self, out: &mut Vec<u8>, label: &str, off: usize, size: usize) -> Res {
        fmt::s(out, label);
        out.push(b'\'');
        for i in 0..size {
            let c = self.u8(off + i)?;
            if c == 0 {
                break;
            }
            push_char(out, c);
        }
        out.push(b'\'');
        Ok(())
    }
}

/// One character of a quoted string the way tcpdump escapes it.
pub(crate) fn push_char(out: &mut Vec<u8>, c: u8) {
    let c = if c.is_ascii() {
        c
    } else {
        fmt::s(out, "M-");
        c & 0x7f
    };
    if c < 0x20 || c == 0x7f {
        out.push(b'^');
        out.push(c ^ 0x40);
    } else {
        out.push(c);
    }
}

/// `0x00000007 (FLOW_STATS, TABLE_STATS, PORT_STATS)`: a bitmap in hex of
/// `width` digits, the names of its known bits, and ` (bogus)` if any
/// other bit is set.
pub(crate) fn bitmap(out: &mut Vec<u8>, v: u32, width: usize, names: &[(u32, &str)]) {
    bitmap_valid(out, v, width, names, u32::MAX);
}

fn known_all(names: &[(u32, &str)]) -> u32 {
    names.iter().fold(0, |a, &(bit, _)| a | bit)
}

/// [`bitmap`] where only the bits of `valid` count as known, for the
/// tables whose named bits include a reserved one.
pub(crate) fn bitmap_valid(
    out: &mut Vec<u8>,
    v: u32,
    width: usize,
    names: &[(u32, &str)],
    valid: u32,
) {
    fmt::s(out, "0x");
    fmt::x_pad(out, v as u64, width);
    let mut known = 0u32;
    let mut first = true;
    for &(bit, name) in names {
        known |= bit;
        // Unnamed entries are valid multi-bit fields, not flags. Names
        // are listed only when some valid bit is set.
        if v & bit != 0 && !name.is_empty() && v & valid & known_all(names) != 0 {
            fmt::s(out, if first { " (" } else { ", " });
            fmt::s(out, name);
            first = false;
        }
    }
    if !first {
        out.push(b')');
    }
    if v & !(known & valid) != 0 {
        fmt::s(out, " (bogus)");
    }
}

/// A name from a table indexed by value, or `unknown (0xNN)` with `width`
/// hex digits.
pub(crate) fn name_or_unknown(out: &mut Vec<u8>, v: u32, names: &[&str], width: usize) {
    name_or(out, v, names, "unknown (0x", width);
}

/// A name from a table indexed by value, or `invalid (0xNN)`: tcpdump's
/// word for most enumerated fields of a message body.
pub(crate) fn name_or_invalid(out: &mut Vec<u8>, v: u32, names: &[&str], width: usize) {
    name_or(out, v, names, "invalid (0x", width);
}

fn name_or(out: &mut Vec<u8>, v: u32, names: &[&str], word: &str, width: usize) {
    match names.get(v as usize) {
        Some(n) if !n.is_empty() => fmt::s(out, n),
        _ => {
            fmt::s(out, word);
            fmt::x_pad(out, v as u64, width);
            out.push(b')');
        }
    }
}

/// `data (N octets)` on its own line for a non-empty payload from `off`
/// to `end`, and with `-vv` (when `dump` allows; packets carried by
/// packet-in and packet-out are not dumped) its hex and ASCII dump.
pub(crate) fn data_octets(
    out: &mut Vec<u8>,
    m: Msg<'_>,
    indent: &str,
    (off, end): (usize, usize),
    dump: bool,
) -> Res {
    let len = end.saturating_sub(off);
    if len == 0 {
        return Ok(());
    }
    fmt::s(out, indent);
    fmt::s(out, "data (");
    fmt::u(out, len as u64);
    fmt::s(out, " octets)");
    if !(m.2 && dump) {
        m.slice(off, len)?;
    } else {
        let captured = m.0.get(off..end.min(m.0.len())).unwrap_or(&[]);
        hex_dump(out, &captured[..captured.len().min(len)]);
        if captured.len() < len {
            return Err(Stop::Truncated);
        }
    }
    Ok(())
}

/// The `-vv` dump of a payload: 16 bytes a line as
/// `\n\t  0x0000:  4469 6420 ...  Did.you.know.ven`.
fn hex_dump(out: &mut Vec<u8>, data: &[u8]) {
    for (line, chunk) in data.chunks(16).enumerate() {
        fmt::s(out, "\n\t  0x");
        fmt::x_pad(out, (line * 16) as u64, 4);
        out.push(b':');
        let mut width = 0;
        for pair in chunk.chunks(2) {
            fmt::s(out, if width == 0 { "  " } else { " " });
            for &b in pair {
                fmt::byte_hex(out, b);
            }
            width += 1 + 2 * pair.len();
        }
        out.resize(out.len() + (40 - width) + 2, b' ');
        for &b in chunk {
            out.push(if (0x21..0x7f).contains(&b) { b } else { b'.' });
        }
    }
}

/// The vendor (experimenter) identifiers tcpdump names: an OUI in the low
/// 24 bits (with the top byte zero) that is in tcpdump's OUI table, or
/// one of the ONF-assigned experimenter ids.
pub(crate) fn vendor_name(out: &mut Vec<u8>, id: u32) {
    fmt::s(out, "0x");
    fmt::x_pad(out, id as u64, 8);
    fmt::s(
        out,
        match id {
            0x0000_0000 => " (Ethernet)",
            0x0000_000c => " (Cisco)",
            0x0000_00f8 => " (Cisco bridged)",
            0x0000_80c2 => " (Ethernet bridged)",
            0x0000_120f => " (IEEE 802.3 Private)",
            0x0000_1018 => " (Broadcom)",
            0x0000_1b21 => " (DCBX)",
            0x0000_2320 => " (Nicira Networks)",
            0x0008_0007 => " (Appletalk)",
            0x0008_0009 => " (Hewlett-Packard)",
            0x005c_16c7 => " (Big Switch Networks)",
            0x00d0_f0db => " (Ericsson)",
            // Experimenter ids the ONF assigned outside the OUI space.
            0x4f4e_4600 => " (ONF Extensions)",
            0xff00_0001 => " (Budapest University of Technology and Economics)",
            0xff00_0002 => " (NoviFlow)",
            0xff00_0003 => " (L3+ Extensions, Vendor Neutral)",
            0xff00_0004 => " (L4-L7 Extensions)",
            0xff00_0005 => " (Wireless and Mobility Extensions)",
            0xff00_0006 => " (Forwarding Abstractions Extensions)",
            0xff00_0007 => " (Optical Transport Extensions)",
            0xff00_0008 => " (Network Benchmarking Lab, NCTU)",
            0xff00_0009 => " (Mobile Packet Core Extensions)",
            0xff00_000a => " (MPLS-TP OpenFlow Extensions for SPTN)",
            _ => " (unknown)",
        },
    );
}

/// ` [|openflow]`. tcpdump gets here by unwinding out of the printer,
/// which also makes its `-x`/`-X` dump start at the link layer.
fn truncated(p: &mut Printer, out: &mut Vec<u8>) {
    p.dump_whole = true;
    fmt::s(out, " [|openflow]");
}

fn end_of_payload(out: &mut Vec<u8>) {
    fmt::s(out, " (end of TCP payload)");
}

/// OpenFlow wire versions 0x01..0x06 are 1.0..1.5.
fn version_name(out: &mut Vec<u8>, version: u8) {
    if (1..=6).contains(&version) {
        out.extend_from_slice(&[b'1', b'.', b'0' + version - 1]);
    } else {
        unknown(out, version);
    }
}

/// `unknown (0x1e)`.
fn unknown(out: &mut Vec<u8>, v: u8) {
    fmt::s(out, "unknown (0x");
    fmt::x_pad(out, v as u64, 2);
    out.push(b')');
}

/// Message types of OpenFlow 1.0 (`ofp_type`, section 5.1).
const TYPES_10: [&str; 22] = [
    "HELLO",
    "ERROR",
    "ECHO_REQUEST",
    "ECHO_REPLY",
    "VENDOR",
    "FEATURES_REQUEST",
    "FEATURES_REPLY",
    "GET_CONFIG_REQUEST",
    "GET_CONFIG_REPLY",
    "SET_CONFIG",
    "PACKET_IN",
    "FLOW_REMOVED",
    "PORT_STATUS",
    "PACKET_OUT",
    "FLOW_MOD",
    "PORT_MOD",
    "STATS_REQUEST",
    "STATS_REPLY",
    "BARRIER_REQUEST",
    "BARRIER_REPLY",
    "QUEUE_GET_CONFIG_REQUEST",
    "QUEUE_GET_CONFIG_REPLY",
];

/// Message types of OpenFlow 1.3 (`ofp_type`, section 7.1).
const TYPES_13: [&str; 30] = [
    "HELLO",
    "ERROR",
    "ECHO_REQUEST",
    "ECHO_REPLY",
    "EXPERIMENTER",
    "FEATURES_REQUEST",
    "FEATURES_REPLY",
    "GET_CONFIG_REQUEST",
    "GET_CONFIG_REPLY",
    "SET_CONFIG",
    "PACKET_IN",
    "FLOW_REMOVED",
    "PORT_STATUS",
    "PACKET_OUT",
    "FLOW_MOD",
    "GROUP_MOD",
    "PORT_MOD",
    "TABLE_MOD",
    "MULTIPART_REQUEST",
    "MULTIPART_REPLY",
    "BARRIER_REQUEST",
    "BARRIER_REPLY",
    "QUEUE_GET_CONFIG_REQUEST",
    "QUEUE_GET_CONFIG_REPLY",
    "ROLE_REQUEST",
    "ROLE_REPLY",
    "GET_ASYNC_REQUEST",
    "GET_ASYNC_REPLY",
    "SET_ASYNC",
    "METER_MOD",
];

pub(crate) const V10: u8 = 1;
pub(crate) const V13: u8 = 4;

fn type_name(out: &mut Vec<u8>, version: u8, kind: u8) {
    let name = match version {
        V10 => TYPES_10.get(kind as usize),
        V13 => TYPES_13.get(kind as usize),
        _ => None,
    };
    match name {
        Some(n) => fmt::s(out, n),
        None => unknown(out, kind),
    }
}

/// Whether tcpdump prints a body for this message type with `-v`.
fn dissected(version: u8, kind: u8) -> bool {
    match version {
        V10 => true,
        // PACKET_IN, FLOW_REMOVED, PACKET_OUT, FLOW_MOD, GROUP_MOD,
        // MULTIPART_*, QUEUE_GET_CONFIG_REPLY and METER_MOD are not.
        V13 => !matches!(kind, 10 | 11 | 13 | 14 | 15 | 18 | 19 | 23 | 29) && kind < 30,
        _ => false,
    }
}

/// How long a message of a given type may be.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Size {
    Any,
    Exactly(usize),
    AtLeast(usize),
}

/// The size rule of each OpenFlow 1.0 type, from the structure sizes of
/// the 1.0 specification (`ofp_switch_features` is 32 bytes before its
/// ports, `ofp_flow_removed` 88, `ofp_port_status` 64, `ofp_flow_mod` 72
/// before its actions, ...).
const SIZES_10: [Size; 22] = [
    Size::Any,         // HELLO
    Size::AtLeast(12), // ERROR
    Size::Any,         // ECHO_REQUEST
    Size::Any,         // ECHO_REPLY
    Size::AtLeast(12), // VENDOR
    Size::Exactly(8),  // FEATURES_REQUEST
    Size::AtLeast(32), // FEATURES_REPLY
    Size::Exactly(8),  // GET_CONFIG_REQUEST
    Size::Exactly(12), // GET_CONFIG_REPLY
    Size::Exactly(12), // SET_CONFIG
    Size::AtLeast(18), // PACKET_IN
    Size::Exactly(88), // FLOW_REMOVED
    Size::Exactly(64), // PORT_STATUS
    Size::AtLeast(16), // PACKET_OUT
    Size::AtLeast(72), // FLOW_MOD
    Size::Exactly(32), // PORT_MOD
    Size::AtLeast(12), // STATS_REQUEST
    Size::AtLeast(12), // STATS_REPLY
    Size::Exactly(8),  // BARRIER_REQUEST
    Size::Exactly(8),  // BARRIER_REPLY
    Size::Exactly(12), // QUEUE_GET_CONFIG_REQUEST
    Size::AtLeast(16), // QUEUE_GET_CONFIG_REPLY
];

/// The size rule of each OpenFlow 1.3 type. tcpdump 4.99.3 checks only
/// the types it dissects; the others (PACKET_IN, FLOW_MOD, MULTIPART_*,
/// ...) may have any length.
const SIZES_13: [Size; 30] = [
    Size::Any,         // HELLO
    Size::AtLeast(12), // ERROR
    Size::Any,         // ECHO_REQUEST
    Size::Any,         // ECHO_REPLY
    Size::AtLeast(16), // EXPERIMENTER
    Size::Exactly(8),  // FEATURES_REQUEST
    Size::Exactly(32), // FEATURES_REPLY
    Size::Exactly(8),  // GET_CONFIG_REQUEST
    Size::Exactly(12), // GET_CONFIG_REPLY
    Size::Exactly(12), // SET_CONFIG
    Size::Any,         // PACKET_IN
    Size::Any,         // FLOW_REMOVED
    Size::Exactly(80), // PORT_STATUS
    Size::Any,         // PACKET_OUT
    Size::Any,         // FLOW_MOD
    Size::Any,         // GROUP_MOD
    Size::Exactly(40), // PORT_MOD
    Size::Exactly(16), // TABLE_MOD
    Size::Any,         // MULTIPART_REQUEST
    Size::Any,         // MULTIPART_REPLY
    Size::Exactly(8),  // BARRIER_REQUEST
    Size::Exactly(8),  // BARRIER_REPLY
    Size::Exactly(16), // QUEUE_GET_CONFIG_REQUEST
    Size::Any,         // QUEUE_GET_CONFIG_REPLY
    Size::Exactly(24), // ROLE_REQUEST
    Size::Exactly(24), // ROLE_REPLY
    Size::Exactly(8),  // GET_ASYNC_REQUEST
    Size::Exactly(32), // GET_ASYNC_REPLY
    Size::Exactly(32), // SET_ASYNC
    Size::Any,         // METER_MOD
];

/// Whether a message of `mlen` bytes (at least the header) has a length
/// its type allows.
fn length_ok(version: u8, kind: u8, mlen: usize) -> bool {
    let rule = match version {
        V10 => SIZES_10.get(kind as usize),
        V13 => SIZES_13.get(kind as usize),
        _ => None,
    };
    match rule.copied().unwrap_or(Size::Any) {
        Size::Any => true,
        Size::Exactly(n) => mlen == n,
        Size::AtLeast(n) => mlen >= n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (version, type, length, valid), checked against tcpdump 4.99.3.
    const LENGTHS: &[(u8, u8, usize, bool)] = &[
        (1, 0, 9, true),
        (1, 1, 11, false),
        (1, 1, 12, true),
        (1, 5, 12, false),
        (1, 6, 31, false),
        (1, 6, 33, true),
        (1, 11, 88, true),
        (1, 11, 96, false),
        (1, 14, 71, false),
        (1, 14, 200, true),
        (4, 4, 15, false),
        (4, 6, 40, false),
        (4, 10, 9, true),
        (4, 24, 24, true),
        (2, 5, 100, true),
        (1, 200, 9, true),
    ];

    #[test]
    fn message_lengths() {
        for &(v, t, l, ok) in LENGTHS {
            assert_eq!(length_ok(v, t, l), ok, "version {v} type {t} length {l}");
        }
    }

    /// (segment bytes, captured bytes, expected text).
    const SEGMENTS: &[(&[u8], usize, &str)] = &[
        (
            &[1, 0, 0, 8, 0, 0, 0, 1],
            8,
            ": OpenFlow\n\tversion 1.0, type HELLO, length 8, xid 0x00000001",
        ),
        (&[1, 2, 0], 3, ": OpenFlow\n\tversion 1.0, type ECHO_REQUEST (end of TCP payload)"),
        (&[4, 5, 0, 8, 0], 3, ": OpenFlow\n\tversion 1.3, type FEATURES_REQUEST [|openflow]"),
        (
            &[9, 0xea, 0, 0, 0, 0, 0, 2, 1],
            9,
            ": OpenFlow\n\tversion unknown (0x09), type unknown (0xea), length 0 (too short!), \
             xid 0x00000002 (invalid)",
        ),
        (
            &[1, 5, 0, 12, 0, 0, 0, 3, 0, 0],
            10,
            ": OpenFlow\n\tversion 1.0, type FEATURES_REQUEST, length 12, xid 0x00000003 \
             (invalid) [|openflow]",
        ),
    ];

    #[test]
    fn segments() {
        let mut p = Printer::new(Default::default(), crate::dlt::Dlt(1));
        for &(seg, cap, want) in SEGMENTS {
            let mut out = Vec::new();
            print(&mut p, &seg[..cap], seg.len(), &mut out);
            assert_eq!(String::from_utf8_lossy(&out), want);
        }
    }
}
