//! Status lines in cargo's style (`   Compiling foo`), on stderr.

use std::io::IsTerminal;

pub fn status(verb: &str, message: impl std::fmt::Display) {
    if std::io::stderr().is_terminal() {
        eprintln!("\x1b[1;32m{verb:>12}\x1b[0m {message}");
    } else {
        eprintln!("{verb:>12} {message}");
    }
}

/// Prints an error and its causes the way cargo does.
pub fn error(err: &anyhow::Error) {
    let head = if std::io::stderr().is_terminal() { "\x1b[1;31merror\x1b[0m" } else { "error" };
    eprintln!("{head}: {err}");
    let mut causes = err.chain().skip(1).peekable();
    if causes.peek().is_some() {
        eprintln!("\nCaused by:");
        for cause in causes {
            for line in cause.to_string().lines() {
                eprintln!("  {line}");
            }
        }
    }
}
