#!/usr/bin/env python3
"""Builds captures/display/tunnels.pcap, the synthetic capture behind the
syn_tunnels golden case: tunnels and the IP/UDP protocols printed by
src/display/{tunnel,geneve,vxlan,mpls,sctp,forces,ipsec,isakmp,radius,rip,
lisp,l2tp,pgm}.rs, each in its usual form and in the malformed,
short and unusual forms whose tcpdump output the printers reproduce (bad
UDP lengths, unknown versions, flags and types, truncated headers).

Every packet is assembled byte by byte here; the goldens come from
tcpdump 4.99.3 (scripts/gen_display_goldens.sh). Run from the repository
root:  python3 scripts/gen_tunnel_captures.py

captures/display/tunnels_mutated.pcap (case syn_tunnels_mutated) was made
once from this capture: 60,000 copies of its packets with one to six
random bytes changed and some cut short or given a longer wire length
(Python's random, seeds 1 to 3), keeping the first 1,500 whose tcpdump line
names one of these protocols and which bpfcap printed identically. It is
not regenerated here; it pins those malformed forms.
"""
import os
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "captures", "display", "tunnels.pcap")


def pcap(pkts, path, linktype=1):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
        for i, p in enumerate(pkts):
            f.write(struct.pack("<IIII", i, 0, len(p), len(p)))
            f.write(p)


def ip4(proto, payload, src=b"\x0a\x00\x00\x01", dst=b"\x0a\x00\x00\x02", totlen=None):
    tl = totlen if totlen is not None else 20 + len(payload)
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tl, 1, 0, 64, proto, 0, src, dst)
    return h + payload


def eth(payload, et=0x0800):
    return b"\x00\x01\x02\x03\x04\x05\x00\x01\x02\x03\x04\x06" + struct.pack("!H", et) + payload


def udp(sport, dport, payload, ulen=None):
    ul = ulen if ulen is not None else 8 + len(payload)
    return struct.pack("!HHHH", sport, dport, ul, 0) + payload


def group_bad_udp_lengths(pkts):
    ports=[6081,4789,8472,4790,6635,520,1812,1645,1646,1813,1700,3799,4342,4341,1701,500,4500,2048]
    pay=bytes(range(64))
    for p in ports:
        pkts.append(eth(ip4(17, udp(40000,p,pay,ulen=8+len(pay)+100))))


