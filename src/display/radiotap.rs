//! Radiotap headers (link type IEEE802_11_RADIO, 127): the per-packet radio
//! information a monitor-mode capture puts before each 802.11 frame; also
//! the Prism (119) and AVS (163) headers, of which tcpdump prints nothing
//! at default verbosity, and PPI (192), whose header shows with `-e` and
//! whose packet goes to the printer of the link type it names.
//!
//! tcpdump prints, at default verbosity, one short item per field it knows,
//! in the order of the presence bits, each followed by a space: `123us tsft`,
//! the flags it names (`cfp`, `short preamble`, `wep`, `fragmented`,
//! `bad-fcs`), `1.0 Mb/s` (or `MCS 5` for the legacy field's MCS form),
//! `2412 MHz 11b` (the channel kind from its flags, `11n` whenever an MCS
//! field is present; an extended channel replaces the plain one and adds
//! `ht/20`, `ht/40+` or `ht/40-`), `fhset 3 fhpat 4`, `-48dBm signal`,
//! `-90dBm noise`, `88 sq`, `1 tx power`, `1dB tx attenuation` (a single
//! byte, as tcpdump reads it), `-16dBm tx power`, `antenna 0`,
//! `42dB signal`, `42dB noise`; for an MCS field the rate, index,
//! bandwidth, guard interval, format, FEC and STBC it declares known; for
//! a VHT field each user's MCS and coding, the bandwidth and the guard
//! interval. RX flags and A-MPDU status print nothing. The first field
//! tcpdump does not know stops the walk with `[bit N]`. A field that does
//! not fit in the header prints ` [|802.11_radio]` and the 802.11 frame is
//! printed all the same; a header longer than the captured data prints
//! only that. Nothing beyond this is printed with `-v`.
//!
//! The flags field's "FCS at end" bit removes the last four bytes from the
//! frame and its "data pad" bit pads the 802.11 header to four bytes; both
//! are handed to [`ieee80211`]. Vendor namespaces are skipped by their
//! declared length; fields past bit 31 of a namespace are unknown.

use super::{Bytes, Dump, PacketRef, Printer, fmt, ieee80211};

/// The 802.11n data rates in tenths of Mb/s by MCS index, for
/// [bandwidth 20/40 MHz][long/short guard interval]; 0 where the index has
/// no rate at that width (MCS 32 at 20 MHz).
const MCS_RATE: [[[u16; 77]; 2]; 2] = [
    [
        [
            65, 130, 195, 260, 390, 520, 585, 650, 130, 260, 390, 520, 780, 1040, 1170, 1300, 195,
            390, 585, 780, 1170, 1560, 1755, 1950, 260, 520, 780, 1040, 1560, 2080, 2340, 2600, 0,
            390, 520, 650, 585, 780, 975, 520, 650, 650, 780, 910, 910, 1040, 780, 975, 975, 1170,
            1365, 1365, 1560, 650, 780, 910, 780, 910, 1040, 1170, 1040, 1170, 1300, 1300, 1430,
            975, 1170, 1365, 1170, 1365, 1560, 1755, 1560, 1755, 1950, 1950, 2145,
        ],
        [
            72, 144, 217, 289, 433, 578, 650, 722, 144, 289, 433, 578, 867, 1156, 1300, 1444, 217,
            433, 650, 867, 1300, 1733, 1950, 2167, 289, 578, 867, 1156, 1733, 2311, 2600, 2889, 0,
            433, 578, 722, 650, 867, 1083, 578, 722, 722, 867, 1011, 1011, 1156, 867, 1083, 1083,
            1300, 1517, 1517, 1733, 722, 867, 1011, 867, 1011, 1156, 1300, 1156, 1300, 1444, 1444,
            1589, 1083, 1300, 1517, 1300, 1517, 1733, 1950, 1733, 1950, 2167, 2167, 2383,
        ],
    ],
    [
        [
            135, 270, 405, 540, 810, 1080, 1215, 1350, 270, 540, 810, 1080, 1620, 2160, 2430, 2700,
            405, 810, 1215, 1620, 2430, 3240, 3645, 4050, 540, 1080, 1620, 2160, 3240, 4320, 4860,
            5400, 60, 810, 1080, 1350, 1215, 1620, 2025, 1080, 1350, 1350, 1620, 1890, 1890, 2160,
            1620, 2025, 2025, 2430, 2835, 2835, 3240, 1350, 1620, 1890, 1620, 1890, 2160, 2430,
            2160, 2430, 2700, 2700, 2970, 2025, 2430, 2835, 2430, 2835, 3240, 3645, 3240, 3645,
            4050, 4050, 4455,
        ],
        [
            150, 300, 450, 600, 900, 1200, 1350, 1500, 300, 600, 900, 1200, 1800, 2400, 2700, 3000,
            450, 900, 1350, 1800, 2700, 3600, 4050, 4500, 600, 1200, 1800, 2400, 3600, 4800, 5400,
            6000, 67, 900, 1200, 1500, 1350, 1800, 2250, 1200, 1500, 1500, 1800, 2100, 2100, 2400,
            1800, 2250, 2250, 2700, 3150, 3150, 3600, 1500, 1800, 2100, 1800, 2100, 2400, 2700,
            2400, 2700, 3000, 3000, 3300, 2250, 2700, 3150, 2700, 3150, 3600, 4050, 3600, 4050,
            4500, 4500, 4950,
        ],
    ],
];

