//! Telnet option negotiation (RFC 854, RFC 855) on TCP port 23.
//!
//! When a segment starts with IAC, tcpdump prints its commands in
//! brackets after the TCP line: ` [telnet DONT OLD-ENVIRON, SB TERMINAL
//! TYPE SEND SE]`. Negotiations name the option; a subnegotiation runs to
//! its IAC SE, its first byte named IS or SEND when it is 0 or 1, the
//! other bytes shown as `0x..` numbers. A command the capture cuts short ends the
//! line with ` [|telnet]`. The text that follows the commands is not
//! printed.

use super::fmt;

const IAC: u8 = 255;
const SB: u8 = 250;
const SE: u8 = 240;

const OPTIONS: [&str; 40] = [
    "BINARY",
    "ECHO",
    "RCP",
    "SUPPRESS GO AHEAD",
    "NAME",
    "STATUS",
    "TIMING MARK",
    "RCTE",
    "NAOL",
    "NAOP",
    "NAOCRD",
    "NAOHTS",
    "NAOHTD",
    "NAOFFD",
    "NAOVTS",
    "NAOVTD",
    "NAOLFD",
    "EXTEND ASCII",
    "LOGOUT",
    "BYTE MACRO",
    "DATA ENTRY TERMINAL",
    "SUPDUP",
    "SUPDUP OUTPUT",
    "SEND LOCATION",
    "TERMINAL TYPE",
    "END OF RECORD",
    "TACACS UID",
    "OUTPUT MARKING",
    "TTYLOC",
    "3270 REGIME",
    "X.3 PAD",
    "NAWS",
    "TSPEED",
    "LFLOW",
    "LINEMODE",
    "XDISPLOC",
    "OLD-ENVIRON",
    "AUTHENTICATION",
    "ENCRYPT",
    "NEW-ENVIRON",
];

fn command(c: u8) -> Option<&'static str> {
    Some(match c {
        236 => "EOF",
        237 => "SUSP",
        238 => "ABORT",
        239 => "EOR",
        240 => "SE",
        241 => "NOP",
        242 => "DMARK",
        243 => "BRK",
        244 => "IP",
        245 => "AO",
        246 => "AYT",
        247 => "EC",
        248 => "EL",
        249 => "GA",
        250 => "SB",
        251 => "WILL",
        252 => "WONT",
        253 => "DO",
        254 => "DONT",
        255 => "IAC",
        _ => return None,
    })
}

/// `%#x`: `0`, else `0x` and hex digits.
fn hash_x(out: &mut Vec<u8>, v: u8) {
    if v == 0 {
        out.push(b'0');
    } else {
        fmt::s(out, "0x");
        fmt::x(out, v as u64);
    }
}

fn option(out: &mut Vec<u8>, o: u8) {
    match OPTIONS.get(o as usize) {
        Some(n) => fmt::s(out, n),
        None => hash_x(out, o),
    }
}

/// Whether a TCP payload is telnet commands tcpdump would print.
pub(crate) fn starts(data: &[u8]) -> bool {
    data.first() == Some(&IAC)
}

/// Prints the commands at the start of a telnet segment; true if the
/// capture cut one short (where tcpdump's `-x` dump starts at the link
/// layer).
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) -> bool {
    let mut i = 0;
    let mut first = true;
    while data.get(i) == Some(&IAC) {
        let Some(&c) = data.get(i + 1) else {
            if !first {
                fmt::s(out, " [|telnet]");
            }
            return !first;
        };
        // The whole command, its end found before anything is printed.
        let end = match c {
            251..=254 => i + 3,
            SB => match data[i + 2..].windows(2).position(|w| w == [IAC, SE]) {
                Some(p) if data.len() > i + 2 => i + 2 + p + 2,
                _ => usize::MAX,
            },
            _ => i + 2,
        };
        if end > data.len() {
            // A first command cut short prints nothing at all.
            if !first {
                fmt::s(out, " [|telnet]");
            }
            return !first;
        }
        fmt::s(out, if first { " [telnet " } else { ", " });
        first = false;
        match command(c) {
            // An escaped 255 data byte.
            Some("IAC") => fmt::s(out, "IAC IAC"),
            Some(n) => fmt::s(out, n),
            None => hash_x(out, c),
        }
        if matches!(c, 251..=254) {
            out.push(b' ');
            option(out, data[i + 2]);
        } else if c == SB {
            let opt = data[i + 2];
            out.push(b' ');
            option(out, opt);
            let body = &data[i + 3..end - 2];
            let mut rest = body;
            // The first byte names the subnegotiation's verb.
            if let Some((&q, r)) = body.split_first() {
                match q {
                    0 => fmt::s(out, " IS"),
                    1 => fmt::s(out, " SEND"),
                    _ => {
                        out.push(b' ');
                        hash_x(out, q);
                    }
                }
                rest = r;
            }
            for &b in rest {
                out.push(b' ');
                hash_x(out, b);
            }
            fmt::s(out, " SE");
        }
        i = end;
    }
    out.push(b']');
    false
}
