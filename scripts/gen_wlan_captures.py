#!/usr/bin/env python3
"""Builds the synthetic IEEE 802.11 captures of the packet-printer golden
tests: the same management, control and data frames bare (link type
IEEE802_11), behind assorted radiotap headers (IEEE802_11_RADIO), behind
Prism and AVS headers (PRISM_HEADER, IEEE802_11_RADIO_AVS).

Every packet is assembled byte by byte here.  Run from the repository
root:  python3 scripts/gen_wlan_captures.py  (writes captures/display/).
"""
import os
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "captures", "display")


def pcap(lt, pkts, name):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, lt))
        for i, p in enumerate(pkts):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(p), len(p)))
            f.write(p)


def mac(i):
    return bytes([0, 0x11, 0x22, 0x33, 0x44, i])


def mgmt(sub, body, fc1=0):
    return bytes([sub << 4, fc1]) + b"\0\0" + mac(1) + mac(2) + mac(3) + b"\x10\x00" + body


def rt(present_words, fields):
    """A radiotap header with these presence words and (aligned) fields."""
    body = b"".join(struct.pack("<I", w) for w in present_words) + fields
    return struct.pack("<BBH", 0, 0, 4 + len(body)) + body


def ipudp(sport=1234, dport=5678):
    payload=b'hello'
    udp=struct.pack('>HHHH',sport,dport,8+len(payload),0)+payload
    ip=struct.pack('>BBHHHBBH4s4s',0x45,0,20+len(udp),1,0,64,17,0,bytes([10,0,0,1]),bytes([10,0,0,2]))
    return ip+udp
ipv6 = bytes.fromhex('6000000000083a40')+bytes(15)+b'\x01'+bytes(15)+b'\x02'+bytes.fromhex('8000f7ff00010001')
arp = bytes.fromhex('0001080006040001')+mac(2)+bytes([10,0,0,1])+b'\0'*6+bytes([10,0,0,2])
def snap(et, body): return bytes([0xaa,0xaa,3,0,0,0])+struct.pack('>H',et)+body
def data(sub, fc1, body):
    h=bytes([(sub<<4)|8, fc1])+b'\0\0'+mac(1)+mac(2)+mac(3)+b'\x10\x00'
    if fc1&3==3: h+=mac(4)
    if sub&8: h+=b'\x00\x00'
    return h+body
def ctl(sub, rest, fc1=0): return bytes([(sub<<4)|4, fc1]) + b'\x34\x12' + rest
fixed = b'\0'*8 + struct.pack('<HH',100,0x0011)
ies = bytes([0,4])+b'omus'+bytes([1,9,0x82,0x84,0x8b,0x96,0x0c,0x12,0x18,0x24,0x30])+bytes([3,1,6])+bytes([5,4,0,1,0,0])
frames=[]
# management
frames.append(mgmt(8, fixed+ies))
frames.append(mgmt(8, b'\0'*8+struct.pack('<HH',100,2)+bytes([0,8])+bytes([0x7f,0x80,0xff,0x0a,0x0d,0x20,0x7e,0x41])))
frames.append(mgmt(8, fixed+bytes([0,33])+b'a'*33))
frames.append(mgmt(8, fixed+bytes([0,3])+b'abc'+bytes([7,3,1])))
frames.append(mgmt(8, fixed[:11]))
frames.append(mgmt(5, fixed+ies))
frames.append(mgmt(4, bytes([0,0])+bytes([1,4,2,4,11,22])))
frames.append(mgmt(4, b''))
frames.append(mgmt(0, struct.pack('<HH',0x11,5)+ies))
frames.append(mgmt(1, struct.pack('<HHH',0x11,5,0xc003)))
frames.append(mgmt(2, struct.pack('<HH',0x11,5)+mac(9)+ies))
frames.append(mgmt(3, struct.pack('<HHH',0x01,300,7)))
frames.append(mgmt(9, b''))
frames.append(mgmt(6, b''))
frames.append(mgmt(10, struct.pack('<H',8)))
frames.append(mgmt(12, struct.pack('<H',23)))
frames.append(mgmt(12, struct.pack('<H',200)))
for alg,seq,st in [(0,1,0),(0,2,0),(1,2,0),(1,3,15),(2,1,1),(7,1,107)]:
    frames.append(mgmt(11, struct.pack('<HHH',alg,seq,st)))
for cat,act in [(0,1),(3,0),(3,9),(7,1),(13,4),(14,1),(15,5),(127,3),(50,1)]:
    frames.append(mgmt(13, bytes([cat,act])))
frames.append(mgmt(13, bytes([3])))
frames.append(mgmt(8, bytes([1,2,3,0xe5])+b'xyz', fc1=0x40))
frames.append(mgmt(11, b'\1\2', fc1=0x40))
# control
for sub in range(16):
    frames.append(ctl(sub, mac(1)+mac(2)+bytes([0x05,0xf0,0x34,0x12])+b'\0'*8))
frames.append(ctl(11, mac(1)+mac(2)[:3]))
frames.append(ctl(13, mac(1)[:3]))
# data
for fc1 in (0,1,2,3):
    frames.append(data(0, fc1, snap(0x0800, ipudp())))
frames.append(data(8, 0, snap(0x86dd, ipv6)))
frames.append(data(0, 0, snap(0x0806, arp)))
frames.append(data(0, 0, snap(0x1234, b'xyz')))
frames.append(data(0, 0, snap(0x0800, b'')[:5]))
frames.append(data(0, 0, b'\xaa\xaa'))
frames.append(data(4, 1, b''))
frames.append(data(12, 2, b''))
frames.append(data(0, 0x40, bytes([1,2,3,0xe0])+b'payload'))
frames.append(data(8, 0x41, bytes([0x11,0,0,0x20])+b'payload'))
frames.append(data(0, 0x40, b'\1\2'))
for oui in (0x0000F8, 0x00000C, 0x0080C2, 0x080007, 0x00E02B):
    for pid in (0x0800, 0x0002, 0x1234):
        frames.append(data(0, 0, bytes([0xAA, 0xAA, 3]) + oui.to_bytes(3, "big") + struct.pack(">H", pid) + b"xyz"))
