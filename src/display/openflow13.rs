//! OpenFlow 1.3 message bodies, as tcpdump 4.99.3 prints them with `-v`.
//!
//! tcpdump 4.99.3 dissects only part of OpenFlow 1.3: hello elements,
//! errors, experimenter messages, switch features and configuration, port
//! status and port mod, table mod, queue configuration requests, role
//! requests and replies, and the asynchronous-message masks. The other
//! types (packet-in and -out, flow and group mods, multipart messages,
//! meters) print their header line only, as here.
//!
//! Two quirks of tcpdump are kept so the output matches: the version
//! bitmap of a hello names bit N as version `1.N`, and the flow-removed
//! masks of the asynchronous configuration use the port-status reason
//! names.

use super::fmt;
use super::openflow::{
    Msg, Res, Stop, bitmap, data_octets, name_or_invalid, name_or_unknown, vendor_name,
};

/// 32-bit port numbers, with the reserved values named.
fn port(out: &mut Vec<u8>, p: u32) {
    let name = match p {
        0xffff_ff00 => "MAX",
        0xffff_fff8 => "IN_PORT",
        0xffff_fff9 => "TABLE",
        0xffff_fffa => "NORMAL",
        0xffff_fffb => "FLOOD",
        0xffff_fffc => "ALL",
        0xffff_fffd => "CONTROLLER",
        0xffff_fffe => "LOCAL",
        0xffff_ffff => "ANY",
        _ => return fmt::u(out, p as u64),
    };
    fmt::s(out, name);
}

const CAPABILITIES: &[(u32, &str)] = &[
    (1 << 0, "FLOW_STATS"),
    (1 << 1, "TABLE_STATS"),
    (1 << 2, "PORT_STATS"),
    (1 << 3, "GROUP_STATS"),
    (1 << 5, "IP_REASM"),
    (1 << 6, "QUEUE_STATS"),
    (1 << 8, "PORT_BLOCKED"),
];

const PORT_CONFIG: &[(u32, &str)] =
    &[(1 << 0, "PORT_DOWN"), (1 << 2, "NO_RECV"), (1 << 5, "NO_FWD"), (1 << 6, "NO_PACKET_IN")];

const PORT_STATE: &[(u32, &str)] = &[(1 << 0, "LINK_DOWN"), (1 << 1, "BLOCKED"), (1 << 2, "LIVE")];

const PORT_FEATURES: &[(u32, &str)] = &[
    (1 << 0, "10MB_HD"),
    (1 << 1, "10MB_FD"),
    (1 << 2, "100MB_HD"),
    (1 << 3, "100MB_FD"),
    (1 << 4, "1GB_HD"),
    (1 << 5, "1GB_FD"),
    (1 << 6, "10GB_FD"),
    (1 << 7, "40GB_FD"),
    (1 << 8, "100GB_FD"),
    (1 << 9, "1TB_FD"),
    (1 << 10, "OTHER"),
    (1 << 11, "COPPER"),
    (1 << 12, "FIBER"),
    (1 << 13, "AUTONEG"),
    (1 << 14, "PAUSE"),
    (1 << 15, "PAUSE_ASYM"),
];

const VERSION_BITS: &[(u32, &str)] = &[
    (1 << 0, "1.0"),
    (1 << 1, "1.1"),
    (1 << 2, "1.2"),
    (1 << 3, "1.3"),
    (1 << 4, "1.4"),
    (1 << 5, "1.5"),
];

const PACKET_IN_REASONS: &[(u32, &str)] =
    &[(1 << 0, "NO_MATCH"), (1 << 1, "ACTION"), (1 << 2, "INVALID_TTL")];
const PORT_REASONS: &[(u32, &str)] = &[(1 << 0, "ADD"), (1 << 1, "DELETE"), (1 << 2, "MODIFY")];

