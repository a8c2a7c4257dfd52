//! What a store holds for one macro instance: the embedder's backend, the sandboxed WASI
//! context, resource limits, and what the guest reported about a panic.

use wasmtime::component::ResourceTable;
use wasmtime::ResourceLimiter;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use crate::backend::Backend;
use crate::bindings::types as wit;
use crate::error::GuestFault;

pub struct HostState {
    pub(crate) backend: Box<dyn Backend>,
    pub(crate) wasi: WasiCtx,
    pub(crate) table: ResourceTable,
    pub(crate) limits: MemoryLimit,
    /// `Some(message)` once the guest's panic hook has reported a panic.
    pub(crate) panic: Option<Option<String>>,
}

impl HostState {
    /// Traps unless `span` is a span id the backend handed out.
    pub(crate) fn span(&self, span: u32) -> wasmtime::Result<u32> {
        if self.backend.span_is_valid(span) {
            Ok(span)
        } else {
            Err(GuestFault::InvalidSpan(span).into())
        }
    }

    /// Traps unless `stream` is well formed (group lengths nest) and all its spans are valid.
    pub(crate) fn stream(&self, stream: &[wit::Token]) -> wasmtime::Result<()> {
        check_nesting(stream)?;
        for span in crate::convert::spans_of(stream) {
            self.span(span)?;
        }
        Ok(())
    }
}

/// Each group's `len` must fit inside its parent's body.
fn check_nesting(stream: &[wit::Token]) -> Result<(), GuestFault> {
    let mut open_ends: Vec<usize> = Vec::new();
    for (index, token) in stream.iter().enumerate() {
        while open_ends.last() == Some(&index) {
            open_ends.pop();
        }
        if let wit::Token::Group(group) = token {
            let end = index + 1 + group.len as usize;
            let limit = open_ends.last().copied().unwrap_or(stream.len());
            if end > limit {
                return Err(GuestFault::MalformedStream { index, len: group.len });
            }
            open_ends.push(end);
        }
    }
    Ok(())
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

/// Caps linear memory and remembers a refusal, so that the trap that follows (Rust aborts on a
/// failed allocation) can be reported as "out of memory" instead of an opaque `unreachable`.
pub(crate) struct MemoryLimit {
    pub max_bytes: usize,
    pub refused: bool,
}

impl ResourceLimiter for MemoryLimit {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        let allowed = desired <= self.max_bytes;
        self.refused |= !allowed;
        Ok(allowed)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= 1_000_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(len: u32) -> wit::Token {
        wit::Token::Group(wit::Group {
            delimiter: wit::Delimiter::Brace,
            open: 0,
            close: 0,
            entire: 0,
            len,
            open_spacing: wit::Spacing::Alone,
            close_spacing: wit::Spacing::Alone,
            doc_comment: None,
        })
    }
    fn punct() -> wit::Token {
        wit::Token::Punct(wit::Punct { ch: ';', spacing: wit::Spacing::Alone, span: 0 })
    }

    #[test]
    fn nesting_accepts_well_formed_and_rejects_overlong_groups() {
        assert!(check_nesting(&[group(2), group(1), punct(), punct()]).is_ok());
        assert!(check_nesting(&[group(0), punct()]).is_ok());
        assert!(check_nesting(&[group(3), punct()]).is_err());
        // The inner group claims more than its parent's body.
        assert!(check_nesting(&[group(2), group(2), punct(), punct()]).is_err());
    }
}
