//! The system calls behind live capture: the only module of the crate with
//! `unsafe` code.
//!
//! Everything here is a thin, safe wrapper around one Linux facility:
//!
//! * [`PacketSocket`]: an `AF_PACKET` socket with a `TPACKET_V3`
//!   memory-mapped receive ring, a classic BPF filter (`SO_ATTACH_FILTER`),
//!   promiscuous membership, direction control and `PACKET_STATISTICS`;
//! * [`Ring`] / [`Block`] / [`Frame`]: read-only views of the ring's blocks
//!   and of the packets in them, with the block handed back to the kernel
//!   when the view is dropped;
//! * interface facts the listing needs (`ifindex`, `ARPHRD` type, flags,
//!   link state, IPv4 netmask);
//! * process plumbing: stop-on-signal flag, privilege drop, `chown`;
//! * [`RawSender`] and [`enter_netns`]: what the tests and the benchmark
//!   sender use to inject frames from another network namespace.
//!
//! Each `unsafe` block states why it is sound in a `// SAFETY:` line.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};

use super::link::PacketMeta;
use crate::bpf::Insn;

fn cvt(ret: libc::c_int) -> io::Result<libc::c_int> {
    if ret < 0 { Err(io::Error::last_os_error()) } else { Ok(ret) }
}

/// `ETH_P_ALL` in network byte order, the protocol a capture binds with.
const ETH_P_ALL_BE: u16 = (libc::ETH_P_ALL as u16).to_be();

/// Sets a socket option from a plain-old-data value.
fn setsockopt<T>(fd: RawFd, level: libc::c_int, name: libc::c_int, val: &T) -> io::Result<()> {
    // SAFETY: `val` is a live reference to a `T` of exactly the length passed.
    let r = unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            (val as *const T).cast(),
            std::mem::size_of::<T>() as libc::socklen_t,
        )
    };
    cvt(r).map(|_| ())
}

/// The index of interface `name`, or `ENODEV`.
pub fn ifindex(name: &str) -> io::Result<u32> {
    let c = CString::new(name).map_err(|_| io::Error::from_raw_os_error(libc::ENODEV))?;
    // SAFETY: `c` is a valid NUL-terminated string for the duration of the call.
    let idx = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if idx == 0 { Err(io::Error::last_os_error()) } else { Ok(idx) }
}

/// A zeroed `ifreq` carrying interface name `name` (truncated to IFNAMSIZ-1).
fn ifreq(name: &str) -> libc::ifreq {
    // SAFETY: `ifreq` is plain old data for which all-zero bytes are valid.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (dst, src) in req.ifr_name.iter_mut().zip(name.bytes().take(libc::IFNAMSIZ - 1)) {
        *dst = src as libc::c_char;
    }
    req
}

/// A datagram socket for interface ioctls.
fn ioctl_socket() -> io::Result<OwnedFd> {
    // SAFETY: plain socket(2) call; the result is checked before use.
    let fd = cvt(unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) })?;
    // SAFETY: `fd` is a fresh descriptor that nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// The link state as `ethtool` reports it: `Some(true)` when the carrier is
/// up, `None` when the driver cannot tell.
pub fn link_up(name: &str) -> Option<bool> {
    #[repr(C)]
    struct EthtoolValue {
        cmd: u32,
        data: u32,
    }
    const ETHTOOL_GLINK: u32 = 0x0000_000a;
    let sock = ioctl_socket().ok()?;
    let mut val = EthtoolValue { cmd: ETHTOOL_GLINK, data: 0 };
    let mut req = ifreq(name);
    req.ifr_ifru.ifru_data = (&mut val as *mut EthtoolValue).cast();
    // SAFETY: `req` names the interface and points at `val`, which outlives the call.
    let r = unsafe { libc::ioctl(sock.as_raw_fd(), libc::SIOCETHTOOL as _, &mut req) };
    if r < 0 { None } else { Some(val.data != 0) }
}

/// The interface's IPv4 netmask in host byte order (0 when it has none).
pub fn ipv4_netmask(name: &str) -> u32 {
    let Ok(sock) = ioctl_socket() else { return 0 };
    let mut req = ifreq(name);
    // SAFETY: `req` is a valid ifreq that the kernel fills in.
    let r = unsafe { libc::ioctl(sock.as_raw_fd(), libc::SIOCGIFNETMASK as _, &mut req) };
    if r < 0 {
        return 0;
    }
    // SAFETY: on success the kernel stored a `sockaddr_in` in the union.
    let sin: libc::sockaddr_in = unsafe {
        std::ptr::read_unaligned((&req.ifr_ifru.ifru_netmask as *const libc::sockaddr).cast())
    };
    u32::from_be(sin.sin_addr.s_addr)
}

