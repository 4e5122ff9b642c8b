//! Live capture, end to end: two network namespaces joined by a veth pair,
//! frames injected on one end, `bpfcap -i VETH -w FILE` on the other, and
//! the savefile compared with exactly what the filter selects (and with
//! tcpdump's savefile for the same traffic when tcpdump is installed).
//!
//! Needs root (namespaces, raw sockets); otherwise every test prints a
//! skip message and passes. Each test builds its own uniquely named
//! namespaces and a [`Netns`] guard deletes them even when the test fails.
//!
//! While the filter compiler is being written, filters are given as
//! `tcpdump -ddd` programs through the `BPFCAP_TEST_PROGRAM` hook; the
//! expression form is used as soon as `bpfcap -d` can compile it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use bpfcap::capture::{RawSender, enter_netns};

const BIN: &str = env!("CARGO_BIN_EXE_bpfcap");

/// `tcpdump -y EN10MB -ddd 'udp dst port 9999'`.
const UDP_9999: &str = "16\n40 0 0 12\n21 0 4 34525\n48 0 0 20\n21 0 11 17\n40 0 0 56\n21 8 9 9999\n\
21 0 8 2048\n48 0 0 23\n21 0 6 17\n40 0 0 20\n69 4 0 8191\n177 0 0 14\n72 0 0 16\n21 0 1 9999\n\
6 0 0 262144\n6 0 0 0\n";
/// `tcpdump -i lo -ddd 'vlan 100'` (live-Linux code: `[vlanp]`, `[vlan_tci]`).
const VLAN_100: &str = "15\n48 0 0 4294963248\n21 4 0 1\n40 0 0 12\n21 2 0 33024\n21 1 0 34984\n\
21 0 8 37120\n48 0 0 4294963248\n21 0 2 1\n48 0 0 4294963244\n5 0 0 1\n40 0 0 14\n84 0 0 4095\n\
21 0 1 100\n6 0 0 262144\n6 0 0 0\n";
/// `tcpdump -y LINUX_SLL2 -ddd 'udp dst port 9999'`.
const SLL2_UDP_9999: &str = "16\n40 0 0 0\n21 0 4 34525\n48 0 0 26\n21 0 11 17\n40 0 0 62\n\
21 8 9 9999\n21 0 8 2048\n48 0 0 29\n21 0 6 17\n40 0 0 26\n69 4 0 8191\n177 0 0 20\n72 0 0 22\n\
21 0 1 9999\n6 0 0 262144\n6 0 0 0\n";

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
        && Command::new("ip").arg("-V").output().is_ok()
}

macro_rules! require_root {
    () => {
        if !is_root() {
            eprintln!("skipped: live capture tests need root and iproute2 (ip netns)");
            return;
        }
    };
}

fn sh(args: &[&str]) {
    let st = Command::new(args[0]).args(&args[1..]).status().expect("run command");
    assert!(st.success(), "{args:?} failed");
}

/// Two namespaces `a` and `b` joined by veth `va` (in a) / `vb` (in b).
/// Dropping it deletes both namespaces, and with them the veth pair.
struct Netns {
    a: String,
    b: String,
    va: String,
    vb: String,
    dir: PathBuf,
}

static SEQ: AtomicU32 = AtomicU32::new(0);

