//! The guest library and the WIT contract, as compiled into this binary (see `build.rs`).

use std::path::Path;

use anyhow::{Context, Result};

include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

/// The WIT text of `wasmacro:bridge`.
pub const BRIDGE_WIT: &str = include_str!("../../wit/bridge.wit");

/// Writes the embedded tree (`library/proc_macro/...`, `wit/...`) below `root`.
pub fn write_sources(root: &Path) -> Result<()> {
    for (relative, contents) in FILES {
        let path = root.join(relative);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(&path, contents).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Feeds every embedded file into `hasher`: the guest sysroot's cache key depends on it.
pub fn hash_into(hasher: &mut impl std::hash::Hasher) {
    for (relative, contents) in FILES {
        hasher.write(relative.as_bytes());
        hasher.write(contents);
    }
}
