//! Savefiles: reading pcap and pcapng, writing pcap.
//!
//! [`Reader`] keeps one large buffer that it refills from the source and
//! hands out packets that borrow from it, so filtering a file allocates
//! nothing per packet. Record and block headers are parsed by pcap-file's
//! slice parsers ([`PcapParser`] for the file header, [`PcapNgParser`] for
//! every pcapng block; the 16-byte pcap record header is decoded inline on
//! the hot path); this module only
//! decides how many bytes a record needs, checks that against a fixed
//! ceiling before reading it (a hostile length field cannot make us
//! allocate more than [`MAX_RECORD`] bytes), and turns short reads into
//! libpcap's "truncated dump file" messages.
//!
//! pcapng blocks the reader has no use for (name resolution, statistics,
//! ...) are skipped unparsed, as libpcap skips them. A block whose option
//! list runs to the block end without an end-of-options marker, which
//! libpcap reads and pcap-file refuses, is mended in place after the
//! parse error (see `Reader::mend_options`) and parsed again, so the
//! common path pays nothing for it.
//!
//! As in libpcap, a pcap record longer than the file's snapshot length is
//! cut to the snapshot length (records longer than 256 KiB are refused); pcapng timestamps are converted with the
//! interface's `if_tsresol`/`if_tsoffset`; and the link-type field's upper
//! bits (FCS length flags) are ignored for filtering but kept for writing.
//!
//! [`Writer`] writes a little-endian pcap file with the input's link type,
//! snapshot length and timestamp precision.

use std::io::{Read, Write};

use pcap_file::pcap::{PcapHeader, PcapParser, PcapWriter};
use pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionOption;
use pcap_file::pcapng::{Block, PcapNgParser};
use pcap_file::{DataLink, Endianness, PcapError, TsResolution};

use crate::dlt::Dlt;

/// The largest packet libpcap accepts in a savefile (its maximum snapshot
/// length), except for D-Bus.
pub const MAX_SNAPLEN: u32 = 262_144;
/// D-Bus messages may be up to 128 MiB.
const MAX_SNAPLEN_DBUS: u32 = 128 * 1024 * 1024;
/// The largest record or block we are willing to buffer.
pub const MAX_RECORD: usize = MAX_SNAPLEN_DBUS as usize + 64 * 1024;
/// Initial (and usual) size of the read buffer.
const BUF_SIZE: usize = 1 << 18;

/// Why a savefile could not be read. The message is libpcap's where there
/// is one.
#[derive(Debug)]
pub struct SavefileError(pub String);

impl std::fmt::Display for SavefileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SavefileError {}

fn err<T>(msg: impl Into<String>) -> Result<T, SavefileError> {
    Err(SavefileError(msg.into()))
}

fn pcap_err(e: PcapError) -> SavefileError {
    SavefileError(match e {
        PcapError::IoError(e) => e.to_string(),
        PcapError::InvalidField(m) => format!("bad dump file format: {m}"),
        other => format!("bad dump file format: {other}"),
    })
}

/// Maps a savefile `LINKTYPE_*` value to the `DLT_*` value the compiler
/// uses. Only the upper 16 bits' flags are dropped and the handful of
/// values whose DLT differs by platform are translated.
pub fn linktype_to_dlt(linktype: u32) -> Dlt {
    match linktype & 0xffff {
        100 => Dlt::ATM_RFC1483,
        101 => Dlt::RAW,
        102 => Dlt::SLIP_BSDOS,
        103 => Dlt::PPP_BSDOS,
        106 => Dlt::ATM_CLIP,
        n => Dlt(n),
    }
}

/// What the file header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// The link-type field as stored (with any flag bits), for writing.
    pub linktype_raw: u32,
    /// The link type to compile the filter for.
    pub dlt: Dlt,
    /// The snapshot length (the filter's accept value).
    pub snaplen: u32,
    /// Nanosecond timestamps (pcap only; pcapng is read in microseconds).
    pub nanos: bool,
    /// The file is pcapng.
    pub pcapng: bool,
}

