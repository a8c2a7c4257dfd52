//! The component's *fast variant*: the same code with its exception handlers taken out.
//!
//! Macros are built with `panic=unwind` so that `catch_unwind` works as natively. Cranelift pays
//! for that at every call inside a `try_table`: such a call clobbers every register (Wasmtime's
//! exception ABI), so whatever lives across it is spilled and reloaded. With Rust's clean-up
//! handlers around most calls, serde_derive compiles to 8.0 MB of machine code; its fast variant
//! to 2.3 MB, and runs in 0.8x-0.9x of the time (BENCHMARKS.md, run 7).
//!
//! The fast variant turns each `try_table` into a plain `block` (same label, no catch clauses)
//! and each `throw`/`throw_ref` into `unreachable`: code that does not panic runs as before, and
//! a panic traps where it would have started to unwind. The instance then moves to the
//! component as built, replays the earlier expansions there with the answers recorded the first
//! time (`replay.rs`), and runs the expansion again: the panic, whatever catches it, and the
//! macro's `static` state are those of the unwinding build.

use wasm_encoder::reencode::{Error, Reencode, ReencodeComponent};

/// The component with its exception handlers removed, or `None` if it has none (nothing to
/// gain) or uses the legacy exception instructions (`try`/`catch`), which this does not rewrite.
pub fn without_exception_handlers(component: &[u8]) -> anyhow::Result<Option<Vec<u8>>> {
    if !has_exception_tags(component)? {
        return Ok(None);
    }
    let mut rewriter = HandlerRemover::default();
    let mut out = wasm_encoder::Component::new();
    rewriter
        .parse_component(&mut out, wasmparser::Parser::new(0), component)
        .map_err(|e| anyhow::anyhow!("rewriting the component without exception handlers: {e}"))?;
    Ok(match rewriter {
        HandlerRemover { legacy: true, .. } | HandlerRemover { removed: 0, .. } => None,
        _ => Some(out.finish()),
    })
}

#[derive(Default)]
struct HandlerRemover {
    /// `try_table`, `throw` and `throw_ref` instructions rewritten.
    removed: usize,
    /// Whether a legacy exception instruction was seen.
    legacy: bool,
}

impl Reencode for HandlerRemover {
    type Error = std::convert::Infallible;

    fn instruction<'a>(&mut self, op: wasmparser::Operator<'a>) -> Result<wasm_encoder::Instruction<'a>, Error<Self::Error>> {
        use wasmparser::Operator;
        Ok(match op {
            // A `try_table`'s label is its end, as a `block`'s; only the catch clauses go.
            Operator::TryTable { try_table } => {
                self.removed += 1;
                wasm_encoder::Instruction::Block(self.block_type(try_table.ty)?)
            }
            Operator::Throw { .. } | Operator::ThrowRef => {
                self.removed += 1;
                wasm_encoder::Instruction::Unreachable
            }
            Operator::Try { .. } | Operator::Catch { .. } | Operator::CatchAll | Operator::Rethrow { .. } | Operator::Delegate { .. } => {
                self.legacy = true;
                wasm_encoder::reencode::utils::instruction(self, op)?
            }
            other => wasm_encoder::reencode::utils::instruction(self, other)?,
        })
    }
}

impl ReencodeComponent for HandlerRemover {}

/// Whether a module of the component defines or imports an exception tag, which every
/// `throw` names: a component built with `panic=abort` has none, and so no variant to make.
/// Reads section headers only (function bodies are stepped over), so that loading such a
/// component every time costs next to nothing.
pub fn has_exception_tags(component: &[u8]) -> anyhow::Result<bool> {
    for payload in wasmparser::Parser::new(0).parse_all(component) {
        match payload? {
            wasmparser::Payload::TagSection(tags) if tags.count() > 0 => return Ok(true),
            wasmparser::Payload::ImportSection(imports) => {
                for import in imports {
                    if matches!(import?.ty, wasmparser::TypeRef::Tag(_)) {
                        return Ok(true);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(false)
}
