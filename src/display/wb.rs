//! LBL whiteboard (wb, UDP port 4567).
//!
//! Every message starts with a 12-byte header: source id, timestamp,
//! version, message type and flags. tcpdump writes `*` when any flag is
//! set, then ` wb-NAME:` and the message body, or ` wb-N!` and
//! ` (invalid)` for a type it does not know. bpfcap claims only what it can
//! print the way tcpdump does: those unknown types and a page-reply
//! (`wb-prep`) message whose body is cut short (` [|wb]`); every other
//! message is left to the plain `UDP, length N` line.

use super::{Bytes, fmt};

/// Source id, timestamp, version, type and flags.
const HEADER: usize = 12;
/// The page-reply message type.
const PREP: u8 = 7;

/// Prints a wb message after `src.port > dst.port: `; `false` when bpfcap
/// does not dissect it (nothing has been written then).
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) -> bool {
    let b = Bytes(data);
    let (Some(kind), Some(flags)) = (b.u8(10), b.u8(11)) else {
        return false;
    };
    // Types 0-7 are draw operations, ids, recovery requests and replies,
    // kills and page requests and replies; above is unknown.
    let known = kind <= PREP;
    let short_prep = kind == PREP && data.len() < HEADER + 4;
    if known && !short_prep {
        return false;
    }
    if flags != 0 {
        out.push(b'*');
    }
    if short_prep {
        fmt::s(out, " wb-prep: [|wb]");
    } else {
        fmt::s(out, " wb-");
        fmt::u(out, kind as u64);
        fmt::s(out, "! (invalid)");
    }
    true
}

#[cfg(test)]
mod tests {
    use super::print;

    #[test]
    fn claimed_and_left() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (&[0; 11], None),
            (&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 7, 0x30, 0, 0], Some("* wb-prep: [|wb]")),
            (&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 29, 0], Some(" wb-29! (invalid)")),
            (&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0], None),
        ];
        for (data, want) in cases {
            let mut out = Vec::new();
            let claimed = print(data, &mut out);
            assert_eq!(claimed.then(|| String::from_utf8(out).unwrap()).as_deref(), *want);
        }
    }
}
