#!/usr/bin/env python3
"""Synthetic captures for the transport-layer printers (TCP options, MPTCP,
TFTP, DCCP, ICMP and ICMPv6 message types, Telnet, HTTP, WHOIS, SSH
and RESP segments, IPv4 options, the IPv6 Mobility Header, IGMP): crafted packets that exercise the forms the shared corpus lacks.

Run from the repository root; it writes captures/display/l4_*.pcap. The
goldens are made from them with tcpdump as usual:
  TZ=UTC tcpdump -n -r captures/display/l4_X.pcap > tests/data/display/golden/syn_l4_X.out
"""
import struct


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


SRC = b"\x0a\x00\x00\x01"
DST = b"\x0a\x00\x00\x02"


def ip4(proto, payload, src=SRC, dst=DST):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0, src, dst)
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def udp4(sp, dp, data):
    u = struct.pack("!HHHH", sp, dp, 8 + len(data), 0) + data
    c = csum(SRC + DST + struct.pack("!BBH", 0, 17, len(u)) + u) or 0xFFFF
    return ip4(17, u[:6] + struct.pack("!H", c) + u[8:])


def tcp4(sp, dp, flags, opts=b"", data=b"", seq=1000, ack=0):
    while len(opts) % 4:
        opts += b"\x01"
    t = struct.pack("!HHIIBBHHH", sp, dp, seq, ack, ((20 + len(opts)) // 4) << 4, flags, 8192, 0, 0)
    t += opts + data
    c = csum(SRC + DST + struct.pack("!BBH", 0, 6, len(t)) + t)
    return ip4(6, t[:16] + struct.pack("!H", c) + t[18:])


def eth(ip, ethertype=0x0800):
    return b"\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb" + struct.pack("!H", ethertype) + ip


SRC6 = bytes(15) + b"\x01"
DST6 = bytes(15) + b"\x02"


def icmp6(typ, code, body):
    m = struct.pack("!BBH", typ, code, 0) + body
    c = csum(SRC6 + DST6 + struct.pack("!I", len(m)) + b"\0\0\0\x3a" + m)
    m = m[:2] + struct.pack("!H", c) + m[4:]
    ip = struct.pack("!IHBB", 0x60000000, len(m), 58, 64) + SRC6 + DST6 + m
    return eth(ip, 0x86DD)


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1000 + i, 0, len(fr), len(fr)) + fr)


def mp(sub, rest, low=0):
    body = bytes([(sub << 4) | low]) + rest
    return bytes([30, 2 + len(body)]) + body


def tftp():
    msgs = [
        (1234, 69, b"\x00\x02file.bin\x00netascii\x00blksize\x001428\x00tsize\x000\x00"),
        (69, 1234, b"\x00\x06blksize\x001428\x00"),
        (1234, 69, b"\x00\x03\x00\x05hello"),
        (69, 1234, b"\x00\x04\x00\x05"),
        (69, 1234, b"\x00\x05\x00\x01File not found\x00"),
        (69, 1234, b"\x00\x05\x00\x09weird\x00"),
        (69, 1234, b"\x00\x09\x00\x01"),
        (1234, 69, b"\x00\x01a\x01b\x00oc\x00"),
    ]
    write("captures/display/l4_tftp.pcap", [eth(udp4(s, d, m)) for s, d, m in msgs])


