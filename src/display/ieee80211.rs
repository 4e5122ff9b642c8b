//! IEEE 802.11 frames (link type IEEE802_11, 105, and after a radiotap
//! header, 127), printed as `tcpdump -n` does at default verbosity: no
//! addresses for management frames except where tcpdump names the sender,
//! then one summary per frame.
//!
//! * Management: `Beacon (SSID) [1.0* 2.0 Mbit] ESS CH: 6, PRIVACY`,
//!   `Probe Request (SSID) [rates]`, `Probe Response (SSID) [rates] CH: 1`,
//!   `Assoc Request (SSID) [rates]`, `Assoc Response AID(1) :: Successful`,
//!   `ReAssoc Request (SSID) AP : MAC`, `Authentication (Open
//!   System)-1: Successful` (the status only on odd transaction numbers),
//!   `DeAuthentication (SA): reason`, `Disassociation: reason`, `ATIM`,
//!   `Action (SA): category action`. Only the first SSID, the first
//!   non-empty rates and the first one-byte DS parameter element are used;
//!   an element that runs past the data, an SSID over 32 bytes, more than
//!   16 rates, a TIM over 254 bytes or a challenge over 253 bytes ends the
//!   walk, and what was found is printed followed by ` [|802.11]`.
//! * Control: `Acknowledgment RA:MAC `, `Clear-To-Send RA:MAC `,
//!   `Request-To-Send TA:MAC `, `Power Save-Poll AID(x)`, `BAR ...`,
//!   `BA RA:MAC `, `CF-End ...`.
//! * Data: nothing for the header; a protected frame prints its IV
//!   (`Data IV:  1 Pad 20 KeyID 0`); an LLC/SNAP payload carrying IPv4,
//!   IPv6 or ARP goes to those printers; another ethertype prints
//!   `SA > DA SNAP, ethertype NAME (0x....), length N: ` and a dump.
//!   A protected management frame prints its name and IV the same way.
//! * With `-e`, the addresses come first as tcpdump labels them
//!   (`BSSID:... DA:... SA:...` for management frames, by the To/From-DS
//!   bits for data frames, after `CF Ack`/`CF +QoS`-style kind names; `RA:`,
//!   `TA:`, `BSSID:` for control frames, which then print only their name),
//!   and a SNAP payload shows its LLC and SNAP headers.
//!
//! LLC without SNAP (SAP frames, IPX, OSI) and the SNAP payloads other
//! printers own (EAPOL, VLANs, Cisco's protocols, ...) go to the shared
//! 802.2 printer ([`super::llc`]) with the frame's source and destination.
//! tcpdump 4.99.3 does not skip the HT Control field of a +HTC QoS data
//! frame, and neither does this. With `-x` the dump starts after the
//! 802.11 header (after the SNAP header for a payload printed here), or
//! where the header should have ended when it was cut short; dumps of
//! undissected payloads stop before the frame check sequence.
//!
//! The status and reason texts are the ones tcpdump 4.99.3 prints (status
//! codes from 108 on print `n/a`, reason codes from 67 on `Reserved`).

use super::{Bytes, Dump, Printer, fmt, ip, link};