frames.append(data(0, 0, snap(0x0806, arp[:5])))
# 802.2 LLC without SNAP: information, supervisory and unnumbered frames,
# named and unnamed SAPs, short headers, Novell raw 802.3 IPX.
for llc in (b"\x04\x04\x00\x00abc", b"\x00\x02\x05\x00", b"\x04\x8e\x09\x01", b"\x4e\x7f\x0d\x00",
            b"\xf0\xf0\x03abc", b"\x0e\x0e\xaf", b"\x04\x04\x1b", b"\xe0\xe0\x03" + bytes(30),
            b"\xff\xff" + bytes(28), b"\x04\x04\x00", b"\x04"):
    frames.append(data(0, 0, llc))
frames.append(bytes([0x0c,0])+b'\0'*10)
frames.append(b'\x80')
pcap(105, frames, 'wlan.pcap')
# radiotap: the same frames behind a variety of radiotap headers
def hdr(i):
    k=i%12
    if k==0: return rt([0x0000482e], bytes([0x00,0x02])+struct.pack('<HH',2412,0xa0)+bytes([0x58,0,0,0x2a]))  # flags rate chan sq(7)... 
    if k==1: return rt([(1<<0)|(1<<1)|(1<<2)|(1<<3)|(1<<5)|(1<<6)|(1<<11)], struct.pack('<QBBHHbbB',10016360,0,2,2412,0xa0,-22,-86,1))
    if k==2: return rt([(1<<3)|(1<<5)|(1<<11)|(1<<19)], struct.pack('<HHbB',2462,0x480,-51,1)+bytes([0x37,0x05,7]))
    if k==3: return rt([(1<<2)|(1<<6)|(1<<10)|(1<<15)], bytes([2,0xaa,27]))
    if k==4: return rt([(1<<4)|(1<<8)|(1<<9)|(1<<12)|(1<<13)], bytes([3,4])+struct.pack('<H',5)+bytes([0xfb,40,10]))
    if k==5: return rt([(1<<18)|(1<<19)], struct.pack('<IHBB',0x20140,5180,36,20)+bytes([0x1f,0x11,15]))
    if k==6: return rt([(1<<21)], struct.pack('<HBB4sBBH',0x44,0x04,4,bytes([0x92,0x31,0,0]),1,0,0))
    if k==7: return rt([(1<<31)|(1<<11),(1<<0)], b'\x05'+b'\0'*7)
    if k==8: return rt([(1<<31)|(1<<29)|(1<<11),(1<<11)], b'\x05\x06')
    if k==9: return rt([(1<<2)|(1<<0)], b'\x8c'+b'\0'*3)
    if k==10: return rt([1<<1], bytes([0x30]))
    return rt([1<<1], bytes([0x10]))
rframes=[]
for i,f in enumerate(frames):
    h=hdr(i)
    if i%12 in (10,11): f=f+b'\xde\xad\xbe\xef'
    rframes.append(h+f)
rframes.append(b'\x00\x00\x08\x00\x00\x00')
rframes.append(b'\x00\x00\x10\x00\x02\x00\x00\x00')
rframes.append(rt([1<<1], bytes([0x10]))+b'\x00')
pcap(127, rframes, 'wlan_radiotap.pcap')
def prism(vals):
  h=struct.pack('<II16s',0x41,144,b'wlan0')
  for i,v in enumerate(vals):
    h+=struct.pack('<IHHI',0x1041+i,0,4,v)
  return h
def avs(L=64):
  return struct.pack('>IIQQIIIIIIiiII',0x80211001,L,123456789,987654321,1,6,22,1,0,1,-50,-95,0,0)
pf=[(prism([1,2,6,0xffffffd0,5,40,0xffffffa0,22,0,14]) if i%3 else avs())+f for i,f in enumerate(frames[:30])]
pf+=[prism([0]*10)[:100], b'\x41', avs()[:20], struct.pack('>II',0x80211001,4)]
pcap(119, pf, 'wlan_prism.pcap')
pcap(163, [avs()+f for f in frames[30:60]]+[avs()[:20]], 'wlan_avs.pcap')

# PPI headers around 802.11, radiotap, Ethernet, NULL, raw IP, Prism and
# link types without a printer; short and invalid headers.
ip = bytes.fromhex("4500001c000100004011000a0a0000010a0000020001000200080000")
ack = bytes([0xD4, 0, 0, 0]) + mac(1)
eth = bytes([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6])


def ppi(dlt, body, ln=8, ver=0):
    return struct.pack("<BBHI", ver, 0, ln, dlt) + body


pcap(192, [
    ppi(105, ack), ppi(1, eth + b"\x08\x00" + ip), ppi(105, struct.pack("<HH", 2, 8) + bytes(8) + ack, ln=20),
    ppi(105, ack, ver=1), ppi(127, ack), ppi(105, ack, ln=4), ppi(105, b"")[:6], ppi(105, ack, ln=100),
    ppi(0, b"\x02\0\0\0" + ip), ppi(12, ip), ppi(999, ip), ppi(192, ppi(105, ack)), ppi(119, ack), ppi(147, ip),
    ppi(127, rt([1 << 1], bytes([0])) + frames[0]), ppi(105, frames[15]), ppi(1, eth + b"\x08\x06" + bytes(28)),
] + [ppi(105, f) for f in frames[40:60]], "wlan_ppi.pcap")
