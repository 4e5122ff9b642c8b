//! The Rx operations tcpdump names, and the call arguments it prints at
//! default verbosity, as a table (see [`super::rx`]).
//!
//! Each entry lists the argument words in order: a label alone (` old`),
//! a labelled number (` offset 0`), a quoted XDR string, a file id, a
//! store-status block, a date, a volume type, or the lists of ids, names
//! and fids. The names and layouts were read from tcpdump's output on
//! the corpus and on crafted calls; operations tcpdump prints without
//! arguments have empty lists.

use super::rx::Svc;

/// One argument of a call.
#[derive(Clone, Copy)]
pub(crate) enum A {
    /// Literal text (with its leading space).
    Lbl(&'static str),
    /// ` LABEL N` (or ` N` for an empty label), unsigned 32 bits.
    U(&'static str),
    /// ` LABEL N`, signed 32 bits.
    I(&'static str),
    /// ` LABEL N`, unsigned 64 bits.
    U64(&'static str),
    /// ` "TEXT"` from an XDR string.
    Str,
    /// ` fid VOLUME/VNODE/UNIQUE`.
    Fid,
    /// A counted list of fids (` <none!>` when empty).
    Fids,
    /// cb's counted list of callback promises.
    Callbacks,
    /// ` StoreStatus ...` when its mask selects anything.
    Store,
    /// ` LABEL YYYY/MM/DD HH:MM:SS`.
    Date(&'static str),
    /// ` type read-write|read-only|backup` (nothing for other values).
    VolType,
    /// An AFS UUID in hex.
    Uuid,
    /// ` HOST:PORT:SSID` of a volume server destination.
    Dest,
    /// A counted list of destinations (` <none!>` when empty).
    Dests,
    /// pt's counted list of 64-character names.
    Names,
    /// pt's counted list of ids (` ids: ...`).
    Ids,
    /// A volume location entry the capture must hold (`[|vldb]` if not).
    VlEntry,
    /// ` LABEL yes|no`.
    YesNo(&'static str),
    /// ` LABEL EPOCH.COUNTER` (ubik versions and transaction ids).
    Ver(&'static str),
    /// A word read but not shown.
    Skip,
    /// kauth's ticket: a byte count and that many bytes (no padding),
    /// skipped; strings after it that the capture cuts short end in
    /// ` [|kauth]` and the line goes on.
    Ticket,
}

use A::*;

const FID: &[A] = &[Fid];
const FID_STR: &[A] = &[Fid, Str];
const PRINCIPAL: &[A] = &[Lbl(" principal"), Str, Str];
const VOLID_TYPE: &[A] = &[U("volid"), VolType];
const PART_VOL: &[A] = &[U("partid"), U("volid")];
const NONE: &[A] = &[];

/// The name and call arguments of operation `op` of service `svc`.
pub(crate) fn op(svc: Svc, op: u32) -> Option<(&'static str, &'static [A])> {
    Some(match (svc, op) {
        (Svc::Fs, 130) => ("fetch-data", &[Fid, U("offset"), U("length")]),
        (Svc::Fs, 131) => ("fetch-acl", FID),
        (Svc::Fs, 132) => ("fetch-status", FID),
        (Svc::Fs, 133) => ("store-data", &[Fid, Store, U("offset"), U("length"), U("flen")]),
        (Svc::Fs, 134) => ("store-acl", FID),
        (Svc::Fs, 135) => ("store-status", &[Fid, Store]),
        (Svc::Fs, 136) => ("remove-file", FID_STR),
        (Svc::Fs, 137) => ("create-file", &[Fid, Str, Store]),
        (Svc::Fs, 138) => ("rename", &[Lbl(" old"), Fid, Str, Lbl(" new"), Fid, Str]),
        (Svc::Fs, 139) => ("symlink", &[Fid, Str, Lbl(" link to"), Str]),
        (Svc::Fs, 140) => ("link", &[Fid, Str, Lbl(" link to"), Fid]),
        (Svc::Fs, 141) => ("makedir", &[Fid, Str, Store]),
        (Svc::Fs, 142) => ("rmdir", FID_STR),
        (Svc::Fs, 143) => ("oldsetlock", FID),
        (Svc::Fs, 144) => ("oldextlock", FID),
        (Svc::Fs, 145) => ("oldrellock", FID),
        (Svc::Fs, 146) => ("get-stats", NONE),
        (Svc::Fs, 147) => ("give-cbs", NONE),
        (Svc::Fs, 148) => ("get-vlinfo", &[Str]),
        (Svc::Fs, 149) => ("get-vlstats", &[U("volid")]),
        (Svc::Fs, 150) => ("set-vlstats", &[U("volid")]),
        (Svc::Fs, 151) => ("get-rootvl", NONE),
        (Svc::Fs, 152) => ("check-token", NONE),
        (Svc::Fs, 153) => ("get-time", NONE),
        (Svc::Fs, 154) => ("nget-vlinfo", &[Lbl(" volname"), Str]),
        (Svc::Fs, 155) => ("bulk-stat", &[Fids]),
        (Svc::Fs, 156) => ("setlock", FID),
        (Svc::Fs, 157) => ("extlock", FID),
        (Svc::Fs, 158) => ("rellock", FID),
        (Svc::Fs, 159) => ("xstat-ver", NONE),
        (Svc::Fs, 160) => ("get-xstat", NONE),
        (Svc::Fs, 161) => ("dfs-lookup", NONE),
        (Svc::Fs, 65536) => ("inline-bulk-status", &[Fids]),
        (Svc::Fs, 65537) => ("fetch-data-64", &[Fid, U64("offset"), U64("length")]),
        (Svc::Fs, 65538) => {
            ("store-data-64", &[Fid, Store, U64("offset"), U64("length"), U64("flen")])
        }
        (Svc::Fs, 65539) => ("give-up-all-cbs", NONE),
        (Svc::Fs, 65540) => ("get-caps", NONE),
        (Svc::Cb, 204) => ("callback", &[Fids, Callbacks]),
        (Svc::Cb, 205) => ("initcb", NONE),
        (Svc::Cb, 206) => ("probe", NONE),
        (Svc::Cb, 207) => ("getlock", NONE),
        (Svc::Cb, 208) => ("getce", NONE),
        (Svc::Cb, 209) => ("xstatver", NONE),
        (Svc::Cb, 210) => ("getxstat", NONE),
        (Svc::Cb, 211) => ("initcb2", NONE),
        (Svc::Cb, 212) => ("whoareyou", NONE),
        (Svc::Cb, 213) => ("initcb3", NONE),
        (Svc::Cb, 214) => ("probeuuid", &[Lbl(" afsuuid"), Uuid]),
        (Svc::Cb, 215) => ("getsrvprefs", NONE),
        (Svc::Cb, 65536) => ("getce64", NONE),
        (Svc::Cb, 65537) => ("getcellbynum", NONE),
        (Svc::Cb, 65538) => ("tellmeaboutyourself", NONE),
        (Svc::Pt, 500) => ("new-user", &[Str, I("id"), I("oldid")]),
        (Svc::Pt, 501) => ("where-is-it", &[I("id")]),
        (Svc::Pt, 502) => ("dump-entry", &[U("pos")]),
        (Svc::Pt, 503) => ("add-to-group", &[I("uid"), I("gid")]),
        (Svc::Pt, 504) => ("name-to-id", &[Names]),
        (Svc::Pt, 505) => ("id-to-name", &[Ids]),
        (Svc::Pt, 506) => ("delete", &[I("id")]),
        (Svc::Pt, 507) => ("remove-from-group", &[I("uid"), I("gid")]),
        (Svc::Pt, 508) => ("get-cps", &[I("id")]),
        (Svc::Pt, 509) => ("new-entry", &[Str, I("flag"), I("oid")]),
        (Svc::Pt, 510) => ("list-max", NONE),
        (Svc::Pt, 511) => ("set-max", &[I("id"), I("gflag")]),
        (Svc::Pt, 512) => ("list-entry", &[I("id")]),
        (Svc::Pt, 513) => ("change-entry", &[I("id"), Str, I("oldid"), I("newid")]),
        (Svc::Pt, 514) => ("list-elements", &[I("id")]),
        (Svc::Pt, 515) => ("same-mbr-of", &[I("uid"), I("gid")]),
        (Svc::Pt, 516) => ("set-fld-sentry", NONE),
        (Svc::Pt, 517) => ("list-owned", &[I("id")]),
        (Svc::Pt, 518) => ("get-cps2", &[I("id")]),
        (Svc::Pt, 519) => ("get-host-cps", &[I("id")]),
        (Svc::Pt, 520) => ("update-entry", &[I("id"), Str]),
        (Svc::Pt, 521) => ("list-entries", NONE),
        (Svc::Pt, 530) => ("list-super-groups", &[I("id")]),
        (Svc::Vldb, 501) => ("create-entry", &[VlEntry]),
        (Svc::Vldb, 502) => ("delete-entry", VOLID_TYPE),
        (Svc::Vldb, 503) => ("get-entry-by-id", VOLID_TYPE),
        (Svc::Vldb, 504) => ("get-entry-by-name", &[Str]),
        (Svc::Vldb, 505) => ("get-new-volume-id", &[U("bump")]),
        (Svc::Vldb, 506) => ("replace-entry", &[U("volid"), VolType, VlEntry]),
        (Svc::Vldb, 507) => ("update-entry", VOLID_TYPE),
        (Svc::Vldb, 508) => ("setlock", VOLID_TYPE),
        (Svc::Vldb, 509) => ("releaselock", VOLID_TYPE),
        (Svc::Vldb, 510) => ("list-entry", &[U("index")]),
        (Svc::Vldb, 511) => ("list-attrib", NONE),
        (Svc::Vldb, 512) => ("linked-list", NONE),
        (Svc::Vldb, 513) => ("get-stats", NONE),
        (Svc::Vldb, 514) => ("probe", NONE),
        (Svc::Vldb, 515) => ("get-addrs", NONE),
        (Svc::Vldb, 516) => ("change-addr", NONE),
        (Svc::Vldb, 517) => ("create-entry-n", &[VlEntry]),
        (Svc::Vldb, 518) => ("get-entry-by-id-n", VOLID_TYPE),
        (Svc::Vldb, 519) => ("get-entry-by-name-n", &[Str]),
        (Svc::Vldb, 520) => ("replace-entry-n", &[U("volid"), VolType, VlEntry]),
        (Svc::Vldb, 521) => ("list-entry-n", &[U("index")]),
        (Svc::Vldb, 522) => ("list-attrib-n", NONE),
        (Svc::Vldb, 523) => ("linked-list-n", NONE),
        (Svc::Vldb, 524) => ("update-entry-by-name", &[Str]),
        (Svc::Vldb, 525) => ("create-entry-u", NONE),
        (Svc::Vldb, 526) => ("get-entry-by-id-u", NONE),
        (Svc::Vldb, 527) => ("get-entry-by-name-u", &[Str]),
        (Svc::Vldb, 528) => ("replace-entry-u", NONE),
        (Svc::Vldb, 529) => ("list-entry-u", NONE),
        (Svc::Vldb, 530) => ("list-attrib-u", NONE),
        (Svc::Vldb, 531) => ("linked-list-u", NONE),
        (Svc::Vldb, 532) => ("regaddr", NONE),
        (Svc::Vldb, 533) => ("get-addrs-u", NONE),
        (Svc::Vldb, 534) => ("list-attrib-n2", NONE),
        (Svc::Kauth, 1) => ("auth-old", PRINCIPAL),
        (Svc::Kauth, 2) => ("change-pw", PRINCIPAL),
        (Svc::Kauth, 3) => (
            "get-ticket-old",
            &[I("kvno"), Lbl(" domain"), Str, Ticket, Lbl(" principal"), Str, Str],
        ),
        (Svc::Kauth, 4) => ("set-pw", &[Lbl(" principal"), Str, Str, I("kvno")]),
        (Svc::Kauth, 5) => ("set-fields", PRINCIPAL),
        (Svc::Kauth, 6) => ("create-user", PRINCIPAL),
        (Svc::Kauth, 7) => ("delete-user", PRINCIPAL),
        (Svc::Kauth, 8) => ("get-entry", PRINCIPAL),
        (Svc::Kauth, 9) => ("list-entry", NONE),
        (Svc::Kauth, 10) => ("get-stats", NONE),
        (Svc::Kauth, 11) => ("debug", NONE),
        (Svc::Kauth, 12) => ("get-pw", &[Lbl(" name"), Str]),
        (Svc::Kauth, 13) => ("get-random-key", NONE),
        (Svc::Kauth, 14) => ("unlock", PRINCIPAL),
        (Svc::Kauth, 15) => ("lock-status", PRINCIPAL),
        (Svc::Kauth, 21) => ("authenticate", PRINCIPAL),
        (Svc::Kauth, 22) => ("authenticate-v2", PRINCIPAL),
        (Svc::Kauth, 23) => {
            ("get-ticket", &[I("kvno"), Lbl(" domain"), Str, Ticket, Lbl(" principal"), Str, Str])
        }
        (Svc::Vol, 100) => {
            ("create-volume", &[U("partition"), Lbl(" name"), Str, U("type"), U("parent")])
        }
        (Svc::Vol, 101) => ("delete-volume", &[U("trans")]),
        (Svc::Vol, 102) => ("restore", &[U("totrans"), U("flags")]),
        (Svc::Vol, 103) => {
            ("forward", &[U("fromtrans"), Date("fromdate"), Lbl(" server"), Dest, U("desttrans")])
        }
        (Svc::Vol, 104) => ("end-trans", &[U("trans")]),
        (Svc::Vol, 105) => {
            ("clone", &[U("trans"), U("purgevol"), U("newtype"), Lbl(" newname"), Str])
        }
        (Svc::Vol, 106) => ("set-flags", &[U("trans"), U("flags")]),
        (Svc::Vol, 107) => ("get-flags", &[U("trans")]),
        (Svc::Vol, 108) => ("trans-create", &[U("vol"), U("partition"), U("flags")]),
        (Svc::Vol, 109) => ("dump", &[U("fromtrans"), Date("fromdate")]),
        (Svc::Vol, 110) => ("get-nth-volume", &[U("index")]),
        (Svc::Vol, 111) => ("set-forwarding", &[U("tid"), U("newsite")]),
        (Svc::Vol, 112) => ("get-name", &[Lbl(" tid")]),
        (Svc::Vol, 113) => ("get-status", &[Lbl(" tid")]),
        (Svc::Vol, 114) => ("sig-restore", &[Lbl(" name"), Str, U("type"), U("pid"), U("cloneid")]),
        (Svc::Vol, 115) => ("list-partitions", NONE),
        (Svc::Vol, 116) => ("list-volumes", &[U("partition"), U("flags")]),
        (Svc::Vol, 117) => (
            "set-id-types",
            &[U("tid"), Lbl(" name"), Str, U("type"), U("pid"), U("clone"), U("backup")],
        ),
        (Svc::Vol, 118) => ("monitor", NONE),
        (Svc::Vol, 119) => ("partition-info", &[Lbl(" name"), Str]),
        (Svc::Vol, 120) => ("reclone", &[U("tid")]),
        (Svc::Vol, 121) => ("list-one-volume", PART_VOL),
        (Svc::Vol, 122) => ("nuke", PART_VOL),
        (Svc::Vol, 123) => ("set-date", &[U("tid"), Date("date")]),
        (Svc::Vol, 124) => ("x-list-volumes", PART_VOL),
        (Svc::Vol, 125) => ("x-list-one-volume", PART_VOL),
        (Svc::Vol, 126) => ("set-info", &[U("tid")]),
        (Svc::Vol, 127) => ("x-list-partitions", NONE),
        (Svc::Vol, 128) => ("forward-multiple", &[U("fromtrans"), Date("fromdate"), Dests]),
        (Svc::Bos, 80) => ("create-bnode", &[Lbl(" type"), Str, Lbl(" instance"), Str]),
        (Svc::Bos, 81) => ("delete-bnode", &[Str]),
        (Svc::Bos, 82) => ("set-status", &[Str, U("status")]),
        (Svc::Bos, 83) => ("get-status", &[Str]),
        (Svc::Bos, 84) => ("enumerate-instance", &[U("")]),
        (Svc::Bos, 85) => ("get-instance-info", &[Str]),
        (Svc::Bos, 86) => ("get-instance-parm", &[Str, U("num")]),
        (Svc::Bos, 87) => ("add-superuser", &[Str]),
        (Svc::Bos, 88) => ("delete-superuser", &[Str]),
        (Svc::Bos, 89) => ("list-superusers", &[U("")]),
        (Svc::Bos, 90) => ("list-keys", &[U("")]),
        (Svc::Bos, 91) => ("add-key", &[U("")]),
        (Svc::Bos, 92) => ("delete-key", &[U("")]),
        (Svc::Bos, 93) => ("set-cell-name", &[Str]),
        (Svc::Bos, 94) => ("get-cell-name", NONE),
        (Svc::Bos, 95) => ("get-cell-host", &[U("")]),
        (Svc::Bos, 96) => ("add-cell-host", &[Str]),
        (Svc::Bos, 97) => ("delete-cell-host", &[Str]),
        (Svc::Bos, 98) => ("set-t-status", &[Str, U("status")]),
        (Svc::Bos, 99) => ("shutdown-all", NONE),
        (Svc::Bos, 100) => ("restart-all", NONE),
        (Svc::Bos, 101) => ("startup-all", NONE),
        (Svc::Bos, 102) => ("set-noauth-flag", NONE),
        (Svc::Bos, 103) => ("re-bozo", NONE),
        (Svc::Bos, 104) => ("restart", &[Str]),
        (Svc::Bos, 105) => ("start-bozo-install", &[Str, U("size"), U("flags"), U("date")]),
        (Svc::Bos, 106) => ("uninstall", &[Str]),
        (Svc::Bos, 107) => ("get-dates", NONE),
        (Svc::Bos, 108) => ("exec", &[Str]),
        (Svc::Bos, 109) => ("prune", NONE),
        (Svc::Bos, 110) => ("set-restart-time", NONE),
        (Svc::Bos, 111) => ("get-restart-time", NONE),
        (Svc::Bos, 112) => ("start-bozo-log", &[Str]),
        (Svc::Bos, 113) => ("wait-all", NONE),
        (Svc::Bos, 114) => ("get-instance-strings", &[Str]),
        (Svc::Bos, 115) => ("get-restricted", NONE),
        _ => return None,
    })
}

/// The result words a reply prints, for the replies tcpdump dissects
/// with a fixed layout (the lists and entries are handled in
/// [`super::rx`]).
pub(crate) fn reply(svc: Svc, op: u32) -> Option<&'static [A]> {
    Some(match (svc, op) {
        (Svc::Fs, 137 | 141) => &[Lbl(" new"), Fid],
        (Svc::Fs, 151) => &[Lbl(" root volume"), Str],
        (Svc::Fs, 153) => &[Date("")],
        (Svc::Cb, 213) => &[Uuid],
        (Svc::Pt, 510) => &[I("maxuid"), I("maxgid")],
        (Svc::Vldb, 505) => &[U("newvol")],
        (Svc::Vol, 100) => &[U("volid"), U("trans")],
        (Svc::Vol, 104 | 107) => &[U("")],
        (Svc::Vol, 105) => &[U("newvol")],
        (Svc::Vol, 108) => &[U("trans")],
        (Svc::Vol, 110) => &[U("volume"), U("partition")],
        (Svc::Vol, 112) => &[Str],
        (Svc::Vol, 113) => &[
            U("volid"),
            U("nextuniq"),
            U("type"),
            U("parentid"),
            U("clone"),
            U("backup"),
            U("restore"),
            U("maxquota"),
            U("minquota"),
            U("owner"),
            Date("create"),
            Date("access"),
            Date("update"),
            Date("expire"),
            Date("backup"),
            Date("copy"),
        ],
        _ => return None,
    })
}

/// Ubik's operations, which the replicated database servers (pt, vldb,
/// kauth) also answer: name, call arguments and reply results.
pub(crate) fn ubik(op: u32) -> Option<(&'static str, &'static [A], &'static [A])> {
    const TID: &[A] = &[Ver("tid")];
    Some(match op {
        10000 => (
            "vote-beacon",
            &[YesNo("syncsite"), Date("votestart"), Ver("dbversion"), Ver("tid")],
            // tcpdump shows `vote no` for every data reply it was given,
            // whatever the body held.
            &[Lbl(" vote no")],
        ),
        10001 => ("vote-debug-old", NONE, NONE),
        10002 => ("vote-sdebug-old", NONE, NONE),
        10003 => ("vote-getsyncsite", &[U("site")], NONE),
        10004 => ("vote-debug", NONE, NONE),
        10005 => ("vote-sdebug", NONE, NONE),
        20000 => ("disk-begin", TID, NONE),
        20001 => ("disk-commit", TID, NONE),
        // tcpdump reads the lock type after the length without showing it.
        20002 => ("disk-lock", &[Ver("tid"), U("file"), U("pos"), U("length"), Skip], NONE),
        20003 => ("disk-write", &[Ver("tid"), U("file"), U("pos")], NONE),
        20004 => ("disk-getversion", NONE, &[Ver("dbversion")]),
        20005 => ("disk-getfile", &[U("file")], NONE),
        20006 => ("disk-sendfile", &[U("file"), U("length"), Ver("dbversion")], NONE),
        20007 => ("disk-abort", TID, NONE),
        20008 => ("disk-releaselocks", TID, NONE),
        20009 => ("disk-truncate", &[Ver("tid"), U("file"), U("length")], NONE),
        20010 => ("disk-probe", TID, NONE),
        20011 => ("disk-writev", NONE, NONE),
        20012 => ("disk-interfaceaddr", &[Ver("tid"), Ver("oldversion"), Ver("newversion")], NONE),
        20013 => ("disk-setversion", NONE, NONE),
        _ => return None,
    })
}
