//! The application protocols over UDP and TCP that ride on remote
//! procedure calls or small well-known ports: AFS's Rx ([`rx`]) and the
//! others added beside it, picked by port in the order tcpdump tries them.
//!
//! The transport layer calls [`udp`] once a UDP header has been printed;
//! `None` means none of these protocols claims the ports, and the caller
//! goes on with its own list.

use super::ip::Addrs;
use super::{Printer, krb, rx, someip, syslog, tftp};

/// The state these protocols keep between packets: the Rx calls that
/// name later replies.
#[derive(Default)]
pub(crate) struct State {
    rx: rx::RxCache,
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
    if rx::is_rx(sport, dport) {
        if !rx::print(&mut p.rpc.rx, addrs, sport, dport, data, len, out) {
            p.dump_whole = true;
        }
        return Some(());
    }
    let port = |x: u16| sport == x || dport == x;
    if port(69) {
        tftp::print(data, len, out);
    } else if port(88) {
        krb::print(data, out);
    } else if port(514) {
        syslog::print(data, len, out);
    } else if port(30490) {
        someip::print(data, out);
    } else {
        return None;
    }
    Some(())
}
