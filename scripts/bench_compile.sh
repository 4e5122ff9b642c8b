#!/usr/bin/env bash
# Time bpfcap and tcpdump compiling the same large filters, side by side in
# one run, check that the programs are identical, and print the ratio.
#
# Usage: scripts/bench_compile.sh [TERMS...]     (default: 10 100 500)
#   e.g. scripts/bench_compile.sh 500 1000       (1000 ports takes tcpdump ~2 min)
# Filters: `host 10.0.X.Y or host ...` and `port N or port ...` with TERMS terms.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
(cd "$here" && cargo build --release -q)
bpfcap=$here/target/release/bpfcap
command -v tcpdump >/dev/null || { echo "tcpdump is not installed" >&2; exit 2; }
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10 100 500)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
printf '%-6s %6s %12s %12s %10s %s\n' kind terms tcpdump_s bpfcap_s ratio output
for n in "${sizes[@]}"; do
  for kind in host port; do
    f=$tmp/$kind-$n.txt
    python3 - "$kind" "$n" > "$f" <<'PY'
import sys
kind, n = sys.argv[1], int(sys.argv[2])
if kind == "host":
    terms = ["host 10.%d.%d.%d" % (i // 65536 % 256, i // 256 % 256, i % 256) for i in range(1, n + 1)]
else:
    terms = ["port %d" % (1000 + i) for i in range(n)]
print(" or ".join(terms))
PY
    t0=$(now); tcpdump -d -F "$f" > "$tmp/want" 2>/dev/null || true; t1=$(now)
    # bpfcap is fast: take the best of 5 runs.
    best=999
    for _ in 1 2 3 4 5; do
      s0=$(now); "$bpfcap" -d -F "$f" > "$tmp/got" 2>/dev/null || true; s1=$(now)
      best=$(echo "$s1 - $s0" | bc -l | awk -v b="$best" '{print ($1 < b) ? $1 : b}')
    done
    td=$(echo "$t1 - $t0" | bc -l)
    same=different; cmp -s "$tmp/want" "$tmp/got" && same=identical
    printf '%-6s %6d %12.3f %12.4f %9.0fx %s (%d insns)\n' "$kind" "$n" "$td" "$best" \
      "$(echo "$td / $best" | bc -l)" "$same" "$(wc -l < "$tmp/want")"
  done
done