/// Appends a rate in tenths as `%.1f`.
fn tenths(out: &mut Vec<u8>, v: u64) {
    fmt::u(out, v / 10);
    out.push(b'.');
    fmt::u(out, v % 10);
}

/// Alignment and size of the radiotap fields tcpdump knows, by bit; `None`
/// for the ones it stops at.
fn field_shape(bit: u32) -> Option<(usize, usize)> {
    Some(match bit {
        0 => (8, 8),
        1 | 2 => (1, 1),
        3 => (2, 4),
        4 => (1, 2),
        5 | 6 => (1, 1),
        7 | 8 => (2, 2),
        9..=13 => (1, 1),
        14 => (2, 2),
        18 => (4, 8),
        19 => (1, 3),
        20 => (4, 8),
        21 => (2, 12),
        _ => return None,
    })
}

/// The channel kind tcpdump names from channel flags (each name followed
/// by a space): FHSS, 11a and 11g (with their half and quarter rate
/// forms) independently, 11b only when not 11g, Turbo, then the HT flags
/// of an extended channel. With an MCS field present only `11n` and the HT
/// flags are named.
fn channel_kind(out: &mut Vec<u8>, flags: u32, ht: bool) {
    let has = |bits: u32| flags & bits == bits;
    let (ghz2, ofdm, half, quarter) = (0x0080, 0x0040, 0x4000, 0x8000);
    if ht {
        fmt::s(out, "11n ");
    } else {
        if has(ghz2 | 0x0800) {
            fmt::s(out, "FHSS ");
        }
        let variant = |out: &mut Vec<u8>, name: &str| {
            fmt::s(out, name);
            if has(half) {
                fmt::s(out, "/10Mhz");
            } else if has(quarter) {
                fmt::s(out, "/5Mhz");
            }
            out.push(b' ');
        };
        if has(0x0100 | ofdm) {
            variant(out, "11a");
        }
        let g = has(ghz2 | ofdm) || has(ghz2 | 0x0400);
        if g {
            variant(out, "11g");
        } else if has(ghz2 | 0x0020) {
            fmt::s(out, "11b ");
        }
        if has(0x0010) {
            fmt::s(out, "Turbo ");
        }
    }
    if has(0x1_0000) {
        fmt::s(out, "ht/20 ");
    } else if has(0x4_0000) {
        fmt::s(out, "ht/40- ");
    } else if has(0x2_0000) {
        fmt::s(out, "ht/40+ ");
    }
}

