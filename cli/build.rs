//! Embeds the guest library sources and the WIT package into the binary, so that an installed
//! `cargo-wasmacro` can build the guest sysroot without a checkout of this repository.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn collect(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy();
        if name == "target" || name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            out.push(path.strip_prefix(root).unwrap().to_path_buf());
        }
    }
}

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let mut files = Vec::new();
    for dir in ["library/proc_macro", "wit"] {
        println!("cargo:rerun-if-changed={}", repo.join(dir).display());
        collect(&repo, &repo.join(dir), &mut files);
    }
    let mut code = String::from("/// (path relative to the repository root, contents)\npub const FILES: &[(&str, &[u8])] = &[\n");
    for file in &files {
        let abs = repo.join(file);
        writeln!(code, "    ({:?}, include_bytes!({:?})),", file.to_str().unwrap(), abs.to_str().unwrap()).unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_files.rs");
    std::fs::write(out, code).unwrap();
}
