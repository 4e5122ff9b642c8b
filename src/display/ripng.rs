//! RIPng (RFC 2080, UDP port 521).
//!
//! A RIPng message starts with a command and a version that must be 1;
//! tcpdump reports any other version as ` [vers N] (invalid)` without
//! looking further. bpfcap prints only that case and leaves the rest to the
//! plain `UDP, length N` line: requests and responses with their route
//! entries are not dissected.

use super::{Bytes, fmt};

/// Prints a RIPng message after `src.port > dst.port: `; `false` when
/// bpfcap does not dissect it (nothing has been written then).
pub(crate) fn print(data: &[u8], out: &mut Vec<u8>) -> bool {
    match Bytes(data).u8(1) {
        Some(version) if version != 1 => {
            fmt::s(out, " [vers ");
            fmt::u(out, version as u64);
            fmt::s(out, "] (invalid)");
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::print;

    #[test]
    fn versions() {
        let cases: &[(&[u8], Option<&str>)] =
            &[(&[0x30, 0x30], Some(" [vers 48] (invalid)")), (&[1, 1, 0, 0], None), (&[1], None)];
        for (data, want) in cases {
            let mut out = Vec::new();
            let claimed = print(data, &mut out);
            assert_eq!(claimed.then(|| String::from_utf8(out).unwrap()).as_deref(), *want);
        }
    }
}