/// The VHT field: per user with streams, its MCS and coding; then the
/// bandwidth and guard interval when declared known.
fn vht(out: &mut Vec<u8>, f: &[u8]) {
    const BW: [&str; 26] = [
        "20 MHz",
        "40 MHz",
        "20 MHz (L)",
        "20 MHz (U)",
        "80 MHz",
        "80 MHz (L)",
        "80 MHz (U)",
        "80 MHz (LL)",
        "80 MHz (LU)",
        "80 MHz (UL)",
        "80 MHz (UU)",
        "160 MHz",
        "160 MHz (L)",
        "160 MHz (U)",
        "160 MHz (LL)",
        "160 MHz (LU)",
        "160 MHz (UL)",
        "160 MHz (UU)",
        "160 MHz (LLL)",
        "160 MHz (LLU)",
        "160 MHz (LUL)",
        "160 MHz (UUU)",
        "160 MHz (ULL)",
        "160 MHz (ULU)",
        "160 MHz (UUL)",
        "160 MHz (UUU)",
    ];
    let known = u16::from_le_bytes([f[0], f[1]]);
    let (flags, bw, coding) = (f[2], f[3] & 0x1f, f[8]);
    for (i, &mn) in f[4..8].iter().enumerate() {
        if mn & 0x0f == 0 {
            continue;
        }
        fmt::s(out, "User ");
        fmt::u(out, i as u64);
        fmt::s(out, " MCS ");
        fmt::u(out, (mn >> 4) as u64);
        fmt::s(out, if coding & (1 << i) != 0 { " LDPC FEC " } else { " BCC FEC " });
    }
    if known & 0x0040 != 0 {
        match BW.get(bw as usize) {
            Some(name) => fmt::s(out, name),
            None => {
                fmt::s(out, "unknown (");
                fmt::u(out, bw as u64);
                out.push(b')');
            }
        }
        out.push(b' ');
    }
    if known & 0x0004 != 0 {
        fmt::s(out, if flags & 0x04 != 0 { "short GI " } else { "long GI " });
    }
}

/// The MCS field: known bits, flags, index.
fn mcs(out: &mut Vec<u8>, known: u8, flags: u8, index: u8) {
    let bw = flags & 3;
    // The rate is printed once the index and either the bandwidth or the
    // guard interval are declared known, from the flags as they stand.
    if known & 0x02 != 0 && known & 0x05 != 0 && index < 77 {
        // The 20 MHz halves of a 40 MHz channel run at 20 MHz rates.
        // The guard interval bit counts for the rate even when it is not
        // declared known.
        let gi = usize::from(flags & 0x04 != 0);
        let rate = MCS_RATE[usize::from(bw == 1)][gi][index as usize];
        if rate != 0 {
            tenths(out, rate as u64);
            fmt::s(out, " Mb/s ");
        }
    }
    if known & 0x02 != 0 {
        fmt::s(out, "MCS ");
        fmt::u(out, index as u64);
        out.push(b' ');
    }
    if known & 0x01 != 0 {
        fmt::s(
            out,
            match bw {
                0 => "20 MHz ",
                1 => "40 MHz ",
                2 => "20 MHz (L) ",
                _ => "20 MHz (U) ",
            },
        );
    }
    if known & 0x04 != 0 {
        fmt::s(out, if flags & 0x04 != 0 { "short GI " } else { "long GI " });
    }
    if known & 0x08 != 0 {
        fmt::s(out, if flags & 0x08 != 0 { "greenfield " } else { "mixed " });
    }
    if known & 0x10 != 0 {
        fmt::s(out, if flags & 0x10 != 0 { "LDPC FEC " } else { "BCC FEC " });
    }
    if known & 0x20 != 0 {
        fmt::s(out, "RX-STBC");
        fmt::u(out, ((flags >> 5) & 3) as u64);
        out.push(b' ');
    }
}

