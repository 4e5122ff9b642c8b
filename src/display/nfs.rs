//! NFS versions 2 and 3 over Sun RPC (RFC 5531, RFC 1094, RFC 1813) on
//! port 2049, UDP or TCP (after the four-byte record mark).
//!
//! A call prints `NFS request xid XID LEN PROC` and the arguments tcpdump
//! shows by default: the file handle, names, byte counts and offsets
//! (`write fh Unknown/0102... 3 (3) bytes @ 0`). A reply prints
//! `NFS reply xid XID reply ok|ERR LEN`, then, when the call was seen
//! (tcpdump remembers the last 64 calls by xid and addresses), the
//! procedure and its results: an error's text, getattr's type, mode,
//! owner and size, lookup's and create's new handle, access's granted
//! rights.
//!
//! File handles print as `Unknown/` (cut, as tcpdump cuts it, to a
//! quarter of the handle's length: `Un/` for 8 bytes) and their first 32
//! bytes in upper-case hex.
//! tcpdump first tries to recognise the handle layouts of several old
//! operating systems and prints a device and inode for those; bpfcap
//! does not guess at them. The credentials are skipped, not printed;
//! the `-v` attribute and weak-cache-consistency details are not
//! dissected. NFSv4 calls print the header and procedure only.

use super::{Bytes, fmt};

/// How many calls are remembered for naming replies.
const XIDS: usize = 64;

#[derive(Clone, Copy, Default)]
struct Xid {
    xid: u32,
    client: [u8; 16],
    server: [u8; 16],
    vers: u32,
    proc3: u32,
}

/// The remembered calls.
pub(crate) struct XidMap {
    calls: Box<[Xid; XIDS]>,
    used: usize,
    next: usize,
}

impl Default for XidMap {
    fn default() -> Self {
        XidMap { calls: Box::new([Xid::default(); XIDS]), used: 0, next: 0 }
    }
}

fn addr16(a: &[u8]) -> [u8; 16] {
    let mut k = [0u8; 16];
    let n = a.len().min(16);
    k[..n].copy_from_slice(&a[..n]);
    k
}

/// Version 3 procedure names; version 2 procedures are mapped onto them.
const PROCS: [&str; 22] = [
    "null",
    "getattr",
    "setattr",
    "lookup",
    "access",
    "readlink",
    "read",
    "write",
    "create",
    "mkdir",
    "symlink",
    "mknod",
    "remove",
    "rmdir",
    "rename",
    "link",
    "readdir",
    "readdirplus",
    "fsstat",
    "fsinfo",
    "pathconf",
    "commit",
];

/// The version 3 number of a version 2 procedure (`None` for root and
/// writecache, which version 3 dropped).
fn v2_to_v3(p: u32) -> Option<u32> {
    Some(match p {
        0 => 0,
        1 => 1,
        2 => 2,
        4 => 3,
        5 => 5,
        6 => 6,
        8 => 7,
        9 => 8,
        10 => 12,
        11 => 14,
        12 => 15,
        13 => 10,
        14 => 9,
        15 => 13,
        16 => 16,
        17 => 18,
        _ => return None,
    })
}

fn v2_name(p: u32) -> Option<&'static str> {
    match p {
        3 => Some("root"),
        7 => Some("writecache"),
        _ => None,
    }
}

