//! 802.11 frame-control primitives: `type T [subtype S]`, `subtype S` and
//! `dir D`, with libpcap's name tables (matched case-insensitively) and
//! its parse-time value checks.

use super::*;
use crate::syntax::ast::NumOrName;

const TYPE_MASK: u32 = 0x0c;
const SUBTYPE_MASK: u32 = 0xf0;

const TYPES: &[(&str, u32)] =
    &[("mgt", 0x00), ("management", 0x00), ("ctl", 0x04), ("control", 0x04), ("data", 0x08)];

const MGT: &[(&str, u32)] = &[
    ("assoc-req", 0x00),
    ("assocreq", 0x00),
    ("assoc-resp", 0x10),
    ("assocresp", 0x10),
    ("reassoc-req", 0x20),
    ("reassocreq", 0x20),
    ("reassoc-resp", 0x30),
    ("reassocresp", 0x30),
    ("probe-req", 0x40),
    ("probereq", 0x40),
    ("probe-resp", 0x50),
    ("proberesp", 0x50),
    ("beacon", 0x80),
    ("atim", 0x90),
    ("disassoc", 0xa0),
    ("disassociation", 0xa0),
    ("auth", 0xb0),
    ("authentication", 0xb0),
    ("deauth", 0xc0),
    ("deauthentication", 0xc0),
];

const CTL: &[(&str, u32)] = &[
    ("ps-poll", 0xa0),
    ("rts", 0xb0),
    ("cts", 0xc0),
    ("ack", 0xd0),
    ("cf-end", 0xe0),
    ("cf-end-ack", 0xf0),
];

const DATA: &[(&str, u32)] = &[
    ("data", 0x00),
    ("data-cf-ack", 0x10),
    ("data-cf-poll", 0x20),
    ("data-cf-ack-poll", 0x30),
    ("null", 0x40),
    ("cf-ack", 0x50),
    ("cf-poll", 0x60),
    ("cf-ack-poll", 0x70),
    ("qos-data", 0x80),
    ("qos-data-cf-ack", 0x90),
    ("qos-data-cf-poll", 0xa0),
    ("qos-data-cf-ack-poll", 0xb0),
    ("qos", 0xc0),
    ("qos-cf-poll", 0xe0),
    ("qos-cf-ack-poll", 0xf0),
];

/// Subtype tables per type value, in libpcap's search order.
const TYPE_SUBTYPES: &[(u32, &[(&str, u32)])] = &[(0x00, MGT), (0x04, CTL), (0x08, DATA)];

fn lookup(name: &str, table: &[(&str, u32)]) -> Option<u32> {
    table.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|&(_, v)| v)
}

impl Gen<'_> {
    fn wlan_fc(&mut self, off: u32, v: u32, mask: u32) -> R<Bx> {
        match self.linktype {
            Dlt::IEEE802_11
            | Dlt::PRISM_HEADER
            | Dlt::IEEE802_11_RADIO_AVS
            | Dlt::IEEE802_11_RADIO => self.mcmp(OffRel::LinkHdr, off, B, v, mask),
            _ if off == 1 => err("frame direction supported only with 802.11 headers"),
            _ => err("802.11 link-layer types supported only on 802.11"),
        }
    }

    /// `type T [subtype S]`.
    pub(super) fn gen_wlan_type(&mut self, t: &NumOrName, st_: Option<&NumOrName>) -> R<Bx> {
        let tv = match t {
            NumOrName::Num(n) => {
                if n & !TYPE_MASK != 0 {
                    return err(format!("invalid 802.11 type value 0x{n:02x}"));
                }
                *n
            }
            NumOrName::Name(s) => match lookup(s, TYPES) {
                Some(v) => v,
                None => return err(format!("unknown 802.11 type name \"{s}\"")),
            },
        };
        match st_ {
            None => self.wlan_fc(0, tv, TYPE_MASK),
            Some(sv) => {
                let sv = match sv {
                    NumOrName::Num(n) => {
                        if n & !SUBTYPE_MASK != 0 {
                            return err(format!("invalid 802.11 subtype value 0x{n:02x}"));
                        }
                        *n
                    }
                    NumOrName::Name(s) => {
                        let Some(&(_, table)) = TYPE_SUBTYPES.iter().find(|(t, _)| *t == tv) else {
                            return err("unknown 802.11 type");
                        };
                        match lookup(s, table) {
                            Some(v) => v,
                            None => return err(format!("unknown 802.11 subtype name \"{s}\"")),
                        }
                    }
                };
                self.wlan_fc(0, tv | sv, TYPE_MASK | SUBTYPE_MASK)
            }
        }
    }

    /// `subtype S`: the first type whose table has the name.
    pub(super) fn gen_wlan_subtype(&mut self, s: &NumOrName) -> R<Bx> {
        let v = match s {
            NumOrName::Num(n) => *n,
            NumOrName::Name(s) => {
                let mut found = None;
                for &(t, table) in TYPE_SUBTYPES {
                    if let Some(v) = lookup(s, table) {
                        found = Some(v | t);
                        break;
                    }
                }
                match found {
                    Some(v) => v,
                    None => return err("unknown 802.11 type name"),
                }
            }
        };
        self.wlan_fc(0, v, TYPE_MASK | SUBTYPE_MASK)
    }

    /// `dir D`.
    pub(super) fn gen_wlan_dir(&mut self, d: &NumOrName) -> R<Bx> {
        let v = match d {
            NumOrName::Num(n) => *n,
            NumOrName::Name(s) => {
                let s = s.to_ascii_lowercase();
                match s.as_str() {
                    "nods" => 0,
                    "tods" => 1,
                    "fromds" => 2,
                    "dstods" => 3,
                    _ => return err("unknown 802.11 direction"),
                }
            }
        };
        self.wlan_fc(1, v, 0x03)
    }
}
