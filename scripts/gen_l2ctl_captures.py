#!/usr/bin/env python3
"""Builds the crafted captures for the link-layer control protocol printers
(IS-IS, ES-IS, CLNP over 802.3; CDP, UDLD, DTP, VTP over SNAP; slow
protocols, EAPOL, CFM and LLDP on their ethertypes).

They exercise the malformed and truncated forms whose text tcpdump 4.99.3
prints (bogus header lengths, unsupported versions, short TLVs, ...), which
the corpus captures do not reach.  Every packet is assembled byte by byte
here.  Run from the repository root:
  python3 scripts/gen_l2ctl_captures.py   (writes captures/display/osi.pcap
  and captures/display/l2ctl.pcap)
"""
import os
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "captures", "display")


def pcap(fn, pkts, lt=1):
    with open(os.path.join(OUT, fn), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, lt))
        for i, p in enumerate(pkts):
            if isinstance(p, tuple):
                p, wire = p
            else:
                wire = len(p)
            f.write(struct.pack("<IIII", 1000 + i, 0, len(p), wire))
            f.write(p)


def e8023(payload, dst=b"\x01\x80\xc2\x00\x00\x15", src=b"\x02\x00\x00\x00\x00\x01", length=None):
    if length is None:
        length = len(payload)
    return dst + src + struct.pack(">H", length) + payload


def eth(t, payload, dst=b"\x01\x80\xc2\x00\x00\x0e", src=b"\x02\x00\x00\x00\x00\x01"):
    return dst + src + struct.pack(">H", t) + payload


def isis_craft():
    llc=b'\xfe\xfe\x03'
    sid=bytes([0x11]*6)
    def hdr(t, hl=27, ver=1, idl=0, ver2=1, maxa=0, nlpid=0x83):
        return bytes([nlpid,hl,ver,idl,t,ver2,0,maxa])
    lan=lambda t: hdr(t)+bytes([1])+sid+b'\x00\x1e'+b'\x00\x40'+b'\x40'+sid+b'\x01'
    p2p=hdr(17,20)+bytes([3])+sid+b'\x00\x1e'+b'\x00\x30'+b'\x01'
    lsp=lambda t: hdr(t)+b'\x00\x40'+b'\x04\xb0'+sid+b'\x00\x00'+b'\x00\x00\x00\x07'+b'\x12\x34'+b'\x03'
    csnp=lambda t: hdr(t,33)+b'\x00\x40'+sid+b'\x00'+bytes(8)+b'\xff'*8
    psnp=lambda t: hdr(t,17)+b'\x00\x40'+sid+b'\x00'
    pk=[]
    for body in [lan(15),lan(16),p2p,lsp(18),lsp(20),csnp(24),csnp(25),psnp(26),psnp(27)]:
        pk.append(e8023(llc+body+bytes(20)))
    # variants
    pk.append(e8023(llc+hdr(19)+bytes(30)))            # unknown pdu type 19
    pk.append(e8023(llc+hdr(15,ver=2)+bytes(30)))      # bad version
    pk.append(e8023(llc+hdr(15,hl=20)+bytes(30)))      # bad hdr len
    pk.append(e8023(llc+bytes([0x83,27,1,3,15,1,0,0])+bytes(30)))  # idlen 3
    pk.append(e8023(llc+bytes([0x83,27,1,255,15,1,0,0])+bytes(30)))  # idlen 255
    pk.append(e8023(llc+bytes([0x83,27,1,6,15,1,0,0])+bytes(30)))  # idlen 6
    pk.append(e8023(llc+hdr(15,ver2=2)+bytes(30)))      # bad version2
    pk.append(e8023(llc+hdr(15,maxa=3)+bytes(30)))      # maxarea 3
    pk.append(e8023(llc+hdr(15)[:5]))                   # truncated common header
    pk.append(e8023(llc+lan(15)[:15]))                  # truncated lan iih
    pk.append(e8023(llc+lsp(20)[:20]))                  # truncated lsp
    pk.append(e8023(llc+b'\x83'))                      # only nlpid
    pk.append(e8023(llc+hdr(15|0xe0)+lan(15)[8:]+bytes(10)))  # pdu type high bits
    pk.append(e8023(llc+lan(15)+bytes(20), length=20))  # length field smaller
    pk.append(e8023(llc+b'\x82\x09\x01\x00\x04\x00\x1e\x00\x00'+bytes(10)))  # ES-IS ISH
    pk.append(e8023(llc+b'\x82\x09\x01\x00\x02\x00\x1e\x00\x00'+bytes(10)))  # ES-IS ESH
    pk.append(e8023(llc+b'\x81\x20\x01\x10\x1c\x00\x20\x00\x00\x0a'+bytes([0x49,0,1,0x19,0x21,0x68,0,0x10,1,0])+b'\x03\x01\x02\x03'+bytes(10)))  # CLNP DT
    pk.append(e8023(llc+b'\x81\x20\x01\x10\x01\x00\x20\x00\x00\x14'+bytes(range(20))+b'\x01\x09'+bytes(10)))  # CLNP ER 20-byte
    return pk


