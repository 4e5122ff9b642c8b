#!/usr/bin/env python3
"""Writes tricky filter expressions for the parser parity test, one a line.

The list mixes hand-picked corner cases of libpcap 1.10.3's scanner and
parser with generated combinations (operators after primitives, ids after
and/or/not, parenthesis forms, arithmetic chains). Classify them with
scripts/gen_parse_parity.sh:

    scripts/gen_tricky_inputs.py | scripts/gen_parse_parity.sh > tests/data/parse-tricky.tsv
"""
import itertools
import re

HAND = r"""
host a or b
tcp port 80 or 443
host a or not b
not host a or b
port 80 or (1) > 0
port 80 or (1)
port 80 or (1 or 2)
port 80 or (tcp)
port 80 or (1 or tcp)
1.2.3.4
1
(1)
(1) > 0
((1)) > 0
(tcp)
((tcp))
(not tcp)
not (1)
not not tcp
port 80 and not (1)
port 80 and not (1 or 2)
port 80 and not (1) > 0
tcp and (not 1.2.3.4)
(host a or b) and c
host (a) or (b)
host (a or (b and not c))
host ((a))
host (not not a)
len-1 > 0
len - 1 > 0
len -1 > 0
tcp-syn
tcp-syn > 0
icmp-echoreplyx > 0
tcpflags
ip[0] % 3 + 1 = 2
1 = 1 = 1
1 > 2 and 3
tcp[0:(2)] > 0
tcp[(0)] > 0
len[0] > 0
less (10)
byte 1 != 2
byte (1) = 2
ifindex (1)
vlan (1)
vlan (tcp)
vlan 1 2
on 1.2.3.4
ifname 1
rnr (1)
rulenum x
reason (1)
action 1
type (0)
llc 1
vpi (> 1 or 2)
vpi ((1) or 2)
vpi (1 or (2))
vpi (1 or > 2)
vpi (1 and 2)
sio (1 or 2 or <= 3)
ip src proto 6
src proto 6
src gateway foo
ip gateway foo
tcp 80
src or dst 1.2.3.4
src or 1.2.3.4
src and dst host 1.2.3.4
dst and src net 10.0
net 10/8
net 10.0/8
net 1 mask 255.0.0.0
net 1.2 mask 255.0.0.0
host 1.2.3.4 mask 255
host ::1/64
host fe80::1%eth0
host 12345::1
host ::2::3
host 1:::2
host :::
host ::1:
host 1::
host 1::.
host 1:2
host 1:2:3
host 1:2:3:4:5:6:7::8
host 1:2:3:4:5:6:7:1.2.3.4
host ::ffff:1.2.3.04
host ::999.1.1.1
host ::1.2.3
host 1::2::3
ether host 001:02:03:04:05:06
ether host 123456789012
ether host 12345678901
ether host 1234.5678.9012
ether host 12-34-56-78-90-12
ether host 1.2.3.4.5.6
ether host abcdefabcdef
host 09
host 4294967296
host 4294967295
host 0x100000000
host 0xffffffff
host 00000000000000000008
ip[0] > 0X1f
ip[0] > 1a
host _a
host -a
HOST a
Tcp
host $
host $g
host \
host \(
ip and
and
( )
()
(
)
tcp )
tcp (
not
!
!tcp
!!tcp
tcp && udp || icmp
tcp and or udp
tcp or not udp
ip[0]&1!=0
ip[0] == 1
ip[0] =< 1
ip[0] => 1
ip[0] <> 1
ip[0] ! = 1
ip[0] < = 1
ip[1:2] << 2 >> 1 = 0
ip[1] ^ 2 = 0
ip[1] | 2 & 3 = 0
- 1 = 0
--1 = 0
- - 1 = 0
1 - -1 > 0
1 -- 1 > 0
1 = -
len
len = len
ether[0] = ether[1]
ether[ether[0]] = 1
ether[0:1:2] = 1
ether[] = 1
ether[0 = 1
ip [0] = 1
proto \tcp
ip proto \tcp
ip proto tcp
ip6 protochain 6
protochain \udp
broadcast
ether broadcast
multicast
ip6 multicast
tcp broadcast
type mgt subtype beacon
subtype beacon
dir tods
wlan dir 1
type 0 subtype 1
type mgt subtype
llc
llc i
llc rnr
llc rulenum
lane
oamf4
oamf4ec
metaconnect
fisu or lsu
inbound and outbound
ifindex 3
geneve
geneve 10
geneve and vlan
mpls 1 and mpls 2
pppoed
pppoes 3
pppoes (3)
less 10 or greater 20
byte 1 & 2
byte 1 | 2
byte 1 < 2
byte 1 > 2
byte 1 = 2
byte 1 == 2
addr1 host a
address4 a
wlan ra host a
wlan ta a
src portrange 1-100
portrange 1-100
tcp portrange 1 - 100
port http
port ftp-data
host a.b.c
host a..b
host a.
host a-
host 1.2.
host 1.2.3.4.5
host 1.2.3.4a
gateway a
ip host a and 1.2.3.4
host a and (port 80) and 2.2.2.2
ip and 1.2.3.4
port 80 and 1.2.3.4
ether src host 1:2:3:4:5:6 or 1:2:3:4:5:7
link host $12
host $123
(ip) and (tcp)
((ip)) or ((tcp))
(ip and (tcp or (udp and (icmp))))
not (ip and not tcp)
ip and not not not tcp
ip and not (not 1.2.3.4)
host a or not not b
host a or (not b or c)
host a or (b or not (c and d))
host a or ((b))
host a or ((b) or c)
host a or (1 or b)
port 80 or ((1) or 2)
port 80 or ((1) > 0)
port 80 or (1 > 0)
port 80 or (1) or 2
port 80 or (1) and (2)
port 80 and (1 + 1) > 0
port 80 and (1 + 1)
port 80 and -1
port 80 and (-1)
port 80 and not -1
vlan and 5
vlan or (5)
icmp[icmptype] == icmp-echo
icmp6[icmp6type] == icmp6-echo
ip6[40] = icmp6-neighborsolicit
tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn
host 100.1.2.3.4.5
ether host 10.1.2.3.4.5
host.
ip6.
tcp.port
ip6 host ::ffff:1.2.3.4
host 1.2.3.4/24 mask
host 1.2.3.4 mask 255.255.255.0/8
net 1.2.3.4/0x18
net 1.2.3.4/033
net 1.2.3.4/09
ether[0]&1=1
ip[0]&1!=0and tcp
ip[0]&1!=0 and tcp
\\tcp
proto \icmp or proto \udp
ip proto \1
host \host
host \host\
tcp[13]&0x12=0x12
tcp[13] & 0x12 == 0x12 && !ip6
ip[6:2] & 0x1fff = 0
ip6[6] == 58 and ip6[40] == 135
vlan and vlan 100 and mpls and pppoes 1 and ip
ether proto 0x88cc
ether proto \ip
ip6 proto \tcp
atalk or aarp or decnet or lat or sca or moprc or mopdl
iso or esis or es-is or isis or is-is or clnp
l1 or l2 or iih or lsp or snp or csnp or psnp
stp or ipx or netbeui
sctp or igmp or igrp or pim or vrrp or carp or ah or esp
radio[0] = 1
ppp or slip or fddi or tr or wlan
decnet src 1.2 or decnet dst 3.4
fddi host 1:2:3:4:5:6 and tr src 1:2:3:4:5:6
hlssu and hfisu and hmsu and msu and fisu
hsio 1 or hopc 2 or hdpc 3 or hsls 4 or sio 5 or opc 6 or dpc 7 or sls 8
sio > 1 or sio < 2 or sio != 3 or sio >= 4 or sio <= 5 or sio = 6
vci (1 or 2) and vpi (3 and (4 or 5))
@SUNATM vpi (1 and 2)
@SUNATM vpi (> 1 or 2)
@SUNATM vpi (1 or > 2)
@SUNATM vpi (1 or 2 or 3)
@SUNATM vpi ((1) or 2)
@SUNATM vpi (1 or (2))
@SUNATM vpi (1)
@SUNATM vpi ()
@SUNATM vpi != 2
@SUNATM vci (0 or 1 or 2) and vpi < 3
@SUNATM lane or metac or oamf4 or connectmsg
@MTP2 sio (1 or (2))
@MTP2 sio (1 or 2 or 3)
@MTP2 sio (1 and 2)
@MTP2 hsls >= 3 or fisu or lssu
@PFLOG on eth0 or rnr 3 or reason 2 or action pass
@PFLOG rnr (3)
@IEEE802_11 type mgt subtype beacon or dir tods
@IEEE802_11 type mgt subtype
@IEEE802_11 subtype (1)
metac or bcc or sc or ilmic or connectmsg or metaconnect or oam or oamf4 or oamf4ec or oamf4sc or lane
llc s or llc u or llc rr or llc rnr or llc ui or llc sabme
reason 1 or rnr 2 or srnr 3 or rset r or on eth0 or action block
type mgt or type ctl subtype rts or subtype beacon or dir nods or dir fromds
wlan type 0 subtype 8
ether type mgt
less 1 or greater 2 or len <= 3
ip6 multicast or ip broadcast or ether multicast or multicast
inbound or outbound
ifindex 1 and ifindex 2
geneve 0x10 and geneve
vlan 0x10
1 & 2 = 2
1 | 2 = 2
1 ^ 2 = 2
1 << 2 = 2
1 >> 2 = 2
len % 2 = 0
len / 2 = 0
len * 2 = 0
(len) = 1
((len)) = 1
-(len) = 1
ip[len] = 1
ip[-1] = 1
ip[1:1] = 1
ip[1 : 2] = 1
ip[1:2:3] = 1
ip[1]:2 = 1
ip[1] [2] = 1
"""

