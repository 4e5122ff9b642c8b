//! Printing packets as `tcpdump -n` does.
//!
//! [`Printer::format`] appends, for one packet, the exact text tcpdump
//! 4.99.3 writes with `-n`: a timestamp ([`PrintOptions::timestamps`], in
//! the zone of [`clock`]), then the packet from the link layer up, then the
//! optional hex/ASCII dump (`-x`, `-xx`, `-X`, `-XX`, `-A`). Each protocol
//! has its own module; the map, layer by layer:
//!
//! * Link layers, chosen by the savefile's link type in [`link`]:
//!   Ethernet (with 802.1Q, and the tags in [`dsa`], [`macsec`]), Linux
//!   cooked v1/v2, raw IP, NULL/LOOP, PKTAP; 802.11 with radiotap, PRISM,
//!   AVS and PPI ([`radiotap`], [`ieee80211`]); Cisco HDLC ([`chdlc`]),
//!   PPP and PPPoE ([`ppp`]), Frame Relay and Q.933 ([`fr`]), ATM
//!   ([`atm`]), Juniper ([`juniper`]), ARCNET ([`arcnet`]), SLIP
//!   ([`slip`]), IEEE 802.15.4 ([`ieee802154`]), IP over InfiniBand
//!   ([`ipoib`]), ipnet ([`ipnet`]), NFLOG ([`nflog`]), vsock ([`vsock`]),
//!   and the short forms of truncated capture headers ([`linkhdr`]).
//! * What rides on the link layer: 802.2 LLC and SNAP ([`llc`]), spanning
//!   tree and the link-control protocols of [`l2ctl`] (IS-IS [`isis`],
//!   ES-IS [`esis`], CLNP [`clnp`] under [`osi`]; CDP [`cdp`], LLDP
//!   [`lldp`], slow protocols [`slow`], UDLD/DTP/VTP [`cisco`], EAPOL
//!   [`eapol`], CFM [`cfm`]), ARP (in [`link`]), IPX ([`ipx`]), DECnet
//!   ([`decnet`]), TIPC ([`tipc`]), AoE ([`aoe`]), PTP ([`ptp`]),
//!   GeoNetworking ([`geonet`]), MPLS ([`mpls`]), and [`ethmisc`].
//! * The network layer ([`ip`]): IPv4 with options and fragments, IPv6
//!   with its extension headers and jumbograms, and the dispatch on the
//!   protocol number: ICMP ([`icmp`]), ICMPv6 ([`icmp6`]), IGMP ([`igmp`],
//!   [`tunnel`]), GRE, PIM, VRRP and OSPF ([`tunnel`]), ESP/AH/IPComp
//!   ([`ipsec`]), SCTP ([`sctp`], ForCES [`forces`]), DCCP ([`dccp`]),
//!   EIGRP ([`eigrp`]), RSVP ([`rsvp`]), PGM ([`pgm`]), mobility
//!   ([`mobility`]).
//! * The transport layer ([`transport`]): TCP with tcpdump's relative
//!   sequence numbers and its options (MPTCP in [`mptcp`]), UDP, and the
//!   dispatch on ports, in tcpdump's order ([`udpmisc`], [`rpcapps`]):
//!   DNS ([`dns`]), BOOTP/DHCP, HSRP and BFD ([`udpapps`]), DHCPv6
//!   ([`dhcp6`]), NTP ([`ntp`]), sFlow ([`sflow`]), babel ([`babel`]),
//!   AHCP ([`ahcp`]), HNCP ([`hncp`]), RIP ([`rip`]), RADIUS ([`radius`]),
//!   ISAKMP ([`isakmp`]), L2TP ([`l2tp`]), LISP ([`lisp`]), VXLAN/NSH
//!   ([`vxlan`]), Geneve ([`geneve`]), LWAPP ([`lwapp`]), BCM-LI
//!   ([`bcmli`]), AODV ([`aodv`]), OLSR ([`olsr`]), LMP ([`lmp`]), LSP
//!   ping ([`lspping`]), Auto-RP ([`autorp`]), AFS/Rx ([`rx`],
//!   [`rxops`]), NFS ([`nfs`]), SNMP ([`snmp`]), Kerberos ([`krb`]),
//!   syslog ([`syslog`]), SOME/IP ([`someip`]), lwres ([`lwres`]), zephyr
//!   ([`zephyr`]), VQP ([`vqp`]), timed ([`timed`]), TFTP ([`tftp`]); over
//!   TCP HTTP/WHOIS (in [`transport`]), SSH ([`ssh`]), telnet
//!   ([`telnet`]), RESP ([`resp`]), BGP ([`bgp`]), LDP ([`ldp`]), PPTP
//!   ([`pptp`]) and OpenFlow ([`openflow`], [`openflow10`],
//!   [`openflow13`]).
//! * Shared pieces: fast number, address and time formatting ([`fmt`]) and
//!   the bounds-checked reader [`Bytes`].
//!
//! Protocols bpfcap does not dissect get a short honest line naming what
//! they are (ethertype, IP protocol, length) rather than a guess; the golden
//! tests list every line that still differs from tcpdump.
//!
//! Truncated packets never panic: every read goes through [`Bytes`], which
//! answers `None` past the captured data, and the printers then write
//! tcpdump's truncation markers (`[|tcp]`, ` [|ip6]`, ...).
//!
//! # Differences from tcpdump that are deliberate
//!
//! * No name resolution ever happens: `-n` is accepted and is the default.
//! * The library prints timestamps in UTC unless given a [`Zone`]; the
//!   command line uses the local zone, as tcpdump does (`TZ`, else
//!   `/etc/localtime`).
//!
//! # Speed
//!
//! The printer writes into the caller's reused buffer with hand-rolled
//! number and address formatting ([`fmt`]); the only per-packet state that
//! can grow is the TCP connection table, a hash map with a cheap hasher, so
//! time stays linear in the number of packets even when every address is
//! distinct.

