//! The guest target: wasm32-wasip2 as the nightly describes it, with the one change that lets
//! rustc accept `--crate-type proc-macro` (`only-cdylib: false`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::toolchain::{run_stdout, Toolchain};

/// File stem of the JSON spec; rustc names the target (and its sysroot folder) after it.
pub const TARGET_NAME: &str = "wasm32-wasmacro";

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
