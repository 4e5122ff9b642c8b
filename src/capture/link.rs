//! Link-layer glue between what the kernel hands us and what a savefile
//! must hold.
//!
//! * [`LinkKind`]: how an interface is captured (`ARPHRD_*` → DLT and
//!   whether the socket is cooked);
//! * [`cooked_header`]: the `DLT_LINUX_SLL2` / `DLT_LINUX_SLL` pseudo-header
//!   rebuilt from the `sockaddr_ll` fields of each packet;
//! * [`vlan_tag`]: the 802.1Q tag the kernel stripped, to be put back
//!   (after the MAC addresses for Ethernet; in SLL the protocol field
//!   becomes the TPID and the TCI and real protocol start the payload);
//! * [`kernel_program`]: the filter as the kernel must see it. In cooked
//!   mode the kernel never sees the pseudo-header, so offsets into the
//!   payload are moved down by the header length and loads of header fields
//!   become ancillary loads (`[proto]`, `[ifidx]`, `[type]`, `[hatype]`);
//!   whatever cannot be rewritten is left to the userspace filter.
//!   `-Q in|out` is enforced by a three-instruction prologue.

use crate::bpf::Insn;
use crate::bpf::insn::{self, consts::*};
use crate::cli::Direction;
use crate::dlt::Dlt;

/// `PACKET_OUTGOING`.
pub const PACKET_OUTGOING: u8 = 4;

/// How an interface is captured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkKind {
    /// The savefile's link type.
    pub dlt: Dlt,
    /// Cooked (`SOCK_DGRAM`) socket with a rebuilt pseudo-header.
    pub cooked: bool,
}

/// `ARPHRD_*` values we map.
mod arphrd {
    pub const ETHER: u16 = 1;
    pub const LOOPBACK: u16 = 772;
    pub const NONE: u16 = 0xfffe;
    pub const IEEE80211_RADIOTAP: u16 = 803;
}

impl LinkKind {
    /// The link type for an interface of ARPHRD type `hatype`; `None` is
    /// the `any` device. Types we do not know are captured cooked, as
    /// libpcap does.
    pub fn for_interface(hatype: Option<u16>) -> LinkKind {
        match hatype {
            None => LinkKind { dlt: Dlt::LINUX_SLL2, cooked: true },
            Some(arphrd::ETHER | arphrd::LOOPBACK) => LinkKind { dlt: Dlt::EN10MB, cooked: false },
            Some(arphrd::NONE) => LinkKind { dlt: Dlt::RAW, cooked: true },
            Some(arphrd::IEEE80211_RADIOTAP) => {
                LinkKind { dlt: Dlt::IEEE802_11_RADIO, cooked: false }
            }
            Some(_) => LinkKind { dlt: Dlt::LINUX_SLL2, cooked: true },
        }
    }

    /// The link types `-L` lists (the first is the default).
    pub fn alternatives(self, hatype: Option<u16>) -> Vec<Dlt> {
        match hatype {
            None => vec![Dlt::LINUX_SLL, Dlt::LINUX_SLL2],
            Some(arphrd::ETHER) => vec![Dlt::EN10MB, Dlt::DOCSIS],
            _ => vec![self.dlt],
        }
    }

    /// Applies `-y`: only the cooked flavours can be switched.
    pub fn with_dlt(self, dlt: Dlt) -> Option<LinkKind> {
        if dlt == self.dlt {
            return Some(self);
        }
        if self.cooked && (dlt == Dlt::LINUX_SLL || dlt == Dlt::LINUX_SLL2) {
            return Some(LinkKind { dlt, cooked: true });
        }
        None
    }

    /// Length of the pseudo-header we prepend to each packet.
    pub fn header_len(self) -> u32 {
        if !self.cooked {
            0
        } else if self.dlt == Dlt::LINUX_SLL2 {
            20
        } else if self.dlt == Dlt::LINUX_SLL {
            16
        } else {
            0
        }
    }
}