mod ahcp;
mod aodv;
mod aoe;
mod arcnet;
mod atm;
mod autorp;
mod babel;
mod bcmli;
mod bgp;
mod cdp;
mod cfm;
mod chdlc;
mod cisco;
mod clnp;
mod clock;
mod dccp;
mod decnet;
mod dhcp6;
mod dns;
mod dsa;
mod eapol;
mod eigrp;
mod esis;
mod ethmisc;
mod fmt;
mod forces;
mod fr;
mod geneve;
mod geonet;
mod hncp;
mod icmp;
mod icmp6;
mod ieee80211;
mod ieee802154;
mod igmp;
mod igrp;
mod ip;
mod ipnet;
mod ipoib;
mod ipsec;
mod ipx;
mod isakmp;
mod isis;
mod juniper;
mod krb;
mod l2ctl;
mod l2tp;
mod ldp;
mod link;
mod linkhdr;
mod lisp;
mod llc;
mod lldp;
mod lmp;
mod lspping;
mod lwapp;
mod lwres;
mod macsec;
mod mobility;
mod mpls;
mod mptcp;
mod nflog;
mod nfs;
mod ntp;
mod olsr;
mod openflow;
mod openflow10;
mod openflow13;
mod osi;
mod pgm;
mod ppp;
mod pptp;
mod ptp;
mod radiotap;
mod radius;
mod resp;
mod rip;
mod ripng;
mod rpcapps;
mod rsvp;
mod rx;
mod rxops;
mod sctp;
mod sflow;
mod slip;
mod slow;
mod snmp;
mod someip;
mod ssh;
mod syslog;
mod telnet;
mod tftp;
mod timed;
mod tipc;
mod transport;
mod tunnel;
mod udpapps;
mod udpmisc;
mod vqp;
mod vsock;
mod vxlan;
mod wb;
mod zephyr;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub use self::clock::Zone;
use crate::cli::Args;
use crate::dlt::Dlt;

