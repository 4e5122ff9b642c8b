//! Application protocols over UDP and TCP, picked by port: Sun RPC with
//! NFS ([`nfs`], UDP and TCP 2049), AFS's Rx ([`rx`], UDP 7000-7009),
//! Kerberos, SNMP, Cisco Auto-RP, syslog, zephyr, timed, lwres, VQP and
//! SOME/IP on UDP.
//!
//! tcpdump recognises NFS by the RPC message's direction before it looks
//! at any port list, and so does [`udp`]; the other protocols' ports do
//! not overlap, except syslog (514) and zephyr (2103, 2104), where the
//! corpus shows syslog winning. The transport layer calls [`udp`] once a
//! UDP header has been printed (`None`: none of these protocols claims
//! the ports, and the caller goes on with its own list), and [`tcp`]
//! after a segment's `length N`.

use super::ip::Addrs;
use super::{Printer, autorp, fmt, krb, lwres, nfs, rx, snmp, someip, syslog, timed, vqp, zephyr};

/// The state these protocols keep between packets: the Rx and NFS calls
/// that name later replies.
#[derive(Default)]
pub(crate) struct State {
    rx: rx::RxCache,
    nfs: nfs::XidMap,
}

/// Prints a UDP payload (`len` bytes, `data` as captured) if its ports
/// belong to one of these protocols.
pub(crate) fn udp(
    p: &mut Printer,
    addrs: &Addrs<'_>,
    sport: u16,
    dport: u16,
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) -> Option<()> {
    if sport == 2049 || dport == 2049 {
        // Sun RPC to or from the NFS server: tcpdump tries it before any
        // port list, by the message's direction.
        match nfs::direction(data, sport, dport) {
            Some(true) => {
                p.dump_whole |= nfs::request(&mut p.rpc.nfs, addrs.src, addrs.dst, data, len, out);
                return Some(());
            }
            Some(false) => {
                p.dump_whole |= nfs::reply(&p.rpc.nfs, addrs.src, addrs.dst, data, len, out);
                return Some(());
            }
            None => {}
        }
    }
    if rx::is_rx(sport, dport) {
        if !rx::print(&mut p.rpc.rx, addrs, sport, dport, data, len, out) {
            p.dump_whole = true;
        }
        return Some(());
    }
    let port = |x: u16| sport == x || dport == x;
    if port(88) {
        p.dump_whole |= krb::print(data, out);
    } else if port(161) || port(162) {
        snmp::print(data, out);
    } else if port(496) {
        p.dump_whole |= autorp::print(data, out);
    } else if port(514) {
        syslog::print(data, len, out);
    } else if port(2103) || port(2104) {
        p.dump_whole |= zephyr::print(data, out)?;
    } else if port(525) {
        timed::print(data, out);
        // A short timed message unwinds tcpdump's printer: -x dumps it all.
        p.unwound_at(out, " [|timed]");
    } else if port(921) {
        lwres::print(data, len, out);
    } else if port(1589) {
        vqp::print(data, len, out);
    } else if port(30490) {
        someip::print(data, len, out);
    } else {
        return None;
    }
    Some(())
}

/// Prints what follows a TCP segment's `length N` for these protocols'
/// ports (nothing if none claims them).
pub(crate) fn tcp(
    p: &mut Printer,
    addrs: &Addrs<'_>,
    sport: u16,
    dport: u16,
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) {
    let port = |x: u16| sport == x || dport == x;
    if port(2049) {
        // Sun RPC over TCP: a four-byte record mark, then the message.
        let msg = data.get(4..).unwrap_or(&[]);
        let mlen = len.saturating_sub(4);
        match nfs::direction(msg, sport, dport) {
            Some(true) => {
                fmt::s(out, ": ");
                p.dump_whole |= nfs::request(&mut p.rpc.nfs, addrs.src, addrs.dst, msg, mlen, out);
            }
            Some(false) => {
                fmt::s(out, ": ");
                p.dump_whole |= nfs::reply(&p.rpc.nfs, addrs.src, addrs.dst, msg, mlen, out);
            }
            None => {}
        }
    }
}