fn error_text(e: u32) -> Option<&'static str> {
    Some(match e {
        1 => "Operation not permitted",
        2 => "No such file or directory",
        5 => "Input/output error",
        6 => "Device not configured",
        13 => "Permission denied",
        17 => "File exists",
        18 => "Cross-device link",
        19 => "Operation not supported by device",
        20 => "Not a directory",
        21 => "Is a directory",
        22 => "Invalid argument",
        27 => "File too large",
        28 => "No space left on device",
        30 => "Read-only file system",
        31 => "Too many links",
        63 => "File name too long",
        66 => "Directory not empty",
        69 => "Disc quota exceeded",
        70 => "Stale NFS file handle",
        71 => "Too many levels of remote in path",
        99 => "Write cache flushed to disk",
        10001 => "Illegal NFS file handle",
        10002 => "Update synchronization mismatch",
        10003 => "READDIR/READDIRPLUS cookie is stale",
        10004 => "Operation not supported",
        10005 => "Buffer or request is too small",
        10006 => "Unspecified error on server",
        10007 => "Object of that type not supported",
        10008 => "Request couldn't be completed in time",
        _ => return None,
    })
}

const TYPES: [&str; 8] = ["NON", "REG", "DIR", "BLK", "CHR", "LNK", "SOCK", "FIFO"];

const ACCESS: [&str; 6] = [
    "NFS_ACCESS_READ",
    "NFS_ACCESS_LOOKUP",
    "NFS_ACCESS_MODIFY",
    "NFS_ACCESS_EXTEND",
    "NFS_ACCESS_DELETE",
    "NFS_ACCESS_EXECUTE",
];

/// A reader of XDR words; `None` means the capture ended.
struct Rd<'a> {
    b: Bytes<'a>,
    off: usize,
}

impl Rd<'_> {
    fn u32(&mut self) -> Option<u32> {
        let v = self.b.u32(self.off)?;
        self.off += 4;
        Some(v)
    }
    fn u64(&mut self) -> Option<u64> {
        let hi = self.u32()?;
        let lo = self.u32()?;
        Some((u64::from(hi) << 32) | u64::from(lo))
    }
    fn skip(&mut self, n: usize) -> Option<()> {
        self.b.slice(self.off, n)?;
        self.off += n;
        Some(())
    }
    /// Skips an opaque field: length, bytes, padding.
    fn skip_opaque(&mut self) -> Option<()> {
        let n = self.u32()? as usize;
        self.skip(n.checked_add(3)? & !3)
    }
}

/// Whether a packet on port 2049 is an RPC call to the server or a reply
/// from it: the message type is the second word.
pub(crate) fn direction(data: &[u8], sport: u16, dport: u16) -> Option<bool> {
    match Bytes(data).u32(4)? {
        0 if dport == 2049 => Some(true),
        1 if sport == 2049 => Some(false),
        _ => None,
    }
}

/// Prints an RPC call (`data`, the message, `len` bytes long). Returns
/// true when tcpdump would dump the packet from the link layer under
/// `-x` (a credential whose padded length overflows).
pub(crate) fn request(
    map: &mut XidMap,
    src: &[u8],
    dst: &[u8],
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) -> bool {
    let mut r = Rd { b: Bytes(data), off: 0 };
    let xid = r.u32().unwrap_or(0);
    fmt::s(out, "NFS request xid ");
    fmt::u(out, xid as u64);
    out.push(b' ');
    fmt::u(out, len as u64);
    if call(map, src, dst, xid, &mut r, out).is_none() {
        fmt::s(out, " [|nfs]");
        let cred_len = r.b.u32(28).unwrap_or(0);
        return cred_len > u32::MAX - 3;
    }
    false
}