/// What the radiotap walk learned for the 802.11 printer.
struct Walk {
    fcs: bool,
    pad: bool,
    xchannel: bool,
}

/// Prints one known field from its bytes `f` (of the size [`field_shape`] gives).
fn field(out: &mut Vec<u8>, bit: u32, f: &[u8], ht: bool, w: &mut Walk) {
    let le16 = |o: usize| u16::from_le_bytes([f[o], f[o + 1]]);
    match bit {
        0 => {
            let mut a = [0u8; 8];
            a.copy_from_slice(&f[..8]);
            fmt::u(out, u64::from_le_bytes(a));
            fmt::s(out, "us tsft ");
        }
        1 => {
            let v = f[0];
            for (b, name) in [
                (0x01, "cfp "),
                (0x02, "short preamble "),
                (0x04, "wep "),
                (0x08, "fragmented "),
                (0x40, "bad-fcs "),
            ] {
                if v & b != 0 {
                    fmt::s(out, name);
                }
            }
            w.fcs = v & 0x10 != 0;
            w.pad = v & 0x20 != 0;
        }
        2 if (0x80..0x90).contains(&f[0]) => {
            // The high bit marks an 802.11n MCS index in the legacy field.
            fmt::s(out, "MCS ");
            fmt::u(out, (f[0] & 0x7f) as u64);
            out.push(b' ');
        }
        2 => {
            tenths(out, f[0] as u64 * 5);
            fmt::s(out, " Mb/s ");
        }
        // An extended channel, when present, replaces the plain one.
        3 if w.xchannel => {}
        3 => {
            fmt::u(out, le16(0) as u64);
            fmt::s(out, " MHz ");
            channel_kind(out, le16(2) as u32, ht);
        }
        4 => {
            fmt::s(out, "fhset ");
            fmt::u(out, f[0] as u64);
            fmt::s(out, " fhpat ");
            fmt::u(out, f[1] as u64);
            out.push(b' ');
        }
        5 | 6 => {
            signed(out, f[0] as i8 as i64);
            fmt::s(out, if bit == 5 { "dBm signal " } else { "dBm noise " });
        }
        7 => {
            fmt::u(out, le16(0) as u64);
            fmt::s(out, " sq ");
        }
        8 => {
            signed(out, -(le16(0) as i16 as i64));
            fmt::s(out, " tx power ");
        }
        9 => {
            signed(out, -(f[0] as i8 as i64));
            fmt::s(out, "dB tx attenuation ");
        }
        10 => {
            signed(out, f[0] as i8 as i64);
            fmt::s(out, "dBm tx power ");
        }
        11 => {
            fmt::s(out, "antenna ");
            fmt::u(out, f[0] as u64);
            out.push(b' ');
        }
        12 | 13 => {
            fmt::u(out, f[0] as u64);
            fmt::s(out, if bit == 12 { "dB signal " } else { "dB noise " });
        }
        18 => {
            fmt::u(out, le16(4) as u64);
            fmt::s(out, " MHz ");
            let flags = u32::from_le_bytes([f[0], f[1], f[2], f[3]]);
            channel_kind(out, flags, ht);
        }
        19 => mcs(out, f[0], f[1], f[2]),
        21 => vht(out, f),
        _ => {}
    }
}

fn signed(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    fmt::u(out, v.unsigned_abs());
}

