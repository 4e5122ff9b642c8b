#!/usr/bin/env python3
"""Generate optimizer test pairs from the installed tcpdump (the oracle).

For every (dlt, snaplen, expression) it records libpcap's UNOPTIMIZED program
(`tcpdump -O -ddd`, which the optimizer tests turn back into a CFG) and the
OPTIMIZED listing (`tcpdump -d`, or the error tcpdump printed, e.g.
`expression rejects all packets`).  Expressions that tcpdump cannot compile
even unoptimized are not optimizer cases and are left out.

Usage:
  scripts/gen_opt_pairs.py corpus  [TSV] > tests/data/opt-pairs/corpus.txt
  scripts/gen_opt_pairs.py corpus tests/data/opt-exprs/quirks.tsv > tests/data/opt-pairs/quirks.txt
  scripts/gen_opt_pairs.py hosts N > tests/data/opt-pairs/hosts-N.txt
  scripts/gen_opt_pairs.py ports N > tests/data/opt-pairs/ports-N.txt

Output format, one record per case:
  === DLT SNAPLEN
  EXPRESSION
  --- unopt
  <tcpdump -O -ddd lines>
  --- opt
  <tcpdump -d lines, or "error: MESSAGE">
"""
import os
import subprocess
import sys
import tempfile


def run(dlt, snaplen, expr, flags):
    with tempfile.NamedTemporaryFile("w", suffix=".flt", delete=False) as f:
        f.write(expr)
        path = f.name
    try:
        p = subprocess.run(
            ["tcpdump", "-y", dlt, "-s", str(snaplen)] + flags + ["-F", path],
            capture_output=True, text=True, timeout=7200)
    finally:
        os.unlink(path)
    if p.returncode != 0:
        msg = p.stderr.strip().splitlines()
        msg = [m for m in msg if m.startswith("tcpdump: ")]
        return None, (msg[-1][len("tcpdump: "):] if msg else "unknown error")
    return p.stdout, None


def record(dlt, snaplen, expr, out):
    unopt, err = run(dlt, snaplen, expr, ["-O", "-ddd"])
    if unopt is None:
        return False
    opt, err = run(dlt, snaplen, expr, ["-d"])
    out.write(f"=== {dlt} {snaplen}\n{expr}\n--- unopt\n{unopt}--- opt\n")
    out.write(opt if opt is not None else f"error: {err}\n")
    return True


def main():
    mode = sys.argv[1]
    out = sys.stdout
    if mode == "corpus":
        tsv = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/corpus/libpcap-accept.tsv"
        seen = set()
        with open(tsv) as f:
            next(f)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3:
                    parts += [""] * (3 - len(parts))
                dlt, snaplen, expr = parts[0], parts[1], parts[2]
                if "\n" in expr or (dlt, snaplen, expr) in seen:
                    continue
                seen.add((dlt, snaplen, expr))
                record(dlt, snaplen, expr, out)
    elif mode in ("hosts", "ports"):
        n = int(sys.argv[2])
        if mode == "hosts":
            terms = [f"host 10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}" for i in range(1, n + 1)]
        else:
            terms = [f"port {i}" for i in range(1, n + 1)]
        record("EN10MB", 262144, " or ".join(terms), out)
    else:
        sys.exit("usage: gen_opt_pairs.py corpus|hosts N|ports N")


if __name__ == "__main__":
    main()
