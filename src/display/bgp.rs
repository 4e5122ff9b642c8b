//! BGP-4 (RFC 4271) on TCP port 179.
//!
//! At default verbosity tcpdump prints only `: BGP` after the TCP length of
//! any segment with payload on port 179, whatever the payload holds, so
//! that is all this printer writes without `-v`.
//!
//! With `-v` every message found in the segment (a message starts at the
//! 16-byte all-ones marker) gets a block of tab-indented lines:
//!
//! * the header, `Open Message (1), length: 55`;
//! * OPEN: version, AS, hold time and BGP identifier, then the optional
//!   parameters and the capabilities inside them (multiprotocol, graceful
//!   restart, 4-byte AS, ADD-PATH, multiple labels; others are named and
//!   dumped as hex with `no decoder for Capability N`);
//! * UPDATE: withdrawn routes, each path attribute as
//!   `Name (code), length: N, Flags [OTPE]: value` (origin, AS path, next
//!   hop, MED, local preference, aggregator, communities, originator,
//!   cluster list, MP_REACH/MP_UNREACH for IPv4/IPv6 unicast, labeled
//!   unicast, labeled VPN and route target membership, extended and large
//!   communities, PMSI tunnels, AIGP, attribute sets), and the announced
//!   routes, with ADD-PATH identifiers when tcpdump would guess them;
//! * NOTIFICATION: error code and subcode, and the shutdown communication
//!   of a Cease (RFC 9003);
//! * ROUTE-REFRESH: AFI and SAFI.
//!
//! Not dissected (named, then dumped as hex the way tcpdump does): other
//! address families in MP_REACH (EVPN, VPLS, MDT, multicast VPN,
//! flowspec, ...) and the tunnel encapsulation attribute. Data cut short
//! by the capture ends the message with ` [|bgp]`; tcpdump's quirks with
//! malformed messages (fields read past an attribute's end, bytes skipped
//! before a marker) were matched against its output on fuzzed captures.

use super::l2ctl::hex_lines;
use super::{Bytes, Printer, fmt};

/// The marker, header length field and type: 19 bytes.
const HEADER_LEN: usize = 19;

/// Prints the BGP part of a TCP segment's line; `data` is the captured
/// payload and `len` its length on the wire.
pub(crate) fn print(p: &mut Printer, data: &[u8], _len: usize, out: &mut Vec<u8>) {
    fmt::s(out, ": BGP");
    if p.opts.verbose == 0 {
        return;
    }
    let mut off = 0;
    // Where the previous message ended: bytes skipped between there and
    // the next marker make tcpdump write ` [|bgp]` before that message.
    let mut start = 0;
    // Each iteration consumes at least one byte, so the loop is bounded by
    // the payload's length.
    while off < data.len() {
        if data[off] != 0xff {
            off += 1;
            continue;
        }
        let Some(marker) = data.get(off..off + 16) else {
            return;
        };
        if marker.iter().any(|&b| b != 0xff) {
            off += 1;
            continue;
        }
        let b = Bytes(data);
        let (Some(hlen), Some(kind)) = (b.u16(off + 16), b.u8(off + 18)) else {
            fmt::s(out, " [|bgp]");
            return;
        };
        if off != start {
            fmt::s(out, " [|bgp]");
        }
        let hlen = hlen as usize;
        // A length too small for the header ends the printing silently.
        if hlen < HEADER_LEN {
            return;
        }
        // A message not captured whole is only named.
        let Some(msg) = data.get(off..off + hlen) else {
            fmt::s(out, "\n[|BGP ");
            fmt::s(out, message_name(kind).unwrap_or("Unknown Message Type"));
            out.push(b']');
            return;
        };
        message(out, msg, &data[off..], hlen, kind);
        off += hlen;
        start = off;
    }
}

fn message_name(kind: u8) -> Option<&'static str> {
    Some(match kind {
        1 => "Open",
        2 => "Update",
        3 => "Notification",
        4 => "Keepalive",
        5 => "Route Refresh",
        6 => "Capability",
        _ => return None,
    })
}

/// Prints one message; `msg` is its `hlen` bytes, `rest` all that was
/// captured from its start on.
fn message(out: &mut Vec<u8>, msg: &[u8], rest: &[u8], hlen: usize, kind: u8) {
    let name = message_name(kind).unwrap_or("Unknown");
    fmt::s(out, "\n\t");
    fmt::s(out, name);
    fmt::s(out, " Message (");
    fmt::u(out, kind as u64);
    fmt::s(out, "), length: ");
    fmt::u(out, hlen as u64);
    let ok = match kind {
        1 => open(out, msg),
        2 => update(out, msg),
        // tcpdump wants the error code and subcode captured even when the
        // message is too short to hold them (and then shows neither).
        3 if rest.len() < 21 => None,
        3 => notification(out, msg),
        5 => route_refresh(out, msg),
        4 => Some(()),
        _ => {
            fmt::s(out, "\n\t  no Message ");
            fmt::u(out, kind as u64);
            fmt::s(out, " decoder");
            hex_lines(out, "\n\t  ", msg);
            Some(())
        }
    };
    if ok.is_none() {
        fmt::s(out, " [|bgp]");
    }
}

// ---------------------------------------------------------------- names

fn afi_name(afi: u16) -> Option<&'static str> {
    Some(match afi {
        0 => "Reserved",
        1 => "IPv4",
        2 => "IPv6",
        3 => "NSAP",
        25 => "VPLS",
        16388 => "BGP-LS",
        _ => return None,
    })
}

fn safi_name(safi: u8) -> Option<&'static str> {
    Some(match safi {
        1 => "Unicast",
        2 => "Multicast",
        3 => "Unicast+Multicast",
        4 => "labeled Unicast",
        5 => "Multicast VPN",
        65 => "VPLS",
        66 => "MDT",
        70 => "EVPN",
        71 => "BGP-LS",
        72 => "BGP-LS-VPN",
        128 => "labeled VPN Unicast",
        129 => "labeled VPN Multicast",
        130 => "labeled VPN Unicast+Multicast",
        132 => "Route Target Routing Information",
        133 => "IPv4 Flow Spec",
        134 => "IPv4 VPN Flow Spec",
        _ => return None,
    })
}

/// `AFI IPv4 (1), SAFI Unicast (1)` as in capabilities and route refresh.
fn afi_safi(out: &mut Vec<u8>, afi: u16, safi: u8) {
    fmt::s(out, "AFI ");
    fmt::s(out, afi_name(afi).unwrap_or("Unknown"));
    fmt::s(out, " (");
    fmt::u(out, afi as u64);
    fmt::s(out, "), SAFI ");
    fmt::s(out, if safi == 0 { "Reserved" } else { safi_name(safi).unwrap_or("Unknown") });
    fmt::s(out, " (");
    fmt::u(out, safi as u64);
    out.push(b')');
}

