#!/usr/bin/env python3
"""Builds the small synthetic captures the packet-printer golden tests use.

Every packet is assembled byte by byte here (no third-party libraries), so
the captures' provenance is this script alone.  Run from the repository
root:  python3 scripts/gen_display_captures.py  (writes captures/display/).
"""
import os
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "captures", "display")


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def ip4(a):
    return bytes(int(x) for x in a.split("."))


def ip6(a):
    import ipaddress
    return ipaddress.IPv6Address(a).packed


def mac(m):
    return bytes(int(x, 16) for x in m.split(":"))


def ipv4(src, dst, proto, payload, ident=1, ttl=64, flags=0x4000, tos=0, opts=b"", tot=None):
    ihl = 5 + len(opts) // 4
    total = tot if tot is not None else 20 + len(opts) + len(payload)
    hdr = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, tos, total, ident, flags, ttl, proto, 0, ip4(src), ip4(dst)) + opts
    c = csum(hdr)
    hdr = hdr[:10] + struct.pack("!H", c) + hdr[12:]
    return hdr + payload


def ipv6(src, dst, nh, payload, hlim=64, flow=0, tc=0):
    first = (6 << 28) | (tc << 20) | flow
    return struct.pack("!IHBB16s16s", first, len(payload), nh, hlim, ip6(src), ip6(dst)) + payload


def pseudo4(src, dst, proto, l4):
    return ip4(src) + ip4(dst) + struct.pack("!BBH", 0, proto, len(l4))


def pseudo6(src, dst, proto, l4):
    return ip6(src) + ip6(dst) + struct.pack("!IxxxB", len(l4), proto)


def tcp(sport, dport, seq, ack, flags, win=65535, opts=b"", data=b"", urg=0):
    off = (20 + len(opts)) // 4
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, off << 4 | (flags >> 8), flags & 0xFF, win, 0, urg) + opts + data


def udp(sport, dport, data, length=None):
    return struct.pack("!HHHH", sport, dport, length if length is not None else 8 + len(data), 0) + data


def fix_l4(pseudo, l4, cs_off):
    c = csum(pseudo + l4)
    return l4[:cs_off] + struct.pack("!H", c) + l4[cs_off + 2:]


def tcp4(src, dst, *a, **k):
    t = tcp(*a, **k)
    return ipv4(src, dst, 6, fix_l4(pseudo4(src, dst, 6, t), t, 16))


def udp4(src, dst, *a, **k):
    u = udp(*a, **k)
    return ipv4(src, dst, 17, fix_l4(pseudo4(src, dst, 17, u), u, 6))


def tcp6(src, dst, *a, **k):
    t = tcp(*a, **k)
    return ipv6(src, dst, 6, fix_l4(pseudo6(src, dst, 6, t), t, 16))


def udp6(src, dst, *a, **k):
    u = udp(*a, **k)
    return ipv6(src, dst, 17, fix_l4(pseudo6(src, dst, 17, u), u, 6))


def icmp4(src, dst, typ, code, rest, body=b""):
    m = struct.pack("!BBH", typ, code, 0) + rest + body
    m = m[:2] + struct.pack("!H", csum(m)) + m[4:]
    return ipv4(src, dst, 1, m)


def icmp6(src, dst, typ, code, rest, body=b"", pre=None):
    m = struct.pack("!BBH", typ, code, 0) + rest + body
    m = m[:2] + struct.pack("!H", csum(pseudo6(src, dst, 58, m) + m)) + m[4:]
    return ipv6(src, dst, 58, m)


A = "00:11:22:33:44:55"
B = "66:77:88:99:aa:bb"
BC = "ff:ff:ff:ff:ff:ff"


def eth(payload, etype, src=A, dst=B):
    return mac(dst) + mac(src) + struct.pack("!H", etype) + payload


def vlan(payload, etype, vid, pcp=0, src=A, dst=B):
    return mac(dst) + mac(src) + struct.pack("!HHH", 0x8100, pcp << 13 | vid, etype) + payload


