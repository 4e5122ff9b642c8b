//! LDP, the Label Distribution Protocol (RFC 5036), on TCP and UDP port
//! 646.
//!
//! Every LDP PDU starts with a ten-byte header: version, PDU length (not
//! counting the first four bytes), and the LDP identifier, which is the
//! LSR's router id and a two-byte label space. At default verbosity
//! tcpdump prints the header of the first PDU only,
//! `LDP, Label-Space-ID: 192.168.0.2:0, pdu-length: 28`, right after the
//! UDP `: ` or glued to the TCP `length N` (tcpdump writes no separator
//! there). A payload of 18 bytes or less (a PDU header plus one message
//! header) prints nothing at all, even a complete KeepAlive.
//!
//! With `-v` every PDU of the payload gets its own line, each message a
//! line (`Hello Message (0x0100), length: 28, Message ID: 0x00011970,
//! Flags: [ignore if unknown]`) and each TLV a line with its value below:
//! hello parameters, transport addresses, configuration sequence number,
//! address lists, session parameters, prefix FECs, generic labels and
//! status. Other TLVs, and the bodies of message types tcpdump does not
//! decode (label release, label abort), are dumped as hex.

use super::{Bytes, Printer, fmt};

/// The PDU header plus a message header: tcpdump prints a PDU only while
/// more than this much of the payload is left.
const MIN_PAYLOAD: usize = 18;

/// Prints the LDP part of a TCP or UDP line; `data` is the captured
/// payload and `len` its length on the wire.
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let verbose = p.opts.verbose > 0;
    let mut off = 0;
    let mut left = len;
    // Each PDU consumes at least its four-byte header, so the loop is
    // bounded by the payload's length.
    while left > MIN_PAYLOAD {
        let Some(used) = pdu(out, data.get(off..).unwrap_or(&[]), verbose) else {
            fmt::s(out, " [|ldp]");
            return;
        };
        if !verbose || used == 0 {
            return;
        }
        off += used;
        left = left.saturating_sub(used);
    }
}

/// One PDU; answers how many bytes it took, 0 to stop.
fn pdu(out: &mut Vec<u8>, data: &[u8], verbose: bool) -> Option<usize> {
    let b = Bytes(data);
    let version = b.u16(0)?;
    let pdu_len = b.u16(2)? as usize;
    let lsr = b.slice(4, 4)?;
    let space = b.u16(8)?;
    if verbose {
        fmt::s(out, "\n\t");
    }
    if version != 1 {
        fmt::s(out, "LDP version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return Some(0);
    }
    fmt::s(out, "LDP, Label-Space-ID: ");
    fmt::ipv4(out, lsr);
    out.push(b':');
    fmt::u(out, space as u64);
    fmt::s(out, ", pdu-length: ");
    fmt::u(out, pdu_len as u64);
    if !verbose {
        return Some(0);
    }
    let end = 4 + pdu_len;
    let mut i = 10;
    while i + 8 <= end {
        i += message(out, data, i)?;
    }
    Some(end)
}

fn message_name(t: u16) -> Option<&'static str> {
    Some(match t {
        0x0001 => "Notification",
        0x0100 => "Hello",
        0x0200 => "Initialization",
        0x0201 => "Keepalive",
        0x0300 => "Address",
        0x0301 => "Address Withdraw",
        0x0400 => "Label Mapping",
        0x0401 => "Label Request",
        0x0402 => "Label Withdraw",
        0x0403 => "Label Release",
        0x0404 => "Label Abort Request",
        _ => return None,
    })
}

/// tcpdump's words for the U bit: what a receiver that does not know the
/// message or TLV does with it.
fn unknown_action(raw: u16) -> &'static str {
    if raw & 0x8000 != 0 { "continue processing" } else { "ignore" }
}

/// One message at `at`; answers its size including the four-byte header.
fn message(out: &mut Vec<u8>, data: &[u8], at: usize) -> Option<usize> {
    let b = Bytes(data);
    let raw = b.u16(at)?;
    let t = raw & 0x7fff;
    let mlen = b.u16(at + 2)? as usize;
    let id = b.u32(at + 4)?;
    fmt::s(out, "\n\t  ");
    fmt::s(out, message_name(t).unwrap_or("Unknown"));
    fmt::s(out, " Message (0x");
    fmt::x_pad(out, t as u64, 4);
    fmt::s(out, "), length: ");
    fmt::u(out, mlen as u64);
    fmt::s(out, ", Message ID: 0x");
    fmt::x_pad(out, id as u64, 8);
    fmt::s(out, ", Flags: [");
    fmt::s(out, unknown_action(raw));
    fmt::s(out, " if unknown]");
    let end = at + 4 + mlen;
    match t {
        0x0001 | 0x0100 | 0x0200 | 0x0201 | 0x0300 | 0x0301 | 0x0400 | 0x0401 | 0x0402 => {
            let mut i = at + 8;
            while i + 4 <= end {
                i += tlv(out, data, i)?;
            }
        }
        _ => {
            let body = b.slice(at + 8, mlen.saturating_sub(4))?;
            hex_lines(out, "\n\t  ", body);
        }
    }
    Some(4 + mlen)
}

