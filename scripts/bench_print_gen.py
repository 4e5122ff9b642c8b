#!/usr/bin/env python3
"""Writes the packet-printer benchmark captures (see scripts/bench_print.sh).

  bench_print_gen.py mixed N FILE     N packets: TCP flows over IPv4 and IPv6
                                      (handshakes, data, options), UDP, DNS
                                      queries/answers, ICMP echo, ARP.
  bench_print_gen.py distinct N FILE  N TCP packets, every one between a
                                      distinct pair of addresses (a new
                                      connection each), to check that the
                                      printer's per-connection state keeps
                                      time linear.
"""
import struct
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
import gen_display_captures as g  # noqa: E402


def main():
    kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    # Written under a temporary name so an interrupted run leaves nothing
    # that bench_print.sh would mistake for a finished capture.
    out = open(path + ".tmp", "wb")
    out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
    rec = struct.Struct("<IIII")
    t0 = 1700000000
    if kind == "distinct":
        for i in range(n):
            a = "10.%d.%d.%d" % ((i >> 16) & 255, (i >> 8) & 255, i & 255)
            b = "172.%d.%d.%d" % (16 + ((i >> 16) & 15), (i >> 8) & 255, i & 255)
            p = g.eth(g.tcp4(a, b, 1024 + i % 60000, 443, (i * 7919) & 0xFFFFFFFF, (i * 104729) & 0xFFFFFFFF, 0x010, 512), 0x0800)
            out.write(rec.pack(t0 + i // 1000, (i % 1000) * 1000, len(p), len(p)))
            out.write(p)
        out.close()
        return
    def ts(v, e):
        return b"\x08\x0a" + struct.pack("!II", v, e)

    opts = b"\x01\x01" + ts(1, 2)
    templates = []
    for f in range(64):
        c, s = "10.0.%d.%d" % (f, f + 1), "192.168.%d.20" % f
        sp = 40000 + f
        isn, rsn = 1000 * f, 900000 * f
        templates += [
            g.eth(g.tcp4(c, s, sp, 80, isn, 0, 0x002, 64240, b"\x02\x04\x05\xb4\x04\x02" + ts(1, 0) + b"\x01\x03\x03\x07"), 0x0800),
            g.eth(g.tcp4(s, c, 80, sp, rsn, isn + 1, 0x012, 65160, b"\x02\x04\x05\xb4\x04\x02" + ts(2, 1) + b"\x01\x03\x03\x07"), 0x0800),
            g.eth(g.tcp4(c, s, sp, 80, isn + 1, rsn + 1, 0x010, 502, opts), 0x0800),
            g.eth(g.tcp4(c, s, sp, 80, isn + 1, rsn + 1, 0x018, 502, opts, b"GET /index.html HTTP/1.1\r\nHost: example\r\n\r\n"), 0x0800),
            g.eth(g.tcp4(s, c, 80, sp, rsn + 1, isn + 44, 0x018, 509, opts, b"x" * 1200), 0x0800),
            g.eth(g.tcp4(c, s, sp, 80, isn + 44, rsn + 1201, 0x010, 502, opts), 0x0800),
            g.eth(g.tcp6("2001:db8::%x" % (f + 1), "2001:db8:1::%x" % (f + 1), sp, 22, isn, rsn, 0x018, 1000, opts, b"y" * 100), 0x86DD),
            g.eth(g.udp4(c, s, 20000 + f, 9999, b"z" * 64), 0x0800),
            g.eth(g.udp4(c, "8.8.8.8", 30000 + f, 53, g.dns_query(f, "host%d.example.com" % f)), 0x0800),
            g.eth(g.udp4("8.8.8.8", c, 53, 30000 + f, g.dns_answer(f, "host%d.example.com" % f, [(1, bytes([93, 184, f, 34]))])), 0x0800),
            g.eth(g.icmp4(c, s, 8, 0, struct.pack("!HH", f, f), b"\0" * 56), 0x0800),
            g.eth(struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + g.mac(g.A) + g.ip4(c) + b"\0" * 6 + g.ip4(s), 0x0806, g.A, g.BC),
        ]
    m = len(templates)
    for i in range(n):
        p = templates[i % m]
        out.write(rec.pack(t0 + i // 1000, (i % 1000) * 1000, len(p), len(p)))
        out.write(p)
    out.close()


if __name__ == "__main__":
    main()
    __import__("os").replace(sys.argv[3] + ".tmp", sys.argv[3])