/// Prints the radiotap header and the 802.11 frame after it.
pub(crate) fn print(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let b = Bytes(data);
    let (Some(_), Some(lo), Some(hi)) = (b.u8(0), b.u8(2), b.u8(3)) else {
        fmt::s(out, " [|802.11_radio]");
        dump.net_off = usize::MAX;
        return;
    };
    let len = u16::from_le_bytes([lo, hi]) as usize;
    if len < 8 || data.len() < len {
        fmt::s(out, " [|802.11_radio]");
        dump.net_off = usize::MAX;
        return;
    }
    let hdr = &data[..len];
    // The presence words: each one with bit 31 set is followed by another.
    let mut words_end = 4;
    loop {
        if words_end + 4 > len {
            fmt::s(out, " [|802.11_radio]");
            dump.net_off = usize::MAX;
            return;
        }
        let w = u32::from_le_bytes([
            hdr[words_end],
            hdr[words_end + 1],
            hdr[words_end + 2],
            hdr[words_end + 3],
        ]);
        words_end += 4;
        if w & 0x8000_0000 == 0 {
            break;
        }
    }
    let mut walk = Walk { fcs: false, pad: false, xchannel: false };
    // Whether the current radiotap namespace has an MCS field.
    let mut ht = false;
    let mut at = words_end;
    // Namespace state: whether the current word belongs to the radiotap
    // namespace, and the bit number of its bit 0.
    let mut radiotap_ns = true;
    let mut base = 0u32;
    let mut wi = 4;
    'words: while wi < words_end {
        let w = u32::from_le_bytes([hdr[wi], hdr[wi + 1], hdr[wi + 2], hdr[wi + 3]]);
        wi += 4;
        if radiotap_ns && base == 0 {
            // An MCS or extended channel field anywhere in a namespace
            // changes how its channel field prints.
            ht = w & (1 << 19) != 0;
            walk.xchannel = w & (1 << 18) != 0;
        }
        if radiotap_ns {
            for i in 0..29u32 {
                if w & (1 << i) == 0 {
                    continue;
                }
                let bit = base + i;
                let Some((align, size)) = field_shape(bit) else {
                    fmt::s(out, "[bit ");
                    fmt::u(out, bit as u64);
                    fmt::s(out, "] ");
                    break 'words;
                };
                at = at.div_ceil(align) * align;
                if at + size > len {
                    fmt::s(out, " [|802.11_radio]");
                    break 'words;
                }
                field(out, bit, &hdr[at..at + size], ht, &mut walk);
                at += size;
            }
        }
        // Bits 29 and 30 choose the namespace of the next word.
        if w & (1 << 29) != 0 {
            radiotap_ns = true;
            base = 0;
        } else if w & (1 << 30) != 0 {
            // A vendor namespace: OUI, sub-namespace and the length of its
            // data, which is skipped.
            // One that does not fit is marked, and the walk goes on (a
            // further vendor namespace is marked again).
            radiotap_ns = false;
            let start = at.div_ceil(2) * 2;
            let Some(skip) = Bytes(hdr).slice(start + 4, 2) else {
                fmt::s(out, " [|802.11_radio]");
                continue;
            };
            at = start + 6 + u16::from_le_bytes([skip[0], skip[1]]) as usize;
            if at > len {
                break;
            }
        } else if radiotap_ns {
            base += 32;
        }
    }
    dump.net_off = len;
    ieee80211::frame(p, &data[len..], wire.saturating_sub(len), out, dump, walk.fcs, walk.pad);
}

/// The AVS capture header (link type IEEE802_11_RADIO_AVS, 163, and
/// PRISM captures that start with its magic number): a big-endian version
/// and header length, then radio fields tcpdump does not print at default
/// verbosity. Only the 802.11 frame after it is printed.
pub(crate) fn avs(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    let len = Bytes(data).u32(4).map_or(0, |l| l as usize);
    if len < 8 || data.len() < len {
        fmt::s(out, " [|802.11_radio_avs]");
        dump.net_off = usize::MAX;
        return;
    }
    dump.net_off = len;
    ieee80211::frame(p, &data[len..], wire.saturating_sub(len), out, dump, false, false);
}

