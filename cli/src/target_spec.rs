//! The guest target: wasm32-wasip2 as the nightly describes it, with two changes: rustc accepts
//! `--crate-type proc-macro` (`only-cdylib: false`), and panics unwind with wasm exception
//! handling (`panic-strategy: unwind`, `+exception-handling`), so that `catch_unwind` works in
//! a macro as it does natively. The exceptions use the standard encoding (`try_table`, `exnref`;
//! the nightly's spec already passes LLVM `-wasm-use-legacy-eh=false`, which we check), the one
//! wasmtime implements. The unwinder symbols that std's `panic_unwind` links against come from
//! our `proc_macro` library (`unwind.rs`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::toolchain::{run_stdout, Toolchain};

/// File stem of the JSON spec; rustc names the target (and its sysroot folder) after it.
pub const TARGET_NAME: &str = "wasm32-wasmacro";

/// LLVM's switch to the standard exception-handling encoding.
const NEW_EH_ARG: &str = "-wasm-use-legacy-eh=false";

/// Writes `<dir>/wasm32-wasmacro.json` (only when its content changes, to keep cargo's
/// fingerprints) and returns its absolute path. Every build must use this same path: rustc
/// identifies a JSON target by its path.
pub fn write(toolchain: &Toolchain, dir: &Path) -> Result<PathBuf> {
    let text = run_stdout(
        Command::new(&toolchain.rustc)
            .args(["-Zunstable-options", "--print", "target-spec-json", "--target", "wasm32-wasip2"])
            .env("RUSTC_BOOTSTRAP", "1"),
    )?;
    let mut spec: serde_json::Value = serde_json::from_str(&text).context("parsing the target spec")?;
    let map = spec.as_object_mut().context("target spec is not a JSON object")?;
    map.insert("only-cdylib".into(), serde_json::Value::Bool(false));
    map.insert("panic-strategy".into(), "unwind".into());
    let features = match map.get("features").and_then(|f| f.as_str()) {
        Some(existing) if !existing.is_empty() => format!("{existing},+exception-handling"),
        _ => "+exception-handling".to_string(),
    };
    map.insert("features".into(), features.into());
    let legacy_eh_off = map
        .get("llvm-args")
        .and_then(|a| a.as_array())
        .is_some_and(|args| args.iter().any(|a| a.as_str() == Some(NEW_EH_ARG)));
    if !legacy_eh_off {
        // Older nightlies leave LLVM on the legacy encoding (`try`/`catch`), which wasmtime
        // does not run; ask for the standard one.
        let args = map.entry("llvm-args").or_insert_with(|| serde_json::Value::Array(Vec::new()));
        args.as_array_mut().context("`llvm-args` of the target spec is not a list")?.push(NEW_EH_ARG.into());
    }
    // rustc refuses JSON specs that carry the built-in targets' metadata.
    map.remove("metadata");
    let json = serde_json::to_string_pretty(&spec)? + "\n";

    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{TARGET_NAME}.json"));
    if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
        std::fs::write(&path, json)?;
    }
    Ok(std::path::absolute(path)?)
}
