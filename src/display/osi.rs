//! OSI network-layer packets, chosen by their first byte (the NLPID), as
//! tcpdump prints them over LLC (SAP 0xfe), Cisco HDLC and BSD NULL
//! (`AF ISO`). With `-e` the NLPID is named first
//! (`OSI NLPID IS-IS (0x83): `); without it an unknown NLPID reads
//! `OSI NLPID 0x78 unknown, length: 2` and its bytes follow as tcpdump's
//! inline hex lines.
//!
//! CLNP, ES-IS and IS-IS go to [`super::clnp`], [`super::esis`] and
//! [`super::isis`]; the other known NLPIDs get the honest
//! `OSI NLPID ... (not dissected)` line.

use super::{Printer, clnp, esis, fmt, fr, hex_dump, isis};

fn nlpid_name(n: u8) -> Option<&'static str> {
    Some(match n {
        0x00 => "NULL",
        0x08 => "Q.933",
        0x80 => "IEEE 802.1 SNAP",
        0x81 => "CLNP",
        0x82 => "ES-IS",
        0x83 => "IS-IS",
        0x8e => "IPv6",
        0xcc => "IPv4",
        0xcf => "PPP",
        _ => return None,
    })
}

/// Prints the OSI packet in `data` (`len` bytes on the wire).
pub(crate) fn print(p: &mut Printer, data: &[u8], len: usize, out: &mut Vec<u8>) {
    let Some(&nlpid) = data.first() else {
        // tcpdump gives up here by unwinding: `-x` dumps the whole frame.
        fmt::s(out, " [|isoclns]");
        p.dump_whole = true;
        return;
    };
    let name = nlpid_name(nlpid);
    if p.opts.link_header {
        fmt::s(out, "OSI NLPID ");
        fmt::s(out, name.unwrap_or("Unknown"));
        fmt::s(out, " (0x");
        fmt::x_pad(out, nlpid as u64, 2);
        fmt::s(out, "): ");
    }
    match nlpid {
        0x81 => return clnp::print(p, data, len, out),
        0x82 => return esis::print(p, data, len, out),
        0x83 => return isis::print(p, data, len, out),
        0x08 => return fr::q933(p, &data[1..], len.saturating_sub(1), out),
        0xcc => {
            return super::ip::ipv4(p, &data[1..], len.saturating_sub(1), out, !p.opts.link_header);
        }
        0x8e => {
            return super::ip::ipv6(p, &data[1..], len.saturating_sub(1), out, !p.opts.link_header);
        }
        0xcf => return super::ppp::in_osi(p, &data[1..], len.saturating_sub(1), out),
        // The null network layer (ISO 8473's inactive subset) carries no
        // header to show: tcpdump writes only the length.
        0x00 => {
            if !p.opts.link_header {
                fmt::s(out, ", ");
            }
            fmt::s(out, "length: ");
            fmt::u(out, len as u64);
            return;
        }
        _ => {}
    }
    match name {
        None => {
            if !p.opts.link_header {
                fmt::s(out, "OSI NLPID 0x");
                fmt::x_pad(out, nlpid as u64, 2);
                fmt::s(out, " unknown, ");
            }
            fmt::s(out, "length: ");
            fmt::u(out, len as u64);
            if len > 1 {
                hex_dump(out, &data[..data.len().min(len)], false);
            }
        }
        Some(name) => {
            if !p.opts.link_header {
                fmt::s(out, "OSI NLPID ");
                fmt::s(out, name);
                out.push(b' ');
            }
            fmt::s(out, "(not dissected), length ");
            fmt::u(out, len as u64);
        }
    }
}
