//! Telnet option negotiation (RFC 854, RFC 855) on TCP port 23.
//!
//! When a segment starts with IAC, tcpdump lists its commands after the
//! TCP length: ` [telnet DONT OLD-ENVIRON, SB TERMINAL TYPE SEND SE]`.
//! Commands and options go by their arpa/telnet.h names (unknown option
//! numbers in hex); the bytes of a subnegotiation are printed in hex
//! (`0` for zero) up to its IAC SE, after `IS`/`SEND`/`INFO` for the
//! options that use them. A command cut short by the end of the segment
//! ends the list with ` [|telnet]`. Plain data after the commands is not
//! shown.

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

/// Command names for codes 236 to 255.
const COMMANDS: [&str; 20] = [
    "EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO", "AYT", "EC", "EL",
    "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
];

/// Whether tcpdump prints the segment as Telnet commands.
pub(crate) fn applies(data: &[u8]) -> bool {
    data.first() == Some(&IAC)
}

/// `%#x`: `0`, or the value in hex after `0x`.
fn hex(out: &mut Vec<u8>, v: u8) {
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
        None => hex(out, o),
    }
}

/// Appends ` [telnet ...]` for the commands at the start of `data`;
/// false when a command was cut short (tcpdump then gives up on the packet
/// the way that makes its -x dump start at the link layer).
pub(crate) fn print(out: &mut Vec<u8>, data: &[u8]) -> bool {
    fmt::s(out, " [telnet ");
    let mut i = 0;
    let mut first = true;
    while data.get(i) == Some(&IAC) {
        let Some(&c) = data.get(i + 1) else {
            fmt::s(out, " [|telnet]");
            return false;
        };
        // Find the whole command before writing any of it.
        let len = match c {
            251..=254 => 3,
            SB => match data
                .get(i + 2..)
                .and_then(|rest| rest.windows(2).position(|w| w == [IAC, SE]))
            {
                Some(at) if at > 0 => at + 4,
                _ => usize::MAX,
            },
            _ => 2,
        };
        if len == usize::MAX || i + len > data.len() {
            fmt::s(out, " [|telnet]");
            return false;
        }
        if !first {
            fmt::s(out, ", ");
        }
        first = false;
        if c >= 236 {
            fmt::s(out, COMMANDS[(c - 236) as usize]);
        } else {
            hex(out, c);
        }
        match c {
            251..=254 => {
                out.push(b' ');
                option(out, data[i + 2]);
            }
            SB => {
                let o = data[i + 2];
                out.push(b' ');
                option(out, o);
                let body = &data[i + 3..i + len - 2];
                let mut rest = body;
                // Options whose subnegotiation starts with IS/SEND/INFO.
                if matches!(o, 24 | 32 | 35 | 36 | 39)
                    && let Some((&verb, tail)) = body.split_first()
                {
                    out.push(b' ');
                    match verb {
                        0 => fmt::s(out, "IS"),
                        1 => fmt::s(out, "SEND"),
                        2 => fmt::s(out, "INFO"),
                        v => hex(out, v),
                    }
                    rest = tail;
                }
                for &v in rest {
                    out.push(b' ');
                    hex(out, v);
                }
                fmt::s(out, " SE");
            }
            _ => {}
        }
        i += len;
    }
    out.push(b']');
    true
}