/// The body of one OpenFlow 1.3 message of type `kind` and length `mlen`
/// (already checked against the type's size rule).
pub(crate) fn body(out: &mut Vec<u8>, m: Msg<'_>, kind: u8, mlen: usize) -> Res {
    match kind {
        0 => hello(out, m, mlen),
        1 => error(out, m, mlen),
        2 | 3 => {
            data_octets(out, m, "\n\t ", (8, mlen), true)?;
            Ok(())
        }
        4 => {
            let v = m.u32(8)?;
            fmt::s(out, "\n\t experimenter ");
            vendor_name(out, v);
            let v = m.u32(12)? as u64;
            fmt::s(out, ", exp_type 0x");
            fmt::x_pad(out, v, 8);
            data_octets(out, m, "\n\t ", (16, mlen), true)?;
            Ok(())
        }
        6 => {
            let v = m.u64(8)?;
            fmt::s(out, "\n\t dpid 0x");
            fmt::x_pad(out, v, 16);
            let v = m.u32(16)? as u64;
            fmt::s(out, ", n_buffers ");
            fmt::u(out, v);
            let v = m.u8(20)? as u64;
            fmt::s(out, ", n_tables ");
            fmt::u(out, v);
            let v = m.u8(21)? as u64;
            fmt::s(out, ", auxiliary_id ");
            fmt::u(out, v);
            let v = m.u32(24)?;
            fmt::s(out, "\n\t capabilities ");
            bitmap(out, v, 8, CAPABILITIES);
            m.u32(28)?;
            Ok(())
        }
        8 | 9 => {
            let flags = m.u16(8)?;
            fmt::s(out, "\n\t flags ");
            name_or_invalid(out, flags as u32, &["FRAG_NORMAL", "FRAG_DROP", "FRAG_REASM"], 4);
            let v = m.u16(10)?;
            fmt::s(out, ", miss_send_len ");
            match v {
                0xffe5 => fmt::s(out, "MAX"),
                0xffff => fmt::s(out, "NO_BUFFER"),
                _ => fmt::u(out, v as u64),
            }
            Ok(())
        }
        12 => {
            let v = m.u8(8)? as u32;
            fmt::s(out, "\n\t reason ");
            // tcpdump's format for an unknown reason lacks its conversion,
            // so it prints the literal text.
            match ["ADD", "DELETE", "MODIFY"].get(v as usize) {
                Some(n) => fmt::s(out, n),
                None => fmt::s(out, "invalid (0x02x)"),
            }
            let v = m.u32(16)?;
            fmt::s(out, "\n\t  port_no ");
            port(out, v);
            m.mac(out, ", hw_addr ", 24)?;
            m.string(out, ", name ", 32, 16)?;
            if m.2 {
                let v = m.u32(48)?;
                fmt::s(out, "\n\t   config ");
                bitmap(out, v, 8, PORT_CONFIG);
                let v = m.u32(52)?;
                fmt::s(out, "\n\t   state ");
                bitmap(out, v, 8, PORT_STATE);
                for (name, at) in [
                    ("\n\t   curr ", 56),
                    ("\n\t   advertised ", 60),
                    ("\n\t   supported ", 64),
                    ("\n\t   peer ", 68),
                ] {
                    let v = m.u32(at)?;
                    fmt::s(out, name);
                    bitmap(out, v, 8, PORT_FEATURES);
                }
                for (name, at) in [("\n\t   curr_speed ", 72), ("\n\t   max_speed ", 76)] {
                    let v = m.u32(at)?;
                    fmt::s(out, name);
                    fmt::u(out, v as u64);
                    fmt::s(out, "kbps");
                }
            }
            m.slice(16, 64)?;
            Ok(())
        }
        16 => {
            let v = m.u32(8)?;
            fmt::s(out, "\n\t port_no ");
            port(out, v);
            m.mac(out, ", hw_addr ", 16)?;
            let v = m.u32(24)?;
            fmt::s(out, "\n\t  config ");
            bitmap(out, v, 8, PORT_CONFIG);
            let v = m.u32(28)?;
            fmt::s(out, "\n\t  mask ");
            bitmap(out, v, 8, PORT_CONFIG);
            let v = m.u32(32)?;
            fmt::s(out, "\n\t  advertise ");
            bitmap(out, v, 8, PORT_FEATURES);
            m.slice(0, mlen)?;
            Ok(())
        }
        17 => {
            let t = m.u8(8)?;
            fmt::s(out, "\n\t table_id ");
            match t {
                0xfe => fmt::s(out, "MAX"),
                0xff => fmt::s(out, "ALL"),
                _ => fmt::u(out, t as u64),
            }
            let v = m.u32(12)? as u64;
            fmt::s(out, ", config 0x");
            fmt::x_pad(out, v, 8);
            Ok(())
        }
        22 => {
            let v = m.u32(8)?;
            fmt::s(out, "\n\t port ");
            port(out, v);
            // Trailing padding is checked too.
            m.slice(0, mlen).map(|_| ())
        }
        24 | 25 => {
            let v = m.u32(8)?;
            fmt::s(out, "\n\t role ");
            name_or_invalid(out, v, &["NOCHANGE", "EQUAL", "MASTER", "SLAVE"], 8);
            let v = m.u64(16)?;
            fmt::s(out, ", generation_id 0x");
            fmt::x_pad(out, v, 16);
            Ok(())
        }
        27 | 28 => {
            for (i, (name, names)) in [
                ("packet_in_mask", PACKET_IN_REASONS),
                ("port_status_mask", PORT_REASONS),
                ("flow_removed_mask", PORT_REASONS),
            ]
            .into_iter()
            .enumerate()
            {
                for (j, role) in ["[EM] ", "[S] "].into_iter().enumerate() {
                    let v = m.u32(8 + 8 * i + 4 * j)?;
                    fmt::s(out, "\n\t ");
                    fmt::s(out, name);
                    fmt::s(out, role);
                    bitmap(out, v, 8, names);
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Hello elements: `type VERSIONBITMAP, length 8, bitmap 0x00000015 (...)`;
/// an element shorter than its 4-byte header ends the list as invalid.
fn hello(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    let mut off = 8;
    while off < mlen {
        if mlen - off < 4 {
            fmt::s(out, " (invalid)");
            return Err(Stop::Invalid);
        }
        let t = m.u16(off)?;
        fmt::s(out, "\n\t type ");
        name_or_unknown(out, t as u32, &["", "VERSIONBITMAP"], 4);
        let elen = m.u16(off + 2)? as usize;
        fmt::s(out, ", length ");
        fmt::u(out, elen as u64);
        if elen < 4 || off + elen > mlen {
            fmt::s(out, " (invalid)");
            return Err(Stop::Invalid);
        }
        if t == 1 {
            // tcpdump reads exactly one 32-bit bitmap.
            if elen != 8 {
                fmt::s(out, " (bogus)");
            } else {
                let v = m.u32(off + 4)?;
                fmt::s(out, ", bitmap ");
                bitmap(out, v, 8, VERSION_BITS);
            }
        }
        m.slice(off, elen)?;
        // tcpdump steps by the element's length, without the padding to
        // 8 bytes the specification asks for.
        off += elen;
    }
    Ok(())
}

fn error(out: &mut Vec<u8>, m: Msg<'_>, mlen: usize) -> Res {
    const TYPES: [&str; 14] = [
        "HELLO_FAILED",
        "BAD_REQUEST",
        "BAD_ACTION",
        "BAD_INSTRUCTION",
        "BAD_MATCH",
        "FLOW_MOD_FAILED",
        "GROUP_MOD_FAILED",
        "PORT_MOD_FAILED",
        "TABLE_MOD_FAILED",
        "QUEUE_OP_FAILED",
        "SWITCH_CONFIG_FAILED",
        "ROLE_REQUEST_FAILED",
        "METER_MOD_FAILED",
        "TABLE_FEATURES_FAILED",
    ];
    const CODES: [&[&str]; 14] = [
        &["INCOMPATIBLE", "EPERM"],
        &[
            "BAD_VERSION",
            "BAD_TYPE",
            "BAD_MULTIPART",
            "BAD_EXPERIMENTER",
            "BAD_EXP_TYPE",
            "EPERM",
            "BAD_LEN",
            "BUFFER_EMPTY",
            "BUFFER_UNKNOWN",
            "BAD_TABLE_ID",
            "IS_SLAVE",
            "BAD_PORT",
            "BAD_PACKET",
            "MULTIPART_BUFFER_OVERFLOW",
        ],
        &[
            "BAD_TYPE",
            "BAD_LEN",
            "BAD_EXPERIMENTER",
            "BAD_EXP_TYPE",
            "BAD_OUT_PORT",
            "BAD_ARGUMENT",
            "EPERM",
            "TOO_MANY",
            "BAD_QUEUE",
            "BAD_OUT_GROUP",
            "MATCH_INCONSISTENT",
            "UNSUPPORTED_ORDER",
            "BAD_TAG",
            "BAD_SET_TYPE",
            "BAD_SET_LEN",
            "BAD_SET_ARGUMENT",
        ],
        &[
            "UNKNOWN_INST",
            "UNSUP_INST",
            "BAD_TABLE_ID",
            "UNSUP_METADATA",
            "UNSUP_METADATA_MASK",
            "BAD_EXPERIMENTER",
            "BAD_EXP_TYPE",
            "BAD_LEN",
            "EPERM",
        ],
        &[
            "BAD_TYPE",
            "BAD_LEN",
            "BAD_TAG",
            "BAD_DL_ADDR_MASK",
            "BAD_NW_ADDR_MASK",
            "BAD_WILDCARDS",
            "BAD_FIELD",
            "BAD_VALUE",
            "BAD_MASK",
            "BAD_PREREQ",
            "DUP_FIELD",
            "EPERM",
        ],
        &[
            "UNKNOWN",
            "TABLE_FULL",
            "BAD_TABLE_ID",
            "OVERLAP",
            "EPERM",
            "BAD_TIMEOUT",
            "BAD_COMMAND",
            "BAD_FLAGS",
        ],
        &[
            "GROUP_EXISTS",
            "INVALID_GROUP",
            "WEIGHT_UNSUPPORTED",
            "OUT_OF_GROUPS",
            "OUT_OF_BUCKETS",
            "CHAINING_UNSUPPORTED",
            "WATCH_UNSUPPORTED",
            "LOOP",
            "UNKNOWN_GROUP",
            "CHAINED_GROUP",
            "BAD_TYPE",
            "BAD_COMMAND",
            "BAD_BUCKET",
            "BAD_WATCH",
            "EPERM",
        ],
        &["BAD_PORT", "BAD_HW_ADDR", "BAD_CONFIG", "BAD_ADVERTISE", "EPERM"],
        &["BAD_TABLE", "BAD_CONFIG", "EPERM"],
        &["BAD_PORT", "BAD_QUEUE", "EPERM"],
        &["BAD_FLAGS", "BAD_LEN", "EPERM"],
        &["STALE", "UNSUP", "BAD_ROLE"],
        &[
            "UNKNOWN",
            "METER_EXISTS",
            "INVALID_METER",
            "UNKNOWN_METER",
            "BAD_COMMAND",
            "BAD_FLAGS",
            "BAD_RATE",
            "BAD_BURST",
            "BAD_BAND",
            "BAD_BAND_VALUE",
            "OUT_OF_METERS",
            "OUT_OF_BANDS",
        ],
        &["BAD_TABLE", "BAD_METADATA", "BAD_TYPE", "BAD_LEN", "BAD_ARGUMENT", "EPERM"],
    ];
    let t = m.u16(8)?;
    fmt::s(out, "\n\t type ");
    if t == 0xffff {
        fmt::s(out, "EXPERIMENTER");
    } else {
        name_or_invalid(out, t as u32, &TYPES, 4);
    }
    let code = m.u16(10)?;
    fmt::s(out, ", code ");
    let codes = CODES.get(t as usize).copied().unwrap_or(&[]);
    name_or_invalid(out, code as u32, codes, 4);
    data_octets(out, m, "\n\t ", (12, mlen), true)?;
    Ok(())
}
