//! OpenFlow 1.0 message bodies, as tcpdump 4.99.3 prints them with `-v`
//! and `-vv`.
//!
//! Each body goes on continuation lines after the header line, indented by
//! one space (two for the entries of a list: ports, flow statistics,
//! queues; three for what `-vv` adds to them): the switch features and
//! its ports, configurations, flow mods and flow-removed notices with
//! their match and actions, packet-in and packet-out, port status and
//! port mod, errors, the statistics requests and replies (description,
//! flow, aggregate, table, port, queue, vendor), queue configuration, and
//! the Big Switch Networks vendor messages and mirror action.
//!
//! Fields are read before their label is written, so a body cut by the
//! capture ends after its last complete field, as tcpdump's does. Values
//! outside their range are kept and marked: `(bogus)` for a flag, VLAN or
//! length that is wrong but harmless, `(invalid)` where the structure can
//! no longer be followed.
//!
//! Not dissected: the packet carried by packet-in and packet-out (shown
//! as `data (N octets)`; tcpdump decodes it only with `-vvv`).

use super::fmt;
use super::openflow::{
    Msg, Res, Stop, bitmap, bitmap_valid, data_octets, name_or_invalid, name_or_unknown, push_char,
    vendor_name,
};

/// `ofp_port` values above the physical range (`OFPP_MAX` and up).
fn port(out: &mut Vec<u8>, p: u16) {
    let name = match p {
        0xff00 => "MAX",
        0xfff8 => "IN_PORT",
        0xfff9 => "TABLE",
        0xfffa => "NORMAL",
        0xfffb => "FLOOD",
        0xfffc => "ALL",
        0xfffd => "CONTROLLER",
        0xfffe => "LOCAL",
        0xffff => "NONE",
        _ => return fmt::u(out, p as u64),
    };
    fmt::s(out, name);
}

/// A VLAN id: `NONE` (0xffff), or the number, ` (bogus)` outside 1..4094.
fn vlan_vid(out: &mut Vec<u8>, v: u16) {
    if v == 0xffff {
        fmt::s(out, "NONE");
    } else {
        fmt::u(out, v as u64);
        if v == 0 || v > 4094 {
            fmt::s(out, " (bogus)");
        }
    }
}

/// `buffer_id NONE` (0xffffffff) or the id in hex.
fn buffer_id(out: &mut Vec<u8>, id: u32) {
    if id == 0xffff_ffff {
        fmt::s(out, "NONE");
    } else {
        fmt::s(out, "0x");
        fmt::x_pad(out, id as u64, 8);
    }
}

fn table_id(out: &mut Vec<u8>, t: u8) {
    match t {
        0xff => fmt::s(out, "ALL"),
        0xfe => fmt::s(out, "EMERG"),
        _ => fmt::u(out, t as u64),
    }
}

const CAPABILITIES: &[(u32, &str)] = &[
    (1 << 0, "FLOW_STATS"),
    (1 << 1, "TABLE_STATS"),
    (1 << 2, "PORT_STATS"),
    (1 << 3, "STP"),
    (1 << 4, "RESERVED"),
    (1 << 5, "IP_REASM"),
    (1 << 6, "QUEUE_STATS"),
    (1 << 7, "ARP_MATCH_IP"),
];

/// Action types (`ofp_action_type`), also the bits of the features'
/// `actions` bitmap.
const ACTIONS: [&str; 12] = [
    "OUTPUT",
    "SET_VLAN_VID",
    "SET_VLAN_PCP",
    "STRIP_VLAN",
    "SET_DL_SRC",
    "SET_DL_DST",
    "SET_NW_SRC",
    "SET_NW_DST",
    "SET_NW_TOS",
    "SET_TP_SRC",
    "SET_TP_DST",
    "ENQUEUE",
];

const ACTION_BITS: &[(u32, &str)] = &[
    (1 << 0, "OUTPUT"),
    (1 << 1, "SET_VLAN_VID"),
    (1 << 2, "SET_VLAN_PCP"),
    (1 << 3, "STRIP_VLAN"),
    (1 << 4, "SET_DL_SRC"),
    (1 << 5, "SET_DL_DST"),
    (1 << 6, "SET_NW_SRC"),
    (1 << 7, "SET_NW_DST"),
    (1 << 8, "SET_NW_TOS"),
    (1 << 9, "SET_TP_SRC"),
    (1 << 10, "SET_TP_DST"),
    (1 << 11, "ENQUEUE"),
];

/// The single-bit wildcards (`ofp_flow_wildcards`); the IP source and
/// destination wildcards are 6-bit counts at bits 8 and 14.
const WILDCARDS: &[(u32, &str)] = &[
    (1 << 0, "IN_PORT"),
    (1 << 1, "DL_VLAN"),
    (1 << 2, "DL_SRC"),
    (1 << 3, "DL_DST"),
    (1 << 4, "DL_TYPE"),
    (1 << 5, "NW_PROTO"),
    (1 << 6, "TP_SRC"),
    (1 << 7, "TP_DST"),
    (1 << 20, "DL_VLAN_PCP"),
    (1 << 21, "NW_TOS"),
    (0x3f << 8, ""),
    (0x3f << 14, ""),
];
const WILDCARDS_ALL: u32 = (1 << 22) - 1;

