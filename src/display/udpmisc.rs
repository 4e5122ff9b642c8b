//! The UDP ports of NTP, AHCP, Babel, HNCP, sFlow and PTP, in the order
//! tcpdump tries them.
//!
//! tcpdump picks a UDP dissector by port, either end, from one ordered
//! list, so when both ports are known the earlier protocol wins. Probing
//! it with port pairs shows NTP, AHCP, Babel and HNCP (in that order)
//! coming before HSRP and BFD (which it picks by destination port only),
//! and sFlow then PTP after them; the transport layer calls
//! [`udp_misc`] once on each side of its HSRP and BFD checks.

use super::{ahcp, babel, hncp, ntp, ptp, sflow};

/// NTP, AHCP, Babel and HNCP (`first`, which tcpdump tries before HSRP
/// and BFD), or sFlow and PTP (after them), by UDP port at either end, in
/// tcpdump's order.
pub(crate) fn udp_misc(
    sport: u16,
    dport: u16,
    payload: &[u8],
    plen: usize,
    first: bool,
    out: &mut Vec<u8>,
) -> Option<()> {
    let port = |x: u16| sport == x || dport == x;
    if first {
        if port(123) {
            ntp::print(payload, plen, out);
        } else if port(5359) {
            ahcp::print(payload, plen, out);
        } else if port(6696) || port(6697) {
            babel::print(payload, plen, out);
        } else if port(8231) {
            hncp::print(payload, plen, out);
        } else {
            return None;
        }
    } else if port(6343) {
        sflow::print(payload, plen, out);
    } else if port(319) || port(320) {
        ptp::print(payload, out);
    } else {
        return None;
    }
    Some(())
}
