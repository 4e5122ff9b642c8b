//! Writing pcap savefiles fast, with tcpdump's rotation rules.
//!
//! [`PcapWriter`] appends each record (16-byte header, then the packet in
//! up to three pieces: pseudo-header, bytes before a reinserted VLAN tag,
//! the tag, the rest) into one large buffer that goes to the file in big
//! `write` calls; `-U` flushes after every packet. [`Rotation`] implements
//! `-C` (size), `-G` (time, strftime names) and `-W` (file count) with the
//! names tcpdump gives: `NAME`, `NAME1`, `NAME2`... without `-W`, and
//! `NAME00`..`NAME11` (as many digits as the count) with it.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::dlt::Dlt;

/// Size of the write buffer: big writes keep the per-packet cost low.
const BUFFER_BYTES: usize = 64 << 10;

/// Where savefile bytes go.
enum Out {
    File(File),
    Stdout(io::Stdout),
}

impl Out {
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        match self {
            Out::File(f) => f.write_all(b),
            Out::Stdout(s) => {
                let mut l = s.lock();
                l.write_all(b)?;
                l.flush()
            }
        }
    }
}

/// A pcap (microsecond) savefile being written.
pub struct PcapWriter {
    out: Out,
    buf: Vec<u8>,
    /// Bytes written so far, header included (for `-C`).
    size: u64,
    per_packet_flush: bool,
}

/// The 24-byte pcap file header.
fn file_header(linktype: Dlt, snaplen: u32) -> [u8; 24] {
    let mut h = [0u8; 24];
    h[0..4].copy_from_slice(&0xa1b2_c3d4u32.to_ne_bytes());
    h[4..6].copy_from_slice(&2u16.to_ne_bytes());
    h[6..8].copy_from_slice(&4u16.to_ne_bytes());
    h[16..20].copy_from_slice(&snaplen.to_ne_bytes());
    h[20..24].copy_from_slice(&linktype.0.to_ne_bytes());
    h
}

impl PcapWriter {
    /// Starts a savefile on `path` (`-` is standard output).
    pub fn create(
        path: &str,
        linktype: Dlt,
        snaplen: u32,
        per_packet_flush: bool,
    ) -> io::Result<PcapWriter> {
        let out =
            if path == "-" { Out::Stdout(io::stdout()) } else { Out::File(File::create(path)?) };
        let mut w =
            PcapWriter { out, buf: Vec::with_capacity(BUFFER_BYTES), size: 0, per_packet_flush };
        w.buf.extend_from_slice(&file_header(linktype, snaplen));
        w.size = 24;
        if per_packet_flush {
            w.flush()?;
        }
        Ok(w)
    }

    /// Bytes in the file once the buffer is flushed.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Appends one record. `parts` are concatenated to form the captured
    /// bytes; `caplen` is their total length (already cut to the snaplen).
    #[inline]
    pub fn write(
        &mut self,
        sec: u32,
        usec: u32,
        caplen: u32,
        wire_len: u32,
        parts: &[&[u8]],
    ) -> io::Result<()> {
        let need = 16 + caplen as usize;
        if self.buf.len() + need > self.buf.capacity() {
            self.flush()?;
            if need > self.buf.capacity() {
                self.buf.reserve(need);
            }
        }
        let mut rec = [0u8; 16];
        rec[0..4].copy_from_slice(&sec.to_ne_bytes());
        rec[4..8].copy_from_slice(&usec.to_ne_bytes());
        rec[8..12].copy_from_slice(&caplen.to_ne_bytes());
        rec[12..16].copy_from_slice(&wire_len.to_ne_bytes());
        self.buf.extend_from_slice(&rec);
        let mut left = caplen as usize;
        for p in parts {
            let n = p.len().min(left);
            self.buf.extend_from_slice(&p[..n]);
            left -= n;
        }
        self.size += need as u64;
        if self.per_packet_flush {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes out the buffer.
    pub fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            let r = self.out.write_all(&self.buf);
            self.buf.clear();
            r?;
        }
        Ok(())
    }
}

/// The rotation settings (`-C`, `-G`, `-W`).
#[derive(Clone, Debug, Default)]
pub struct Rotation {
    /// `-C` in bytes.
    pub size: Option<u64>,
    /// `-G` in seconds.
    pub seconds: Option<u64>,
    /// `-W`.
    pub count: Option<u32>,
}

/// Formats `pattern` with strftime for local time `t`.
pub fn strftime(pattern: &str, t: i64) -> String {
    crate::capture::sys::strftime_local(pattern, t).unwrap_or_else(|| pattern.to_string())
}

/// What a call to [`RotatingWriter::before_packet`] decided.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// Keep writing.
    Go,
    /// `-G` with `-W`: the file limit is reached; stop capturing.
    Stop,
}