const FLOW_MOD_FLAGS: &[(u32, &str)] =
    &[(1 << 0, "SEND_FLOW_REM"), (1 << 1, "CHECK_OVERLAP"), (1 << 2, "EMERG")];

const STATS_FLAGS: &[(u32, &str)] = &[(1 << 0, "MORE")];

const STATS_TYPES: [&str; 6] = ["DESC", "FLOW", "AGGREGATE", "TABLE", "PORT", "QUEUE"];

/// The body of one OpenFlow 1.0 message of type `kind` and length `mlen`
/// (already checked against the type's size rule).
pub(crate) fn body(out: &mut Vec<u8>, m: Msg<'_>, kind: u8, mlen: usize) -> Res {
    match kind {
        1 => error(out, m, mlen),
        0 | 2 | 3 => {
            data_octets(out, m, "\n\t ", (8, mlen), true)?;
            Ok(())
        }
        4 => vendor(out, m, mlen),
        6 => features_reply(out, m, mlen),
        8 | 9 => {
            let flags = m.u16(8)?;
            fmt::s(out, "\n\t flags ");
            name_or_invalid(out, flags as u32, &["FRAG_NORMAL", "FRAG_DROP", "FRAG_REASM"], 4);
            let v = m.u16(10)? as u64;
            fmt::s(out, ", miss_send_len ");
            fmt::u(out, v);
            Ok(())
        }
        10 => packet_in(out, m, mlen),
        11 => flow_removed(out, m),
        12 => {
            let v = m.u8(8)? as u32;
            fmt::s(out, "\n\t reason ");
            name_or_invalid(out, v, &["ADD", "DELETE", "MODIFY"], 2);
            phy_port(out, m.from(16))
        }
        13 => packet_out(out, m, mlen),
        14 => flow_mod(out, m, mlen),
        15 => port_mod(out, m).and_then(|()| m.slice(0, mlen).map(|_| ())),
        16 => stats_request(out, m, mlen),
        17 => stats_reply(out, m, mlen),
        20 => {
            let v = m.u16(8)?;
            fmt::s(out, "\n\t port ");
            port(out, v);
            // Trailing padding is checked too.
            m.slice(0, mlen).map(|_| ())
        }
        21 => queue_config_reply(out, m, mlen),
        _ => Ok(()),
    }
}

/// `ofp_phy_port` (48 bytes) at -v: number, address and name.
fn phy_port(out: &mut Vec<u8>, m: Msg<'_>) -> Res {
    let v = m.u16(0)?;
    fmt::s(out, "\n\t  port_no ");
    port(out, v);
    m.mac(out, ", hw_addr ", 2)?;
    m.string(out, ", name ", 8, 16)?;
    if m.2 {
        let v = m.u32(24)?;
        fmt::s(out, "\n\t   config ");
        bitmap(out, v, 8, PORT_CONFIG);
        let v = m.u32(28)?;
        fmt::s(out, "\n\t   state ");
        port_state(out, v);
        for (name, at) in [
            ("\n\t   curr ", 32),
            ("\n\t   advertised ", 36),
            ("\n\t   supported ", 40),
            ("\n\t   peer ", 44),
        ] {
            let v = m.u32(at)?;
            fmt::s(out, name);
            bitmap(out, v, 8, PORT_FEATURES);
        }
    }
    // The rest of the port is shown with -vv only, but has to be there.
    m.slice(0, 48)?;
    Ok(())
}

/// `ofp_port_state`: the spanning-tree state (a 2-bit field, always
/// named) and the link-down bit.
fn port_state(out: &mut Vec<u8>, v: u32) {
    fmt::s(out, "0x");
    fmt::x_pad(out, v as u64, 8);
    fmt::s(out, " (");
    fmt::s(out, ["STP_LISTEN", "STP_LEARN", "STP_FORWARD", "STP_BLOCK"][((v >> 8) & 3) as usize]);
    if v & 1 != 0 {
        fmt::s(out, ", LINK_DOWN");
    }
    out.push(b')');
    if v & !0x301 != 0 {
        fmt::s(out, " (bogus)");
    }
}

fn features_reply(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    let v = m.u64(8)?;
    fmt::s(out, "\n\t dpid 0x");
    fmt::x_pad(out, v, 16);
    let v = m.u32(16)? as u64;
    fmt::s(out, ", n_buffers ");
    fmt::u(out, v);
    let v = m.u8(20)? as u64;
    fmt::s(out, ", n_tables ");
    fmt::u(out, v);
    let v = m.u32(24)?;
    fmt::s(out, "\n\t capabilities ");
    bitmap_valid(out, v, 8, CAPABILITIES, !(1 << 4));
    let v = m.u32(28)?;
    fmt::s(out, "\n\t actions ");
    bitmap(out, v, 8, ACTION_BITS);
    let mut off = 32;
    while off + 48 <= mlen {
        phy_port(out, m.from(off))?;
        off += 48;
    }
    if off != mlen {
        fmt::s(out, " (invalid)");
        return Err(Stop::Invalid);
    }
    Ok(())
}

