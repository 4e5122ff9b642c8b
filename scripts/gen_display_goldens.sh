#!/bin/sh
# Regenerates the packet-printer goldens: for every case in
# tests/data/display/cases.tsv (ID, FILE, OPTIONS) it runs
#     TZ=UTC tcpdump -n OPTIONS -r FILE
# and stores stdout in tests/data/display/golden/ID.out.
#
# FILE is either a path relative to the repository root (the synthetic
# captures in captures/display/, rebuilt first by gen_display_captures.py)
# or corpus/NAME, read from the shared corpus ($BPFCAP_CORPUS, or
# ../shared/corpus/pcaps, or ../../shared/corpus/pcaps).
#
# The oracle is tcpdump 4.99.3 / libpcap 1.10.3. Run from the repo root.
set -eu
cd "$(dirname "$0")/.."
python3 scripts/gen_display_captures.py
python3 scripts/gen_wlan_captures.py
python3 scripts/gen_tunnel_captures.py
corpus=${BPFCAP_CORPUS:-}
for c in ../shared/corpus/pcaps ../../shared/corpus/pcaps; do
    [ -z "$corpus" ] && [ -d "$c" ] && corpus=$c
done
out=tests/data/display/golden
mkdir -p "$out"
tcpdump --version 2>&1 | head -2 > "$out/VERSION"
grep -v '^#' tests/data/display/cases.tsv | while IFS='	' read -r id file opts; do
    [ -z "$id" ] && continue
    case "$file" in
        corpus/*)
            if [ -z "$corpus" ]; then
                echo "skip $id: corpus not found" >&2
                continue
            fi
            path="$corpus/${file#corpus/}" ;;
        *) path=$file ;;
    esac
    # A TZ=ZONE word in the options sets tcpdump's time zone (UTC otherwise).
    tz=UTC
    case " $opts " in *" TZ="*) tz=$(echo "$opts" | sed 's/.*TZ=\([^ ]*\).*/\1/'); opts=$(echo "$opts" | sed 's/TZ=[^ ]*//') ;; esac
    # shellcheck disable=SC2086
    TZ=$tz tcpdump -n $opts -r "$path" > "$out/$id.out" 2>/dev/null || true
done
echo "goldens written to $out"
