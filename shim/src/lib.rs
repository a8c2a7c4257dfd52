//! The runtime of generated shim crates (`cargo wasmacro shim`): proc-macro crates whose macros
//! hand their input to an embedded WebAssembly component.
//!
//! A shim depends on this crate only; wasmtime lives in the wasmacro host library (a shared
//! library built by `cargo wasmacro shim`, see the `wasmacro-host-lib` crate), which [`Shim`]
//! loads on the first expansion. So a consumer's project builds, and cargo checks, a handful of
//! small crates instead of the runtime's two hundred.
//!
//! The compiler side of each expansion is the `compiler` module's backend on the running rustc's
//! `proc_macro`; the host library reaches it through callbacks (`wasmacro_backend::remote`).
//!
//! Cargo builds proc macros and their dependencies unoptimized by default, and so this crate;
//! its `build.rs` then compiles the loop that turns each output into the compiler's tokens
//! (`src/compiler/export.rs`) optimized, as a crate of its own, and falls back to the module
//! unoptimized (with more of the output lexed by rustc) if it cannot.

#![cfg_attr(
    wasmacro_nightly,
    feature(proc_macro_span, proc_macro_diagnostic, proc_macro_def_site, proc_macro_expand, proc_macro_tracked_env, proc_macro_tracked_path)
)]

extern crate proc_macro;

mod compiler;
mod host_library;
mod shim;

pub use shim::{Shim, ShimConfig};

use wasmacro_backend::{backend, standalone, tokens};