/// The 40-byte `ofp_match` at `off`: one `match FIELD VALUE` line per
/// field its wildcards leave exact.
fn flow_match(out: &mut Vec<u8>, m: Msg<'_>, off: usize, indent: &str) -> Res {
    let w = m.u32(off)?;
    let line = |out: &mut Vec<u8>, name: &str| {
        fmt::s(out, indent);
        fmt::s(out, "match ");
        fmt::s(out, name);
        out.push(b' ');
    };
    if w & !WILDCARDS_ALL != 0 {
        fmt::s(out, indent);
        fmt::s(out, "wildcards 0x");
        fmt::x_pad(out, w as u64, 8);
        fmt::s(out, " (bogus)");
    }
    if w & 1 == 0 {
        let p = m.u16(off + 4)?;
        line(out, "in_port");
        port(out, p);
    }
    if w & (1 << 2) == 0 {
        m.slice(off + 6, 6)?;
        line(out, "dl_src");
        m.mac(out, "", off + 6)?;
    }
    if w & (1 << 3) == 0 {
        m.slice(off + 12, 6)?;
        line(out, "dl_dst");
        m.mac(out, "", off + 12)?;
    }
    if w & (1 << 1) == 0 {
        let v = m.u16(off + 18)?;
        line(out, "dl_vlan");
        vlan_vid(out, v);
    }
    if w & (1 << 20) == 0 {
        let v = m.u8(off + 20)?;
        line(out, "dl_vlan_pcp");
        fmt::u(out, v as u64);
        if v > 7 {
            fmt::s(out, " (bogus)");
        }
    }
    let typed = w & (1 << 4) == 0;
    let dl_type = if typed {
        let v = m.u16(off + 22)?;
        line(out, "dl_type");
        fmt::s(out, "0x");
        fmt::x_pad(out, v as u64, 4);
        v
    } else {
        0
    };
    if w & (1 << 21) == 0 {
        let v = m.u8(off + 24)?;
        line(out, "nw_tos");
        fmt::s(out, "0x");
        fmt::x_pad(out, v as u64, 2);
    }
    let proto_exact = w & (1 << 5) == 0;
    let nw_proto = if proto_exact {
        let v = m.u8(off + 25)?;
        line(out, if typed && dl_type == 0x0806 { "arp_opcode" } else { "nw_proto" });
        fmt::u(out, v as u64);
        v
    } else {
        0
    };
    for (shift, name, at) in [(8, "nw_src", 28), (14, "nw_dst", 32)] {
        let bits = (w >> shift) & 0x3f;
        if bits < 32 {
            m.slice(off + at, 4)?;
            line(out, name);
            m.ipv4(out, "", off + at)?;
            out.push(b'/');
            fmt::u(out, (32 - bits) as u64);
        }
    }
    let icmp = typed && dl_type == 0x0800 && proto_exact && nw_proto == 1;
    if w & (1 << 6) == 0 {
        let v = m.u16(off + 36)?;
        line(out, if icmp { "icmp_type" } else { "tp_src" });
        fmt::u(out, v as u64);
    }
    if w & (1 << 7) == 0 {
        let v = m.u16(off + 38)?;
        line(out, if icmp { "icmp_code" } else { "tp_dst" });
        fmt::u(out, v as u64);
    }
    Ok(())
}

/// A list of actions from `off` to `end`, one `action type ...` line each
/// (`indent` is the line start, `\n\t ` or `\n\t  `).
fn actions(out: &mut Vec<u8>, m: Msg<'_>, mut off: usize, end: usize, indent: &str) -> Res {
    // A list that cannot be walked is marked ` (invalid)` and skipped; the
    // caller goes on with what follows it.
    let invalid = |out: &mut Vec<u8>, off: usize| {
        fmt::s(out, " (invalid)");
        m.slice(off, end - off).map(|_| ())
    };
    while off < end {
        if end - off < 8 {
            return invalid(out, off);
        }
        let kind = m.u16(off)?;
        fmt::s(out, indent);
        fmt::s(out, "action type ");
        if kind == 0xffff {
            fmt::s(out, "VENDOR");
        } else {
            name_or_invalid(out, kind as u32, &ACTIONS, 4);
        }
        let alen = m.u16(off + 2)? as usize;
        fmt::s(out, ", len ");
        fmt::u(out, alen as u64);
        if alen < 8 || off + alen > end {
            return invalid(out, off);
        }
        // A length wrong for the type is bogus, but the list goes on.
        let want = match kind {
            0..=3 | 6..=10 => Some(8),
            4 | 5 | 11 => Some(16),
            _ => None,
        };
        if want.is_some_and(|w| alen != w) {
            fmt::s(out, " (bogus)");
            m.slice(off, alen)?;
            off += alen;
            continue;
        }
        match kind {
            0 => {
                let p = m.u16(off + 4)?;
                fmt::s(out, ", port ");
                port(out, p);
                if p == 0xfffd {
                    let v = m.u16(off + 6)? as u64;
                    fmt::s(out, ", max_len ");
                    fmt::u(out, v);
                }
            }
            1 => {
                let v = m.u16(off + 4)?;
                fmt::s(out, ", vlan_vid ");
                vlan_vid(out, v);
            }
            2 => {
                let v = m.u8(off + 4)?;
                fmt::s(out, ", vlan_pcp ");
                fmt::u(out, v as u64);
                if v > 7 {
                    fmt::s(out, " (bogus)");
                }
            }
            4 | 5 => {
                m.mac(out, ", dl_addr ", off + 4)?;
            }
            6 | 7 => {
                m.ipv4(out, ", nw_addr ", off + 4)?;
            }
            8 => {
                let v = m.u8(off + 4)? as u64;
                fmt::s(out, ", nw_tos 0x");
                fmt::x_pad(out, v, 2);
            }
            9 | 10 => {
                let v = m.u16(off + 4)? as u64;
                fmt::s(out, ", tp_port ");
                fmt::u(out, v);
            }
            11 => {
                let v = m.u16(off + 4)?;
                fmt::s(out, ", port ");
                port(out, v);
                let v = m.u32(off + 12)?;
                fmt::s(out, ", queue_id ");
                queue_id(out, v);
            }
            0xffff => {
                let vendor = m.u32(off + 4)?;
                fmt::s(out, ", vendor ");
                vendor_name(out, vendor);
                if vendor == BSN {
                    bsn_action(out, m, off, alen)?;
                } else {
                    data_octets(out, m, "\n\t ", (off + 8, off + alen), true)?;
                }
            }
            _ => {}
        }
        m.slice(off, alen)?;
        off += alen;
    }
    Ok(())
}

