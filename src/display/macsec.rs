//! IEEE 802.1AE MACsec (ethertype 0x88e5).
//!
//! The SecTAG follows the ethertype: the TCI/AN byte (version, end
//! station, SCI present, single copy broadcast, encrypted, changed, and
//! the association number), the short length, the 32-bit packet number
//! and, when the SC bit is set, the 8-byte secure channel id. A 16-byte
//! integrity check value ends the frame.
//!
//! With `-e` tcpdump prints the SecTAG (`an 0, pn 68, flags I, sci
//! 2eb73f3995c30001, `) after the Ethernet header. A frame that is
//! neither encrypted nor changed carries a readable payload, printed as
//! Ethernet from its ethertype on (without `-e` that payload is all there
//! is). An encrypted or changed payload is dumped in hex, and without `-e`
//! the line is then `SRC > DST 802.1AE MACsec, ` and the SecTAG.

use super::{Bytes, Dump, Printer, fmt, link};

const ICV: usize = 16;

/// Prints a MACsec frame; `data` is the whole Ethernet frame.
pub(crate) fn ether(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let eflag = p.opts.link_header;
    if eflag {
        fmt::mac(out, &data[6..12]);
        fmt::s(out, " > ");
        fmt::mac(out, &data[0..6]);
        fmt::s(out, ", ");
        link::ethertype_q(out, 0x88e5, p.opts.quiet);
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    let b = Bytes(data);
    let (Some(tci), Some(sl)) = (b.u8(14), b.u8(15)) else {
        fmt::s(out, " [|macsec]");
        dump.net_off = data.len();
        return;
    };
    let has_sci = tci & 0x20 != 0;

    let end = if has_sci { 28 } else { 20 };
    if data.len() < end {
        fmt::s(out, " [|macsec]");
        dump.net_off = data.len();
        return;
    }
    // A set version bit or reserved short-length bits make the tag
    // invalid.
    if tci & 0x80 != 0 || sl & 0xc0 != 0 {
        fmt::s(out, " (invalid)");
        dump.net_off = data.len();
        return;
    }
    let sl = (sl & 0x3f) as usize;
    let readable = tci & 0x0c == 0;
    let sectag = |out: &mut Vec<u8>| {
        fmt::s(out, "an ");
        fmt::u(out, u64::from(tci & 0x03));
        fmt::s(out, ", pn ");
        fmt::u(out, u64::from(b.u32(16).unwrap_or(0)));
        fmt::s(out, ", flags ");
        for (bit, c) in [(0x08, b'E'), (0x04, b'C'), (0x40, b'S'), (0x10, b'B'), (0x20, b'I')] {
            if tci & bit != 0 {
                out.push(c);
            }
        }
        if sl != 0 {
            fmt::s(out, ", sl ");
            fmt::u(out, sl as u64);
        }
        if has_sci {
            fmt::s(out, ", sci ");
            fmt::hex_bytes(out, &data[20..28]);
        }
        fmt::s(out, ", ");
    };
    if !readable {
        if !eflag {
            fmt::mac(out, &data[6..12]);
            fmt::s(out, " > ");
            fmt::mac(out, &data[0..6]);
            fmt::s(out, " 802.1AE MACsec, ");
        }
        sectag(out);
        dump.net_off = end;
        dump.forced = Some(end);
        return;
    }
    // The payload (from its ethertype) is the short length when one is
    // given, and then all of it and the ICV must have been captured;
    // otherwise it is whatever was captured before the last 16 bytes.
    let plen = if sl != 0 { sl } else { wire.saturating_sub(end + ICV) };
    if eflag {
        sectag(out);
    }
    let need = if sl != 0 { end + sl + ICV } else { end + ICV };
    if data.len() < need {
        fmt::s(out, " [|macsec]");
        dump.net_off = data.len();
        return;
    }
    let stop = if sl != 0 { end + sl } else { data.len() - ICV };
    if stop < end + 2 {
        // The inner ethertype is missing: tcpdump unwinds.
        fmt::s(out, " [|ether]");
        p.dump_whole = true;
        return;
    }
    let t = b.u16(end).unwrap_or(0);
    if eflag {
        link::ethertype_q(out, t, p.opts.quiet);
        fmt::s(out, ", ");
    }
    let off = end + 2;
    dump.net_off = off;
    link::payload(p, t, &data[off..stop], plen.saturating_sub(2), out, dump, off, !eflag);
}