fn call(
    map: &mut XidMap,
    src: &[u8],
    dst: &[u8],
    xid: u32,
    r: &mut Rd<'_>,
    out: &mut Vec<u8>,
) -> Option<()> {
    let (vers, proc) = (r.b.u32(16)?, r.b.u32(20)?);
    let proc3 = if vers == 2 { v2_to_v3(proc).unwrap_or(u32::MAX) } else { proc };
    map.calls[map.next] = Xid { xid, client: addr16(src), server: addr16(dst), vers, proc3 };
    map.next = (map.next + 1) % XIDS;
    map.used = (map.used + 1).min(XIDS);
    out.push(b' ');
    proc_name(vers, proc, proc3, out);
    r.off = 24;
    r.u32()?;
    r.skip_opaque()?;
    r.u32()?;
    r.skip_opaque()?;
    if vers != 2 && vers != 3 {
        return Some(());
    }
    match proc3 {
        1 | 2 | 5 | 18..=20 => fh(vers, r, out)?,
        3 | 8 | 9 | 12 | 13 => {
            fh(vers, r, out)?;
            name(r, out)?;
        }
        10 => {
            fh(vers, r, out)?;
            name(r, out)?;
            if vers == 3 {
                skip_sattr3(r)?;
            }
            fmt::s(out, " ->");
            quoted(r, out)?;
        }
        11 => {
            fh(vers, r, out)?;
            name(r, out)?;
            let t = r.u32()?;
            out.push(b' ');
            match TYPES.get(t as usize) {
                Some(n) => fmt::s(out, n),
                None => fmt::u(out, t as u64),
            }
        }
        14 => {
            fh(vers, r, out)?;
            name(r, out)?;
            fmt::s(out, " ->");
            fh(vers, r, out)?;
            name(r, out)?;
        }
        15 => {
            fh(vers, r, out)?;
            fmt::s(out, " ->");
            fh(vers, r, out)?;
            name(r, out)?;
        }
        4 => {
            fh(vers, r, out)?;
            let a = r.u32()?;
            out.push(b' ');
            let mut first = true;
            for (i, n) in ACCESS.iter().enumerate() {
                if a & (1 << i) != 0 {
                    if !first {
                        out.push(b'|');
                    }
                    first = false;
                    fmt::s(out, n);
                }
            }
        }
        6 | 21 => {
            fh(vers, r, out)?;
            let (count, off) = if vers == 3 {
                let off = r.u64()?;
                (r.u32()?, off)
            } else {
                let off = r.u32()?;
                (r.u32()?, u64::from(off))
            };
            bytes_at(out, count, None, off);
        }
        7 => {
            fh(vers, r, out)?;
            if vers == 3 {
                let off = r.u64()?;
                let count = r.u32()?;
                r.u32()?;
                let dlen = r.u32()?;
                bytes_at(out, count, Some(dlen), off);
            } else {
                // Begin offset, offset, total count, then the data.
                let (begin, off, total, dlen) = (r.u32()?, r.u32()?, r.u32()?, r.u32()?);
                bytes_at(out, dlen, Some(total), u64::from(off));
                fmt::s(out, " (");
                fmt::u(out, begin as u64);
                out.push(b')');
            }
        }
        16 | 17 => {
            fh(vers, r, out)?;
            let (count, cookie) = if vers == 3 {
                let cookie = r.u64()?;
                r.skip(8)?;
                (r.u32()?, cookie)
            } else {
                let cookie = r.u32()?;
                (r.u32()?, u64::from(cookie))
            };
            bytes_at(out, count, None, cookie);
        }
        _ => {}
    }
    Some(())
}

/// Skips a version 3 settable-attributes block (each field optional).
fn skip_sattr3(r: &mut Rd<'_>) -> Option<()> {
    for words in [1, 1, 1, 2] {
        if r.u32()? != 0 {
            r.skip(words * 4)?;
        }
    }
    for _ in 0..2 {
        if r.u32()? == 2 {
            r.skip(8)?;
        }
    }
    Some(())
}

/// ` "TEXT"` glued to what precedes it (a symlink's target).
fn quoted(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let at = out.len();
    name(r, out)?;
    out.remove(at);
    Some(())
}

fn proc_name(vers: u32, proc: u32, proc3: u32, out: &mut Vec<u8>) {
    if let (2, Some(n)) = (vers, v2_name(proc)) {
        fmt::s(out, n);
        return;
    }
    match PROCS.get(proc3 as usize) {
        Some(n) => fmt::s(out, n),
        None => {
            fmt::s(out, "proc-");
            fmt::u(out, proc as u64);
        }
    }
}