fn tlv_name(t: u16) -> Option<&'static str> {
    Some(match t {
        0x0100 => "FEC",
        0x0101 => "Address List",
        0x0103 => "Hop Count",
        0x0104 => "Path Vector",
        0x0200 => "Generic Label",
        0x0201 => "ATM Label",
        0x0202 => "Frame-Relay Label",
        0x0300 => "Status",
        0x0301 => "Extended Status",
        0x0302 => "Returned PDU",
        0x0303 => "Returned Message",
        0x0400 => "Common Hello Parameters",
        0x0401 => "IPv4 Transport Address",
        0x0402 => "Configuration Sequence Number",
        0x0403 => "IPv6 Transport Address",
        0x0500 => "Common Session Parameters",
        0x0501 => "ATM Session Parameters",
        0x0502 => "Frame Relay Session Parameters",
        0x0503 => "Fault-Tolerant Session Parameters",
        0x0600 => "Label Request Message ID",
        _ => return None,
    })
}

/// tcpdump's hex dump of undecoded bytes: `PREFIX0x0000:  4000 0000`.
fn hex_lines(out: &mut Vec<u8>, prefix: &str, data: &[u8]) {
    for (line, chunk) in data.chunks(16).enumerate() {
        fmt::s(out, prefix);
        fmt::s(out, "0x");
        fmt::x_pad(out, (line * 16) as u64, 4);
        fmt::s(out, ": ");
        for pair in chunk.chunks(2) {
            out.push(b' ');
            for &x in pair {
                fmt::byte_hex(out, x);
            }
        }
    }
}

