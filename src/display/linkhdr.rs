//! Capture pseudo-headers of a few link types cut short, as tcpdump
//! prints them. (IPoIB, ipnet, NFLOG, vsock, SLIP and IEEE 802.15.4 have
//! their own modules: [`super::ipoib`], [`super::ipnet`], [`super::nflog`],
//! [`super::vsock`], [`super::slip`], [`super::ieee802154`].)
//!
//! * Juniper ATM1 and ES PIC headers cut short (`[|juniper_atm1]`, with
//!   their `-e` forms), and Sun raw ATM (`DLT_SUNATM`) cut short on its
//!   OAM and signalling circuits when [`super::atm`] leaves a packet
//!   undissected. Juniper Ethernet and the other Juniper types are in
//!   [`super::juniper`], ATM in [`super::atm`].

use super::{Bytes, Printer, fmt};

/// Juniper ATM1 (`atm1`) and ES PIC headers when the capture ends within
/// them or right after the protocol field; `false` for anything longer.
pub(crate) fn juniper_pic_short(
    p: &mut Printer,
    atm1: bool,
    data: &[u8],
    out: &mut Vec<u8>,
) -> bool {
    let b = Bytes(data);
    let (Some(magic), Some(flags)) = (b.slice(0, 3), b.u8(3)) else {
        return false;
    };
    let cookie = if atm1 { 4 } else { 0 };
    let hlen = 4 + cookie;
    if magic != b"MGC" || flags & 0x80 != 0 || data.len() > hlen + 2 {
        return false;
    }
    let trunc = if atm1 { " [|juniper_atm1]" } else { " [|juniper_es]" };
    p.dump_whole = true;
    if p.opts.link_header {
        fmt::s(out, if flags & 1 != 0 { " In " } else { "Out " });
        if let Some(c) = b.slice(4, cookie) {
            fmt::s(out, if atm1 { "ATM1-PIC, cookie-len " } else { "ES-PIC, cookie-len " });
            fmt::u(out, cookie as u64);
            if cookie > 0 {
                fmt::s(out, ", cookie 0x");
                fmt::hex_bytes(out, c);
            }
            fmt::s(out, ": ");
            if let Some(proto) = b.u16(hlen) {
                fmt::s(out, "hlen ");
                fmt::u(out, hlen as u64);
                fmt::s(out, ", proto 0x");
                fmt::x_pad(out, proto as u64, 4);
                fmt::s(out, ", ");
            }
        }
    }
    fmt::s(out, trunc);
    true
}

/// Sun ATM: a flags byte (top bit: transmitted), VPI and VCI, then a cell
/// payload; only a payload too short for its signalling (VCI 5) or OAM
/// (VCI 3 and 4) header is recognised.
pub(crate) fn sunatm_short(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(flags), Some(vpi), Some(vci)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        return false;
    };
    let trunc = match vci {
        3 | 4 if data.len() < 4 + 5 => " [|oam]",
        5 if data.len() < 4 + 9 => " [|atm]",
        _ => return false,
    };
    if p.opts.link_header {
        fmt::s(out, if flags & 0x80 != 0 { "Tx: VPI:" } else { "Rx: VPI:" });
        fmt::u(out, vpi as u64);
        fmt::s(out, " VCI:");
        fmt::u(out, vci as u64);
        out.push(b' ');
    }
    p.dump_whole = true;
    fmt::s(out, trunc);
    true
}