/// ` COUNT (DATALEN) bytes @ OFFSET`.
fn bytes_at(out: &mut Vec<u8>, count: u32, dlen: Option<u32>, off: u64) {
    out.push(b' ');
    fmt::u(out, count as u64);
    if let Some(d) = dlen {
        fmt::s(out, " (");
        fmt::u(out, d as u64);
        out.push(b')');
    }
    fmt::s(out, " bytes @ ");
    fmt::u(out, off);
}

/// ` fh Unknown/HEX`: a version 2 handle is 32 bytes, a version 3 one
/// carries its length; tcpdump shows at most the first 32 bytes.
fn fh(vers: u32, r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let n = if vers == 2 { 32 } else { r.u32()? as usize };
    let h = r.b.slice(r.off, n.min(32))?;
    // tcpdump's name for an unrecognised layout is cut to a quarter of
    // the handle's length ("Un/" for an 8-byte handle).
    fmt::s(out, " fh ");
    fmt::s(out, &"Unknown"[..(n / 4).min(7)]);
    out.push(b'/');
    for &c in h {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        out.push(HEX[(c >> 4) as usize]);
        out.push(HEX[(c & 15) as usize]);
    }
    r.skip(n.checked_add(3)? & !3)
}

/// ` "NAME"`; a length that cannot be padded is invalid.
fn name(r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let n = r.u32()?;
    if n > u32::MAX - 3 {
        fmt::s(out, " [cannot pad to 32-bit boundaries] (invalid)");
        return None;
    }
    let s = r.b.slice(r.off, n as usize)?;
    fmt::s(out, " \"");
    for &c in s {
        super::krb::vis_byte(out, c);
    }
    out.push(b'"');
    r.skip((n as usize + 3) & !3)
}

/// Prints an RPC reply; true when the results were cut short, where
/// tcpdump's `-x` dump starts at the link layer.
pub(crate) fn reply(
    map: &XidMap,
    src: &[u8],
    dst: &[u8],
    data: &[u8],
    len: usize,
    out: &mut Vec<u8>,
) -> bool {
    let mut r = Rd { b: Bytes(data), off: 0 };
    let xid = r.u32().unwrap_or(0);
    fmt::s(out, "NFS reply xid ");
    fmt::u(out, xid as u64);
    let Some(stat) = r.b.u32(8) else {
        fmt::s(out, " [|nfs]");
        return false;
    };
    fmt::s(out, if stat == 0 { " reply ok " } else { " reply ERR " });
    fmt::u(out, len as u64);
    if stat != 0 {
        fmt::s(out, ": ");
        fmt::s(out, " [|nfs]");
        return false;
    }
    let (client, server) = (addr16(dst), addr16(src));
    let Some(c) = map.calls[..map.used]
        .iter()
        .find(|c| c.xid == xid && c.client == client && c.server == server)
    else {
        return false;
    };
    out.push(b' ');
    proc_name(c.vers, u32::MAX, c.proc3, out);
    if results(c, &mut r, out).is_none() {
        fmt::s(out, " [|nfs]");
        return true;
    }
    false
}

/// Skips a version 3 optional attribute block; `None` if the capture
/// ends inside it.
fn post_op_attr(r: &mut Rd<'_>) -> Option<()> {
    if r.u32()? != 0 {
        r.skip(84)?;
    }
    Some(())
}

