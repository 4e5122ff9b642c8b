//! TIPC, the Transparent Inter-Process Communication protocol (ethertype
//! 0x88ca), version 2 message headers.
//!
//! tcpdump prints `TIPC v2.0 NODE:PORT > [NODE:]PORT, headerlength N
//! bytes, MessageSize N bytes, USER, messageType TYPE`: the originating
//! node comes from the long header (or the previous node of a short one),
//! and the destination node only appears in a long header. Node addresses
//! are `zone.cluster.node`. With `-v` a long header adds a second line
//! with the previous node and the link acknowledgement numbers. Link-level protocol messages are not
//! dissected further.

use super::{Bytes, Printer, fmt};

fn node(out: &mut Vec<u8>, a: u32) {
    fmt::u(out, u64::from(a >> 24));
    out.push(b'.');
    fmt::u(out, u64::from((a >> 12) & 0xfff));
    out.push(b'.');
    fmt::u(out, u64::from(a & 0xfff));
}

/// Prints a TIPC message; `data` starts after the ethertype.
pub(crate) fn print(p: &mut Printer, data: &[u8], out: &mut Vec<u8>) {
    let verbose = p.opts.verbose > 0;
    let b = Bytes(data);
    let Some(w0) = b.u32(0) else {
        fmt::s(out, " [|tipc]");
        p.dump_whole = true;
        return;
    };
    // Users 4, 9, 14 and 15 are not printed at all.
    if matches!((w0 >> 25) & 0x0f, 4 | 9 | 14 | 15) {
        return;
    }
    let (Some(w1), Some(prev), Some(oport), Some(dport)) =
        (b.u32(4), b.u32(12), b.u32(16), b.u32(20))
    else {
        fmt::s(out, " [|tipc]");
        p.dump_whole = true;
        return;
    };
    let ver = w0 >> 29;
    let user = (w0 >> 25) & 0x0f;
    let hsize = ((w0 >> 21) & 0x0f) * 4;
    let msize = w0 & 0x1ffff;
    // The link-level users have their own layout (originating and
    // destination nodes from words 6 and 7, no ports).
    let internal = matches!(user, 5 | 6 | 7 | 10 | 12 | 13);
    let long = internal || hsize > 24;
    // tcpdump wants the header up to the destination node of a long
    // header captured.
    if data.len() < if long { 32 } else { 24 } {
        // tcpdump unwinds, so its -x dump starts at the link layer.
        fmt::s(out, " [|tipc]");
        p.dump_whole = true;
        return;
    }
    let (Some(onode), dnode) = (if long { b.u32(24) } else { Some(prev) }, b.u32(28)) else {
        fmt::s(out, " [|tipc]");
        return;
    };
    fmt::s(out, "TIPC v");
    fmt::u(out, u64::from(ver));
    fmt::s(out, ".0 ");
    node(out, onode);
    if internal {
        fmt::s(out, " > ");
        node(out, dnode.unwrap_or(0));
    } else {
        out.push(b':');
        fmt::u(out, u64::from(oport));
        fmt::s(out, " > ");
        if long {
            node(out, dnode.unwrap_or(0));
            out.push(b':');
        }
        fmt::u(out, u64::from(dport));
    }
    fmt::s(out, ", headerlength ");
    fmt::u(out, u64::from(hsize));
    fmt::s(out, " bytes, MessageSize ");
    fmt::u(out, u64::from(msize));
    fmt::s(out, " bytes, ");
    fmt::s(
        out,
        match user {
            0 => "Low Importance Data payload",
            1 => "Medium Importance Data payload",
            2 => "High Importance Data payload",
            3 => "Critical Importance Data payload",
            5 => "Broadcast Link Protocol internal",
            6 => "Message Bundler Protocol internal",
            7 => "Link State Protocol internal",
            8 => "Connection Manager internal",
            10 => "Link Changeover Protocol internal",
            11 => "Name Table Update Protocol internal",
            12 => "Message Fragmentation Protocol internal",
            13 => "Neighbor Detection Protocol internal",
            _ => "Unknown",
        },
    );
    fmt::s(out, ", messageType ");
    let name = ["CONN_MSG", "MCAST_MSG", "NAMED_MSG", "DIRECT_MSG"].get((w1 >> 29) as usize);
    if internal {
        fmt::s(out, name.unwrap_or(&"Unknown"));
        fmt::s(out, " (0x");
        fmt::x_pad(out, u64::from(w1), 8);
        out.push(b')');
        return;
    }
    fmt::s(
        out,
        match w1 >> 29 {
            0 => "CONN_MSG",
            1 => "MCAST_MSG",
            2 => "NAMED_MSG",
            3 => "DIRECT_MSG",
            _ => "Unknown",
        },
    );
    // With -v a long header adds the previous node and the link-level
    // acknowledgement and sequence numbers.
    if verbose && long {
        let w2 = b.u32(8).unwrap_or(0);
        fmt::s(out, "\n\tPrevious Node ");
        node(out, prev);
        fmt::s(out, ", Broadcast Ack ");
        fmt::u(out, u64::from(w1 & 0xffff));
        fmt::s(out, ", Link Ack ");
        fmt::u(out, u64::from(w2 >> 16));
        fmt::s(out, ", Link Sequence ");
        fmt::u(out, u64::from(w2 & 0xffff));
    }
}