/// Output options for the printer (tcpdump's `-n -e -q -t -v -x -X -A -l`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrintOptions {
    /// `-n` count. Accepted and ignored: bpfcap never resolves names.
    pub no_resolve: u8,
    /// `-e`.
    pub link_header: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-t` count: 0 = time of day, 1 = none, 2 = seconds since the epoch,
    /// 3 = delta since the previous packet, 4 = date and time, 5 = delta
    /// since the first packet.
    pub timestamps: u8,
    /// `-v` count.
    pub verbose: u8,
    /// `-x` count.
    pub hex: u8,
    /// `-X` count.
    pub hex_ascii: u8,
    /// `-A`.
    pub ascii: bool,
    /// `-l`.
    pub line_buffered: bool,
    /// The zone of printed times of day and dates: UTC by default, the
    /// system's local zone (as tcpdump uses) from the command line.
    pub zone: Zone,
}

impl PrintOptions {
    /// The options from the command line.
    pub fn from_args(a: &Args) -> PrintOptions {
        PrintOptions {
            no_resolve: a.no_resolve,
            link_header: a.link_header,
            quiet: a.quiet,
            timestamps: a.timestamps,
            verbose: a.verbose,
            hex: a.hex,
            hex_ascii: a.hex_ascii,
            ascii: a.ascii,
            line_buffered: a.line_buffered,
            zone: Zone::system(),
        }
    }
}

/// A packet to print.
#[derive(Clone, Copy, Debug)]
pub struct PacketRef<'a> {
    /// Seconds since the epoch; negative for a classic pcap record past
    /// 2038 (libpcap reads the 32-bit field as signed).
    pub ts_sec: i64,
    /// Microseconds within the second, as libpcap hands them to tcpdump:
    /// signed, and in a corrupt file outside 0..1_000_000 (tcpdump prints
    /// such values as they are, as unsigned numbers).
    pub ts_usec: i32,
    /// Length on the wire.
    pub wire_len: u32,
    /// The captured bytes.
    pub data: &'a [u8],
}

/// Bounds-checked big-endian reads from captured bytes: `None` means "past
/// the end of what was captured", which the printers turn into tcpdump's
/// truncation markers.
#[derive(Clone, Copy)]
pub(crate) struct Bytes<'a>(pub &'a [u8]);

impl<'a> Bytes<'a> {
    #[inline]
    pub fn u8(self, off: usize) -> Option<u8> {
        self.0.get(off).copied()
    }
    #[inline]
    pub fn u16(self, off: usize) -> Option<u16> {
        let b = self.0.get(off..off + 2)?;
        Some(u16::from_be_bytes([b[0], b[1]]))
    }
    #[inline]
    pub fn u32(self, off: usize) -> Option<u32> {
        let b = self.0.get(off..off + 4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    #[inline]
    pub fn slice(self, off: usize, len: usize) -> Option<&'a [u8]> {
        self.0.get(off..off.checked_add(len)?)
    }
}

/// FxHash-style hasher for the TCP connection table: the keys are our own
/// packet bytes, so a fast non-cryptographic hash is enough, and it keeps
/// the table cheap when every packet opens a new connection.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_u16(&mut self, v: u16) {
        self.write_u64(v as u64);
    }
    #[inline]
    fn write_u8(&mut self, v: u8) {
        self.write_u64(v as u64);
    }
    #[inline]
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

/// One TCP connection, keyed with the lower (address, port) end first.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct TcpKey {
    pub lo: [u8; 16],
    pub hi: [u8; 16],
    pub lo_port: u16,
    pub hi_port: u16,
}

/// The sequence-number bases tcpdump keeps per connection, as seen from
/// the end that first sent an ACK: `seq` is that end's first sequence
/// number, `ack` one less than the first acknowledgement it sent.
#[derive(Clone, Copy)]
pub(crate) struct TcpBase {
    pub seq: u32,
    pub ack: u32,
    /// Whether the creating end was `lo`.
    pub from_lo: bool,
}

/// Formats packets one line (or block) at a time.
pub struct Printer {
    opts: PrintOptions,
    linktype: Dlt,
    /// The time (seconds, microseconds) of the first and the previous
    /// packet, for `-ttttt` and `-ttt`.
    first_ts: Option<(i64, i64)>,
    prev_ts: Option<(i64, i64)>,
    /// The last second printed as a date and time of day, and that text
    /// (up to and including the `.` before the microseconds).
    second: (Option<i64>, Vec<u8>),
    pub(crate) tcp: HashMap<TcpKey, TcpBase, BuildHasherDefault<FastHasher>>,
    /// Interface names by index, read once from /sys for Linux cooked v2.
    ifnames: Option<HashMap<u32, String>>,
    /// Set by a printer that stopped at a truncated header the way that
    /// makes tcpdump dump the whole packet.
    pub(crate) dump_whole: bool,
    /// Set by a printer that leaves its payload to the default hex dump.
    pub(crate) dump_net_forced: bool,
    /// How many IP headers deep the current packet is (tunnels, packets
    /// quoted by ICMP): bounded so a crafted packet cannot exhaust the
    /// stack.
    pub(crate) depth: u8,
    /// The hop limit of the IPv6 header being printed (VRRP shows it when
    /// it is not 255).
    pub(crate) hop_limit: u8,
    /// Which address began each recent IKEv1 exchange (boxed: it is
    /// large and rarely used).
    pub(crate) isakmp: Box<isakmp::Cookies>,
    /// The Ethernet source address of the packet being printed, for the
    /// protocols whose line names it (GeoNetworking).
    pub(crate) eth_src: Option<[u8; 6]>,
    /// The application protocols' state (Rx calls, RPC transactions).
    pub(crate) rpc: rpcapps::State,
}

/// The deepest nesting of IP-in-IP or ICMP-quoted packets printed.
pub(crate) const MAX_DEPTH: u8 = 4;

/// Where the dump of the packet's bytes starts, and whether tcpdump prints
/// it even without `-x` (unknown payloads are dumped by default).
pub(crate) struct Dump {
    pub net_off: usize,
    pub forced: Option<usize>,
}

impl Printer {
    /// A printer for packets of the given link type.
    pub fn new(opts: PrintOptions, linktype: Dlt) -> Printer {
        Printer {
            opts,
            linktype,
            first_ts: None,
            prev_ts: None,
            second: (None, Vec::with_capacity(32)),
            tcp: HashMap::default(),
            ifnames: None,
            dump_whole: false,
            dump_net_forced: false,
            depth: 0,
            hop_limit: 0,
            isakmp: Box::default(),
            eth_src: None,
            rpc: rpcapps::State::default(),
        }
    }

    /// Records that a printer which just wrote its truncation `marker`
    /// (` [|hsrp]`) gave up the way tcpdump does by unwinding, so that the
    /// -x/-X dump starts at the link layer.
    pub(crate) fn unwound_at(&mut self, out: &[u8], marker: &str) {
        if out.ends_with(marker.as_bytes()) {
            self.dump_whole = true;
        }
    }

    /// The options this printer was built with.
    pub fn options(&self) -> &PrintOptions {
        &self.opts
    }

    /// Appends the output for one packet to `out`.
    pub fn format(&mut self, pkt: &PacketRef<'_>, out: &mut Vec<u8>) {
        if invalid_header(pkt, out) {
            return;
        }
        self.timestamp(pkt, out);
        let mut dump = Dump { net_off: 0, forced: None };
        self.dump_whole = false;
        self.dump_net_forced = false;
        self.depth = 0;
        self.eth_src = None;
        link::print(self, pkt, out, &mut dump);
        // Where tcpdump gives up on a truncated header by unwinding (rather
        // than by an explicit length check), its -x/-X dump starts at the
        // link layer instead of the network layer.
        if self.dump_whole {
            dump.net_off = 0;
        }
        if self.dump_net_forced {
            dump.forced = Some(dump.net_off);
        }
        self.dumps(pkt.data, &dump, out);
        out.push(b'\n');
    }

    /// Writes the timestamp and the space after it (`-t` writes neither).
    /// Times of day and dates are local (see [`Zone`]); a time libpcap
    /// read as negative (a classic pcap record past 2038) is printed as
    /// tcpdump does, as `[Error converting time]`.
    fn timestamp(&mut self, pkt: &PacketRef<'_>, out: &mut Vec<u8>) {
        // tcpdump prints the microseconds with `%06u`, so a corrupt
        // negative fraction shows as a large unsigned number.
        let usec = pkt.ts_usec as u32;
        let now = (pkt.ts_sec, i64::from(pkt.ts_usec));
        let mode = self.opts.timestamps;
        if pkt.ts_sec < 0 && matches!(mode, 0 | 2 | 4) {
            out.extend_from_slice(b"[Error converting time] ");
        } else {
            match mode {
                1 => {}
                2 => {
                    // The seconds are printed as a 32-bit unsigned number,
                    // so pcapng times past 2106 wrap around.
                    fmt::u(out, u64::from(pkt.ts_sec as u32));
                    out.push(b'.');
                    fmt::u_pad(out, u64::from(usec), 6);
                    out.push(b' ');
                }
                3 | 5 => {
                    let base = if mode == 3 { self.prev_ts } else { self.first_ts };
                    let (neg, sec, frac) = delta(now, base.unwrap_or(now));
                    out.push(if neg { b'-' } else { b' ' });
                    fmt::hms(out, sec as u64);
                    out.push(b'.');
                    fmt::u_pad(out, u64::from(frac as u32), 6);
                    out.push(b' ');
                }
                _ => {
                    // Packets come many to a second: the date and time of
                    // day are formatted once per second and reused.
                    if self.second.0 != Some(pkt.ts_sec) {
                        let local =
                            pkt.ts_sec.saturating_add(i64::from(self.opts.zone.offset(pkt.ts_sec)));
                        let text = &mut self.second.1;
                        text.clear();
                        if mode == 4 {
                            let (y, m, d) = fmt::civil_from_days(local.div_euclid(86_400));
                            fmt::u(text, y as u64);
                            text.push(b'-');
                            fmt::u_pad(text, m as u64, 2);
                            text.push(b'-');
                            fmt::u_pad(text, d as u64, 2);
                            text.push(b' ');
                        }
                        fmt::hms(text, local.rem_euclid(86_400) as u64);
                        text.push(b'.');
                        self.second.0 = Some(pkt.ts_sec);
                    }
                    out.extend_from_slice(&self.second.1);
                    fmt::u_pad(out, u64::from(usec), 6);
                    out.push(b' ');
                }
            }
        }
        if self.first_ts.is_none() {
            self.first_ts = Some(now);
        }
        self.prev_ts = Some(now);
    }

    /// The `-x`/`-X`/`-A` dumps (or the default dump of an undissected
    /// payload, which `-q` leaves out).
    fn dumps(&self, data: &[u8], dump: &Dump, out: &mut Vec<u8>) {
        let o = &self.opts;
        let whole = o.hex > 1 || o.hex_ascii > 1;
        let start = if whole { 0 } else { dump.net_off.min(data.len()) };
        if o.hex_ascii > 0 {
            hex_dump(out, &data[start..], true);
        } else if o.hex > 0 {
            hex_dump(out, &data[start..], false);
        } else if o.ascii {
            // tcpdump's default dump of an undissected payload comes
            // before the -A text, not instead of it.
            if let Some(off) = dump.forced.filter(|_| !o.quiet) {
                hex_dump(out, data.get(off..).unwrap_or(&[]), true);
            }
            ascii_dump(out, &data[start..]);
        } else if let Some(off) = dump.forced.filter(|_| !o.quiet) {
            hex_dump(out, data.get(off..).unwrap_or(&[]), true);
        }
    }

    /// The name of interface `index`, as tcpdump prints it for Linux cooked
    /// v2 captures (it looks the index up on the local machine).
    pub(crate) fn ifname(&mut self, index: u32) -> Option<&str> {
        let names = self.ifnames.get_or_insert_with(|| {
            let mut map = HashMap::new();
            if let Ok(dir) = std::fs::read_dir("/sys/class/net") {
                for entry in dir.flatten() {
                    let path = entry.path().join("ifindex");
                    if let Ok(text) = std::fs::read_to_string(path)
                        && let Ok(i) = text.trim().parse::<u32>()
                    {
                        map.insert(i, entry.file_name().to_string_lossy().into_owned());
                    }
                }
            }
            map
        });
        names.get(&index).map(String::as_str)
    }
}

/// tcpdump's hex dump: 16 bytes a line, `\n\t0xOOOO:  ` then groups of two
/// bytes, with the ASCII column (`-X`) after the hex padded to full width.
pub fn hex_dump(out: &mut Vec<u8>, data: &[u8], with_ascii: bool) {
    for (line, chunk) in data.chunks(16).enumerate() {
        out.extend_from_slice(b"\n\t0x");
        // `%04x`: at least four digits, more past 64 KiB.
        let at = (line * 16) as u64;
        if at > 0xffff {
            fmt::x(out, at)
        } else {
            fmt::x_pad(out, at, 4)
        }
        out.extend_from_slice(b": ");
        let mut width = 0;
        for pair in chunk.chunks(2) {
            out.push(b' ');
            for &b in pair {
                fmt::byte_hex(out, b);
            }
            width += 1 + 2 * pair.len();
        }
        if with_ascii {
            out.resize(out.len() + (40 - width) + 2, b' ');
            for &b in chunk {
                out.push(if (0x21..0x7f).contains(&b) { b } else { b'.' });
            }
        }
    }
}

/// tcpdump's `-A`: the bytes on a new line, printable ASCII, tabs and newlines
/// as they are, the rest `.`; a carriage return is dropped before a newline
/// and, as tcpdump does, when at most one captured byte follows it.
pub fn ascii_dump(out: &mut Vec<u8>, data: &[u8]) {
    if data.is_empty() {
        return;
    }
    // Carriage returns that end the packet are dropped, like those before a
    // line feed.
    let end = data.iter().rposition(|&c| c != b'\r').map_or(0, |i| i + 1);
    let data = &data[..end];
    out.push(b'\n');
    for (i, &b) in data.iter().enumerate() {
        match b {
            b'\r' if i + 2 >= data.len() || data[i + 1] == b'\n' => {}
            b'\n' | b'\t' | 0x20..=0x7e => out.push(b),
            _ => out.push(b'.'),
        }
    }
}

/// Prints every packet of a savefile (pcap or pcapng) to `out`, as
/// `bpfcap -n -r FILE` does; for benchmarks and tests until the offline
/// reader calls the printer itself.
pub fn print_savefile(
    path: &str,
    opts: &PrintOptions,
    out: &mut dyn std::io::Write,
) -> Result<u64, String> {
    use std::io::{BufRead, Read};
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut r = std::io::BufReader::with_capacity(1 << 20, file);
    let mut head = [0u8; 24];
    r.read_exact(&mut head).map_err(|e| format!("{path}: {e}"))?;
    let mut buf = Vec::with_capacity(1 << 17);
    let mut n = 0u64;
    let flush = |buf: &mut Vec<u8>, out: &mut dyn std::io::Write| -> Result<(), String> {
        out.write_all(buf).map_err(|e| e.to_string())?;
        buf.clear();
        Ok(())
    };
    let Some((le, nano, linktype)) = pcap_header(&head) else {
        // pcapng (or something else): read it whole.
        let mut data = head.to_vec();
        r.read_to_end(&mut data).map_err(|e| format!("{path}: {e}"))?;
        let mut err = None;
        for_each_packet(&data, |linktype, pkt, printer| {
            let p = printer.get_or_insert_with(|| Printer::new(opts.clone(), linktype));
            p.format(pkt, &mut buf);
            n += 1;
            if (buf.len() > (1 << 16) || opts.line_buffered) && err.is_none() {
                err = flush(&mut buf, out).err();
            }
        })?;
        if let Some(e) = err {
            return Err(e);
        }
        flush(&mut buf, out)?;
        out.flush().map_err(|e| e.to_string())?;
        return Ok(n);
    };
    // Classic pcap, streamed through one reused record buffer.
    let snaplen = rd32(&head[16..20], le) as usize;
    let mut printer = Printer::new(opts.clone(), linktype);
    let mut rec = [0u8; 16];
    let mut copy = Vec::with_capacity(1 << 16);
    loop {
        match r.read_exact(&mut rec) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => return Err(e.to_string()),
        }
        let incl = rd32(&rec[8..12], le) as usize;
        let keep = if snaplen > 0 { incl.min(snaplen) } else { incl };
        let frac = rd32(&rec[4..8], le);
        let (ts_sec, wire_len) = (i64::from(rd32(&rec[0..4], le) as i32), rd32(&rec[12..16], le));
        let ts_usec = usec_of(frac, nano);
        // Print straight from the reader's buffer when the record is in it.
        let avail = r.fill_buf().map_err(|e| e.to_string())?;
        if avail.len() >= incl {
            let pkt = PacketRef { ts_sec, ts_usec, wire_len, data: &avail[..keep] };
            printer.format(&pkt, &mut buf);
            r.consume(incl);
        } else {
            copy.resize(incl, 0);
            r.read_exact(&mut copy)
                .map_err(|_| "truncated dump file; tried to read packet data")?;
            let pkt = PacketRef { ts_sec, ts_usec, wire_len, data: &copy[..keep] };
            printer.format(&pkt, &mut buf);
        }
        n += 1;
        if buf.len() > (1 << 16) || opts.line_buffered {
            flush(&mut buf, out)?;
        }
    }
    flush(&mut buf, out)?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(n)
}

fn rd32(b: &[u8], le: bool) -> u32 {
    let a = [b[0], b[1], b[2], b[3]];
    if le { u32::from_le_bytes(a) } else { u32::from_be_bytes(a) }
}

/// tcpdump refuses to print a record whose header makes no sense (nothing
/// captured, a zero length on the wire, or more captured than was on the
/// wire) and prints one line saying why instead, without a timestamp.
/// Returns whether it wrote that line.
fn invalid_header(pkt: &PacketRef<'_>, out: &mut Vec<u8>) -> bool {
    let caplen = pkt.data.len() as u64;
    let len = u64::from(pkt.wire_len);
    if caplen != 0 && len != 0 && len >= caplen {
        return false;
    }
    out.extend_from_slice(b"[Invalid header: ");
    if caplen == 0 {
        out.extend_from_slice(b"caplen==0");
    }
    if caplen == 0 && len == 0 {
        out.extend_from_slice(b", ");
    }
    if len == 0 {
        out.extend_from_slice(b"len==0");
    } else if len < caplen {
        out.extend_from_slice(b"len(");
        fmt::u(out, len);
        out.extend_from_slice(b") < caplen(");
        fmt::u(out, caplen);
        out.push(b')');
    }
    out.extend_from_slice(b"]\n");
    true
}

/// `now - then` as tcpdump computes it for `-ttt`/`-ttttt`: the later
/// time minus the earlier (a sign says which was which), borrowing one
/// second when the microseconds go negative but never normalising
/// fractions of a second or more (which only corrupt files have).
fn delta(now: (i64, i64), then: (i64, i64)) -> (bool, i64, i64) {
    let (neg, a, b) = if now < then { (true, then, now) } else { (false, now, then) };
    let (mut sec, mut usec) = (a.0.wrapping_sub(b.0), a.1 - b.1);
    if usec < 0 {
        sec = sec.wrapping_sub(1);
        usec += 1_000_000;
    }
    (neg, sec, usec)
}

/// The microseconds libpcap makes of a classic pcap record's fraction: a
/// nanosecond fraction is divided as a signed 32-bit number, so an invalid
/// one of 2^31 ns or more comes out negative (and tcpdump prints it as a
/// large unsigned number).
pub fn usec_of(frac: u32, nano: bool) -> i32 {
    if nano { (frac as i32) / 1000 } else { frac as i32 }
}

/// Byte order, nanosecond resolution and link type of a classic pcap
/// header; `None` if it is not one.
fn pcap_header(head: &[u8]) -> Option<(bool, bool, Dlt)> {
    let (le, nano) = match head.get(..4)? {
        [0xd4, 0xc3, 0xb2, 0xa1] => (true, false),
        [0xa1, 0xb2, 0xc3, 0xd4] => (false, false),
        [0x4d, 0x3c, 0xb2, 0xa1] => (true, true),
        [0xa1, 0xb2, 0x3c, 0x4d] => (false, true),
        _ => return None,
    };
    let lt = rd32(head.get(20..24)?, le) & 0x03ff_ffff;
    Some((le, nano, Dlt(lt)))
}

/// Calls `f` for every packet of a pcap or pcapng file held in memory,
/// with the link type and a slot for a printer that lives across packets.
/// pcapng files with several interfaces use the first one's link type.
pub fn for_each_packet(
    data: &[u8],
    mut f: impl FnMut(Dlt, &PacketRef<'_>, &mut Option<Printer>),
) -> Result<(), String> {
    use pcap_file::pcapng::{Block, PcapNgReader};
    let mut printer = None;
    if data.len() >= 4 && data[..4] == [0x0a, 0x0d, 0x0d, 0x0a] {
        let mut r = PcapNgReader::new(data).map_err(|e| e.to_string())?;
        let mut linktypes: Vec<(Dlt, u64)> = Vec::new();
        while let Some(block) = r.next_block() {
            let block = block.map_err(|e| e.to_string())?;
            match block {
                Block::InterfaceDescription(idb) => {
                    let res = idb_resolution(&idb.options);
                    linktypes.push((Dlt(u32::from(idb.linktype)), res));
                }
                Block::EnhancedPacket(epb) => {
                    let Some(&(lt, res)) = linktypes.get(epb.interface_id as usize) else {
                        continue;
                    };
                    // pcap-file hands back the raw 64-bit count as if it
                    // were nanoseconds; scale it by the interface's units.
                    let raw = epb.timestamp.as_nanos();
                    let (sec, frac) = (raw / res as u128, raw % res as u128);
                    let pkt = PacketRef {
                        ts_sec: sec as i64,
                        ts_usec: (frac * 1_000_000 / res as u128) as i32,
                        wire_len: epb.original_len,
                        data: &epb.data,
                    };
                    f(lt, &pkt, &mut printer);
                }
                Block::SimplePacket(spb) => {
                    let Some(&(lt, _)) = linktypes.first() else { continue };
                    let pkt = PacketRef {
                        ts_sec: 0,
                        ts_usec: 0,
                        wire_len: spb.original_len,
                        data: &spb.data,
                    };
                    f(lt, &pkt, &mut printer);
                }
                _ => {}
            }
        }
        return Ok(());
    }
    // Classic pcap is read by hand: pcap-file rejects records whose
    // original length exceeds the snapshot length, which real captures
    // (and libpcap) accept.
    let magic = data.get(..4).ok_or("file too short for a pcap header")?;
    let (le, nano) = match magic {
        [0xd4, 0xc3, 0xb2, 0xa1] => (true, false),
        [0xa1, 0xb2, 0xc3, 0xd4] => (false, false),
        [0x4d, 0x3c, 0xb2, 0xa1] => (true, true),
        [0xa1, 0xb2, 0x3c, 0x4d] => (false, true),
        _ => return Err("unknown file format".into()),
    };
    let rd = |off: usize| -> Option<u32> {
        let b: [u8; 4] = data.get(off..off + 4)?.try_into().ok()?;
        Some(if le { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) })
    };
    let snaplen = rd(16).ok_or("truncated pcap header")?;
    let lt = Dlt(rd(20).ok_or("truncated pcap header")? & 0x03ff_ffff);
    let mut off = 24;
    while off < data.len() {
        let (Some(sec), Some(frac), Some(incl), Some(orig)) =
            (rd(off), rd(off + 4), rd(off + 8), rd(off + 12))
        else {
            return Err("truncated dump file; tried to read packet header".into());
        };
        let start = off + 16;
        let Some(body) = data.get(start..start.saturating_add(incl as usize)) else {
            return Err("truncated dump file; tried to read packet data".into());
        };
        off = start + incl as usize;
        let keep = if snaplen > 0 { body.len().min(snaplen as usize) } else { body.len() };
        let p = PacketRef {
            ts_sec: i64::from(sec as i32),
            ts_usec: usec_of(frac, nano),
            wire_len: orig,
            data: &body[..keep],
        };
        f(lt, &p, &mut printer);
    }
    Ok(())
}

/// Timestamp units per second of a pcapng interface (`if_tsresol`:
/// a power of ten, or of two when the top bit is set; microseconds when
/// absent).
fn idb_resolution(
    opts: &[pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionOption<'_>],
) -> u64 {
    use pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionOption as O;
    for o in opts {
        if let O::IfTsResol(v) = o {
            let e = u32::from(v & 0x7f);
            let r = if v & 0x80 != 0 { 2u64.checked_pow(e) } else { 10u64.checked_pow(e) };
            return r.filter(|&r| r > 0 && r <= 1_000_000_000_000).unwrap_or(1_000_000);
        }
    }
    1_000_000
}

/// Test support shared by the protocol printers' unit tests.
#[cfg(test)]
pub(crate) mod testutil {
    use super::{PrintOptions, Printer};
    use crate::dlt::Dlt;

    /// Bytes from hex text (whitespace ignored), for packets written out
    /// in tests.
    pub(crate) fn unhex(text: &str) -> Vec<u8> {
        let s: String = text.split_whitespace().collect();
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    /// What a printer `print(printer, payload, out)` writes for a payload
    /// given in hex, at verbosity `verbose`, on an Ethernet printer.
    pub(crate) fn render(
        verbose: u8,
        payload: &str,
        print: impl FnOnce(&mut Printer, &[u8], &mut Vec<u8>),
    ) -> String {
        let opts = PrintOptions { verbose, ..PrintOptions::default() };
        let mut p = Printer::new(opts, Dlt(1));
        let data = unhex(payload);
        let mut out = Vec::new();
        print(&mut p, &data, &mut out);
        String::from_utf8(out).unwrap()
    }
}
