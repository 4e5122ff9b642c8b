//! ETSI GeoNetworking (ethertype 0x8947, and the draft's 0x0707) with BTP
//! and the ITS PDU header on top, and CALM FAST (ethertype 0x1111): the
//! one-line forms tcpdump prints for vehicular traffic.
//!
//! A GeoNetworking packet starts with an 8-byte common header (version and
//! next header, header type and subtype, flags, payload length, hop limit)
//! and the sender's 28-byte long position vector (GN address, timestamp,
//! latitude, longitude, speed, heading, altitude, accuracy). tcpdump
//! prints
//!
//! ```text
//! GeoNet src:MAC; v:0 NH:1-BTP-A HT:5-1-TopoScopeBcast-MH HopLim:2 Payload:29 GN_ADDR:c0:cc:00:0c:42:69:68:be lat:514775183 lon:56605966; BTP Dst:5000 Src:5000; ItsPduHeader v:0 t:0-CAM
//! ```
//!
//! The extended header that follows depends on the header type; when the
//! packet is too short for it tcpdump says `(header size N > M) (invalid)`.
//! Extended-header sizes and names were compared with tcpdump for beacons
//! and topologically-scoped broadcasts; the others follow the draft
//! standard's layouts. `-v` adds a hex dump of the ITS payload, which
//! bpfcap does not print.

use super::{Bytes, fmt};

/// Length of the common header plus the sender's long position vector.
const BASIC: usize = 36;

/// The next-header field's name.
fn next_header(nh: u8) -> &'static str {
    match nh {
        0 => "Any",
        1 => "BTP-A",
        2 => "BTP-B",
        3 => "IPv6",
        _ => "Unknown",
    }
}

/// The name of a header type and subtype, and the size of the extended
/// header that follows the basic one.
fn header_type(ht: u8, hst: u8) -> (&'static str, usize) {
    match (ht, hst) {
        (0, _) => ("Any", 0),
        (1, _) => ("Beacon", 0),
        (2, _) => ("GeoUnicast", 52),
        (3, 0) => ("GeoAnycastCircle", 48),
        (3, 1) => ("GeoAnycastRect", 48),
        (3, 2) => ("GeoAnycastElipse", 48),
        (4, 0) => ("GeoBroadcastCircle", 48),
        (4, 1) => ("GeoBroadcastRect", 48),
        (4, 2) => ("GeoBroadcastElipse", 48),
        (5, 0) => ("TopoScopeBcast-SH", 0),
        (5, 1) => ("TopoScopeBcast-MH", 32),
        (6, 0) => ("LocService-Request", 36),
        (6, 1) => ("LocService-Reply", 48),
        _ => ("Reserved", 0),
    }
}

/// The ITS PDU header's message type name.
fn its_message(t: u8) -> &'static str {
    match t {
        0 => "CAM",
        1 => "DENM",
        101 => "TPEGM",
        102 => "TSPDM",
        103 => "VPM",
        104 => "SRM",
        105 => "SLAM",
        106 => "ecoCAM",
        107 => "ITM",
        150 => "SA",
        _ => "Unknown",
    }
}

fn signed(out: &mut Vec<u8>, v: i32) {
    if v < 0 {
        out.push(b'-');
    }
    fmt::u(out, u64::from(v.unsigned_abs()));
}

/// Prints a GeoNetworking packet (`data` after the link header, `len` its
/// length on the wire); `src` is the link-layer source when there is one.
pub(crate) fn geonet(data: &[u8], len: usize, src: Option<&[u8]>, out: &mut Vec<u8>) {
    fmt::s(out, "GeoNet ");
    if let Some(src) = src {
        fmt::s(out, "src:");
        fmt::mac(out, src);
        fmt::s(out, "; ");
    }
    let b = Bytes(data);
    let (Some(vnh), Some(htst), Some(plen), Some(hops)) = (b.u8(0), b.u8(1), b.u16(4), b.u8(7))
    else {
        fmt::s(out, " [|geonet]");
        return;
    };
    let (ht, hst) = (htst >> 4, htst & 0x0f);
    let (ht_name, ext) = header_type(ht, hst);
    fmt::s(out, "v:");
    fmt::u(out, u64::from(vnh >> 4));
    fmt::s(out, " NH:");
    fmt::u(out, u64::from(vnh & 0x0f));
    out.push(b'-');
    fmt::s(out, next_header(vnh & 0x0f));
    fmt::s(out, " HT:");
    fmt::u(out, u64::from(ht));
    out.push(b'-');
    fmt::u(out, u64::from(hst));
    out.push(b'-');
    fmt::s(out, ht_name);
    fmt::s(out, " HopLim:");
    fmt::u(out, u64::from(hops));
    fmt::s(out, " Payload:");
    fmt::u(out, u64::from(plen));
    out.push(b' ');
    let (Some(addr), Some(lat), Some(lon)) = (b.slice(8, 8), b.u32(20), b.u32(24)) else {
        fmt::s(out, " [|geonet]");
        return;
    };
    fmt::s(out, "GN_ADDR:");
    fmt::mac(out, addr);
    fmt::s(out, " lat:");
    signed(out, lat as i32);
    fmt::s(out, " lon:");
    signed(out, lon as i32);
    let rest = len.saturating_sub(BASIC);
    if rest < ext {
        fmt::s(out, " (header size ");
        fmt::u(out, ext as u64);
        fmt::s(out, " > ");
        fmt::u(out, rest as u64);
        fmt::s(out, ") (invalid)");
        return;
    }
    let at = BASIC + ext;
    match vnh & 0x0f {
        1 | 2 => {
            let (Some(dst), Some(second)) = (b.u16(at), b.u16(at + 2)) else {
                fmt::s(out, " [|geonet]");
                return;
            };
            fmt::s(out, "; BTP Dst:");
            fmt::u(out, u64::from(dst));
            fmt::s(out, if vnh & 0x0f == 1 { " Src:" } else { " Dst-Info:" });
            fmt::u(out, u64::from(second));
            let (Some(v), Some(t)) = (b.u8(at + 4), b.u8(at + 5)) else {
                fmt::s(out, " [|geonet]");
                return;
            };
            fmt::s(out, "; ItsPduHeader v:");
            fmt::u(out, u64::from(v));
            fmt::s(out, " t:");
            fmt::u(out, u64::from(t));
            out.push(b'-');
            fmt::s(out, its_message(t));
        }
        _ => {}
    }
}

/// Prints a CALM FAST header: the source and destination network
/// references.
pub(crate) fn calm_fast(data: &[u8], src: Option<&[u8]>, out: &mut Vec<u8>) {
    fmt::s(out, "CALM FAST");
    if let Some(src) = src {
        fmt::s(out, " src:");
        fmt::mac(out, src);
    }
    fmt::s(out, "; ");
    let b = Bytes(data);
    let (Some(s), Some(d)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, " [|calm fast]");
        return;
    };
    fmt::s(out, "SrcNwref:");
    fmt::u(out, u64::from(s));
    fmt::s(out, "; DstNwref:");
    fmt::u(out, u64::from(d));
    fmt::s(out, "; ");
}