/// Status codes (Authentication, Association responses).
const STATUS: [&str; 108] = [
    "Successful",
    "Unspecified failure",
    "TDLS wakeup schedule rejected but alternative schedule provided",
    "TDLS wakeup schedule rejected",
    "Reserved",
    "Security disabled",
    "Unacceptable lifetime",
    "Not in same BSS",
    "Reserved",
    "Reserved",
    "Cannot Support all requested capabilities in the Capability Information field",
    "Reassociation denied due to inability to confirm that association exists",
    "Association denied due to reason outside the scope of this standard",
    "Responding STA does not support the specified authentication algorithm",
    "Received an Authentication frame with authentication transaction sequence number out of expected sequence",
    "Authentication rejected because of challenge failure",
    "Authentication rejected due to timeout waiting for next frame in sequence",
    "Association denied because AP is unable to handle additional associated STAs",
    "Association denied due to requesting STA not supporting all of the data rates in the BSSBasicRateSet parameter, the Basic HT-MCS Set field of the HT Operation parameter, or the Basic VHT-MCS and NSS Set field in the VHT Operation parameter",
    "Association denied due to requesting STA not supporting the short preamble option",
    "Reserved",
    "Reserved",
    "Association request rejected because Spectrum Management capability is required",
    "Association request rejected because the information in the Power Capability element is unacceptable",
    "Association request rejected because the information in the Supported Channels element is unacceptable",
    "Association denied due to requesting STA not supporting the Short Slot Time option",
    "Reserved",
    "Association denied because the requested STA does not support HT features",
    "R0KH unreachable",
    "Association denied because the requesting STA does not support the phased coexistence operation (PCO) transition time required by the AP",
    "Association request rejected temporarily; try again later",
    "Robust management frame policy violation",
    "Unspecified, QoS-related failure",
    "Association denied because QoS AP or PCP has insufficient bandwidth to handle another QoS STA",
    "Association denied due to excessive frame loss rates and/or poor conditions on current operating channel",
    "Association (with QoS BSS) denied because the requesting STA does not support the QoS facility",
    "Reserved",
    "The request has been declined",
    "The request has not been successful as one or more parameters have invalid values",
    "The allocation or TS has not been created because the request cannot be honored; however, a suggested TSPEC/DMG TSPEC is provided so that the initiating STA can attempt to set another allocation or TS with the suggested changes to the TSPEC/DMG TSPEC",
    "Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9",
    "Invalid group cipher",
    "Invalid pairwise cipher",
    "Invalid AKMP",
    "Unsupported RSNE version",
    "Invalid RSNE capabilities",
    "Cipher suite rejected because of security policy",
    "The TS or allocation has not been created; however, the HC or PCP might be capable of creating a TS or allocation, in response to a request, after the time indicated in the TS Delay element",
    "Direct Link is not allowed in the BSS by policy",
    "The Destination STA is not present within this BSS",
    "The Destination STA is not a QoS STA",
    "Association denied because the listen interval is too large",
    "Invalid FT Action frame count",
    "Invalid pairwise master key identifier (PMKID)",
    "Invalid MDE",
    "Invalid FTE",
    "Requested TCLAS processing is not supported by the AP or PCP",
    "The AP or PCP has insufficient TCLAS processing resources to satisfy the request",
    "The TS has not been created because the request cannot be honored; however, the HC or PCP suggests that the STA transition to a different BSS to set up the TS",
    "GAS Advertisement Protocol not supported",
    "No outstanding GAS request",
    "GAS Response not received from the Advertisement Server",
    "STA timed out waiting for GAS Query Response",
    "LARGE GAS Response is larger than query response length limit",
    "Request refused because home network does not support request",
    "Advertisement Server in the network is not currently reachable",
    "Reserved",
    "Request refused due to permissions received via SSPN interface",
    "Request refused because the AP or PCP does not support unauthenticated access",
    "Reserved",
    "Reserved",
    "Reserved",
    "Invalid contents of RSNE",
    "U-APSD coexistence is not supported",
    "Requested U-APSD coexistence mode is not supported",
    "Requested Interval/Duration value cannot be supported with U-APSD coexistence",
    "Authentication is rejected because an Anti-Clogging Token is required",
    "Authentication is rejected because the offered finite cyclic group is not supported",
    "The TBTT adjustment request has not been successful because the STA could not find an alternative TBTT",
    "Transmission failure",
    "Requested TCLAS Not Supported",
    "TCLAS Resources Exhausted",
    "Rejected with Suggested BSS transition",
    "Reject with recommended schedule",
    "Reject because no wakeup schedule specified",
    "Success, the destination STA is in power save mode",
    "FST pending, in process of admitting FST session",
    "Performing FST now",
    "FST pending, gap(s) in block ack window",
    "Reject because of U-PID setting",
    "Reserved",
    "Reserved",
    "(Re)Association refused for some external reason",
    "(Re)Association refused because of memory limits at the AP",
    "(Re)Association refused because emergency services are not supported at the AP",
    "GAS query response not yet received",
    "Reject since the request is for transition to a frequency band subject to DSE procedures and FST Initiator is a dependent STA",
    "Requested TCLAS processing has been terminated by the AP",
    "The TS schedule conflicts with an existing schedule; an alternative schedule is provided",
    "The association has been denied; however, one or more Multi-band elements are included that can be used by the receiving STA to join the BSS",
    "The request failed due to a reservation conflict",
    "The request failed due to exceeded MAF limit",
    "The request failed due to exceeded MCCA track limit",
    "Association denied because the information in theSpectrum Management field is unacceptable",
    "Association denied because the requesting STA does not support VHT features",
    "Enablement denied",
    "Enablement denied due to restriction from an authorized GDB",
    "Authorization deenabled",
];