fn queue_id(out: &mut Vec<u8>, q: u32) {
    if q == 0xffff_ffff {
        fmt::s(out, "ALL");
    } else {
        fmt::u(out, q as u64);
    }
}

/// Big Switch Networks' vendor id.
const BSN: u32 = 0x005c_16c7;

/// The Big Switch mirror action: `subtype MIRROR, dest_port 21, vlan_tag
/// 802.1Q (vlan 2, p 4), copy_stage INGRESS`, one level deeper.
fn bsn_action(out: &mut Vec<u8>, m: Msg<'_>, off: usize, alen: usize) -> Res {
    if alen < 12 {
        fmt::s(out, " (invalid)");
        return Ok(());
    }
    let subtype = m.u32(off + 8)?;
    fmt::s(out, "\n\t  subtype ");
    if subtype != 1 {
        fmt::s(out, "unknown (0x");
        fmt::x_pad(out, subtype as u64, 8);
        out.push(b')');
        return Ok(());
    }
    if alen != 24 {
        fmt::s(out, "MIRROR (invalid)");
        return Ok(());
    }
    fmt::s(out, "MIRROR");
    let v = m.u32(off + 12)? as u64;
    fmt::s(out, ", dest_port ");
    fmt::u(out, v);
    let tag = m.u32(off + 16)?;
    fmt::s(out, ", vlan_tag ");
    if tag == 0 {
        fmt::s(out, "none");
    } else if tag >> 16 == 0x8100 {
        fmt::s(out, "802.1Q (vlan ");
        fmt::u(out, (tag & 0xfff) as u64);
        fmt::s(out, ", p ");
        fmt::u(out, ((tag >> 13) & 7) as u64);
        if tag & 0x1000 != 0 {
            fmt::s(out, ", DEI");
        }
        out.push(b')');
    } else {
        fmt::s(out, "unknown (0x");
        fmt::x_pad(out, (tag >> 16) as u64, 4);
        out.push(b')');
    }
    let v = m.u8(off + 20)? as u32;
    fmt::s(out, ", copy_stage ");
    match v {
        0 => fmt::s(out, "INGRESS"),
        1 => fmt::s(out, "EGRESS"),
        _ => {
            fmt::s(out, "unknown (");
            fmt::u(out, v as u64);
            out.push(b')');
        }
    }
    Ok(())
}

