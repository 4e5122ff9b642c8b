#!/usr/bin/env bash
# Compares `bpfcap -n -r F` with `TZ=UTC tcpdump -n -r F` over every capture
# in the corpus: per-capture identical/total lines, a grand total, and a
# rough histogram of the tcpdump lines bpfcap does not reproduce, keyed by
# the first word after the address part (or after the link layer).
# Usage: scripts/compare_print.sh [-q] [BPFCAP] [PCAP_DIR]   (-q: totals only)
# Extra printing options for both tools go in $OPTS (OPTS=-v, OPTS="-e -x").
set -u
quiet=0
if [ "${1:-}" = "-q" ]; then quiet=1; shift; fi
BPFCAP=${1:-target/release/bpfcap}
DIR=${2:-/work/shared/corpus/pcaps}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/miss"
tot_same=0; tot_all=0
for f in "$DIR"/*; do
    [ -f "$f" ] || continue
    # shellcheck disable=SC2086
    TZ=UTC timeout 20 tcpdump -n ${OPTS:-} -r "$f" 2>/dev/null >"$tmp/t"
    # shellcheck disable=SC2086
    timeout 20 "$BPFCAP" -n ${OPTS:-} -r "$f" 2>/dev/null >"$tmp/b"
    all=$(wc -l <"$tmp/t")
    # Identical lines are those diff keeps in common, so that one packet
    # printed as several lines (a hex dump) does not shift the rest.
    diff "$tmp/t" "$tmp/b" | sed -n 's/^< //p' >"$tmp/m"
    same=$((all - $(wc -l <"$tmp/m")))
    cat "$tmp/m" >>"$tmp/miss"
    tot_same=$((tot_same + same)); tot_all=$((tot_all + all))
    [ $quiet = 1 ] || printf '%6d/%-6d %s\n' "$same" "$all" "$(basename "$f")"
done
echo "TOTAL $tot_same/$tot_all identical"
[ $quiet = 1 ] && exit 0
echo "--- mismatching tcpdump lines by kind ---"
# Drop the timestamp, then key: "IP a > b: WORD" -> "IP:WORD", else first 2 words.
cut -d' ' -f2- "$tmp/miss" | awk '{
    if (($1=="IP" || $1=="IP6") && index($0, ": ")) { s=substr($0, index($0, ": ")+2); split(s, w, /[ ,]/); k=$1 ":" w[1] }
    else k=$1 " " $2
    print k }' | sort | uniq -c | sort -rn | head -60
