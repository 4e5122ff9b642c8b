#!/bin/sh
# Packet-printer benchmark: bpfcap vs tcpdump printing the same savefile.
#
#   scripts/bench_print.sh            # run from the repository root
#
# Generates (once, under target/bench_print/) a 1,000,000-packet mixed
# capture and a 200,000-packet capture in which every packet has distinct
# addresses, then times, in one run,
#     bpfcap  -n -r FILE > /dev/null
#     TZ=UTC tcpdump -n -r FILE > /dev/null
# and prints the ratio. Until the offline reader prints packets itself
# (`bpfcap -r F` without -w), the bpfcap side runs the same printer through
# the `display_print` example (`bpfcap::display::print_savefile`).
set -eu
cd "$(dirname "$0")/.."
dir=target/bench_print
mkdir -p "$dir"
[ -s "$dir/mixed.pcap" ] || python3 scripts/bench_print_gen.py mixed 1000000 "$dir/mixed.pcap"
[ -s "$dir/distinct.pcap" ] || python3 scripts/bench_print_gen.py distinct 200000 "$dir/distinct.pcap"
cargo build --release --quiet --bin bpfcap --example display_print
bpfcap="target/release/bpfcap -n -r"
if ! target/release/bpfcap -n -c 1 -r "$dir/distinct.pcap" >/dev/null 2>&1; then
    bpfcap="target/release/examples/display_print -n"
fi
# Prints "WALL CPU" seconds for a command (CPU = user + system), so that a
# machine busy with other work still gives a meaningful ratio.
run() {
    /usr/bin/time -f '%e %U %S' -o "$dir/time.txt" "$@" > /dev/null 2>&1 || true
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$dir/time.txt"
}
echo "bpfcap command: $bpfcap FILE"
echo "tcpdump command: TZ=UTC tcpdump -n -r FILE"
for f in mixed distinct; do
    n=$(TZ=UTC tcpdump -n -r "$dir/$f.pcap" 2>/dev/null | wc -l)
    # shellcheck disable=SC2086
    set -- $(run $bpfcap "$dir/$f.pcap")
    bw=$1 bc=$2
    set -- $(TZ=UTC run tcpdump -n -r "$dir/$f.pcap")
    tw=$1 tc=$2
    printf '%-9s %8d packets  wall: bpfcap %5.2fs tcpdump %5.2fs (%4.1fx)  cpu: bpfcap %5.2fs tcpdump %5.2fs (%4.1fx)\n' \
        "$f" "$n" "$bw" "$tw" "$(echo "$tw / $bw" | bc -l)" "$bc" "$tc" "$(echo "$tc / $bc" | bc -l)"
done