fn vendor(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    let id = m.u32(8)?;
    fmt::s(out, ", vendor ");
    vendor_name(out, id);
    if id != BSN || mlen < 16 {
        data_octets(out, m, "\n\t ", (12, mlen), true)?;
        return Ok(());
    }
    let subtype = m.u32(12)?;
    fmt::s(out, "\n\t subtype ");
    const SUBTYPES: [&str; 29] = [
        "SET_IP_MASK",
        "GET_IP_MASK_REQUEST",
        "GET_IP_MASK_REPLY",
        "SET_MIRRORING",
        "GET_MIRRORING_REQUEST",
        "GET_MIRRORING_REPLY",
        "SHELL_COMMAND",
        "SHELL_OUTPUT",
        "SHELL_STATUS",
        "GET_INTERFACES_REQUEST",
        "GET_INTERFACES_REPLY",
        "SET_PKTIN_SUPPRESSION_REQUEST",
        "SET_L2_TABLE_REQUEST",
        "GET_L2_TABLE_REQUEST",
        "GET_L2_TABLE_REPLY",
        "VIRTUAL_PORT_CREATE_REQUEST",
        "VIRTUAL_PORT_CREATE_REPLY",
        "VIRTUAL_PORT_REMOVE_REQUEST",
        "BW_ENABLE_SET_REQUEST",
        "BW_ENABLE_GET_REQUEST",
        "BW_ENABLE_GET_REPLY",
        "BW_CLEAR_DATA_REQUEST",
        "BW_CLEAR_DATA_REPLY",
        "BW_ENABLE_SET_REPLY",
        "SET_L2_TABLE_REPLY",
        "SET_PKTIN_SUPPRESSION_REPLY",
        "VIRTUAL_PORT_REMOVE_REPLY",
        "HYBRID_GET_REQUEST",
        "HYBRID_GET_REPLY",
    ];
    name_or_unknown(out, subtype, &SUBTYPES, 8);
    // Requests without a body are exactly the 16-byte vendor header; the
    // other subtypes tcpdump does not dissect may have any length.
    let size_ok = match subtype {
        0..=2 => mlen == 24,
        3..=5 | 8 | 17 => mlen == 20,
        6 => mlen >= 20,
        9 | 13 | 19 | 21 | 27 => mlen == 16,
        _ => true,
    };
    if !size_ok {
        fmt::s(out, " (invalid)");
        return Err(Stop::Invalid);
    }
    match subtype {
        0..=2 => {
            let v = m.u8(16)? as u64;
            fmt::s(out, ", index ");
            fmt::u(out, v);
            if subtype != 1 {
                m.ipv4(out, ", mask ", 20)?;
            }
        }
        3..=5 => {
            let on = m.u8(16)? != 0;
            fmt::s(out, ", report_mirror_ports ");
            fmt::s(out, if on { "ON" } else { "OFF" });
        }
        6 => {
            let v = m.u32(16)? as u64;
            fmt::s(out, ", service ");
            fmt::u(out, v);
            fmt::s(out, ", data '");
            for i in 20..mlen {
                push_char(out, m.u8(i)?);
            }
            out.push(b'\'');
        }
        7 => {
            fmt::s(out, ", data '");
            for i in 16..mlen {
                push_char(out, m.u8(i)?);
            }
            out.push(b'\'');
        }
        8 => {
            let v = m.u32(16)? as u64;
            fmt::s(out, ", status 0x");
            fmt::x_pad(out, v, 8);
        }
        17 => {
            let v = m.u32(16)?;
            fmt::s(out, ", vport_no ");
            fmt::u(out, v as u64);
        }
        _ => {}
    }
    // Subtypes ending in padding are checked whole.
    if matches!(subtype, 1 | 3..=5) {
        m.slice(0, mlen)?;
    }
    Ok(())
}

/// Error types and their codes (`ofp_error_type` and the per-type code
/// enumerations of the 1.0 specification).
fn error(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    const TYPES: [&str; 6] = [
        "HELLO_FAILED",
        "BAD_REQUEST",
        "BAD_ACTION",
        "FLOW_MOD_FAILED",
        "PORT_MOD_FAILED",
        "QUEUE_OP_FAILED",
    ];
    const CODES: [&[&str]; 6] = [
        &["INCOMPATIBLE", "EPERM"],
        &[
            "BAD_VERSION",
            "BAD_TYPE",
            "BAD_STAT",
            "BAD_VENDOR",
            "BAD_SUBTYPE",
            "EPERM",
            "BAD_LEN",
            "BUFFER_EMPTY",
            "BUFFER_UNKNOWN",
        ],
        &[
            "BAD_TYPE",
            "BAD_LEN",
            "BAD_VENDOR",
            "BAD_VENDOR_TYPE",
            "BAD_OUT_PORT",
            "BAD_ARGUMENT",
            "EPERM",
            "TOO_MANY",
            "BAD_QUEUE",
        ],
        &["ALL_TABLES_FULL", "OVERLAP", "EPERM", "BAD_EMERG_TIMEOUT", "BAD_COMMAND", "UNSUPPORTED"],
        &["BAD_PORT", "BAD_HW_ADDR"],
        &["BAD_PORT", "BAD_QUEUE", "EPERM"],
    ];
    let t = m.u16(8)?;
    fmt::s(out, "\n\t type ");
    name_or_invalid(out, t as u32, &TYPES, 4);
    let code = m.u16(10)?;
    fmt::s(out, ", code ");
    let codes = CODES.get(t as usize).copied().unwrap_or(&[]);
    name_or_invalid(out, code as u32, codes, 4);
    data_octets(out, m, "\n\t ", (12, mlen), true)?;
    Ok(())
}

fn packet_in(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    let v = m.u32(8)?;
    fmt::s(out, "\n\t buffer_id ");
    buffer_id(out, v);
    let v = m.u16(12)? as u64;
    fmt::s(out, ", total_len ");
    fmt::u(out, v);
    let v = m.u16(14)?;
    fmt::s(out, ", in_port ");
    port(out, v);
    let v = m.u8(16)? as u32;
    fmt::s(out, ", reason ");
    name_or_invalid(out, v, &["NO_MATCH", "ACTION"], 2);
    // The pad byte before the packet has to be there.
    m.u8(17)?;
    data_octets(out, m, "\n\t ", (18, mlen), false)?;
    Ok(())
}

fn packet_out(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    let v = m.u32(8)? as u64;
    fmt::s(out, "\n\t buffer_id 0x");
    fmt::x_pad(out, v, 8);
    let v = m.u16(12)?;
    fmt::s(out, ", in_port ");
    port(out, v);
    let alen = m.u16(14)? as usize;
    if 16 + alen > mlen {
        fmt::s(out, " (invalid)");
        return Err(Stop::Invalid);
    }
    actions(out, m, 16, 16 + alen, "\n\t ")?;
    data_octets(out, m, "\n\t ", (16 + alen, mlen), false)?;
    Ok(())
}