// ---------------------------------------------------------------- OPEN

fn open(out: &mut Vec<u8>, msg: &[u8]) -> Option<()> {
    let b = Bytes(msg);
    let version = b.u8(19)?;
    let my_as = b.u16(20)?;
    let hold = b.u16(22)?;
    let id = b.slice(24, 4)?;
    let opt_len = b.u8(28)? as usize;
    fmt::s(out, "\n\t  Version ");
    fmt::u(out, version as u64);
    fmt::s(out, ", my AS ");
    fmt::u(out, my_as as u64);
    fmt::s(out, ", Holdtime ");
    fmt::u(out, hold as u64);
    fmt::s(out, "s, ID ");
    fmt::ipv4(out, id);
    fmt::s(out, "\n\t  Optional parameters, length: ");
    fmt::u(out, opt_len as u64);
    let mut i = 29;
    let end = 29 + opt_len;
    while i < end {
        let ptype = b.u8(i)?;
        let plen = b.u8(i + 1)? as usize;
        if i + 2 + plen > end {
            fmt::s(out, "\n\t     Option ");
            fmt::u(out, ptype as u64);
            fmt::s(out, ", length: ");
            fmt::u(out, plen as u64);
            fmt::s(out, ", goes past the end of the options");
            break;
        }
        fmt::s(out, "\n\t    Option ");
        fmt::s(
            out,
            match ptype {
                1 => "Authentication Information",
                2 => "Capabilities Advertisement",
                _ => "Unknown",
            },
        );
        fmt::s(out, " (");
        fmt::u(out, ptype as u64);
        fmt::s(out, "), length: ");
        fmt::u(out, plen as u64);
        msg.get(i + 2..(i + 2 + plen).min(msg.len()))?;
        match ptype {
            2 => {
                // A capability cut short is marked, and the next
                // parameter is still tried.
                if capabilities(out, msg, i + 2, plen).is_none() {
                    fmt::s(out, " [|bgp]");
                }
            }
            _ => {
                fmt::s(out, "\n\t      no decoder for option ");
                fmt::u(out, ptype as u64);
            }
        }
        i += 2 + plen;
    }
    Some(())
}

fn capability_name(code: u8) -> &'static str {
    match code {
        1 => "Multiprotocol Extensions",
        2 => "Route Refresh",
        3 => "Cooperative Route Filtering",
        4 => "Multiple Routes to a Destination",
        5 => "Extended Next Hop Encoding",
        8 => "Multiple Labels",
        64 => "Graceful Restart",
        65 => "32-Bit AS Number",
        67 => "Dynamic Capability",
        68 => "Multisession BGP",
        69 => "Multiple Paths",
        70 => "Enhanced Route Refresh",
        71 => "Long-lived Graceful Restart",
        128 => "Route Refresh (Cisco)",
        130 => "Cooperative Route Filtering (Cisco)",
        _ => "Unknown",
    }
}

/// The capabilities in the `declared` bytes of `msg` from `start`; a
/// capability's body may run past the parameter (tcpdump reads it all the
/// same).
fn capabilities(out: &mut Vec<u8>, msg: &[u8], start: usize, declared: usize) -> Option<()> {
    let b = Bytes(msg);
    let mut i = start;
    while i < start + declared {
        let code = b.u8(i)?;
        let clen = b.u8(i + 1)? as usize;
        fmt::s(out, "\n\t      ");
        fmt::s(out, capability_name(code));
        fmt::s(out, " (");
        fmt::u(out, code as u64);
        fmt::s(out, "), length: ");
        fmt::u(out, clen as u64);
        let body = b.slice(i + 2, clen)?;
        if !capability(out, code, body)? {
            break;
        }
        i += 2 + clen;
    }
    Some(())
}

/// One capability's body; false when tcpdump stops reading the rest of
/// the parameter after it (a graceful restart capability too short).
fn capability(out: &mut Vec<u8>, code: u8, body: &[u8]) -> Option<bool> {
    let b = Bytes(body);
    match code {
        1 => {
            if body.len() < 4 {
                fmt::s(out, " (too short, < 4)");
                return Some(false);
            }
            fmt::s(out, "\n\t\t");
            afi_safi(out, b.u16(0)?, b.u8(3)?);
        }
        2 | 128 => {}
        8 => {
            let mut i = 0;
            while i + 4 <= body.len() {
                fmt::s(out, "\n\t\t");
                afi_safi(out, b.u16(i)?, b.u8(i + 2)?);
                fmt::s(out, ", Count: ");
                fmt::u(out, b.u8(i + 3)? as u64);
                i += 4;
            }
        }
        64 => {
            if body.len() < 2 {
                fmt::s(out, " (too short, < 2)");
                return Some(false);
            }
            let flags = b.u16(0)?;
            fmt::s(out, "\n\t\tRestart Flags: [");
            let mut any = false;
            for (bit, name) in [(0x8000, "R")] {
                if flags & bit != 0 {
                    if any {
                        fmt::s(out, ", ");
                    }
                    fmt::s(out, name);
                    any = true;
                }
            }
            if !any {
                fmt::s(out, "none");
            }
            fmt::s(out, "], Restart Time ");
            fmt::u(out, (flags & 0x0fff) as u64);
            out.push(b's');
            let mut i = 2;
            while i + 4 <= body.len() {
                fmt::s(out, "\n\t\t  ");
                afi_safi(out, b.u16(i)?, b.u8(i + 2)?);
                fmt::s(out, ", Forwarding state preserved: ");
                fmt::s(out, if b.u8(i + 3)? & 0x80 != 0 { "yes" } else { "no" });
                i += 4;
            }
        }
        65 if body.len() < 4 => {
            fmt::s(out, " (too short, < 4)");
            return Some(false);
        }
        65 => {
            fmt::s(out, "\n\t\t 4 Byte AS ");
            fmt::u(out, b.u32(0)? as u64);
        }
        69 if body.is_empty() => fmt::s(out, " (bogus)"),
        69 if !body.len().is_multiple_of(4) => fmt::s(out, " (invalid)"),
        69 => {
            let mut i = 0;
            while i + 4 <= body.len() {
                fmt::s(out, "\n\t\t");
                afi_safi(out, b.u16(i)?, b.u8(i + 2)?);
                fmt::s(out, ", Send/Receive: ");
                match b.u8(i + 3)? {
                    1 => fmt::s(out, "Receive"),
                    2 => fmt::s(out, "Send"),
                    3 => fmt::s(out, "Both"),
                    v => {
                        fmt::s(out, "Bogus (0x");
                        fmt::x_pad(out, v as u64, 2);
                        out.push(b')');
                    }
                }
                i += 4;
            }
        }
        71 => {}
        _ => {
            fmt::s(out, "\n\t\tno decoder for Capability ");
            fmt::u(out, code as u64);
            hex_lines(out, "\n\t\t", body);
        }
    }
    Some(true)
}

