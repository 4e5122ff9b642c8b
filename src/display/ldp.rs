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
//! decode (label release, label abort), are dumped as hex. Not dissected:
//! the pseudowire (Martini) FEC beyond its length check, and TLVs of other
//! FEC elements. The handling of malformed PDUs (short messages, TLVs past
//! their message, reads bounded by the TLV) was matched against tcpdump
//! on fuzzed captures.

use super::l2ctl::hex_lines;
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
    // The whole common header is needed before anything is shown.
    b.slice(0, 10)?;
    if verbose {
        fmt::s(out, "\n\t");
    }
    if version != 1 {
        fmt::s(out, "LDP version ");
        fmt::u(out, version as u64);
        fmt::s(out, " packet not supported");
        return Some(0);
    }
    let pdu_len = b.u16(2)? as usize;
    if pdu_len < 6 {
        // Too short to hold the LDP identifier.
        fmt::s(out, "LDP, pdu-length: ");
        fmt::u(out, pdu_len as u64);
        fmt::s(out, " (too short, < 6)");
        return Some(0);
    }
    let lsr = b.slice(4, 4)?;
    let space = b.u16(8)?;
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
    let mut i: usize = 10;
    // tcpdump counts the PDU's bytes down in an unsigned number: a message
    // longer than what is left wraps it around, and it then reads messages
    // on until the capture runs out.
    let mut left = (pdu_len as u32).wrapping_sub(6);
    while left > 0 {
        match message(out, data, i)? {
            Next::Skip(n) => {
                i += n;
                left = left.wrapping_sub(n as u32);
            }
            Next::Stop => return Some(0),
        }
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

/// What printing a message left to do.
enum Next {
    /// Go on `n` bytes further.
    Skip(usize),
    /// Stop printing the packet (tcpdump gives up on a message too short
    /// to hold its ID, without a truncation marker).
    Stop,
}

/// One message at `at`.
fn message(out: &mut Vec<u8>, data: &[u8], at: usize) -> Option<Next> {
    let b = Bytes(data);
    // The message header is read whole before any of it is shown.
    b.slice(at, 8)?;
    let raw = b.u16(at)?;
    let t = raw & 0x7fff;
    let mlen = b.u16(at + 2)? as usize;
    fmt::s(out, "\n\t  ");
    fmt::s(out, message_name(t).unwrap_or("Unknown"));
    fmt::s(out, " Message (0x");
    fmt::x_pad(out, t as u64, 4);
    fmt::s(out, "), length: ");
    fmt::u(out, mlen as u64);
    if mlen < 4 {
        fmt::s(out, " (too short, < 4)");
        return Some(Next::Stop);
    }
    let id = b.u32(at + 4)?;
    fmt::s(out, ", Message ID: 0x");
    fmt::x_pad(out, id as u64, 8);
    fmt::s(out, ", Flags: [");
    fmt::s(out, unknown_action(raw));
    fmt::s(out, " if unknown]");
    // tcpdump checks that the message's length, counted from its start,
    // was captured.
    b.slice(at, mlen)?;
    let end = at + 4 + mlen;
    // tcpdump picks the decoder by the type with the U bit still in it,
    // so a message with the bit set is dumped as hex.
    match raw {
        0x0001 | 0x0100 | 0x0200 | 0x0201 | 0x0300 | 0x0301 | 0x0400 | 0x0402 => {
            let mut i = at + 8;
            while i + 4 <= end {
                let tlen = b.u16(i + 2)? as usize;
                if i + 4 + tlen > end {
                    fmt::s(out, "\n\t\t TLV contents go past end of message");
                    break;
                }
                tlv(out, data, i)?;
                i += 4 + tlen;
            }
        }
        // Dumped as far as it was captured; what follows decides whether
        // a truncation marker comes.
        _ => {
            let body = data.get(at + 8..).unwrap_or(&[]);
            hex_lines(out, "\n\t  ", &body[..body.len().min(mlen - 4)]);
        }
    }
    Some(Next::Skip(4 + mlen))
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
        0x0502 => "Frame-Relay Session Parameters",
        0x0503 => "Fault-Tolerant Session Parameters",
        0x0600 => "Label Request Message ID",
        0x0601 => "MTU",
        _ => return None,
    })
}

/// `v` in hex with at least `width` digits (C's `%0*x`).
fn hex_min(out: &mut Vec<u8>, v: u64, width: usize) {
    if v >> (4 * width) != 0 {
        fmt::x(out, v);
    } else {
        fmt::x_pad(out, v, width);
    }
}