/// The fields of a received packet that a pseudo-header needs.
#[derive(Clone, Copy, Debug, Default)]
pub struct PacketMeta {
    /// Ethertype, host order.
    pub protocol: u16,
    /// Interface index.
    pub ifindex: u32,
    /// ARPHRD type.
    pub hatype: u16,
    /// `PACKET_*` type.
    pub pkttype: u8,
    /// Address length.
    pub halen: u8,
    /// Address.
    pub addr: [u8; 8],
}

/// Writes the cooked pseudo-header for `kind` into `out` (which must be at
/// least [`LinkKind::header_len`] long) and returns its length. `protocol`
/// overrides the packet's protocol (the TPID when a VLAN tag is put back).
pub fn cooked_header(kind: LinkKind, m: &PacketMeta, protocol: u16, out: &mut [u8; 20]) -> usize {
    let halen = m.halen.min(8);
    if kind.dlt == Dlt::LINUX_SLL2 {
        out[0..2].copy_from_slice(&protocol.to_be_bytes());
        out[2..4].copy_from_slice(&[0, 0]);
        out[4..8].copy_from_slice(&m.ifindex.to_be_bytes());
        out[8..10].copy_from_slice(&m.hatype.to_be_bytes());
        out[10] = m.pkttype;
        out[11] = halen;
        out[12..20].copy_from_slice(&m.addr);
        20
    } else if kind.dlt == Dlt::LINUX_SLL {
        out[0..2].copy_from_slice(&u16::from(m.pkttype).to_be_bytes());
        out[2..4].copy_from_slice(&m.hatype.to_be_bytes());
        out[4..6].copy_from_slice(&u16::from(halen).to_be_bytes());
        out[6..14].copy_from_slice(&m.addr);
        out[14..16].copy_from_slice(&protocol.to_be_bytes());
        16
    } else {
        0
    }
}

/// The 4 bytes (TPID, TCI) of the VLAN tag the kernel removed, if any.
pub fn vlan_tag(status: u32, tci: u16, tpid: u16) -> Option<[u8; 4]> {
    const VLAN_VALID: u32 = 1 << 4;
    const TPID_VALID: u32 = 1 << 6;
    // Old kernels set no VLAN_VALID flag but a nonzero TCI means a tag too.
    if status & VLAN_VALID == 0 && tci == 0 {
        return None;
    }
    let tpid = if status & TPID_VALID != 0 && tpid != 0 { tpid } else { 0x8100 };
    let [a, b] = tpid.to_be_bytes();
    let [c, d] = tci.to_be_bytes();
    Some([a, b, c, d])
}

/// Where the filter runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterPlan {
    /// The program given to the kernel.
    pub kernel: Vec<Insn>,
    /// The program run in user space on each packet the kernel passes
    /// (on the packet as the compiler sees it: pseudo-header included,
    /// VLAN tag not reinserted), or `None` when the kernel does it all.
    pub user: Option<Vec<Insn>>,
    /// Why user space filtering is needed (for the warning).
    pub why_user: Option<String>,
}

/// Plans the filter: rewrites `prog` for the kernel where it can, adds the
/// `-Q` prologue, and falls back to user space when needed.
pub fn kernel_program(prog: &[Insn], kind: LinkKind, dir: Direction, snaplen: u32) -> FilterPlan {
    let hdr = kind.header_len();
    let accept_all = vec![Insn::stmt(RET | K, snaplen.max(1))];
    let rewritten = if hdr == 0 { Ok(prog.to_vec()) } else { rewrite_cooked(prog, kind, hdr) };
    match rewritten {
        Ok(p) => {
            let p = with_direction(p, dir);
            if p.len() > MAXINSNS {
                FilterPlan {
                    kernel: with_direction(accept_all, dir),
                    user: Some(prog.to_vec()),
                    why_user: Some("Kernel filter failed: Invalid argument".into()),
                }
            } else {
                FilterPlan { kernel: p, user: None, why_user: None }
            }
        }
        Err(why) => FilterPlan {
            kernel: with_direction(accept_all, dir),
            user: Some(prog.to_vec()),
            why_user: Some(why),
        },
    }
}