// ---------------------------------------------------------------- UPDATE

fn attr_name(code: u8) -> &'static str {
    match code {
        1 => "Origin",
        2 => "AS Path",
        3 => "Next Hop",
        4 => "Multi Exit Discriminator",
        5 => "Local Preference",
        6 => "Atomic Aggregate",
        7 => "Aggregator",
        8 => "Community",
        9 => "Originator ID",
        10 => "Cluster List",
        11 => "DPA",
        12 => "Advertisers",
        13 => "RCID Path / Cluster ID",
        14 => "Multi-Protocol Reach NLRI",
        15 => "Multi-Protocol Unreach NLRI",
        16 => "Extended Community",
        17 => "AS4 Path",
        18 => "Aggregator4",
        22 => "PMSI Tunnel",
        23 => "Tunnel Encapsulation",
        26 => "Accumulated IGP Metric",
        32 => "Large Community",
        128 => "Attribute Set",
        255 => "Reserved for development",
        _ => "Unknown Attribute",
    }
}

fn update(out: &mut Vec<u8>, msg: &[u8]) -> Option<()> {
    let b = Bytes(msg);
    let hlen = b.u16(16)? as usize;
    let mut i = HEADER_LEN;
    let wlen = b.u16(i)? as usize;
    i += 2;
    if wlen > 0 {
        let w = b.slice(i, wlen)?;
        fmt::s(out, "\n\t  Withdrawn routes:");
        prefixes(out, w, w.len(), 1, "\n\t    ")?;
    }
    i += wlen;
    let alen = b.u16(i)? as usize;
    i += 2;
    if alen == 0 && hlen <= i {
        fmt::s(out, "\n\t  End-of-Rib Marker (empty NLRI)");
        return Some(());
    }
    let attrs_end = i + alen;
    if attrs_end > msg.len() {
        return None;
    }
    attributes(out, msg, i, attrs_end, false)?;
    i = attrs_end;
    let nlri_end = hlen;
    if i < nlri_end {
        fmt::s(out, "\n\t  Updated routes:");
        let n = b.slice(i, nlri_end - i)?;
        // An illegal prefix length ends the routes without a marker here.
        let _ = prefixes(out, n, n.len(), 1, "\n\t    ");
    }
    Some(())
}

/// The path attributes in `msg[start..end]`, at the top level of an
/// UPDATE or (`nested`) inside an ATTR_SET. Answers false when an
/// attribute ran past `end`, which ends the message's printing.
fn attributes(
    out: &mut Vec<u8>,
    msg: &[u8],
    start: usize,
    end: usize,
    nested: bool,
) -> Option<bool> {
    let b = Bytes(msg);
    let indent = if nested { "\n\t      " } else { "\n\t  " };
    let mut i = start;
    while i < end {
        // Too few bytes left for an attribute header.
        let hdr_len = if b.u8(i)? & 0x10 != 0 { 4 } else { 3 };
        if end - i < hdr_len {
            fmt::s(out, indent);
            fmt::s(out, if nested { "[path attr too short]" } else { "[path attrs too short]" });
            return Some(false);
        }
        let flags = b.u8(i)?;
        let code = b.u8(i + 1)?;
        let (alen, hdr) = if flags & 0x10 != 0 {
            (b.u16(i + 2)? as usize, 4)
        } else {
            (b.u8(i + 2)? as usize, 3)
        };
        fmt::s(out, indent);
        fmt::s(out, attr_name(code));
        fmt::s(out, " (");
        fmt::u(out, code as u64);
        fmt::s(out, "), length: ");
        fmt::u(out, alen as u64);
        if flags != 0 {
            fmt::s(out, ", Flags [");
            for (bit, c) in [(0x80, b'O'), (0x40, b'T'), (0x20, b'P'), (0x10, b'E')] {
                if flags & bit != 0 {
                    out.push(c);
                }
            }
            if flags & 0x0f != 0 {
                out.push(b'+');
                fmt::x(out, (flags & 0x0f) as u64);
            }
            fmt::s(out, "]: ");
        }
        if i + hdr + alen > end {
            fmt::s(out, if nested { " [path attr too short]" } else { " [path attrs too short]" });
            return Some(false);
        }
        // Some decoders read past the attribute (tcpdump does), so they
        // get the rest of the message as well.
        let rest = msg.get(i + hdr..)?;
        let body = &rest[..alen.min(rest.len())];
        attribute(out, code, body, rest, alen)?;
        i += hdr + alen;
    }
    Some(true)
}

/// Whether `data` parses exactly as a list of ADD-PATH prefixes (a 4-byte
/// path identifier before each), the way tcpdump guesses it.
fn looks_add_path(data: &[u8], max_bits: usize) -> bool {
    let mut i = 0;
    while i < data.len() {
        i += 4;
        let Some(&plen) = data.get(i) else { return false };
        if plen as usize > max_bits {
            return false;
        }
        i += 1 + (plen as usize).div_ceil(8);
    }
    if i != data.len() || data.len() < 5 {
        return false;
    }
    // A plain reading that works, with no zero-length prefix, wins.
    let mut i = 0;
    while i < data.len() {
        let plen = data[i] as usize;
        if plen == 0 || plen > max_bits {
            return true;
        }
        i += 1 + plen.div_ceil(8);
    }
    i != data.len()
}

/// A list of IPv4 (`afi` 1) or IPv6 (`afi` 2) prefixes, one per line.
/// The `len` bytes of prefixes at the start of `data` (which may go on
/// past them: a prefix that runs over is still read, as tcpdump does).
fn prefixes(out: &mut Vec<u8>, data: &[u8], len: usize, afi: u16, indent: &str) -> Option<()> {
    let max_bits = if afi == 2 { 128 } else { 32 };
    let add_path = looks_add_path(&data[..len.min(data.len())], max_bits);
    let mut i = 0;
    while i < len {
        let mut path_id = None;
        if add_path {
            path_id = Some(Bytes(data).u32(i)?);
            i += 4;
        }
        let plen = *data.get(i)? as usize;
        if plen > max_bits {
            fmt::s(out, "\n\t    (illegal prefix length)");
            return Some(());
        }
        let n = plen.div_ceil(8);
        let bytes = data.get(i + 1..i + 1 + n)?;
        fmt::s(out, indent);
        prefix_text(out, bytes, plen, afi);
        if let Some(id) = path_id {
            fmt::s(out, "   Path Id: ");
            fmt::u(out, id as u64);
        }
        i += 1 + n;
    }
    Some(())
}