fn flow_removed(out: &mut Vec<u8>, m: Msg<'_>) -> Res {
    flow_match(out, m, 8, "\n\t ")?;
    let v = m.u64(48)?;
    fmt::s(out, "\n\t cookie 0x");
    fmt::x_pad(out, v, 16);
    let v = m.u16(56)?;
    if v != 0 {
        fmt::s(out, ", priority ");
        fmt::u(out, v as u64);
    }
    let v = m.u8(58)? as u32;
    fmt::s(out, ", reason ");
    name_or_unknown(out, v, &["IDLE_TIMEOUT", "HARD_TIMEOUT", "DELETE"], 2);
    let v = m.u32(60)? as u64;
    fmt::s(out, ", duration_sec ");
    fmt::u(out, v);
    let v = m.u32(64)? as u64;
    fmt::s(out, ", duration_nsec ");
    fmt::u(out, v);
    let idle = m.u16(68)?;
    if idle != 0 {
        fmt::s(out, ", idle_timeout ");
        fmt::u(out, idle as u64);
    }
    let v = m.u64(72)?;
    fmt::s(out, ", packet_count ");
    fmt::u(out, v);
    let v = m.u64(80)?;
    fmt::s(out, ", byte_count ");
    fmt::u(out, v);
    Ok(())
}

fn flow_mod(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    flow_match(out, m, 8, "\n\t ")?;
    let v = m.u64(48)?;
    fmt::s(out, "\n\t cookie 0x");
    fmt::x_pad(out, v, 16);
    let command = m.u16(56)?;
    fmt::s(out, ", command ");
    const COMMANDS: [&str; 5] = ["ADD", "MODIFY", "MODIFY_STRICT", "DELETE", "DELETE_STRICT"];
    match COMMANDS.get(command as usize) {
        Some(c) => fmt::s(out, c),
        None => {
            fmt::s(out, "invalid (0x");
            fmt::x_pad(out, command as u64, 4);
            out.push(b')');
        }
    }
    for (name, at) in [("idle_timeout", 58), ("hard_timeout", 60), ("priority", 62)] {
        let v = m.u16(at)?;
        if v != 0 {
            fmt::s(out, ", ");
            fmt::s(out, name);
            out.push(b' ');
            fmt::u(out, v as u64);
        }
    }
    match command {
        0..=2 => {
            let v = m.u32(64)?;
            fmt::s(out, ", buffer_id ");
            buffer_id(out, v);
        }
        3 | 4 => {
            let v = m.u16(68)?;
            fmt::s(out, ", out_port ");
            port(out, v);
        }
        _ => {}
    }
    let v = m.u16(70)? as u32;
    fmt::s(out, ", flags ");
    bitmap(out, v, 4, FLOW_MOD_FLAGS);
    actions(out, m, 72, mlen, "\n\t ")
}

/// Port configuration bits (`ofp_port_config`) and features
/// (`ofp_port_features`), for PORT_MOD.
const PORT_CONFIG: &[(u32, &str)] = &[
    (1 << 0, "PORT_DOWN"),
    (1 << 1, "NO_STP"),
    (1 << 2, "NO_RECV"),
    (1 << 3, "NO_RECV_STP"),
    (1 << 4, "NO_FLOOD"),
    (1 << 5, "NO_FWD"),
    (1 << 6, "NO_PACKET_IN"),
];
const PORT_FEATURES: &[(u32, &str)] = &[
    (1 << 0, "10MB_HD"),
    (1 << 1, "10MB_FD"),
    (1 << 2, "100MB_HD"),
    (1 << 3, "100MB_FD"),
    (1 << 4, "1GB_HD"),
    (1 << 5, "1GB_FD"),
    (1 << 6, "10GB_FD"),
    (1 << 7, "COPPER"),
    (1 << 8, "FIBER"),
    (1 << 9, "AUTONEG"),
    (1 << 10, "PAUSE"),
    (1 << 11, "PAUSE_ASYM"),
];

fn port_mod(out: &mut Vec<u8>, m: Msg<'_>) -> Res {
    let v = m.u16(8)?;
    fmt::s(out, "\n\t port_no ");
    port(out, v);
    m.mac(out, ", hw_addr ", 10)?;
    let v = m.u32(16)?;
    fmt::s(out, "\n\t config ");
    bitmap(out, v, 8, PORT_CONFIG);
    let v = m.u32(20)?;
    fmt::s(out, "\n\t mask ");
    bitmap(out, v, 8, PORT_CONFIG);
    let v = m.u32(24)?;
    fmt::s(out, "\n\t advertise ");
    bitmap(out, v, 8, PORT_FEATURES);
    Ok(())
}

/// `type FLOW, flags 0x0001 (MORE)`: the statistics header of a request or
/// reply.
fn stats_header(out: &mut Vec<u8>, m: Msg<'_>, flag_names: &[(u32, &str)]) -> Result<u16, Stop> {
    let t = m.u16(8)?;
    fmt::s(out, "\n\t type ");
    if t == 0xffff {
        fmt::s(out, "VENDOR");
    } else {
        name_or_invalid(out, t as u32, &STATS_TYPES, 4);
    }
    let v = m.u16(10)? as u32;
    fmt::s(out, ", flags ");
    bitmap(out, v, 4, flag_names);
    Ok(t)
}