/// Capture statistics (`PACKET_STATISTICS`, accumulated: each read resets
/// the kernel's counters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Packets that passed the kernel filter (including dropped ones).
    pub received: u64,
    /// Packets the kernel dropped because the ring was full.
    pub dropped: u64,
}

/// How to open a packet socket.
#[derive(Clone, Debug)]
pub struct SocketOptions {
    /// Interface index, or 0 for all interfaces (`any`).
    pub ifindex: u32,
    /// `SOCK_DGRAM` (cooked: the kernel removes the link header) instead of
    /// `SOCK_RAW`.
    pub cooked: bool,
    /// Ring size in bytes (rounded to whole blocks).
    pub ring_bytes: usize,
    /// Block size in bytes (a power of two, at least a page).
    pub block_bytes: usize,
    /// Milliseconds after which the kernel hands over a partly filled block.
    pub block_timeout_ms: u32,
    /// Put the interface in promiscuous mode for as long as the socket lives.
    pub promisc: bool,
    /// Ask the kernel not to loop back outgoing packets (`-Q in`).
    pub ignore_outgoing: bool,
}

/// A capture socket: opened with protocol 0 (so it receives nothing), then
/// given its ring and filter, and only then bound, so that no packet ever
/// reaches the ring unfiltered.
pub struct PacketSocket {
    fd: OwnedFd,
    ifindex: u32,
    stats: Stats,
}

impl PacketSocket {
    /// Creates the socket (protocol 0: no packets flow yet).
    pub fn open(cooked: bool) -> io::Result<PacketSocket> {
        let ty = if cooked { libc::SOCK_DGRAM } else { libc::SOCK_RAW };
        // SAFETY: plain socket(2) call; the result is checked before use.
        let fd = cvt(unsafe { libc::socket(libc::AF_PACKET, ty | libc::SOCK_CLOEXEC, 0) })?;
        // SAFETY: `fd` is a fresh descriptor that nothing else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        Ok(PacketSocket { fd, ifindex: 0, stats: Stats::default() })
    }

    /// Selects TPACKET_V3 and maps a receive ring of the requested size.
    pub fn map_ring(&mut self, opts: &SocketOptions) -> io::Result<Ring> {
        let fd = self.fd.as_raw_fd();
        let version = libc::tpacket_versions::TPACKET_V3 as libc::c_int;
        setsockopt(fd, libc::SOL_PACKET, libc::PACKET_VERSION, &version)?;
        if opts.ignore_outgoing {
            // Best effort: older kernels lack it and userspace checks the direction anyway.
            let one: libc::c_int = 1;
            let _ = setsockopt(fd, libc::SOL_PACKET, libc::PACKET_IGNORE_OUTGOING, &one);
        }
        let block = opts.block_bytes.max(4096);
        let nblocks = opts.ring_bytes.div_ceil(block).max(2);
        let frame: usize = 2048;
        let req = libc::tpacket_req3 {
            tp_block_size: block as u32,
            tp_block_nr: nblocks as u32,
            tp_frame_size: frame as u32,
            tp_frame_nr: (block / frame * nblocks) as u32,
            tp_retire_blk_tov: opts.block_timeout_ms,
            tp_sizeof_priv: 0,
            tp_feature_req_word: 0,
        };
        setsockopt(fd, libc::SOL_PACKET, libc::PACKET_RX_RING, &req)?;
        let len = block * nblocks;
        // SAFETY: mapping the ring the kernel just allocated for this socket;
        // the result is checked against MAP_FAILED.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED | libc::MAP_POPULATE,
                fd,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(Ring { base: base.cast(), len, block, nblocks, next: 0 })
    }