/// Reason codes (Deauthentication, Disassociation).
const REASON: [&str; 67] = [
    "Reserved",
    "Unspecified reason",
    "Previous authentication no longer valid",
    "Deauthenticated because sending STA is leaving (or has left) IBSS or ESS",
    "Disassociated due to inactivity",
    "Disassociated because AP is unable to handle all currently  associated STAs",
    "Class 2 frame received from nonauthenticated STA",
    "Class 3 frame received from nonassociated STA",
    "Disassociated because sending STA is leaving (or has left) BSS",
    "STA requesting (re)association is not authenticated with responding STA",
    "Disassociated because the information in the Power Capability element is unacceptable",
    "Disassociated because the information in the Supported Channels element is unacceptable",
    "Disassociated due to BSS transition management",
    "Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9",
    "Message integrity code (MIC) failure",
    "4-Way Handshake timeout",
    "Group key handshake timeout",
    "Information element in 4-Way Handshake different from (Re)AssociationRequest/Probe Response/Beacon frame",
    "Invalid group cipher",
    "Invalid pairwise cipher",
    "Invalid AKMP",
    "Unsupported RSNE version",
    "Invalid RSNE capabilities",
    "IEEE 802.1X authentication failed",
    "Cipher suite rejected because of the security policy",
    "TDLS direct-link teardown due to TDLS peer STA unreachable via the TDLS direct link",
    "TDLS direct-link teardown for unspecified reason",
    "Disassociated because session terminated by SSP request",
    "Disassociated because of lack of SSP roaming agreement",
    "Requested service rejected because of SSP cipher suite or AKM requirement",
    "Requested service not authorized in this location",
    "TS deleted because QoS AP lacks sufficient bandwidth for this QoS STA due to a change in BSS service characteristics or operational mode (e.g. an HT BSS change from 40 MHz channel to 20 MHz channel)",
    "Disassociated for unspecified, QoS-related reason",
    "Disassociated because QoS AP lacks sufficient bandwidth for this QoS STA",
    "Disassociated because of excessive number of frames that need to be acknowledged, but are not acknowledged due to AP transmissions and/or poor channel conditions",
    "Disassociated because STA is transmitting outside the limits of its TXOPs",
    "Requested from peer STA as the STA is leaving the BSS (or resetting)",
    "Requested from peer STA as it does not want to use the mechanism",
    "Requested from peer STA as the STA received frames using the mechanism for which a set up is required",
    "Requested from peer STA due to time out",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Reserved",
    "Peer STA does not support the requested cipher suite",
    "In a DLS Teardown frame: The teardown was initiated by the DLS peer. In a Disassociation frame: Disassociated because authorized access limit reached",
    "In a DLS Teardown frame: The teardown was initiated by the AP. In a Disassociation frame: Disassociated due to external service requirements",
    "Invalid FT Action frame count",
    "Invalid pairwise master key identifier (PMKID)",
    "Invalid MDE",
    "Invalid FTE",
    "Mesh peering canceled for unknown reasons",
    "The mesh STA has reached the supported maximum number of peer mesh STAs",
    "The received information violates the Mesh Configuration policy configured in the mesh STA profile",
    "The mesh STA has received a Mesh Peering Close frame requesting to close the mesh peering",
    "The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open frames, without receiving a Mesh Peering Confirm frame",
    "The confirmTimer for the mesh peering instance times out",
    "The mesh STA fails to unwrap the GTK or the values in the wrapped contents do not match",
    "The mesh STA receives inconsistent information about the mesh parameters between mesh peering Management frames",
    "The mesh STA fails the authenticated mesh peering exchange because due to failure in selecting either the pairwise ciphersuite or group ciphersuite",
    "The mesh STA does not have proxy information for this external destination",
    "The mesh STA does not have forwarding information for this destination",
    "The mesh STA determines that the link to the next hop of an active path in its forwarding information is no longer usable",
    "The Deauthentication frame was sent because the MAC address of the STA already exists in the mesh BSS",
    "The mesh STA performs channel switch to meet regulatory requirements",
    "The mesh STA performs channel switching with unspecified reason",
];

const TRUNC: &str = " [|802.11]";

fn status(out: &mut Vec<u8>, code: u16) {
    fmt::s(out, STATUS.get(code as usize).copied().unwrap_or("n/a"));
}

fn reason(out: &mut Vec<u8>, code: u16) {
    fmt::s(out, REASON.get(code as usize).copied().unwrap_or("Reserved"));
}

fn le16(b: Bytes<'_>, off: usize) -> Option<u16> {
    b.u16(off).map(u16::swap_bytes)
}

/// Prints an 802.11 frame; `fcs` when the last four bytes are the frame
/// check sequence, `pad` when the header is padded to four bytes.
pub(crate) fn frame(
    p: &mut Printer,
    data: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    fcs: bool,
    pad: bool,
) {
    let (mut data, mut wire) = (data, wire.max(data.len()));
    if fcs {
        if data.len() < 4 {
            fmt::s(out, TRUNC);
            dump.net_off = usize::MAX;
            return;
        }
        wire -= 4;
        data = &data[..data.len().min(wire)];
    }
    let b = Bytes(data);
    let (Some(fc0), Some(fc1)) = (b.u8(0), b.u8(1)) else {
        fmt::s(out, TRUNC);
        dump.net_off = usize::MAX;
        return;
    };
    let (kind, sub) = ((fc0 >> 2) & 3, fc0 >> 4);
    let mut hdr: usize = match kind {
        0 => 24,
        1 => match sub {
            8 => 20,
            9 | 12 | 13 => 10,
            7 | 10 | 11 | 14 | 15 => 16,
            _ => 2,
        },
        2 => 24 + if fc1 & 3 == 3 { 6 } else { 0 } + if sub & 8 != 0 { 2 } else { 0 },
        _ => 2,
    };
    // Frames whose header tcpdump does not know (length 2: the frame
    // control field) are not padded.
    if pad && hdr > 2 {
        hdr = hdr.div_ceil(4) * 4;
    }
    if data.len() < hdr {
        // `-x` still starts after the header tcpdump expected (what it
        // shows of a short frame is the end of its frame check sequence).
        fmt::s(out, TRUNC);
        dump.net_off = dump.net_off.saturating_add(hdr);
        return;
    }
    // `-x` dumps what follows the 802.11 header, or the whole frame when
    // tcpdump does not know the header.
    if hdr > 2 {
        dump.net_off += hdr;
    }
    let e = p.opts.link_header;
    match kind {
        0 => {
            if e {
                mac_label(out, "BSSID:", &data[16..22]);
                mac_label(out, " DA:", &data[4..10]);
                mac_label(out, " SA:", &data[10..16]);
                out.push(b' ');
            }
            mgmt(out, sub, data, wire, fc1, e)
        }
        1 => ctrl(out, sub, data, e),
        3 => fmt::s(out, "unknown 802.11 frame type (3)"),
        _ => {
            let body = &data[hdr..];
            if e {
                data_header(out, sub, fc1, data);
            }
            if sub & 4 != 0 {
                // Null and CF frames carry no payload.
                return;
            }
            if fc1 & 0x40 != 0 {
                fmt::s(out, "Data");
                wep(out, body);
                return;
            }
            let (da, sa) = match fc1 & 3 {
                0 => (&data[4..10], &data[10..16]),
                1 => (&data[16..22], &data[10..16]),
                2 => (&data[4..10], &data[16..22]),
                _ => (&data[16..22], &data[24..30]),
            };
            llc(p, body, wire.saturating_sub(hdr), out, dump, sa, da);
        }
    }
}