def group_geneve_vxlan_nsh(pkts):
    inner_ip = ip4(1, bytes([8,0,0,0,0,1,0,1])+b'abcdefgh', src=b'\x01\x02\x03\x04', dst=b'\x05\x06\x07\x08')
    inner_eth = eth(inner_ip)
    def U(dport, pay): return eth(ip4(17, udp(40000,dport,pay)))
    # Geneve variants: (b0, b1, proto, vni, rsvd, opts)
    for b0,b1,proto,rsvd,opt in [(0,0x80,0x6558,0,b''),(0,0xc0,0x6558,0,b''),(0,0x20,0x6558,0,b''),(0,0xff,0x6558,5,b''),(0x40,0,0x6558,0,b''),(0x80,0,0x0800,0,b''),(1,0,0x0800,0,b'\x01\x02\x03\x04'),(0,0,0x86dd,0,b''),(0,0,0x8847,0,b''),(0,0,0x0806,0,b'')]:
        hdr=bytes([b0|(len(opt)//4),b1])+struct.pack('!H',proto)+struct.pack('!I',(0x123456<<8)|rsvd)+opt
        payload = inner_eth if proto==0x6558 else inner_ip
        pkts.append(U(6081,hdr+payload))
    # geneve truncated
    pkts.append(U(6081,b'\x00\x00\x65'))
    pkts.append(U(6081,b'\x02\x00\x65\x58\x00\x00\x01\x00\x01\x02'))
    # VXLAN flags
    for fl in [0x08,0x0c,0x88,0x00,0xff]:
        pkts.append(U(4789,bytes([fl,0,0,0])+struct.pack('!I',0x000100<<8)+inner_eth))
    pkts.append(U(4789,b'\x08\x00\x00'))
    pkts.append(U(4789,b'\x08\x00\x00\x00\x00\x00\x01\x00'+b'\x00\x01'))
    # VXLAN-GPE flags and protos
    for fl,np in [(0x0c,1),(0x08,1),(0x04,2),(0x0f,3),(0x01,4),(0x02,5),(0x30,9),(0xc0,1)]:
        pay={1:inner_ip,2:inner_ip,3:inner_eth,4:b'\x00\x06\x01\x01\x00\x00\x10\x05'+inner_ip,5:b'\x00\x01\x01\x40'+inner_ip,9:b'xxxx'}[np]
        pkts.append(U(4790,bytes([fl,0,0,np])+struct.pack('!I',0x000100<<8)+pay))
    # NSH variants over GPE
    for b0,b1,md,np,extra in [(0x00,0x06,1,1,bytes(16)),(0x20,0x02,2,1,b''),(0x30,0x03,2,3,b'\x00\x01\x02\x03'),(0x10,0x02,1,2,b''),(0x40,0x02,1,1,b''),(0x00,0x01,1,1,b'')]:
        nsh=bytes([b0,b1,md,np])+b'\x00\x00\x10\x05'+extra
        pay = inner_eth if np==3 else inner_ip
        pkts.append(U(4790,bytes([0x0c,0,0,4])+struct.pack('!I',0x000100<<8)+nsh+pay))


def group_mpls_otv(pkts):
    inner_ip = ip4(1, bytes([8,0,0,0,0,1,0,1])+b'abcdefgh', src=b'\x01\x02\x03\x04', dst=b'\x05\x06\x07\x08')
    inner_ip6 = struct.pack('!IHBB',0x60000000,8,59,64)+bytes(range(16))+bytes(range(16,32))+b'12345678'
    def lab(l,tc=0,s=0,ttl=64): return struct.pack('!I',(l<<12)|(tc<<9)|(s<<8)|ttl)
    def U(dport, pay, sport=40000): return eth(ip4(17, udp(sport,dport,pay)))
    # MPLS ethertype
    for stack,pay in [([lab(0,s=1)],inner_ip),([lab(1),lab(100,s=1)],inner_ip),([lab(2,s=1)],inner_ip6),([lab(3,s=1)],inner_ip),([lab(7),lab(8),lab(13,s=1)],inner_ip),([lab(14,s=1)],inner_ip),([lab(15,s=1)],inner_ip),([lab(4,s=1)],inner_ip),([lab(100,s=1)],inner_ip6),([lab(100,s=1)],b'\x00\x00\x00\x00abcd'),([lab(100,s=1)],b'\x81\x02\x03'),([lab(100,s=1)],b'\x83abc'),([lab(100,s=1)],b''),([lab(0,s=1)],inner_ip6),([lab(100,s=1)],b'\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x08\x00'+inner_ip)]:
        pkts.append(eth(b''.join(stack)+pay, et=0x8847))
    pkts.append(eth(lab(100,s=1)+inner_ip, et=0x8848))
    # OTV
    for fl in [0x08, 0x00, 0x0c]:
        pkts.append(U(8472, bytes([fl,0,0,5])+struct.pack('!I',0x000100<<8|3)+eth(inner_ip)))
    pkts.append(U(8472, b'\x08\x00'))
    # MPLS over UDP
    pkts.append(U(6635, lab(100,s=1)+inner_ip, sport=6635))
    pkts.append(U(6635, b'\x00'))


def group_lisp_l2tp_rip_radius(pkts):
    def U(dport, pay, sport=40000): return eth(ip4(17, udp(sport,dport,pay)))
    def P(proto, pay): return eth(ip4(proto, pay))
    # LISP types 0..15 with 32 bytes
    for t in range(16):
        pkts.append(U(4342, bytes([t<<4,0,0,1])+bytes(28)))
    pkts.append(U(4342, b'\x30'))
    pkts.append(U(4341, bytes([0x80,0,0,1])+bytes(28)))
    # L2TP: version 0 (l2f), data message v2, control no AVP, S bit, O bit, known AVPs
    def l2(flags, rest): return struct.pack('!H',flags)+rest
    pkts.append(U(1701, l2(0x0002, struct.pack('!HH',5,6)+b'\xff\x03\xc0\x21\x01\x01\x00\x04')))
    pkts.append(U(1701, l2(0x4002, struct.pack('!HHH',12,5,6)+b'\xff\x03\xc0\x21\x01\x01\x00\x04')))
    pkts.append(U(1701, l2(0xc802, struct.pack('!HHHHH',12,5,6,0,0))))
    avps=b''.join([struct.pack('!HHH',0x8008,0,0)+struct.pack('!H',1),
                   struct.pack('!HHH',0x8008,0,2)+struct.pack('!H',0x100),
                   struct.pack('!HHH',0x800a,0,3)+struct.pack('!I',3),
                   struct.pack('!HHH',0x000b,0,7)+b'host',
                   struct.pack('!HHH',0x8008,0,9)+struct.pack('!H',77),
                   struct.pack('!HHH',0x0010,0,35)+struct.pack('!HII',0,0xffffffff,0xffffffff),
                   struct.pack('!HHH',0xc008,0,9)+struct.pack('!H',77)])
    pkts.append(U(1701, l2(0xc802, struct.pack('!HHHHH',12+len(avps),5,6,1,2)+avps)))
    pkts.append(U(1701, l2(0x0003, b'\x00\x01')))
    pkts.append(U(1701, l2(0x0001, b'\x00\x01\x02\x03\x04\x05\x06\x07')))
    # RIP short, version 3, commands
    pkts.append(U(520, b'\x02', sport=520))
    pkts.append(U(520, b'\x02\x03\x00\x00', sport=520))
    pkts.append(U(520, b'\x05\x02\x00\x00', sport=520))
    pkts.append(U(520, b'\x01\x00\x00\x00', sport=520))
    # RADIUS short
    pkts.append(U(1812, b'\x01\x02\x00'))
    pkts.append(U(1812, b'\x01\x02\x00\x14'+bytes(16)))
    pkts.append(U(1813, b'\x04\x02\x00\x14'+bytes(16)))
    for c in [3,5,6,7,8,9,10,12,13,21,26,29,33,50,51,52,250]:
        pkts.append(U(1812, bytes([c,1,0,20])+bytes(16)))


def group_l2tp_avps(pkts):
    def U(dport, pay, sport=40000): return eth(ip4(17, udp(sport,dport,pay)))
    def ctl(avps):
        body=b''.join(avps)
        return struct.pack('!HHHHHH',0xc802,12+len(body),5,6,1,2)+body
    def avp(attr, val, m=0x8000): return struct.pack('!HHH',m|(6+len(val)),0,attr)+val
    for attr in range(0,42):
        pkts.append(U(1701, ctl([avp(attr, b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09')])))
    for attr in range(0,42):
        pkts.append(U(1701, ctl([avp(attr, b'\x00\x02')])))
    for mt in range(0,20):
        pkts.append(U(1701, ctl([avp(0, struct.pack('!H',mt))])))
    pkts.append(U(1701, ctl([avp(1, b'\x00\x02\x00\x05err msg')])))
    pkts.append(U(1701, ctl([avp(7, b'router1', m=0)])))
    pkts.append(U(1701, ctl([avp(7, b'router1', m=0x4000)])))


def group_sctp_forces(pkts):
    def U(dport, pay, sport=40000): return eth(ip4(17, udp(sport,dport,pay)))
    def P(proto, pay): return eth(ip4(proto, pay))
    def chunk(t, flags, body):
        l=4+len(body)
        return struct.pack('!BBH',t,flags,l)+body+bytes((4-l%4)%4)
    def sctp(chunks, sport=2905, dport=2905): return struct.pack('!HHII',sport,dport,0x1234,0)+b''.join(chunks)
    data=lambda fl,ppid: chunk(0,fl,struct.pack('!IHHI',7,1,2,ppid)+b'abcd')
    pkts.append(P(132, sctp([data(0,0)])))
    pkts.append(P(132, sctp([data(4,0)])))
    pkts.append(P(132, sctp([data(7,3)])))
    pkts.append(P(132, sctp([data(3,46)])))
    for pp in [1,2,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,60,61,62,63,64,65]:
        pkts.append(P(132, sctp([data(3,pp)])))
    for t in range(3,20):
        pkts.append(P(132, sctp([chunk(t,0,struct.pack('!IIHH',5,6,1,1)+struct.pack('!II',10,20) if t==3 else b'\x00\x00\x00\x05')])))
    for t in [64,127,128,129,130,192,193,255]:
        pkts.append(P(132, sctp([chunk(t,0,b'\x00\x00\x00\x05')])))
    pkts.append(P(132, sctp([chunk(1,0,struct.pack('!IIHHI',1,2,3,4,5))])))
    pkts.append(P(132, sctp([chunk(1,0,struct.pack('!IIHHI',1,2,3,4,5)+struct.pack('!HH4s',5,8,b'\x01\x02\x03\x04'))])))
    pkts.append(P(132, sctp([chunk(6,1,b''),chunk(14,1,b'')])))
    pkts.append(P(132, sctp([])))
    pkts.append(P(132, b'\x0b\x59\x0b\x59\x00\x00'))
    pkts.append(P(132, sctp([b'\x00\x03\x00\x02'])))
    pkts.append(P(132, sctp([data(3,0)])[:30]))
    pkts.append(P(132, sctp([data(3,0)], sport=6704)[:30]))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,0)+b'\x10\x01\x00\x06'+bytes(20))], sport=6704)))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,0)+b'\x10\x05\x00\x06'+bytes(20))], sport=6704)))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,0)+b'\x10\x99\x00\x06'+bytes(20))], sport=6704)))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,0)+b'\x10\x06\x00\x06'+bytes(20))], sport=6704)))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,0)+b'\x20\x0f\x00\x06'+bytes(20))], sport=6704)))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,0)+b'\x10\x0f\x00\x02'+bytes(4))], sport=6704)))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,0))], sport=6704)))
    pkts.append(P(132, sctp([chunk(3,0,struct.pack('!IIHH',5,6,2,1)+struct.pack('!HHHHI',1,2,4,5,77))])))


