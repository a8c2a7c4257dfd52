//! The guest's half of the link to the compiler. The macro crate runs inside a WebAssembly
//! component; the host embedding it answers for rustc over the `wasmacro:bridge` WIT package.
//! `client` is what the compiler's harness declares macros with, `api` the calls to the host,
//! `context` the state of the running expansion, and `flat` the token conversion.

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