/// The microseconds libpcap hands its user for a packet of a file with
/// nanosecond (`from_nanos`) or microsecond fractions: a nanosecond
/// fraction is divided as a signed 32-bit number, so an invalid fraction of
/// 2^31 ns or more comes out negative.
pub fn usec_of(p: &Packet<'_>, from_nanos: bool) -> i32 {
    if from_nanos { (p.ts_nsec as u32 as i32) / 1000 } else { (p.ts_nsec / 1000) as u32 as i32 }
}

/// One packet, borrowing the reader's buffer.
#[derive(Clone, Copy, Debug)]
pub struct Packet<'a> {
    /// Seconds since the epoch. A classic pcap record holds them in 32
    /// bits that libpcap reads as signed, so times past 2038 come out
    /// negative (and tcpdump prints `[Error converting time]` for them);
    /// pcapng's 64-bit times are kept whole.
    pub ts_sec: i64,
    /// Nanoseconds past `ts_sec` (may exceed a second in corrupt files; it
    /// is written back unchanged).
    pub ts_nsec: u64,
    /// Length on the wire.
    pub wire_len: u32,
    /// The captured bytes.
    pub data: &'a [u8],
}

/// One pcapng interface.
#[derive(Clone, Copy, Debug)]
struct Iface {
    linktype: u32,
    /// Timestamp units per second, as (base, exponent): 10^6 by default.
    units: TsUnits,
    offset: u64,
}

#[derive(Clone, Copy, Debug)]
enum TsUnits {
    Pow10(u32),
    Pow2(u32),
}

impl TsUnits {
    /// Splits a count of units into (seconds, nanoseconds).
    fn split(self, ts: u64) -> (u64, u64) {
        match self {
            TsUnits::Pow10(e) => {
                let per = 10u64.checked_pow(e).unwrap_or(u64::MAX);
                let (s, frac) = (ts / per, ts % per);
                let ns = if e <= 9 {
                    frac * 10u64.pow(9 - e)
                } else {
                    frac / 10u64.checked_pow(e - 9).unwrap_or(u64::MAX)
                };
                (s, ns)
            }
            TsUnits::Pow2(e) => {
                let e = e.min(63);
                let (s, frac) = (ts >> e, ts & ((1u64 << e) - 1));
                (s, ((u128::from(frac) * 1_000_000_000) >> e) as u64)
            }
        }
    }
}

enum Format {
    Pcap { big: bool, max_caplen: u32 },
    PcapNg { parser: PcapNgParser, ifaces: Vec<Iface>, big: bool },
}

/// pcapng block types the reader uses.
const SHB_TYPE: u32 = 0x0a0d_0d0a;
const IDB_TYPE: u32 = 1;
const PB_TYPE: u32 = 2;
const SPB_TYPE: u32 = 3;
const EPB_TYPE: u32 = 6;

/// A savefile being read.
pub struct Reader<R: Read> {
    src: R,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    format: Format,
    info: FileInfo,
}

impl<R: Read> Reader<R> {
    /// Reads the file header (and, for pcapng, everything up to the first
    /// interface description).
    pub fn new(src: R) -> Result<Reader<R>, SavefileError> {
        let mut r = Reader {
            src,
            buf: vec![0; BUF_SIZE],
            start: 0,
            end: 0,
            eof: false,
            // Replaced below once the header is known.
            format: Format::PcapNg { parser: empty_ng_parser()?, ifaces: Vec::new(), big: false },
            info: FileInfo {
                linktype_raw: 0,
                dlt: Dlt(0),
                snaplen: 0,
                nanos: false,
                pcapng: false,
            },
        };
        let got = r.fill(4)?;
        if got < 4 {
            return err(format!(
                "truncated dump file; tried to read 4 file header bytes, only got {got}"
            ));
        }
        let magic = [r.buf[r.start], r.buf[r.start + 1], r.buf[r.start + 2], r.buf[r.start + 3]];
        match u32::from_be_bytes(magic) {
            0xa1b2c3d4 | 0xa1b23c4d | 0xd4c3b2a1 | 0x4d3cb2a1 => r.open_pcap()?,
            0x0a0d0d0a => r.open_pcapng()?,
            _ => return err("unknown file format"),
        }
        Ok(r)
    }