def group_sctp_ike_ipsec_pgm(pkts):
    def U(dport, pay, sport=40000): return eth(ip4(17, udp(sport,dport,pay)))
    def P(proto, pay, totlen=None): return eth(ip4(proto, pay, totlen=totlen))
    def chunk(t, flags, body, l=None):
        l=l if l is not None else 4+len(body)
        return struct.pack('!BBH',t,flags,l)+body+bytes((4-len(body)%4)%4)
    def sctp(chunks, sport=2905, dport=2905): return struct.pack('!HHII',sport,dport,0x1234,0)+b''.join(chunks)
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,3))])))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,3)+b'ab', l=40)])))
    pkts.append(P(132, sctp([])[:8], totlen=60))
    pkts.append(P(132, sctp([chunk(11,0,b'')])+b'\x00\x00'))
    pkts.append(P(132, sctp([chunk(0,3,struct.pack('!IHHI',7,1,2,3)+b'ab')]), totlen=20+12+8))
    # ISAKMP
    def isa(ic, rc, np, ver, xt, fl, mid, body=b''):
        return ic+rc+bytes([np,ver,xt,fl])+struct.pack('!II',mid,28+len(body))+body
    for ver,xt,fl,mid in [(0x20,34,0x08,0),(0x20,34,0x20,0),(0x20,34,0x28,0),(0x20,34,0x18,0),(0x20,34,0x00,0),(0x20,99,0x08,5),(0x20,37,0x38,1),(0x10,1,0x04,0),(0x10,1,0x07,0),(0x30,1,0,0),(0x00,1,0,0)]:
        pkts.append(U(500, isa(b'\x11'*8, b'\x00'*8, 0, ver, xt, fl, mid), sport=500))
    pkts.append(U(500, b'\x11'*20, sport=500))
    pkts.append(U(4500, b'\xff', sport=4500))
    pkts.append(U(4500, b'\x00\x00', sport=4500))
    pkts.append(U(4500, b'\x00\x00\x00\x00'+b'\x11'*10, sport=4500))
    pkts.append(U(4500, b'\x01\x00\x00\x00\x00\x00\x00\x05'+b'x'*20, sport=4500))
    pkts.append(U(4500, b'\x01\x02\x03', sport=4500))
    pkts.append(U(4500, b'\xfe', sport=4500))
    # ESP/AH
    pkts.append(P(50, b'\x00\x00\x01\x00\x00\x00\x00\x07'+b'x'*20))
    pkts.append(P(50, b'\x00\x00\x01\x00\x00\x00'))
    ah=bytes([6,4,0,0])+b'\x00\x00\x01\x00'+b'\x00\x00\x00\x09'+b'\xaa'*12
    tcp=struct.pack('!HHIIBBHHH',1000,80,1,0,0x50,0x02,1000,0,0)
    pkts.append(P(51, ah+tcp))
    pkts.append(P(51, bytes([17,4,0,0])+b'\x00\x00\x01\x00'+b'\x00\x00\x00\x09'+b'\xaa'*12+udp(1,2,b'abc')))
    pkts.append(P(51, bytes([50,4,0,0])+b'\x00\x00\x01\x00'+b'\x00\x00\x00\x09'+b'\xaa'*12+b'\x00\x00\x01\x00\x00\x00\x00\x07'+b'x'*20))
    pkts.append(P(51, bytes([6,1,0,0])+b'\x00\x00\x01\x00'+b'\x00\x00\x00\x09'+tcp))
    pkts.append(P(51, bytes([6,0,0,0])+b'\x00\x00\x01\x00'+b'\x00\x00\x00\x09'+tcp))
    pkts.append(P(51, bytes([6,2])))
    # PGM
    for t in [0,1,2,3,4,5,6,7,8,9,0xa,0xb,0xc,0xd]:
        pkts.append(P(113, struct.pack('!HHBBH6sH',1000,2000,t,0,0,b'\x01\x02\x03\x04\x05\x06',12)+bytes(40)))
    pkts.append(P(113, struct.pack('!HHBBH',1000,2000,4,0,0)))


