#!/usr/bin/env bash
# Live-capture benchmark: bpfcap against tcpdump on the same traffic.
#
# Two network namespaces joined by a veth pair; a constant-rate sender
# (examples/bench_capture_sender.rs) in one, the capture tool in the other
# writing a savefile to disk. For each run it prints frames sent, packets
# captured, packets dropped by the kernel, and the capture process's CPU
# time (from /proc/PID/schedstat, nanosecond resolution) and CPU time per
# captured packet.
#
# Usage (as root): scripts/bench_capture.sh [SECONDS] [OUTDIR]
#   SECONDS  length of each sending run (default 5)
#   OUTDIR   where savefiles go; must be on disk (default /var/tmp/bpfcap-bench)
# Environment: RUNS="rate:size ..." overrides the default matrix; ROUNDS
# repeats it (default 1). The sender reports the rate it really achieved:
# on a loaded machine it can fall short of the requested one.
set -euo pipefail

SECS=${1:-5}
OUT=${2:-/var/tmp/bpfcap-bench}
RUNS=${RUNS:-"200000:1514 300000:1514 300000:60"}
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
    echo "bench_capture.sh: needs root (network namespaces, packet sockets)" >&2
    exit 1
fi
command -v tcpdump >/dev/null || { echo "tcpdump not installed" >&2; exit 1; }

cargo build --release --quiet --bin bpfcap --example bench_capture_sender
BPFCAP=$PWD/target/release/bpfcap
SENDER=$PWD/target/release/examples/bench_capture_sender

ID=$$
NSA=bcbA$ID; NSB=bcbB$ID; VA=bcva$ID; VB=bcvb$ID
cleanup() {
    ip netns del "$NSA" 2>/dev/null || true
    ip netns del "$NSB" 2>/dev/null || true
    rm -rf "$OUT"
}
trap cleanup EXIT
ip netns add "$NSA"; ip netns add "$NSB"
ip -n "$NSA" link add "$VA" type veth peer name "$VB" netns "$NSB"
for ns in "$NSA" "$NSB"; do
    ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
    ip netns exec "$ns" sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
done
ip -n "$NSA" link set "$VA" up; ip -n "$NSB" link set "$VB" up
mkdir -p "$OUT"

cpu_ns() { # total on-CPU time of all threads of PID, in ns
    local t=0 s
    for s in /proc/"$1"/task/*/schedstat; do t=$((t + $(cut -d' ' -f1 "$s"))); done
    echo "$t"
}

# run NAME RATE SIZE CMD...: one measurement.
run() {
    local name=$1 rate=$2 size=$3; shift 3
    local err=$OUT/err.txt
    rm -f "$OUT"/cap.pcap*
    ip netns exec "$NSB" "$@" -i "$VB" -w "$OUT/cap.pcap" 2>"$err" &
    local pid=$!
    for _ in $(seq 100); do grep -q "listening on" "$err" && break; sleep 0.05; done
    sleep 0.5
    local c0; c0=$(cpu_ns $pid)
    local sent; sent=$("$SENDER" "$NSA" "$VA" "$rate" "$size" "$SECS" 2>"$OUT/sender.txt")
    local achieved; achieved=$(sed -n 's/.*(\([0-9]*\)\/s).*/\1/p' "$OUT/sender.txt")
    sleep 1
    local c1; c1=$(cpu_ns $pid)
    kill -INT $pid; wait $pid || true
    local cap drop
    cap=$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured/\1/p' "$err")
    drop=$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel/\1/p' "$err")
    local cpu=$((c1 - c0))
    printf "%-17s %6s/s (achieved %6s/s) %4s B  sent %8s  captured %8s  dropped %7s  cpu %6.3f s %7.1f ns/pkt\n" \
        "$name" "$rate" "$achieved" "$size" "$sent" "$cap" "$drop" \
        "$(echo "$cpu / 1000000000" | bc -l)" "$(echo "$cpu / ($cap + ($cap == 0))" | bc -l)"
}

echo "# $(date -u +%FT%TZ) $(uname -r), $(nproc) CPUs, ${SECS}s per run, savefiles in $OUT"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "${ROUNDS:-1}"); do
    for r in $RUNS; do
        rate=${r%%:*}; size=${r##*:}
        run "bpfcap" "$rate" "$size" "$BPFCAP"
        run "tcpdump" "$rate" "$size" tcpdump -Z root
        run "tcpdump -B 65536" "$rate" "$size" tcpdump -Z root -B 65536
    done
done
