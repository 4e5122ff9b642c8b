//! The BSD time synchronisation protocol (timed, TSP) on UDP port 525.
//!
//! tcpdump prints the message type, the version and the sequence number,
//! then for a LOOP message the hop count, and the sender's host name:
//! `TSP_LOOP vers 1 seq 15498 hopcnt 10 name OTTO.testlab.dev.bluearc.com`;
//! the time-setting messages (ADJTIME, SETTIME, SETDATE, SETDATEREQ) show
//! their time as `time SECONDS.MICROSECONDS`.

use super::krb::vis_byte;
use super::{Bytes, fmt};

const TYPES: [&str; 25] = [
    "TSP_ANY",
    "TSP_ADJTIME",
    "TSP_ACK",
    "TSP_MASTERREQ",
    "TSP_MASTERACK",
    "TSP_SETTIME",
    "TSP_MASTERUP",
    "TSP_SLAVEUP",
    "TSP_ELECTION",
    "TSP_ACCEPT",
    "TSP_REFUSE",
    "TSP_CONFLICT",
    "TSP_RESOLVE",
    "TSP_QUIT",
    "TSP_DATE",
    "TSP_DATEREQ",
    "TSP_DATEACK",
    "TSP_TRACEON",
    "TSP_TRACEOFF",
    "TSP_MSITE",
    "TSP_MSITEREQ",
    "TSP_TEST",
    "TSP_SETDATE",
    "TSP_SETDATEREQ",
    "TSP_LOOP",
];

/// Prints a TSP message (the UDP payload).
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) {
    let b = Bytes(data);
    let (Some(ty), Some(vers), Some(seq)) = (b.u8(0), b.u8(1), b.u16(2)) else {
        fmt::s(out, "[|timed]");
        return;
    };
    match TYPES.get(ty as usize) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "(tsp_type 0x");
            fmt::x(out, ty as u64);
            out.push(b')');
        }
    }
    fmt::s(out, " vers ");
    fmt::u(out, vers as u64);
    fmt::s(out, " seq ");
    fmt::u(out, seq as u64);
    if matches!(ty, 1 | 5 | 22 | 23) {
        let (Some(sec), Some(usec)) = (b.u32(4), b.u32(8)) else {
            fmt::s(out, " [|timed]");
            return;
        };
        fmt::s(out, " time ");
        let sec = sec as i32;
        if sec < 0 {
            out.push(b'-');
        }
        fmt::u(out, sec.unsigned_abs() as u64);
        out.push(b'.');
        fmt::u_pad(out, usec as u64, 6);
    }
    if ty == 24 {
        let Some(hops) = b.u8(4) else {
            fmt::s(out, " [|timed]");
            return;
        };
        fmt::s(out, " hopcnt ");
        fmt::u(out, hops as u64);
    }
    fmt::s(out, " name ");
    for &c in data.get(12..).unwrap_or(&[]).iter().take(256) {
        if c == 0 {
            return;
        }
        vis_byte(out, c);
    }
    if data.len() < 12 + 256 {
        fmt::s(out, " [|timed]");
    }
}