fn mac_label(out: &mut Vec<u8>, label: &str, a: &[u8]) {
    fmt::s(out, label);
    fmt::mac(out, a);
}

/// `-e`'s header of a data frame: the CF/QoS kind, then the addresses
/// named by the To-DS and From-DS bits.
fn data_header(out: &mut Vec<u8>, sub: u8, fc1: u8, data: &[u8]) {
    const KIND: [&str; 8] = [
        "",
        "CF Ack ",
        "CF Poll ",
        "CF Ack/Poll ",
        "CF +QoS ",
        "CF Ack+QoS ",
        "CF Poll+QoS ",
        "CF Ack/Poll+QoS ",
    ];
    fmt::s(out, KIND[((sub & 3) | ((sub >> 1) & 4)) as usize]);
    let (a1, a2, a3) = (&data[4..10], &data[10..16], &data[16..22]);
    match fc1 & 3 {
        0 => {
            mac_label(out, "DA:", a1);
            mac_label(out, " SA:", a2);
            mac_label(out, " BSSID:", a3);
        }
        1 => {
            mac_label(out, "BSSID:", a1);
            mac_label(out, " SA:", a2);
            mac_label(out, " DA:", a3);
        }
        2 => {
            mac_label(out, "DA:", a1);
            mac_label(out, " BSSID:", a2);
            mac_label(out, " SA:", a3);
        }
        _ => {
            mac_label(out, "RA:", a1);
            mac_label(out, " TA:", a2);
            mac_label(out, " DA:", a3);
            mac_label(out, " SA:", &data[24..30]);
        }
    }
    out.push(b' ');
}

/// The WEP/TKIP/CCMP header of a protected frame: ` IV:%3x Pad %x KeyID %u`.
fn wep(out: &mut Vec<u8>, body: &[u8]) {
    let Some(&[a, c, d, k]) = body.get(..4) else {
        fmt::s(out, TRUNC);
        return;
    };
    fmt::s(out, " IV:");
    let iv = a as u32 | (c as u32) << 8 | (d as u32) << 16;
    // `%3x`: right-aligned in three columns.
    let digits = (32 - iv.leading_zeros()).div_ceil(4).max(1);
    for _ in digits..3 {
        out.push(b' ');
    }
    fmt::x(out, iv as u64);
    fmt::s(out, " Pad ");
    fmt::x(out, (k & 0x3f) as u64);
    fmt::s(out, " KeyID ");
    fmt::u(out, (k >> 6) as u64);
}