/// `addr/len` from the significant bytes of a prefix.
fn prefix_text(out: &mut Vec<u8>, bytes: &[u8], plen: usize, afi: u16) {
    if afi == 2 {
        let mut a = [0u8; 16];
        let n = bytes.len().min(16);
        a[..n].copy_from_slice(&bytes[..n]);
        mask(&mut a, plen);
        fmt::ipv6(out, &a);
    } else {
        let mut a = [0u8; 4];
        let n = bytes.len().min(4);
        a[..n].copy_from_slice(&bytes[..n]);
        mask(&mut a, plen);
        fmt::ipv4(out, &a);
    }
    out.push(b'/');
    fmt::u(out, plen as u64);
}

/// Clears the bits past `plen`.
fn mask(a: &mut [u8], plen: usize) {
    for (i, byte) in a.iter_mut().enumerate() {
        let start = i * 8;
        if start >= plen {
            *byte = 0;
        } else if plen - start < 8 {
            *byte &= 0xffu8 << (8 - (plen - start));
        }
    }
}

/// An AS path of `len` bytes at the start of `data` (the message from
/// there on: a segment may run past the attribute, and tcpdump follows
/// it). 2-byte AS numbers unless the segments do not parse that way.
fn as_path(out: &mut Vec<u8>, data: &[u8], len: usize, four: bool) -> Option<()> {
    if !len.is_multiple_of(2) {
        fmt::s(out, "invalid len");
        return Some(());
    }
    if len == 0 {
        fmt::s(out, "empty");
        return Some(());
    }
    let body = &data[..len.min(data.len())];
    let size = if four || !as_path_is_two(body) { 4 } else { 2 };
    let b = Bytes(data);
    let mut i = 0;
    while i < len {
        let seg = b.u8(i)?;
        let count = b.u8(i + 1)? as usize;
        // An unknown segment type is bracketed with question marks.
        let (open, close) = match seg {
            1 => ("{ ", "}"),
            2 => ("", ""),
            3 => ("( ", ")"),
            4 => ("[ ", "]"),
            _ => ("?", "?"),
        };
        fmt::s(out, open);
        for k in 0..count {
            let at = i + 2 + k * size;
            let v = if size == 4 { b.u32(at)? } else { b.u16(at)? as u32 };
            fmt::u(out, v as u64);
            out.push(b' ');
        }
        fmt::s(out, close);
        i += 2 + count * size;
    }
    Some(())
}

/// Whether the segments of an AS path, all of a known type, fill it
/// exactly with 2-byte AS numbers.
fn as_path_is_two(body: &[u8]) -> bool {
    let fits = |size: usize| {
        let mut i = 0;
        while i + 2 <= body.len() {
            if !(1..=4).contains(&body[i]) {
                return false;
            }
            i += 2 + body[i + 1] as usize * size;
        }
        i == body.len()
    };
    fits(2)
}

/// A route distinguisher: `AS:number (= a.b.c.d)` and its other forms.
fn rd(out: &mut Vec<u8>, d: &[u8]) -> Option<()> {
    let b = Bytes(d);
    match b.u16(0)? {
        0 => {
            fmt::u(out, b.u16(2)? as u64);
            out.push(b':');
            fmt::u(out, b.u32(4)? as u64);
            fmt::s(out, " (= ");
            fmt::ipv4(out, b.slice(4, 4)?);
            out.push(b')');
        }
        1 => {
            fmt::ipv4(out, b.slice(2, 4)?);
            out.push(b':');
            fmt::u(out, b.u16(6)? as u64);
        }
        2 => {
            fmt::u(out, b.u32(2)? as u64);
            out.push(b':');
            fmt::u(out, b.u16(6)? as u64);
        }
        _ => fmt::s(out, "unknown RD format"),
    }
    Some(())
}

/// One attribute's value: `body` is what was captured of its `alen` bytes,
/// `rest` the message from the value on.
fn attribute(out: &mut Vec<u8>, code: u8, body: &[u8], rest: &[u8], alen: usize) -> Option<()> {
    let b = Bytes(body);
    match code {
        1 => {
            if body.len() != 1 {
                fmt::s(out, "invalid len");
            } else {
                fmt::s(
                    out,
                    match body[0] {
                        0 => "IGP",
                        1 => "EGP",
                        2 => "Incomplete",
                        _ => "Unknown Origin Typecode",
                    },
                );
            }
        }
        2 => as_path(out, rest, alen, false)?,
        17 => as_path(out, rest, alen, true)?,
        3 => {
            if body.len() != 4 {
                fmt::s(out, "invalid len");
            } else {
                fmt::ipv4(out, body);
            }
        }
        4 | 5 => {
            if body.len() != 4 {
                fmt::s(out, "invalid len");
            } else {
                fmt::u(out, b.u32(0)? as u64);
            }
        }
        6 => {
            if !body.is_empty() {
                fmt::s(out, "invalid len");
            }
        }
        7 | 18 => {
            let (as_len, ok) = match (code, body.len()) {
                (7, 6) => (2, true),
                (_, 8) => (4, true),
                _ => (0, false),
            };
            if !ok {
                fmt::s(out, "invalid len");
            } else {
                fmt::s(out, " AS #");
                let v = if as_len == 2 { b.u16(0)? as u32 } else { b.u32(0)? };
                fmt::u(out, v as u64);
                fmt::s(out, ", origin ");
                fmt::ipv4(out, b.slice(as_len, 4)?);
            }
        }
        8 => {
            if !body.len().is_multiple_of(4) {
                fmt::s(out, "invalid len");
            } else {
                for (k, c) in body.chunks(4).enumerate() {
                    if k > 0 {
                        fmt::s(out, ", ");
                    }
                    let v = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
                    match v {
                        0xffff_ff01 => fmt::s(out, "NO_EXPORT"),
                        0xffff_ff02 => fmt::s(out, "NO_ADVERTISE"),
                        0xffff_ff03 => fmt::s(out, "NO_EXPORT_SUBCONFED"),
                        _ => {
                            fmt::u(out, (v >> 16) as u64);
                            out.push(b':');
                            fmt::u(out, (v & 0xffff) as u64);
                        }
                    }
                }
            }
        }
        9 => {
            if body.len() != 4 {
                fmt::s(out, "invalid len");
            } else {
                fmt::ipv4(out, body);
            }
        }
        10 => {
            if !body.len().is_multiple_of(4) {
                fmt::s(out, "invalid len");
            } else {
                for (k, c) in body.chunks(4).enumerate() {
                    if k > 0 {
                        fmt::s(out, ", ");
                    }
                    fmt::ipv4(out, c);
                }
            }
        }
        14 => mp_reach(out, rest, alen)?,
        15 => mp_unreach(out, rest, alen)?,
        16 => {
            if !body.len().is_multiple_of(8) {
                fmt::s(out, "invalid len");
            } else {
                for c in body.chunks(8) {
                    ext_community(out, c)?;
                }
            }
        }
        22 => pmsi_tunnel(out, body)?,
        26 => aigp(out, body)?,
        128 => {
            let origin = b.u32(0)?;
            fmt::s(out, "\n\t    Origin AS: ");
            fmt::u(out, origin as u64);
            attributes(out, body, 4, body.len(), true)?;
        }
        32 => {
            if body.is_empty() || !body.len().is_multiple_of(12) {
                fmt::s(out, "invalid len");
            } else {
                fmt::s(out, "\n\t    ");
                for (k, c) in body.chunks(12).enumerate() {
                    if k > 0 {
                        fmt::s(out, ", ");
                    }
                    let cb = Bytes(c);
                    fmt::u(out, cb.u32(0)? as u64);
                    out.push(b':');
                    fmt::u(out, cb.u32(4)? as u64);
                    out.push(b':');
                    fmt::u(out, cb.u32(8)? as u64);
                }
            }
        }
        _ => {
            fmt::s(out, "\n\t    no Attribute ");
            fmt::u(out, code as u64);
            fmt::s(out, " decoder");
            hex_lines(out, "\n\t    ", body);
        }
    }
    Some(())
}