def group_gre(pkts):
    def P(proto, pay, totlen=None): return eth(ip4(proto, pay, totlen=totlen))
    inner_ip = ip4(1, bytes([8,0,0,0,0,1,0,1])+b'abcdefgh', src=b'\x01\x02\x03\x04', dst=b'\x05\x06\x07\x08')
    inner_ip6 = struct.pack('!IHBB',0x60000000,8,59,64)+bytes(range(16))+bytes(range(16,32))+b'12345678'
    def gre(flags, proto, opts=b'', pay=b''): return struct.pack('!HH',flags,proto)+opts+pay
    pkts.append(P(47, gre(0x8000, 0x0800, b'\x12\x34\x00\x00', inner_ip)))
    pkts.append(P(47, gre(0x3000, 0x0800, b'\x00\x00\x00\x05\x00\x00\x00\x09', inner_ip)))
    pkts.append(P(47, gre(0xb000, 0x0800, b'\x12\x34\x00\x00\x00\x00\x00\x05\x00\x00\x00\x09', inner_ip)))
    for pr in [0x6558, 0x86dd, 0x8847, 0x0806, 0x880b, 0x883e, 0x88be, 0x22eb, 0x0000, 0x00fe, 0x8137, 0x0101]:
        pay = eth(inner_ip) if pr==0x6558 else (inner_ip6 if pr==0x86dd else (struct.pack('!I',(100<<12)|0x100|64)+inner_ip if pr==0x8847 else b'\x00\x01\x08\x00\x06\x04\x00\x01'+bytes(20)))
        pkts.append(P(47, gre(0x0000, pr, b'', pay)))
    pkts.append(P(47, gre(0x2001, 0x880b, b'\x00\x10\x00\x05', b'\xff\x03\xc0\x21\x01\x01\x00\x04')))
    pkts.append(P(47, gre(0x3081, 0x880b, b'\x00\x10\x00\x05\x00\x00\x00\x07', b'\xff\x03\xc0\x21\x01\x01\x00\x04')))
    pkts.append(P(47, gre(0x2081, 0x880b, b'\x00\x00\x00\x05\x00\x00\x00\x07')))
    pkts.append(P(47, gre(0x0002, 0x0800, b'', inner_ip)))
    pkts.append(P(47, b'\x00'))
    pkts.append(P(47, b'\x20\x00\x08\x00\x00'))
    pkts.append(P(47, gre(0x4000, 0x0800, b'\x00\x00\x00\x04'+b'\x08\x00\x00\x04\x01\x02\x03\x04'+b'\x00\x00\x00\x00', inner_ip)))


