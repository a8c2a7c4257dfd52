//! The compiler side of wasmacro's proc_macro bridge, without wasmtime:
//!
//! - [`tokens`]: the token model both sides of the bridge speak;
//! - [`Backend`]: what a compiler answers, implemented by an embedder;
//! - [`standalone`]: a self-contained model of rustc's answers (lexer, printer, spans);
//! - [`wire`] and [`remote`]: Backend calls and expansions as bytes, so that a generated shim
//!   crate (compiled by the consumer's rustc) can drive the host library (a separately built
//!   `cdylib` holding wasmtime) through a C interface;
//! - [`packed`]: the packed token layout of the WIT's streams, in which the host library also
//!   hands an expansion's output to the shim, with a [`lex_plan`]: the parts of the output the
//!   shim has the compiler lex from text (runs of tokens when the shim is compiled unoptimized,
//!   the literals when it is optimized).
//!
//! The `wasmacro-host` crate re-exports all of it.

pub mod backend;
pub mod host_library;
pub mod lex_plan;
pub mod packed;
pub mod remote;
pub mod standalone;
pub mod tokens;
pub mod wire;

pub use backend::{Backend, Diagnostic, ExpansionSpans, Level, SubDiagnostic};