fn stats_request(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    let t = stats_header(out, m, &[])?;
    let body = mlen - 12;
    let size_ok = match t {
        0 | 3 => body == 0,
        1 | 2 => body == 44,
        4 => body == 8,
        5 => body == 8,
        0xffff => body >= 4,
        _ => true,
    };
    if !size_ok {
        fmt::s(out, " (invalid)");
        return Err(Stop::Invalid);
    }
    match t {
        1 | 2 => {
            flow_match(out, m, 12, "\n\t ")?;
            let v = m.u8(52)?;
            fmt::s(out, "\n\t table_id ");
            table_id(out, v);
            let v = m.u16(54)?;
            fmt::s(out, ", out_port ");
            port(out, v);
        }
        4 => {
            let v = m.u16(12)?;
            fmt::s(out, "\n\t port_no ");
            port(out, v);
            m.slice(0, mlen)?;
        }
        5 => {
            let v = m.u16(12)?;
            fmt::s(out, "\n\t port_no ");
            port(out, v);
            let v = m.u32(16)?;
            fmt::s(out, ", queue_id ");
            queue_id(out, v);
        }
        0xffff => {
            let v = m.u32(12)?;
            fmt::s(out, ", vendor ");
            vendor_name(out, v);
            data_octets(out, m, "\n\t ", (16, mlen), true)?;
        }
        _ => {}
    }
    Ok(())
}

fn stats_reply(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    let t = stats_header(out, m, STATS_FLAGS)?;
    let body = mlen - 12;
    match t {
        0 => {
            if body != 1056 {
                fmt::s(out, " (invalid)");
                return Err(Stop::Invalid);
            }
            for (name, at, size) in [
                ("mfr_desc", 12, 256),
                ("hw_desc", 268, 256),
                ("sw_desc", 524, 256),
                ("serial_num", 780, 32),
                ("dp_desc", 812, 256),
            ] {
                fmt::s(out, "\n\t  ");
                fmt::s(out, name);
                m.string(out, " ", at, size)?;
            }
        }
        1 => {
            let mut off = 12;
            while off < mlen {
                off = flow_stats(out, m, off, mlen)?;
            }
        }
        2 => {
            if body != 24 {
                fmt::s(out, " (invalid)");
                return Err(Stop::Invalid);
            }
            let v = m.u64(12)?;
            fmt::s(out, "\n\t packet_count ");
            fmt::u(out, v);
            let v = m.u64(20)?;
            fmt::s(out, ", byte_count ");
            fmt::u(out, v);
            let v = m.u32(28)? as u64;
            fmt::s(out, ", flow_count ");
            fmt::u(out, v);
            m.slice(0, mlen)?;
        }
        3 => {
            for off in (12..mlen).step_by(64) {
                if mlen - off < 64 {
                    fmt::s(out, " (invalid)");
                    return Err(Stop::Invalid);
                }
                let v = m.u8(off)?;
                fmt::s(out, "\n\t table_id ");
                table_id(out, v);
                m.string(out, ", name ", off + 4, 32)?;
                let v = m.u32(off + 36)?;
                fmt::s(out, "\n\t  wildcards ");
                bitmap(out, v, 8, WILDCARDS);
                let v = m.u32(off + 40)? as u64;
                fmt::s(out, "\n\t  max_entries ");
                fmt::u(out, v);
                let v = m.u32(off + 44)? as u64;
                fmt::s(out, ", active_count ");
                fmt::u(out, v);
                let v = m.u64(off + 48)?;
                fmt::s(out, ", lookup_count ");
                fmt::u(out, v);
                let v = m.u64(off + 56)?;
                fmt::s(out, ", matched_count ");
                fmt::u(out, v);
            }
        }
        4 => {
            for off in (12..mlen).step_by(104) {
                if mlen - off < 104 {
                    fmt::s(out, " (invalid)");
                    return Err(Stop::Invalid);
                }
                let v = m.u16(off)?;
                fmt::s(out, "\n\t  port_no ");
                port(out, v);
                if m.2 {
                    for (i, name) in [
                        ", rx_packets ",
                        ", tx_packets ",
                        ", rx_bytes ",
                        ", tx_bytes ",
                        ", rx_dropped ",
                        ", tx_dropped ",
                        ", rx_errors ",
                        ", tx_errors ",
                        ", rx_frame_err ",
                        ", rx_over_err ",
                        ", rx_crc_err ",
                        ", collisions ",
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        let v = m.u64(off + 8 + 8 * i)?;
                        fmt::s(out, name);
                        fmt::u(out, v);
                    }
                }
                m.slice(off, 104)?;
            }
        }
        5 => {
            for off in (12..mlen).step_by(32) {
                if mlen - off < 32 {
                    fmt::s(out, " (invalid)");
                    return Err(Stop::Invalid);
                }
                let v = m.u16(off)?;
                fmt::s(out, "\n\t  port_no ");
                port(out, v);
                let v = m.u32(off + 4)?;
                fmt::s(out, ", queue_id ");
                queue_id(out, v);
                let v = m.u64(off + 8)?;
                fmt::s(out, ", tx_bytes ");
                fmt::u(out, v);
                let v = m.u64(off + 16)?;
                fmt::s(out, ", tx_packets ");
                fmt::u(out, v);
                let v = m.u64(off + 24)?;
                fmt::s(out, ", tx_errors ");
                fmt::u(out, v);
            }
        }
        0xffff => {
            if body < 4 {
                fmt::s(out, " (invalid)");
                return Err(Stop::Invalid);
            }
            let v = m.u32(12)?;
            fmt::s(out, ", vendor ");
            vendor_name(out, v);
            data_octets(out, m, "\n\t ", (16, mlen), true)?;
        }
        _ => {}
    }
    Ok(())
}

