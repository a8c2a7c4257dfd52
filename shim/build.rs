//! Detects whether the compiler offers the unstable `proc_macro` APIs the compiler backend uses
//! when it can (`Diagnostic`, `Span::join` and friends, `def_site`, `expand_expr`, tracking):
//! compiles a probe with `$RUSTC`, as proc-macro2 does. A nightly rustc passes; stable does not,
//! and the backend then uses stable fallbacks (`compile_error!` for diagnostics).
//!
//! When cargo compiles the shim unoptimized (its default for proc macros and their dependencies,
//! `OPT_LEVEL` 0), it also compiles the export loop (`src/compiler/export.rs`), which runs for every
//! token of every output, optimized as a crate of its own, `wasmacro_shim_export`
//! (`cfg(wasmacro_export_crate)`). If that fails, or `WASMACRO_SHIM_EXPORT_UNOPTIMIZED` is set, the
//! loop stays a module and the crate is told it is unoptimized (`cfg(wasmacro_unoptimized)`): such a
//! shim has the compiler lex most of an output from text, which is faster than building each
//! token with unoptimized code.

use std::path::PathBuf;
use std::process::{Command, Stdio};

const PROBE: &str = r#"
#![feature(proc_macro_span, proc_macro_diagnostic, proc_macro_def_site, proc_macro_expand,
           proc_macro_tracked_env, proc_macro_tracked_path)]
extern crate proc_macro;
use proc_macro::{Diagnostic, Level, Span, TokenStream};
pub fn probe(span: Span, stream: TokenStream) {
    let _ = (span.join(span), span.byte_range(), span.parent(), span.source(), span.eq(&span));
    let _ = (Span::def_site(), stream.expand_expr());
    let _ = proc_macro::tracked::env_var("X");
    proc_macro::tracked::path("x");
    Diagnostic::spanned(vec![span], Level::Error, "m").span_note(span, "n").note("n").emit();
}
"#;

/// Set, an unoptimized shim keeps its export loop unoptimized (a module) and has rustc lex
/// instead: the fallback, for tests and comparison.
const KEEP_UNOPTIMIZED: &str = "WASMACRO_SHIM_EXPORT_UNOPTIMIZED";

/// The export loop's own sources: the crate root and the two token-model files it includes.
const EXPORT_SOURCES: [&str; 3] =
    ["src/compiler/export.rs", "../backend/src/tokens.rs", "../backend/src/packed/view.rs"];

/// Compiles `src/compiler/export.rs` optimized into `out` as the rlib `wasmacro_shim_export`, with
/// the flags cargo gives this crate (target, `RUSTFLAGS`), and tells cargo where it is. A
/// failure is a warning: the shim then works as before, only slower.
fn compile_export_crate(out: &std::path::Path) -> bool {
    for source in EXPORT_SOURCES {
        println!("cargo:rerun-if-changed={source}");
    }
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let mut command = Command::new(rustc);
    let rustflags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    command.args(rustflags.split('\x1f').filter(|flag| !flag.is_empty()));
    if let (Ok(target), Ok(host)) = (std::env::var("TARGET"), std::env::var("HOST"))
        && target != host
    {
        command.args(["--target", &target]);
    }
    // The metadata hash keeps its symbols apart from any other build of the same file (each
    // consumer's OUT_DIR is its own).
    let metadata = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        out.hash(&mut hasher);
        hasher.finish()
    };
    command
        .args(["--edition=2024", "--crate-type=rlib", "--crate-name=wasmacro_shim_export"])
        .args(["-Copt-level=3", "-Cdebuginfo=0", "--cap-lints=allow"])
        .arg(format!("-Cmetadata={metadata:016x}"))
        .arg(format!("-Cextra-filename=-{metadata:016x}"))
        .arg("--out-dir")
        .arg(out)
        .arg(EXPORT_SOURCES[0]);
    // The file name of 72b494d's builds, which would make two candidates for `extern crate`.
    let _ = std::fs::remove_file(out.join("libwasmacro_shim_export.rlib"));
    match command.output() {
        Ok(done) if done.status.success() => {
            // Only a plain search path reaches the crates that depend on this one, and only
            // rustc: rustdoc, documenting them, searches cargo's `deps` folder alone.
            println!("cargo:rustc-link-search={}", out.display());
            copy_to_deps(out, metadata);
            true
        }
        Ok(done) => {
            let stderr = String::from_utf8_lossy(&done.stderr);
            let first = stderr.lines().find(|line| !line.trim().is_empty()).unwrap_or("no message");
            println!(
                "cargo:warning=could not compile the shim's export loop optimized ({first}); \
                 it stays unoptimized, which only makes expansions slower"
            );
            false
        }
        Err(error) => {
            println!("cargo:warning=could not run rustc for the shim's export loop: {error}");
            false
        }
    }
}

/// Puts a copy of the export crate in cargo's `deps` folder (`OUT_DIR` is
/// `<profile>/build/<package>-<hash>/out`), where rustdoc finds it when `cargo doc` documents a
/// crate that depends on the shim. Its file name carries the metadata hash, so copies from other
/// builds of the shim stay apart; rustc picks the one the shim was compiled against.
fn copy_to_deps(out: &std::path::Path, metadata: u64) {
    let file = format!("libwasmacro_shim_export-{metadata:016x}.rlib");
    let Some(profile) = out.ancestors().nth(3) else { return };
    if out.ancestors().nth(2).and_then(|build| build.file_name()) != Some("build".as_ref()) {
        return;
    }
    let deps = profile.join("deps");
    if std::fs::copy(out.join(&file), deps.join(&file)).is_err() {
        println!("cargo:warning=could not copy the shim's export crate to {}: `cargo doc` of crates using the shim may fail", deps.display());
    }
}

fn main() {
    println!("cargo:rustc-check-cfg=cfg(wasmacro_nightly)");
    println!("cargo:rustc-check-cfg=cfg(wasmacro_unoptimized)");
    println!("cargo:rustc-check-cfg=cfg(wasmacro_export_crate)");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC_BOOTSTRAP");
    println!("cargo:rerun-if-env-changed={KEEP_UNOPTIMIZED}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    if std::env::var("OPT_LEVEL").is_ok_and(|level| level == "0") {
        if std::env::var_os(KEEP_UNOPTIMIZED).is_none() && compile_export_crate(&out) {
            println!("cargo:rustc-cfg=wasmacro_export_crate");
        } else {
            println!("cargo:rustc-cfg=wasmacro_unoptimized");
        }
    }
    let probe = out.join("probe.rs");
    std::fs::write(&probe, PROBE).unwrap();
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let ok = Command::new(rustc)
        .args(["--edition=2021", "--crate-type=lib", "--emit=metadata", "--crate-name=wasmacro_probe"])
        .arg("--out-dir")
        .arg(&out)
        .arg(&probe)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        println!("cargo:rustc-cfg=wasmacro_nightly");
    }
}
