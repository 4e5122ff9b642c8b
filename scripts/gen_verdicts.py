#!/usr/bin/env python3
"""Record tcpdump's offline filter verdicts for bpfcap's differential tests.

For every (savefile, expression) pair this runs tcpdump 4.99.3 as a black
box and stores, in tests/data/, which packets it keeps and the programs it
compiled, so that `cargo test` needs no tcpdump:

  tests/data/offline_programs.tsv   id <TAB> `tcpdump -r F -ddd EXPR` as
                                    "code jt jf k,code jt jf k,...", where
                                    "6 0 0 S" is `ret #snaplen` (the file's)
  tests/data/offline_verdicts.tsv   set, file, expression, linktype, snaplen,
                                    packets, read error, optimized program id,
                                    unoptimized (-O) program id, kept packets

The kept packets are the indices (0-based, as ranges "0-3,7") of the input
packets whose records appear in `tcpdump -r F -w - EXPR`. They are found by
matching the output records, in order, against `tcpdump -r F -w -` (the
whole file as tcpdump reads it). "packets" is how many packets tcpdump read
before the end or a read error; "read error" is tcpdump's message ("-" if
none, "pcap_loop: " removed). When tcpdump refuses the expression for the file, the program ids are
"ERR" and the last column holds its message.

Sets:
  apply   /work/shared/corpus/libpcap-apply.tsv over filter-pcaps/
  corpus  EXPRESSIONS below over a selection of corpus/pcaps/
  cut     truncated copies of some of those ("FILE@BYTES": the first BYTES)

Usage: scripts/gen_verdicts.py [--corpus DIR] [--max-files N]
       (the corpus defaults to $BPFCAP_CORPUS, else ../shared/corpus)
       scripts/gen_verdicts.py --linktype-names   (regenerates src/offline/names.rs)
"""

import argparse
import os
import re
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Everyday expressions for the corpus set.
EXPRESSIONS = [
    "ip",
    "ip6",
    "arp",
    "tcp",
    "udp",
    "icmp",
    "icmp6",
    "tcp port 80",
    "port 53",
    "udp port 53",
    "tcp dst port 443",
    "portrange 1-1023",
    "udp portrange 5000-6000",
    "host 192.168.1.1",
    "net 10.0.0.0/8",
    "src net 192.168.0.0/16",
    "tcp[tcpflags] & tcp-syn != 0",
    "tcp[13] & 2 != 0",
    "less 100",
    "greater 1000",
    "len > 500",
    "ether broadcast",
    "ether multicast",
    "ip multicast",
    "vlan",
    "vlan and ip",
    "mpls",
    "pppoes",
    "ip proto 47",
    "ip[6:2] & 0x1fff != 0",
    "tcp and not port 22",
    "not ip",
    "udp and (port 67 or port 68)",
    "ip6 and tcp",
    "icmp[icmptype] = icmp-echo",
    "ip protochain 6",
    "ip6 protochain 17",
    "ether proto 0x88cc",
]


def run(args, stdin=None):
    p = subprocess.run(args, capture_output=True, stdin=stdin)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def last_error(stderr):
    """tcpdump's error line, without the 'tcpdump: ' prefix."""
    for line in reversed(stderr.splitlines()):
        if line.startswith("tcpdump: "):
            msg = line[len("tcpdump: "):]
            return msg.replace("pcap_loop: ", "")
    return None


def records(pcap):
    """(header fields, [(ts_sec, ts_usec, caplen, wirelen, data)]) of a pcap
    that tcpdump wrote (little-endian, microseconds)."""
    if len(pcap) < 24:
        return None, []
    linktype = struct.unpack("<I", pcap[20:24])[0]
    snaplen = struct.unpack("<I", pcap[16:20])[0]
    out = []
    off = 24
    while off + 16 <= len(pcap):
        s, us, cap, wire = struct.unpack("<IIII", pcap[off:off + 16])
        data = pcap[off + 16:off + 16 + cap]
        out.append((s, us, cap, wire, data))
        off += 16 + cap
    return (linktype, snaplen), out


def ranges(idx):
    if not idx:
        return "-"
    out = []
    start = prev = idx[0]
    for i in idx[1:]:
        if i == prev + 1:
            prev = i
            continue
        out.append(f"{start}-{prev}" if prev > start else f"{start}")
        start = prev = i
    out.append(f"{start}-{prev}" if prev > start else f"{start}")
    return ",".join(out)


def program(path, expr, optimize, programs):
    args = ["tcpdump", "-r", path, "-ddd"] + ([] if optimize else ["-O"]) + [expr]
    rc, out, err = run(args)
    if rc != 0:
        return None, last_error(err) or f"tcpdump exited {rc}"
    lines = out.decode().split("\n")
    n = int(lines[0])
    snaplen = snaplen_of(path)
    # `ret #snaplen` is written "6 0 0 S" so that files with different
    # snapshot lengths share programs.
    insns = [("6 0 0 S" if l == f"6 0 0 {snaplen}" else l) for l in lines[1:1 + n]]
    text = ",".join(insns)
    if text not in programs:
        programs[text] = len(programs)
    return programs[text], None


SNAPLENS = {}


def snaplen_of(path):
    return SNAPLENS[path]


class Whole:
    """Everything tcpdump reads from one savefile, cached."""

    def __init__(self, path):
        rc, out, err = run(["tcpdump", "-r", path, "-w", "-"])
        self.header, self.records = records(out)
        self.error = last_error(err) if rc != 0 else None
        if self.header is not None:
            SNAPLENS[path] = self.header[1]