    /// Attaches a classic BPF program (`SO_ATTACH_FILTER`).
    pub fn attach_filter(&self, insns: &[Insn]) -> io::Result<()> {
        let mut filter: Vec<libc::sock_filter> = insns
            .iter()
            .map(|i| libc::sock_filter { code: i.code, jt: i.jt, jf: i.jf, k: i.k })
            .collect();
        let len =
            u16::try_from(filter.len()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
        let prog = libc::sock_fprog { len, filter: filter.as_mut_ptr() };
        setsockopt(self.fd.as_raw_fd(), libc::SOL_SOCKET, libc::SO_ATTACH_FILTER, &prog)
    }

    /// Binds to the interface with `ETH_P_ALL`: from now on packets flow.
    pub fn bind(&mut self, ifindex: u32) -> io::Result<()> {
        // SAFETY: `sockaddr_ll` is plain old data for which all-zero bytes are valid.
        let mut sll: libc::sockaddr_ll = unsafe { std::mem::zeroed() };
        sll.sll_family = libc::AF_PACKET as u16;
        sll.sll_protocol = ETH_P_ALL_BE;
        sll.sll_ifindex = ifindex as i32;
        // SAFETY: `sll` is a valid sockaddr_ll of the length passed.
        let r = unsafe {
            libc::bind(
                self.fd.as_raw_fd(),
                (&sll as *const libc::sockaddr_ll).cast(),
                std::mem::size_of::<libc::sockaddr_ll>() as libc::socklen_t,
            )
        };
        cvt(r)?;
        self.ifindex = ifindex;
        Ok(())
    }

    /// Adds promiscuous membership (dropped automatically when the socket closes).
    pub fn set_promisc(&self, ifindex: u32) -> io::Result<()> {
        let mreq = libc::packet_mreq {
            mr_ifindex: ifindex as i32,
            mr_type: libc::PACKET_MR_PROMISC as u16,
            mr_alen: 0,
            mr_address: [0; 8],
        };
        setsockopt(self.fd.as_raw_fd(), libc::SOL_PACKET, libc::PACKET_ADD_MEMBERSHIP, &mreq)
    }

    /// Waits up to `timeout_ms` for the socket to become readable. An
    /// interrupted wait (a signal) is not an error.
    pub fn poll(&self, timeout_ms: i32) -> io::Result<()> {
        let mut pfd = libc::pollfd {
            fd: self.fd.as_raw_fd(),
            events: libc::POLLIN | libc::POLLERR,
            revents: 0,
        };
        // SAFETY: `pfd` is one valid pollfd.
        let r = unsafe { libc::poll(&mut pfd, 1, timeout_ms) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
        if pfd.revents & libc::POLLERR != 0 {
            let mut err: libc::c_int = 0;
            let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: `err` and `len` are valid for the kernel to write.
            unsafe {
                libc::getsockopt(
                    self.fd.as_raw_fd(),
                    libc::SOL_SOCKET,
                    libc::SO_ERROR,
                    (&mut err as *mut libc::c_int).cast(),
                    &mut len,
                )
            };
            if err == libc::ENETDOWN || err == libc::ENXIO || err == libc::ENODEV {
                return Err(io::Error::from_raw_os_error(err));
            }
        }
        Ok(())
    }

    /// Reads and accumulates `PACKET_STATISTICS`.
    pub fn stats(&mut self) -> Stats {
        // SAFETY: plain old data for which all-zero bytes are valid.
        let mut st: libc::tpacket_stats_v3 = unsafe { std::mem::zeroed() };
        let mut len = std::mem::size_of::<libc::tpacket_stats_v3>() as libc::socklen_t;
        // SAFETY: `st` and `len` are valid for the kernel to write.
        let r = unsafe {
            libc::getsockopt(
                self.fd.as_raw_fd(),
                libc::SOL_PACKET,
                libc::PACKET_STATISTICS,
                (&mut st as *mut libc::tpacket_stats_v3).cast(),
                &mut len,
            )
        };
        if r == 0 {
            self.stats.received += u64::from(st.tp_packets);
            self.stats.dropped += u64::from(st.tp_drops);
        }
        self.stats
    }
}

/// The memory-mapped TPACKET_V3 ring: `nblocks` blocks of `block` bytes.
pub struct Ring {
    base: *mut u8,
    len: usize,
    block: usize,
    nblocks: usize,
    next: usize,
}

// The ring is owned by one thread at a time; the raw pointer is just a mapping.
// SAFETY: nothing in `Ring` is tied to the thread that created it.
unsafe impl Send for Ring {}

impl Drop for Ring {
    fn drop(&mut self) {
        // SAFETY: `base`/`len` are exactly the mapping made in `map_ring`.
        unsafe { libc::munmap(self.base.cast(), self.len) };
    }
}

const BLOCK_STATUS_OFFSET: usize = 8;

impl Ring {
    /// The block status word of block `i`, read with acquire ordering so
    /// that the packets the kernel wrote before setting it are visible.
    fn status(&self, i: usize) -> &std::sync::atomic::AtomicU32 {
        // SAFETY: the status word lies within block `i` of the mapping, is
        // 4-byte aligned and is only accessed atomically by us and the kernel.
        unsafe {
            &*(self.base.add(i * self.block + BLOCK_STATUS_OFFSET)
                as *const std::sync::atomic::AtomicU32)
        }
    }

    /// The next block if the kernel has handed it to user space.
    pub fn next_block(&mut self) -> Option<Block<'_>> {
        let i = self.next;
        if self.status(i).load(Ordering::Acquire) & libc::TP_STATUS_USER == 0 {
            return None;
        }
        self.next = (i + 1) % self.nblocks;
        // SAFETY: block `i` lies within the mapping, and the kernel does not
        // touch it while its status says TP_STATUS_USER (until `Block` drops).
        let bytes =
            unsafe { std::slice::from_raw_parts(self.base.add(i * self.block), self.block) };
        Some(Block { ring: self, index: i, bytes })
    }
}

/// One block owned by user space; given back to the kernel on drop.
pub struct Block<'a> {
    ring: &'a Ring,
    index: usize,
    bytes: &'a [u8],
}

