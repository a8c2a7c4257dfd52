//! `RUSTC_WRAPPER` for guest builds. For the one compilation of the user's crate (built as a
//! `cdylib` by the shadow manifest) it asks rustc for a `proc-macro` instead and restores the
//! crate's real `CARGO_MANIFEST_DIR`; every compilation for the guest target gets this binary as
//! its linker (see `link`). Everything else passes through untouched.

use std::ffi::{OsStr, OsString};
use std::process::{Command, ExitCode};

use crate::target_spec::TARGET_NAME;

/// Environment set by `build` for the wrapper.
pub const ROLE_VAR: &str = "WASMACRO_ROLE";
pub const ROOT_PACKAGE_VAR: &str = "WASMACRO_ROOT_PACKAGE";
pub const ROOT_MANIFEST_DIR_VAR: &str = "WASMACRO_ROOT_MANIFEST_DIR";

pub fn main(args: Vec<OsString>) -> ExitCode {
    let rustc = &args[1];
    let mut rest: Vec<OsString> = args[2..].to_vec();
    let mut cmd = Command::new(rustc);

    let for_guest = targets_guest(&rest);
    let is_root = for_guest
        && std::env::var_os("CARGO_PRIMARY_PACKAGE").is_some()
        && std::env::var_os("CARGO_PKG_NAME") == std::env::var_os(ROOT_PACKAGE_VAR);
    if is_root {
        for pair in 1..rest.len() {
            if rest[pair - 1] == "--crate-type" && rest[pair] == "cdylib" {
                rest[pair] = "proc-macro".into();
            }
        }
        // What cargo passes to every proc-macro crate: `proc_macro` in the extern prelude,
        // resolved from the (guest) sysroot.
        rest.push("--extern".into());
        rest.push("proc_macro".into());
        if let Some(dir) = std::env::var_os(ROOT_MANIFEST_DIR_VAR) {
            cmd.env("CARGO_MANIFEST_PATH", std::path::Path::new(&dir).join("Cargo.toml"));
            cmd.env("CARGO_MANIFEST_DIR", dir);
        }
    }
    if for_guest && rest.iter().any(|a| a == "--crate-name") {
        let me = std::env::current_exe().expect("the wrapper knows its own path");
        let mut linker = OsString::from("linker=");
        linker.push(me);
        rest.push("-C".into());
        rest.push(linker);
        cmd.env(ROLE_VAR, "linker");
    } else {
        cmd.env_remove(ROLE_VAR);
    }

    cmd.args(&rest);
    let status = if is_root { run_filtering_panic_warning(&mut cmd) } else { cmd.status() };
    match status {
        Ok(status) => ExitCode::from(status.code().unwrap_or(1).clamp(0, 255) as u8),
        Err(err) => {
            eprintln!("error: wasmacro could not run {}: {err}", rustc.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}

/// rustc warns that a `panic=abort` proc macro "may crash the compiler should the proc-macro
/// panic". That is about macros loaded into rustc; ours run in a sandbox where a panic is an
/// ordinary error, so the warning would only mislead. Every other line passes through.
fn run_filtering_panic_warning(cmd: &mut Command) -> std::io::Result<std::process::ExitStatus> {
    use std::io::{BufRead, BufReader, Write};
    let mut child = cmd.stderr(std::process::Stdio::piped()).spawn()?;
    let stderr = child.stderr.take().unwrap();
    let mut out = std::io::stderr().lock();
    for line in BufReader::new(stderr).lines() {
        let line = line?;
        if line.contains("building proc macro crate with `panic=abort`") {
            continue;
        }
        writeln!(out, "{line}")?;
    }
    child.wait()
}

fn targets_guest(args: &[OsString]) -> bool {
    let is_ours = |s: &OsStr| s.to_string_lossy().contains(TARGET_NAME);
    args.windows(2).any(|w| w[0] == "--target" && is_ours(&w[1]))
        || args.iter().any(|a| a.to_string_lossy().strip_prefix("--target=").is_some_and(|t| t.contains(TARGET_NAME)))
}