/// The PMSI tunnel attribute (RFC 6514): tunnel type, flags, label and
/// the tunnel identifier of the types bpfcap knows.
fn pmsi_tunnel(out: &mut Vec<u8>, body: &[u8]) -> Option<()> {
    let b = Bytes(body);
    let flags = b.u8(0)?;
    let ttype = b.u8(1)?;
    let label = b.slice(2, 3)?;
    let name = match ttype {
        0 => "No information",
        1 => "RSVP-TE P2MP LSP",
        2 => "mLDP P2MP LSP",
        3 => "PIM-SSM Tree",
        4 => "PIM-SM Tree",
        5 => "BIDIR-PIM Tree",
        6 => "Ingress Replication",
        7 => "mLDP MP2MP LSP",
        _ => "Unknown",
    };
    fmt::s(out, "\n\t    Tunnel-type ");
    fmt::s(out, name);
    fmt::s(out, " (");
    fmt::u(out, ttype as u64);
    fmt::s(out, "), Flags [");
    fmt::s(out, if flags & 0x01 != 0 { "Leaf Information required" } else { "none" });
    fmt::s(out, "], MPLS Label ");
    let l = ((label[0] as u32) << 12) | ((label[1] as u32) << 4) | (label[2] as u32 >> 4);
    fmt::u(out, l as u64);
    match ttype {
        1 => {
            fmt::s(out, "\n\t      Extended-Tunnel-ID ");
            fmt::ipv4(out, b.slice(5, 4)?);
            fmt::s(out, ", P2MP-ID 0x");
            fmt::x_pad(out, b.u32(9)? as u64, 8);
        }
        3..=5 => {
            fmt::s(out, "\n\t      Sender ");
            fmt::ipv4(out, b.slice(5, 4)?);
            fmt::s(out, ", P-Group ");
            fmt::ipv4(out, b.slice(9, 4)?);
        }
        6 => {
            fmt::s(out, "\n\t      Tunnel-Endpoint ");
            fmt::ipv4(out, b.slice(5, 4)?);
        }
        _ => hex_lines(out, "\n\t      ", body.get(5..).unwrap_or(&[])),
    }
    Some(())
}

fn aigp(out: &mut Vec<u8>, body: &[u8]) -> Option<()> {
    let b = Bytes(body);
    let mut i = 0;
    while i < body.len() {
        let t = b.u8(i)?;
        let l = b.u16(i + 1)? as usize;
        fmt::s(out, "\n\t    ");
        if t == 1 {
            fmt::s(out, "AIGP TLV (1), length ");
            fmt::u(out, l as u64);
            // The whole TLV must have been captured before its metric.
            b.slice(i, l)?;
            fmt::s(out, ", metric ");
            let hi = b.u32(i + 3)? as u64;
            let lo = b.u32(i + 7)? as u64;
            fmt::u(out, (hi << 32) | lo);
        } else {
            fmt::s(out, "Unknown TLV (");
            fmt::u(out, t as u64);
            fmt::s(out, "), length ");
            fmt::u(out, l as u64);
        }
        if l < 3 {
            return Some(());
        }
        b.slice(i, l)?;
        i += l;
    }
    Some(())
}