impl Drop for Block<'_> {
    fn drop(&mut self) {
        self.ring.status(self.index).store(libc::TP_STATUS_KERNEL, Ordering::Release);
    }
}

fn u16_at(b: &[u8], off: usize) -> u16 {
    b.get(off..off + 2).map_or(0, |s| u16::from_ne_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    b.get(off..off + 4).map_or(0, |s| u32::from_ne_bytes([s[0], s[1], s[2], s[3]]))
}

impl<'a> Block<'a> {
    /// The packets in the block, in arrival order.
    pub fn frames(&self) -> Frames<'a> {
        // Block descriptor: version, offset_to_priv, then tpacket_hdr_v1:
        // block_status, num_pkts, offset_to_first_pkt, blk_len, ...
        let num = u32_at(self.bytes, 12);
        let first = u32_at(self.bytes, 16) as usize;
        Frames { bytes: self.bytes, left: num, off: first }
    }
}

/// Iterator over the packets of a block.
pub struct Frames<'a> {
    bytes: &'a [u8],
    left: u32,
    off: usize,
}

/// One received packet, as the kernel describes it in `tpacket3_hdr` and
/// the `sockaddr_ll` after it.
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a> {
    /// Seconds.
    pub sec: u32,
    /// Nanoseconds.
    pub nsec: u32,
    /// Length on the wire (without the link header in cooked mode).
    pub len: u32,
    /// `tp_status` (VLAN validity bits).
    pub status: u32,
    /// 802.1Q TCI the kernel removed, if `status` says so.
    pub vlan_tci: u16,
    /// Its TPID, if `status` says so.
    pub vlan_tpid: u16,
    /// The `sockaddr_ll` fields: protocol, interface, type, address.
    pub meta: PacketMeta,
    /// The captured bytes.
    pub data: &'a [u8],
}

/// `TPACKET_ALIGN(sizeof(struct tpacket3_hdr))`: where the `sockaddr_ll` sits.
const SLL_OFFSET: usize = 48;

impl<'a> Iterator for Frames<'a> {
    type Item = Frame<'a>;

    fn next(&mut self) -> Option<Frame<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let h = self.bytes.get(self.off..)?;
        let next = u32_at(h, 0) as usize;
        let snaplen = u32_at(h, 12) as usize;
        let mac = usize::from(u16_at(h, 24));
        let sll = h.get(SLL_OFFSET..SLL_OFFSET + 20).unwrap_or(&[]);
        let mut addr = [0u8; 8];
        if let Some(a) = sll.get(12..20) {
            addr.copy_from_slice(a);
        }
        let frame = Frame {
            sec: u32_at(h, 4),
            nsec: u32_at(h, 8),
            len: u32_at(h, 16),
            status: u32_at(h, 20),
            vlan_tci: u32_at(h, 32) as u16,
            vlan_tpid: u16_at(h, 36),
            meta: PacketMeta {
                protocol: u16::from_be(u16_at(sll, 2)),
                ifindex: u32_at(sll, 4),
                hatype: u16_at(sll, 8),
                pkttype: sll.get(10).copied().unwrap_or(0),
                halen: sll.get(11).copied().unwrap_or(0),
                addr,
            },
            data: h.get(mac..mac + snaplen).unwrap_or(&[]),
        };
        if next == 0 {
            self.left = 0;
        } else {
            self.off += next;
        }
        Some(frame)
    }
}