def isis_craft2():
    llc=b'\xfe\xfe\x03'
    sid=bytes([0x11]*6)
    def hdr(t, hl=27, ver=1, idl=0, ver2=1, maxa=0, nlpid=0x83):
        return bytes([nlpid,hl,ver,idl,t,ver2,0,maxa])
    lan=lambda t,hl=27: hdr(t,hl)+bytes([1])+sid+b'\x00\x1e'+b'\x00\x40'+b'\x40'+sid+b'\x01'
    lsp=lambda t,hl=27: hdr(t,hl)+b'\x00\x40'+b'\x04\xb0'+sid+b'\x00\x00'+b'\x00\x00\x00\x07'+b'\x12\x34'+b'\x03'
    pk=[]
    # caplen-truncated (wire longer)
    full=e8023(llc+lan(15)+bytes(40))
    pk.append((full[:14+3+10], len(full)))
    pk.append((full[:14+3+20], len(full)))
    pk.append((full[:14+3+27], len(full)))
    full=e8023(llc+lsp(20)+bytes(40))
    pk.append((full[:14+3+20], len(full)))
    # bogus hdr len for lsp, csnp
    pk.append(e8023(llc+lsp(20,30)+bytes(40)))
    pk.append(e8023(llc+hdr(24,20)+bytes(40)))
    pk.append(e8023(llc+hdr(17,27)+bytes(40)))
    # ES-IS li variants
    for li in (10,11,12,13,20):
        pk.append(e8023(llc+bytes([0x82,li,1,0,4,0,0x1e,0,0])+bytes(20)))
    pk.append(e8023(llc+bytes([0x82,12,2,0,4,0,0x1e,0,0])+bytes(20)))
    pk.append(e8023(llc+bytes([0x82,12,1,0,6,0,0x1e,0,0])+bytes(20)))
    pk.append(e8023(llc+bytes([0x82,12,1,0,7,0,0x1e,0,0])+bytes(20)))
    pk.append(e8023(llc+bytes([0x82,40,1,0,4,0,0x1e,0,0])+bytes(20)))
    pk.append(e8023(llc+bytes([0x82,12,1])))
    # CLNP variants
    pk.append(e8023(llc+b'\x81\x20\x01\x10\x1c\x00\x20\x00\x00\x0a'+bytes([0x49,0,1,0x19,0x21,0x68,0,0x10,1,0])+b'\x03\x01\x02\x03'+bytes(10)))
    pk.append(e8023(llc+b'\x81\x33\x01\x10\x1c\x00\x20\x00\x00\x14'+bytes(range(20))+b'\x14'+bytes(range(20))+bytes(10)))
    pk.append(e8023(llc+b'\x81\x33\x01\x10\x1e\x00\x20\x00\x00\x14'+bytes(range(20))+b'\x14'+bytes(range(20))+bytes(60)))
    pk.append(e8023(llc+b'\x81\x33\x02\x10\x1e\x00\x20\x00\x00\x14'+bytes(range(20))+b'\x14'+bytes(range(20))+bytes(60)))
    pk.append(e8023(llc+b'\x81\x33\x01\x10\x1d\x00\x20\x00\x00\x01\x05\x01\x06'+bytes(60)))
    pk.append(e8023(llc+b'\x81\x05\x01\x10\x1c\x00\x20\x00\x00\x01\x05\x01\x06'+bytes(60)))
    return pk