def tcp_options():
    bad = mp(2, b"\x01\x00\x00")
    cases = [
        bad, bad + b"\x01\x01", bad + b"\x00\x00", b"\x01\x01" + bad, bad + b"\x02\x04\x05\xb4",
        b"\x14\x02", b"\x14\x02\x01\x01", b"\x14\x02\x00\x00", b"\x01\x01\x14\x02",
        b"\x14\x03\x00\x01", b"\x02\x03\x00\x01", b"\x03\x04\x00\x01",
        b"\x08\x06\x00\x00\x00\x00", b"\x04\x03\x00\x01", b"\x05\x04\x00\x00",
        b"\x1d\x03\x00\x01", b"\x22\x01\x01\x01",
        b"\x06\x06\x00\x00\x00\x07", b"\x07\x06\x00\x00\x00\x07", b"\x0b\x06\x00\x00\x00\x07",
        b"\x0c\x06\x00\x00\x00\x07", b"\x0d\x06\x00\x00\x00\x07", b"\x15\x06\x00\x00\x00\x07",
        b"\x1b\x08\x01\x02\x03\x04\x05\x06", b"\x1c\x04\x81\x00", b"\x0e\x03\x01",
        b"\x4c\x06\x01\x02\x03\x04", b"\xfd\x06\x01\x02\x03\x04", b"\xfe\x04\x01\x02",
        b"\x02\x08\x00\x01\x02\x03\x04\x05", b"\x05\x0a" + bytes(8), b"\x1d\x06\x01\x02\x03\x04",
        b"\x02\x05\x00\x01", b"\x22\x02", b"\x22\x04\x01\x02", b"\x13\x12" + bytes(16),
        b"\x08\x0a" + bytes(8), b"\x01\x02\x09\x01\x00",
    ]
    write("captures/display/l4_tcpopts.pcap",
          [eth(tcp4(1000, 2000, 0x10, o, ack=1, data=b"xy")) for o in cases])


def mptcp():
    opts = [
        mp(5, b"", 1), mp(5, b"\x07"), mp(6, b"\x00" + struct.pack("!Q", 123456789)),
        mp(3, b"\x02" + bytes([10, 0, 0, 9]) + struct.pack("!HQ", 8080, 0xABCDEF)),
        mp(3, b"\x03" + bytes([10, 0, 0, 9]) + struct.pack("!H", 8080), 4),
        mp(3, b"\x04" + bytes(range(16)), 1),
        mp(3, b"\x05" + bytes(range(16)) + struct.pack("!Q", 5)),
        mp(4, b"\x01\x02\x03"),
        mp(2, b"\x04" + struct.pack("!IIHH", 100, 200, 300, 0x1234)),
        mp(2, b"\x05" + struct.pack("!IIIH", 1, 100, 200, 300)),
        mp(2, b"\x1f" + struct.pack("!QQIHH", 1, 2, 3, 4, 5)),
        mp(9, b"\x00"), mp(8, b"\x00\x00"), mp(7, b"\x00" + struct.pack("!Q", 0xDEAD)),
        mp(2, b"\x00"), mp(2, b"\x01\x00\x00"), mp(0, b"\x00\x00"),
    ]
    frames = [eth(tcp4(1000, 2000, 0x10, o, ack=1)) for o in opts]
    j12 = mp(1, b"\x05" + struct.pack("!II", 0x1234, 0x5678), 1)
    j16 = mp(1, b"\x05" + struct.pack("!QI", 0x1234, 0x5678))
    j24 = mp(1, b"\x00" + bytes(range(20)))
    c4 = mp(0, b"\x81", 1)
    c12 = mp(0, b"\x81" + struct.pack("!Q", 7), 1)
    c20 = mp(0, b"\x81" + struct.pack("!QQ", 7, 8), 1)
    c22 = mp(0, b"\x81" + struct.pack("!QQH", 7, 8, 9), 1)
    for o in [j12, j16, j24, c4, c12, c20, c22]:
        for fl in [0x02, 0x12, 0x10, 0x18, 0x11, 0x00]:
            frames.append(eth(tcp4(1000, 2000, fl, o, ack=1 if fl & 0x10 else 0)))
    write("captures/display/l4_mptcp.pcap", frames)


