//! Prints a savefile the way `bpfcap -n [OPTIONS] -r FILE` will, through
//! `bpfcap::display::print_savefile`; used by `scripts/bench_print.sh` and
//! for eyeballing the printer before the offline reader calls it.
//!
//! Usage: `display_print [-e] [-q] [-t..] [-v] [-x..] [-X..] [-A] FILE`

use bpfcap::display::{PrintOptions, print_savefile};

fn main() {
    let mut opts = PrintOptions { no_resolve: 1, ..PrintOptions::default() };
    let mut file = None;
    for a in std::env::args().skip(1) {
        if let Some(flags) = a.strip_prefix('-') {
            for c in flags.chars() {
                match c {
                    'n' => opts.no_resolve += 1,
                    'e' => opts.link_header = true,
                    'q' => opts.quiet = true,
                    't' => opts.timestamps += 1,
                    'v' => opts.verbose += 1,
                    'x' => opts.hex += 1,
                    'X' => opts.hex_ascii += 1,
                    'A' => opts.ascii = true,
                    'l' => opts.line_buffered = true,
                    _ => {
                        eprintln!("display_print: unknown option -{c}");
                        std::process::exit(2);
                    }
                }
            }
        } else {
            file = Some(a);
        }
    }
    let Some(file) = file else {
        eprintln!("usage: display_print [-eqtvxXA] FILE");
        std::process::exit(2);
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = print_savefile(&file, &opts, &mut out) {
        eprintln!("display_print: {e}");
        std::process::exit(1);
    }
}
