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
  built   EXPRESSIONS over tests/data/offline_built.pcap, packets built here
          (file "data/offline_built.pcap", relative to tests/; needs no corpus)

Usage: scripts/gen_verdicts.py [--corpus DIR] [--max-files N]
       (the corpus defaults to $BPFCAP_CORPUS, which may also name its pcaps/
        folder, else ../shared/corpus)
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


def build_capture(path):
    """Writes the small Ethernet capture of packets built here (the
    benchmark's templates plus edge cases), each also cut short at several
    capture lengths, to exercise out-of-range loads."""
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    import gen_big_capture as g

    a, b = [10, 1, 2, 3], [192, 168, 1, 1]
    a6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [1]
    b6 = [0xff, 0x02] + [0] * 13 + [1]
    m1, m2 = "001122334455", "66778899aabb"
    pk = list(g.templates())
    # IPv4 fragment (offset 185*8) of a TCP port 80 segment.
    frag = bytearray(g.ipv4(a, b, 6, g.tcp(1234, 80, 0x10)))
    frag[6:8] = (0x2000 | 185).to_bytes(2, "big")
    pk.append(g.eth(m1, m2, 0x0800, bytes(frag)))
    # IPv4 header with options (IHL 6), TCP to port 80.
    t = g.tcp(1234, 80, 0x02)
    h = bytearray(g.ipv4(a, b, 6, b"\0" * 4 + t)[:20])
    h[0] = 0x46
    pk.append(g.eth(m1, m2, 0x0800, bytes(h) + b"\x01\x01\x01\x00" + t))
    # IPv6 hop-by-hop header, then UDP to port 53; IPv6 multicast.
    hbh = bytes([17, 0, 1, 4, 0, 0, 0, 0])
    pk.append(g.eth("333300000001", m2, 0x86DD, g.ipv6(a6, b6, 0, hbh + g.udp(5353, 53, b"q" * 12))))
    # IPv4 AH, then TCP SYN to port 80.
    ah = bytes([6, 4, 0, 0]) + b"\0" * 20
    pk.append(g.eth(m1, m2, 0x0800, g.ipv4(a, b, 51, ah + g.tcp(1234, 80, 0x02))))
    # 802.1Q with UDP DNS; MPLS with IPv4; PPPoE session with IPv4 TCP.
    pk.append(g.eth(m1, m2, 0x0800, g.ipv4(a, b, 17, g.udp(5000, 53, b"d" * 20)), vlan=7))
    pk.append(g.eth(m1, m2, 0x8847, bytes([0, 0x10, 0x11, 64]) + g.ipv4(a, b, 6, g.tcp(1, 80, 2))))
    ip = g.ipv4(a, b, 6, g.tcp(1, 22, 0x18, b"s" * 30))
    pppoe = bytes([0x11, 0, 0, 1]) + (len(ip) + 2).to_bytes(2, "big") + b"\x00\x21" + ip
    pk.append(g.eth(m1, m2, 0x8864, pppoe))
    # Broadcast and multicast destinations, IPv4 multicast, GRE, LLDP.
    pk.append(g.eth("ffffffffffff", m1, 0x0800, g.ipv4(a, [255, 255, 255, 255], 17, g.udp(68, 67, b"b" * 240))))
    pk.append(g.eth("01005e000001", m1, 0x0800, g.ipv4(a, [224, 0, 0, 1], 2, b"\x11" + b"\0" * 7)))
    pk.append(g.eth(m1, m2, 0x0800, g.ipv4(a, b, 47, b"\0\0\x08\x00" + g.ipv4(b, a, 1, b"\x08" + b"\0" * 7))))
    pk.append(g.eth("0180c200000e", m1, 0x88CC, b"\x02\x07\x04" + b"\0" * 40))
    # Long packets: TCP port 80 with 1200 bytes of payload, UDP 600.
    pk.append(g.eth(m1, m2, 0x0800, g.ipv4(a, b, 6, g.tcp(80, 40000, 0x18, b"h" * 1200))))
    pk.append(g.eth(m1, m2, 0x0800, g.ipv4(a, b, 17, g.udp(6000, 5500, b"u" * 600))))
    # ICMP echo reply and echo request from the other host.
    pk.append(g.eth(m2, m1, 0x0800, g.ipv4(b, a, 1, b"\x00\0\0\0\0\1\0\1" + b"p" * 20)))
    pk.append(g.eth(m2, m1, 0x0800, g.ipv4([192, 168, 7, 7], a, 1, b"\x08\0\0\0\0\1\0\1")))
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        n = 0
        for p in pk:
            for cap in (len(p), 14, 20, 24, 34, 38, 40, 54, 56):
                if cap > len(p) or (cap != len(p) and len(p) < 40):
                    continue
                f.write(struct.pack("<IIII", 1_700_000_000, n, cap, len(p)))
                f.write(p[:cap])
                n += 1
    return n


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

/// libpcap's description of a link type ("Ethernet"), or "DLT N" for one
/// it does not know, as used in its error messages.
pub fn description(linktype: u32) -> String {
    let full = describe(linktype);
    match (full.find('('), full.rfind(')')) {
        (Some(a), Some(b)) if a < b => full[a + 1..b].to_string(),
        _ => format!("DLT {full}"),
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
    if os.path.basename(corpus) == "pcaps":
        corpus = os.path.dirname(corpus)
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

    data = os.path.join(ROOT, "tests", "data")
    os.makedirs(data, exist_ok=True)
    built = os.path.join(data, "offline_built.pcap")
    n = build_capture(built)
    add("built", "data/offline_built.pcap", built, EXPRESSIONS)
    print(f"built {n} packets", file=sys.stderr)

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