impl Netns {
    fn new() -> Netns {
        let id = format!("{}{}", std::process::id() % 100_000, SEQ.fetch_add(1, Ordering::SeqCst));
        let n = Netns {
            a: format!("bpfcA{id}"),
            b: format!("bpfcB{id}"),
            va: format!("bva{id}"),
            vb: format!("bvb{id}"),
            dir: std::env::temp_dir().join(format!("bpfcap-capture-{id}")),
        };
        let _ = std::fs::remove_dir_all(&n.dir);
        std::fs::create_dir_all(&n.dir).unwrap();
        sh(&["ip", "netns", "add", &n.a]);
        sh(&["ip", "netns", "add", &n.b]);
        sh(&[
            "ip", "-n", &n.a, "link", "add", &n.va, "type", "veth", "peer", "name", &n.vb, "netns",
            &n.b,
        ]);
        // No IPv6: no router solicitations or MLD reports to disturb the counts.
        for ns in [&n.a, &n.b] {
            sh(&[
                "ip",
                "netns",
                "exec",
                ns,
                "sysctl",
                "-q",
                "-w",
                "net.ipv6.conf.all.disable_ipv6=1",
            ]);
            sh(&[
                "ip",
                "netns",
                "exec",
                ns,
                "sysctl",
                "-q",
                "-w",
                "net.ipv6.conf.default.disable_ipv6=1",
            ]);
        }
        sh(&["ip", "-n", &n.a, "link", "set", &n.va, "up"]);
        sh(&["ip", "-n", &n.b, "link", "set", &n.vb, "up"]);
        n
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Runs `bpfcap ARGS` in namespace b; returns once it is listening.
    fn capture(&self, args: &[&str], program: Option<&str>) -> Capture {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", &self.b, BIN]).args(args);
        if let Some(p) = program {
            cmd.env("BPFCAP_TEST_PROGRAM", p);
        }
        Capture::start(cmd, "listening on")
    }

    /// Runs tcpdump in namespace b, if installed.
    fn tcpdump(&self, args: &[&str]) -> Option<Capture> {
        Command::new("tcpdump").arg("--version").output().ok()?;
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", &self.b, "tcpdump", "-Z", "root"]).args(args);
        Some(Capture::start(cmd, "listening on"))
    }

    /// A sender on `va`, in a thread that entered namespace a.
    fn send(&self, frames: Vec<Vec<u8>>) {
        let (ns, dev) = (self.a.clone(), self.va.clone());
        thread::spawn(move || {
            enter_netns(&ns).expect("setns");
            let s = RawSender::open(&dev, true).expect("sender");
            for f in &frames {
                s.send(f).expect("send");
            }
        })
        .join()
        .unwrap();
    }

    /// Floods `frame` on `va` until the returned flag is cleared.
    fn flood(&self, frame: Vec<u8>) -> (Arc<AtomicBool>, thread::JoinHandle<u64>) {
        let run = Arc::new(AtomicBool::new(true));
        let (ns, dev, r) = (self.a.clone(), self.va.clone(), run.clone());
        let (tx, rx) = mpsc::channel();
        let h = thread::spawn(move || {
            enter_netns(&ns).expect("setns");
            let s = RawSender::open(&dev, true).expect("sender");
            let mut n = 0u64;
            while r.load(Ordering::Relaxed) {
                let _ = s.send(&frame);
                n += 1;
                if n == 1000 {
                    let _ = tx.send(());
                }
                if n.is_multiple_of(64) {
                    thread::sleep(Duration::from_micros(200));
                }
            }
            n
        });
        rx.recv_timeout(Duration::from_secs(10)).expect("flood started");
        (run, h)
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.a]).status();
        let _ = Command::new("ip").args(["netns", "del", &self.b]).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A running capture process and its collected stderr.
struct Capture {
    child: Child,
    stderr: mpsc::Receiver<String>,
}

impl Capture {
    fn start(mut cmd: Command, ready: &str) -> Capture {
        let mut child =
            cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("spawn capture");
        let err = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let (ltx, lrx) = mpsc::channel();
        thread::spawn(move || {
            let mut all = String::new();
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = ltx.send(line.clone());
                all.push_str(&line);
                all.push('\n');
            }
            let _ = tx.send(all);
        });
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lrx.recv_timeout(left) {
                Ok(l) if l.contains(ready) => break,
                Ok(_) => {}
                Err(_) => {
                    let _ = child.kill();
                    panic!("capture did not start: {:?}", rx.recv_timeout(Duration::from_secs(2)));
                }
            }
        }
        Capture { child, stderr: rx }
    }

    /// Waits (at most 15 s) for exit; returns stderr.
    fn wait(mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("capture did not finish");
            }
            thread::sleep(Duration::from_millis(20));
        }
        self.stderr.recv_timeout(Duration::from_secs(5)).unwrap_or_default()
    }

    fn interrupt(&self) {
        self.signal("INT");
    }

    fn signal(&self, sig: &str) {
        sh(&["kill", &format!("-{sig}"), &self.child.id().to_string()]);
    }
}

