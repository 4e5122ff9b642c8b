#!/usr/bin/env python3
"""Writes randomly damaged copies of the corpus's classic pcap captures,
for checking the packet printer on input it has never seen:

    python3 scripts/mutate_captures.py SEED OUTDIR [PCAP_DIR]
    scripts/compare_print.sh target/release/bpfcap OUTDIR

Each capture keeps its first 50 packets; in each packet 1 to 4 random
bytes are overwritten, and three packets in ten are also cut short at a
random point (the record's original length is kept, as a snapshot length
would). The same SEED always gives the same files.
"""
import glob
import os
import random
import struct
import sys

LITTLE = (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1")
BIG = (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d")


def main():
    seed, out = int(sys.argv[1]), sys.argv[2]
    src = sys.argv[3] if len(sys.argv) > 3 else "../shared/corpus/pcaps"
    random.seed(seed)
    os.makedirs(out, exist_ok=True)
    n = 0
    for path in sorted(glob.glob(os.path.join(src, "*.pcap"))):
        data = open(path, "rb").read()
        if len(data) < 24 or data[:4] not in LITTLE + BIG:
            continue
        e = "<" if data[:4] in LITTLE else ">"
        res = bytearray(data[:24])
        off, k = 24, 0
        while off + 16 <= len(data) and k < 50:
            sec, frac, incl, orig = struct.unpack(e + "IIII", data[off : off + 16])
            body = bytearray(data[off + 16 : off + 16 + incl])
            if len(body) != incl:
                break
            for _ in range(random.randint(1, 4)):
                if body:
                    body[random.randrange(len(body))] = random.randrange(256)
            if body and random.random() < 0.3:
                body = body[: random.randrange(len(body))]
            res += struct.pack(e + "IIII", sec, frac, len(body), max(orig, len(body))) + body
            off += 16 + incl
            k += 1
        open(os.path.join(out, os.path.basename(path)), "wb").write(res)
        n += 1
    print(f"{n} captures written to {out}")


if __name__ == "__main__":
    main()
