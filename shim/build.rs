//! Detects whether the compiler offers the unstable `proc_macro` APIs the compiler backend uses
//! when it can (`Diagnostic`, `Span::join` and friends, `def_site`, `expand_expr`, tracking):
//! compiles a probe with `$RUSTC`, as proc-macro2 does. A nightly rustc passes; stable does not,
//! and the backend then uses stable fallbacks (`compile_error!` for diagnostics).
//!
//! Also tells the crate whether it is compiled unoptimized (`cfg(wasmacro_unoptimized)`, from
//! cargo's `OPT_LEVEL`): such a shim has the compiler lex most of an output from text.

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

fn main() {
    println!("cargo:rustc-check-cfg=cfg(wasmacro_nightly)");
    println!("cargo:rustc-check-cfg=cfg(wasmacro_unoptimized)");
    if std::env::var("OPT_LEVEL").is_ok_and(|level| level == "0") {
        println!("cargo:rustc-cfg=wasmacro_unoptimized");
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC_BOOTSTRAP");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
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
