//! Telnet option negotiation (RFC 854, RFC 855) on TCP port 23.
//!
//! When a segment starts with a valid IAC command, tcpdump lists the
//! commands after the TCP length: ` [telnet DONT OLD-ENVIRON, SB TERMINAL
//! TYPE SEND SE]`. Commands and options go by their arpa/telnet.h names
//! (unknown option numbers in hex); a subnegotiation shows its qualifier
//! (`IS`, `SEND`, `INFO`) and then its bytes in hex (`0` for zero) up to
//! its IAC SE. The list ends quietly at the first thing that is not a
//! complete command, except that a subnegotiation whose option is the
//! last byte ends it with ` [|telnet]`. Plain data is not shown.

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

/// Whether the segment starts like Telnet commands.
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

/// Why a command could not be read.
enum Fail {
    /// Not a command tcpdump accepts: the list ends quietly.
    Invalid,
    /// The data ends right after a subnegotiation's option: ` [|telnet]`.
    Truncated,
}

/// The length of the command at `i` (which holds IAC).
fn parse(data: &[u8], i: usize) -> Result<usize, Fail> {
    let Some(&c) = data.get(i + 1) else {
        return Err(Fail::Invalid);
    };
    if c < 236 {
        return Err(Fail::Invalid);
    }
    match c {
        251..=254 => {
            if i + 2 >= data.len() {
                return Err(Fail::Invalid);
            }
            Ok(3)
        }
        SB => {
            if i + 2 >= data.len() {
                return Err(Fail::Invalid);
            }
            if i + 3 >= data.len() {
                return Err(Fail::Truncated);
            }
            match data[i + 3..].windows(2).position(|w| w == [IAC, SE]) {
                Some(at) => Ok(at + 5),
                None => Err(Fail::Invalid),
            }
        }
        _ => Ok(2),
    }
}

/// Appends ` [telnet ...]` for the commands at the start of `data` (nothing
/// when the first is not a valid command); false when a subnegotiation was
/// cut short (tcpdump then gives up on the packet the way that makes its
/// -x dump start at the link layer).
pub(crate) fn print(out: &mut Vec<u8>, data: &[u8]) -> bool {
    if parse(data, 0).is_err() {
        return true;
    }
    fmt::s(out, " [telnet ");
    let mut i = 0;
    let mut first = true;
    while data.get(i) == Some(&IAC) {
        let len = match parse(data, i) {
            Ok(len) => len,
            Err(Fail::Invalid) => break,
            Err(Fail::Truncated) => {
                fmt::s(out, " [|telnet]");
                return false;
            }
        };
        if !first {
            fmt::s(out, ", ");
        }
        first = false;
        let c = data[i + 1];
        fmt::s(out, COMMANDS[(c - 236) as usize]);
        match c {
            IAC => fmt::s(out, " IAC"),
            251..=254 => {
                out.push(b' ');
                option(out, data[i + 2]);
            }
            SB => {
                out.push(b' ');
                option(out, data[i + 2]);
                let body = &data[i + 3..i + len - 2];
                // The first byte is a qualifier: IS, SEND or INFO.
                if let Some((&verb, rest)) = body.split_first() {
                    out.push(b' ');
                    match verb {
                        0 => fmt::s(out, "IS"),
                        1 => fmt::s(out, "SEND"),
                        2 => fmt::s(out, "INFO"),
                        v => hex(out, v),
                    }
                    for &v in rest {
                        out.push(b' ');
                        hex(out, v);
                    }
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
