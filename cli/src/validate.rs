//! Checks that bytes are a component (not a core module, not garbage) with wasmparser.

use anyhow::{bail, Result};
use wasmparser::{Parser, Validator, WasmFeatures};

pub fn component(bytes: &[u8]) -> Result<()> {
    if !bytes.starts_with(b"\0asm") {
        bail!("not a WebAssembly file (no `\\0asm` header)");
    }
    if !Parser::is_component(bytes) {
        bail!("a core WebAssembly module, not a component");
    }
    Validator::new_with_features(WasmFeatures::all()).validate_all(bytes)?;
    Ok(())
}
