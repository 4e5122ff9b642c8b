//! Low-level text output for the printer: decimal and hex numbers, IPv4,
//! IPv6 and MAC addresses, and the calendar arithmetic behind timestamps,
//! all appended straight to a byte buffer.
//!
//! `write!` through `core::fmt` costs a virtual call and a formatter per
//! argument; the printer writes millions of small numbers, so these helpers
//! do the digit work themselves and never allocate.

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s`.
#[inline]
pub fn s(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(text.as_bytes());
}

/// The number of decimal digits of `v`.
#[inline]
fn digits(v: u64) -> usize {
    let mut n = 1;
    let mut t = v;
    while t >= 10 {
        t /= 10;
        n += 1;
    }
    n
}

/// Writes the `n` low decimal digits of `v` into `dst[..n]`. Appending a
/// fixed-size block and truncating keeps every copy a constant size the
/// compiler inlines, instead of a `memcpy` call per number.
#[inline]
fn put_digits(out: &mut Vec<u8>, v: u64, n: usize) {
    let start = out.len();
    out.extend_from_slice(&[b'0'; 20]);
    let dst = &mut out[start..start + n];
    let mut v = v;
    for d in dst.iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
    }
    out.truncate(start + n);
}

/// Appends `v` in decimal.
#[inline]
pub fn u(out: &mut Vec<u8>, v: u64) {
    put_digits(out, v, digits(v));
}

/// Appends `v` in decimal, zero-padded to `width` digits (at most 20).
#[inline]
pub fn u_pad(out: &mut Vec<u8>, v: u64, width: usize) {
    put_digits(out, v, digits(v).max(width.min(20)));
}

/// Appends `v` in lower-case hex without leading zeros (like `%x`).
pub fn x(out: &mut Vec<u8>, v: u64) {
    let mut buf = [0u8; 16];
    let mut i = buf.len();
    let mut v = v;
    loop {
        i -= 1;
        buf[i] = HEX[(v & 15) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// Appends `v` as `width` lower-case hex digits (like `%0Nx`).
pub fn x_pad(out: &mut Vec<u8>, v: u64, width: usize) {
    for k in (0..width).rev() {
        out.push(HEX[((v >> (4 * k)) & 15) as usize]);
    }
}

/// Appends one byte as two hex digits.
#[inline]
pub fn byte_hex(out: &mut Vec<u8>, b: u8) {
    out.push(HEX[(b >> 4) as usize]);
    out.push(HEX[(b & 15) as usize]);
}

/// Appends bytes as contiguous hex digits.
pub fn hex_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        byte_hex(out, b);
    }
}

/// The decimal text of every byte value, left-aligned, with its length.
const DEC: [([u8; 3], u8); 256] = {
    let mut t = [([0u8; 3], 0u8); 256];
    let mut i = 0;
    while i < 256 {
        let (h, d, o) = ((i / 100) as u8, (i / 10 % 10) as u8, (i % 10) as u8);
        t[i] = if i >= 100 {
            ([b'0' + h, b'0' + d, b'0' + o], 3)
        } else if i >= 10 {
            ([b'0' + d, b'0' + o, 0], 2)
        } else {
            ([b'0' + o, 0, 0], 1)
        };
        i += 1;
    }
    t
};

/// Appends a dotted-quad IPv4 address (the first four bytes of `a`).
#[inline]
pub fn ipv4(out: &mut Vec<u8>, a: &[u8]) {
    let start = out.len();
    out.extend_from_slice(&[0u8; 16]);
    let mut at = start;
    for (i, &b) in a.iter().take(4).enumerate() {
        if i > 0 {
            out[at] = b'.';
            at += 1;
        }
        let (txt, n) = DEC[b as usize];
        out[at..at + 3].copy_from_slice(&txt);
        at += n as usize;
    }
    out.truncate(at);
}

/// Appends a colon-separated MAC (or any link-layer) address.
pub fn mac(out: &mut Vec<u8>, a: &[u8]) {
    for (i, &b) in a.iter().enumerate() {
        if i > 0 {
            out.push(b':');
        }
        byte_hex(out, b);
    }
}

/// Appends an IPv6 address in the text form `inet_ntop` produces: the
/// longest run of two or more zero groups (the first of equal runs) becomes
/// `::`, and the IPv4-compatible and IPv4-mapped forms end in a dotted quad.
pub fn ipv6(out: &mut Vec<u8>, a: &[u8; 16]) {
    let mut w = [0u16; 8];
    for (i, g) in w.iter_mut().enumerate() {
        *g = u16::from_be_bytes([a[2 * i], a[2 * i + 1]]);
    }
    let (mut best, mut best_len) = (usize::MAX, 0usize);
    let mut i = 0;
    while i < 8 {
        if w[i] == 0 {
            let start = i;
            while i < 8 && w[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                best = start;
                best_len = i - start;
            }
        } else {
            i += 1;
        }
    }
    if best_len < 2 {
        best = usize::MAX;
    }
    let mut i = 0;
    while i < 8 {
        if i == best {
            if i == 0 {
                out.push(b':');
            }
            out.push(b':');
            i += best_len;
            continue;
        }
        // The embedded IPv4 forms: ::a.b.c.d and ::ffff:a.b.c.d.
        if i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && w[5] == 0xffff)) {
            ipv4(out, &a[12..16]);
            return;
        }
        x(out, w[i] as u64);
        if i < 7 {
            out.push(b':');
        }
        i += 1;
    }
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Appends `HH:MM:SS` for a count of seconds within a day (or, for deltas,
/// any number of hours).
pub fn hms(out: &mut Vec<u8>, secs: u64) {
    u_pad(out, secs / 3600, 2);
    out.push(b':');
    u_pad(out, secs / 60 % 60, 2);
    out.push(b':');
    u_pad(out, secs % 60, 2);
}

/// The names of the bits set in `v`, in table order and separated by
/// `, `, or `none` when no listed bit is set: tcpdump's way of printing a
/// flags field (`Flags [Poll, Final]`). A table entry may cover several
/// bits, which must then all be set.
pub fn bit_names(out: &mut Vec<u8>, v: u64, table: &[(u64, &str)]) {
    let mut any = false;
    for &(bits, name) in table {
        if v & bits == bits {
            if any {
                s(out, ", ");
            }
            s(out, name);
            any = true;
        }
    }
    if !any {
        s(out, "none");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(text: &str) -> String {
        let a: std::net::Ipv6Addr = text.parse().unwrap();
        let mut out = Vec::new();
        ipv6(&mut out, &a.octets());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn ipv6_text_forms() {
        for (input, want) in [
            ("::", "::"),
            ("::1", "::1"),
            ("1:0:0:1:0:0:0:1", "1:0:0:1::1"),
            ("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
            ("::1.2.3.4", "::1.2.3.4"),
            ("fe80::1", "fe80::1"),
            ("1::", "1::"),
        ] {
            assert_eq!(v6(input), want, "{input}");
        }
    }

    #[test]
    fn ipv4_text() {
        let mut out = Vec::new();
        ipv4(&mut out, &[0, 9, 10, 255]);
        out.push(b' ');
        ipv4(&mut out, &[192, 168, 100, 1]);
        assert_eq!(out, b"0.9.10.255 192.168.100.1");
    }

    #[test]
    fn numbers() {
        let mut out = Vec::new();
        u(&mut out, 0);
        u(&mut out, 18446744073709551615);
        u_pad(&mut out, 7, 6);
        x(&mut out, 0x88b5);
        x_pad(&mut out, 0x800, 4);
        assert_eq!(
            out,
            b"018446744073709551615000007".iter().chain(b"88b50800").copied().collect::<Vec<u8>>()
        );
        assert_eq!(civil_from_days(19_675), (2023, 11, 14));
    }

    #[test]
    fn bit_names_list_set_bits_or_none() {
        let table = [(0x8, "Response"), (0x4, "Error"), (0x3, "Both-low")];
        for (v, want) in [
            (0, "none"),
            (0x8, "Response"),
            (0xc, "Response, Error"),
            (0x1, "none"),
            (0xb, "Response, Both-low"),
        ] {
            let mut out = Vec::new();
            bit_names(&mut out, v, &table);
            assert_eq!(String::from_utf8(out).unwrap(), want, "{v:#x}");
        }
    }
}
