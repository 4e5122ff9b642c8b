//! ISAKMP/IKE (UDP 500) and its NAT-traversal form on UDP 4500 (RFC 3948),
//! as tcpdump prints them without `-v`:
//!
//! * IKEv1: `isakmp: phase 1 I ident[E]`: the phase (message ID zero or
//!   not), whether the sender is the initiator (`I`), the responder (`R`)
//!   or unknown (`?`), the exchange type and the encryption/commit flags;
//! * IKEv2: `isakmp: parent_sa ikev2_init[I]` (`child_sa ` for a non-zero
//!   message ID), with the initiator/version/response flags;
//! * port 4500: `NONESP-encap: ` before an IKE message (a zero non-ESP
//!   marker), `UDP-encap: ESP(...)` otherwise, and `isakmp-nat-keep-alive`
//!   for the one-byte keepalive.
//!
//! IKEv1 has no initiator flag, so tcpdump remembers, per initiator
//! cookie, which address sent the first packet (the one with an all-zero
//! responder cookie) and compares later senders with it; [`Cookies`]
//! keeps that table the same way (20 entries reused in turn, starting
//! zeroed, so an all-zero cookie finds an empty entry and prints `?`).
//! The payloads that `-v` lists are not dissected.

use super::ip::Addrs;
use super::{Bytes, Printer, fmt, ipsec};

/// How many IKEv1 exchanges the initiator table remembers.
const SLOTS: usize = 20;

/// One remembered exchange: its initiator cookie and both addresses.
#[derive(Clone, Copy, Default)]
struct Slot {
    cookie: [u8; 8],
    /// Address length (4 or 16; 0 for an unused slot).
    alen: u8,
    initiator: [u8; 16],
    responder: [u8; 16],
}

/// The IKEv1 initiator table.
#[derive(Clone, Default)]
pub(crate) struct Cookies {
    slots: [Slot; SLOTS],
    next: usize,
}

fn pad16(a: &[u8]) -> [u8; 16] {
    let mut x = [0u8; 16];
    let n = a.len().min(16);
    x[..n].copy_from_slice(&a[..n]);
    x
}

impl Cookies {
    fn find(&self, cookie: &[u8]) -> Option<usize> {
        self.slots.iter().position(|s| s.cookie[..] == *cookie)
    }

    fn record(&mut self, cookie: &[u8], addrs: &Addrs<'_>) {
        let slot = &mut self.slots[self.next];
        slot.cookie.copy_from_slice(&cookie[..8]);
        slot.alen = addrs.src.len() as u8;
        slot.initiator = pad16(addrs.src);
        slot.responder = pad16(addrs.dst);
        self.next = (self.next + 1) % SLOTS;
    }

    /// `I`, `R` or `?` for the sender of an IKEv1 message.
    fn side(&mut self, icookie: &[u8], rcookie: &[u8], addrs: &Addrs<'_>) -> u8 {
        match self.find(icookie) {
            None if rcookie.iter().all(|&b| b == 0) => {
                self.record(icookie, addrs);
                b'I'
            }
            None => b'?',
            Some(i) => {
                let s = &self.slots[i];
                let src = pad16(addrs.src);
                if s.alen as usize != addrs.src.len() {
                    b'?'
                } else if s.initiator == src {
                    b'I'
                } else if s.responder == src {
                    b'R'
                } else {
                    b'?'
                }
            }
        }
    }
}

/// tcpdump's names for the exchange types (one table for both versions).
fn exchange_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0 => "none",
        1 => "base",
        2 => "ident",
        3 => "auth",
        4 => "agg",
        5 => "inf",
        32 => "oakley-quick",
        33 => "oakley-newgroup",
        34 => "ikev2_init",
        35 => "ikev2_auth",
        36 => "child_sa",
        37 => "inf2",
        _ => return None,
    })
}

fn exchange(out: &mut Vec<u8>, name: Option<&str>, t: u8) {
    match name {
        Some(n) => fmt::s(out, n),
        None => {
            out.push(b'#');
            fmt::u(out, t as u64);
        }
    }
}

/// An ISAKMP message (`isakmp: ...`).
pub(crate) fn print(p: &mut Printer, addrs: &Addrs<'_>, data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(icookie), Some(rcookie), Some(ver), Some(xt), Some(flags), Some(msgid), Some(_)) =
        (b.slice(0, 8), b.slice(8, 8), b.u8(17), b.u8(18), b.u8(19), b.u32(20), b.u32(24))
    else {
        fmt::s(out, " [|isakmp]");
        return;
    };
    fmt::s(out, "isakmp:");
    match ver >> 4 {
        1 => {
            fmt::s(out, if msgid == 0 { " phase 1 " } else { " phase 2/others " });
            out.push(p.isakmp.side(icookie, rcookie, addrs));
            out.push(b' ');
            exchange(out, exchange_name(xt), xt);
            if flags != 0 {
                out.push(b'[');
                if flags & 1 != 0 {
                    out.push(b'E');
                }
                if flags & 2 != 0 {
                    out.push(b'C');
                }
                out.push(b']');
            }
        }
        2 => {
            fmt::s(out, if msgid == 0 { " parent_sa " } else { " child_sa  " });
            exchange(out, exchange_name(xt), xt);
            if flags != 0 {
                out.push(b'[');
                if flags & 0x08 != 0 {
                    out.push(b'I');
                }
                if flags & 0x10 != 0 {
                    out.push(b'V');
                }
                if flags & 0x20 != 0 {
                    out.push(b'R');
                }
                out.push(b']');
            }
        }
        _ => {}
    }
}

/// UDP port 4500: a keepalive, IKE behind a zero non-ESP marker, or ESP.
pub(crate) fn nat_t(
    p: &mut Printer,
    addrs: &Addrs<'_>,
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) {
    if len == 1 && data.first() == Some(&0xff) {
        fmt::s(out, "isakmp-nat-keep-alive");
        return;
    }
    let b = Bytes(data);
    let Some(marker) = b.u32(0) else {
        // Cut short by the capture, tcpdump unwinds (whole-packet -x dump).
        p.dump_whole |= data.len() < len;
        fmt::s(out, " [|isakmp_rfc3948]");
        return;
    };
    if marker == 0 {
        fmt::s(out, "NONESP-encap: ");
        print(p, addrs, &data[4..], out);
    } else {
        fmt::s(out, "UDP-encap: ");
        ipsec::esp(data, len, out);
    }
}