def verdict(path, expr, whole, programs):
    popt, err = program(path, expr, True, programs)
    if err is not None:
        return ("ERR", "ERR", err)
    punopt, err = program(path, expr, False, programs)
    if err is not None:
        return ("ERR", "ERR", err)
    rc, out, err = run(["tcpdump", "-r", path, "-w", "-", expr])
    _, kept = records(out)
    idx = []
    j = 0
    for rec in kept:
        while j < len(whole.records) and whole.records[j] != rec:
            j += 1
        if j == len(whole.records):
            sys.exit(f"{path} {expr!r}: an output record is not in the input")
        idx.append(j)
        j += 1
    return (str(popt), str(punopt), ranges(idx))


def linktype_names():
    """Writes src/offline/names.rs from tcpdump's 'reading from file' lines."""
    rows = []
    tmp = os.path.join(ROOT, "target", "lt.pcap")
    os.makedirs(os.path.dirname(tmp), exist_ok=True)
    for lt in range(0, 300):
        with open(tmp, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 100, lt))
        _, _, err = run(["tcpdump", "-r", tmp, "-w", "/dev/null"])
        m = re.search(r"link-type (.*), snapshot", err)
        if m and not re.fullmatch(r"\d+", m.group(1)):
            rows.append((lt, m.group(1)))
    path = os.path.join(ROOT, "src", "offline", "names.rs")
    with open(path, "w") as f:
        f.write(NAMES_HEAD)
        for lt, d in rows:
            f.write('    (%d, "%s"),\n' % (lt, d.replace('"', '\\"')))
        f.write(NAMES_TAIL)
    print(f"wrote {path}: {len(rows)} link types")


NAMES_HEAD = """//! How tcpdump names a savefile's link type in its "reading from file"
//! line: `NAME (description)` for the values it knows, the number
//! otherwise. The table was recorded from tcpdump 4.99.3's output for each
//! link-type value by `scripts/gen_verdicts.py --linktype-names`.

/// `(LINKTYPE value, "NAME (description)")`, in value order.
#[rustfmt::skip]
const NAMES: &[(u32, &str)] = &[
"""

NAMES_TAIL = """];

/// The link-type text of tcpdump's "reading from file" line for the
/// link-type field of a savefile (flag bits in the upper half ignored).
pub fn describe(linktype: u32) -> String {
    let lt = linktype & 0xffff;
    match NAMES.binary_search_by_key(&lt, |&(v, _)| v) {
        Ok(i) => NAMES[i].1.to_string(),
        Err(_) => lt.to_string(),
    }
}
"""


def main():
    ap = argparse.ArgumentParser()
    default = os.environ.get("BPFCAP_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--corpus", default=default)
    ap.add_argument("--max-files", type=int, default=200)
    ap.add_argument("--linktype-names", action="store_true")
    a = ap.parse_args()
    if a.linktype_names:
        linktype_names()
        return
    corpus = os.path.normpath(a.corpus)
    programs = {}
    rows = []

    def add(setname, rel, path, exprs):
        whole = Whole(path)
        if whole.header is None:
            # tcpdump cannot open it at all: record the error once.
            rows.append((setname, rel, "", "-", "-", "0", whole.error or "unreadable",
                         "ERR", "ERR", "-"))
            return
        lt, snap = whole.header
        for expr in exprs:
            popt, punopt, kept = verdict(path, expr, whole, programs)
            rows.append((setname, rel, expr, str(lt), str(snap), str(len(whole.records)),
                         whole.error or "-", popt, punopt, kept))

    apply_tsv = os.path.join(corpus, "libpcap-apply.tsv")
    by_file = {}
    with open(apply_tsv) as f:
        next(f)
        for line in f:
            fname, expr = line.rstrip("\n").split("\t", 1)
            by_file.setdefault(fname, []).append(expr)
    for fname in sorted(by_file):
        add("apply", "filter-pcaps/" + fname, os.path.join(corpus, "filter-pcaps", fname),
            by_file[fname])
        print(f"apply {fname}", file=sys.stderr)

    files = sorted(os.listdir(os.path.join(corpus, "pcaps")))
    files = [f for f in files if os.path.getsize(os.path.join(corpus, "pcaps", f)) <= 200_000]
    step = max(1, len(files) // a.max_files)
    for fname in files[::step][:a.max_files]:
        add("corpus", "pcaps/" + fname, os.path.join(corpus, "pcaps", fname), EXPRESSIONS)
        print(f"corpus {fname}", file=sys.stderr)

    # Damaged copies: the first 2/3 (rounded to an odd byte count) of some
    # captures, named "FILE@BYTES"; the tests cut the same bytes.
    tmp = os.path.join(ROOT, "target", "cut")
    os.makedirs(tmp, exist_ok=True)
    for fname in files[::max(1, len(files) // 25)][:25]:
        with open(os.path.join(corpus, "pcaps", fname), "rb") as f:
            b = f.read()
        n = (len(b) * 2 // 3) | 1
        cut = os.path.join(tmp, fname)
        with open(cut, "wb") as f:
            f.write(b[:n])
        add("cut", f"pcaps/{fname}@{n}", cut, ["ip", "tcp", "udp"])
        print(f"cut {fname}", file=sys.stderr)

    data = os.path.join(ROOT, "tests", "data")
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(data, "offline_programs.tsv"), "w") as f:
        f.write("# id\tprogram (tcpdump -ddd: code jt jf k, comma-separated)\n")
        for text, pid in sorted(programs.items(), key=lambda kv: kv[1]):
            f.write(f"{pid}\t{text}\n")
    with open(os.path.join(data, "offline_verdicts.tsv"), "w") as f:
        f.write("# set\tfile\texpression\tlinktype\tsnaplen\tpackets\tread_error\t"
                "prog_opt\tprog_unopt\tkept\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} verdicts, {len(programs)} programs", file=sys.stderr)


if __name__ == "__main__":
    main()