/// A savefile that rotates.
pub struct RotatingWriter {
    base: String,
    linktype: Dlt,
    snaplen: u32,
    per_packet_flush: bool,
    rot: Rotation,
    /// Number suffix for `-C` within the current `-G` interval.
    size_index: u32,
    /// Files opened because of `-G`.
    time_files: u32,
    /// When the current `-G` interval started.
    opened_at: i64,
    owner: Option<(u32, u32)>,
    /// The current file.
    pub writer: PcapWriter,
    /// Its path.
    pub path: PathBuf,
}

impl RotatingWriter {
    /// Opens the first file at time `now`. `owner` is chowned onto every
    /// file created (for `-Z`).
    pub fn open(
        base: &str,
        linktype: Dlt,
        snaplen: u32,
        per_packet_flush: bool,
        rot: Rotation,
        owner: Option<(u32, u32)>,
        now: i64,
    ) -> io::Result<RotatingWriter> {
        let path = Self::name(base, &rot, 0, now);
        let writer = Self::create(&path, linktype, snaplen, per_packet_flush, owner)?;
        Ok(RotatingWriter {
            base: base.to_string(),
            linktype,
            snaplen,
            per_packet_flush,
            rot,
            size_index: 0,
            time_files: 1,
            opened_at: now,
            owner,
            writer,
            path: PathBuf::from(path),
        })
    }

    fn create(
        path: &str,
        linktype: Dlt,
        snaplen: u32,
        flush: bool,
        owner: Option<(u32, u32)>,
    ) -> io::Result<PcapWriter> {
        let w = PcapWriter::create(path, linktype, snaplen, flush)
            .map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
        if let (Some((uid, gid)), false) = (owner, path == "-") {
            crate::capture::sys::chown(Path::new(path), uid, gid)?;
        }
        Ok(w)
    }

    /// The file name for `-C` index `index` in the interval starting at `t`.
    pub fn name(base: &str, rot: &Rotation, index: u32, t: i64) -> String {
        let stem = if rot.seconds.is_some() { strftime(base, t) } else { base.to_string() };
        match (rot.size.is_some(), rot.count) {
            (true, Some(w)) => {
                let digits = w.max(1).to_string().len();
                format!("{stem}{index:0digits$}")
            }
            _ if index == 0 => stem,
            _ => format!("{stem}{index}"),
        }
    }

    /// Rotates if `-G`'s interval is over or `-C`'s size is exceeded.
    /// Called before each packet and on idle wake-ups.
    pub fn before_packet(&mut self, now: i64) -> io::Result<Next> {
        if let Some(g) = self.rot.seconds
            && now - self.opened_at >= g as i64
        {
            if let (Some(w), None) = (self.rot.count, self.rot.size)
                && self.time_files >= w
            {
                eprintln!("Maximum file limit reached: {w}");
                return Ok(Next::Stop);
            }
            self.time_files += 1;
            self.opened_at = now;
            self.size_index = 0;
            self.reopen(now)?;
            return Ok(Next::Go);
        }
        if let Some(c) = self.rot.size
            && self.writer.size() > c
        {
            self.size_index += 1;
            if self.rot.count.is_some_and(|w| self.size_index >= w) {
                self.size_index = 0;
            }
            self.reopen(self.opened_at)?;
        }
        Ok(Next::Go)
    }

    fn reopen(&mut self, t: i64) -> io::Result<()> {
        self.writer.flush()?;
        let path = Self::name(&self.base, &self.rot, self.size_index, t);
        self.writer =
            Self::create(&path, self.linktype, self.snaplen, self.per_packet_flush, self.owner)?;
        self.path = PathBuf::from(path);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_names() {
        let c = Rotation { size: Some(1), seconds: None, count: None };
        assert_eq!(RotatingWriter::name("f.pcap", &c, 0, 0), "f.pcap");
        assert_eq!(RotatingWriter::name("f.pcap", &c, 2, 0), "f.pcap2");
        let cw = Rotation { size: Some(1), seconds: None, count: Some(12) };
        assert_eq!(RotatingWriter::name("f.pcap", &cw, 0, 0), "f.pcap00");
        assert_eq!(RotatingWriter::name("f.pcap", &cw, 11, 0), "f.pcap11");
        let cw = Rotation { size: Some(1), seconds: None, count: Some(5) };
        assert_eq!(RotatingWriter::name("f", &cw, 3, 0), "f3");
    }

    #[test]
    fn header_and_record() {
        let dir = std::env::temp_dir().join(format!("bpfcap-sf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.pcap");
        let mut w = PcapWriter::create(p.to_str().unwrap(), Dlt::EN10MB, 96, false).unwrap();
        w.write(1, 2, 5, 60, &[&[1, 2], &[3, 4, 5, 6]]).unwrap();
        w.flush().unwrap();
        let b = std::fs::read(&p).unwrap();
        assert_eq!(b.len(), 24 + 16 + 5);
        assert_eq!(&b[40..], &[1, 2, 3, 4, 5]);
        assert_eq!(w.size(), 45);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