def isis_craft3():
    llc=b'\xfe\xfe\x03'
    pk=[]
    for li in (8,9,10):
        pk.append(e8023(llc+bytes([0x81,li,1,0x10,0x1c,0,0x20,0,0,1,5,1,6])+bytes(10)))
    pk.append(e8023(llc+bytes([0x81,60,1,0x10,0x1c,0,0x20,0,0,1,5,1,6])+bytes(10)))
    pk.append(e8023(llc+bytes([0x81,20,1,0x10,0x1c])))
    pk.append(e8023(llc+bytes([0x81,20,1,0x10,0x1c,0,0x20,0,0,1,5])))
    pk.append(e8023(llc+bytes([0x81,20,1,0x10,0x1c,0,0x20,0,0,1,5,3,6])))
    pk.append(e8023(llc+bytes([0x81,20,1,0x10,0x1c,0,0x20,0,0,0,0])+bytes(12)))
    pk.append(e8023(llc+bytes([0x81,20,1,0x10,0x1c,0,0x20,0,0,2,5,6,2,1,2])+bytes(12)))
    pk.append(e8023(llc+bytes([0x81,20,1,0x10,0x1c|0x80,0,0x20,0,0,2,5,6,2,1,2])+bytes(12)))
    pk.append(e8023(llc+bytes([0x82,12,1,0,4,0,0x1e])))
    pk.append(e8023(llc+bytes([0x82,12,1,0,4,0,0x1e,0,0])))
    pk.append(e8023(llc+bytes([0x82,12,1,0,4,0,0x1e,0,0,0,0,0])))
    pk.append(e8023(llc+bytes([0x82,9,2,0,4,0,0x1e,0,0,0,0,0])))
    pk.append(e8023(llc+bytes([0x82,20,1,0,4|0xe0,0,0x1e,0,0])+bytes(20)))
    pk.append(e8023(llc+bytes([0x83,27,1,0,15,1,0,0])))
    pk.append(e8023(llc+bytes([0x83,27,1,0,15,1,0,0,1]), length=12))
    pk.append(e8023(llc+bytes([0x83,27,1,0,15,1,0,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20])))
    return pk


def l2_craft():
    snap=lambda pid: b'\xaa\xaa\x03\x00\x00\x0c'+struct.pack('>H',pid)
    cdst=b'\x01\x00\x0c\xcc\xcc\xcc'
    tlv=lambda t,v: struct.pack('>HH',t,len(v)+4)+v
    pk=[]
    # CDP
    pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+tlv(1,b'R1')+tlv(3,b'Gi0/1'), dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x01\x3c\x00\x00'+tlv(3,b'Gi0/1')+tlv(1,b'R1'), dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+tlv(1,b'R\x01\xffx')+struct.pack('>HH',5,2)+b'abcd', dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+tlv(1,b'R1')+struct.pack('>HH',5,40)+b'abcd', dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x02\xb4', dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x02', dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00', dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+tlv(1,b'')+tlv(1,b'R2'), dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+tlv(1,b'R1')+b'\x00\x05', dst=cdst))
    pk.append(e8023(snap(0x2000)+b'\x03\xb4\x00\x00'+tlv(1,b'R1'), dst=cdst))
    # UDLD
    for vo,fl in ((0x21,0),(0x23,3),(0x20,0x84),(0x41,1),(0x3f,2)):
        pk.append(e8023(snap(0x0111)+bytes([vo,fl])+b'\x00\x00'+tlv(1,b'x'), dst=cdst))
    pk.append(e8023(snap(0x0111)+b'\x21', dst=cdst))
    # DTP VTP
    pk.append(e8023(snap(0x2004)+b'\x01'+tlv(1,b'dom'), dst=cdst))
    pk.append(e8023(snap(0x2004)+b'', dst=cdst))
    for t in (1,2,3,4,5):
        pk.append(e8023(snap(0x2003)+bytes([2,t,0,3])+b'Lab'+bytes(60), dst=cdst))
    pk.append(e8023(snap(0x2003)+bytes([1]), dst=cdst))
    # slow
    sd=b'\x01\x80\xc2\x00\x00\x02'
    pk.append(eth(0x8809,b'\x01\x01'+bytes(108),dst=sd))
    pk.append(eth(0x8809,b'\x02\x01'+bytes(108),dst=sd))
    pk.append(eth(0x8809,b'\x03\x00\x50\x00'+bytes(40),dst=sd))
    pk.append(eth(0x8809,b'\x03\x00\x50\x01'+bytes(40),dst=sd))
    pk.append(eth(0x8809,b'\x04\x01'+bytes(40),dst=sd))
    pk.append(eth(0x8809,b'\x01',dst=sd))
    pk.append(eth(0x8809,b'',dst=sd))
    pk.append(eth(0x8809,b'\x01\x02'+bytes(50),dst=sd))
    # EAPOL
    for t in (0,1,2,3,4,5,8):
        pk.append(eth(0x888e,bytes([2,t,0,4])+b'\x01\x01\x00\x04'+bytes(30)))
    pk.append(eth(0x888e,bytes([2,0])))
    # CFM
    for op in (1,2,3,4,5,6,0x20):
        pk.append(eth(0x8902,bytes([0x60,op,0,4])+bytes(60)))
    pk.append(eth(0x8902,bytes([0x61,1,0,4])+bytes(60)))
    pk.append(eth(0x8902,bytes([0x60])))
    # LLDP
    def ltlv(t,v): return struct.pack('>H',(t<<9)|len(v))+v
    base=ltlv(1,b'\x04'+bytes(6))+ltlv(2,b'\x05eth0')+ltlv(3,b'\x00\x78')
    pk.append(eth(0x88cc,base+ltlv(5,b'sw\x01one')+ltlv(0,b'')))
    pk.append(eth(0x88cc,base+ltlv(5,b'a')+ltlv(5,b'b')+ltlv(0,b'')))
    pk.append(eth(0x88cc,base+ltlv(0,b'')+ltlv(5,b'after')))
    pk.append(eth(0x88cc,base))
    pk.append(eth(0x88cc,base+ltlv(5,b'')+ltlv(0,b'')))
    pk.append(eth(0x88cc,b'\x02'))
    pk.append(eth(0x88cc,b''))
    pk.append(eth(0x88cc,base+struct.pack('>H',(5<<9)|100)+b'short'))
    return pk


