//! Interfaces: what `-D` lists, what `-i NAME` resolves to.
//!
//! Facts come from `/sys/class/net/NAME/{ifindex,type,flags}` (which `ip
//! netns exec` remounts for the namespace) and from the `ethtool` link
//! state. The list is ordered as libpcap orders it: interfaces that are up
//! and running first, then by penalties for not running, not up, being
//! disconnected and being a loopback, ties broken by interface index with
//! `any` after the real devices.

use std::io;

use super::link::LinkKind;
use super::sys;
use crate::cli::CliError;

const IFF_UP: u32 = 0x1;
const IFF_LOOPBACK: u32 = 0x8;
const IFF_RUNNING: u32 = 0x40;

/// One capture device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interface {
    /// Name (`any` for the pseudo-device).
    pub name: String,
    /// Index (0 for `any`).
    pub index: u32,
    /// ARPHRD type (`None` for `any`).
    pub hatype: Option<u16>,
    /// `IFF_*` flags.
    pub flags: u32,
    /// Carrier state, when the driver reports one.
    pub connected: Option<bool>,
}

fn read_sys(name: &str, field: &str) -> io::Result<String> {
    std::fs::read_to_string(format!("/sys/class/net/{name}/{field}")).map(|s| s.trim().to_string())
}

fn parse_num(s: &str) -> Option<u32> {
    match s.strip_prefix("0x") {
        Some(h) => u32::from_str_radix(h, 16).ok(),
        None => s.parse().ok(),
    }
}

impl Interface {
    /// The `any` pseudo-device.
    pub fn any() -> Interface {
        Interface {
            name: "any".into(),
            index: 0,
            hatype: None,
            flags: IFF_UP | IFF_RUNNING,
            connected: None,
        }
    }

    /// Looks up a device by name.
    pub fn lookup(name: &str) -> Result<Interface, CliError> {
        if name == "any" {
            return Ok(Interface::any());
        }
        let index = sys::ifindex(name).map_err(|e| {
            CliError::new(format!("{name}: No such device exists ({})", strip_os(&e)))
        })?;
        let hatype = read_sys(name, "type").ok().as_deref().and_then(parse_num).map(|t| t as u16);
        let flags = sys::if_flags(name).unwrap_or(0);
        let connected = if flags & IFF_LOOPBACK != 0 { None } else { sys::link_up(name) };
        Ok(Interface { name: name.to_string(), index, hatype, flags, connected })
    }

    /// How it is captured.
    pub fn link(&self) -> LinkKind {
        LinkKind::for_interface(self.hatype)
    }

    /// Whether it is administratively up.
    pub fn is_up(&self) -> bool {
        self.flags & IFF_UP != 0
    }

    /// libpcap's ordering key (lower sorts first).
    fn merit(&self) -> u32 {
        let mut m = 0;
        if self.flags & IFF_RUNNING == 0 {
            m |= 0x8000_0000;
        }
        if self.flags & IFF_UP == 0 {
            m |= 0x4000_0000;
        }
        if self.connected == Some(false) {
            m |= 0x2000_0000;
        }
        if self.flags & IFF_LOOPBACK != 0 {
            m |= 0x1000_0000;
        }
        m
    }

    /// The `-D` line without its number.
    pub fn describe(&self) -> String {
        let mut words = Vec::new();
        if self.flags & IFF_UP != 0 {
            words.push("Up");
        }
        if self.flags & IFF_RUNNING != 0 {
            words.push("Running");
        }
        if self.flags & IFF_LOOPBACK != 0 {
            words.push("Loopback");
        }
        if words.is_empty() {
            words.push("none");
        }
        match self.connected {
            Some(true) => words.push("Connected"),
            Some(false) => words.push("Disconnected"),
            None => {}
        }
        let desc =
            if self.index == 0 { " (Pseudo-device that captures on all interfaces)" } else { "" };
        format!("{}{desc} [{}]", self.name, words.join(", "))
    }
}

/// The OS error text without Rust's " (os error N)" suffix.
pub fn strip_os(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// All capture devices in `-D` order.
pub fn all() -> Result<Vec<Interface>, CliError> {
    let dir = std::fs::read_dir("/sys/class/net")
        .map_err(|e| CliError::new(format!("can't list interfaces: {}", strip_os(&e))))?;
    let mut list: Vec<Interface> = dir
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| Interface::lookup(&n).ok())
        .collect();
    list.push(Interface::any());
    list.sort_by_key(|i| (i.merit(), i.index == 0, i.index));
    Ok(list)
}

/// The device tcpdump picks without `-i`: the first listed one.
pub fn default_device() -> Result<String, CliError> {
    all()?
        .into_iter()
        .next()
        .map(|i| i.name)
        .ok_or_else(|| CliError::new("no suitable device found"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dev(name: &str, index: u32, flags: u32, connected: Option<bool>) -> Interface {
        Interface { name: name.into(), index, hatype: Some(1), flags, connected }
    }

    /// The `tcpdump -D` lines and order seen in a fresh namespace with one
    /// veth end up and the other down.
    #[test]
    fn listing_order_and_words() {
        let mut list = [
            dev("lo", 1, IFF_LOOPBACK, None),
            dev("vb", 2, 0, Some(false)),
            dev("va", 3, IFF_UP, Some(false)),
            Interface::any(),
        ];
        list.sort_by_key(|i| (i.merit(), i.index == 0, i.index));
        let lines: Vec<String> = list.iter().map(Interface::describe).collect();
        assert_eq!(
            lines,
            [
                "any (Pseudo-device that captures on all interfaces) [Up, Running]",
                "va [Up, Disconnected]",
                "lo [Loopback]",
                "vb [none, Disconnected]",
            ]
        );
        let eth = dev("eth0", 4, IFF_UP | IFF_RUNNING, Some(true));
        assert_eq!(eth.describe(), "eth0 [Up, Running, Connected]");
        assert!(eth.merit() == 0 && Interface::any().merit() == 0);
    }
}