/// An LLC payload of a data frame: SNAP with an ethertype bpfcap
/// dissects, or tcpdump's line for an unknown SNAP ethertype.
fn llc(
    p: &mut Printer,
    body: &[u8],
    wire: usize,
    out: &mut Vec<u8>,
    dump: &mut Dump,
    sa: &[u8],
    da: &[u8],
) {
    let b = Bytes(body);
    let (Some(dsap), Some(ssap), Some(ctl)) = (b.u8(0), b.u8(1), b.u8(2)) else {
        // The short LLC header is dumped whatever the options; `-x` goes on
        // after it (with the frame check sequence, if any).
        fmt::s(out, " [|llc]");
        super::hex_dump(out, body, true);
        dump.net_off = dump.net_off.saturating_add(body.len());
        return;
    };
    let e = p.opts.link_header;
    if (dsap, ssap, ctl) == (0xaa, 0xaa, 0x03) {
        if e {
            fmt::s(out, LLC_SNAP_E);
        }
        let (Some(org), Some(et)) = (b.slice(3, 3), b.u16(6)) else {
            fmt::s(out, " [|snap]");
            dump.net_off = usize::MAX;
            return;
        };
        let oui = u32::from(org[0]) << 16 | u32::from(org[1]) << 8 | u32::from(org[2]);
        let rest = &body[8..];
        let w = wire.saturating_sub(8);
        let header = |out: &mut Vec<u8>, with_oui: bool| {
            if with_oui {
                fmt::s(out, "oui ");
                fmt::s(out, oui_name(oui));
                fmt::s(out, " (0x");
                fmt::x_pad(out, oui as u64, 6);
                fmt::s(out, "), ");
            }
            fmt::s(out, if oui == 0 { "ethertype " } else { "pid " });
            fmt::s(out, pid_name(oui, et));
            fmt::s(out, " (0x");
            fmt::x_pad(out, et as u64, 4);
            fmt::s(out, "), length ");
            fmt::u(out, w as u64);
            fmt::s(out, ": ");
        };
        let ethertype = oui == 0 || oui == 0xf8;
        if ethertype && matches!(et, 0x0800 | 0x86dd | 0x0806 | 0x8035) {
            dump.net_off = dump.net_off.saturating_add(8);
            if e {
                header(out, true);
            }
            match et {
                0x0800 => ip::ipv4(p, rest, w, out, !e),
                0x86dd => ip::ipv6(p, rest, w, out, !e),
                _ => {
                    link::arp(p, rest, w, out, !e);
                    // tcpdump gives up on a short ARP packet by unwinding,
                    // so its `-x` dump covers the whole packet.
                    if out.ends_with(b"[|arp]") || out.ends_with(b"[|ARP]") {
                        p.dump_whole = true;
                    }
                }
            }
            return;
        }
        let shared = match oui {
            0x00_0000 | 0x00_00f8 => link::dissected(et),
            0x00_000c => super::l2ctl::is_cisco(et) || et == 0x010b,
            _ => false,
        };
        if !shared {
            // tcpdump names what it does not know and dumps the frame from
            // the LLC header (`-x` from the payload).
            dump.net_off = dump.net_off.saturating_add(8);
            if !e {
                fmt::mac(out, sa);
                fmt::s(out, " > ");
                fmt::mac(out, da);
                fmt::s(out, " SNAP, ");
            }
            header(out, e || oui != 0);
            forced_dump(p, out, body);
            return;
        }
    }
    // Everything else is the shared 802.2 printer's (SAP frames, IPX,
    // OSI, and the SNAP payloads bpfcap dissects there: EAPOL, VLANs,
    // Cisco's protocols, ...).
    if e && (dsap, ssap, ctl) == (0xaa, 0xaa, 0x03) {
        // Its `-e` line repeats the LLC header this one printed.
        out.truncate(out.len() - LLC_SNAP_E.len());
    }
    let base = dump.net_off;
    // Printers that name the sending station (GeoNetworking) find it here.
    p.eth_src = sa.try_into().ok();
    super::llc::print(p, body, wire, Some((sa, da)), out, dump, base);
    // Its default dump is written here, so that it stops before a frame
    // check sequence.
    if let Some(from) = dump.forced.take() {
        forced_dump(p, out, body.get(from.saturating_sub(base)..).unwrap_or(&[]));
    }
}

/// `-e`'s LLC header of a SNAP frame.
const LLC_SNAP_E: &str = "LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: ";

/// The names tcpdump gives SNAP organisation codes.
fn oui_name(oui: u32) -> &'static str {
    match oui {
        0x00_0000 => "Ethernet",
        0x00_000c => "Cisco",
        0x00_00f8 => "Cisco bridged",
        0x00_80c2 => "Ethernet bridged",
        0x08_0007 => "Appletalk",
        0x00_9069 => "Juniper",
        _ => "Unknown",
    }
}

/// The names tcpdump gives SNAP protocol identifiers: ethertypes under
/// the Ethernet, Cisco bridged and AppleTalk codes; under the bridged code
/// only the 802.4/802.6 ones have names without a printer behind them.
fn pid_name(oui: u32, pid: u16) -> &'static str {
    match (oui, pid) {
        (0x00_0000 | 0x00_00f8 | 0x08_0007, _) => link::ethertype_name(pid),
        (0x00_80c2, 0x0002) => "802.4 + FCS",
        (0x00_80c2, 0x0005) => "802.6 + FCS",
        (0x00_80c2, 0x0008) => "802.4 w/o FCS",
        (0x00_80c2, 0x000b) => "802.6 w/o FCS",
        _ => "Unknown",
    }
}

/// The dump tcpdump gives a payload it does not dissect. It is written
/// here rather than left to the printer's default dump so that it stops
/// before a frame check sequence.
fn forced_dump(p: &Printer, out: &mut Vec<u8>, bytes: &[u8]) {
    let o = &p.opts;
    if o.hex == 0 && o.hex_ascii == 0 && !o.ascii && !o.quiet {
        super::hex_dump(out, bytes, true);
    }
}

/// The elements of a management frame body that tcpdump prints.
#[derive(Default)]
struct Elems<'a> {
    ssid: Option<&'a [u8]>,
    rates: Option<&'a [u8]>,
    ds: Option<u8>,
}