    /// What the header says.
    pub fn info(&self) -> FileInfo {
        self.info
    }

    fn open_pcap(&mut self) -> Result<(), SavefileError> {
        let got = self.fill(24)?;
        if got < 24 {
            return err(format!(
                "truncated dump file; tried to read 24 file header bytes, only got {got}"
            ));
        }
        let (_, parser) = PcapParser::new(&self.buf[self.start..self.end]).map_err(pcap_err)?;
        self.start += 24;
        let h = parser.header();
        let raw = u32::from(h.datalink);
        let dlt = linktype_to_dlt(raw);
        let max_caplen = if dlt == Dlt::DBUS { MAX_SNAPLEN_DBUS } else { MAX_SNAPLEN };
        // libpcap treats a zero or oversized snapshot length as the maximum.
        // As libpcap does, a snapshot length that is not positive (as a C
        // int) means the maximum; a larger-than-maximum one is kept, and
        // compiled into the filter, as it is.
        let snaplen = if (h.snaplen as i32) <= 0 { max_caplen } else { h.snaplen };
        self.info = FileInfo {
            linktype_raw: raw,
            dlt,
            snaplen,
            nanos: h.ts_resolution == TsResolution::NanoSecond,
            pcapng: false,
        };
        let big = h.endianness == Endianness::Big;
        self.format = Format::Pcap { big, max_caplen };
        Ok(())
    }

    fn open_pcapng(&mut self) -> Result<(), SavefileError> {
        let len = self.block_len(true)?.ok_or_else(|| {
            SavefileError("truncated dump file; tried to read the section header".into())
        })?;
        let (parser, len) = match PcapNgParser::new(&self.buf[self.start..self.start + len]) {
            Ok((_, p)) => (p, len),
            Err(e) => {
                // A section header whose options run to the block end
                // without an end-of-options marker: libpcap reads it, so
                // mend the block and parse it again.
                let Some(len) = self.mend_options(len) else { return Err(pcap_err(e)) };
                let slice = &self.buf[self.start..self.start + len];
                (PcapNgParser::new(slice).map_err(pcap_err)?.1, len)
            }
        };
        let big = parser.section().endianness == Endianness::Big;
        self.start += len;
        self.format = Format::PcapNg { parser, ifaces: Vec::new(), big };
        self.info.pcapng = true;
        // Read up to the first interface description, which sets the link type.
        loop {
            let Some(len) = self.block_len(false)? else {
                return err("the capture file has no Interface Description Blocks");
            };
            if !self.wanted_block(self.start) {
                self.start += len;
                continue;
            }
            let slice = &self.buf[self.start..self.start + len];
            let Format::PcapNg { parser, ifaces, .. } = &mut self.format else {
                return err("internal error: pcapng state lost");
            };
            let block = match parser.next_block(slice) {
                Ok((_, b)) => b,
                Err(e) => match self.mend_options(len) {
                    Some(_) => continue,
                    None => return Err(pcap_err(e)),
                },
            };
            self.start += len;
            match block {
                Block::InterfaceDescription(idb) => {
                    let iface = iface_of(&idb.linktype, &idb.options);
                    let dlt = linktype_to_dlt(iface.linktype);
                    let max = if dlt == Dlt::DBUS { MAX_SNAPLEN_DBUS } else { MAX_SNAPLEN };
                    // tcpdump keeps a large interface snaplen as it is
                    // (it writes 524288 from such a file); 0 means the maximum.
                    let snaplen = if idb.snaplen == 0 { max } else { idb.snaplen };
                    ifaces.push(iface);
                    self.info.linktype_raw = iface.linktype;
                    self.info.dlt = dlt;
                    self.info.snaplen = snaplen;
                    return Ok(());
                }
                Block::EnhancedPacket(_) | Block::SimplePacket(_) | Block::Packet(_) => {
                    return err(
                        "the capture file has a packet block before any Interface Description Blocks",
                    );
                }
                _ => {}
            }
        }
    }