def group_port_precedence(pkts):
    # tcpdump picks the printer for a UDP port pair in a fixed order: every
    # pairing of this family's ports with each other and with some others'
    # (those whose printers bpfcap has in tcpdump's form).
    mine = [6081, 4789, 8472, 4790, 6635, 520, 1645, 1812, 1700, 3799, 4342, 1701, 500, 4500]
    others = [123, 546, 8231, 6696, 7, 40000]
    pay = bytes([0x08, 0x00, 0, 0, 0, 0, 0x64, 0]) + bytes(range(56))
    for a in mine:
        for b in mine + others:
            if a != b:
                pkts.append(eth(ip4(17, udp(a, b, pay))))
                if b not in mine:
                    pkts.append(eth(ip4(17, udp(b, a, pay))))


def group_ike_initiators(pkts):
    # tcpdump remembers the initiator of the last 20 IKEv1 exchanges: 30
    # exchanges, then both sides of each and a third host.
    def isa(ic, rc):
        return ic + rc + bytes([1, 0x10, 2, 0]) + struct.pack("!II", 0, 28)

    a, b, c = b"\x0a\x00\x00\x01", b"\x0a\x00\x00\x02", b"\x0a\x00\x00\x03"
    n = 30
    for i in range(n):
        pkts.append(eth(ip4(17, udp(500, 500, isa(struct.pack("!Q", i + 1), bytes(8))), src=a, dst=b)))
    for i in range(n):
        for src, dst in ((b, a), (a, b), (c, b)):
            pkts.append(eth(ip4(17, udp(500, 500, isa(struct.pack("!Q", i + 1), b"\x01" * 8)), src=src, dst=dst)))
    for rc, src in ((bytes(8), c), (b"\x01" * 8, c), (b"\x01" * 8, a)):
        pkts.append(eth(ip4(17, udp(500, 500, isa(struct.pack("!Q", 29), rc)), src=src, dst=b)))


def main():
    pkts = []
    groups = (
        group_bad_udp_lengths,
        group_geneve_vxlan_nsh,
        group_mpls_otv,
        group_lisp_l2tp_rip_radius,
        group_l2tp_avps,
        group_sctp_forces,
        group_sctp_ike_ipsec_pgm,
        group_gre,
        group_port_precedence,
        group_ike_initiators,
    )
    for group in groups:
        group(pkts)
    pcap(pkts, OUT)


if __name__ == "__main__":
    main()
