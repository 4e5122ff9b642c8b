#!/usr/bin/env bash
# Savefile round trip against tcpdump: for every capture in the corpus,
# `tcpdump -r F -w T` and `bpfcap -r F -w B` must exit with the same status
# and write byte-identical files. Prints each difference and "N/M identical".
#
# Usage: scripts/compare_rw.sh [BIN] [DIR...]
#   BIN defaults to target/release/bpfcap (built if missing); DIRs default
#   to the corpus's pcaps/ and filter-pcaps/.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/target/release/bpfcap}
shift || true
CORPUS=${BPFCAP_CORPUS:-/work/shared/corpus}
DIRS=("$@")
[ ${#DIRS[@]} -gt 0 ] || DIRS=("$CORPUS/pcaps" "$CORPUS/filter-pcaps")
[ -x "$BIN" ] || (cd "$ROOT" && cargo build --release --quiet --bin bpfcap)

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0 m=0
for dir in "${DIRS[@]}"; do
    for f in "$dir"/*; do
        [ -f "$f" ] || continue
        m=$((m + 1))
        rm -f "$TMP/t" "$TMP/b"
        tcpdump -r "$f" -w "$TMP/t" >/dev/null 2>&1
        ts=$?
        "$BIN" -r "$f" -w "$TMP/b" >/dev/null 2>"$TMP/err"
        bs=$?
        if [ "$ts" != "$bs" ]; then
            echo "DIFF status tcpdump=$ts bpfcap=$bs: $f ($(head -c 200 "$TMP/err"))"
        elif [ -f "$TMP/t" ] && [ ! -f "$TMP/b" ]; then
            echo "DIFF output presence (tcpdump wrote one): $f"
        elif [ ! -f "$TMP/t" ] && [ -f "$TMP/b" ]; then
            echo "DIFF output presence (bpfcap wrote one): $f"
        elif [ -f "$TMP/t" ] && ! cmp -s "$TMP/t" "$TMP/b"; then
            echo "DIFF bytes: $f"
        else
            n=$((n + 1))
        fi
    done
done
echo "$n/$m identical"