    /// Makes at least `want` bytes available from `start`, growing the
    /// buffer if needed (callers bound `want` by [`MAX_RECORD`]). Returns
    /// how many bytes are available (less than `want` only at end of file).
    #[inline]
    fn fill(&mut self, want: usize) -> Result<usize, SavefileError> {
        if self.end - self.start >= want {
            return Ok(self.end - self.start);
        }
        self.refill(want)
    }

    /// The slow part of [`Reader::fill`]: move the unread tail to the
    /// front of the buffer and read more.
    #[cold]
    #[inline(never)]
    fn refill(&mut self, want: usize) -> Result<usize, SavefileError> {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        while self.end < want && !self.eof {
            // Grow by doubling only as data actually arrives, so a hostile
            // length field costs at most twice the bytes the file holds.
            if self.end == self.buf.len() {
                let len = (self.buf.len() * 2).min(want.min(MAX_RECORD)).max(self.buf.len() + 1);
                self.buf.resize(len, 0);
            }
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return err(e.to_string()),
            }
        }
        Ok(self.end - self.start)
    }

    /// For pcapng: the total length of the next block, buffered in full;
    /// `None` at a clean end of file.
    fn block_len(&mut self, section: bool) -> Result<Option<usize>, SavefileError> {
        let got = self.fill(12)?;
        if got == 0 {
            return Ok(None);
        }
        if got < 12 {
            return err(format!(
                "truncated dump file; tried to read 12 block header bytes, only got {got}"
            ));
        }
        let b = &self.buf[self.start..self.start + 12];
        let word = |i: usize, big: bool| {
            let w = [b[i], b[i + 1], b[i + 2], b[i + 3]];
            if big { u32::from_be_bytes(w) } else { u32::from_le_bytes(w) }
        };
        let is_shb = word(0, true) == 0x0a0d0d0a;
        let big = if is_shb {
            match word(8, true) {
                0x1a2b3c4d => true,
                0x4d3c2b1a => false,
                _ => return err("pcapng section header has a bad byte-order magic"),
            }
        } else if section {
            return err("unknown file format");
        } else {
            match &self.format {
                Format::PcapNg { big, .. } => *big,
                Format::Pcap { .. } => false,
            }
        };
        let len = word(4, big) as usize;
        if len < 12 || !len.is_multiple_of(4) {
            return err(format!(
                "block in pcapng dump file has a length of {len} < 12 or not a multiple of 4"
            ));
        }
        if len > MAX_RECORD {
            return err(format!("pcapng block size {len} > maximum {MAX_RECORD}"));
        }
        let got = self.fill(len)?;
        if got < len {
            return err(format!(
                "truncated dump file; tried to read {len} block bytes, only got {got}"
            ));
        }
        Ok(Some(len))
    }

    /// Whether the pcapng block at `at` (fully buffered) is one the reader
    /// uses: a section header, an interface description or a packet.
    #[inline]
    fn wanted_block(&self, at: usize) -> bool {
        let big = matches!(self.format, Format::PcapNg { big: true, .. });
        matches!(self.word(at, big), Some(SHB_TYPE | IDB_TYPE | PB_TYPE | SPB_TYPE | EPB_TYPE))
    }

    /// A 32-bit word of the buffer, `None` past the buffered bytes.
    #[inline]
    fn word(&self, at: usize, big: bool) -> Option<u32> {
        let b: [u8; 4] = self.buf.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) })
    }

    /// Mends a block whose option list runs to the end of the block without
    /// an end-of-options marker, which libpcap accepts and pcap-file
    /// refuses. The block (`len` bytes at `start`, fully buffered) is
    /// rewritten in place, 4 bytes longer, with the marker appended: it
    /// moves 4 bytes towards the front of the buffer, so packet data still
    /// borrows from the buffer and nothing is allocated beyond 4 bytes.
    /// Afterwards `start` is the mended block's first byte; returns its
    /// length, or `None` (buffer untouched) when the options are not of
    /// that shape, so the parser's own error stands. Only runs after a
    /// parse error, off the common path.
    #[cold]
    fn mend_options(&mut self, len: usize) -> Option<usize> {
        let start = self.start;
        let block_type = self.word(start, true)?;
        let big = if block_type == SHB_TYPE {
            self.word(start + 8, true)? == 0x1a2b3c4d
        } else {
            matches!(self.format, Format::PcapNg { big: true, .. })
        };
        let block_type = self.word(start, big)?;
        let half = |b: &[u8], at: usize| -> Option<usize> {
            let h: [u8; 2] = b.get(at..at + 2)?.try_into().ok()?;
            Some(usize::from(if big { u16::from_be_bytes(h) } else { u16::from_le_bytes(h) }))
        };
        let pad4 = |n: usize| n.div_ceil(4).saturating_mul(4);
        let opts_at = match block_type {
            SHB_TYPE => 24,
            IDB_TYPE => 16,
            PB_TYPE | EPB_TYPE => {
                28usize.checked_add(pad4(self.word(start + 20, big)? as usize))?
            }
            _ => return None,
        };
        let block = self.buf.get(start..start.checked_add(len)?)?;
        let opts_end = len.checked_sub(4)?;
        if opts_at >= opts_end {
            return None;
        }
        let mut at = opts_at;
        while at < opts_end {
            if opts_end - at < 4 || half(block, at)? == 0 {
                return None;
            }
            at += 4 + pad4(half(block, at + 2)?);
        }
        if at != opts_end {
            return None;
        }
        // Make room for the 4 extra bytes in front of the block.
        if self.start < 4 {
            if self.buf.len() < self.end + 4 {
                self.buf.resize(self.end + 4, 0);
            }
            self.buf.copy_within(self.start..self.end, self.start + 4);
            self.start += 4;
            self.end += 4;
        }
        let old = self.start;
        let new = old - 4;
        let new_len = len + 4;
        let len_bytes =
            if big { (new_len as u32).to_be_bytes() } else { (new_len as u32).to_le_bytes() };
        self.buf.copy_within(old..old + opts_end, new);
        self.buf[new + opts_end..new + len].fill(0);
        self.buf[new + 4..new + 8].copy_from_slice(&len_bytes);
        self.buf[new + len..new + new_len].copy_from_slice(&len_bytes);
        self.start = new;
        Some(new_len)
    }

    /// The next packet, `None` at the end of the file.
    #[inline]
    pub fn next_packet(&mut self) -> Result<Option<Packet<'_>>, SavefileError> {
        match self.format {
            Format::Pcap { big, max_caplen, .. } => self.next_pcap(big, max_caplen),
            Format::PcapNg { .. } => self.next_pcapng(),
        }
    }

    #[inline]
    fn next_pcap(
        &mut self,
        big: bool,
        max_caplen: u32,
    ) -> Result<Option<Packet<'_>>, SavefileError> {
        let got = self.fill(16)?;
        if got == 0 {
            return Ok(None);
        }
        if got < 16 {
            return err(format!(
                "truncated dump file; tried to read 16 header bytes, only got {got}"
            ));
        }
        let h = &self.buf[self.start..self.start + 16];
        let incl = [h[8], h[9], h[10], h[11]];
        let incl = if big { u32::from_be_bytes(incl) } else { u32::from_le_bytes(incl) };
        if incl > max_caplen {
            let snaplen = self.info.snaplen;
            return err(if incl > snaplen {
                format!("invalid packet capture length {incl}, bigger than snaplen of {snaplen}")
            } else {
                format!("invalid packet capture length {incl}, bigger than maximum of {max_caplen}")
            });
        }
        let need = 16 + incl as usize;
        let got = self.fill(need)?;
        if got < need {
            // libpcap reads the snapshot-length part first, then skips the
            // rest; its message names whichever read came up short.
            let avail = (got - 16) as u32;
            let snaplen = self.info.snaplen;
            let tried = if incl > snaplen && avail < snaplen { snaplen } else { incl };
            return err(format!(
                "truncated dump file; tried to read {tried} captured bytes, only got {avail}"
            ));
        }
        // The record header is decoded here rather than through
        // pcap-file's `next_raw_packet`: this is the hot path, and the
        // fields were half read above already.
        let rec = &self.buf[self.start..self.start + need];
        self.start += need;
        let word = |i: usize| {
            let w = [rec[i], rec[i + 1], rec[i + 2], rec[i + 3]];
            if big { u32::from_be_bytes(w) } else { u32::from_le_bytes(w) }
        };
        let (ts_sec, frac, orig_len) = (word(0), u64::from(word(4)), word(12));
        // As libpcap does, keep at most the file's snapshot length.
        let keep = need.min(16 + self.info.snaplen as usize);
        let data = &rec[16..keep];
        let ts_nsec = if self.info.nanos { frac } else { frac * 1000 };
        Ok(Some(Packet { ts_sec: i64::from(ts_sec as i32), ts_nsec, wire_len: orig_len, data }))
    }

    fn next_pcapng(&mut self) -> Result<Option<Packet<'_>>, SavefileError> {
        // The packet is located by offset inside the loop and borrowed
        // after it, which keeps the buffer's borrows apart.
        let (ts_sec, ts_nsec, wire_len, off, len) = loop {
            let Some(len) = self.block_len(false)? else { return Ok(None) };
            let start = self.start;
            if !self.wanted_block(start) {
                // libpcap skips the blocks it has no use for (name
                // resolution, statistics, ...) without parsing them.
                self.start += len;
                continue;
            }
            self.start += len;
            let snaplen = self.info.snaplen;
            let first_linktype = self.info.linktype_raw;
            let base = self.buf.as_ptr() as usize;
            let Format::PcapNg { parser, ifaces, big } = &mut self.format else {
                return Ok(None);
            };
            let block = match parser.next_block(&self.buf[start..start + len]) {
                Ok((_, b)) => b,
                Err(e) => {
                    self.start = start;
                    match self.mend_options(len) {
                        Some(_) => continue,
                        None => return Err(pcap_err(e)),
                    }
                }
            };
            let (iface_id, ts, wire_len, data): (u32, u64, u32, &[u8]) = match block {
                Block::SectionHeader(shb) => {
                    ifaces.clear();
                    *big = shb.endianness == Endianness::Big;
                    continue;
                }
                Block::InterfaceDescription(idb) => {
                    let iface = iface_of(&idb.linktype, &idb.options);
                    if linktype_to_dlt(iface.linktype) != linktype_to_dlt(first_linktype) {
                        return err(format!(
                            "an interface has a type {} different from the type of the first interface",
                            iface.linktype
                        ));
                    }
                    ifaces.push(iface);
                    continue;
                }
                Block::EnhancedPacket(epb) => {
                    let data = borrowed(epb.data)?;
                    (epb.interface_id, epb.timestamp.as_nanos() as u64, epb.original_len, data)
                }
                Block::Packet(pb) => {
                    let data = borrowed(pb.data)?;
                    (u32::from(pb.interface_id), pb.timestamp, pb.original_len, data)
                }
                Block::SimplePacket(spb) => {
                    // The block body is padded to 4 bytes and has no
                    // captured length: the packet is the first
                    // `original_len` bytes of it.
                    let data = borrowed(spb.data)?;
                    let n = data.len().min(spb.original_len as usize);
                    (0, 0, spb.original_len, &data[..n])
                }
                _ => continue,
            };
            let Some(iface) = ifaces.get(iface_id as usize) else {
                return err(format!(
                    "a packet arrived on interface {iface_id}, but there's no Interface Description Block for that interface"
                ));
            };
            let (sec, ns) = iface.units.split(ts);
            let off = (data.as_ptr() as usize).wrapping_sub(base);
            let n = data.len().min(snaplen as usize);
            break (sec.wrapping_add(iface.offset), ns, wire_len, off, n);
        };
        match self.buf.get(off..off.saturating_add(len)) {
            Some(data) => Ok(Some(Packet { ts_sec: ts_sec as i64, ts_nsec, wire_len, data })),
            None => err("internal error: packet outside the buffer"),
        }
    }
}