/// The Prism monitor header (link type PRISM_HEADER, 119): 144 bytes of
/// device name and radio values, none printed at default verbosity. An
/// AVS header in its place is recognised by its magic number.
pub(crate) fn prism(p: &mut Printer, data: &[u8], wire: usize, out: &mut Vec<u8>, dump: &mut Dump) {
    const PRISM_LEN: usize = 144;
    let Some(magic) = Bytes(data).u32(0) else {
        fmt::s(out, " [|prism]");
        dump.net_off = usize::MAX;
        return;
    };
    if magic & 0xffff_f000 == 0x8021_1000 {
        return avs(p, data, wire, out, dump);
    }
    if data.len() < PRISM_LEN {
        fmt::s(out, " [|prism]");
        dump.net_off = usize::MAX;
        return;
    }
    dump.net_off = PRISM_LEN;
    let rest = &data[PRISM_LEN..];
    ieee80211::frame(p, rest, wire.saturating_sub(PRISM_LEN), out, dump, false, false);
}

/// The link types whose printers a PPI header can hand its packet to here
/// (others print tcpdump's `DLT UNKNOWN` line and a dump).
fn ppi_inner_known(dlt: u32) -> bool {
    matches!(dlt, 0 | 1 | 12 | 14 | 101 | 104 | 105 | 108 | 113 | 119 | 127 | 163 | 192 | 228 | 229)
}

/// The Per-Packet Information header (link type PPI, 192): version,
/// flags, a little-endian header length and the link type of what
/// follows. tcpdump prints it only with `-e`
/// (`V.0 DLT IEEE802_11 (105) len 8, length 18: `); the packet after it
/// goes to the printer of its own link type.
pub(crate) fn ppi(p: &mut Printer, pkt: &PacketRef<'_>, out: &mut Vec<u8>, dump: &mut Dump) {
    let data = pkt.data;
    let wire = (pkt.wire_len as usize).max(data.len());
    let b = Bytes(data);
    let (Some(version), Some(lo), Some(hi), Some(dlt)) = (b.u8(0), b.u8(2), b.u8(3), b.u32(4))
    else {
        fmt::s(out, " [|ppi]");
        dump.net_off = usize::MAX;
        return;
    };
    let dlt = dlt.swap_bytes();
    let len = u16::from_le_bytes([lo, hi]) as usize;
    if !(8..=65532).contains(&len) {
        fmt::s(out, " [length ");
        fmt::u(out, len as u64);
        fmt::s(out, " < 8 or > 65532] (invalid)");
        dump.net_off = usize::MAX;
        return;
    }
    if data.len() < len {
        fmt::s(out, " [|ppi]");
        dump.net_off = usize::MAX;
        return;
    }
    let known = ppi_inner_known(dlt) && p.depth < super::MAX_DEPTH;
    if p.opts.link_header || !known {
        let name = crate::dlt::TABLE.iter().find(|(_, d)| d.0 == dlt).filter(|_| known);
        let name = name.map_or("UNKNOWN", |(name, _)| name);
        if p.opts.quiet {
            fmt::s(out, name);
        } else {
            fmt::s(out, "V.");
            fmt::u(out, version as u64);
            fmt::s(out, " DLT ");
            fmt::s(out, name);
            fmt::s(out, " (");
            fmt::u(out, dlt as u64);
            fmt::s(out, ") len ");
            fmt::u(out, len as u64);
        }
        fmt::s(out, ", length ");
        fmt::u(out, wire as u64);
        fmt::s(out, ": ");
    }
    dump.net_off = len;
    if !known {
        dump.forced = Some(len);
        return;
    }
    // The inner packet is printed by its own link type's printer, with the
    // dump offsets it sets moved past this header.
    let inner = PacketRef { data: &data[len..], wire_len: (wire - len) as u32, ..*pkt };
    let outer = p.linktype;
    p.linktype = crate::dlt::Dlt(dlt);
    p.depth += 1;
    let mut sub = Dump { net_off: 0, forced: None };
    super::link::print(p, &inner, out, &mut sub);
    p.depth -= 1;
    p.linktype = outer;
    // tcpdump counts the inner link header twice for `-x`.
    dump.net_off = sub.net_off.saturating_mul(2).saturating_add(len);
    dump.forced = sub.forced.map(|f| f + len);
}

