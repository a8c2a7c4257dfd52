//! wasmacro host: loads proc-macro components with wasmtime and serves their proc_macro bridge.
//!
//! - [`MacroComponent`] loads a component and checks that it speaks our `wasmacro:bridge` version.
//! - [`MacroInstance`] runs its macros; the compiler side is a [`Backend`] chosen by the embedder
//!   (the standalone token model in [`standalone`]; the running rustc's `proc_macro` in the
//!   `wasmacro-shim` crate, which generated shim crates use through the host library
//!   `wasmacro-host-lib`; a compiler as wasm). [`MacroInstance::expand`] returns the output as
//!   tokens; [`MacroInstance::expand_packed`] as the guest packed it ([`PackedOutput`], checked
//!   in place), which the host library hands to a shim without building tokens.
//! - Instances start on the component's fast variant ([`unwinding`]): the same code with its
//!   exception handlers taken out, which Cranelift compiles to a third of the machine code. The
//!   first expansion whose panic would unwind moves the instance to the component as built,
//!   after replaying the earlier expansions there ([`MacroInstance::runs_fast_variant`],
//!   [`Limits::max_replay_bytes`]).
//! - Macros run sandboxed ([`Sandbox`]) under [`Limits`] (a deadline, memory, stack, the size of
//!   what crosses the bridge, optionally fuel); a panic, a trap, a limit or a broken bridge rule
//!   becomes an [`ExpandError`] and the next expansion gets a fresh instance.

pub use wasmacro_backend::{backend, host_library, remote, standalone, tokens, wire};

mod bindings;
mod bridge;
mod cache;
mod component;
mod convert;
mod epoch;
mod error;
mod packed;
/// Entry points of the fuzz targets in `host/fuzz/` (feature `fuzzing`); not a stable API.
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzzing;
mod sandbox;
mod state;
mod replay;
pub mod unwinding;
mod stats;

pub use backend::{Backend, Diagnostic, ExpansionSpans, Level, SubDiagnostic};
pub use bindings::BRIDGE_VERSION;
pub use cache::{CacheOutcome, ComponentCache, files_named};
pub use component::{Kind, Limits, MacroComponent, MacroDecl, MacroInstance};
pub use error::{ExpandError, LoadError};
pub use packed::PackedOutput;
pub use sandbox::Sandbox;
pub use stats::{BridgeCall, ExpansionStats};