fn ext_community(out: &mut Vec<u8>, c: &[u8]) -> Option<()> {
    let b = Bytes(c);
    let t = b.u16(0)?;
    let name = match t {
        0x0002 | 0x0102 | 0x0202 => Some("target"),
        0x0003 | 0x0103 | 0x0203 => Some("origin"),
        0x0005 | 0x0105 | 0x0205 => Some("domain-id"),
        0x030c => Some("encapsulation"),
        0x4004 => Some("link-BW"),
        _ => None,
    };
    fmt::s(out, "\n\t    ");
    fmt::s(out, name.unwrap_or("unknown extd community typecode"));
    fmt::s(out, " (0x");
    fmt::x_pad(out, t as u64, 4);
    fmt::s(out, "), Flags [");
    let hi = (t >> 8) as u8;
    match (hi & 0x80 != 0, hi & 0x40 != 0) {
        (false, false) => fmt::s(out, "none"),
        (true, false) => fmt::s(out, "vendor-specific"),
        (false, true) => fmt::s(out, "non-transitive"),
        (true, true) => fmt::s(out, "vendor-specific, non-transitive"),
    }
    fmt::s(out, "]: ");
    match t {
        0x0002 | 0x0003 | 0x0005 => {
            fmt::u(out, b.u16(2)? as u64);
            out.push(b':');
            fmt::u(out, b.u32(4)? as u64);
            fmt::s(out, " (= ");
            fmt::ipv4(out, b.slice(4, 4)?);
            out.push(b')');
        }
        0x0102 | 0x0103 | 0x0105 => {
            fmt::ipv4(out, b.slice(2, 4)?);
            out.push(b':');
            fmt::u(out, b.u16(6)? as u64);
        }
        0x0202 | 0x0203 | 0x0205 => {
            fmt::u(out, b.u32(2)? as u64);
            out.push(b':');
            fmt::u(out, b.u16(6)? as u64);
        }
        0x030c => {
            fmt::s(out, "Tunnel type: ");
            let tt = b.u16(6)?;
            match tt {
                1 => fmt::s(out, "L2TPv3"),
                2 => fmt::s(out, "GRE"),
                7 => fmt::s(out, "IP-in-IP"),
                8 => fmt::s(out, "VXLAN"),
                9 => fmt::s(out, "NVGRE"),
                10 => fmt::s(out, "MPLS"),
                11 => fmt::s(out, "MPLS-in-GRE"),
                12 => fmt::s(out, "VXLAN GPE"),
                13 => fmt::s(out, "MPLS-in-UDP"),
                _ => {
                    fmt::s(out, "Unknown (");
                    fmt::u(out, tt as u64);
                    out.push(b')');
                }
            }
        }
        0x4004 => {
            let bw = f32::from_bits(b.u32(4)?);
            fmt::s(out, "bandwidth: ");
            // Three decimals of megabits per second, without going
            // through a formatter.
            let milli = (bw as f64 * 8.0 / 1000.0).round().max(0.0) as u64;
            fmt::u(out, milli / 1000);
            out.push(b'.');
            fmt::u_pad(out, milli % 1000, 3);
            fmt::s(out, " Mbps");
        }
        _ => {
            for &x in &c[2..] {
                fmt::byte_hex(out, x);
            }
        }
    }
    Some(())
}

/// The `AFI: IPv4 (1), SAFI: Unicast (1)` line of MP_REACH/MP_UNREACH.
fn mp_afi_safi(out: &mut Vec<u8>, afi: u16, safi: u8) {
    fmt::s(out, "\n\t    AFI: ");
    fmt::s(out, afi_name(afi).unwrap_or("Unknown AFI"));
    fmt::s(out, " (");
    fmt::u(out, afi as u64);
    fmt::s(out, "), ");
    if safi > 130 {
        fmt::s(out, "vendor specific ");
    }
    fmt::s(out, "SAFI: ");
    fmt::s(out, if safi == 0 { "Reserved" } else { safi_name(safi).unwrap_or("Unknown SAFI") });
    fmt::s(out, " (");
    fmt::u(out, safi as u64);
    out.push(b')');
}

/// Whether bpfcap decodes the NLRI of this address family.
fn decoded(afi: u16, safi: u8) -> bool {
    matches!((afi, safi), (1 | 2, 1 | 2 | 3 | 4 | 128 | 129 | 130) | (1, 132))
}

/// MP_REACH_NLRI: `data` is the message from the value on, `len` the
/// attribute's length.
fn mp_reach(out: &mut Vec<u8>, data: &[u8], len: usize) -> Option<()> {
    // Unlike MP_UNREACH, tcpdump keeps MP_REACH's header reads within the
    // attribute.
    let b = Bytes(&data[..len.min(data.len())]);
    let afi = b.u16(0)?;
    let safi = b.u8(2)?;
    mp_afi_safi(out, afi, safi);
    if !decoded(afi, safi) {
        no_decoder(out, afi, safi, &data[..len.min(data.len())]);
        return Some(());
    }
    let nhlen = b.u8(3)? as usize;
    let nh = b.slice(4, nhlen)?;
    if nhlen > 0 {
        fmt::s(out, "\n\t    nexthop: ");
        next_hop(out, nh, afi, safi);
    }
    fmt::s(out, ", nh-length: ");
    fmt::u(out, nhlen as u64);
    let mut i = 4 + nhlen;
    let snpas = b.u8(i)?;
    i += 1;
    if snpas == 0 {
        fmt::s(out, ", no SNPA");
    } else {
        fmt::s(out, "\n\t    ");
        fmt::u(out, snpas as u64);
        fmt::s(out, " SNPA");
        for _ in 0..snpas {
            let l = b.u8(i)? as usize;
            fmt::s(out, "\n\t      ");
            fmt::u(out, l as u64);
            fmt::s(out, " bytes");
            b.slice(i + 1, l)?;
            i += 1 + l;
        }
    }
    nlri(out, data.get(i..).unwrap_or(&[]), len.saturating_sub(i), afi, safi)
}

/// `no AFI 25 / SAFI 70 decoder` and the attribute as hex.
fn no_decoder(out: &mut Vec<u8>, afi: u16, safi: u8, body: &[u8]) {
    fmt::s(out, "\n\t    no AFI ");
    fmt::u(out, afi as u64);
    fmt::s(out, " / SAFI ");
    fmt::u(out, safi as u64);
    fmt::s(out, " decoder");
    hex_lines(out, "\n\t    ", body);
}

/// MP_UNREACH_NLRI, like [`mp_reach`].
fn mp_unreach(out: &mut Vec<u8>, data: &[u8], len: usize) -> Option<()> {
    let b = Bytes(data);
    let afi = b.u16(0)?;
    let safi = b.u8(2)?;
    mp_afi_safi(out, afi, safi);
    if !decoded(afi, safi) {
        no_decoder(out, afi, safi, &data[..len.min(data.len())]);
        return Some(());
    }
    if len == 3 {
        fmt::s(out, "\n\t      End-of-Rib Marker (empty NLRI)");
        return Some(());
    }
    nlri(out, data.get(3..).unwrap_or(&[]), len.saturating_sub(3), afi, safi)
}

/// The next hop(s) of an MP_REACH: addresses of the family's size (with
/// a route distinguisher before each for VPNs) while they fit, then
/// `invalid len` for what is left over.
fn next_hop(out: &mut Vec<u8>, nh: &[u8], afi: u16, safi: u8) {
    let vpn = matches!(safi, 128..=130);
    let addr = if afi == 2 { 16 } else { 4 };
    let item = addr + if vpn { 8 } else { 0 };
    let mut rest = nh;
    let mut first = true;
    while rest.len() >= item {
        if !first {
            fmt::s(out, ", ");
        }
        first = false;
        if vpn {
            fmt::s(out, "RD: ");
            let _ = rd(out, &rest[..8]);
            fmt::s(out, ", ");
            rest = &rest[8..];
        }
        if addr == 16 {
            let mut a = [0u8; 16];
            a.copy_from_slice(&rest[..16]);
            fmt::ipv6(out, &a);
        } else {
            fmt::ipv4(out, &rest[..4]);
        }
        rest = &rest[addr..];
    }
    if !rest.is_empty() {
        if !first {
            fmt::s(out, ", ");
        }
        fmt::s(out, "invalid len");
    }
}