/// Prepends `ldb [type]; jeq #OUTGOING; ret #0; ld #0` (or its mirror) so
/// that the kernel drops packets of the other direction before they take
/// ring space.
fn with_direction(prog: Vec<Insn>, dir: Direction) -> Vec<Insn> {
    let (jt, jf) = match dir {
        Direction::InOut => return prog,
        // Outgoing: skip the `ret #0`; anything else: fall into it.
        Direction::Out => (1, 0),
        Direction::In => (0, 1),
    };
    let mut p = Vec::with_capacity(prog.len() + 4);
    p.push(Insn::stmt(LD | B | ABS, (SKF_AD_OFF + SKF_AD_PKTTYPE) as u32));
    p.push(Insn::jump(JMP | JEQ | K, u32::from(PACKET_OUTGOING), jt, jf));
    p.push(Insn::stmt(RET | K, 0));
    // The kernel starts programs with A = 0; restore that.
    p.push(Insn::stmt(LD | IMM, 0));
    p.extend(prog);
    p
}

/// The ancillary load that replaces a load of a cooked-header field, if any.
fn header_field(kind: LinkKind, size: u16, k: u32) -> Option<i32> {
    let sll2 = kind.dlt == Dlt::LINUX_SLL2;
    match (sll2, size, k) {
        (true, H, 0) | (false, H, 14) => Some(SKF_AD_PROTOCOL),
        (true, W, 4) => Some(SKF_AD_IFINDEX),
        (true, H, 8) | (false, H, 2) => Some(SKF_AD_HATYPE),
        (true, B, 10) => Some(SKF_AD_PKTTYPE),
        // SLL's packet type is a 16-bit field whose high byte is zero.
        (false, H, 0) => Some(SKF_AD_PKTTYPE),
        _ => None,
    }
}