static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, Ordering::Relaxed);
}

/// Makes SIGINT, SIGTERM and SIGHUP set the stop flag (and interrupt
/// `poll`) instead of killing the process, so the savefile is flushed.
pub fn install_stop_handlers() {
    for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: `sa` is fully initialized; the handler only stores to an
        // atomic, which is async-signal-safe.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_signal as *const () as usize;
            libc::sigemptyset(&mut sa.sa_mask);
            sa.sa_flags = 0; // no SA_RESTART: poll returns EINTR
            libc::sigaction(sig, &sa, std::ptr::null_mut());
        }
    }
}

/// Whether a stop signal arrived.
pub fn stop_requested() -> bool {
    STOP.load(Ordering::Relaxed)
}

/// A user to drop privileges to (`-Z`).
#[derive(Clone, Debug)]
pub struct User {
    /// Name.
    pub name: String,
    /// User id.
    pub uid: u32,
    /// Primary group id.
    pub gid: u32,
}

/// Looks up a user by name (or numeric id).
pub fn lookup_user(name: &str) -> io::Result<User> {
    let c = CString::new(name).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    let mut buf = vec![0 as libc::c_char; 16384];
    // SAFETY: plain old data for which all-zero bytes are valid.
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut out: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: all pointers are valid; `buf` outlives the use of `pw`'s strings (unused).
    let r = unsafe { libc::getpwnam_r(c.as_ptr(), &mut pw, buf.as_mut_ptr(), buf.len(), &mut out) };
    if r == 0 && !out.is_null() {
        return Ok(User { name: name.to_string(), uid: pw.pw_uid, gid: pw.pw_gid });
    }
    if let Ok(uid) = name.parse::<u32>() {
        return Ok(User { name: name.to_string(), uid, gid: uid });
    }
    Err(io::Error::new(io::ErrorKind::NotFound, format!("Couldn't find user '{name}'")))
}

/// Drops to `user`: supplementary groups, group, then user id.
pub fn drop_privileges(user: &User) -> io::Result<()> {
    let c = CString::new(user.name.as_str()).unwrap_or_default();
    // SAFETY: valid string pointer; initgroups only reads it.
    if unsafe { libc::initgroups(c.as_ptr(), user.gid as _) } != 0 {
        // A numeric id without a passwd entry: just clear the groups.
        // SAFETY: an empty group list.
        cvt(unsafe { libc::setgroups(0, std::ptr::null()) })?;
    }
    // SAFETY: plain system calls with integer arguments.
    cvt(unsafe { libc::setgid(user.gid) })?;
    // SAFETY: as above.
    cvt(unsafe { libc::setuid(user.uid) })?;
    Ok(())
}

/// `chown(path, uid, gid)`.
pub fn chown(path: &std::path::Path, uid: u32, gid: u32) -> io::Result<()> {
    std::os::unix::fs::chown(path, Some(uid), Some(gid))
}

/// The effective user id.
pub fn euid() -> u32 {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() }
}

/// Moves the calling thread into the network namespace `name`
/// (`/run/netns/NAME`, as created by `ip netns add`).
pub fn enter_netns(name: &str) -> io::Result<()> {
    let f = std::fs::File::open(format!("/run/netns/{name}"))?;
    // SAFETY: `f` is an open namespace file descriptor.
    cvt(unsafe { libc::setns(f.as_raw_fd(), libc::CLONE_NEWNET) }).map(|_| ())
}

/// A raw `AF_PACKET` socket for sending whole frames on one interface
/// (tests and the benchmark sender).
pub struct RawSender {
    fd: OwnedFd,
    ifindex: u32,
}

