//! The guest sysroot: std, built for `wasm32-wasmacro` with `-Zbuild-std`, plus our
//! `proc_macro` library in place of the standard one, plus the wasi-libc objects of the stable
//! wasm32-wasip2 target. Built once per (toolchain, target spec, library sources) and cached.

use std::fs::File;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::target_spec::TARGET_NAME;
use crate::toolchain::Toolchain;
use crate::{cargo_run, embedded, ui};

pub struct GuestSysroot {
    /// What rustc takes as `--sysroot`.
    pub root: PathBuf,
}

impl GuestSysroot {
    /// Native proc-macro crates our library depends on (wit-bindgen's macros): rustc loads them
    /// when it reads the library's metadata, so guest builds get `-L dependency=` this folder.
    pub fn host_deps(&self) -> PathBuf {
        self.root.join("host-deps")
    }
}

/// Returns the cached sysroot for this toolchain and library, building it first if needed.
/// `cache` is `<target-dir>/wasmacro`.
pub fn ensure(toolchain: &Toolchain, target_json: &Path, cache: &Path) -> Result<GuestSysroot> {
    let key = cache_key(toolchain, target_json)?;
    let root = cache.join("sysroot").join(&key);
    let done = root.join(".complete");
    if done.exists() {
        return Ok(GuestSysroot { root });
    }

    // Concurrent builds (tests, several terminals) wait for one another here.
    std::fs::create_dir_all(cache)?;
    let lock = File::create(cache.join("sysroot.lock"))?;
    lock.lock().context("locking the guest sysroot cache")?;
    if done.exists() {
        return Ok(GuestSysroot { root });
    }

    ui::status(
        "Building",
        format!("guest sysroot (std + wasmacro's proc_macro for {TARGET_NAME}); done once per toolchain, takes about a minute"),
    );
    let sources = cache.join("library-src").join(&key);
    embedded::write_sources(&sources)?;
    let artifacts = build_library(toolchain, target_json, &sources, &cache.join("sysroot-build"))?;

    let staging = cache.join("sysroot").join(format!("{key}.partial"));
    let _ = std::fs::remove_dir_all(&staging);
    let lib = staging.join("lib/rustlib").join(TARGET_NAME).join("lib");
    std::fs::create_dir_all(&lib)?;
    let host_deps = staging.join("host-deps");
    std::fs::create_dir_all(&host_deps)?;
    let ours = std::path::absolute(sources.join("library/proc_macro"))?;
    let mut found_ours = false;
    for artifact in &artifacts {
        let manifest_dir = artifact.manifest_path.parent().map(|p| p.as_std_path().to_path_buf()).unwrap_or_default();
        let is_ours = manifest_dir == ours;
        // The standard proc_macro is built too (it is part of std's crate graph); two crates named
        // proc_macro in one sysroot would be ambiguous, and ours must win.
        if artifact.target.name == "proc_macro" && !is_ours {
            continue;
        }
        found_ours |= is_ours;
        for file in &artifact.filenames {
            if file.extension() == Some("rlib") && file.as_str().contains(TARGET_NAME) {
                std::fs::copy(file, lib.join(file.file_name().unwrap()))?;
            } else if artifact.target.is_proc_macro() {
                std::fs::copy(file, host_deps.join(file.file_name().unwrap()))?;
            }
        }
    }
    if !found_ours {
        bail!("building the guest sysroot produced no proc_macro library (cargo reported no artifact for it)");
    }
    copy_dir(&toolchain.wasi_self_contained, &lib.join("self-contained"))?;
    // std on WASI with `panic=unwind` asks the linker for `-lunwind` (wasi-sdk's libunwind). Our
    // proc_macro library defines the few symbols it would provide (`unwind.rs`), so an empty
    // archive is enough to satisfy the request.
    std::fs::write(lib.join("self-contained/libunwind.a"), b"!<arch>\n")?;
    let _ = std::fs::remove_dir_all(&root);
    std::fs::rename(&staging, &root)?;
    File::create(&done)?;
    Ok(GuestSysroot { root })
}

fn build_library(toolchain: &Toolchain, target_json: &Path, sources: &Path, target_dir: &Path) -> Result<Vec<cargo_metadata::Artifact>> {
    let mut cmd = toolchain.cargo_command();
    cmd.current_dir(sources.join("library/proc_macro"))
        .args(["build", "--release", "-Zbuild-std=std,panic_unwind", "-Zjson-target-spec", "--target"])
        .arg(target_json)
        .arg("--target-dir")
        .arg(target_dir)
        // Bitcode beside the object code, so that a release build of a macro can take std and
        // our proc_macro library into its LTO (`build::RELEASE_PROFILE`); cargo leaves it out
        // of a build without LTO.
        .env("CARGO_ENCODED_RUSTFLAGS", "-Zunstable-options\x1f-Cembed-bitcode=yes");
    cargo_run::run(cmd, "building the guest sysroot")
}

fn cache_key(toolchain: &Toolchain, target_json: &Path) -> Result<String> {
    let mut hasher = DefaultHasher::new();
    // What this code puts into a sysroot, beyond the inputs below: change it with the layout.
    hasher.write(b"layout 3: self-contained/libunwind.a, bitcode embedded");
    hasher.write(toolchain.version.as_bytes());
    hasher.write(&std::fs::read(target_json)?);
    embedded::hash_into(&mut hasher);
    Ok(format!("{:016x}", hasher.finish()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()))?;
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}