/// The NLRI of MP_REACH/MP_UNREACH, one route per line.
fn nlri(out: &mut Vec<u8>, data: &[u8], len: usize, afi: u16, safi: u8) -> Option<()> {
    match safi {
        1..=3 => prefixes(out, data, len, afi, "\n\t      "),
        4 => labeled(out, data, len, afi, false),
        128..=130 => labeled(out, data, len, afi, true),
        132 => rt_routing(out, data, len),
        _ => Some(()),
    }
}

/// Labeled unicast (RFC 8277) and labeled VPN (RFC 4364) prefixes:
/// `RD: 1:1 (= 0.0.0.1), 10.0.0.0/24, label:16 (bottom)`.
fn labeled(out: &mut Vec<u8>, data: &[u8], len: usize, afi: u16, vpn: bool) -> Option<()> {
    let max_bits = if afi == 2 { 128 } else { 32 };
    let fixed = 24 + if vpn { 64 } else { 0 };
    let mut i = 0;
    while i < len {
        let plen = *data.get(i)? as usize;
        if plen < fixed || plen - fixed > max_bits {
            fmt::s(out, "\n\t    (illegal prefix length)");
            return Some(());
        }
        fmt::s(out, "\n\t      ");
        let label = Bytes(data).slice(i + 1, 3)?;
        let mut at = i + 4;
        if vpn {
            fmt::s(out, "RD: ");
            rd(out, data.get(at..at + 8)?)?;
            fmt::s(out, ", ");
            at += 8;
        }
        let bits = plen - fixed;
        let n = bits.div_ceil(8);
        let bytes = data.get(at..at + n)?;
        prefix_text(out, bytes, bits, afi);
        let l = ((label[0] as u32) << 12) | ((label[1] as u32) << 4) | (label[2] as u32 >> 4);
        fmt::s(out, ", label:");
        fmt::u(out, l as u64);
        if label[2] & 1 != 0 {
            fmt::s(out, " (bottom)");
        } else if vpn {
            fmt::s(out, " (BOGUS: Bottom of Stack NOT set!)");
        }
        i = at + n;
    }
    Some(())
}

/// Route target membership (RFC 4684): `origin AS: 22, route-target: 1:2/64 (...)`.
fn rt_routing(out: &mut Vec<u8>, data: &[u8], len: usize) -> Option<()> {
    let mut i = 0;
    while i < len {
        let plen = *data.get(i)? as usize;
        fmt::s(out, "\n\t      ");
        if plen == 0 {
            fmt::s(out, "default route target");
            i += 1;
            continue;
        }
        if !(32..=96).contains(&plen) {
            fmt::s(out, "(illegal prefix length)");
            return Some(());
        }
        let origin = Bytes(data).u32(i + 1)?;
        let bits = plen - 32;
        let n = bits.div_ceil(8);
        let rt = data.get(i + 5..i + 5 + n)?;
        let mut full = [0u8; 8];
        full[..n].copy_from_slice(rt);
        mask(&mut full, bits);
        fmt::s(out, "origin AS: ");
        fmt::u(out, origin as u64);
        let fb = Bytes(&full);
        let rt_type = fb.u16(0)?;
        // The route target's bytes, in groups of two.
        let hex = |out: &mut Vec<u8>| {
            for (k, pair) in full[..n].chunks(2).enumerate() {
                if k > 0 {
                    out.push(b' ');
                }
                for &x in pair {
                    fmt::byte_hex(out, x);
                }
            }
        };
        match rt_type {
            // Only a route target of no bits at all reads as type 0.
            0x0000 | 0x0002 | 0x0102 | 0x0202 => {
                fmt::s(out, ", route-target: ");
                match rt_type {
                    0x0000 | 0x0002 => {
                        fmt::u(out, fb.u16(2)? as u64);
                        out.push(b':');
                        fmt::u(out, fb.u32(4)? as u64);
                    }
                    0x0102 => {
                        fmt::ipv4(out, &full[2..6]);
                        out.push(b':');
                        fmt::u(out, fb.u16(6)? as u64);
                    }
                    _ => {
                        fmt::u(out, fb.u32(2)? as u64);
                        out.push(b':');
                        fmt::u(out, fb.u16(6)? as u64);
                    }
                }
                out.push(b'/');
                fmt::u(out, bits as u64);
                if n > 0 {
                    fmt::s(out, " (");
                    hex(out);
                    out.push(b')');
                }
            }
            _ => {
                fmt::s(out, ", route target: unknown-type(");
                fmt::x_pad(out, rt_type as u64, 4);
                fmt::s(out, ") (");
                hex(out);
                out.push(b'/');
                fmt::u(out, bits as u64);
                out.push(b')');
            }
        }
        i += 5 + n;
    }
    Some(())
}

// ---------------------------------------------------------- NOTIFICATION

fn error_name(code: u8) -> &'static str {
    match code {
        1 => "Message Header Error",
        2 => "OPEN Message Error",
        3 => "UPDATE Message Error",
        4 => "Hold Timer Expired",
        5 => "Finite State Machine Error",
        6 => "Cease",
        7 => "Capability Message Error",
        _ => "Unknown Error",
    }
}

fn subcode_name(code: u8, sub: u8) -> &'static str {
    match (code, sub) {
        (1, 1) => "Connection Not Synchronized",
        (1, 2) => "Bad Message Length",
        (1, 3) => "Bad Message Type",
        (2, 1) => "Unsupported Version Number",
        (2, 2) => "Bad Peer AS",
        (2, 3) => "Bad BGP Identifier",
        (2, 4) => "Unsupported Optional Parameter",
        (2, 5) => "Authentication Failure",
        (2, 6) => "Unacceptable Hold Time",
        (2, 7) => "Capability Message Error",
        (3, 1) => "Malformed Attribute List",
        (3, 2) => "Unrecognized Well-known Attribute",
        (3, 3) => "Missing Well-known Attribute",
        (3, 4) => "Attribute Flags Error",
        (3, 5) => "Attribute Length Error",
        (3, 6) => "Invalid ORIGIN Attribute",
        (3, 7) => "AS Routing Loop",
        (3, 8) => "Invalid NEXT_HOP Attribute",
        (3, 9) => "Optional Attribute Error",
        (3, 10) => "Invalid Network Field",
        (3, 11) => "Malformed AS_PATH",
        (6, 1) => "Maximum Number of Prefixes Reached",
        (6, 2) => "Administrative Shutdown",
        (6, 3) => "Peer Unconfigured",
        (6, 4) => "Administrative Reset",
        (6, 5) => "Connection Rejected",
        (6, 6) => "Other Configuration Change",
        (6, 7) => "Connection Collision Resolution",
        (6, 8) => "Out of Resources",
        (7, 1) => "Invalid Action Value",
        (7, 2) => "Invalid Capability Length",
        (7, 3) => "Malformed Capability Value",
        (7, 4) => "Unsupported Capability Code",
        _ => "Unknown",
    }
}