def icmp6_types():
    a = bytes(range(16))
    msgs = [
        (144, 0, struct.pack("!HH", 0x1234, 0)),
        (145, 0, struct.pack("!HH", 0x1234, 0) + a),
        (146, 0, struct.pack("!HH", 0x4321, 0)),
        (147, 0, struct.pack("!HH", 0x4321, 0x8000)),
        (141, 0, bytes(4)), (142, 0, bytes(4)),
        (148, 0, struct.pack("!HH", 1, 0)), (149, 0, struct.pack("!HBB", 1, 1, 0)),
        (151, 0, struct.pack("!HH", 20, 0)), (152, 0, bytes(4)), (153, 0, bytes(4)),
        (130, 0, struct.pack("!HH", 1000, 0) + a), (131, 0, bytes(4) + a), (132, 0, bytes(4) + a),
        (201, 0, bytes(4)), (200, 0, bytes(20)),
        (1, 5, bytes(44)), (1, 6, bytes(44)), (3, 2, bytes(44)),
        (4, 5, struct.pack("!I", 7) + bytes(40)), (2, 1, struct.pack("!I", 1280) + bytes(40)),
        (127, 0, bytes(4)), (255, 0, bytes(4)), (0, 0, bytes(4)),
        (133, 0, bytes(4) + bytes([1, 1, 1, 2, 3, 4, 5, 6])),
        (137, 0, bytes(4) + a + a + bytes([2, 1, 1, 2, 3, 4, 5, 6])),
        (138, 1, struct.pack("!IBBH", 5, 0, 0, 0) + bytes(4)),
        (138, 255, struct.pack("!IBBH", 5, 0, 0, 0) + bytes(4)),
        (139, 1, struct.pack("!HH", 2, 0) + bytes(8) + b"\x03foo\x00"),
        (140, 1, struct.pack("!HH", 2, 0) + bytes(8)),
        (140, 0, struct.pack("!HH", 2, 0) + bytes(8) + b"\0\0\0\x05\x03foo\x03bar\x00"),
        (139, 0, struct.pack("!HH", 0, 0) + bytes(8) + a),
        (139, 0, struct.pack("!HH", 3, 0x3F) + bytes(8) + a),
    ]
    write("captures/display/l4_icmp6.pcap", [icmp6(t, c, b) for t, c, b in msgs])


def icmp4_types():
    def icmp4(typ, code, body):
        m = struct.pack("!BBH", typ, code, 0) + body
        m = m[:2] + struct.pack("!H", csum(m)) + m[4:]
        return eth(ip4(1, m))

    far = b"\x08\x08\x08\x08"
    q_udp = ip4(17, struct.pack("!HHHH", 1111, 2222, 20, 0) + bytes(12), DST, far)[:28]
    q_tcp = ip4(6, struct.pack("!HHII", 1111, 80, 1, 0) + bytes(12), DST, far)[:28]
    q_other = ip4(99, bytes(20), DST, far)[:28]
    frames = [icmp4(3, code, bytes(4) + q_udp) for code in range(17)]
    frames += [icmp4(3, 3, bytes(4) + q_tcp), icmp4(3, 3, bytes(4) + q_other)]
    frames += [icmp4(3, 2, bytes(4) + q_other), icmp4(3, 4, bytes(4) + q_udp)]
    frames += [icmp4(5, code, b"\x0a\x00\x00\xfe" + q_udp) for code in range(5)]
    frames += [icmp4(11, code, bytes(4) + q_udp) for code in range(3)]
    frames += [icmp4(12, code, b"\x05\x00\x00\x00" + q_udp) for code in range(3)]
    frames.append(icmp4(4, 0, bytes(4) + q_udp))
    frames.append(icmp4(9, 0, struct.pack("!BBH", 2, 2, 1800) + b"\x0a\x00\x00\x01"
                        + struct.pack("!i", 5) + b"\x0a\x00\x00\x02" + struct.pack("!i", -1)))
    frames.append(icmp4(9, 16, struct.pack("!BBH", 0, 2, 70)))
    frames.append(icmp4(10, 0, bytes(4)))
    frames.append(icmp4(13, 0, struct.pack("!HHIII", 1, 2, 1000, 0, 0)))
    frames.append(icmp4(14, 0, struct.pack("!HHIII", 1, 2, 1000, 2000, 3000)))
    frames += [icmp4(t, 0, struct.pack("!HH", 1, 2)) for t in (15, 16)]
    frames.append(icmp4(17, 0, struct.pack("!HH", 1, 2) + bytes(4)))
    frames.append(icmp4(18, 0, struct.pack("!HH", 1, 2) + b"\xff\xff\xff\x00"))
    for t in [1, 2, 6, 7, 19, 20, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 44, 253]:
        frames.append(icmp4(t, 0, bytes(8)))
    frames.append(icmp4(0, 0, struct.pack("!HH", 7, 8) + b"abc"))
    frames.append(icmp4(8, 3, struct.pack("!HH", 7, 8)))
    write("captures/display/l4_icmp4.pcap", frames)