#[cfg(test)]
mod tests {
    use super::super::{Dump, PrintOptions, Printer};
    use crate::dlt::Dlt;

    /// A radiotap header with these presence words and field bytes, then
    /// an ACK to 00:11:22:33:44:01.
    fn packet(words: &[u32], fields: &[u8]) -> Vec<u8> {
        let len = 4 + 4 * words.len() + fields.len();
        let mut p = vec![0, 0, len as u8, (len >> 8) as u8];
        for w in words {
            p.extend_from_slice(&w.to_le_bytes());
        }
        p.extend_from_slice(fields);
        p.extend_from_slice(&[0xd4, 0, 0, 0, 0, 0x11, 0x22, 0x33, 0x44, 0x01]);
        p
    }

    #[test]
    fn fields_print_as_tcpdump_does() {
        const ACK: &str = "Acknowledgment RA:00:11:22:33:44:01 ";
        let cases: &[(&[u32], &[u8], &str)] = &[
            (
                &[0x0000_082e],
                &[0x00, 0x02, 0x6c, 0x09, 0xa0, 0x00, 0xa8, 0x00],
                "1.0 Mb/s 2412 MHz 11b -88dBm signal antenna 0 ",
            ),
            (&[1 << 0], &[0x68, 0xd6, 0x98, 0, 0, 0, 0, 0], "10016360us tsft "),
            (&[1 << 1], &[0x47], "cfp short preamble wep bad-fcs "),
            (&[1 << 2], &[0x8c], "MCS 12 "),
            (&[1 << 3], &[0x6c, 0x09, 0xc0, 0x44], "2412 MHz 11g/10Mhz "),
            (
                &[(1 << 3) | (1 << 19)],
                &[0x6c, 0x09, 0xa0, 0x00, 0x37, 0x05, 7],
                "2412 MHz 11n 150.0 Mb/s MCS 7 40 MHz short GI BCC FEC RX-STBC0 ",
            ),
            (&[1 << 4], &[3, 4], "fhset 3 fhpat 4 "),
            (&[(1 << 7) | (1 << 8)], &[0x58, 0x00, 0xfb, 0xff], "88 sq 5 tx power "),
            (&[(1 << 9) | (1 << 10)], &[0x05, 0xe5], "-5dB tx attenuation -27dBm tx power "),
            (&[(1 << 12) | (1 << 13)], &[42, 7], "42dB signal 7dB noise "),
            (&[1 << 18], &[0x40, 0x01, 0x02, 0x00, 0x3c, 0x14, 36, 20], "5180 MHz 11a ht/40+ "),
            (
                &[1 << 21],
                &[0x44, 0, 0x04, 4, 0x92, 0x31, 0, 0, 1, 0, 0, 0],
                "User 0 MCS 9 LDPC FEC User 1 MCS 3 BCC FEC 80 MHz short GI ",
            ),
            (&[1 << 15], &[0, 0], "[bit 15] "),
            (&[0x8000_0800, 1], &[5, 0, 0, 0, 0, 0, 0, 0], "antenna 5 [bit 32] "),
            (&[0xa000_0800, 0x800], &[5, 6], "antenna 5 antenna 6 "),
            (&[(1 << 0) | (1 << 11)], &[], " [|802.11_radio]"),
        ];
        for &(words, fields, want) in cases {
            let pkt = packet(words, fields);
            let mut p = Printer::new(PrintOptions::default(), Dlt(127));
            let mut dump = Dump { net_off: 0, forced: None };
            let mut out = Vec::new();
            super::print(&mut p, &pkt, pkt.len(), &mut out, &mut dump);
            assert_eq!(String::from_utf8(out).unwrap(), format!("{want}{ACK}"), "{words:x?}");
        }
    }
}