/// Walks the elements, as far as the frame's length on the wire (`wire`)
/// goes; the flag is `false` when the walk stopped at an element that
/// does not fit in the captured bytes (tcpdump's truncation).
fn elements(body: &[u8], wire: usize) -> (Elems<'_>, bool) {
    let mut e = Elems::default();
    let mut at = 0;
    while at < wire.max(body.len()) {
        let (Some(&id), Some(&len)) = (body.get(at), body.get(at + 1)) else {
            return (e, false);
        };
        let len = len as usize;
        let Some(v) = body.get(at + 2..at + 2 + len) else {
            return (e, false);
        };
        match id {
            0 => {
                if len > 32 {
                    return (e, false);
                }
                if e.ssid.is_none() {
                    e.ssid = Some(v);
                }
            }
            1 => {
                if len > 16 {
                    return (e, false);
                }
                if e.rates.is_none() && len > 0 {
                    e.rates = Some(v);
                }
            }
            3 if e.ds.is_none() && len == 1 => e.ds = Some(v[0]),
            5 if len > 254 => return (e, false),
            16 if len > 253 => return (e, false),
            _ => {}
        }
        at += 2 + len;
    }
    (e, true)
}

/// ` (SSID)`: printable ASCII as is, up to the first NUL, with tcpdump's
/// `M-` and `^` escapes for the rest.
fn ssid(out: &mut Vec<u8>, e: &Elems<'_>) {
    let Some(s) = e.ssid else { return };
    fmt::s(out, " (");
    for &c in s {
        if c == 0 {
            break;
        }
        let mut c = c;
        if c >= 0x80 {
            fmt::s(out, "M-");
            c &= 0x7f;
        }
        if c < 0x20 || c == 0x7f {
            out.push(b'^');
            out.push(c ^ 0x40);
        } else {
            out.push(c);
        }
    }
    out.push(b')');
}

/// ` [1.0* 2.0 Mbit]`: rates in 500 kb/s units, `*` for basic rates.
fn rates(out: &mut Vec<u8>, e: &Elems<'_>) {
    let Some(r) = e.rates else { return };
    fmt::s(out, " [");
    for &v in r {
        let half = (v & 0x7f) as u64;
        fmt::u(out, half / 2);
        fmt::s(out, if half % 2 == 1 { ".5" } else { ".0" });
        if v & 0x80 != 0 {
            out.push(b'*');
        }
        out.push(b' ');
    }
    fmt::s(out, "Mbit]");
}

fn channel(out: &mut Vec<u8>, e: &Elems<'_>) {
    if let Some(ch) = e.ds {
        fmt::s(out, " CH: ");
        fmt::u(out, ch as u64);
    }
}

fn privacy(out: &mut Vec<u8>, cap: u16) {
    if cap & 0x0010 != 0 {
        fmt::s(out, ", PRIVACY");
    }
}

fn trunc_if(out: &mut Vec<u8>, ok: bool) {
    if !ok {
        fmt::s(out, TRUNC);
    }
}

const MGMT_NAMES: [&str; 16] = [
    "Assoc Request",
    "Assoc Response",
    "ReAssoc Request",
    "ReAssoc Response",
    "Probe Request",
    "Probe Response",
    "",
    "",
    "Beacon",
    "ATIM",
    "Disassociation",
    "Authentication",
    "DeAuthentication",
    "Action",
    "",
    "",
];