def dccp():
    def pkt(typ, x, rest, doff=None, cscov=0, data=b""):
        if x:
            hdr = struct.pack("!HHBBH", 5001, 6000, 0, cscov, 0) + bytes([(typ << 1) | 1, 0])
            hdr += struct.pack("!HI", 0x12, 0x345678)
        else:
            hdr = struct.pack("!HHBBH", 5001, 6000, 0, cscov, 0) + bytes([typ << 1]) + b"\x01\x02\x03"
        h = hdr + rest
        h = h[:4] + bytes([len(h) // 4 if doff is None else doff]) + h[5:]
        return eth(ip4(33, h + data))

    ack48 = struct.pack("!HHI", 0, 1, 2)
    ack24 = struct.pack("!BBH", 0, 1, 2)
    frames = [pkt(0, 1, struct.pack("!I", 42)), pkt(1, 1, ack48 + struct.pack("!I", 42)),
              pkt(2, 1, b"", data=b"abcd"), pkt(3, 1, ack48), pkt(4, 1, ack48, data=b"abcd"),
              pkt(5, 1, ack48), pkt(6, 1, ack48)]
    frames += [pkt(7, 1, ack48 + bytes([code, 1, 2, 3])) for code in [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 200]]
    frames += [pkt(t, 1, ack48) for t in (8, 9, 10, 15)]
    frames += [pkt(2, 0, b"", data=b"abcd"), pkt(3, 0, ack24), pkt(0, 0, struct.pack("!I", 42)),
               pkt(3, 1, ack48, doff=2), pkt(3, 1, ack48, doff=100),
               pkt(4, 1, ack48, cscov=2, data=b"abcdefgh" * 4)]
    frames += [pkt(3, 0, struct.pack("!BBHI", 0, 1, 2, 0x03040506)),
               pkt(1, 0, struct.pack("!BBHI", 0, 1, 2, 42)), pkt(0, 1, b""),
               pkt(1, 1, struct.pack("!HHI", 0, 1, 2)), pkt(7, 1, struct.pack("!HHI", 0, 1, 2)),
               pkt(7, 0, struct.pack("!BBH", 0, 1, 2) + b"\x01\x00\x00\x00"),
               pkt(8, 0, struct.pack("!BBH", 0, 1, 2)), pkt(3, 1, b"", doff=4),
               eth(ip4(33, struct.pack("!HHBBH", 1, 2, 3, 0, 0) + b"\x06")),
               eth(ip4(33, struct.pack("!HH", 1, 2)))]
    write("captures/display/l4_dccp.pcap", frames)


def tcp_apps():
    frames = []

    def seg(sp, dp, data):
        frames.append(eth(tcp4(sp, dp, 0x18, b"", data, ack=1)))

    for d in [b"\xff\xfb\x01\xff\xfd\x03", b"\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0",
              b"\xff\xfa\x18\x00xterm\xff\xf0hello", b"hello\xff\xfb\x01",
              b"\xff\xf1\xff\xf9\xff\xf4\xff\xff", b"\xff\xfb\x63\xff\xfc\x27", b"\xff",
              b"\xff\xfb", b"\xff\x10", b"\xff\xfb\x01\xff\x10", b"\xff\xfb\x01\xff",
              b"\xff\xff\x41", b"\xff\xfa\x18\x02\xff\xf0", b"\xff\xfa\x18\x03\xff\xf0",
              b"\xff\xfa\x18\xff\xf0", b"\xff\xfa\xff\xf0",
              b"\xff\xec\xff\xed\xff\xee\xff\xef\xff\xf0\xff\xf2\xff\xf3\xff\xf5\xff\xf6\xff\xf7\xff\xf8",
              b"\xff\xfb\x28\xff\xfb\x2a\xff\xfb\xfe", b"\xff\xfa\x18\x00xt\xff\xff\xf0\xff\xf0",
              b"\xff\xfa\x18\x00xterm", b"\xff\xfb\x01\xff\xfa\x18\x00xterm",
              b"\xff\xfb\x01\xff\xfa\x18", b"\xff\xfb\x01\xff\xeb"]:
        seg(23, 1025, d)
    for m in [b"CONNECT", b"PATCH", b"COPY", b"MOVE", b"LOCK", b"UNLOCK", b"MKCOL", b"PROPPATCH",
              b"SEARCH", b"GETLIB", b"REPORT", b"FOO", b"GETX", b"HEAD", b"DELETE", b"TRACE",
              b"PUT", b"POST", b"OPTIONS", b"GET", b"get", b"PROPFIND", b"HTTP/1.0"]:
        seg(1025, 80, m + b" / HTTP/1.1\r\n\r\n")
    for line in [b"http/1.1 200 OK", b"HTTP/1.1 2000 OK", b"HTTP/1.1 20 OK", b"HTTP/1.1  200 OK",
                 b"HTTP/2 200", b"HTTP/1.1", b"HTTP/1.1\t200 OK", b"GET\t/ HTTP/1.1", b"GET\r\n",
                 b"\r\nGET", b"GET\x00", b"GET / HTTP/1.1\rHost: x"]:
        seg(80, 1025, line + b"\r\n")
    for d in [b"POST /x HTTP/1.0\r\nA: b\r\n\r\nbody", b"garbage here\r\n", b"HTTP/1.1 200 OK",
              b"GET / HTTP/1.1\nHost: y\n\n", b"GET /\x01\x80x HTTP/1.1\r\n\r\n", b"GET",
              b"HTTP/1.1 200 OK\r\nA: \x01\r\nB: c\r\n", b"GET / HTTP/1.1\r"]:
        seg(1025, 80, d)
    for port in [8080, 3128, 8000]:
        seg(1025, port, b"GET / HTTP/1.1\r\n\r\n")
    for d in [b"example.org\r\n", b"no line end", b"a\x01b\r\nline2\r\n"]:
        seg(43, 1025, d)
    for d in [b"SSH-2.0-foo\r\n", b"SSH-2.0-foo", b"SSH-1.99-x y\n", b"\x00\x00\x01\x00abcdef", b"SSH"]:
        seg(1025, 22, d)
    for d in [b"*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", b"*0\r\n", b"*-1\r\n", b"$5\r\nab",
              b":12a\r\n", b"*1\r\n*1\r\n+x\r\n", b"%2\r\n"]:
        seg(1025, 6379, d)
    write("captures/display/l4_apps.pcap", frames)


def ip_options():
    def pkt(opts):
        while len(opts) % 4:
            opts += b"\x00"
        payload = struct.pack("!HHHH", 1, 2, 8, 0)
        h = struct.pack("!BBHHHBBH4s4s", 0x40 | (20 + len(opts)) // 4, 0, 20 + len(opts) + len(payload),
                        1, 0, 64, 17, 0, SRC, DST) + opts
        return eth(h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload)

    a, b = b"\x01\x02\x03\x04", b"\x05\x06\x07\x08"
    cases = [b"\x07\x0b\x04" + a + b, b"\x07\x0b\x08" + a + b, b"\x07\x0b\x0c" + a + b,
             b"\x83\x0b\x04" + a + b, b"\x89\x07\x04" + a,
             b"\x44\x0c\x05\x00" + struct.pack("!II", 1, 2),
             b"\x44\x0c\x0d\x10" + a + struct.pack("!I", 3),
             b"\x44\x0c\x05\x13" + a + struct.pack("!I", 3),
             b"\x82\x0b" + bytes(9), b"\x01\x01\x94\x04\x00\x01", b"\x00\x01\x01\x01",
             b"\x88\x04\x12\x34", b"\x07\x03\x04", b"\x07\x02", b"\x01\x07\x01\x00"]
    write("captures/display/l4_ipopts.pcap", [pkt(o) for o in cases])


def mobility():
    def mh(typ, hl, body, extra=b""):
        m = bytes([59, hl, typ, 0, 0, 0]) + body + extra
        ip = struct.pack("!IHBB", 0x60000000, len(m), 135, 64) + SRC6 + DST6 + m
        return eth(ip, 0x86DD)

    bu = struct.pack("!HBBH", 1000, 0x80, 0, 3600)
    frames = [mh(5, 1, bu + b"\x01\x02\x00\x00"), mh(5, 1, bu + bytes(4)), mh(5, 2, bu + bytes(12)),
              mh(5, 2, bu + b"\x01\x0a" + bytes(10)), mh(5, 1, bu + bytes(4), bytes(8)),
              mh(5, 1, bu + b"\x01\x02\x00\x00", bytes(8)),
              mh(5, 2, bu + b"\x02\x02\x07\x08\x01\x06" + bytes(6)),
              mh(6, 1, struct.pack("!BBHH", 0, 0x80, 1000, 3600) + b"\x01\x02\x00\x00"),
              mh(1, 1, b"\x00\x00" + bytes(range(1, 9))), mh(0, 0, b"\x00\x00"),
              mh(0, 1, bytes(10)), mh(9, 1, bytes(10)), mh(6, 0, bytes(2))]
    write("captures/display/l4_mobility.pcap", frames)


def checksums():
    ok = udp4(1234, 5678, b"hello")
    frames = [eth(ok), eth(ok[:26] + b"\x12\x34" + ok[28:]), eth(ok[:26] + b"\x00\x00" + ok[28:])]
    u = struct.pack("!HHHH", 1234, 5678, 13, 0) + b"hello"
    frames.append(eth(struct.pack("!IHBB", 0x60000000, len(u), 17, 64) + SRC6 + DST6 + u, 0x86DD))
    frames += [eth(tcp4(1, 2, 0x02, b"\x02\x04\x05\xb4", seq=100)), eth(tcp4(2, 1, 0x12, seq=500, ack=101)),
               eth(tcp4(1, 2, 0x10, seq=101, ack=501)), eth(tcp4(1, 2, 0x18, b"", b"abc", seq=101, ack=501)),
               eth(tcp4(2, 1, 0x10, seq=501, ack=104))]
    write("captures/display/l4_checksums.pcap", frames)


def igmp():
    def pkt(body):
        body = body[:2] + struct.pack("!H", csum(body)) + body[4:]
        return eth(ip4(2, body))

    a, b, g = b"\xac\x10\x28\x01", b"\xac\x10\x14\x01", b"\xe0\x01\x02\x03"
    frames = [pkt(b"\x1f\x20\x00\x00" + g + a + b + a + b"\x40\x00\x00\x07"),
              pkt(b"\x1e\x20\x00\x00" + g + a + b + a + b"\x40\x00\x00\x07" + bytes(28)),
              pkt(b"\x1e\x20\x00\x00" + bytes(4) + a + b + a + b"\x40\x00\x01\x07"),
              pkt(b"\x1f\x20\x00\x00" + bytes(4) + a)]
    for code in (0x64, 0x0a, 0x7f, 0x80, 0xfe):
        frames.append(pkt(bytes([0x11, code, 0, 0]) + g + b"\x02\x7d\x00\x00"))
    frames.append(pkt(b"\x11\x64\x00\x00" + bytes(4) + b"\x02\x7d\x00\x00"))
    frames.append(pkt(b"\x22\x00\x00\x00\x00\x00\x00\x02" + b"\x04\x00\x00\x00" + g
                      + b"\x01\x00\x00\x01" + g + a))
    for code in range(10):
        frames.append(pkt(bytes([0x14, code, 0, 0]) + bytes(4)))
    for code in (1, 2, 3, 4, 5, 8, 9, 10):
        frames.append(pkt(bytes([0x13, code, 0, 0]) + b"\x00\x0a\x04\x0c"))
    frames.append(pkt(b"\x13\x07\x00\x00\x00\x0a\x04\x0c" + a + g + struct.pack("!I", 90061)))
    write("captures/display/l4_igmp.pcap", frames)


if __name__ == "__main__":
    igmp()
    checksums()
    mobility()
    ip_options()
    tcp_apps()
    dccp()
    icmp4_types()
    icmp6_types()
    tftp()
    tcp_options()
    mptcp()