/// One TLV at `at`, whose value lies within its message. Reads past the
/// value or the capture end the packet with `[|ldp]`.
fn tlv(out: &mut Vec<u8>, data: &[u8], at: usize) -> Option<()> {
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
    fmt::s(out, if raw & 0x4000 != 0 { " and do forward" } else { " and don't forward" });
    fmt::s(out, " if unknown]");
    let min = match t {
        0x0400 | 0x0401 | 0x0402 | 0x0200 => 4,
        0x0403 => 16,
        0x0500 => 8,
        0x0300 => 8,
        0x0503 => 12,
        0x0101 => 2,
        0x0100 => 1,
        _ => 0,
    };
    if tlen < min {
        invalid(out, tlen, min);
        return Some(());
    }
    // The value as captured: reads past it are truncation.
    let value = data.get(at + 4..).unwrap_or(&[]);
    let value = &value[..value.len().min(tlen)];
    let v = Bytes(value);
    let ind = "\n\t      ";
    match t {
        0x0400 => {
            let hold = v.u16(0)?;
            let flags = v.u16(2)?;
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
            let a = v.slice(0, 4)?;
            fmt::s(out, ind);
            fmt::s(out, "IPv4 Transport Address: ");
            fmt::ipv4(out, a);
        }
        0x0403 => {
            let a: [u8; 16] = v.slice(0, 16)?.try_into().ok()?;
            fmt::s(out, ind);
            fmt::s(out, "IPv6 Transport Address: ");
            fmt::ipv6(out, &a);
        }
        0x0601 => {
            let mtu = v.u16(0)?;
            fmt::s(out, ind);
            fmt::s(out, "MTU: ");
            fmt::u(out, mtu as u64);
        }
        0x0402 => {
            let n = v.u32(0)?;
            fmt::s(out, ind);
            fmt::s(out, "Sequence Number: ");
            fmt::u(out, n as u64);
        }
        0x0101 => {
            let af = v.u16(0)?;
            fmt::s(out, ind);
            fmt::s(out, "Address Family: ");
            let size = match af {
                1 => 4,
                2 => 16,
                _ => 0,
            };
            match address_family_name(af) {
                Some(name) => fmt::s(out, name),
                None => {
                    fmt::s(out, "Unknown (");
                    fmt::u(out, af as u64);
                    out.push(b')');
                }
            }
            fmt::s(out, ", addresses");
            if size > 0 {
                let mut i = 2;
                while i + size <= tlen {
                    let a = v.slice(i, size)?;
                    out.push(b' ');
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
            let version = v.u16(0)?;
            let keepalive = v.u16(2)?;
            // tcpdump takes the A and D bits from the two bytes after the
            // flags (it shows "Loop Detection Disabled" for a D bit set).
            let flags = v.u8(6)?;
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
        0x0100 => fec(out, value, tlen)?,
        0x0200 => {
            let label = v.u32(0)? & 0x000f_ffff;
            fmt::s(out, ind);
            fmt::s(out, "Label: ");
            fmt::u(out, label as u64);
        }
        0x0300 => {
            let code = v.u32(0)?;
            fmt::s(out, ind);
            fmt::s(out, "Status: 0x");
            hex_min(out, (code & 0x3fff_ffff) as u64, 2);
            fmt::s(out, ", Flags: [");
            fmt::s(
                out,
                if code & 0x8000_0000 != 0 { "Fatal error" } else { "Advisory Notification" },
            );
            fmt::s(
                out,
                if code & 0x4000_0000 != 0 { " and do forward]" } else { " and don't forward]" },
            );
            let id = v.u32(4)?;
            if id != 0 {
                fmt::s(out, ", causing Message ID: 0x");
                fmt::x_pad(out, id as u64, 8);
            }
        }
        // An undecoded value is dumped as far as it was captured, without
        // a truncation marker.
        _ => hex_lines(out, ind, value),
    }
    Some(())
}

/// IANA address family numbers, as tcpdump names them.
fn address_family_name(af: u16) -> Option<&'static str> {
    Some(match af {
        0 => "Reserved",
        1 => "IPv4",
        2 => "IPv6",
        3 => "NSAP",
        4 => "HDLC",
        5 => "BBN 1822",
        6 => "802",
        7 => "E.163",
        8 => "E.164",
        9 => "F.69",
        10 => "X.121",
        11 => "IPX",
        12 => "Appletalk",
        13 => "Decnet IV",
        14 => "Banyan Vines",
        15 => "E.164 with NSAP subaddress",
        _ => return None,
    })
}

/// ` [tlv length 2 < 8] (invalid)`.
fn invalid(out: &mut Vec<u8>, len: usize, min: usize) {
    fmt::s(out, " [tlv length ");
    fmt::u(out, len as u64);
    fmt::s(out, " < ");
    fmt::u(out, min as u64);
    fmt::s(out, "] (invalid)");
}

/// The first FEC element of a FEC TLV; `value` is the captured part of
/// its `tlen` bytes.
fn fec(out: &mut Vec<u8>, value: &[u8], tlen: usize) -> Option<()> {
    let v = Bytes(value);
    let elem = v.u8(0)?;
    fmt::s(out, "\n\t      ");
    match elem {
        0x01 => fmt::s(out, "Wildcard FEC (0x01)"),
        0x03 => fmt::s(out, "Host address FEC (0x03)"),
        0x80 => {
            fmt::s(out, "Martini VC FEC (0x80)");
            if tlen - 1 < 11 {
                invalid(out, tlen - 1, 11);
            }
        }
        0x02 => {
            fmt::s(out, "Prefix FEC (0x02)");
            if tlen - 1 < 2 {
                invalid(out, tlen - 1, 2);
                return Some(());
            }
            let af = v.u16(1)?;
            let plen = v.u8(3)? as usize;
            fmt::s(out, ": ");
            let size = match af {
                1 => 4,
                2 => 16,
                _ => {
                    fmt::s(out, "Address family ");
                    fmt::u(out, af as u64);
                    fmt::s(out, " prefix");
                    return Some(());
                }
            };
            if plen > size * 8 {
                fmt::s(out, if af == 1 { "IPv4" } else { "IPv6" });
                fmt::s(out, " prefix (invalid length)");
                return Some(());
            }
            let n = plen.div_ceil(8);
            let mut a = [0u8; 16];
            a[..n].copy_from_slice(v.slice(4, n)?);
            // Bits past the prefix length are cleared.
            for (i, byte) in a.iter_mut().enumerate() {
                let start = i * 8;
                if start >= plen {
                    *byte = 0;
                } else if plen - start < 8 {
                    *byte &= 0xffu8 << (8 - (plen - start));
                }
            }
            if af == 1 {
                fmt::s(out, "IPv4 prefix ");
                fmt::ipv4(out, &a[..4]);
            } else {
                fmt::s(out, "IPv6 prefix ");
                fmt::ipv6(out, &a);
            }
            out.push(b'/');
            fmt::u(out, plen as u64);
        }
        _ => {
            fmt::s(out, "Unknown FEC (0x");
            fmt::x_pad(out, elem as u64, 2);
            out.push(b')');
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(verbose: u8, payload: &str) -> String {
        crate::display::testutil::render(verbose, payload, |p, d, out| print(p, d, d.len(), out))
    }

    /// The hello of mpls-ldp-hello.pcap, a KeepAlive, and tcpdump's text.
    #[test]
    fn pdus_as_tcpdump_prints_them() {
        let hello = "000100260a0100020000\
                     0100001c00011970\
                     04000004000f0000\
                     040100040a010002\
                     0402000400000001"
            .to_string();
        for (verbose, payload, want) in [
            (0, hello.as_str(), "LDP, Label-Space-ID: 10.1.0.2:0, pdu-length: 38"),
            (
                1,
                hello.as_str(),
                "\n\tLDP, Label-Space-ID: 10.1.0.2:0, pdu-length: 38\
                 \n\t  Hello Message (0x0100), length: 28, Message ID: 0x00011970, Flags: \
                 [ignore if unknown]\
                 \n\t    Common Hello Parameters TLV (0x0400), length: 4, Flags: \
                 [ignore and don't forward if unknown]\
                 \n\t      Hold Time: 15s, Flags: [Link Hello]\
                 \n\t    IPv4 Transport Address TLV (0x0401), length: 4, Flags: \
                 [ignore and don't forward if unknown]\
                 \n\t      IPv4 Transport Address: 10.1.0.2\
                 \n\t    Configuration Sequence Number TLV (0x0402), length: 4, Flags: \
                 [ignore and don't forward if unknown]\
                 \n\t      Sequence Number: 1",
            ),
            // 18 bytes or fewer print nothing, even a whole KeepAlive.
            (0, "0001000ec0a8000200000201000400000002", ""),
            (
                0,
                "00010002c0a800020000020100040000000000020000",
                "LDP, pdu-length: 2 (too short, < 6)",
            ),
        ] {
            assert_eq!(run(verbose, payload), want, "{payload}");
        }
    }
}