/// A pcap file: link type and packets (captured bytes, wire length).
fn read_pcap(path: &Path) -> (u32, Vec<(Vec<u8>, u32)>) {
    let b = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(b.len() >= 24, "{}: truncated header", path.display());
    assert_eq!(&b[0..4], &0xa1b2c3d4u32.to_ne_bytes());
    let u32_at = |o: usize| u32::from_ne_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    let linktype = u32_at(20);
    let mut pkts = Vec::new();
    let mut o = 24;
    while o < b.len() {
        assert!(o + 16 <= b.len(), "truncated record header");
        let caplen = u32_at(o + 8) as usize;
        let wire = u32_at(o + 12);
        assert!(o + 16 + caplen <= b.len(), "truncated record");
        pkts.push((b[o + 16..o + 16 + caplen].to_vec(), wire));
        o += 16 + caplen;
    }
    (linktype, pkts)
}

const DST: [u8; 6] = [0x02, 0, 0, 0, 0, 2];
const SRC: [u8; 6] = [0x02, 0, 0, 0, 0, 1];

fn ether(ty: u16, payload: &[u8]) -> Vec<u8> {
    let mut f = Vec::with_capacity(14 + payload.len());
    f.extend_from_slice(&DST);
    f.extend_from_slice(&SRC);
    f.extend_from_slice(&ty.to_be_bytes());
    f.extend_from_slice(payload);
    f
}

