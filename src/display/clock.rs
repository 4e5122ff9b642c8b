//! The local time zone of printed timestamps.
//!
//! tcpdump prints time of day (and, with `-tttt`, the date) in local time,
//! as the C library's `localtime` sees it: the zone named by `TZ`, else
//! `/etc/localtime`, else UTC. [`Zone::system`] finds the same zone with
//! jiff, which reads the system's zoneinfo files and POSIX `TZ` strings;
//! [`Zone::offset`] turns a second since the epoch into the offset from
//! UTC in force then, remembering the last answer because consecutive
//! packets almost always fall in the same second.
//!
//! Library users get UTC unless they ask for the system zone, so that what
//! the library prints does not depend on the machine it runs on.

use std::cell::Cell;

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A time zone for printing, with a one-entry cache of its last offset.
#[derive(Clone, Debug)]
pub struct Zone {
    /// `None` for UTC, which needs no lookups.
    tz: Option<TimeZone>,
    /// The last second looked up and its offset in seconds.
    last: Cell<(i64, i32)>,
}

impl Default for Zone {
    fn default() -> Zone {
        Zone::utc()
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.tz == other.tz
    }
}

impl Eq for Zone {}

impl Zone {
    /// Coordinated universal time.
    pub fn utc() -> Zone {
        Zone { tz: None, last: Cell::new((0, 0)) }
    }

    /// The zone `localtime` would use: `TZ`, else `/etc/localtime`, else
    /// UTC (jiff falls back to UTC when neither names a usable zone).
    pub fn system() -> Zone {
        Zone::from_tz(TimeZone::system())
    }

    /// A named IANA zone (`Europe/Paris`) or POSIX TZ string, for tests and
    /// library users; `None` when jiff knows no such zone.
    pub fn named(name: &str) -> Option<Zone> {
        if let Ok(tz) = TimeZone::get(name) {
            return Some(Zone::from_tz(tz));
        }
        TimeZone::posix(name).ok().map(Zone::from_tz)
    }

    fn from_tz(tz: TimeZone) -> Zone {
        let utc = tz == TimeZone::UTC;
        let z = Zone { tz: if utc { None } else { Some(tz) }, last: Cell::new((0, 0)) };
        if let Some(tz) = &z.tz {
            z.last.set((0, offset_at(tz, 0)));
        }
        z
    }

    /// The offset from UTC, in seconds, at `sec` seconds since the epoch.
    pub fn offset(&self, sec: i64) -> i32 {
        let Some(tz) = &self.tz else { return 0 };
        let (at, off) = self.last.get();
        if at == sec {
            return off;
        }
        let off = offset_at(tz, sec);
        self.last.set((sec, off));
        off
    }
}

/// The zone's offset at `sec`; instants jiff cannot represent (beyond the
/// years -9999..9999) are printed as UTC.
fn offset_at(tz: &TimeZone, sec: i64) -> i32 {
    Timestamp::from_second(sec).map_or(0, |ts| tz.to_offset(ts).seconds())
}

#[cfg(test)]
mod tests {
    use super::Zone;

    #[test]
    fn offsets_follow_the_zone_rules() {
        // (zone, second since the epoch, offset in seconds)
        let cases = [
            ("UTC", 1_700_000_000, 0),
            ("Europe/Paris", 1_700_000_000, 3600), // November: CET
            ("Europe/Paris", 1_690_000_000, 7200), // July: CEST
            ("America/New_York", 1_690_000_000, -14_400), // July: EDT
            ("EST5EDT,M3.2.0,M11.1.0", 1_700_000_000, -18_000),
            ("Asia/Kolkata", 0, 19_800),
        ];
        for (name, sec, want) in cases {
            let Some(z) = Zone::named(name) else {
                // A machine without zoneinfo files has only UTC and POSIX
                // strings; skip the named zones there.
                assert!(name.contains('/'), "{name} must parse");
                continue;
            };
            assert_eq!(z.offset(sec), want, "{name} at {sec}");
            assert_eq!(z.offset(sec), want, "{name} at {sec}, cached");
        }
    }
}