def write_pcap(name, linktype, pkts, snaplen=262144, nano=False):
    magic = 0xA1B23C4D if nano else 0xA1B2C3D4
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype))
        t = 1700000000
        for i, p in enumerate(pkts):
            if isinstance(p, tuple):
                data, wire = p
            else:
                data, wire = p, len(p)
            data = data[:snaplen]
            sub = (i * 123457) % 1000000
            if nano:
                sub = sub * 1000 + 789
            f.write(struct.pack("<IIII", t + i * 7 // 3, sub, len(data), wire))
            f.write(data)


def dns_name(n):
    out = b""
    for lab in n.rstrip(".").split("."):
        if lab:
            out += bytes([len(lab)]) + lab.encode()
    return out + b"\0"


def dns_query(ident, name, qtype=1, rd=True, extra=b"", ar=0):
    flags = 0x0100 if rd else 0
    return struct.pack("!HHHHHH", ident, flags, 1, 0, 0, ar) + dns_name(name) + struct.pack("!HH", qtype, 1) + extra


def dns_answer(ident, name, answers, qtype=1, rcode=0, aa=False, ns=0):
    flags = 0x8180 | rcode | (0x400 if aa else 0)
    body = dns_name(name) + struct.pack("!HH", qtype, 1)
    for typ, rdata in answers:
        body += b"\xc0\x0c" + struct.pack("!HHIH", typ, 1, 300, len(rdata)) + rdata
    return struct.pack("!HHHHHH", ident, flags, 1, len(answers), ns, 0) + body


def main():
    os.makedirs(OUT, exist_ok=True)
    c, s = "10.0.0.1", "192.168.1.20"
    mss = b"\x02\x04\x05\xb4"
    sack_ok = b"\x04\x02"
    ts = lambda v, e: b"\x08\x0a" + struct.pack("!II", v, e)
    ws = lambda n: b"\x03\x03" + bytes([n])
    nop = b"\x01"
    tcp_pkts = [
        eth(tcp4(c, s, 40000, 80, 1000, 0, 0x002, 64240, mss + sack_ok + ts(100, 0) + nop + ws(7)), 0x0800),
        eth(tcp4(s, c, 80, 40000, 5000, 1001, 0x012, 65160, mss + sack_ok + ts(200, 100) + nop + ws(7)), 0x0800, B, A),
        eth(tcp4(c, s, 40000, 80, 1001, 5001, 0x010, 502, nop + nop + ts(101, 200)), 0x0800),
        eth(tcp4(c, s, 40000, 80, 1001, 5001, 0x018, 502, nop + nop + ts(101, 200), b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"), 0x0800),
        eth(tcp4(s, c, 80, 40000, 5001, 1028, 0x010, 509, nop + nop + ts(201, 101)), 0x0800, B, A),
        eth(tcp4(s, c, 80, 40000, 5001, 1028, 0x018, 509, nop + nop + ts(202, 101), b"HTTP/1.1 200 OK\r\n\r\nhello"), 0x0800, B, A),
        eth(tcp4(c, s, 40000, 80, 1028, 5025, 0x011, 502), 0x0800),
        eth(tcp4(s, c, 80, 40000, 5025, 1029, 0x011, 509), 0x0800, B, A),
        eth(tcp4(c, s, 40000, 80, 1029, 5026, 0x010, 502), 0x0800),
        # Mid-stream connection (no SYN seen), both directions.
        eth(tcp4(c, s, 41000, 22, 7777777, 3333333, 0x018, 1000, b"", b"x" * 36), 0x0800),
        eth(tcp4(s, c, 22, 41000, 3333333, 7777813, 0x018, 1000, b"", b"y" * 52), 0x0800, B, A),
        eth(tcp4(c, s, 41000, 22, 7777813, 3333385, 0x010, 1000), 0x0800),
        # Flags: RST, RST-ACK, URG, ECE/CWR, none, SACK blocks, unknown option, eol.
        eth(tcp4(c, s, 42000, 443, 1, 0, 0x004, 0), 0x0800),
        eth(tcp4(c, s, 42001, 443, 1, 9, 0x014, 0), 0x0800),
        eth(tcp4(c, s, 42002, 443, 1, 9, 0x030, 100, b"", b"abc", urg=3), 0x0800),
        eth(tcp4(c, s, 42003, 443, 1, 0, 0x0C2, 100), 0x0800),
        eth(tcp4(c, s, 42004, 443, 1, 0, 0x000, 100), 0x0800),
        eth(tcp4(c, s, 42005, 443, 10, 20, 0x010, 100, nop + nop + b"\x05\x0a" + struct.pack("!II", 30, 40)), 0x0800),
        eth(tcp4(c, s, 42006, 443, 10, 20, 0x010, 100, b"\x22\x06abcd" + b"\x00\x00"), 0x0800),
        eth(tcp4(c, s, 42007, 443, 10, 20, 0x010, 100, b"\x13\x12" + b"\x11" * 16 + b"\x00\x00"), 0x0800),
        eth(tcp4(c, s, 42008, 443, 10, 20, 0x1FF, 100), 0x0800),
        # TCP over IPv6.
        eth(tcp6("2001:db8::1", "2001:db8::2", 5555, 80, 100, 0, 0x002, 1000, mss), 0x86DD),
        eth(tcp6("2001:db8::2", "2001:db8::1", 80, 5555, 900, 101, 0x012, 1000, mss), 0x86DD, B, A),
        eth(tcp6("2001:db8::1", "2001:db8::2", 5555, 80, 101, 901, 0x018, 1000, b"", b"hi"), 0x86DD),
    ]
    write_pcap("tcp.pcap", 1, tcp_pkts)

    udp_pkts = [
        eth(udp4(c, s, 12345, 9999, b"hello"), 0x0800),
        eth(udp4(c, "224.0.0.251", 5000, 5001, b"x" * 100), 0x0800),
        eth(udp4(c, s, 12345, 53, dns_query(0x1234, "www.example.com")), 0x0800),
        eth(udp4(s, c, 53, 12345, dns_answer(0x1234, "www.example.com", [(1, ip4("93.184.216.34")), (1, ip4("1.2.3.4"))])), 0x0800, B, A),
        eth(udp4(c, s, 12346, 53, dns_query(0x0001, "example.org", 28, rd=False)), 0x0800),
        eth(udp4(s, c, 53, 12346, dns_answer(0x0001, "example.org", [(28, ip6("2001:db8::5"))], 28, aa=True)), 0x0800, B, A),
        eth(udp4(s, c, 53, 12347, dns_answer(0x0002, "nx.example.org", [], 1, rcode=3)), 0x0800, B, A),
        eth(udp4(c, s, 12348, 53, dns_query(0x0003, "example.org", 15)), 0x0800),
        eth(udp4(c, s, 12349, 53, dns_query(0x0004, "4.3.2.1.in-addr.arpa", 12)), 0x0800),
        eth(udp4(s, c, 53, 12349, dns_answer(0x0004, "4.3.2.1.in-addr.arpa", [(12, dns_name("host.example.com"))], 12)), 0x0800, B, A),
        eth(udp4(s, c, 53, 12350, dns_answer(0x0005, "www.example.net", [(5, dns_name("example.net")), (1, ip4("5.6.7.8"))])), 0x0800, B, A),
        eth(udp4(c, s, 12351, 53, dns_query(0x0006, "example.com", 16)), 0x0800),
        eth(udp4(c, s, 12352, 53, dns_query(0x0007, "example.com", 255)), 0x0800),
        eth(udp4(c, s, 12353, 53, dns_query(0x0008, "example.com", 2)), 0x0800),
        eth(udp6("2001:db8::1", "2001:db8::53", 4444, 53, dns_query(0xbeef, "ipv6.example")), 0x86DD),
        eth(udp6("fe80::1", "ff02::1:2", 546, 5555, b"\x01\x02\x03\x04"), 0x86DD),
        eth(udp4(c, s, 1, 2, b"", 4), 0x0800),
        eth(udp4(c, s, 1, 2, b"zz", 100), 0x0800),
    ]
    write_pcap("udp_dns.pcap", 1, udp_pkts)

    icmp_pkts = [
        eth(icmp4(c, s, 8, 0, struct.pack("!HH", 0x1234, 1), b"\x00" * 56), 0x0800),
        eth(icmp4(s, c, 0, 0, struct.pack("!HH", 0x1234, 1), b"\x00" * 56), 0x0800, B, A),
    ]
    inner_udp = udp4(c, "8.8.8.8", 33434, 33435, b"")
    inner_tcp = tcp4(c, "8.8.8.8", 1234, 80, 1, 0, 2)[:28]
    for code in range(0, 16):
        inner = inner_tcp if code == 4 else inner_udp
        icmp_pkts.append(eth(icmp4(s, c, 3, code, b"\x00\x00" + struct.pack("!H", 1400 if code == 4 else 0), inner), 0x0800, B, A))
    icmp_pkts += [
        eth(icmp4(s, c, 11, 0, b"\0" * 4, inner_udp), 0x0800, B, A),
        eth(icmp4(s, c, 11, 1, b"\0" * 4, inner_udp), 0x0800, B, A),
        eth(icmp4(s, c, 5, 1, ip4("10.9.9.9"), inner_udp), 0x0800, B, A),
        eth(icmp4(s, c, 4, 0, b"\0" * 4, inner_udp), 0x0800, B, A),
        eth(icmp4(c, s, 13, 0, struct.pack("!HH", 7, 8), struct.pack("!III", 1000, 0, 0)), 0x0800),
        eth(icmp4(s, c, 14, 0, struct.pack("!HH", 7, 8), struct.pack("!III", 1000, 2000, 3000)), 0x0800, B, A),
        eth(icmp4(c, s, 17, 0, struct.pack("!HH", 7, 8), b"\0" * 4), 0x0800),
        eth(icmp4(s, c, 12, 0, b"\x14\0\0\0", inner_udp), 0x0800, B, A),
        eth(icmp4(s, c, 10, 0, b"\0" * 4), 0x0800, B, A),
        eth(icmp4(s, c, 9, 0, b"\x01\x02\x07\x08" + b"\0" * 8), 0x0800, B, A),
        eth(icmp4(s, c, 42, 0, b"\0" * 4), 0x0800, B, A),
        eth(icmp4(s, c, 99, 3, b"\0" * 4), 0x0800, B, A),
    ]
    a6, b6 = "2001:db8::1", "2001:db8::2"
    ll = "fe80::211:22ff:fe33:4455"
    inner6 = udp6(a6, "2001:db8::99", 33434, 33435, b"")
    icmp_pkts += [
        eth(icmp6(a6, b6, 128, 0, struct.pack("!HH", 77, 3), b"x" * 16), 0x86DD),
        eth(icmp6(b6, a6, 129, 0, struct.pack("!HH", 77, 3), b"x" * 16), 0x86DD, B, A),
        eth(icmp6(ll, "ff02::1:ff00:2", 135, 0, b"\0" * 4, ip6(b6) + b"\x01\x01" + mac(A)), 0x86DD),
        eth(icmp6("fe80::1", ll, 136, 0, b"\x60\0\0\0", ip6(b6) + b"\x02\x01" + mac(B)), 0x86DD, B, A),
        eth(icmp6(ll, "ff02::2", 133, 0, b"\0" * 4, b"\x01\x01" + mac(A)), 0x86DD),
        eth(icmp6("fe80::1", "ff02::1", 134, 0, b"\x40\x00\x07\x08", b"\0" * 8), 0x86DD, B, A),
        eth(icmp6(b6, a6, 1, 4, b"\0" * 4, inner6), 0x86DD, B, A),
        eth(icmp6(b6, a6, 1, 0, b"\0" * 4, inner6), 0x86DD, B, A),
        eth(icmp6(b6, a6, 1, 3, b"\0" * 4, inner6), 0x86DD, B, A),
        eth(icmp6(b6, a6, 1, 1, b"\0" * 4, inner6), 0x86DD, B, A),
        eth(icmp6(b6, a6, 3, 0, b"\0" * 4, inner6), 0x86DD, B, A),
        eth(icmp6(b6, a6, 3, 1, b"\0" * 4, inner6), 0x86DD, B, A),
        eth(icmp6(b6, a6, 2, 0, struct.pack("!I", 1280), inner6), 0x86DD, B, A),
        eth(icmp6(b6, a6, 4, 0, struct.pack("!I", 40), inner6), 0x86DD, B, A),
        eth(icmp6(b6, a6, 200, 0, b"\0" * 4), 0x86DD, B, A),
    ]
    write_pcap("icmp.pcap", 1, icmp_pkts)

    misc = [
        # ARP request, reply, gratuitous, odd hardware.
        eth(struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mac(A) + ip4(c) + mac("00:00:00:00:00:00") + ip4(s), 0x0806, A, BC),
        eth(struct.pack("!HHBBH", 1, 0x0800, 6, 4, 2) + mac(B) + ip4(s) + mac(A) + ip4(c), 0x0806, B, A),
        eth(struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mac(A) + ip4(c) + mac(B) + ip4(s), 0x0806, A, BC),
        eth(struct.pack("!HHBBH", 1, 0x0800, 6, 4, 3) + mac(A) + ip4(c) + mac(B) + ip4(s), 0x0806, A, BC),
        eth(struct.pack("!HHBBH", 1, 0x0800, 6, 4, 4) + mac(A) + ip4(c) + mac(B) + ip4(s), 0x0806, A, BC),
        eth(struct.pack("!HHBBH", 1, 0x0800, 6, 4, 9) + mac(A) + ip4(c) + mac(B) + ip4(s), 0x0806, A, BC),
        # 802.1Q, nested QinQ.
        vlan(udp4(c, s, 1000, 2000, b"v"), 0x0800, 100, 3),
        vlan(struct.pack("!HH", 200, 0x0800) + udp4(c, s, 1000, 2000, b"q"), 0x8100, 10),
        # IPv4 fragments.
        eth(ipv4(c, s, 17, udp(5000, 6000, b"f" * 40, 1008)[:48], ident=777, flags=0x2000), 0x0800),
        eth(ipv4(c, s, 17, b"g" * 48, ident=777, flags=0x2006), 0x0800),
        eth(ipv4(c, s, 17, b"h" * 24, ident=777, flags=0x000C), 0x0800),
        eth(ipv4(c, s, 1, b"h" * 24, ident=778, flags=0x0010), 0x0800),
        eth(ipv4(c, s, 6, b"h" * 24, ident=779, flags=0x0020), 0x0800),
        # Unknown IP protocol, unknown ethertype, IPv4 options, TOS.
        eth(ipv4(c, s, 253, b"\0" * 10), 0x0800),
        eth(b"\x01\x02\x03\x04" * 12, 0x88B5),
        eth(ipv4(c, s, 17, udp(1, 2, b"o"), opts=b"\x94\x04\x00\x00", tos=0x10), 0x0800),
        eth(ipv4(c, s, 17, udp(1, 2, b"o"), ttl=1, tos=0x03), 0x0800),
        # IPv6 extension headers: hop-by-hop, destination options, routing, fragment, no next header.
        eth(ipv6(a6, b6, 0, b"\x11\x00\x01\x04\x00\x00\x00\x00" + udp(7, 8, b"hbh")), 0x86DD),
        eth(ipv6(a6, b6, 60, b"\x3a\x00\x01\x04\x00\x00\x00\x00" + struct.pack("!BBHHH", 128, 0, 0, 1, 2)), 0x86DD),
        eth(ipv6(a6, b6, 43, b"\x11\x02\x00\x01\x00\x00\x00\x00" + ip6("2001:db8::77") + udp(7, 8, b"rt")), 0x86DD),
        eth(ipv6(a6, b6, 44, b"\x11\x00\x00\x01\x12\x34\x56\x78" + udp(7, 8, b"frag", 100)), 0x86DD),
        eth(ipv6(a6, b6, 44, b"\x11\x00\x00\x50\x12\x34\x56\x78" + b"z" * 16), 0x86DD),
        eth(ipv6(a6, b6, 59, b""), 0x86DD),
        eth(ipv6("::1", "::ffff:1.2.3.4", 17, udp(7, 8, b"")), 0x86DD),
        eth(ipv6("::", "ff02::16", 17, udp(7, 8, b""), flow=0x12345, tc=0xb8), 0x86DD),
        eth(ipv6("1:0:0:1:0:0:0:1", "1:0:1:0:1:0:1:0", 17, udp(7, 8, b"")), 0x86DD),
        eth(ipv6("::1.2.3.4", "2001:db8:0:0:1::1", 17, udp(7, 8, b"")), 0x86DD),
        eth(ipv6(a6, b6, 99, b"abc"), 0x86DD),
        # Ethernet frames with 802.3 length fields and IPX, LLC SNAP.
        eth(b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + udp4(c, s, 1, 2, b"snap"), 0x0024),
        eth(b"\x42\x42\x03" + b"\0" * 35, 38),
        eth(b"", 0x0800),
        eth(b"\x45\x00", 0x0800),
        eth(ipv4(c, s, 6, b"\x00\x50\x00"), 0x0800),
        eth(ipv4(c, s, 17, b"\x00\x50\x00"), 0x0800),
        eth(ipv4(c, s, 1, b"\x08"), 0x0800),
        eth(ipv6(a6, b6, 6, b"\x00\x50"), 0x86DD),
        eth(b"\x60\x00\x00\x00\x00\x00", 0x86DD),
        eth(ipv4(c, s, 6, b"\0" * 40, tot=30), 0x0800),
        eth(ipv4(c, s, 6, b"\0" * 40, tot=300), 0x0800),
        eth(b"\x46" + b"\0" * 30, 0x0800),
        eth(b"\x55" + b"\0" * 30, 0x0800),
    ]
    write_pcap("misc.pcap", 1, misc)

    # Truncated captures (snaplen cuts headers).
    write_pcap("trunc.pcap", 1, [(p[:n], len(p)) for p in tcp_pkts[:4] + udp_pkts[:4] for n in (14, 20, 34, 40, 54, 60)])

    # Other link types: raw IPv4/IPv6, NULL, LOOP, Linux cooked v1 and v2.
    p4 = udp4(c, s, 1111, 2222, b"raw")
    p6 = tcp6(a6, b6, 1, 2, 0, 0, 2)
    write_pcap("raw.pcap", 101, [p4, p6, icmp4(c, s, 8, 0, b"\0\1\0\2")])
    write_pcap("ipv4.pcap", 228, [p4, icmp4(c, s, 8, 0, b"\0\1\0\2")])
    write_pcap("ipv6.pcap", 229, [p6, icmp6(a6, b6, 128, 0, b"\0\1\0\2")])
    write_pcap("null.pcap", 0, [struct.pack("<I", 2) + p4, struct.pack("<I", 30) + p6, struct.pack("<I", 7) + b"xx"])
    write_pcap("loop.pcap", 108, [struct.pack("!I", 2) + p4, struct.pack("!I", 24) + p6])
    sll = lambda ptype, proto, payload: struct.pack("!HHH", ptype, 1, 6) + mac(A) + b"\0\0" + struct.pack("!H", proto) + payload
    write_pcap("sll.pcap", 113, [sll(0, 0x0800, p4), sll(4, 0x86DD, p6), sll(1, 0x0800, p4), sll(2, 0x0800, p4), sll(3, 0x0806, misc[0][14:]), sll(4, 0x1234, b"zz")])
    sll2 = lambda ptype, proto, payload: struct.pack("!HHIHBB", proto, 0, 2, 1, ptype, 6) + mac(A) + b"\0\0" + payload
    write_pcap("sll2.pcap", 276, [sll2(0, 0x0800, p4), sll2(4, 0x86DD, p6), sll2(1, 0x0800, p4)])
    write_pcap("nano.pcap", 1, tcp_pkts[:3], nano=True)
    write_pcap("dns_header.pcap", 1, dns_header_pkts())
    write_pcap("small_apps.pcap", 1, small_apps_pkts())
    write_pcap("tcp_opts_trunc.pcap", 1, tcp_opts_trunc_pkts())


def dns_header_pkts():
    """DNS headers with every opcode, odd flag bits in queries and
    responses, unusual section counts, and messages shorter than a header:
    the parts of tcpdump's DNS line that depend on the header alone."""
    c, s = "10.0.0.1", "10.0.0.2"
    q = dns_name("www.example.com") + struct.pack("!HH", 1, 1)
    pkts = []

    def msg(flags, qd=1, an=0, ns=0, ar=0):
        hdr = struct.pack("!HHHHHH", 0x1234, flags, qd, an, ns, ar)
        pkts.append(eth(udp4(s, c, 53, 1024, hdr + q * qd), 0x0800))

    for qr in (0, 0x8000):
        for op in range(16):
            msg(qr | op << 11 | 0x110)
        for bit in range(11):
            msg(qr | 1 << bit)
        for rc in (3, 11, 15):
            msg(qr | rc)
        for qd, an, ns, ar in ((2, 1, 0, 0), (1, 1, 1, 1), (0, 0, 0, 0), (2, 0, 1, 0), (3, 0, 0, 0)):
            msg(qr, qd, an, ns, ar)
    msg(1 << 11, 1, 2)
    for short in (b"", b"\x12\x34\x81", b"\x12" * 11):
        pkts.append(eth(udp4(s, c, 53, 1024, short), 0x0800))
    return pkts


def small_apps_pkts():
    """HSRP, VRRP and BOOTP with every opcode/state/type tcpdump names,
    odd versions, other TTLs, and every truncation point of the fixed
    fields."""
    c = "10.0.0.1"
    pkts = []

    def hsrp(ver, op, state, n=20):
        d = bytes([ver, op, state, 3, 10, 100, 1, 0]) + b"cisco\0\0\0" + ip4("10.0.0.99")
        return udp4(c, "224.0.0.2", 1985, 1985, d[:n])

    for op in (0, 1, 2, 3):
        pkts.append(eth(hsrp(0, op, 16), 0x0800))
    for st in (0, 1, 2, 3, 4, 8, 16, 32):
        pkts.append(eth(hsrp(0, 0, st), 0x0800))
    pkts.append(eth(hsrp(1, 0, 16), 0x0800))
    for n in (0, 1, 2, 3, 6, 7, 8, 16, 19):
        pkts.append(eth(hsrp(0, 0, 16, n), 0x0800))

    def vrrp(ver, typ, auth=1, n=None, ttl=255):
        if ver == 3:
            d = bytes([ver << 4 | typ, 7, 100, 1]) + struct.pack("!H", 100) + b"\0\0" + ip4("10.0.0.1")
        else:
            d = bytes([ver << 4 | typ, 7, 100, 1, auth, 1, 0, 0]) + ip4("10.0.0.1") + b"secret\0\0"
        return eth(ipv4(c, "224.0.0.18", 112, d if n is None else d[:n], ttl=ttl), 0x0800)

    for ver in (0, 2, 3, 15):
        for typ in (1, 2):
            pkts.append(vrrp(ver, typ))
    for auth in (0, 1, 2, 3):
        pkts.append(vrrp(2, 1, auth))
    for n in (0, 1, 2, 3, 4, 5, 6, 8, 12, 16):
        pkts.append(vrrp(2, 1, 1, n))
        pkts.append(vrrp(3, 1, 1, n))
    pkts.append(vrrp(2, 1, ttl=3))

    def bootp(op, htype=1, hlen=6, n=300, sport=68, dport=67):
        d = bytes([op, htype, hlen, 0]) + b"\x12\x34\x56\x78" + b"\0" * 20 + bytes(range(1, 17)) + b"\0" * 192
        d += b"\x63\x82\x53\x63\x35\x01\x01\xff"
        return eth(udp4(c, "10.0.0.2", sport, dport, d[:n]), 0x0800)

    for op in (0, 1, 2, 3):
        pkts.append(bootp(op))
    for ht, hl in ((6, 6), (1, 0), (1, 16)):
        pkts.append(bootp(1, ht, hl))
    for n in (0, 1, 2, 3, 10, 28, 30, 34, 44):
        pkts.append(bootp(1, n=n))
    pkts.append(bootp(1, sport=1000, dport=68))
    pkts.append(bootp(2, sport=67, dport=1000))
    return pkts


def tcp_opts_trunc_pkts():
    """TCP segments whose options the capture cuts short, first and after a
    NOP, for every option tcpdump names; and headers longer than the segment
    or shorter than 20 bytes."""
    c, s = "10.0.0.1", "10.0.0.2"
    pkts = []

    def seg(opts, hlen, cut, data=b""):
        opts = opts + b"\0" * (hlen - 20 - len(opts))
        t = struct.pack("!HHIIBBHHH", 1234, 80, 1, 2, (hlen // 4) << 4, 0x10, 1000, 0, 0) + opts + data
        frame = eth(ipv4(c, s, 6, t), 0x0800)
        return (frame[: 14 + 20 + 20 + cut], len(frame))

    kinds = ((2, 4), (3, 3), (5, 10), (8, 10), (19, 18), (28, 4), (29, 8), (30, 12), (34, 10), (254, 8), (99, 6), (6, 6))
    for kind, length in kinds:
        body = bytes([kind, length]) + bytes(range(1, length - 1))
        for lead in (b"", b"\x01"):
            for cut in (2, 3, 4):
                pkts.append(seg(lead + body, 40, len(lead) + cut))
    ts = b"\x01\x01\x08\x0a" + bytes(range(1, 9))
    for hlen in (32, 40):
        for cut in (4, 6, 8):
            pkts.append(seg(ts, hlen, cut))
    # Header lengths that do not fit: too short (4) and too long (60 > 40).
    for off in (1, 15):
        t = struct.pack("!HHIIBBHHH", 1234, 80, 1, 2, off << 4, 0x11, 1000, 0, 0) + b"\0" * 20
        pkts.append(eth(ipv4(c, s, 6, t), 0x0800))
    return pkts


if __name__ == "__main__":
    main()