fn mgmt(out: &mut Vec<u8>, sub: u8, data: &[u8], wire: usize, fc1: u8, e: bool) {
    let name = MGMT_NAMES[sub as usize & 15];
    if name.is_empty() {
        fmt::s(out, "Unhandled Management subtype(");
        fmt::x(out, sub as u64);
        out.push(b')');
    } else {
        fmt::s(out, name);
    }
    let body = &data[24..];
    if fc1 & 0x40 != 0 {
        // A protected body: only its security header is printed.
        wep(out, body);
        return;
    }
    if name.is_empty() {
        return;
    }
    let b = Bytes(body);
    let need = match sub {
        0 => 4,
        1 | 3 | 11 => 6,
        2 => 10,
        5 | 8 => 12,
        10 | 12 | 13 => 2,
        _ => 0,
    };
    if body.len() < need {
        fmt::s(out, TRUNC);
        return;
    }
    let sa = &data[10..16];
    match sub {
        0 | 4 => {
            let (e, ok) = elements(&body[need..], wire.saturating_sub(24 + need));
            ssid(out, &e);
            rates(out, &e);
            trunc_if(out, ok);
        }
        1 | 3 => {
            let cap = le16(b, 0).unwrap_or(0);
            let st = le16(b, 2).unwrap_or(0);
            let aid = le16(b, 4).unwrap_or(0);
            let (_, ok) = elements(&body[need..], wire.saturating_sub(24 + need));
            fmt::s(out, " AID(");
            fmt::x(out, (aid & 0x3fff) as u64);
            fmt::s(out, ") :");
            if cap & 0x0010 != 0 {
                fmt::s(out, " PRIVACY ");
            }
            fmt::s(out, ": ");
            status(out, st);
            trunc_if(out, ok);
        }
        2 => {
            let (e, ok) = elements(&body[need..], wire.saturating_sub(24 + need));
            ssid(out, &e);
            fmt::s(out, " AP : ");
            fmt::mac(out, &body[4..10]);
            trunc_if(out, ok);
        }
        5 | 8 => {
            let cap = le16(b, 10).unwrap_or(0);
            let (e, ok) = elements(&body[need..], wire.saturating_sub(24 + need));
            ssid(out, &e);
            rates(out, &e);
            if sub == 8 {
                fmt::s(out, if cap & 0x0001 != 0 { " ESS" } else { " IBSS" });
            }
            channel(out, &e);
            privacy(out, cap);
            trunc_if(out, ok);
        }
        10 => {
            fmt::s(out, ": ");
            reason(out, le16(b, 0).unwrap_or(0));
        }
        11 => {
            let alg = le16(b, 0).unwrap_or(0);
            let seq = le16(b, 2).unwrap_or(0);
            let st = le16(b, 4).unwrap_or(0);
            let (_, ok) = elements(&body[need..], wire.saturating_sub(24 + need));
            fmt::s(
                out,
                match alg {
                    0 => " (Open System)-",
                    1 => " (Shared Key)-",
                    2 => " (EAP)-",
                    _ => " (Reserved)-",
                },
            );
            fmt::x(out, seq as u64);
            if alg == 1 && (seq == 2 || seq == 3) {
                fmt::s(out, " [Challenge Text] ");
            } else {
                fmt::s(out, ": ");
            }
            if seq % 2 == 1 {
                status(out, st);
            }
            trunc_if(out, ok);
        }
        12 | 13 => {
            // The sender is named here unless `-e` printed it already.
            if !e {
                fmt::s(out, " (");
                fmt::mac(out, sa);
                out.push(b')');
            }
            fmt::s(out, ": ");
            if sub == 12 {
                reason(out, le16(b, 0).unwrap_or(0));
            } else {
                action(out, body[0], body[1]);
            }
        }
        _ => {}
    }
}

fn action(out: &mut Vec<u8>, cat: u8, act: u8) {
    const BA: &[&str] = &["ADDBA Request", "ADDBA Response", "DELBA"];
    const HT: &[&str] = &["TxChWidth", "MIMOPwrSave"];
    const MESH: &[&str] = &[
        "MeshLink",
        "HWMP",
        "Gate Announcement",
        "Congestion Control",
        "MCCA Setup Request",
        "MCCA Setup Reply",
        "MCCA Advertisement Request",
        "MCCA Advertisement",
        "MCCA Teardown",
        "TBTT Adjustment Request",
        "TBTT Adjustment Response",
    ];
    const MULTIHOP: &[&str] = &["Proxy Update", "Proxy Update Confirmation"];
    const SELFPROT: &[&str] = &[
        "",
        "Peering Open",
        "Peering Confirm",
        "Peering Close",
        "Group Key Inform",
        "Group Key Acknowledge",
    ];
    let (name, acts): (&str, &[&str]) = match cat {
        0 => ("Spectrum Management", &[]),
        1 => ("QoS", &[]),
        2 => ("DLS", &[]),
        3 => ("BA", BA),
        7 => ("HT", HT),
        13 => ("MeshAction", MESH),
        14 => ("MultiohopAction", MULTIHOP),
        15 => ("SelfprotectAction", SELFPROT),
        127 => ("Vendor", &[]),
        _ => ("", &[]),
    };
    if name.is_empty() {
        fmt::s(out, "Reserved(");
        fmt::u(out, cat as u64);
        out.push(b')');
    } else {
        fmt::s(out, name);
    }
    out.push(b' ');
    match acts.get(act as usize).filter(|s| !s.is_empty()) {
        Some(s) => fmt::s(out, s),
        None => {
            fmt::s(out, "Act#");
            fmt::u(out, act as u64);
        }
    }
}