fn borrowed(d: std::borrow::Cow<'_, [u8]>) -> Result<&[u8], SavefileError> {
    match d {
        std::borrow::Cow::Borrowed(d) => Ok(d),
        std::borrow::Cow::Owned(_) => err("internal error: copied packet"),
    }
}

fn iface_of(linktype: &DataLink, options: &[InterfaceDescriptionOption<'_>]) -> Iface {
    let mut iface = Iface { linktype: u32::from(*linktype), units: TsUnits::Pow10(6), offset: 0 };
    for o in options {
        match o {
            InterfaceDescriptionOption::IfTsResol(r) => {
                let e = u32::from(r & 0x7f);
                iface.units = if r & 0x80 != 0 { TsUnits::Pow2(e) } else { TsUnits::Pow10(e) };
            }
            InterfaceDescriptionOption::IfTsOffset(o) => iface.offset = *o,
            _ => {}
        }
    }
    iface
}

/// A parser for an empty little-endian section: the placeholder state of a
/// reader whose header is not read yet.
fn empty_ng_parser() -> Result<PcapNgParser, SavefileError> {
    let shb: [u8; 28] = [
        0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0,
    ];
    PcapNgParser::new(&shb).map(|(_, p)| p).map_err(pcap_err)
}

/// A pcap file being written.
pub struct Writer<W: Write> {
    out: W,
    /// The input has nanosecond timestamps, to be divided down.
    from_nanos: bool,
}

impl<W: Write> Writer<W> {
    /// Writes the file header: little-endian, version 2.4, microsecond
    /// timestamps (as tcpdump writes, even from nanosecond input), with the
    /// given link type (as stored in the input) and snapshot length.
    pub fn new(out: W, info: &FileInfo) -> Result<Writer<W>, SavefileError> {
        let header = PcapHeader {
            version_major: 2,
            version_minor: 4,
            ts_correction: 0,
            ts_accuracy: 0,
            snaplen: info.snaplen,
            datalink: DataLink::from(info.linktype_raw),
            // tcpdump writes microsecond files whatever it reads.
            ts_resolution: TsResolution::MicroSecond,
            endianness: Endianness::Little,
        };
        let out = PcapWriter::with_header(out, header).map_err(pcap_err)?.into_writer();
        Ok(Writer { out, from_nanos: info.nanos })
    }

    /// Appends one packet record. The record header is written by hand
    /// (16 little-endian bytes) because pcap-file's packet writer refuses
    /// records that real captures contain (caplen > wire length).
    pub fn write(&mut self, p: &Packet<'_>) -> std::io::Result<()> {
        let frac = usec_of(p, self.from_nanos) as u32;
        let mut h = [0u8; 16];
        h[0..4].copy_from_slice(&(p.ts_sec as u32).to_le_bytes());
        h[4..8].copy_from_slice(&frac.to_le_bytes());
        h[8..12].copy_from_slice(&(p.data.len() as u32).to_le_bytes());
        h[12..16].copy_from_slice(&p.wire_len.to_le_bytes());
        self.out.write_all(&h)?;
        self.out.write_all(p.data)
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