PRIMS = ["tcp", "host a", "port 80", "ip[0] = 1", "(tcp)", "not udp", "vlan", "less 5"]
AFTER = ["b", "1", "(1)", "(1) > 0", "(b or c)", "not b", "not (1)", "1.2.3.4",
         "tcp", "(tcp)", "and", "", ")", "(", "1 > 0", "(1 or tcp)", "host", "-1"]
OPS = ["and", "or", "&&", "||", "not", "!", ""]
ARITH = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"]


def generated():
    for p, op, a in itertools.product(PRIMS, ["and", "or", "not", ""], AFTER):
        yield " ".join(x for x in (p, op, a) if x)
    for o1, o2 in itertools.product(ARITH, ARITH):
        yield f"ip[0] {o1} 2 {o2} 3 = 1"
        yield f"- ip[0] {o1} 2 {o2} - 3 = 1"
    for op in OPS:
        yield f"{op} ( {op} tcp )".strip()


def main():
    seen = set()
    for line in itertools.chain(HAND.strip("\n").splitlines(), generated()):
        # Single-letter host names become `localhost`, which resolves, so
        # that tcpdump's "unknown host" (raised while parsing continues)
        # cannot hide a later syntax error.
        line = re.sub(r"(?<![\w.$\\-])[abcd](?![\w.-])", "localhost", line.strip())
        if not line or line in seen:
            continue
        seen.add(line)
        # `@DLT expr` lines are classified on that link type, where the
        # primitive does not fail in code generation.
        if line.startswith("@"):
            dlt, _, expr = line[1:].partition(" ")
            print(f"{dlt}\t0\t{expr}")
        else:
            print(line)


if __name__ == "__main__":
    main()
