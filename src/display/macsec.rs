//! IEEE 802.1AE MACsec (ethertype 0x88e5), as tcpdump prints it.
//!
//! The SecTAG holds the TCI and association number, a short length, the
//! packet number and (when the SC bit is set) the secure channel id. Its
//! summary `an 0, pn 72, flags ECI, sci 2eb73f3995c30001, ` is printed
//! with `-e`, and without it for frames whose data is encrypted or changed
//! (then introduced by `SRC > DST 802.1AE MACsec, `), which are dumped in
//! hex. Integrity-only frames carry a clear ethertype and payload: without
//! `-e` only the payload is printed, with `-e` the summary, then
//! `ethertype IPv4 (0x0800), ` and the payload.

use super::{Bytes, Dump, Printer, fmt, link};

/// The integrity check value closing every MACsec frame.
const ICV: usize = 16;

/// Prints the MACsec frame whose SecTAG starts at `data` (`base` in the
/// frame); `macs` are the frame's source and destination.
pub(crate) fn print(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    macs: (&[u8], &[u8]),
    out: &mut Vec<u8>,
    dump: &mut Dump,
    base: usize,
) {
    let b = Bytes(data);
    let eflag = p.opts.link_header;
    let Some(tci) = b.u8(0) else {
        dump.net_off = base + data.len();
        fmt::s(out, " [|macsec]");
        return;
    };
    let sc = tci & 0x20 != 0;
    let hlen = if sc { 14 } else { 6 };
    let (Some(sl), Some(pn)) = (b.u8(1), b.u32(2)) else {
        dump.net_off = base + data.len();
        fmt::s(out, " [|macsec]");
        return;
    };
    let sci = if sc { b.slice(6, 8) } else { Some(&[][..]) };
    let Some(sci) = sci else {
        dump.net_off = base + data.len();
        fmt::s(out, " [|macsec]");
        return;
    };
    let sl = (sl & 0x3f) as usize;
    // The user data: the short length when set, else all but the ICV.
    let dlen = if sl != 0 { sl } else { wire.saturating_sub(hlen + ICV) };
    let opaque = tci & 0x0c != 0;
    let summary = |out: &mut Vec<u8>| {
        fmt::s(out, "an ");
        fmt::u(out, (tci & 3) as u64);
        fmt::s(out, ", pn ");
        fmt::u(out, pn as u64);
        fmt::s(out, ", flags ");
        for (bit, c) in
            [(0x80, b'V'), (0x08, b'E'), (0x04, b'C'), (0x40, b'S'), (0x20, b'I'), (0x10, b'B')]
        {
            if tci & bit != 0 {
                out.push(c);
            }
        }
        if sl != 0 {
            fmt::s(out, ", sl ");
            fmt::u(out, sl as u64);
        }
        if sc {
            fmt::s(out, ", sci ");
            fmt::hex_bytes(out, sci);
        }
        fmt::s(out, ", ");
    };
    if opaque {
        if !eflag {
            fmt::mac(out, macs.0);
            fmt::s(out, " > ");
            fmt::mac(out, macs.1);
            fmt::s(out, " 802.1AE MACsec, ");
        }
        summary(out);
        dump.forced = Some(base + hlen);
        dump.net_off = base + hlen;
        return;
    }
    if eflag {
        summary(out);
    }
    if data.len() < hlen + dlen + ICV {
        dump.net_off = base + data.len();
        fmt::s(out, " [|macsec]");
        return;
    }
    let Some(t) = b.u16(hlen) else {
        dump.net_off = base + data.len();
        fmt::s(out, " [|macsec]");
        return;
    };
    if eflag {
        fmt::s(out, "ethertype ");
        fmt::s(out, link::ethertype_name(t));
        fmt::s(out, " (0x");
        fmt::x_pad(out, t as u64, 4);
        fmt::s(out, "), ");
    }
    let at = hlen + 2;
    let end = (hlen + dlen).max(at);
    dump.net_off = base + at;
    link::payload(p, t, &data[at..end], end - at, out, dump, base + at, !eflag);
}
