#!/usr/bin/env python3
"""Random (seeded, reproducible) filter expressions for optimizer tests.

Combines common primitives with and/or/not and parentheses, over a few link
types, and writes a TSV like the corpus (dlt, snaplen, expression):

  scripts/gen_opt_exprs.py [N] [SEED] > tests/data/opt-exprs/random.tsv
  scripts/gen_opt_exprs.py 600 1 arith > tests/data/opt-exprs/arith.tsv
  scripts/gen_opt_pairs.py corpus tests/data/opt-exprs/random.tsv > tests/data/opt-pairs/random.txt
"""
import random
import sys

PRIMS = [
    "host 10.0.0.{a}", "src host 10.0.{a}.1", "dst host 192.168.{a}.{b}", "net 10.{a}.0.0/16",
    "src net 172.16.0.0/12", "port {p}", "tcp port {p}", "udp dst port {p}", "src port {p}",
    "portrange {p}-{q}", "tcp src portrange {p}-{q}", "ip", "ip6", "arp", "rarp", "tcp", "udp",
    "icmp", "icmp6", "sctp", "vlan", "vlan {a}", "mpls", "mpls {a}", "pppoes", "pppoed",
    "ether host 0:1:2:3:4:{a:x}", "ether src 0:1:2:3:4:5", "ether proto {e}", "ip proto {pr}",
    "ip6 proto {pr}", "proto {pr}", "tcp[tcpflags] & tcp-syn != 0",
    "tcp[tcpflags] & (tcp-syn|tcp-fin) = tcp-fin", "ip[2:2] > {p}", "len > {p}", "len <= {p}",
    "greater {p}", "less {p}", "ip multicast", "ip broadcast", "ether broadcast",
    "ether multicast", "ip6 multicast", "ip[0] & 0xf > 5", "tcp[0:2] = {p}", "udp[8] + 1 = {a}",
    "ip[2:2] * 2 < len", "ip[9] = {pr}", "ip[6:2] & 0x1fff = 0", "icmp[icmptype] = icmp-echo",
    "ip6[6] = {pr}", "tcp[12] >> 4 > 5", "ether[12:2] = 0x800", "ip[1] | 3 = {a}",
    "ip[1] ^ ip[2] = 0", "ip[8] - ip[9] > {a}", "ip host 10.{a}.{b}.1", "ip6 host ::{a:x}",
    "ip6 net 2001:db8::/32", "arp host 10.0.0.{a}", "ip src 10.0.0.{a} or ip dst 10.0.0.{b}",
    "udp and udp[8:2] = {p}", "tcp dst port {p} and tcp[13] & 2 != 0", "ip[{a}] = {b}",
    "ether[{a}:2] != {p}", "inbound", "outbound", "ifindex {a}", "vlan and ip", "geneve",
    "ip and ip[9] != 6",
]
DLTS = [("EN10MB", 262144)] * 8 + [("LINUX_SLL", 262144), ("LINUX_SLL2", 262144),
                                   ("RAW", 262144), ("NULL", 262144), ("IPV4", 262144)]


def prim(r):
    return r.choice(PRIMS).format(a=r.randrange(0, 40), b=r.randrange(0, 255),
                                  p=r.randrange(1, 2000), q=r.randrange(2000, 65535),
                                  e=r.choice([0x800, 0x806, 0x86dd, 0x8100]),
                                  pr=r.choice([1, 6, 17, 47, 50, 58, 132]))


def expr(r, depth):
    if depth == 0 or r.random() < 0.3:
        return prim(r)
    k = r.random()
    if k < 0.15:
        return "not " + expr(r, depth - 1)
    op = r.choice(["and", "or", "and", "or", "&&", "||"])
    left, right = expr(r, depth - 1), expr(r, depth - 1)
    if r.random() < 0.5:
        right = f"({right})"
    return f"{left} {op} {right}"


ACCESSORS = ["ip[{o}]", "ip[{o}:2]", "ip[{o}:4]", "tcp[{o}]", "udp[{o}:2]", "ether[{o}]",
             "ip6[{o}:2]", "icmp[{o}]", "len", "ip[{o}:{s}]", "tcp[ip[0] & 0xf]",
             "ether[ip[1]:2]", "link[{o}]"]
ARITH_OPS = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"]
RELOPS = ["=", "!=", "<", "<=", ">", ">="]


def arith(r, depth):
    if depth == 0 or r.random() < 0.35:
        if r.random() < 0.45:
            return str(r.choice([0, 1, 2, 3, 4, 5, 8, 15, 16, 31, 32, 0xff, 0x1fff, 4294967295,
                                 r.randrange(0, 1 << 16)]))
        return r.choice(ACCESSORS).format(o=r.randrange(0, 40), s=r.choice([1, 2, 4]))
    k = r.random()
    if k < 0.08:
        return "-" + arith(r, depth - 1)
    if k < 0.2:
        return f"({arith(r, depth - 1)})"
    return f"{arith(r, depth - 1)} {r.choice(ARITH_OPS)} {arith(r, depth - 1)}"


def rel(r, depth):
    if depth == 0 or r.random() < 0.5:
        return f"{arith(r, 3)} {r.choice(RELOPS)} {arith(r, 2)}"
    if r.random() < 0.15:
        return "not " + rel(r, depth - 1)
    return f"{rel(r, depth - 1)} {r.choice(['and', 'or'])} ({rel(r, depth - 1)})"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    r = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    arithmetic = len(sys.argv) > 3 and sys.argv[3] == "arith"
    print("dlt\tsnaplen\texpression")
    for _ in range(n):
        dlt, snap = r.choice(DLTS)
        e = rel(r, r.randrange(0, 3)) if arithmetic else expr(r, r.randrange(1, 5))
        print(f"{dlt}\t{snap}\t{e}")


if __name__ == "__main__":
    main()
