//! One thin file per imported WIT interface: validate ids, delegate to the backend, convert.

mod diagnostics;
mod panics;
mod spans;
mod tokens;
mod tracked;

impl crate::bindings::types::Host for crate::state::HostState {}