/// One TLV at `at`; answers its size including the four-byte header.
fn tlv(out: &mut Vec<u8>, data: &[u8], at: usize) -> Option<usize> {
    let b = Bytes(data);
    let raw = b.u16(at)?;
    let t = raw & 0x3fff;
    let tlen = b.u16(at + 2)? as usize;
    fmt::s(out, "\n\t    ");
    fmt::s(out, tlv_name(t).unwrap_or("Unknown"));
    fmt::s(out, " TLV (0x");
    fmt::x_pad(out, t as u64, 4);
    fmt::s(out, "), length: ");
    fmt::u(out, tlen as u64);
    fmt::s(out, ", Flags: [");
    fmt::s(out, unknown_action(raw));
    fmt::s(out, if raw & 0x4000 != 0 { " and forward" } else { " and don't forward" });
    fmt::s(out, " if unknown]");
    let v = at + 4;
    let ind = "\n\t      ";
    let min = match t {
        0x0400 | 0x0401 | 0x0402 | 0x0200 => 4,
        0x0403 => 16,
        0x0500 => 14,
        0x0300 => 10,
        0x0503 => 12,
        0x0101 | 0x0100 => 1,
        _ => 0,
    };
    if tlen < min {
        fmt::s(out, " [tlv length ");
        fmt::u(out, tlen as u64);
        fmt::s(out, " < ");
        fmt::u(out, min as u64);
        fmt::s(out, "] (invalid)");
        return Some(4 + tlen);
    }
    // The whole value must have been captured before any of it is shown.
    b.slice(v, tlen)?;
    match t {
        0x0400 => {
            let hold = b.u16(v)?;
            let flags = b.u16(v + 2)?;
            fmt::s(out, ind);
            fmt::s(out, "Hold Time: ");
            fmt::u(out, hold as u64);
            fmt::s(out, "s, Flags: [");
            fmt::s(out, if flags & 0x8000 != 0 { "Targeted Hello" } else { "Link Hello" });
            if flags & 0x4000 != 0 {
                fmt::s(out, ", Request for targeted Hellos");
            }
            out.push(b']');
        }
        0x0401 => {
            fmt::s(out, ind);
            fmt::s(out, "IPv4 Transport Address: ");
            fmt::ipv4(out, b.slice(v, 4)?);
        }
        0x0403 => {
            let a: [u8; 16] = b.slice(v, 16)?.try_into().ok()?;
            fmt::s(out, ind);
            fmt::s(out, "IPv6 Transport Address: ");
            fmt::ipv6(out, &a);
        }
        0x0402 => {
            fmt::s(out, ind);
            fmt::s(out, "Sequence Number: ");
            fmt::u(out, b.u32(v)? as u64);
        }
        0x0101 => {
            let af = b.u16(v)?;
            fmt::s(out, ind);
            fmt::s(out, "Address Family: ");
            let size = match af {
                1 => 4,
                2 => 16,
                _ => 0,
            };
            fmt::s(
                out,
                if af == 1 {
                    "IPv4"
                } else if af == 2 {
                    "IPv6"
                } else {
                    "Unknown"
                },
            );
            if size > 0 {
                fmt::s(out, ", addresses");
                let mut i = v + 2;
                while i + size <= v + tlen {
                    out.push(b' ');
                    let a = b.slice(i, size)?;
                    if size == 4 {
                        fmt::ipv4(out, a);
                    } else {
                        let a: [u8; 16] = a.try_into().ok()?;
                        fmt::ipv6(out, &a);
                    }
                    i += size;
                }
            }
        }
        0x0500 => {
            let version = b.u16(v)?;
            let keepalive = b.u16(v + 2)?;
            // tcpdump takes the A and D bits from the two bytes after the
            // flags (it shows "Loop Detection Disabled" for a D bit set).
            let flags = b.u8(v + 6)?;
            fmt::s(out, ind);
            fmt::s(out, "Version: ");
            fmt::u(out, version as u64);
            fmt::s(out, ", Keepalive: ");
            fmt::u(out, keepalive as u64);
            fmt::s(out, "s, Flags: [");
            fmt::s(
                out,
                if flags & 0x80 != 0 { "Downstream On Demand" } else { "Downstream Unsolicited" },
            );
            fmt::s(
                out,
                if flags & 0x40 != 0 {
                    ", Loop Detection Enabled"
                } else {
                    ", Loop Detection Disabled"
                },
            );
            out.push(b']');
        }
        0x0100 => fec(out, data, v, tlen)?,
        0x0200 => {
            fmt::s(out, ind);
            fmt::s(out, "Label: ");
            fmt::u(out, (b.u32(v)? & 0x000f_ffff) as u64);
        }
        0x0300 => {
            let code = b.u32(v)?;
            fmt::s(out, ind);
            fmt::s(out, "Status: 0x");
            fmt::x_pad(out, (code & 0x3fff_ffff) as u64, 2);
            fmt::s(out, ", Flags: [");
            fmt::s(
                out,
                if code & 0x8000_0000 != 0 { "Fatal error" } else { "Advisory Notification" },
            );
            fmt::s(
                out,
                if code & 0x4000_0000 != 0 { " and forward]" } else { " and don't forward]" },
            );
        }
        _ => {
            let body = b.slice(v, tlen)?;
            hex_lines(out, ind, body);
        }
    }
    Some(4 + tlen)
}

/// The FEC elements of a FEC TLV.
fn fec(out: &mut Vec<u8>, data: &[u8], v: usize, tlen: usize) -> Option<()> {
    let b = Bytes(data);
    let elem = b.u8(v)?;
    fmt::s(out, "\n\t      ");
    match elem {
        0x01 => fmt::s(out, "Wildcard FEC (0x01)"),
        0x02 | 0x03 => {
            fmt::s(out, if elem == 2 { "Prefix FEC (0x02)" } else { "Host address FEC (0x03)" });
            let af = b.u16(v + 1)?;
            let plen = b.u8(v + 3)? as usize;
            fmt::s(out, ": ");
            match af {
                1 => {
                    if plen > 32 {
                        fmt::s(out, "IPv4 prefix (invalid length)");
                        return Some(());
                    }
                    let n = plen.div_ceil(8);
                    let mut a = [0u8; 4];
                    a[..n].copy_from_slice(b.slice(v + 4, n)?);
                    fmt::s(out, "IPv4 prefix ");
                    fmt::ipv4(out, &a);
                }
                2 => {
                    if plen > 128 {
                        fmt::s(out, "IPv6 prefix (invalid length)");
                        return Some(());
                    }
                    let n = plen.div_ceil(8);
                    let mut a = [0u8; 16];
                    a[..n].copy_from_slice(b.slice(v + 4, n)?);
                    fmt::s(out, "IPv6 prefix ");
                    fmt::ipv6(out, &a);
                }
                _ => {
                    fmt::s(out, "Address family ");
                    fmt::u(out, af as u64);
                    fmt::s(out, " prefix");
                    return Some(());
                }
            }
            out.push(b'/');
            fmt::u(out, plen as u64);
        }
        _ => {
            fmt::s(out, "Unknown FEC (0x");
            fmt::x_pad(out, elem as u64, 2);
            out.push(b')');
            let body = b.slice(v, tlen)?;
            hex_lines(out, "\n\t      ", body);
        }
    }
    Some(())
}
