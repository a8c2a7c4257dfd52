//! The linker for guest compilations (rustc calls this binary through `-C linker`).
//!
//! A proc-macro crate links like a wasm dylib, which is not enough for a component:
//! - rustc asks to export `rust_metadata_*`, which does not exist in wasm objects: dropped;
//! - it exports only the `DECLS` static, so the library's component exports would be
//!   garbage-collected: we export them explicitly;
//! - nothing tells the library where `DECLS` is: after linking, `decls_patch` stores its address
//!   in the library's `wasmacro_proc_macro_decls` slot;
//! - then the core module becomes a component (`componentize`).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

use crate::{componentize, decls_patch};

/// The symbol of the library's slot that receives the address of the harness's `DECLS`.
pub const DECLS_SLOT: &str = "wasmacro_proc_macro_decls";
/// Prefix of the symbol rustc gives the harness's `DECLS` static.
pub const DECLS_PREFIX: &str = "__rustc_proc_macro_decls_";
/// Set by `build` to the nightly's `wasm-component-ld`.
pub const COMPONENT_LD_VAR: &str = "WASMACRO_COMPONENT_LD";

pub fn main(args: Vec<OsString>) -> ExitCode {
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: wasmacro's linker step failed: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<OsString>) -> Result<()> {
    let component_ld = std::env::var_os(COMPONENT_LD_VAR)
        .map(PathBuf::from)
        .context("WASMACRO_COMPONENT_LD is not set: this linker only runs under `cargo wasmacro build`")?;
    let args = expand_response_files(args)?;

    let mut out = None;
    let mut is_proc_macro = false;
    let mut kept: Vec<String> = Vec::new();
    let mut iter = args.into_iter();
    while let Some(arg) = iter.next() {
        let (flag, value) = match arg.as_str() {
            "--export" | "-o" => (arg.clone(), iter.next()),
            _ => match arg.strip_prefix("--export=") {
                Some(v) => ("--export".to_string(), Some(v.to_string())),
                None => {
                    kept.push(arg);
                    continue;
                }
            },
        };
        let value = value.with_context(|| format!("`{flag}` without a value"))?;
        if flag == "-o" {
            out = Some(PathBuf::from(&value));
        } else if value.starts_with("rust_metadata_") {
            continue;
        } else if value.starts_with(DECLS_PREFIX) {
            is_proc_macro = true;
        }
        kept.push(flag);
        kept.push(value);
    }
    let out = out.context("rustc gave the linker no `-o`")?;

    if !is_proc_macro {
        // Not a proc-macro (say a cdylib dependency): link as the stock target would.
        let status = Command::new(&component_ld).args(&kept).status()?;
        if !status.success() {
            bail!("wasm-component-ld failed");
        }
        return Ok(());
    }

    kept.push(format!("--export={DECLS_SLOT}"));
    for export in componentize::core_exports() {
        kept.push(format!("--export-if-defined={export}"));
    }
    kept.push("--skip-wit-component".into());
    let status = Command::new(&component_ld).args(&kept).status().context("running wasm-component-ld")?;
    if !status.success() {
        bail!("wasm-component-ld failed (its messages are above)");
    }
    let module = std::fs::read(&out)?;
    let patched = decls_patch::patch(&module).context("connecting the macro list to the library")?;
    let component = componentize::componentize(patched).context("making the component")?;
    std::fs::write(&out, component)?;
    Ok(())
}

/// rustc passes `@file` when the command line is long; the file holds one GNU-quoted
/// argument per line.
fn expand_response_files(args: Vec<OsString>) -> Result<Vec<String>> {
    let mut expanded = Vec::new();
    for arg in args {
        let arg = arg.into_string().map_err(|a| anyhow::anyhow!("non-UTF-8 linker argument {a:?}"))?;
        match arg.strip_prefix('@') {
            Some(path) => {
                let text = std::fs::read_to_string(path).with_context(|| format!("reading response file {path}"))?;
                expanded.extend(text.lines().filter(|l| !l.is_empty()).map(unquote));
            }
            None => expanded.push(arg),
        }
    }
    Ok(expanded)
}

fn unquote(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {}
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}