/// One `ofp_flow_stats` entry at `off`; returns where the next starts.
fn flow_stats(out: &mut Vec<u8>, m: Msg<'_>, off: usize, end: usize) -> Result<usize, Stop> {
    if end - off < 88 {
        fmt::s(out, " (invalid)");
        return Err(Stop::Invalid);
    }
    let elen = m.u16(off)? as usize;
    fmt::s(out, "\n\t length ");
    fmt::u(out, elen as u64);
    if elen < 88 || off + elen > end {
        fmt::s(out, " (invalid)");
        return Err(Stop::Invalid);
    }
    let v = m.u8(off + 2)?;
    fmt::s(out, ", table_id ");
    table_id(out, v);
    flow_match(out, m, off + 4, "\n\t  ")?;
    let v = m.u32(off + 44)? as u64;
    fmt::s(out, "\n\t  duration_sec ");
    fmt::u(out, v);
    let v = m.u32(off + 48)? as u64;
    fmt::s(out, ", duration_nsec ");
    fmt::u(out, v);
    let v = m.u16(off + 52)? as u64;
    fmt::s(out, ", priority ");
    fmt::u(out, v);
    let v = m.u16(off + 54)? as u64;
    fmt::s(out, ", idle_timeout ");
    fmt::u(out, v);
    let v = m.u16(off + 56)? as u64;
    fmt::s(out, ", hard_timeout ");
    fmt::u(out, v);
    let v = m.u64(off + 64)?;
    fmt::s(out, ", cookie 0x");
    fmt::x_pad(out, v, 16);
    let v = m.u64(off + 72)?;
    fmt::s(out, ", packet_count ");
    fmt::u(out, v);
    let v = m.u64(off + 80)?;
    fmt::s(out, ", byte_count ");
    fmt::u(out, v);
    // A bad action list is marked, and so is the entry around it.
    actions(out, m, off + 88, off + elen, "\n\t  ").inspect_err(|e| {
        if *e == Stop::Invalid {
            fmt::s(out, " (invalid)");
        }
    })?;
    Ok(off + elen)
}

fn queue_config_reply(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    let v = m.u16(8)?;
    fmt::s(out, "\n\t port ");
    port(out, v);
    let mut off = 16;
    while off < mlen {
        if mlen - off < 8 {
            fmt::s(out, " (invalid)");
            return Err(Stop::Invalid);
        }
        let v = m.u32(off)? as u64;
        fmt::s(out, "\n\t  queue_id ");
        fmt::u(out, v);
        let qlen = m.u16(off + 4)? as usize;
        fmt::s(out, ", len ");
        fmt::u(out, qlen as u64);
        if qlen < 8 || off + qlen > mlen {
            fmt::s(out, " (invalid)");
            return Err(Stop::Invalid);
        }
        if m.2 {
            queue_properties(out, m, off + 8, off + qlen)?;
        }
        m.slice(off, qlen)?;
        off += qlen;
    }
    Ok(())
}

/// A queue's properties (`ofp_queue_prop_header`), shown with `-vv`:
/// `property NONE, len 8`, or `property MIN_RATE, len 16, rate N`.
fn queue_properties(out: &mut Vec<u8>, m: Msg<'_>, mut off: usize, end: usize) -> Res {
    while off < end {
        if end - off < 8 {
            fmt::s(out, " (invalid)");
            return Err(Stop::Invalid);
        }
        let kind = m.u16(off)?;
        fmt::s(out, "\n\t   property ");
        name_or_unknown(out, kind as u32, &["NONE", "MIN_RATE"], 4);
        let plen = m.u16(off + 2)? as usize;
        fmt::s(out, ", len ");
        fmt::u(out, plen as u64);
        if plen < 8 || off + plen > end {
            fmt::s(out, " (invalid)");
            return Err(Stop::Invalid);
        }
        if kind == 1 {
            if plen != 16 {
                m.slice(off, plen)?;
                fmt::s(out, " (bogus)");
            } else {
                // The rate is in tenths of a percent; above 100% the
                // queue's minimum rate is disabled.
                let v = m.u16(off + 8)?;
                fmt::s(out, ", rate ");
                if v > 1000 {
                    fmt::s(out, "disabled");
                } else {
                    fmt::u(out, (v / 10) as u64);
                    out.push(b'.');
                    fmt::u(out, (v % 10) as u64);
                    out.push(b'%');
                }
            }
        }
        m.slice(off, plen)?;
        off += plen;
    }
    Ok(())
}
