//! `cargo wasmacro cache`: where the cache folder is and what it holds (compiled code of
//! components, installed host libraries); `--clean` removes both. Neither is removed on its own
//! otherwise: each new component or wasmacro build adds entries.

use std::path::PathBuf;

use anyhow::{Context, Result};
use wasmacro_host::ComponentCache;

use crate::host_library;
use crate::ui;

#[derive(clap::Args, Debug)]
#[command(after_help = "\
The folder is $WASMACRO_CACHE_DIR if set (empty: no cache), else the platform's cache folder
(~/.cache/wasmacro on Linux). Only files wasmacro named are listed and removed.
After --clean, components are compiled again on their next load (a second or two each), and
shims generated before name a host library that is gone: compiling one then fails with a message
that says to run `cargo wasmacro shim` again. Clean when no compiler uses the cache.")]
pub struct CacheArgs {
    /// Remove the compiled code of every component and every installed host library
    #[arg(long)]
    pub clean: bool,
}

impl CacheArgs {
    pub fn exec(self) -> Result<()> {
        let Some(dir) = ComponentCache::default_location() else {
            println!("no cache: WASMACRO_CACHE_DIR is set and empty, so components are compiled on every load");
            return Ok(());
        };
        let compiled = ComponentCache::new(&dir).entry_files().with_context(|| format!("listing {}", dir.display()))?;
        let libraries_dir = host_library::installed_dir(&dir);
        let libraries = host_library::installed(&libraries_dir).with_context(|| format!("listing {}", libraries_dir.display()))?;
        let components = compiled.iter().filter(|p| p.extension().is_some_and(|e| e == "cwasm")).count();
        println!("cache folder: {}", dir.display());
        println!("compiled code: {components} {} ({})", plural(components, "component"), size(&compiled));
        println!("host libraries: {} ({}) in {}", libraries.len(), size(&libraries), libraries_dir.display());
        if self.clean {
            let files = [compiled, libraries].concat();
            let freed = size(&files);
            for file in &files {
                std::fs::remove_file(file).with_context(|| format!("removing {}", file.display()))?;
            }
            ui::status("Removed", format!("{} {}, {freed}", files.len(), plural(files.len(), "file")));
        }
        Ok(())
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}

/// Total size of `files`, in MB with one decimal.
fn size(files: &[PathBuf]) -> String {
    let bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    format!("{:.1} MB", bytes as f64 / 1e6)
}
