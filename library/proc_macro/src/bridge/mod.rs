//! Internal interface for communicating between a `proc_macro` client
//! (a proc macro crate) and a `proc_macro` server (a compiler front-end).
//!
//! In wasmacro the server is the host of a WebAssembly component and the
//! protocol is the `wasmacro:bridge` WIT package.

pub mod client;

pub(crate) mod api;
pub(crate) mod context;
pub(crate) mod flat;

// The WIT bindings: generated on wasm, a panicking stand-in with the same shape elsewhere
// (so the crate and its pure logic can be built and tested natively).
#[cfg(target_family = "wasm")]
pub(crate) mod wit;
#[cfg(not(target_family = "wasm"))]
#[path = "native.rs"]
pub(crate) mod wit;
