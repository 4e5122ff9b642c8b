#!/usr/bin/env python3
"""Record tcpdump's programs for the property test's fixed expression list.

The expressions come from the Rust generator in tests/util (seed SEED_REFS in
tests/property.rs), dumped by an ignored test, so that the stored references
cover the same language as the live property tests. For each (DLT, EXPR) it
runs the installed tcpdump (the oracle) twice:

    tcpdump -y DLT -s 262144 -ddd -- EXPR      (optimized)
    tcpdump -y DLT -s 262144 -O -ddd -- EXPR   (unoptimized)

and writes tests/data/property/refs.tsv, one line per case:

    SEED<TAB>DLT<TAB>EXPR<TAB>OPT<TAB>UNOPT

where OPT/UNOPT are the -ddd lines joined by ',' or "error: MESSAGE" (the
last `tcpdump: ` line tcpdump printed).

Usage: scripts/gen_property_refs.py [N]     (default 400 expressions)
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "property", "refs.tsv")


def tcpdump(dlt, expr, optimize):
    cmd = ["tcpdump", "-y", dlt, "-s", "262144"]
    if not optimize:
        cmd.append("-O")
    cmd += ["-ddd", "--", expr]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        msgs = [l[len("tcpdump: "):] for l in p.stderr.splitlines() if l.startswith("tcpdump: ")]
        return "error: " + (msgs[-1] if msgs else "unknown error")
    return ",".join(l.strip() for l in p.stdout.splitlines() if l.strip())


def main():
    n = sys.argv[1] if len(sys.argv) > 1 else "400"
    with tempfile.NamedTemporaryFile("r", suffix=".tsv", delete=False) as f:
        dump = f.name
    env = dict(os.environ, BPFCAP_PROPTEST_DUMP=dump, BPFCAP_PROPTEST_CASES=n)
    subprocess.run(
        ["cargo", "test", "-q", "--test", "property", "--", "--ignored", "dump_expressions_for_refs"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    with open(dump) as f:
        cases = [l.rstrip("\n").split("\t", 2) for l in f if l.strip()]
    os.unlink(dump)
    version = subprocess.run(["tcpdump", "--version"], capture_output=True, text=True).stdout
    version = " / ".join(l.strip() for l in version.splitlines()[:2])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as out:
        out.write(f"# Written by scripts/gen_property_refs.py from {version}\n")
        out.write("# SEED\tDLT\tEXPR\tOPT (tcpdump -ddd)\tUNOPT (tcpdump -O -ddd)\n")
        for seed, dlt, expr in cases:
            out.write(f"{seed}\t{dlt}\t{expr}\t{tcpdump(dlt, expr, True)}\t{tcpdump(dlt, expr, False)}\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
