//! Host bindings of the `wasmacro:bridge` WIT package (the one `bindgen!` of this crate).

wasmtime::component::bindgen!({
    path: "../wit",
    world: "proc-macro",
    // Every import may trap: a guest that passes an invalid span id is stopped, not answered.
    imports: { default: trappable },
});

pub use exports::wasmacro::bridge::macros;
pub use wasmacro::bridge::types;

/// The version of `wasmacro:bridge` this host serves.
pub const BRIDGE_VERSION: &str = "0.2.0";
/// The package name, without version.
pub const BRIDGE_PACKAGE: &str = "wasmacro:bridge";