fn notification(out: &mut Vec<u8>, msg: &[u8]) -> Option<()> {
    let b = Bytes(msg);
    let hlen = b.u16(16)? as usize;
    // A message without room for the error code shows only its header.
    if hlen < 21 {
        return Some(());
    }
    let code = b.u8(19)?;
    let sub = b.u8(20)?;
    fmt::s(out, ", ");
    fmt::s(out, error_name(code));
    fmt::s(out, " (");
    fmt::u(out, code as u64);
    out.push(b')');
    // Only the codes with subcodes show one (code 7 without a comma).
    match code {
        1..=3 | 6 => out.push(b','),
        7 => {}
        _ => return Some(()),
    }
    fmt::s(out, " subcode ");
    fmt::s(out, subcode_name(code, sub));
    fmt::s(out, " (");
    fmt::u(out, sub as u64);
    out.push(b')');
    if code == 6 && sub == 1 && hlen >= 28 {
        fmt::s(out, ", AFI ");
        let afi = b.u16(21)?;
        fmt::s(out, afi_name(afi).unwrap_or("Unknown"));
        fmt::s(out, " (");
        fmt::u(out, afi as u64);
        fmt::s(out, "), SAFI ");
        let safi = b.u8(23)?;
        fmt::s(out, safi_name(safi).unwrap_or("Unknown"));
        fmt::s(out, " (");
        fmt::u(out, safi as u64);
        fmt::s(out, "), Max Prefixes: ");
        fmt::u(out, b.u32(24)? as u64);
    } else if code == 6 && (sub == 2 || sub == 4) && hlen > 21 {
        let slen = b.u8(21)? as usize;
        let remain = hlen - 22;
        if slen == 0 {
            fmt::s(out, ", empty Shutdown Communication");
            if remain > 0 {
                let data = b.slice(22, remain)?;
                fmt::s(out, ", Data: (length: ");
                fmt::u(out, remain as u64);
                out.push(b')');
                hex_lines(out, "\n\t\t", data);
            }
        } else if slen > 255 || slen > remain {
            fmt::s(out, ", invalid Shutdown Communication length");
            let data = b.slice(21, hlen - 21)?;
            fmt::s(out, ", Data: (length: ");
            fmt::u(out, (hlen - 21) as u64);
            out.push(b')');
            hex_lines(out, "\n\t\t", data);
        } else {
            let text = b.slice(22, slen)?;
            fmt::s(out, ", Shutdown Communication (length: ");
            fmt::u(out, slen as u64);
            fmt::s(out, "): \"");
            super::pptp::wire_string(out, text);
            out.push(b'"');
            let rest = remain - slen;
            if rest > 0 {
                let data = b.slice(22 + slen, rest)?;
                fmt::s(out, ", Data: (length: ");
                fmt::u(out, rest as u64);
                out.push(b')');
                hex_lines(out, "\n\t\t", data);
            }
        }
    }
    Some(())
}

// --------------------------------------------------------- ROUTE-REFRESH

fn route_refresh(out: &mut Vec<u8>, msg: &[u8]) -> Option<()> {
    let b = Bytes(msg);
    let afi = b.u16(19)?;
    let safi = b.u8(22)?;
    fmt::s(out, "\n\t  ");
    afi_safi(out, afi, safi);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::PrintOptions;
    use crate::dlt::Dlt;

    use crate::display::testutil::unhex as hex;

    fn run(verbose: u8, payload: &str) -> String {
        let opts = PrintOptions { verbose, ..PrintOptions::default() };
        let mut p = Printer::new(opts, Dlt(1));
        let data = hex(payload);
        let mut out = Vec::new();
        print(&mut p, &data, data.len(), &mut out);
        String::from_utf8(out).unwrap()
    }

    const MARKER: &str = "ffffffffffffffffffffffffffffffff";

    /// Payloads from the corpus and tcpdump 4.99.3's text for them.
    #[test]
    fn messages_as_tcpdump_prints_them() {
        let update = format!(
            "{MARKER}005f020000002f4001010240020c020500c800015ba05ba05ba04003040100020\
             1e011120204000000010003640e00051615fffffffa2004040404200505050520010101\
             0120020202022003030303"
        );
        let notification = format!("{MARKER}00290306040a30313233343536373839457874726144617461");
        for (verbose, payload, want) in [
            (0, format!("{MARKER}001304"), ": BGP"),
            (0, "00".to_string(), ": BGP"),
            (1, format!("{MARKER}001304"), ": BGP\n\tKeepalive Message (4), length: 19"),
            (
                1,
                update,
                ": BGP\n\tUpdate Message (2), length: 95\
                 \n\t  Origin (1), length: 1, Flags [T]: Incomplete\
                 \n\t  AS Path (2), length: 12, Flags [T]: 200 1 23456 23456 23456 \
                 \n\t  Next Hop (3), length: 4, Flags [T]: 1.0.2.1\
                 \n\t  AS4 Path (17), length: 18, Flags [OTP]: 1 222222 333333 4294967290 \
                 \n\t  Updated routes:\
                 \n\t    4.4.4.4/32\n\t    5.5.5.5/32\n\t    1.1.1.1/32\
                 \n\t    2.2.2.2/32\n\t    3.3.3.3/32",
            ),
            (
                1,
                notification,
                ": BGP\n\tNotification Message (3), length: 41, Cease (6), subcode \
                 Administrative Reset (4), Shutdown Communication (length: 10): \
                 \"0123456789\", Data: (length: 9)\n\t\t0x0000:  4578 7472 6144 6174 61",
            ),
            // A message cut short by the capture is only named.
            (1, format!("{MARKER}005f02"), ": BGP\n[|BGP Update]"),
        ] {
            assert_eq!(run(verbose, &payload), want, "{payload}");
        }
    }
}
