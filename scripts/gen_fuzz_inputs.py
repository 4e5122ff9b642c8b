#!/usr/bin/env python3
"""Writes random filter expressions for the parser parity test, one a line.

Expressions are built from a small grammar of primitives, relations, `not`,
parentheses and `and`/`or` (with bare identifiers after them), and then
some are mutated by inserting, deleting or replacing a token, so both
valid and invalid inputs near the language's edges are covered. Host
names are `localhost` so that name lookups succeed.

    (for s in 1 2 3 4; do scripts/gen_fuzz_inputs.py $s 1500; done) | awk '!seen[$0]++' \
      | SKIP_SEMANTIC=1 scripts/gen_parse_parity.sh > tests/data/parse-fuzz.tsv

(SKIP_SEMANTIC drops expressions for which tcpdump reports a code
generation error: such an error can hide a later syntax error, so their
parse class cannot be read off tcpdump's output.)
"""
import random
import sys

PRIM = ["tcp", "ip", "host localhost", "port 80", "src localhost", "ip6", "ether src localhost",
        "tcp dst port 22", "net 10.0.0.0/8", "vlan", "vlan 3", "less 10", "ip[0] = 1", "len > 3",
        "ip proto 6", "proto \\tcp", "ether broadcast", "ip multicast", "inbound", "mpls", "pppoes 1",
        "byte 1 = 2", "ifindex 2", "geneve", "llc", "llc i", "portrange 1-2", "src or dst port 1",
        "ether host 1:2:3:4:5:6", "host ::1", "ip6 net ::/0", "gateway localhost"]
IDS = ["localhost", "1", "(1)", "1.2.3.4", "::1", "(localhost or 1.2.3.4)", "not localhost", "(not 1)", "((1))", "(1 and 2)"]
TOK = ["and", "or", "not", "(", ")", "!", "&&", "||", "1", "localhost", "tcp", "host", "port", "=", ">", "+", "-", "%", "^", "*", "[", "]", ":", "len", "ip[0]", "src", "dst", "1.2.3.4", "vlan", "mask", "/", "proto", "<", "!=", "<<"]
def arith(d=0):
    r = random.random()
    if d > 3 or r < 0.3: return random.choice(["1", "len", "ip[0]", "tcp[1:2]", "0x10", "tcp-syn"])
    if r < 0.5: return "(" + arith(d+1) + ")"
    if r < 0.6: return "-" + arith(d+1)
    if r < 0.7: return "ip[" + arith(d+1) + "]"
    return arith(d+1) + " " + random.choice(["+","-","*","/","%","&","|","^","<<",">>"]) + " " + arith(d+1)
def expr(d=0):
    r = random.random()
    if d > 3 or r < 0.3: return random.choice(PRIM)
    if r < 0.4: return arith() + " " + random.choice(["=",">","<",">=","<=","!=","=="]) + " " + arith()
    if r < 0.5: return "not " + expr(d+1)
    if r < 0.6: return "(" + expr(d+1) + ")"
    if r < 0.75: return expr(d+1) + " " + random.choice(["and","or"]) + " " + random.choice(IDS)
    return expr(d+1) + " " + random.choice(["and","or","&&","||"]) + " " + expr(d+1)
def mutate(s):
    t = s.split(" ")
    op = random.random()
    i = random.randrange(len(t)+1)
    if op < 0.4: t.insert(i, random.choice(TOK))
    elif op < 0.7 and t: del t[min(i, len(t)-1)]
    elif t: t[min(i,len(t)-1)] = random.choice(TOK)
    return " ".join(t)
def main():
    random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seen = set()
    for _ in range(n):
        e = expr()
        if random.random() < 0.6:
            e = mutate(e)
        if random.random() < 0.3:
            e = mutate(e)
        if e not in seen:
            seen.add(e)
            print(e)


if __name__ == "__main__":
    main()
