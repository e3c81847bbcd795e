//! Printing to stdout the way Unix tools do: when the reader goes away
//! (`kompis list offers --json | head`), the program ends quietly instead
//! of panicking in `println!`.

use std::fmt;
use std::io::{self, ErrorKind, Write};

/// Writes one line to stdout; ends the program quietly (exit 0) when the
/// reader has gone away, with a sentence (exit 1) on any other failure.
pub fn line(args: fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{args}").and_then(|()| out.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("kompis: could not write the output: {e}");
        std::process::exit(1);
    }
}

/// Runs `write` on a buffered stdout and flushes it: for output too long
/// to build whole first. Ends the program quietly when the reader has gone
/// away, as [`line`] does; answers any other failure.
pub fn write_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    write(&mut out).and_then(|()| out.flush()).inspect_err(|e| {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    })
}

/// `println!` that ends quietly on a closed pipe (see [`line`]).
macro_rules! say {
    () => { $crate::say::line(format_args!("")) };
    ($($arg:tt)*) => { $crate::say::line(format_args!($($arg)*)) };
}
