//! The command line as typed: tcpdump's flags, parsed by clap, no I/O.

use clap::{ArgAction, Parser};

/// bpfcap: capture, filter and print packets with tcpdump's filter language.
#[derive(Parser, Debug, Clone, Default)]
#[command(name = "bpfcap", version, disable_version_flag = true, disable_help_flag = true)]
#[command(about = "Capture, filter and print packets; a pure-Rust pcap_compile.")]
pub struct Args {
    /// Print help.
    #[arg(short = 'h', long = "help", action = ArgAction::Help)]
    pub help: Option<bool>,
    /// Print the version.
    #[arg(long = "version", action = ArgAction::Version)]
    pub version: Option<bool>,

    /// Dump the compiled program: -d assembly, -dd C array, -ddd decimal.
    #[arg(short = 'd', action = ArgAction::Count)]
    pub dump: u8,
    /// Do not run the optimizer.
    #[arg(short = 'O')]
    pub no_optimize: bool,
    /// Link-layer type (tcpdump's names, e.g. EN10MB, LINUX_SLL2, RAW).
    #[arg(short = 'y', value_name = "DLT")]
    pub linktype: Option<String>,
    /// Snapshot length in bytes (0 = 262144).
    #[arg(short = 's', value_name = "SNAPLEN")]
    pub snaplen: Option<String>,
    /// Read the filter expression from a file.
    #[arg(short = 'F', value_name = "FILE")]
    pub filter_file: Option<String>,

    /// Read packets from a savefile ("-" for standard input).
    #[arg(short = 'r', value_name = "FILE")]
    pub read: Option<String>,
    /// Write packets to a savefile ("-" for standard output).
    #[arg(short = 'w', value_name = "FILE")]
    pub write: Option<String>,
    /// Stop after this many packets.
    #[arg(short = 'c', value_name = "COUNT")]
    pub count: Option<String>,

    /// Capture on this interface ("any" for all).
    #[arg(short = 'i', value_name = "IFACE")]
    pub interface: Option<String>,
    /// List the interfaces capture can use.
    #[arg(short = 'D')]
    pub list_interfaces: bool,
    /// List the link types of the interface.
    #[arg(short = 'L')]
    pub list_linktypes: bool,
    /// Do not put the interface into promiscuous mode.
    #[arg(short = 'p')]
    pub no_promisc: bool,
    /// Direction: in, out or inout.
    #[arg(short = 'Q', value_name = "DIR")]
    pub direction: Option<String>,
    /// Capture buffer size in KiB.
    #[arg(short = 'B', value_name = "KIB")]
    pub buffer_kib: Option<String>,
    /// Flush the savefile after each packet.
    #[arg(short = 'U')]
    pub packet_buffered: bool,
    /// Rotate the savefile after this many million bytes.
    #[arg(short = 'C', value_name = "SIZE")]
    pub file_size: Option<String>,
    /// Rotate the savefile every this many seconds.
    #[arg(short = 'G', value_name = "SECONDS")]
    pub rotate_seconds: Option<String>,
    /// Limit the number of rotated files.
    #[arg(short = 'W', value_name = "COUNT")]
    pub file_count: Option<String>,
    /// Drop privileges to this user after opening the capture.
    #[arg(short = 'Z', value_name = "USER")]
    pub user: Option<String>,

    /// Do not resolve addresses (-nn: nor ports).
    #[arg(short = 'n', action = ArgAction::Count)]
    pub no_resolve: u8,
    /// Print the link-level header.
    #[arg(short = 'e')]
    pub link_header: bool,
    /// Quick (quiet) output.
    #[arg(short = 'q')]
    pub quiet: bool,
    /// Timestamp format: -t none, -tt epoch, -ttt delta, -tttt date, -ttttt since first.
    #[arg(short = 't', action = ArgAction::Count)]
    pub timestamps: u8,
    /// Verbose output.
    #[arg(short = 'v', action = ArgAction::Count)]
    pub verbose: u8,
    /// Hex dump of each packet (-xx: with link header).
    #[arg(short = 'x', action = ArgAction::Count)]
    pub hex: u8,
    /// Hex and ASCII dump of each packet (-XX: with link header).
    #[arg(short = 'X', action = ArgAction::Count)]
    pub hex_ascii: u8,
    /// ASCII dump of each packet.
    #[arg(short = 'A')]
    pub ascii: bool,
    /// Line-buffered output.
    #[arg(short = 'l')]
    pub line_buffered: bool,
    /// Print only the number of matching packets.
    #[arg(long = "count")]
    pub count_only: bool,

    /// The filter expression (words are joined with spaces).
    #[arg(value_name = "EXPRESSION", trailing_var_arg = true, allow_hyphen_values = true)]
    pub expression: Vec<String>,
}