/// Rewrites a program compiled for a cooked link type so that it runs on
/// the kernel's view of the packet (which starts at the network header).
fn rewrite_cooked(prog: &[Insn], kind: LinkKind, hdr: u32) -> Result<Vec<Insn>, String> {
    let mut out = Vec::with_capacity(prog.len());
    for (pc, ins) in prog.iter().enumerate() {
        let mut ins = *ins;
        let class = ins.class();
        let mode = insn::mode(ins.code);
        let loads_packet =
            (class == LD && (mode == ABS || mode == IND)) || (class == LDX && mode == MSH);
        let is_len = (class == LD || class == LDX) && mode == LEN;
        if is_len {
            // The kernel's length lacks the pseudo-header.
            return Err(format!("instruction {pc} loads the packet length"));
        }
        if class == JMP && insn::op(ins.code) == JA && ins.k as usize + pc + 1 >= prog.len() {
            return Err(format!("instruction {pc} jumps out of the program"));
        }
        if loads_packet {
            let ancillary = (ins.k as i32) < 0;
            if ancillary {
                // Already an ancillary load: leave it.
            } else if ins.k >= hdr {
                ins.k -= hdr;
            } else if class == LD && mode == ABS {
                match header_field(kind, insn::size(ins.code), ins.k) {
                    Some(ad) => ins.k = (SKF_AD_OFF + ad) as u32,
                    None => {
                        return Err(format!("instruction {pc} loads a cooked-header field"));
                    }
                }
            } else {
                return Err(format!("instruction {pc} loads from the cooked header"));
            }
        }
        out.push(ins);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ddd(text: &str) -> Vec<Insn> {
        text.lines()
            .skip(1)
            .map(|l| {
                let v: Vec<u32> = l.split_whitespace().map(|w| w.parse().unwrap()).collect();
                Insn { code: v[0] as u16, jt: v[1] as u8, jf: v[2] as u8, k: v[3] }
            })
            .collect()
    }

    const SLL2: LinkKind = LinkKind { dlt: Dlt::LINUX_SLL2, cooked: true };

    /// `tcpdump -y LINUX_SLL2 -ddd ...` and what the kernel must run.
    #[test]
    fn cooked_rewrite_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // ip
            (
                "4\n40 0 0 0\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n",
                "4\n40 0 0 4294963200\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n",
                None,
            ),
            // inbound
            (
                "4\n48 0 0 10\n21 0 1 4\n6 0 0 0\n6 0 0 262144\n",
                "4\n48 0 0 4294963204\n21 0 1 4\n6 0 0 0\n6 0 0 262144\n",
                None,
            ),
            // ip and tcp port 80 (tail: ldxb 4*([34]&0xf) ; ldh [x+36])
            ("3\n177 0 0 34\n72 0 0 36\n6 0 0 0\n", "3\n177 0 0 14\n72 0 0 16\n6 0 0 0\n", None),
            // ether-ish: a load of the address field cannot move.
            ("2\n32 0 0 12\n6 0 0 0\n", "", Some("cooked-header field")),
            // len
            ("2\n128 0 0 0\n6 0 0 0\n", "", Some("packet length")),
        ];
        for (input, want, err) in cases {
            let plan = kernel_program(&parse_ddd(input), SLL2, Direction::InOut, 262144);
            match err {
                None => {
                    assert_eq!(plan.kernel, parse_ddd(want), "{input}");
                    assert!(plan.user.is_none());
                }
                Some(e) => {
                    assert!(plan.why_user.as_deref().unwrap_or("").contains(e), "{input}");
                    assert_eq!(plan.user.as_deref(), Some(&parse_ddd(input)[..]));
                }
            }
        }
    }

    #[test]
    fn direction_prologue() {
        let prog = vec![Insn::stmt(RET | K, 96)];
        let p = kernel_program(&prog, LinkKind::for_interface(Some(1)), Direction::In, 96);
        assert_eq!(p.kernel.len(), 5);
        assert_eq!(p.kernel[1], Insn::jump(JMP | JEQ | K, 4, 0, 1));
        let p = kernel_program(&prog, LinkKind::for_interface(Some(1)), Direction::Out, 96);
        assert_eq!(p.kernel[1], Insn::jump(JMP | JEQ | K, 4, 1, 0));
    }

    #[test]
    fn long_programs_go_to_user_space() {
        let prog = vec![Insn::stmt(LD | IMM, 0); 5000];
        let p = kernel_program(&prog, LinkKind::for_interface(Some(1)), Direction::InOut, 96);
        assert!(p.user.is_some());
        assert_eq!(p.kernel, vec![Insn::stmt(RET | K, 96)]);
    }

    #[test]
    fn vlan_tags() {
        assert_eq!(vlan_tag(0, 0, 0), None);
        assert_eq!(vlan_tag(1 << 4, 100, 0), Some([0x81, 0, 0, 100]));
        assert_eq!(vlan_tag((1 << 4) | (1 << 6), 5, 0x88a8), Some([0x88, 0xa8, 0, 5]));
    }

    #[test]
    fn sll2_header() {
        let m = PacketMeta {
            protocol: 0x800,
            ifindex: 3,
            hatype: 1,
            pkttype: 4,
            halen: 6,
            addr: [1, 2, 3, 4, 5, 6, 0, 0],
        };
        let mut h = [0u8; 20];
        assert_eq!(cooked_header(SLL2, &m, m.protocol, &mut h), 20);
        assert_eq!(h, [8, 0, 0, 0, 0, 0, 0, 3, 0, 1, 4, 6, 1, 2, 3, 4, 5, 6, 0, 0]);
    }
}