fn ipv4(proto: u8, l4: &[u8]) -> Vec<u8> {
    let len = (20 + l4.len()) as u16;
    let mut p = vec![0x45, 0];
    p.extend_from_slice(&len.to_be_bytes());
    p.extend_from_slice(&[0, 1, 0x40, 0, 64, proto, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
    p.extend_from_slice(l4);
    p
}

fn udp(sport: u16, dport: u16, body: &[u8]) -> Vec<u8> {
    let mut u = Vec::new();
    u.extend_from_slice(&sport.to_be_bytes());
    u.extend_from_slice(&dport.to_be_bytes());
    u.extend_from_slice(&((8 + body.len()) as u16).to_be_bytes());
    u.extend_from_slice(&[0, 0]);
    u.extend_from_slice(body);
    u
}

fn udp_frame(dport: u16, tag: u8) -> Vec<u8> {
    ether(0x0800, &ipv4(17, &udp(1234, dport, &[tag; 40])))
}

fn vlan_frame(vid: u16, inner: &[u8]) -> Vec<u8> {
    let mut f = Vec::new();
    f.extend_from_slice(&DST);
    f.extend_from_slice(&SRC);
    f.extend_from_slice(&[0x81, 0x00]);
    f.extend_from_slice(&vid.to_be_bytes());
    f.extend_from_slice(&inner[12..]);
    f
}

/// A mix of protocols: UDP to 9999 and elsewhere, TCP, ARP, IPv6/UDP,
/// and VLAN-tagged UDP to 9999 (VLAN 100) and elsewhere (VLAN 200).
fn mixed_traffic() -> Vec<Vec<u8>> {
    let tcp = {
        let mut t =
            vec![0x04, 0xd2, 0x27, 0x0f, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0x20, 0, 0, 0, 0, 0];
        t.extend_from_slice(&[7; 20]);
        ether(0x0800, &ipv4(6, &t))
    };
    let arp = ether(
        0x0806,
        &[
            0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ],
    );
    let ip6 = {
        let u = udp(1234, 9999, &[6; 40]);
        let mut p = vec![0x60, 0, 0, 0];
        p.extend_from_slice(&(u.len() as u16).to_be_bytes());
        p.extend_from_slice(&[17, 64]);
        p.extend_from_slice(&[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        p.extend_from_slice(&[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
        p.extend_from_slice(&u);
        ether(0x86dd, &p)
    };
    vec![
        udp_frame(9999, 1),
        udp_frame(53, 2),
        tcp,
        arp,
        ip6,
        vlan_frame(100, &udp_frame(9999, 3)),
        vlan_frame(200, &udp_frame(9999, 4)),
        udp_frame(9999, 5),
        vlan_frame(100, &udp_frame(53, 6)),
    ]
}

/// Whether bpfcap's compiler handles `expr` yet.
fn compiles(expr: &str, dlt: &str) -> bool {
    Command::new(BIN)
        .args(["-y", dlt, "-d", expr])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// The filter as arguments: the expression when the compiler can do it,
/// else the `-ddd` program through the hook.
fn filter<'a>(expr: &'a str, dlt: &str, ddd: &'a str) -> (Vec<&'a str>, Option<&'a str>) {
    if compiles(expr, dlt) { (vec![expr], None) } else { (vec![], Some(ddd)) }
}

#[test]
fn empty_filter_saves_every_frame_exactly_with_vlan_tags_reinserted() {
    require_root!();
    let n = Netns::new();
    let out = n.file("all.pcap");
    let frames = mixed_traffic();
    let count = frames.len().to_string();
    let cap = n.capture(&["-i", &n.vb, "-w", out.to_str().unwrap(), "-c", &count], None);
    n.send(frames.clone());
    let err = cap.wait();
    let (lt, pkts) = read_pcap(&out);
    assert_eq!(lt, 1);
    let got: Vec<Vec<u8>> = pkts.iter().map(|p| p.0.clone()).collect();
    assert_eq!(got, frames, "stderr: {err}");
    for (data, wire) in &pkts {
        assert_eq!(data.len() as u32, *wire);
    }
    assert!(err.contains(&format!("{count} packets captured")), "{err}");
}

/// Issue: "No unfiltered packets": capture starts while unrelated traffic
/// already flows, and not one unrelated frame may reach the savefile.
#[test]
fn no_unfiltered_packets_while_traffic_already_flows() {
    require_root!();
    let n = Netns::new();
    let (run, flood) = n.flood(udp_frame(7777, 9));
    let out = n.file("f.pcap");
    let (expr, prog) = filter("udp dst port 9999", "EN10MB", UDP_9999);
    let mut args = vec!["-i", n.vb.as_str(), "-w", out.to_str().unwrap(), "-c", "20"];
    args.extend(expr.iter().copied());
    let cap = n.capture(&args, prog);
    let tout = n.file("t.pcap");
    let td =
        n.tcpdump(&["-i", &n.vb, "-w", tout.to_str().unwrap(), "-c", "20", "udp dst port 9999"]);
    let wanted: Vec<Vec<u8>> = (0..20).map(|i| udp_frame(9999, i as u8)).collect();
    n.send(wanted.clone());
    let err = cap.wait();
    let td_err = td.map(|t| t.wait());
    run.store(false, Ordering::Relaxed);
    let flooded = flood.join().unwrap();
    let (_, pkts) = read_pcap(&out);
    let got: Vec<Vec<u8>> = pkts.into_iter().map(|p| p.0).collect();
    assert_eq!(got, wanted, "flooded {flooded} unrelated frames; stderr: {err}");
    if let Some(e) = td_err {
        let (_, t) = read_pcap(&tout);
        let t: Vec<Vec<u8>> = t.into_iter().map(|p| p.0).collect();
        assert_eq!(got, t, "tcpdump disagrees: {e}");
    }
}

#[test]
fn live_vlan_filter_selects_tagged_frames_and_keeps_their_tags() {
    require_root!();
    let n = Netns::new();
    let out = n.file("v.pcap");
    let frames = mixed_traffic();
    let wanted: Vec<Vec<u8>> =
        frames.iter().filter(|f| f[12..16] == [0x81, 0, 0, 100]).cloned().collect();
    assert_eq!(wanted.len(), 2);
    let cap = n.capture(&["-i", &n.vb, "-w", out.to_str().unwrap(), "-c", "2"], Some(VLAN_100));
    n.send(frames);
    let err = cap.wait();
    let (_, pkts) = read_pcap(&out);
    let got: Vec<Vec<u8>> = pkts.into_iter().map(|p| p.0).collect();
    assert_eq!(got, wanted, "{err}");
}

#[test]
fn any_device_writes_sll2_headers_and_filters_in_the_kernel() {
    require_root!();
    let n = Netns::new();
    let out = n.file("any.pcap");
    let frames = mixed_traffic();
    let (expr, prog) = filter("udp dst port 9999", "LINUX_SLL2", SLL2_UDP_9999);
    // The kernel sees VLAN frames untagged, so `udp dst port 9999` on `any`
    // also selects the tagged ones; as with libpcap, SLL2 keeps no tag.
    let mut args = vec!["-i", "any", "-w", out.to_str().unwrap(), "-c", "5"];
    args.extend(expr.iter().copied());
    let cap = n.capture(&args, prog);
    n.send(frames.clone());
    let err = cap.wait();
    assert!(!err.contains("Warning"), "{err}");
    let (lt, pkts) = read_pcap(&out);
    assert_eq!(lt, 276);
    let selected = [0, 4, 5, 6, 7];
    assert_eq!(pkts.len(), selected.len(), "{err}");
    for ((p, wire), &i) in pkts.iter().zip(&selected) {
        let sent = &frames[i];
        let sent = if sent[12..14] == [0x81, 0] { &sent[4..] } else { &sent[..] };
        // SLL2: protocol, reserved, ifindex, hatype, pkttype, halen, address.
        assert_eq!(&p[0..2], &sent[12..14], "protocol of frame {i}");
        assert_ne!(&p[4..8], &[0, 0, 0, 0], "ifindex");
        assert_eq!(&p[8..10], &[0, 1], "ARPHRD_ETHER");
        assert_eq!(p[10], 3, "PACKET_OTHERHOST");
        assert_eq!(p[11], 6);
        assert_eq!(&p[12..18], &SRC);
        assert_eq!(&p[20..], &sent[14..], "payload of frame {i}");
        assert_eq!(*wire as usize, p.len());
    }
}

#[test]
fn sigint_flushes_a_valid_savefile_and_prints_statistics() {
    require_root!();
    let n = Netns::new();
    let out = n.file("int.pcap");
    let cap = n.capture(&["-i", &n.vb, "-w", out.to_str().unwrap()], None);
    let frames: Vec<Vec<u8>> = (0..5).map(|i| udp_frame(9999, i)).collect();
    n.send(frames.clone());
    thread::sleep(Duration::from_millis(300));
    cap.interrupt();
    let err = cap.wait();
    let (_, pkts) = read_pcap(&out);
    assert_eq!(pkts.into_iter().map(|p| p.0).collect::<Vec<_>>(), frames);
    assert!(
        err.contains(
            "5 packets captured\n5 packets received by filter\n0 packets dropped by kernel"
        ),
        "{err}"
    );
}

#[test]
fn size_rotation_with_file_count_and_dropped_privileges() {
    require_root!();
    let n = Netns::new();
    // A directory that does not exist yet: bpfcap creates it for `nobody`.
    let sub = n.file("rot");
    let base = sub.join("r.pcap");
    let cap = n.capture(
        &[
            "-i",
            &n.vb,
            "-w",
            base.to_str().unwrap(),
            "-C",
            "0.0004",
            "-W",
            "3",
            "-Z",
            "nobody",
            "-c",
            "16",
        ],
        None,
    );
    n.send((0..16).map(|i| udp_frame(9999, i)).collect());
    let err = cap.wait();
    let mut total = 0;
    for i in 0..3 {
        let p = sub.join(format!("r.pcap{i}"));
        let (_, pkts) = read_pcap(&p);
        total += pkts.len();
        use std::os::unix::fs::MetadataExt;
        assert_eq!(std::fs::metadata(&p).unwrap().uid(), 65534, "{err}");
    }
    // Records of 16+82 bytes: a file passes 400 bytes after 4 of them, so
    // 16 packets fill r.pcap0..2 and then overwrite r.pcap0.
    assert_eq!(total, 12, "{err}");
    assert!(err.contains("16 packets captured"), "{err}");
}

#[test]
fn without_privileges_the_error_says_what_is_missing() {
    require_root!();
    let o = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--inh-caps=-all",
            BIN,
            "-i",
            "lo",
            "-c",
            "1",
        ])
        .output();
    let Ok(o) = o else {
        eprintln!("skipped: setpriv not installed");
        return;
    };
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("lo: You don't have permission to perform this capture on that device (socket: Operation not permitted"),
        "{err}"
    );
    assert!(err.contains("CAP_NET_RAW"), "{err}");
}

/// Programs over the kernel's 4096 instructions are filtered in user space
/// with tcpdump's warning, and select the same packets the kernel would
/// (the kernel sees VLAN frames untagged, so tagged UDP to 9999 matches too).
#[test]
fn programs_longer_than_4096_instructions_filter_in_user_space() {
    require_root!();
    let n = Netns::new();
    let out = n.file("long.pcap");
    let mut lines: Vec<&str> = UDP_9999.lines().collect();
    let body = lines.split_off(1);
    let mut prog = format!("{}\n", body.len() + 5000);
    for _ in 0..5000 {
        prog.push_str("0 0 0 0\n");
    }
    for l in body {
        prog.push_str(l);
        prog.push('\n');
    }
    let frames = mixed_traffic();
    let cap = n.capture(&["-i", &n.vb, "-w", out.to_str().unwrap(), "-c", "5"], Some(&prog));
    n.send(frames.clone());
    let err = cap.wait();
    assert!(err.contains("Warning: Kernel filter failed: Invalid argument"), "{err}");
    let (_, pkts) = read_pcap(&out);
    let got: Vec<Vec<u8>> = pkts.into_iter().map(|p| p.0).collect();
    let wanted: Vec<Vec<u8>> = [0, 4, 5, 6, 7].iter().map(|&i| frames[i].clone()).collect();
    assert_eq!(got, wanted, "{err}");
}

/// A program reading a cooked-header field the kernel cannot see (the
/// SLL2 link-layer address) is run in user space on the rebuilt header.
#[test]
fn any_device_filters_cooked_address_fields_in_user_space() {
    require_root!();
    let n = Netns::new();
    let out = n.file("addr.pcap");
    // ld [12]; jeq #0x02000000; ldh [16]; jeq #0x0001; ret #262144; ret #0
    let prog = "6\n32 0 0 12\n21 0 3 33554432\n40 0 0 16\n21 0 1 1\n6 0 0 262144\n6 0 0 0\n";
    let frames = mixed_traffic();
    let cap = n.capture(&["-i", "any", "-w", out.to_str().unwrap(), "-c", "9"], Some(prog));
    n.send(frames.clone());
    let err = cap.wait();
    let (_, pkts) = read_pcap(&out);
    assert_eq!(pkts.len(), 9, "{err}");
    for (p, _) in &pkts {
        assert_eq!(&p[12..18], &SRC);
    }
}

/// `-Q in` keeps the received frames; `-Q out` sees none of them (the
/// kernel's prologue rejects them, so they are not even counted).
#[test]
fn direction_in_and_out() {
    require_root!();
    let n = Netns::new();
    let frames: Vec<Vec<u8>> = (0..3).map(|i| udp_frame(9999, i)).collect();
    let fin = n.file("in.pcap");
    let fout = n.file("out.pcap");
    let cin = n.capture(&["-Q", "in", "-i", &n.vb, "-w", fin.to_str().unwrap(), "-c", "3"], None);
    let cout = n.capture(&["-Q", "out", "-i", &n.vb, "-w", fout.to_str().unwrap()], None);
    n.send(frames.clone());
    let err = cin.wait();
    thread::sleep(Duration::from_millis(200));
    cout.interrupt();
    let eout = cout.wait();
    assert_eq!(read_pcap(&fin).1.into_iter().map(|p| p.0).collect::<Vec<_>>(), frames, "{err}");
    assert!(read_pcap(&fout).1.is_empty());
    assert!(eout.contains("0 packets received by filter"), "{eout}");
}

/// `-G` names files with strftime and `-W` stops after that many files.
#[test]
fn time_rotation_uses_strftime_names_and_stops_at_the_file_limit() {
    require_root!();
    let n = Netns::new();
    let pat = n.file("g-%s.pcap");
    let cap = n.capture(&["-i", &n.vb, "-w", pat.to_str().unwrap(), "-G", "1", "-W", "2"], None);
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(3500) {
        n.send(vec![udp_frame(9999, 1)]);
        thread::sleep(Duration::from_millis(100));
    }
    let err = cap.wait();
    assert!(err.contains("Maximum file limit reached: 2"), "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&n.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    let mut total = 0;
    for name in &names {
        let secs: u64 = name.trim_start_matches("g-").trim_end_matches(".pcap").parse().unwrap();
        assert!(secs > 1_700_000_000, "{name}");
        // Intervals are whole seconds (as in tcpdump), so the second file
        // may have been open only briefly: just check both are valid.
        total += read_pcap(&n.dir.join(name)).1.len();
    }
    assert!(total > 0, "{err}");
}

/// `bpfcap -i IFACE -d EXPR` prints what `tcpdump -i IFACE -d EXPR` prints
/// (live-Linux code, the interface's link type). Cases the compiler cannot
/// handle yet are reported and skipped.
#[test]
fn live_dump_matches_tcpdump() {
    require_root!();
    if Command::new("tcpdump").arg("--version").output().is_err() {
        eprintln!("skipped: tcpdump not installed");
        return;
    }
    let cases: &[(&str, &str)] = &[
        ("lo", "ip"),
        ("lo", "vlan 100 and ip"),
        ("lo", "inbound"),
        ("lo", "tcp port 80"),
        ("lo", "ifindex 1"),
        ("any", "ip"),
        ("any", "inbound"),
        ("any", "udp dst port 9999"),
        ("any", "ifindex 1"),
    ];
    let (mut same, mut skipped) = (0, 0);
    for (dev, expr) in cases {
        let ours = Command::new(BIN).args(["-i", dev, "-d", expr]).output().unwrap();
        if !ours.status.success() {
            eprintln!(
                "skipped -i {dev} -d '{expr}': {}",
                String::from_utf8_lossy(&ours.stderr).trim()
            );
            skipped += 1;
            continue;
        }
        let theirs = Command::new("tcpdump").args(["-i", dev, "-d", expr]).output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "-i {dev} -d '{expr}'"
        );
        same += 1;
    }
    eprintln!("live -d: {same} identical, {skipped} skipped");
}

/// bpfcap and tcpdump capture the same mixed traffic at the same time with
/// the same expression; their savefiles must hold the same packets.
#[test]
fn mixed_traffic_matches_tcpdump() {
    require_root!();
    let n = Netns::new();
    if n.tcpdump(&["-i", &n.vb, "-w", "/dev/null", "-c", "1"]).map(|c| c.child.id()).is_none() {
        eprintln!("skipped: tcpdump not installed");
        return;
    }
    // Release the probe above.
    n.send(vec![udp_frame(1, 1)]);
    thread::sleep(Duration::from_millis(200));
    let cases = [
        ("any", "udp port 9999 or arp"),
        ("vb", "vlan 100"),
        ("vb", "vlan and udp"),
        ("vb", "ip6 or tcp"),
        ("vb", "not udp"),
        ("vb", "ether src 02:00:00:00:00:01 and udp[8:4] = 0x03030303"),
        ("any", "inbound and ip"),
        ("any-sll", "udp port 9999 or arp"),
        ("any-sll", "vlan"),
    ];
    let mut compared = 0;
    for (i, (dev, expr)) in cases.iter().enumerate() {
        let dlt = match *dev {
            "any" => "LINUX_SLL2",
            "any-sll" => "LINUX_SLL",
            _ => "EN10MB",
        };
        if !compiles(expr, dlt) {
            eprintln!("skipped '{expr}': the compiler cannot do it yet");
            continue;
        }
        let mut dev_args = match *dev {
            "any" => vec!["-i", "any"],
            "any-sll" => vec!["-i", "any", "-y", "LINUX_SLL"],
            _ => vec!["-i", n.vb.as_str()],
        };
        let ours = n.file(&format!("ours{i}.pcap"));
        let theirs = n.file(&format!("theirs{i}.pcap"));
        let mut args = dev_args.clone();
        args.extend(["-w", ours.to_str().unwrap(), expr]);
        let a = n.capture(&args, None);
        dev_args.insert(0, "--immediate-mode");
        dev_args.extend(["-w", theirs.to_str().unwrap(), expr]);
        let b = n.tcpdump(&dev_args).unwrap();
        n.send(mixed_traffic());
        thread::sleep(Duration::from_millis(300));
        a.interrupt();
        b.interrupt();
        let (ea, eb) = (a.wait(), b.wait());
        let (la, pa) = read_pcap(&ours);
        let (lb, pb) = read_pcap(&theirs);
        assert_eq!(la, lb, "{expr}");
        let pa: Vec<_> = pa.into_iter().map(|p| p.0).collect();
        let pb: Vec<_> = pb.into_iter().map(|p| p.0).collect();
        assert!(!pa.is_empty(), "'{expr}' selected nothing: {ea}");
        if pa != pb {
            let hex = |v: &[Vec<u8>]| -> String {
                v.iter()
                    .map(|p| p.iter().map(|b| format!("{b:02x}")).collect::<String>() + "\n")
                    .collect()
            };
            panic!(
                "'{expr}' differs from tcpdump\nours ({ea}):\n{}tcpdump ({eb}):\n{}",
                hex(&pa),
                hex(&pb)
            );
        }
        compared += 1;
    }
    eprintln!("{compared} expressions identical to tcpdump");
}

/// SIGTERM, like SIGINT, ends the capture with a complete savefile.
#[test]
fn sigterm_flushes_a_valid_savefile() {
    require_root!();
    let n = Netns::new();
    let out = n.file("term.pcap");
    let cap = n.capture(&["-i", &n.vb, "-w", out.to_str().unwrap()], None);
    let frames: Vec<Vec<u8>> = (0..4).map(|i| udp_frame(9999, i)).collect();
    n.send(frames.clone());
    thread::sleep(Duration::from_millis(300));
    cap.signal("TERM");
    let err = cap.wait();
    assert_eq!(read_pcap(&out).1.into_iter().map(|p| p.0).collect::<Vec<_>>(), frames, "{err}");
    assert!(err.contains("4 packets captured"), "{err}");
}

/// When the interface disappears mid-capture, the error is reported and
/// the savefile still holds every packet captured before.
#[test]
fn interface_removal_ends_the_capture_with_a_valid_savefile() {
    require_root!();
    let n = Netns::new();
    let out = n.file("gone.pcap");
    let cap = n.capture(&["-i", &n.vb, "-w", out.to_str().unwrap()], None);
    let frames: Vec<Vec<u8>> = (0..3).map(|i| udp_frame(9999, i)).collect();
    n.send(frames.clone());
    thread::sleep(Duration::from_millis(300));
    sh(&["ip", "-n", &n.b, "link", "del", &n.vb]);
    let err = cap.wait();
    assert!(err.contains("The interface disappeared"), "{err}");
    assert!(err.contains("3 packets captured"), "{err}");
    assert_eq!(read_pcap(&out).1.into_iter().map(|p| p.0).collect::<Vec<_>>(), frames, "{err}");
}
