#!/usr/bin/env python3
"""Generate a large mixed Ethernet capture for the offline-filter benchmark.

The packets are drawn, with a fixed pseudo-random sequence, from a set of
templates that resembles ordinary traffic: IPv4 TCP (HTTP on port 80 and
other ports, with and without payload), UDP DNS, ICMP echo, IPv6 TCP and
UDP, ARP and 802.1Q-tagged IPv4. About one packet in six is TCP to or
from port 80, so `tcp port 80` keeps a fraction and rejects the rest at
various depths of the program.

Usage: scripts/gen_big_capture.py [OUT] [--packets N]   (default target/big.pcap, 2,000,000)
"""

import argparse
import os
import random
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(f"!{len(b) // 2}H", b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def eth(dst, src, etype, payload, vlan=None):
    h = bytes.fromhex(dst) + bytes.fromhex(src)
    if vlan is not None:
        h += struct.pack("!HH", 0x8100, vlan)
    return h + struct.pack("!H", etype) + payload


def ipv4(src, dst, proto, payload, ident=1):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, 64, proto, 0,
                    bytes(src), bytes(dst))
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def ipv6(src, dst, nh, payload):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), nh, 64, bytes(src), bytes(dst)) + payload


def tcp(sport, dport, flags, payload=b""):
    return struct.pack("!HHIIBBHHH", sport, dport, 1000, 2000, 5 << 4, flags, 65535, 0, 0) + payload


def udp(sport, dport, payload):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def templates():
    a, b = [10, 0, 0, 1], [192, 168, 1, 20]
    a6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [1]
    b6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [2]
    m1, m2 = "001122334455", "66778899aabb"
    http_get = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n"
    t = []
    # HTTP (port 80) in both directions.
    t.append(eth(m1, m2, 0x0800, ipv4(a, b, 6, tcp(51000, 80, 0x02))))
    t.append(eth(m2, m1, 0x0800, ipv4(b, a, 6, tcp(80, 51000, 0x12))))
    t.append(eth(m1, m2, 0x0800, ipv4(a, b, 6, tcp(51000, 80, 0x18, http_get))))
    # Other TCP.
    for port in (443, 22, 8080, 25, 993, 3306):
        t.append(eth(m1, m2, 0x0800, ipv4(a, b, 6, tcp(40000 + port, port, 0x10))))
        t.append(eth(m2, m1, 0x0800, ipv4(b, a, 6, tcp(port, 40000 + port, 0x18, b"x" * 64))))
    # DNS.
    q = b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01"
    t.append(eth(m1, m2, 0x0800, ipv4(a, b, 17, udp(53000, 53, q))))
    t.append(eth(m2, m1, 0x0800, ipv4(b, a, 17, udp(53, 53000, q + b"\xc0\x0c" + b"\0" * 14))))
    # Other UDP.
    t.append(eth(m1, m2, 0x0800, ipv4(a, b, 17, udp(5004, 5004, b"r" * 160))))
    t.append(eth(m1, m2, 0x0800, ipv4(a, b, 17, udp(123, 123, b"n" * 48))))
    # ICMP echo.
    t.append(eth(m1, m2, 0x0800, ipv4(a, b, 1, b"\x08\x00\x00\x00\x00\x01\x00\x01" + b"p" * 56)))
    # IPv6 TCP (port 80 too) and UDP.
    t.append(eth(m1, m2, 0x86DD, ipv6(a6, b6, 6, tcp(52000, 80, 0x02))))
    t.append(eth(m1, m2, 0x86DD, ipv6(a6, b6, 6, tcp(52000, 443, 0x10))))
    t.append(eth(m1, m2, 0x86DD, ipv6(a6, b6, 17, udp(53001, 53, q))))
    # ARP.
    arp = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, bytes.fromhex(m1), bytes(a),
                      b"\0" * 6, bytes(b))
    t.append(eth("ffffffffffff", m1, 0x0806, arp + b"\0" * 18))
    # VLAN-tagged IPv4 TCP.
    t.append(eth(m1, m2, 0x0800, ipv4(a, b, 6, tcp(51001, 80, 0x10)), vlan=100))
    return [p if len(p) >= 60 else p + b"\0" * (60 - len(p)) for p in t]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=os.path.join(ROOT, "target", "big.pcap"))
    ap.add_argument("--packets", type=int, default=2_000_000)
    a = ap.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    t = templates()
    rng = random.Random(20261122)
    with open(a.out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        chunk = []
        sec = 1_700_000_000
        for i in range(a.packets):
            p = t[rng.randrange(len(t))]
            usec = i % 1_000_000
            if usec == 0 and i:
                sec += 1
            chunk.append(struct.pack("<IIII", sec, usec, len(p), len(p)))
            chunk.append(p)
            if len(chunk) >= 200_000:
                f.write(b"".join(chunk))
                chunk.clear()
        f.write(b"".join(chunk))
    print(f"wrote {a.out}: {a.packets} packets")


if __name__ == "__main__":
    main()