impl RawSender {
    /// Opens a sender on `iface` (in the calling thread's namespace). With
    /// `bypass_qdisc`, frames skip the queueing discipline.
    pub fn open(iface: &str, bypass_qdisc: bool) -> io::Result<RawSender> {
        let ifindex = ifindex(iface)?;
        // SAFETY: plain socket(2) call; protocol 0 means this socket receives nothing.
        let fd =
            cvt(unsafe { libc::socket(libc::AF_PACKET, libc::SOCK_RAW | libc::SOCK_CLOEXEC, 0) })?;
        // SAFETY: `fd` is a fresh descriptor that nothing else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        if bypass_qdisc {
            let one: libc::c_int = 1;
            let _ = setsockopt(fd.as_raw_fd(), libc::SOL_PACKET, libc::PACKET_QDISC_BYPASS, &one);
        }
        Ok(RawSender { fd, ifindex })
    }

    fn addr(&self) -> libc::sockaddr_ll {
        // SAFETY: plain old data for which all-zero bytes are valid.
        let mut sll: libc::sockaddr_ll = unsafe { std::mem::zeroed() };
        sll.sll_family = libc::AF_PACKET as u16;
        sll.sll_ifindex = self.ifindex as i32;
        sll.sll_halen = 6;
        sll
    }

    /// Sends one frame.
    pub fn send(&self, frame: &[u8]) -> io::Result<()> {
        let sll = self.addr();
        // SAFETY: `frame` and `sll` are valid for the lengths passed.
        let r = unsafe {
            libc::sendto(
                self.fd.as_raw_fd(),
                frame.as_ptr().cast(),
                frame.len(),
                0,
                (&sll as *const libc::sockaddr_ll).cast(),
                std::mem::size_of::<libc::sockaddr_ll>() as libc::socklen_t,
            )
        };
        if r < 0 { Err(io::Error::last_os_error()) } else { Ok(()) }
    }

    /// Sends a batch of frames with one `sendmmsg`; returns how many went.
    pub fn send_batch(&self, frames: &[&[u8]]) -> io::Result<usize> {
        let mut sll = self.addr();
        let mut iov: Vec<libc::iovec> = frames
            .iter()
            .map(|f| libc::iovec { iov_base: f.as_ptr() as *mut libc::c_void, iov_len: f.len() })
            .collect();
        let mut msgs: Vec<libc::mmsghdr> = iov
            .iter_mut()
            .map(|v| {
                // SAFETY: plain old data for which all-zero bytes are valid.
                let mut m: libc::mmsghdr = unsafe { std::mem::zeroed() };
                m.msg_hdr.msg_name = (&mut sll as *mut libc::sockaddr_ll).cast();
                m.msg_hdr.msg_namelen = std::mem::size_of::<libc::sockaddr_ll>() as u32;
                m.msg_hdr.msg_iov = v;
                m.msg_hdr.msg_iovlen = 1;
                m
            })
            .collect();
        // SAFETY: every header points at live iovecs, frames and `sll`.
        let r =
            unsafe { libc::sendmmsg(self.fd.as_raw_fd(), msgs.as_mut_ptr(), msgs.len() as u32, 0) };
        if r < 0 { Err(io::Error::last_os_error()) } else { Ok(r as usize) }
    }
}

/// Formats local time `t` (seconds since the epoch) with strftime(3).
pub fn strftime_local(pattern: &str, t: i64) -> Option<String> {
    let fmt = CString::new(pattern).ok()?;
    // SAFETY: plain old data for which all-zero bytes are valid.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let tt = t as libc::time_t;
    // SAFETY: both pointers are valid; localtime_r is the reentrant variant.
    if unsafe { libc::localtime_r(&tt, &mut tm) }.is_null() {
        return None;
    }
    let mut buf = vec![0u8; 4096];
    // SAFETY: `buf` has the length passed; `fmt` and `tm` are valid.
    let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), buf.len(), fmt.as_ptr(), &tm) };
    if n == 0 && !pattern.is_empty() {
        return None;
    }
    buf.truncate(n);
    String::from_utf8(buf).ok()
}

/// Seconds since the epoch.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The interface's `IFF_*` flags as `SIOCGIFFLAGS` reports them (these
/// include `IFF_RUNNING`, which `/sys/class/net/*/flags` lacks).
pub fn if_flags(name: &str) -> io::Result<u32> {
    let sock = ioctl_socket()?;
    let mut req = ifreq(name);
    // SAFETY: `req` is a valid ifreq that the kernel fills in.
    cvt(unsafe { libc::ioctl(sock.as_raw_fd(), libc::SIOCGIFFLAGS as _, &mut req) })?;
    // SAFETY: on success the kernel stored the flags in the union.
    Ok(u32::from(unsafe { req.ifr_ifru.ifru_flags } as u16))
}