def l2_craft2():
    snap=lambda pid: b'\xaa\xaa\x03\x00\x00\x0c'+struct.pack('>H',pid)
    cdst=b'\x01\x00\x0c\xcc\xcc\xcc'
    pk=[]
    for code in (4,5,8,16,30):
        pk.append(e8023(snap(0x0111)+bytes([0x20|code,0xff,0,0])+bytes(8), dst=cdst))
    for n in (2,3,4):
        pk.append(e8023(snap(0x0111)+bytes([0x21,1,0,0])[:n], dst=cdst))
    for n in (1,2):
        pk.append(e8023(snap(0x2004)+bytes([1,0])[:n], dst=cdst))
    for n in (2,3,4,5):
        pk.append(e8023(snap(0x2003)+bytes([2,1,0,3,0x41])[:n], dst=cdst))
    sd=b'\x01\x80\xc2\x00\x00\x02'
    for b in (b'\x02\x02'+bytes(40), b'\x01\x01'+bytes(20), b'\x02\x01'+bytes(10), b'\x03\x00', b'\x03\x00\x50', b'\x03', b'\x0a'):
        pk.append(eth(0x8809,b,dst=sd))
    for n in (2,3,4):
        pk.append(eth(0x8902,bytes([0x60,1,0,4])[:n]))
    pk.append(eth(0x8902,bytes([0x62,1,0,4])+bytes(60)))
    pk.append(eth(0x8902,bytes([0x40,0x2f,0,4])+bytes(60)))
    for n in (1,2,3):
        pk.append(eth(0x888e,bytes([2,0,0,4])[:n]))
    def ltlv(t,v): return struct.pack('>H',(t<<9)|len(v))+v
    pk.append(eth(0x88cc,ltlv(5,b'sw\x00x\xc1')+ltlv(0,b'')))
    pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+struct.pack('>HH',1,7)+b'R\x00x', dst=cdst))
    return pk


def l2_craft3():
    snap=lambda pid: b'\xaa\xaa\x03\x00\x00\x0c'+struct.pack('>H',pid)
    cdst=b'\x01\x00\x0c\xcc\xcc\xcc'
    pk=[]
    for t in (1,2,3,4,5):
      for n in (6,8,35,36,37,40):
        pk.append(e8023(snap(0x2003)+(bytes([2,t,0,3])+b'Lab'+bytes(60))[:n], dst=cdst))
    return pk


def cdp_craft():
    snap=lambda pid: b'\xaa\xaa\x03\x00\x00\x0c'+struct.pack('>H',pid)
    cdst=b'\x01\x00\x0c\xcc\xcc\xcc'
    tlv=lambda t,v: struct.pack('>HH',t,len(v)+4)+v
    pk=[]
    for t in list(range(0,0x22))+[0x100,0xffff]:
        pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+struct.pack('>HH',t,3)+b'abcdefgh', dst=cdst))
    for t in list(range(0,0x22)):
        pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+struct.pack('>HH',t,4)+tlv(3,b'x'), dst=cdst))
    for t in list(range(0,0x22)):
        pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+struct.pack('>HH',t,5)+b'\x01'+tlv(3,b'x'), dst=cdst))
    return pk


def cdp_craft2():
    snap=lambda pid: b'\xaa\xaa\x03\x00\x00\x0c'+struct.pack('>H',pid)
    cdst=b'\x01\x00\x0c\xcc\xcc\xcc'
    pk=[]
    for t in range(0,0x1a):
      for vl in range(0,12):
        pk.append(e8023(snap(0x2000)+b'\x02\xb4\x00\x00'+struct.pack('>HH',t,4+vl)+bytes([0x41]*vl), dst=cdst))
    return pk


if __name__ == "__main__":
    pcap("osi.pcap", isis_craft() + isis_craft2() + isis_craft3())
    pcap("l2ctl.pcap", l2_craft() + l2_craft2() + l2_craft3() + cdp_craft() + cdp_craft2())