/// A control frame. Without `-e` the name comes first and the addresses
/// after it; with `-e` the addresses were the link header and only the
/// name (and a PS-Poll's AID) follows.
fn ctrl(out: &mut Vec<u8>, sub: u8, data: &[u8], e: bool) {
    let b = Bytes(data);
    let mac_at = |out: &mut Vec<u8>, label: &str, at: usize| {
        fmt::s(out, label);
        fmt::mac(out, &data[at..at + 6]);
    };
    if e {
        match sub {
            8 => {
                mac_at(out, " RA:", 4);
                mac_at(out, " TA:", 10);
                bar_ctl(out, b);
            }
            9 | 12 | 13 => {
                mac_at(out, "RA:", 4);
                out.push(b' ');
            }
            10 => {
                mac_at(out, "BSSID:", 4);
                mac_at(out, " TA:", 10);
                out.push(b' ');
            }
            11 => {
                mac_at(out, "RA:", 4);
                mac_at(out, " TA:", 10);
                out.push(b' ');
            }
            14 | 15 => {
                mac_at(out, "RA:", 4);
                mac_at(out, " BSSID:", 10);
                out.push(b' ');
            }
            _ => {}
        }
    }
    let name = match sub {
        7 => "Control Wrapper",
        8 => "BAR",
        9 => "BA",
        10 => "Power Save-Poll",
        11 => "Request-To-Send",
        12 => "Clear-To-Send",
        13 => "Acknowledgment",
        14 => "CF-End",
        15 => "CF-End+CF-Ack",
        _ => {
            fmt::s(out, "unknown 802.11 ctrl frame subtype (");
            fmt::u(out, sub as u64);
            out.push(b')');
            return;
        }
    };
    fmt::s(out, name);
    if sub == 10 {
        fmt::s(out, " AID(");
        fmt::x(out, le16(b, 2).unwrap_or(0) as u64);
        out.push(b')');
    }
    if e {
        return;
    }
    match sub {
        8 => {
            mac_at(out, " RA:", 4);
            mac_at(out, " TA:", 10);
            bar_ctl(out, b);
        }
        11 => {
            mac_at(out, " TA:", 10);
            out.push(b' ');
        }
        9 | 12..=15 => {
            mac_at(out, " RA:", 4);
            out.push(b' ');
        }
        _ => {}
    }
}

/// A Block Ack Request's control and starting sequence fields.
fn bar_ctl(out: &mut Vec<u8>, b: Bytes<'_>) {
    fmt::s(out, " CTL(");
    fmt::x(out, le16(b, 16).unwrap_or(0) as u64);
    fmt::s(out, ") SEQ(");
    fmt::u(out, le16(b, 18).unwrap_or(0) as u64);
    fmt::s(out, ") ");
}

#[cfg(test)]
mod tests {
    use super::super::{Dump, PrintOptions, Printer};
    use crate::dlt::Dlt;

    use crate::display::testutil::unhex as hex;

    /// A management frame from 00:..:02 to 00:..:01 in BSS 00:..:03.
    fn mgmt(subtype: u8, body: &str) -> Vec<u8> {
        let mut f = vec![subtype << 4, 0, 0, 0];
        for last in [1u8, 2, 3] {
            f.extend_from_slice(&[0, 0x11, 0x22, 0x33, 0x44, last]);
        }
        f.extend_from_slice(&[0x10, 0]);
        f.extend(hex(body));
        f
    }

    fn text(frame: &[u8], fcs: bool, pad: bool) -> String {
        let mut p = Printer::new(PrintOptions::default(), Dlt(105));
        let mut dump = Dump { net_off: 0, forced: None };
        let mut out = Vec::new();
        super::frame(&mut p, frame, frame.len(), &mut out, &mut dump, fcs, pad);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn frames_print_as_tcpdump_does() {
        let fixed = "0000000000000000 6400 1100";
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (
                mgmt(8, &format!("{fixed} 0004 6f6d7573 0103 82840b 030106")),
                "Beacon (omus) [1.0* 2.0* 5.5 Mbit] ESS CH: 6, PRIVACY",
            ),
            (mgmt(8, &format!("{fixed} 0021")), "Beacon ESS, PRIVACY [|802.11]"),
            (mgmt(8, "00"), "Beacon [|802.11]"),
            (mgmt(4, "0000 0100 010102"), "Probe Request () [1.0 Mbit]"),
            (mgmt(1, "1100 0500 03c0"), "Assoc Response AID(3) : PRIVACY : Security disabled"),
            (
                mgmt(11, "0100 0300 0f00"),
                "Authentication (Shared Key)-3 [Challenge Text] Authentication rejected because of challenge failure",
            ),
            (mgmt(11, "0000 0200 0000"), "Authentication (Open System)-2: "),
            (
                mgmt(12, "0300"),
                "DeAuthentication (00:11:22:33:44:02): Deauthenticated because sending STA is leaving (or has left) IBSS or ESS",
            ),
            (mgmt(10, "4300"), "Disassociation: Reserved"),
            (mgmt(13, "0d04"), "Action (00:11:22:33:44:02): MeshAction MCCA Setup Request"),
            (mgmt(14, ""), "Unhandled Management subtype(e)"),
            (hex("d400 0000 001122334401"), "Acknowledgment RA:00:11:22:33:44:01 "),
            (hex("d400 0000 0011223344"), " [|802.11]"),
            (hex("5400"), "unknown 802.11 ctrl frame subtype (5)"),
            (hex("0c00"), "unknown 802.11 frame type (3)"),
        ];
        for (frame, want) in cases {
            assert_eq!(text(&frame, false, false), want, "{frame:02x?}");
        }
        // Padding rounds the 10-byte ACK header up to 12; the FCS comes off
        // the end first.
        let ack = hex("d400 0000 001122334401 0000 deadbeef");
        assert_eq!(text(&ack, true, true), "Acknowledgment RA:00:11:22:33:44:01 ");
        assert_eq!(text(&ack[..14], true, true), " [|802.11]");
    }
}
