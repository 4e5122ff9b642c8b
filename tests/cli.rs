//! Binary-level tests: the `bpfcap` executable, its exit codes and the
//! exact bytes it writes, for the compiler-facing flags.

use std::process::{Command, Output};

fn bpfcap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bpfcap")).args(args).output().expect("run bpfcap")
}

struct Case {
    args: &'static [&'static str],
    status: i32,
    stdout: &'static str,
    /// Substring expected on stderr.
    stderr: &'static str,
}

const CASES: &[Case] = &[
    Case {
        args: &["-d", "ip"],
        status: 0,
        stdout: "(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 3\n\
                 (002) ret      #262144\n(003) ret      #0\n",
        stderr: "Warning: assuming Ethernet",
    },
    Case {
        args: &["-dd", "-y", "EN10MB", "ip"],
        status: 0,
        stdout: "{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 1, 0x00000800 },\n\
                 { 0x6, 0, 0, 0x00040000 },\n{ 0x6, 0, 0, 0x00000000 },\n",
        stderr: "",
    },
    Case {
        args: &["-ddd", "-y", "en10mb", "-s", "100", "ip"],
        status: 0,
        stdout: "4\n40 0 0 12\n21 0 1 2048\n6 0 0 100\n6 0 0 0\n",
        stderr: "",
    },
    Case { args: &["-y", "RAW", "-d"], status: 0, stdout: "(000) ret      #262144\n", stderr: "" },
    // Expression words are joined with spaces, as tcpdump does.
    Case {
        args: &["-y", "EN10MB", "-ddd", "-s", "0", "ip", "and", "tcp"],
        status: 0,
        stdout: "6\n40 0 0 12\n21 0 3 2048\n48 0 0 23\n21 0 1 6\n6 0 0 262144\n6 0 0 0\n",
        stderr: "",
    },
    Case {
        args: &["-y", "EN10MB", "-d", "tcp port 80 and and"],
        status: 1,
        stdout: "",
        stderr: "bpfcap: can't parse filter expression: syntax error\n",
    },
    Case {
        args: &["-y", "EN10MB", "-d", "tcp and udp"],
        status: 1,
        stdout: "",
        stderr: "bpfcap: expression rejects all packets\n",
    },
    Case { args: &["-y", "EN10MB", "-O", "-d", "tcp and udp"], status: 0, stdout: "", stderr: "" },
    Case {
        args: &["-y", "NOSUCH", "-d", "ip"],
        status: 1,
        stdout: "",
        stderr: "bpfcap: invalid data link type NOSUCH\n",
    },
    Case {
        args: &["-y", "EN10MB", "-d", "port 99999"],
        status: 1,
        stdout: "",
        stderr: "bpfcap: illegal port number 99999 > 65535\n",
    },
];

#[test]
fn cli_table() {
    let mut failures = Vec::new();
    for c in CASES {
        let out = bpfcap(c.args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let status = out.status.code().unwrap_or(-1);
        let stdout_ok =
            c.stdout.is_empty() && c.status != 0 || stdout == c.stdout || c.stdout.is_empty();
        if status != c.status || !stdout_ok || !stderr.contains(c.stderr) {
            failures.push(format!(
                "{:?}: status {status} (want {}), stdout {stdout:?}, stderr {stderr:?}",
                c.args, c.status
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn syntax_error_has_a_caret() {
    let out = bpfcap(&["-y", "EN10MB", "-d", "tcp port 80 and and"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("  tcp port 80 and and\n"), "{stderr}");
    assert!(stderr.contains("^"), "{stderr}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let expr = format!("{}ip{}", "(".repeat(30_000), ")".repeat(30_000));
    let out = bpfcap(&["-y", "EN10MB", "-d", &expr]);
    assert_eq!(out.status.code(), Some(1));
    let nots = format!("{}ip", "not ".repeat(20_000));
    let out = bpfcap(&["-y", "EN10MB", "-d", &nots]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn filter_file_comments() {
    let dir = std::env::temp_dir().join(format!("bpfcap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("filter");
    std::fs::write(&f, "# a comment\nip # trailing\n").unwrap();
    let out = bpfcap(&["-y", "EN10MB", "-ddd", "-F", f.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n"
    );
}

/// Issue 6: times of day and dates are local, as tcpdump prints them: the
/// zone named by `TZ` (else /etc/localtime), on both the plain and the
/// filtered printing paths. The goldens were made with
/// `TZ=ZONE tcpdump -n [-tttt] -r captures/display/tcp.pcap`.
#[test]
fn issue6_timestamps_follow_tz() {
    let root = env!("CARGO_MANIFEST_DIR");
    let cases = [
        ("Europe/Paris", &[][..], "syn_tcp_tz_paris"),
        ("America/New_York", &["-tttt"][..], "syn_tcp_tz_ny_tttt"),
    ];
    for (zone, extra, golden) in cases {
        if !std::path::Path::new("/usr/share/zoneinfo").join(zone).exists() {
            eprintln!("issue6_timestamps_follow_tz: no zoneinfo for {zone}; skipped");
            continue;
        }
        let want =
            std::fs::read_to_string(format!("{root}/tests/data/display/golden/{golden}.out"))
                .expect("golden");
        for filter in [None, Some("tcp or not tcp")] {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_bpfcap"));
            cmd.env("TZ", zone).args(["-n", "-r", &format!("{root}/captures/display/tcp.pcap")]);
            cmd.args(extra).args(filter);
            let out = cmd.output().expect("run bpfcap");
            assert!(out.status.success(), "{zone} {filter:?}");
            assert_eq!(String::from_utf8_lossy(&out.stdout), want, "{zone} {filter:?}");
        }
    }
}