fn results(c: &Xid, r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    if c.vers != 2 && c.vers != 3 {
        return Some(());
    }
    r.off = 12;
    r.u32()?;
    r.skip_opaque()?;
    if r.u32()? != 0 || c.proc3 == 0 {
        return Some(());
    }
    let status = r.u32()?;
    let v3 = c.vers == 3;
    if status != 0 {
        fmt::s(out, " ERROR: ");
        match error_text(status) {
            Some(t) => fmt::s(out, t),
            None => {
                fmt::s(out, "unk-");
                fmt::u(out, status as u64);
            }
        }
        if v3 && matches!(c.proc3, 3..=6 | 16 | 17) {
            post_op_attr(r)?;
        }
        return Some(());
    }
    match c.proc3 {
        1 => attrs(v3, r, out)?,
        3 => {
            fh(c.vers, r, out)?;
        }
        5 => {
            if v3 {
                post_op_attr(r)?;
            }
            name(r, out)?;
        }
        8 | 9 if !v3 => fh(c.vers, r, out)?,
        16 if !v3 => {
            // tcpdump reads the first three words of a version 2 listing
            // as an offset, a size and an end-of-file flag.
            let (off, size) = (r.u32()?, r.u32()?);
            fmt::s(out, " offset 0x");
            fmt::x(out, off as u64);
            fmt::s(out, " size ");
            fmt::u(out, size as u64);
            out.push(b' ');
            if r.u32()? != 0 {
                fmt::s(out, " eof");
            }
        }
        18 => {
            if v3 {
                post_op_attr(r)?;
                for label in [" tbytes ", " fbytes ", " abytes "] {
                    let v = r.u64()?;
                    fmt::s(out, label);
                    fmt::u(out, v);
                }
            } else {
                for label in [" tsize ", " bsize ", " blocks ", " bfree ", " bavail "] {
                    let v = r.u32()?;
                    fmt::s(out, label);
                    fmt::u(out, v as u64);
                }
            }
        }
        19 if v3 => {
            post_op_attr(r)?;
            let w: [u32; 7] =
                [r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?];
            for (label, v) in [
                (" rtmax ", w[0]),
                (" rtpref ", w[1]),
                (" wtmax ", w[3]),
                (" wtpref ", w[4]),
                (" dtpref ", w[6]),
            ] {
                fmt::s(out, label);
                fmt::u(out, v as u64);
            }
        }
        20 if v3 => {
            post_op_attr(r)?;
            let (link, name) = (r.u32()?, r.u32()?);
            fmt::s(out, " linkmax ");
            fmt::u(out, link as u64);
            fmt::s(out, " namemax ");
            fmt::u(out, name as u64);
            for flag in ["notrunc", "chownres", "igncase", "keepcase"] {
                out.push(b' ');
                if r.u32()? != 0 {
                    fmt::s(out, flag);
                }
            }
        }
        4 if v3 => {
            post_op_attr(r)?;
            let a = r.u32()?;
            fmt::s(out, " c ");
            fmt::x_pad(out, a as u64, 4);
        }
        8..=11 if v3 && r.u32()? != 0 => fh(c.vers, r, out)?,
        _ => {}
    }
    Some(())
}

/// ` TYPE MODE ids UID/GID sz SIZE` from a version 2 or 3 attribute
/// block.
fn attrs(v3: bool, r: &mut Rd<'_>, out: &mut Vec<u8>) -> Option<()> {
    let need = if v3 { 84 } else { 68 };
    r.b.slice(r.off, need)?;
    let (ty, mode) = (r.u32()?, r.u32()?);
    r.u32()?;
    let (uid, gid) = (r.u32()?, r.u32()?);
    let size = if v3 { r.u64()? } else { u64::from(r.u32()?) };
    out.push(b' ');
    match TYPES.get(ty as usize) {
        Some(t) => fmt::s(out, t),
        None => fmt::u(out, ty as u64),
    }
    out.push(b' ');
    let mut buf = [0u8; 11];
    let mut i = buf.len();
    let mut m = mode & 0o7777;
    loop {
        i -= 1;
        buf[i] = b'0' + (m & 7) as u8;
        m >>= 3;
        if m == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
    fmt::s(out, " ids ");
    fmt::u(out, uid as u64);
    out.push(b'/');
    fmt::u(out, gid as u64);
    fmt::s(out, " sz ");
    fmt::u(out, size);
    Some(())
}
