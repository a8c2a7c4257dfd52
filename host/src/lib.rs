//! wasmacro host: loads proc-macro components and serves the proc_macro bridge.

pub mod backend;
pub mod standalone;
pub mod tokens;
